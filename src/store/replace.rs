//! Putting another file in the database's place (issue 10): `huiwu restore` (a checked
//! backup, the current database kept aside first) and `huiwu encrypt` / `decrypt` (the
//! same data under another key). Done only while no other program has the database open
//! — a terminal still writing would write into a file no longer there.
use std::path::{Path, PathBuf};

use super::cipher::{self, Passphrase};
use super::tx::Audit;
use super::{Result, Store, StoreError, backup, head, private};
use crate::domain::Time;

/// Has another process the database open? Every SQLite connection in WAL mode holds a
/// shared lock on the "dead man switch" byte of the -shm file (byte 128 in SQLite's unix
/// VFS) for as long as it is open. Locks of this process are not seen: ask before
/// opening the database here.
#[cfg(unix)]
pub fn in_use(db: &Path) -> bool {
    use std::os::fd::AsRawFd;
    let Ok(shm) = std::fs::File::open(sibling(db, "-shm")) else {
        return false;
    };
    // SAFETY: a zeroed flock is a valid argument; F_GETLK only fills it in.
    unsafe {
        let mut fl: libc::flock = std::mem::zeroed();
        fl.l_type = libc::F_WRLCK as libc::c_short;
        fl.l_whence = libc::SEEK_SET as libc::c_short;
        fl.l_start = 128;
        fl.l_len = 1;
        libc::fcntl(shm.as_raw_fd(), libc::F_GETLK, &mut fl) == 0
            && fl.l_type != libc::F_UNLCK as libc::c_short
    }
}

#[cfg(not(unix))]
pub fn in_use(_db: &Path) -> bool {
    false
}

/// `huiwu.db` + "-wal" → `huiwu.db-wal`.
fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    db.with_file_name(name)
}

fn io(e: std::io::Error, path: &Path) -> StoreError {
    if e.raw_os_error() == Some(libc::ENOSPC) {
        StoreError::DiskFull
    } else {
        StoreError::CannotCreate {
            path: path.to_path_buf(),
            source: e,
        }
    }
}

fn refuse_if_in_use(db: &Path) -> Result<()> {
    if in_use(db) {
        return Err(StoreError::InUse {
            path: db.to_path_buf(),
        });
    }
    Ok(())
}

/// A new private file in the database's folder, for what is about to take its place.
fn temp_beside(db: &Path, what: &str) -> Result<PathBuf> {
    let tmp = sibling(db, &format!(".{what}-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    private::create_new(&tmp).map_err(|e| io(e, &tmp))?;
    Ok(tmp)
}

/// Move `tmp` into the database's place: the old -wal and -shm go first (a stale WAL
/// would be replayed onto the new file), then the rename, flushed.
fn put_in_place(tmp: &Path, db: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm", "-journal"] {
        let f = sibling(db, suffix);
        match std::fs::remove_file(&f) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e, &f)),
            _ => {}
        }
    }
    std::fs::rename(tmp, db).map_err(|e| io(e, db))?;
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    private::sync_dir(dir).map_err(|e| io(e, dir))
}

/// Keep the current database aside in the backups folder before it is replaced: through
/// SQLite when it opens (so its -wal is in the copy), else its files as they are (a
/// damaged database, or one whose passphrase nobody gave).
fn keep_aside(db: &Path, now: Time) -> Result<Option<PathBuf>> {
    if !db.exists() {
        return Ok(None);
    }
    if let Ok(current) = Store::open_read_only(db, "restore") {
        return backup::keep_copy(&current, db, now, "before-restore").map(Some);
    }
    let dir = backup::folder(db);
    private::make_private_dir(&dir).map_err(|e| io(e, &dir))?;
    let stem = db.file_stem().unwrap_or_default().to_string_lossy();
    let aside = dir.join(format!(
        "{stem}-before-restore-{}-raw.db",
        now.format("%Y%m%d-%H%M%S")
    ));
    for (from, to) in [
        (db.to_path_buf(), aside.clone()),
        (sibling(db, "-wal"), sibling(&aside, "-wal")),
    ] {
        if from.exists() {
            let mut out = private::create_new(&to).map_err(|e| io(e, &to))?;
            let mut input = std::fs::File::open(&from).map_err(|e| io(e, &from))?;
            std::io::copy(&mut input, &mut out).map_err(|e| io(e, &to))?;
            out.sync_all().map_err(|e| io(e, &to))?;
        }
    }
    Ok(Some(aside))
}

