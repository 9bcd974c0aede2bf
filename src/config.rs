//! The user's `config.toml`: language, theme, operator name and key bindings.
//!
//! ```toml
//! lang = "zh"
//! theme = "dark"
//! operator = "王秘书"
//!
//! [keys]
//! "check_in.now" = "Ctrl-n"
//! ```

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::textfile::{at, line_of};

/// Environment variable that overrides the configuration directory.
pub const CONFIG_DIR_ENV: &str = "HUIWU_CONFIG_DIR";

/// Top-level keys a config file may contain.
const KNOWN_KEYS: &[&str] = &["lang", "theme", "operator", "keys"];

#[derive(Default, Debug, Clone)]
pub struct Config {
    pub lang: Option<String>,
    pub theme: Option<String>,
    pub operator: Option<String>,
    /// Action name (e.g. "check_in.now") → key spec (e.g. "Ctrl-n").
    pub keys: BTreeMap<String, String>,
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
        "{}unknown setting `{key}` (known settings: lang, theme, operator, [keys])",
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    lang: Option<String>,
    theme: Option<String>,
    operator: Option<String>,
    #[serde(default)]
    keys: BTreeMap<String, String>,
}

impl Config {
    /// Parses the text of a config file.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            // serde reports unknown fields as "unknown field `NAME`, expected ..." with the
            // span on the key; turn that into a dedicated error naming the key.
            let unknown = e
                .message()
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split_once('`'))
                .map(|(key, _)| key.to_string())
                .filter(|key| !KNOWN_KEYS.contains(&key.as_str()));
            match unknown {
                Some(key) => ConfigError::UnknownKey {
                    path: None,
                    line,
                    key,
                },
                None => ConfigError::Syntax {
                    path: None,
                    line,
                    message: e.message().to_string(),
                },
            }
        })?;
        Ok(Config {
            lang: raw.lang,
            theme: raw.theme,
            operator: raw.operator,
            keys: raw.keys,
        })
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
