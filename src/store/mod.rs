//! SQLite, and the only place that holds SQL.
//!
//! One database file; WAL; `synchronous=FULL` because this is the official record;
//! every write is one `BEGIN IMMEDIATE` transaction that also appends an audit row (R9.4).
mod attendance;
mod decision;
mod error;
mod meeting;
mod people;
pub mod procedure;
mod session;
mod time;
mod topic;
pub mod writer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};

pub use error::StoreError;
pub use session::SessionState;
pub(crate) use time::time_text;

use crate::domain::Id;

pub type Result<T> = std::result::Result<T, StoreError>;

/// The schema, one migration per released version. Never edit a released one.
const MIGRATIONS: &[M<'static>] = &[M::up(include_str!("migrations/0001_initial.sql"))];

/// How long a write waits for another terminal's transaction before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    operator: String,
}

impl Store {
    /// Open (creating, mode 0600) and migrate the database at `path`.
    pub fn open(path: &Path, operator: &str) -> Result<Self> {
        Self::open_with(path, operator, DEFAULT_BUSY_TIMEOUT)
    }

    pub fn open_with(path: &Path, operator: &str, busy: Duration) -> Result<Self> {
        create_owner_only(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::classify(e, path))?;
        let mut store = Self {
            conn,
            path: Some(path.to_path_buf()),
            operator: operator.to_string(),
        };
        store.prepare(busy)?;
        Ok(store)
    }

    /// A private in-memory database, for tests and benchmarks.
    pub fn open_in_memory(operator: &str) -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self {
            conn,
            path: None,
            operator: operator.to_string(),
        };
        store.prepare(DEFAULT_BUSY_TIMEOUT)?;
        Ok(store)
    }

    fn prepare(&mut self, busy: Duration) -> Result<()> {
        let path = self.path.clone().unwrap_or_default();
        let classify = |e: rusqlite::Error| StoreError::classify(e, &path);
        self.conn.busy_timeout(busy).map_err(classify)?;
        // Reading the header first tells a file that is not a database from one that is.
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(classify)?;
        // Refuse another program's file before changing anything in it (even its journal).
        self.check_is_ours()?;
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(classify)?;
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(classify)?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(classify)?;
        Migrations::from_slice(MIGRATIONS)
            .to_latest(&mut self.conn)
            .map_err(|e| StoreError::from_migration(e, &path))?;
        Ok(())
    }

    /// Refuse a database that some other program made, or a newer huiwu did.
    fn check_is_ours(&self) -> Result<()> {
        let path = self.path.clone().unwrap_or_default();
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = self.conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if version == 0 && tables == 0 {
            return Ok(());
        }
        let ours: Option<String> = self
            .conn
            .query_row("SELECT value FROM app_meta WHERE key = 'app'", [], |r| {
                r.get(0)
            })
            .ok();
        if ours.as_deref() != Some("huiwu") {
            return Err(StoreError::NotHuiwu { path });
        }
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::TooNew {
                path,
                found: version,
                known,
            });
        }
        Ok(())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn operator(&self) -> &str {
        &self.operator
    }

    /// Changes whenever another connection commits: poll it to notice another terminal.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Run `f` in one IMMEDIATE transaction (takes the write lock up front, so a busy
    /// database fails here and not halfway through).
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>, &str) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone().unwrap_or_default();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::classify(e, &path))?;
        let out = f(&tx, &self.operator)?;
        tx.commit().map_err(|e| StoreError::classify(e, &path))?;
        Ok(out)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The whole audit trail, newest last: (at, operator, action, entity, id, old, new).
    pub fn audit_trail(&self) -> Result<Vec<AuditRow>> {
        let mut st = self.conn.prepare(
            "SELECT at, operator, action, entity, entity_id, old, new FROM audit ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(AuditRow {
                at: r.get(0)?,
                operator: r.get(1)?,
                action: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                old: r.get(5)?,
                new: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Integrity check for `huiwu check`: an empty list means all is well.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut st = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        let mut st = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = st.query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            problems.push(row?);
        }
        Ok(problems)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub at: String,
    pub operator: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<Id>,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Append one audit row inside the caller's transaction.
pub(crate) fn audit(
    tx: &Transaction<'_>,
    operator: &str,
    action: &str,
    entity: &str,
    entity_id: Option<Id>,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit (at, operator, action, entity, entity_id, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            time_text(&chrono::Local::now().fixed_offset()),
            operator,
            action,
            entity,
            entity_id,
            old,
            new
        ],
    )?;
    Ok(())
}

/// Create the file with mode 0600 before SQLite does: the minutes are not for others.
fn create_owner_only(path: &Path) -> Result<()> {
    let fail = |source: std::io::Error| StoreError::CannotCreate {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    if path.exists() {
        return Ok(());
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(fail(e)),
    }
}
