//! Encryption at rest, chosen at run time (issue 10, R8.1): with the `encryption` feature
//! (a default) SQLite is SQLCipher, and a database is either plain (opens without a key,
//! as always) or encrypted with a passphrase. The passphrase given once is remembered for
//! the process, by database path, so every connection the program opens to that
//! database — the screen's, the save queue's writer thread, a backup — is keyed alike.
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;

/// Is SQLCipher compiled in?
pub const AVAILABLE: bool = cfg!(feature = "encryption");

/// A passphrase: never printed, overwritten when dropped.
pub struct Passphrase(String);

impl Passphrase {
    pub fn new(text: String) -> Self {
        Self(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Drop for Passphrase {
    fn drop(&mut self) {
        // SAFETY: zero bytes keep the string valid UTF-8.
        let bytes = unsafe { self.0.as_bytes_mut() };
        for b in bytes {
            // SAFETY: a valid, aligned pointer to a byte of ours; volatile, so the
            // compiler keeps the write.
            unsafe { std::ptr::write_volatile(b, 0) };
        }
    }
}

type Keys = Mutex<Vec<(PathBuf, Arc<Passphrase>)>>;

fn keys() -> &'static Keys {
    static KEYS: std::sync::OnceLock<Keys> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| Mutex::new(Vec::new()))
}

/// The same database under any spelling of its path.
fn key_path(db: &Path) -> PathBuf {
    match (db.parent(), db.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
        .map(|d| d.join(name))
        .unwrap_or_else(|_| db.to_path_buf()),
        _ => db.to_path_buf(),
    }
}

/// Use `pass` for every connection this process opens to `db` from now on; an empty
/// passphrase forgets it (the database is plain).
pub fn remember(db: &Path, pass: Passphrase) {
    let path = key_path(db);
    let mut keys = keys().lock().unwrap_or_else(|e| e.into_inner());
    keys.retain(|(p, _)| *p != path);
    if !pass.is_empty() {
        keys.push((path, Arc::new(pass)));
    }
}

/// The passphrase remembered for `db`.
pub fn key_for(db: &Path) -> Option<Arc<Passphrase>> {
    let path = key_path(db);
    let keys = keys().lock().unwrap_or_else(|e| e.into_inner());
    keys.iter()
        .find(|(p, _)| *p == path)
        .map(|(_, k)| Arc::clone(k))
}

/// Key a connection before anything else is read: SQLCipher's own error log is silenced
/// first, or it writes over the screen.
pub fn apply_key(conn: &Connection, pass: Option<&Passphrase>) -> rusqlite::Result<()> {
    if !AVAILABLE {
        return Ok(());
    }
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    if let Some(pass) = pass {
        conn.pragma_update(None, "key", pass.as_str())?;
    }
    Ok(())
}

/// Could `path` be an encrypted database (rather than no database at all)? An encrypted
/// file starts with a random salt instead of SQLite's header and is whole pages long.
pub fn may_be_encrypted(path: &Path) -> bool {
    if !AVAILABLE {
        return false;
    }
    let Ok(bytes) = read_start(path) else {
        return false;
    };
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    len >= 1024 && len.is_multiple_of(512) && !bytes.starts_with(b"SQLite format 3\0")
}

/// Does the file at `path` start with plain SQLite's header (not encrypted)?
pub fn is_plain(path: &Path) -> bool {
    read_start(path).is_ok_and(|b| b.starts_with(b"SQLite format 3\0"))
}

fn read_start(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = vec![0u8; 16];
    let mut f = std::fs::File::open(path)?;
    let n = f.read(&mut buf)?;
    buf.truncate(n);
    Ok(buf)
}
