//! Colour themes: named styles loaded from TOML.
//!
//! A theme file has a `[palette]` of named colours and a `[styles]` table mapping dotted
//! style names to a colour (the foreground) or to `{ fg, bg, modifiers }`. Looking a style
//! up falls back along the dots (`flag.late` → `flag` → `base`), so a theme only has to
//! define what differs. Users may drop `NAME.toml` into their themes directory to override
//! a built-in theme entry by entry, or to add a new theme that `inherits` a built-in one.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::style::{Modifier, Style};

use crate::textfile::at;

mod file;
use file::{builtin_layer, load_user, parse_file, resolve, with_parent};

/// The themes shipped inside the binary, as (name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// Theme a user file builds on when it does not say `inherits` and no built-in theme has
/// its name.
const DEFAULT_PARENT: &str = "dark";

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
