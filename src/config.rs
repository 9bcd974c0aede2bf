//! The user's `config.toml`: language, theme, operator name and key bindings.
//!
//! ```toml
//! lang = "zh"
//! theme = "dark"
//! operator = "王秘书"
//! lock_after_minutes = 10   # lock the screen after this long without a key; 0 = never
//!
//! [keys]
//! "check_in.now" = "Ctrl-n"
//! ```

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::textfile::{at, line_of};

/// Environment variable that overrides the configuration directory.
pub const CONFIG_DIR_ENV: &str = "HUIWU_CONFIG_DIR";

#[derive(Default, Debug, Clone)]
pub struct Config {
    pub lang: Option<String>,
    pub theme: Option<String>,
    pub operator: Option<String>,
    /// Lock the screen after this many minutes without a key (0: never; none: 10).
    pub lock_after_minutes: Option<u32>,
    /// Action name (e.g. "check_in.now") → key spec (e.g. "Ctrl-n").
    pub keys: BTreeMap<String, String>,
    /// The line of each binding in the file, to name it when it cannot be used.
    pub key_lines: BTreeMap<String, usize>,
}

/// Why the config file could not be used. Each variant says where to look.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}invalid config file: {message}", at(.path, .line))]
    Syntax {
        path: Option<PathBuf>,
        line: Option<usize>,
        message: String,
    },
    #[error(
        "{}unknown setting `{key}` (known settings: lang, theme, operator, lock_after_minutes, [keys])",
        at(.path, .line)
    )]
    UnknownKey {
        path: Option<PathBuf>,
        line: Option<usize>,
        key: String,
    },
}

impl ConfigError {
    /// 1-based line in the config file the error points at, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            ConfigError::Io { .. } => None,
            ConfigError::Syntax { line, .. } | ConfigError::UnknownKey { line, .. } => *line,
        }
    }

    /// The config file the error is in, when it came from a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            ConfigError::Io { path, .. } => Some(path),
            ConfigError::Syntax { path, .. } | ConfigError::UnknownKey { path, .. } => {
                path.as_deref()
            }
        }
    }

    fn with_path(mut self, file: &Path) -> Self {
        match &mut self {
            ConfigError::Io { .. } => {}
            ConfigError::Syntax { path, .. } | ConfigError::UnknownKey { path, .. } => {
                *path = Some(file.to_path_buf())
            }
        }
        self
    }
}

/// A key of the file with the line it is on.
type SpannedTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// The `[keys]` table with a line for each binding.
#[derive(Deserialize, Default)]
struct KeysOnly {
    #[serde(default)]
    keys: Option<SpannedTable>,
}

