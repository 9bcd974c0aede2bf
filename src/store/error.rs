//! What can go wrong with the database, in terms a message to the user can be built from.
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create or open {path}: {source}")]
    CannotCreate {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a huiwu database")]
    NotHuiwu { path: PathBuf },
    #[error("wrong passphrase, or {path} is not a huiwu database")]
    WrongPassphrase { path: PathBuf },
    #[error("{path} is open in another program: close it first")]
    InUse { path: PathBuf },
    #[error("this huiwu was built without encryption")]
    NoEncryption,
    #[error("no such database: {path}")]
    NoSuchDatabase { path: PathBuf },
    #[error("{path} is an empty file, not a huiwu database")]
    EmptyFile { path: PathBuf },
    #[error("{path} was written by a newer huiwu (schema {found}, this program knows {known})")]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("the database is locked by another program")]
    Locked,
    #[error("stopped before the database answered")]
    Interrupted,
    #[error("the database cannot be written: {0}")]
    ReadOnly(String),
    #[error("the disk is full")]
    DiskFull,
    #[error("the database is damaged: {0}")]
    Corrupt(String),
    #[error("bad data in the database: {0}")]
    BadData(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("schema upgrade failed: {0}")]
    Migration(String),
    /// Another terminal holds the edit lease on the record (issue 10): not written.
    #[error("being edited by {operator} in another terminal")]
    Leased { operator: String },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::classify(e, Path::new(""))
    }
}

impl StoreError {
    /// Sort SQLite's error codes into the cases a user can act on.
    pub fn classify(e: rusqlite::Error, path: &Path) -> Self {
        let code = e.sqlite_error_code();
        match code {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Locked,
            Some(ErrorCode::OperationInterrupted) => Self::Interrupted,
            Some(ErrorCode::NotADatabase) => Self::NotHuiwu {
                path: path.to_path_buf(),
            },
            Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
                Self::ReadOnly(e.to_string())
            }
            Some(ErrorCode::CannotOpen) => Self::CannotCreate {
                path: path.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            },
            Some(ErrorCode::DiskFull) => Self::DiskFull,
            Some(ErrorCode::DatabaseCorrupt) => Self::Corrupt(e.to_string()),
            _ => Self::Sqlite(e),
        }
    }

    pub(crate) fn from_migration(e: rusqlite_migration::Error, path: &Path) -> Self {
        match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => Self::classify(err, path),
            other => Self::Migration(other.to_string()),
        }
    }

    /// Name the database file in an error made without it (inside a transaction).
    pub(crate) fn reclassify(self, path: &Path) -> Self {
        match self {
            Self::NotHuiwu { path: p } if p.as_os_str().is_empty() => Self::NotHuiwu {
                path: path.to_path_buf(),
            },
            other => other,
        }
    }

    /// A failure that may pass (another terminal's transaction, a full disk being
    /// cleared): the caller keeps the data and tries again.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Self::Locked | Self::DiskFull | Self::ReadOnly(_) | Self::Interrupted
        )
    }
}
