//! Opening the database: read-write for the console (creating it owner-only), read-only
//! for `check` and `export` (never creating or changing anything), and telling a damaged
//! huiwu database from another program's file.
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::Migrations;

use super::{DEFAULT_BUSY_TIMEOUT, MIGRATIONS, Result, Store, StoreError};

/// What may be done with the database file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// No file there.
    Missing,
    /// The file or its folder cannot be written (a read-only mount, an immutable file).
    ReadOnly,
    ReadWrite,
}

/// Can the database at `path` be written? Asks the system, so it also holds for root on
/// a read-only mount or an immutable file.
pub fn access(path: &Path) -> Access {
    if !path.exists() {
        return Access::Missing;
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if writable(path) && writable(dir) {
        Access::ReadWrite
    } else {
        Access::ReadOnly
    }
}

#[cfg(unix)]
fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a valid NUL-terminated path for the duration of the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn writable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

impl Store {
    /// Open (creating, mode 0600 in a folder of mode 0700) and migrate the database at
    /// `path`.
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
        let key = keyed(&conn, path)?;
        let mut store = Self::with_conn(conn, Some(path.to_path_buf()), operator);
        store
            .prepare(busy)
            .map_err(|e| wrong_key_or(disk_full_or(e, path), key))?;
        Ok(store)
    }

    /// Open an existing database to read only: nothing is created, migrated or changed.
    /// On a folder that cannot be written (an archived copy on a read-only mount) the file
    /// is read as immutable.
    pub fn open_read_only(path: &Path, operator: &str) -> Result<Self> {
        let access = access(path);
        if access == Access::Missing {
            return Err(StoreError::NoSuchDatabase {
                path: path.to_path_buf(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = if access == Access::ReadOnly {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            Connection::open_with_flags(uri, flags)
        } else {
            Connection::open_with_flags(path, flags)
        }
        .map_err(|e| StoreError::classify(e, path))?;
        let key = keyed(&conn, path)?;
        let store = Self::with_conn(conn, Some(path.to_path_buf()), operator);
        store.conn.busy_timeout(DEFAULT_BUSY_TIMEOUT)?;
        store
            .check_is_ours(false)
            .map_err(|e| wrong_key_or(e, key))?;
        Ok(store)
    }

    /// A private in-memory database, for tests and benchmarks.
    pub fn open_in_memory(operator: &str) -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self::with_conn(conn, None, operator);
        store.prepare(DEFAULT_BUSY_TIMEOUT)?;
        Ok(store)
    }

    fn prepare(&mut self, busy: Duration) -> Result<()> {
        let path = self.path.clone().unwrap_or_default();
        let classify = |e: rusqlite::Error| StoreError::classify(e, &path);
        self.conn.busy_timeout(busy).map_err(classify)?;
        // Refuse another program's file before changing anything in it (even its journal).
        self.check_is_ours(true)?;
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
        super::chain::chain_old_rows(&mut self.conn).map_err(|e| e.reclassify(&path))?;
        Ok(())
    }

    /// Refuse a database that some other program made, or a newer huiwu did; tell a
    /// damaged huiwu database from a file that is not one. An empty file is a new
    /// database only when it may be written (`may_start`).
    pub(super) fn check_is_ours(&self, may_start: bool) -> Result<()> {
        let path = self.path.clone().unwrap_or_default();
        let classify = |e: rusqlite::Error| StoreError::classify(e, &path);
        // Reading the header first tells a file that is not a database from one that is.
        let tables: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .map_err(classify)?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(classify)?;
        if version == 0 && tables == 0 {
            return if may_start {
                Ok(())
            } else {
                Err(StoreError::EmptyFile { path })
            };
        }
        let ours = self
            .conn
            .query_row("SELECT value FROM app_meta WHERE key = 'app'", [], |r| {
                r.get::<_, String>(0)
            });
        match ours {
            Ok(v) if v == "huiwu" => {}
            Ok(_) => return Err(StoreError::NotHuiwu { path }),
            Err(e) => match classify(e) {
                corrupt @ StoreError::Corrupt(_) => return Err(corrupt),
                locked @ StoreError::Locked => return Err(locked),
                _ => return Err(StoreError::NotHuiwu { path }),
            },
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
}

/// Key a new connection with the passphrase remembered for `path` (if any); says whether
/// one was given.
fn keyed(conn: &Connection, path: &Path) -> Result<bool> {
    let key = super::cipher::key_for(path);
    super::cipher::apply_key(conn, key.as_deref()).map_err(|e| StoreError::classify(e, path))?;
    Ok(key.is_some())
}

/// With a passphrase given, a file SQLite cannot read is "wrong passphrase, or not ours".
fn wrong_key_or(e: StoreError, key: bool) -> StoreError {
    match e {
        StoreError::NotHuiwu { path } if key => StoreError::WrongPassphrase { path },
        other => other,
    }
}

/// A path in a `file:` URI: every byte that could end or confuse it escaped.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/._-~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// SQLite says "disk I/O error" when it cannot grow its journal on a full disk: say the
/// disk is full when the folder has no space left.
fn disk_full_or(e: StoreError, path: &Path) -> StoreError {
    let io_error = matches!(&e, StoreError::Sqlite(err)
        if err.sqlite_error_code() == Some(rusqlite::ErrorCode::SystemIoFailure));
    if (io_error || matches!(e, StoreError::CannotCreate { .. })) && no_space(path) {
        StoreError::DiskFull
    } else {
        e
    }
}

#[cfg(unix)]
fn no_space(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: statvfs fills the zeroed struct for a valid NUL-terminated path.
    unsafe {
        let mut st: libc::statvfs = std::mem::zeroed();
        libc::statvfs(c.as_ptr(), &mut st) == 0 && st.f_bavail == 0
    }
}

#[cfg(not(unix))]
fn no_space(_path: &Path) -> bool {
    false
}

/// Create the file with mode 0600, in a folder of mode 0700, before SQLite does: the
/// minutes are not for others.
fn create_owner_only(path: &Path) -> Result<()> {
    let fail = |source: std::io::Error| StoreError::CannotCreate {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        crate::emergency::make_private_dir(dir).map_err(|e| disk_full_io(e, path))?;
    }
    if path.exists() {
        return Ok(());
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(disk_full_io(e, path)),
    }
    .map_err(|e| match e {
        StoreError::CannotCreate { source, .. } => fail(source),
        other => other,
    })
}

fn disk_full_io(e: std::io::Error, path: &Path) -> StoreError {
    if e.raw_os_error() == Some(libc::ENOSPC) {
        StoreError::DiskFull
    } else {
        StoreError::CannotCreate {
            path: path.to_path_buf(),
            source: e,
        }
    }
}

/// What `PRAGMA integrity_check` says of a database that cannot be opened as a huiwu
/// database because it is damaged: every row it reports, read only.
pub fn integrity_report(path: &Path) -> Vec<String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = if access(path) == Access::ReadOnly {
        Connection::open_with_flags(format!("file:{}?immutable=1", uri_path(path)), flags)
    } else {
        Connection::open_with_flags(path, flags)
    };
    let conn = match conn {
        Ok(c) => c,
        Err(e) => return vec![e.to_string()],
    };
    if let Err(e) = super::cipher::apply_key(&conn, super::cipher::key_for(path).as_deref()) {
        return vec![e.to_string()];
    }
    let rows = conn.prepare("PRAGMA integrity_check").and_then(|mut st| {
        st.query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<String>>>()
    });
    match rows {
        Ok(rows) => rows.into_iter().filter(|r| r != "ok").collect(),
        Err(e) => vec![e.to_string()],
    }
}
