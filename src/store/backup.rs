//! Online backups (issue 10, R8.1, R9.1): SQLite's backup API copies the database while
//! terminals keep writing, into a private `backups` folder beside it (0700, files 0600),
//! keeping the newest [`KEEP`]. A backup of an encrypted database is encrypted with the
//! same passphrase: the copy is keyed before a page is written.
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{Result, Store, StoreError, cipher, private};
use crate::domain::Time;

/// How many automatic backups are kept.
pub const KEEP: usize = 20;

/// How long a backup waits for a lock another connection holds on the copy's pages.
const BUSY_FOR: Duration = Duration::from_secs(5);

/// The backups folder of the database at `db`.
pub fn folder(db: &Path) -> PathBuf {
    db.with_file_name("backups")
}

/// The file name stem of the database ("huiwu" for huiwu.db): backups are named after it.
fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "huiwu".into())
}

/// Is `name` an automatic backup of the database with this stem
/// (`<stem>-YYYYMMDD-HHMMSS[-N].db`)?
fn is_automatic(stem: &str, name: &str) -> bool {
    let Some(rest) = name
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix('-'))
        .and_then(|r| r.strip_suffix(".db"))
    else {
        return false;
    };
    let mut parts = rest.split('-');
    let date = parts.next().unwrap_or_default();
    let time = parts.next().unwrap_or_default();
    let extra = parts.next();
    date.len() == 8
        && time.len() == 6
        && date.bytes().chain(time.bytes()).all(|b| b.is_ascii_digit())
        && extra.is_none_or(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && parts.next().is_none()
}

/// The automatic backups of `db`, newest first.
pub fn list(db: &Path) -> Vec<PathBuf> {
    let stem = stem(db);
    let Ok(entries) = std::fs::read_dir(folder(db)) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| is_automatic(&stem, &n.to_string_lossy()))
        })
        .collect();
    // The names sort by time; a -N suffix sorts after the same second.
    out.sort_by_key(|p| std::cmp::Reverse(sort_key(p)));
    out
}

fn sort_key(p: &Path) -> (String, u32) {
    let name = p
        .file_stem()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut parts: Vec<&str> = name.rsplitn(4, '-').collect();
    parts.reverse();
    match parts.as_slice() {
        [_, date, time, n] => (format!("{date}{time}"), n.parse().unwrap_or(0)),
        [_, date, time] => (format!("{date}{time}"), 0),
        _ => (name.clone(), 0),
    }
}

/// Remove the automatic backups beyond the newest [`KEEP`].
pub fn rotate(db: &Path) -> std::io::Result<()> {
    for old in list(db).into_iter().skip(KEEP) {
        match std::fs::remove_file(&old) {
            // Another terminal rotated it already.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            other => other?,
        }
    }
    Ok(())
}

/// A new file in the backups folder for a backup made at `now`.
fn new_file(db: &Path, now: Time, label: &str) -> Result<(PathBuf, std::fs::File)> {
    let dir = folder(db);
    private::make_private_dir(&dir).map_err(|e| io_error(e, &dir))?;
    let base = format!("{}-{label}{}", stem(db), now.format("%Y%m%d-%H%M%S"));
    for n in 0..1000 {
        let name = if n == 0 {
            format!("{base}.db")
        } else {
            format!("{base}-{n}.db")
        };
        let path = dir.join(name);
        match private::create_new(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_error(e, &path)),
        }
    }
    Err(io_error(
        std::io::Error::other("too many backups in one second"),
        &dir,
    ))
}

/// Make an automatic backup of `db` now, then keep the newest [`KEEP`].
pub fn make(db: &Path, now: Time) -> Result<PathBuf> {
    let store = Store::open_read_only(db, "backup")?;
    let (path, _file) = new_file(db, now, "")?;
    if let Err(e) = store.backup_into(&path) {
        let _ = std::fs::remove_file(&path);
        return Err(e);
    }
    rotate(db).map_err(|e| io_error(e, &folder(db)))?;
    Ok(path)
}

/// A copy of `db` in the backups folder, named for why it was made (e.g. the database
/// as it was before a restore): never rotated away.
pub fn keep_copy(store: &Store, db: &Path, now: Time, why: &str) -> Result<PathBuf> {
    let (path, _file) = new_file(db, now, &format!("{why}-"))?;
    if let Err(e) = store.backup_into(&path) {
        let _ = std::fs::remove_file(&path);
        return Err(e);
    }
    Ok(path)
}

/// The time of the newest automatic backup's file.
pub fn newest_age(db: &Path) -> Option<Duration> {
    let newest = list(db).into_iter().next()?;
    std::fs::metadata(newest)
        .ok()?
        .modified()
        .ok()?
        .elapsed()
        .ok()
}

fn io_error(e: std::io::Error, path: &Path) -> StoreError {
    if e.raw_os_error() == Some(libc::ENOSPC) {
        StoreError::DiskFull
    } else {
        StoreError::CannotCreate {
            path: path.to_path_buf(),
            source: e,
        }
    }
}

impl Store {
    /// Copy this database, as it is now, into the file at `dest` (created already,
    /// owner-only, and empty): keyed with this database's passphrase, checked after.
    pub fn backup_into(&self, dest: &Path) -> Result<()> {
        let classify = |e: rusqlite::Error| StoreError::classify(e, dest);
        let mut to = Connection::open_with_flags(
            dest,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(classify)?;
        let key = self.path().and_then(cipher::key_for);
        cipher::apply_key(&to, key.as_deref()).map_err(classify)?;
        copy_pages(self.conn(), &mut to).map_err(classify)?;
        let ok: String = to
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(classify)?;
        if ok != "ok" {
            return Err(StoreError::Corrupt(ok));
        }
        drop(to);
        std::fs::File::open(dest)
            .and_then(|f| f.sync_all())
            .map_err(|e| io_error(e, dest))
    }
}

/// All pages at once; a lock held by another connection is waited out for a while.
pub(super) fn copy_pages(from: &Connection, to: &mut Connection) -> rusqlite::Result<()> {
    let backup = Backup::new(from, to)?;
    let until = std::time::Instant::now() + BUSY_FOR;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked if std::time::Instant::now() < until => {
                std::thread::sleep(Duration::from_millis(50));
            }
            StepResult::Busy | StepResult::Locked => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                ));
            }
            // StepResult is non-exhaustive: anything new is tried again.
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_automatic_backups_are_rotated() {
        assert!(is_automatic("huiwu", "huiwu-20261125-165225.db"));
        assert!(is_automatic("huiwu", "huiwu-20261125-165225-2.db"));
        assert!(!is_automatic(
            "huiwu",
            "huiwu-before-restore-20261125-165225.db"
        ));
        assert!(!is_automatic("huiwu", "other-20261125-165225.db"));
        assert!(!is_automatic("huiwu", "huiwu-20261125-165225.db-journal"));
        assert!(!is_automatic("huiwu", "huiwu-2026112-165225.db"));
    }
}