/// Replace the database at `db` with the (checked) database `source`, keeping the
/// current one aside first; the restored database's audit trail records the restore.
/// Returns where the old database was kept.
pub fn restore(source: &Store, db: &Path, operator: &str, now: Time) -> Result<Option<PathBuf>> {
    refuse_if_in_use(db)?;
    let aside = keep_aside(db, now)?;
    let tmp = temp_beside(db, "restore")?;
    if let Err(e) = source.backup_into(&tmp) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    put_in_place(&tmp, db)?;
    // The head file named the old chain: it goes with the old database.
    let old_head = head::path(db);
    if old_head.exists() {
        let to = aside
            .as_ref()
            .map(|a| head::path(a))
            .unwrap_or_else(|| sibling(db, ".head.before-restore"));
        let _ = std::fs::rename(&old_head, to);
    }
    // The restored file is keyed as its source was.
    let key = source.path().and_then(cipher::key_for);
    cipher::remember(
        db,
        Passphrase::new(key.map(|k| k.as_str().to_string()).unwrap_or_default()),
    );
    let mut restored = Store::open(db, operator)?;
    let from = source
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let kept = aside
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    restored.transact_at(now, |tx| {
        tx.audit(
            Audit::new("restore", "database", None)
                .field("file")
                .values(Some(&kept), Some(&from)),
        )
    })?;
    Ok(aside)
}

/// Re-write the database at `db` under another key: `to` a passphrase (encrypt) or none
/// (decrypt). Its current passphrase, if any, is the one remembered for it. The audit
/// trail records who did it.
pub fn convert(db: &Path, to: Option<&Passphrase>, operator: &str, now: Time) -> Result<()> {
    if !cipher::AVAILABLE {
        return Err(StoreError::NoEncryption);
    }
    refuse_if_in_use(db)?;
    let mut store = Store::open(db, operator)?;
    let action = if to.is_some() { "encrypt" } else { "decrypt" };
    store.transact_at(now, |tx| tx.audit(Audit::new(action, "database", None)))?;
    let version: i64 = store
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))?;
    // Everything into the main file, and out of WAL mode: this also fails while any
    // other connection has the database open.
    store
        .conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let mode: String = store
        .conn()
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(StoreError::InUse {
            path: db.to_path_buf(),
        });
    }
    let tmp = temp_beside(db, "convert")?;
    let exported = (|| -> rusqlite::Result<()> {
        let c = store.conn();
        c.execute(
            "ATTACH DATABASE ?1 AS converted KEY ?2",
            rusqlite::params![tmp.to_string_lossy(), to.map_or("", |p| p.as_str())],
        )?;
        c.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
        c.pragma_update(Some("converted"), "user_version", version)?;
        c.execute("DETACH DATABASE converted", [])?;
        Ok(())
    })();
    drop(store);
    if let Err(e) = exported {
        let _ = std::fs::remove_file(&tmp);
        return Err(StoreError::classify(e, db));
    }
    // The new file must open with the new key before it takes the old one's place.
    let tmp_key = Passphrase::new(to.map(|p| p.as_str().to_string()).unwrap_or_default());
    cipher::remember(&tmp, tmp_key);
    let checked = Store::open_read_only(&tmp, "convert").and_then(|s| s.check());
    cipher::remember(&tmp, Passphrase::new(String::new()));
    match checked {
        Ok(problems) if problems.is_empty() => {}
        Ok(problems) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(StoreError::Corrupt(problems.join("; ")));
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    }
    put_in_place(&tmp, db)?;
    cipher::remember(
        db,
        Passphrase::new(to.map(|p| p.as_str().to_string()).unwrap_or_default()),
    );
    Ok(())
}