impl Config {
    /// Parses the text of a config file; the first problem is an error. See
    /// [`Config::parse_lenient`] for keeping every good setting.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let (config, mut problems) = Config::parse_lenient(text);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems.remove(0))
        }
    }

    /// Parses the text of a config file, keeping every good setting and naming each bad
    /// line: one mistake must not throw away the operator's name or the other keys.
    pub fn parse_lenient(text: &str) -> (Config, Vec<ConfigError>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        match toml::from_str::<SpannedTable>(text) {
            Ok(table) => {
                let keys = toml::from_str::<KeysOnly>(text).unwrap_or_default().keys;
                config.take(text, table, keys, &mut problems);
            }
            Err(e) => {
                // The file as a whole does not read: say where, then take it line by
                // line, so the good lines still count.
                problems.push(ConfigError::Syntax {
                    path: None,
                    line: e.span().map(|s| line_of(text, s.start)),
                    message: e.message().to_string(),
                });
                config.take_lines(text, &mut problems);
            }
        }
        (config, problems)
    }

    fn take(
        &mut self,
        text: &str,
        table: SpannedTable,
        keys: Option<SpannedTable>,
        problems: &mut Vec<ConfigError>,
    ) {
        for (key, value) in table {
            let line = Some(line_of(text, key.span().start));
            let name = key.into_inner();
            let string = || value.get_ref().as_str().map(str::to_string);
            if name == "lock_after_minutes" {
                match value
                    .get_ref()
                    .as_integer()
                    .and_then(|n| u32::try_from(n).ok())
                {
                    Some(n) => self.lock_after_minutes = Some(n),
                    None => problems.push(ConfigError::Syntax {
                        path: None,
                        line,
                        message:
                            "`lock_after_minutes` must be a whole number of minutes (0: never)"
                                .into(),
                    }),
                }
                continue;
            }
            let slot = match name.as_str() {
                "lang" => &mut self.lang,
                "theme" => &mut self.theme,
                "operator" => &mut self.operator,
                "keys" => continue,
                _ => {
                    problems.push(ConfigError::UnknownKey {
                        path: None,
                        line,
                        key: name,
                    });
                    continue;
                }
            };
            match string() {
                Some(v) => *slot = Some(v),
                None => problems.push(not_a_string(&name, line)),
            }
        }
        for (key, value) in keys.unwrap_or_default() {
            let line = line_of(text, key.span().start);
            let name = key.into_inner();
            match value.get_ref().as_str() {
                Some(v) => {
                    self.keys.insert(name.clone(), v.to_string());
                    self.key_lines.insert(name, line);
                }
                None => problems.push(not_a_string(&format!("keys.{name}"), Some(line))),
            }
        }
    }

    /// Read a file that does not parse as a whole one line at a time. Each line is read
    /// on its own, placed at its own line number so what it says names the right line.
    fn take_lines(&mut self, text: &str, problems: &mut Vec<ConfigError>) {
        let mut in_keys = false;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('[') {
                in_keys = header.trim_end().trim_end_matches(']').trim() == "keys";
                continue;
            }
            if in_keys {
                let one = format!("{}[keys]\n{line}", "\n".repeat(i.saturating_sub(1)));
                if let Ok(k) = toml::from_str::<KeysOnly>(&one) {
                    self.take(&one, SpannedTable::new(), k.keys, problems);
                }
            } else {
                let one = format!("{}{line}", "\n".repeat(i));
                if let Ok(table) = toml::from_str::<SpannedTable>(&one) {
                    self.take(&one, table, None, problems);
                }
            }
        }
    }

    /// Reads `path`; a missing file is not an error (everything stays at its default).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text).map_err(|e| e.with_path(path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(source) => Err(ConfigError::Io {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Reads `path`, keeping every good setting; the problems name the file and line.
    pub fn load_lenient(path: &Path) -> (Config, Vec<ConfigError>) {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let (config, problems) = Config::parse_lenient(&text);
                let problems = problems.into_iter().map(|e| e.with_path(path)).collect();
                (config, problems)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
            Err(source) => (
                Config::default(),
                vec![ConfigError::Io {
                    path: path.to_path_buf(),
                    source,
                }],
            ),
        }
    }
}

fn not_a_string(key: &str, line: Option<usize>) -> ConfigError {
    ConfigError::Syntax {
        path: None,
        line,
        message: format!("`{key}` must be text in quotes"),
    }
}

impl Config {
    /// How long without a key before the screen locks: `lock_after_minutes`, 10 by
    /// default, none for 0 (never).
    pub fn lock_after(&self) -> Option<std::time::Duration> {
        match self.lock_after_minutes.unwrap_or(10) {
            0 => None,
            m => Some(std::time::Duration::from_secs(u64::from(m) * 60)),
        }
    }
}

/// Directory holding `config.toml` and `themes/`: `$HUIWU_CONFIG_DIR` if set, else the
/// platform config directory (e.g. `~/.config/huiwu`). None if no home directory is known.
pub fn config_dir() -> Option<PathBuf> {
    config_dir_from(std::env::var_os(CONFIG_DIR_ENV))
}

/// `config.toml` inside [`config_dir`].
pub fn config_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("config.toml"))
}

/// User themes directory inside [`config_dir`].
pub fn themes_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("themes"))
}

#[doc(hidden)]
pub fn config_dir_from(env: Option<OsString>) -> Option<PathBuf> {
    // An empty variable is treated as unset so `HUIWU_CONFIG_DIR= huiwu` is harmless.
    match env {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "huiwu").map(|p| p.config_dir().to_path_buf()),
    }
}
