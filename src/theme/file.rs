//! Theme files: parsing, inheritance from a built-in theme, and resolving the colours.
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use super::{BUILTIN, DEFAULT_PARENT, Theme, ThemeError};
use crate::textfile::line_of;

/// Modifier names accepted in `modifiers = [...]`.
const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
    ("slow_blink", Modifier::SLOW_BLINK),
    ("rapid_blink", Modifier::RAPID_BLINK),
    ("hidden", Modifier::HIDDEN),
];

/// A theme file as written, before inheritance.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    name: Option<String>,
    inherits: Option<Spanned<String>>,
    #[serde(default)]
    palette: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    styles: BTreeMap<String, Spanned<toml::Value>>,
}

/// One value plus the line it came from, for error messages.
#[derive(Debug, Clone)]
struct Entry<T> {
    value: T,
    line: Option<usize>,
}

/// A style as written: colours stay unresolved so a later palette override still applies.
#[derive(Debug, Clone, Default)]
struct Spec {
    fg: Option<String>,
    bg: Option<String>,
    modifiers: Modifier,
}

/// Palette and styles of one file, flattened; layers merge entry by entry.
#[derive(Debug, Clone, Default)]
pub(super) struct Layer {
    palette: BTreeMap<String, Entry<String>>,
    styles: BTreeMap<String, Entry<Spec>>,
}

impl Layer {
    fn merge(mut self, over: Layer) -> Layer {
        self.palette.extend(over.palette);
        self.styles.extend(over.styles);
        self
    }
}

/// Parsed file: its own layer plus what it inherits from.
pub(super) struct ParsedFile {
    pub(super) name: Option<String>,
    inherits: Option<Entry<String>>,
    layer: Layer,
}

pub(super) fn parse_file(text: &str) -> Result<ParsedFile, ThemeError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| ThemeError::Syntax {
        path: None,
        line: e.span().map(|s| line_of(text, s.start)),
        message: e.message().to_string(),
    })?;
    let mut layer = Layer::default();
    for (key, value) in raw.palette {
        let line = Some(line_of(text, value.span().start));
        layer.palette.insert(
            key,
            Entry {
                value: value.into_inner(),
                line,
            },
        );
    }
    for (key, value) in raw.styles {
        let line = Some(line_of(text, value.span().start));
        flatten(key, value.get_ref(), line, &mut layer.styles)?;
    }
    let inherits = raw.inherits.map(|s| Entry {
        line: Some(line_of(text, s.span().start)),
        value: s.into_inner(),
    });
    Ok(ParsedFile {
        name: raw.name,
        inherits,
        layer,
    })
}

/// Turns one `[styles]` value into specs. A table's `fg`/`bg`/`modifiers` describe the
/// style itself; any other key is a sub-style, so unquoted `flag.late = "red"` (which TOML
/// reads as a nested table) means the same as `"flag.late" = "red"`.
fn flatten(
    name: String,
    value: &toml::Value,
    line: Option<usize>,
    out: &mut BTreeMap<String, Entry<Spec>>,
) -> Result<(), ThemeError> {
    let bad = |key: &str, message: &str| ThemeError::BadStyle {
        path: None,
        line,
        key: key.to_string(),
        message: message.to_string(),
    };
    match value {
        toml::Value::String(colour) => {
            let spec = Spec {
                fg: Some(colour.clone()),
                ..Spec::default()
            };
            out.insert(name, Entry { value: spec, line });
            Ok(())
        }
        toml::Value::Table(table) => {
            let mut spec = Spec::default();
            let mut own = false;
            let mut children = false;
            for (key, sub) in table {
                match key.as_str() {
                    "fg" | "bg" => {
                        let colour = sub.as_str().ok_or_else(|| {
                            bad(&format!("{name}.{key}"), "a colour must be a string")
                        })?;
                        if key == "fg" {
                            spec.fg = Some(colour.to_string());
                        } else {
                            spec.bg = Some(colour.to_string());
                        }
                        own = true;
                    }
                    "modifiers" => {
                        spec.modifiers = modifiers(&format!("{name}.modifiers"), sub, line)?;
                        own = true;
                    }
                    _ => {
                        children = true;
                        flatten(format!("{name}.{key}"), sub, line, out)?;
                    }
                }
            }
            // `{}` is a deliberate plain style; a table of only sub-styles is not a style.
            if own || !children {
                out.insert(name, Entry { value: spec, line });
            }
            Ok(())
        }
        _ => Err(bad(
            &name,
            "expected a colour string or a table like { fg = \"...\", bg = \"...\", modifiers = [...] }",
        )),
    }
}

