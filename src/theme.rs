//! Colour themes: named styles loaded from TOML.
//!
//! A theme file has a `[palette]` of named colours and a `[styles]` table mapping dotted
//! style names to a colour (the foreground) or to `{ fg, bg, modifiers }`. Looking a style
//! up falls back along the dots (`flag.late` → `flag` → `base`), so a theme only has to
//! define what differs. Users may drop `NAME.toml` into their themes directory to override
//! a built-in theme entry by entry, or to add a new theme that `inherits` a built-in one.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::textfile::{at, line_of};
use toml::Spanned;

/// The themes shipped inside the binary, as (name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("dark", include_str!("../themes/dark.toml")),
    ("light", include_str!("../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../themes/high-contrast.toml"),
    ),
    ("mono", include_str!("../themes/mono.toml")),
];

/// Theme a user file builds on when it does not say `inherits` and no built-in theme has
/// its name.
const DEFAULT_PARENT: &str = "dark";

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

/// A resolved theme: every style name it defines mapped to a ratatui [`Style`].
#[derive(Debug, Clone)]
pub struct Theme {
    name: String,
    styles: HashMap<String, Style>,
}

/// Why a theme could not be loaded. Each variant carries what the user needs to fix it.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("unknown theme `{0}` (built-in themes: dark, light, high-contrast, mono)")]
    Unknown(String),
    #[error("cannot read theme file {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}invalid theme file: {message}", at(.path, .line))]
    Syntax {
        path: Option<PathBuf>,
        line: Option<usize>,
        message: String,
    },
    #[error(
        "{}bad colour `{value}` for `{key}` (use \"#rrggbb\", a colour name like \"red\", or a name from [palette])",
        at(.path, .line)
    )]
    BadColour {
        path: Option<PathBuf>,
        line: Option<usize>,
        key: String,
        value: String,
    },
    #[error(
        "{}unknown modifier `{value}` for `{key}` (use bold, dim, italic, underlined, reversed, crossed_out, slow_blink, rapid_blink, hidden)",
        at(.path, .line)
    )]
    BadModifier {
        path: Option<PathBuf>,
        line: Option<usize>,
        key: String,
        value: String,
    },
    #[error("{}bad style `{key}`: {message}", at(.path, .line))]
    BadStyle {
        path: Option<PathBuf>,
        line: Option<usize>,
        key: String,
        message: String,
    },
    #[error("{}`inherits` names unknown built-in theme `{parent}`", at(.path, .line))]
    UnknownParent {
        path: Option<PathBuf>,
        line: Option<usize>,
        parent: String,
    },
}

impl ThemeError {
    /// 1-based line in the theme file the error points at, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            ThemeError::Unknown(_) | ThemeError::Io { .. } => None,
            ThemeError::Syntax { line, .. }
            | ThemeError::BadColour { line, .. }
            | ThemeError::BadModifier { line, .. }
            | ThemeError::BadStyle { line, .. }
            | ThemeError::UnknownParent { line, .. } => *line,
        }
    }

    /// The file the error is in, when it came from a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            ThemeError::Unknown(_) => None,
            ThemeError::Io { path, .. } => Some(path),
            ThemeError::Syntax { path, .. }
            | ThemeError::BadColour { path, .. }
            | ThemeError::BadModifier { path, .. }
            | ThemeError::BadStyle { path, .. }
            | ThemeError::UnknownParent { path, .. } => path.as_deref(),
        }
    }

    fn with_path(mut self, file: &Path) -> Self {
        match &mut self {
            ThemeError::Unknown(_) | ThemeError::Io { .. } => {}
            ThemeError::Syntax { path, .. }
            | ThemeError::BadColour { path, .. }
            | ThemeError::BadModifier { path, .. }
            | ThemeError::BadStyle { path, .. }
            | ThemeError::UnknownParent { path, .. } => *path = Some(file.to_path_buf()),
        }
        self
    }
}

impl Theme {
    /// The theme's name (the built-in or file name it was loaded as).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Style for `name`, falling back along the dots to `base`; unknown names get `base`.
    /// Every style this theme defines by name (for checks and tests).
    pub fn styles(&self) -> impl Iterator<Item = (&String, &Style)> {
        self.styles.iter()
    }

    /// Does the theme define this exact style name?
    pub fn defines(&self, name: &str) -> bool {
        self.styles.contains_key(name)
    }