fn modifiers(key: &str, value: &toml::Value, line: Option<usize>) -> Result<Modifier, ThemeError> {
    let one = |name: &str| {
        let wanted = name.trim().to_ascii_lowercase().replace('-', "_");
        MODIFIERS
            .iter()
            .find(|(n, _)| *n == wanted)
            .map(|(_, m)| *m)
            .ok_or_else(|| ThemeError::BadModifier {
                path: None,
                line,
                key: key.to_string(),
                value: name.to_string(),
            })
    };
    match value {
        toml::Value::String(s) => one(s),
        toml::Value::Array(items) => {
            let mut all = Modifier::empty();
            for item in items {
                let name = item.as_str().ok_or_else(|| ThemeError::BadStyle {
                    path: None,
                    line,
                    key: key.to_string(),
                    message: "modifiers must be strings".to_string(),
                })?;
                all |= one(name)?;
            }
            Ok(all)
        }
        _ => Err(ThemeError::BadStyle {
            path: None,
            line,
            key: key.to_string(),
            message: "expected a list like [\"bold\", \"reversed\"]".to_string(),
        }),
    }
}

pub(super) fn builtin_layer(name: &str) -> Option<Result<Layer, ThemeError>> {
    let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
    // Built-in files never inherit, so their own layer is complete.
    Some(parse_file(text).map(|f| f.layer))
}

/// Puts `file` on top of the theme it inherits (or `default_parent` if it names none).
pub(super) fn with_parent(
    file: ParsedFile,
    default_parent: Option<&str>,
) -> Result<Layer, ThemeError> {
    let (parent, line) = match &file.inherits {
        Some(e) => (Some(e.value.as_str()), e.line),
        None => (default_parent, None),
    };
    let Some(parent) = parent else {
        return Ok(file.layer);
    };
    let base = builtin_layer(parent).ok_or_else(|| ThemeError::UnknownParent {
        path: None,
        line,
        parent: parent.to_string(),
    })??;
    Ok(base.merge(file.layer))
}

pub(super) fn load_user(name: &str, text: &str) -> Result<Theme, ThemeError> {
    let file = parse_file(text)?;
    let default_parent = if BUILTIN.iter().any(|(n, _)| *n == name) {
        name
    } else {
        DEFAULT_PARENT
    };
    let layer = with_parent(file, Some(default_parent))?;
    resolve(name, &layer)
}

/// A palette name, else a colour ratatui understands ("#rrggbb", "red", "reset", "42").
fn colour(value: &str, palette: &HashMap<&str, Color>) -> Option<Color> {
    palette
        .get(value)
        .copied()
        .or_else(|| Color::from_str(value.trim()).ok())
}

pub(super) fn resolve(name: &str, layer: &Layer) -> Result<Theme, ThemeError> {
    let mut palette = HashMap::new();
    for (key, entry) in &layer.palette {
        let c = Color::from_str(entry.value.trim()).map_err(|_| ThemeError::BadColour {
            path: None,
            line: entry.line,
            key: format!("palette.{key}"),
            value: entry.value.clone(),
        })?;
        palette.insert(key.as_str(), c);
    }
    let mut styles = HashMap::new();
    for (key, entry) in &layer.styles {
        let spec = &entry.value;
        let lookup = |value: &Option<String>, part: &str| -> Result<Option<Color>, ThemeError> {
            match value {
                None => Ok(None),
                Some(v) => colour(v, &palette)
                    .map(Some)
                    .ok_or_else(|| ThemeError::BadColour {
                        path: None,
                        line: entry.line,
                        key: format!("styles.{key}.{part}"),
                        value: v.clone(),
                    }),
            }
        };
        let mut style = Style::default().add_modifier(spec.modifiers);
        if let Some(fg) = lookup(&spec.fg, "fg")? {
            style = style.fg(fg);
        }
        if let Some(bg) = lookup(&spec.bg, "bg")? {
            style = style.bg(bg);
        }
        styles.insert(key.clone(), style);
    }
    Ok(Theme {
        name: name.to_string(),
        styles,
    })
}