    pub fn style(&self, name: &str) -> Style {
        let mut key = name;
        loop {
            if let Some(style) = self.styles.get(key) {
                return *style;
            }
            match key.rfind('.') {
                Some(dot) => key = &key[..dot],
                None => break,
            }
        }
        self.styles.get("base").copied().unwrap_or_default()
    }

    /// A built-in theme by name.
    pub fn builtin(name: &str) -> Option<Theme> {
        let layer = builtin_layer(name)?.ok()?;
        resolve(name, &layer).ok()
    }

    /// Parses a complete theme. It stands alone unless it says `inherits = "NAME"` (a
    /// built-in theme), in which case it overrides that theme entry by entry.
    pub fn parse(text: &str) -> Result<Theme, ThemeError> {
        let file = parse_file(text)?;
        let name = file.name.clone().unwrap_or_else(|| "custom".to_string());
        let layer = with_parent(file, None)?;
        resolve(&name, &layer)
    }

    /// Loads theme `name`: `user_dir/NAME.toml` if it exists, otherwise the built-in theme.
    ///
    /// A user file overrides the theme it `inherits` (default: the built-in theme of the
    /// same name, or "dark" if there is none), so it only needs the entries it changes.
    pub fn load(name: &str, user_dir: Option<&Path>) -> Result<Theme, ThemeError> {
        // The name becomes a file name: refuse anything that could leave the directory.
        let safe = !name.is_empty()
            && !name.starts_with('.')
            && !name.contains(['/', '\\'])
            && !name.contains(std::path::MAIN_SEPARATOR);
        if !safe {
            return Err(ThemeError::Unknown(name.to_string()));
        }
        if let Some(dir) = user_dir {
            let path = dir.join(format!("{name}.toml"));
            match std::fs::read_to_string(&path) {
                Ok(text) => return load_user(name, &text).map_err(|e| e.with_path(&path)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(ThemeError::Io { path, source }),
            }
        }
        Theme::builtin(name).ok_or_else(|| ThemeError::Unknown(name.to_string()))
    }

    /// Last-resort theme if the built-in dark theme ever fails to parse: plain terminal
    /// colours with modifiers, so the program stays usable.
    fn fallback() -> Theme {
        let entries: &[(&str, Modifier)] = &[
            ("base", Modifier::empty()),
            ("border.focused", Modifier::BOLD),
            ("title.focused", Modifier::BOLD),
            ("header", Modifier::BOLD),
            ("selected", Modifier::REVERSED),
            ("muted", Modifier::DIM),
            ("statusbar", Modifier::REVERSED),
            ("footer.key", Modifier::BOLD),
            ("message.error", Modifier::BOLD),
            ("flag.warn", Modifier::UNDERLINED),
            ("flag.late", Modifier::BOLD.union(Modifier::REVERSED)),
            ("flag.leave", Modifier::DIM),
            ("flag.absent", Modifier::BOLD),
            ("flag.left", Modifier::ITALIC),
            ("editor.selection", Modifier::REVERSED),
            ("editor.search", Modifier::BOLD.union(Modifier::REVERSED)),
            ("modal.title", Modifier::BOLD),
            ("help.key", Modifier::BOLD),
        ];
        Theme {
            name: DEFAULT_PARENT.to_string(),
            styles: entries
                .iter()
                .map(|(k, m)| (k.to_string(), Style::default().add_modifier(*m)))
                .collect(),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::builtin(DEFAULT_PARENT).unwrap_or_else(Theme::fallback)
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

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
struct Layer {
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
struct ParsedFile {
    name: Option<String>,
    inherits: Option<Entry<String>>,
    layer: Layer,
}

fn parse_file(text: &str) -> Result<ParsedFile, ThemeError> {
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

fn builtin_layer(name: &str) -> Option<Result<Layer, ThemeError>> {
    let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name)?;
    // Built-in files never inherit, so their own layer is complete.
    Some(parse_file(text).map(|f| f.layer))
}

/// Puts `file` on top of the theme it inherits (or `default_parent` if it names none).
fn with_parent(file: ParsedFile, default_parent: Option<&str>) -> Result<Layer, ThemeError> {
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

fn load_user(name: &str, text: &str) -> Result<Theme, ThemeError> {
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

fn resolve(name: &str, layer: &Layer) -> Result<Theme, ThemeError> {
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
