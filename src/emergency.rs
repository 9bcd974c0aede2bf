//! The emergency file (R9.1): what the database would not take when the program had to
//! end is written beside the database, in a private folder, so nothing typed is lost and
//! nobody else can read it. The next start finds it and offers to bring it back.
//!
//! The file is TOML: readable by a person (each typed text in full, with its speaker),
//! and by the program (the changes themselves, to replay).
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::domain::{Id, Time};
use crate::store::change::Change;
use crate::store::cipher::Passphrase;
use crate::store::writer::Job;

/// What an emergency file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Emergency {
    /// The database the changes belong to.
    pub database: String,
    pub operator: String,
    pub written_at: Time,
    /// Each text typed, readable: who said it, and the words.
    #[serde(default)]
    pub texts: Vec<TypedText>,
    /// The changes themselves, oldest first, as the program replays them.
    #[serde(default)]
    pub jobs: Vec<SavedJob>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TypedText {
    pub what: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedJob {
    pub at: Time,
    pub changes: Vec<Change>,
}

impl Emergency {
    /// The file for `jobs`. A splice followed by a whole text of its entry is left out:
    /// the whole text holds its words, and the file then replays onto any stored text.
    pub fn new(database: &Path, operator: &str, now: Time, jobs: &[Arc<Job>]) -> Self {
        let mut whole_after: HashSet<Id> = HashSet::new();
        let mut kept: Vec<SavedJob> = Vec::with_capacity(jobs.len());
        for job in jobs.iter().rev() {
            let mut changes: Vec<Change> = Vec::with_capacity(job.changes.len());
            for c in job.changes.iter().rev() {
                match c {
                    Change::EntrySplice { entry_id, .. } if whole_after.contains(entry_id) => {
                        continue;
                    }
                    Change::EntryText { entry_id, .. } => {
                        whole_after.insert(*entry_id);
                    }
                    _ => {}
                }
                changes.push(c.clone());
            }
            changes.reverse();
            kept.push(SavedJob {
                at: job.at,
                changes,
            });
        }
        kept.reverse();
        let texts = kept
            .iter()
            .flat_map(|j| j.changes.iter())
            .filter_map(|c| {
                c.typed_text().map(|text| TypedText {
                    what: describe(c),
                    text: text.to_string(),
                })
            })
            .collect();
        Self {
            database: database.display().to_string(),
            operator: operator.to_string(),
            written_at: now,
            texts,
            jobs: kept,
        }
    }

    /// The number of characters of typed text the file holds.
    pub fn chars(&self) -> usize {
        self.texts.iter().map(|t| t.text.chars().count()).sum()
    }

    pub fn to_toml(&self) -> Result<String, String> {
        let body = toml::to_string(self).map_err(|e| e.to_string())?;
        Ok(format!(
            "# huiwu: 未能存入数据库的内容（应急文件）。The database would not take this.\n\
             # 下次启动时程序会提示将其恢复。The next start offers to bring it back.\n{body}"
        ))
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

fn describe(c: &Change) -> String {
    match c {
        Change::EntryText { entry_id, .. } => format!("entry {entry_id}"),
        Change::EntrySplice { entry_id, .. } => format!("entry {entry_id} (part)"),
        Change::NewEntry { entry } => format!("entry {} {}", entry.id, entry.speaker_name),
        Change::Decision { decision } => format!("decision of topic {}", decision.topic_id),
        _ => String::new(),
    }
}

/// The private folder beside `db` where its emergency files go.
pub fn folder(db: &Path) -> PathBuf {
    let stem = db
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "huiwu.db".into());
    db.with_file_name(format!("{stem}.unsaved"))
}

/// Write the file: the folder made owner-only (0700), the file created new (never over
/// another, never through a symlink), owner-only (0600), under a name that cannot
/// collide (time, process id, operator), file and folder flushed to the disk.
pub fn write(db: &Path, e: &Emergency) -> std::io::Result<PathBuf> {
    let dir = folder(db);
    make_private_dir(&dir)?;
    let operator: String = e
        .operator
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .take(32)
        .collect();
    // An encrypted database's text stays encrypted: sealed with its passphrase.
    let key = crate::store::cipher::key_for(db).filter(|_| crate::store::cipher::AVAILABLE);
    let name = format!(
        "{}-{}-{operator}.{}",
        e.written_at.format("%Y%m%d-%H%M%S%.3f"),
        std::process::id(),
        if key.is_some() { SEALED } else { PLAIN }
    );
    let path = dir.join(name);
    let body = e.to_toml().map_err(std::io::Error::other)?;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = opts.open(&path)?;
    let written = match &key {
        None => file.write_all(body.as_bytes()),
        Some(pass) => seal(&path, pass, &body),
    }
    .and_then(|()| file.sync_all());
    if let Err(e) = written {
        // A file half written (the disk full, as often here) would hide a good one from
        // the next start's offer: it goes, and the caller says it failed.
        let _ = std::fs::remove_file(&path);
        return Err(e);
    }
    std::fs::File::open(&dir)?.sync_all()?;
    Ok(path)
}

/// A readable emergency file (TOML), and one sealed with the database's passphrase: an
/// SQLCipher file holding the same TOML, so the text of an encrypted database is never
/// on the disk in the clear (issue 10, R8.1).
const PLAIN: &str = "toml";
const SEALED: &str = "sealed";

fn sql_error(e: rusqlite::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// Write `body` into the new, empty, owner-only file at `path` as an encrypted database.
/// Its journal stays in memory: nothing else appears in the folder.
fn seal(path: &Path, pass: &Passphrase, body: &str) -> std::io::Result<()> {
    use rusqlite::OpenFlags as F;
    let flags = F::SQLITE_OPEN_READ_WRITE | F::SQLITE_OPEN_NOFOLLOW | F::SQLITE_OPEN_NO_MUTEX;
    let conn = rusqlite::Connection::open_with_flags(path, flags).map_err(sql_error)?;
    crate::store::cipher::apply_key(&conn, Some(pass)).map_err(sql_error)?;
    conn.pragma_update(None, "journal_mode", "MEMORY")
        .map_err(sql_error)?;
    conn.execute_batch("CREATE TABLE emergency (body TEXT NOT NULL)")
        .map_err(sql_error)?;
    conn.execute("INSERT INTO emergency (body) VALUES (?1)", [body])
        .map_err(sql_error)?;
    conn.close().map_err(|(_, e)| sql_error(e))
}

/// Is this emergency file sealed with the database's passphrase (not readable as text)?
pub fn is_sealed(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == SEALED)
}

/// Read an emergency file of `db`: plain, or sealed with the passphrase given for `db`.
pub fn read(db: &Path, path: &Path) -> Result<Emergency, String> {
    if is_sealed(path) {
        let pass = crate::store::cipher::key_for(db).ok_or_else(|| {
            "sealed with the database's passphrase, which was not given".to_string()
        })?;
        let conn = rusqlite::Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                | rusqlite::OpenFlags::SQLITE_OPEN_NOFOLLOW
                | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| e.to_string())?;
        crate::store::cipher::apply_key(&conn, Some(&pass)).map_err(|e| e.to_string())?;
        let body: String = conn
            .query_row("SELECT body FROM emergency", [], |r| r.get(0))
            .map_err(|e| e.to_string())?;
        Emergency::parse(&body)
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| Emergency::parse(&t))
    }
}

/// Make `dir` (and its parents) and make sure it is a real folder, owner-only.
pub fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        match std::fs::symlink_metadata(dir) {
            Ok(m) if m.file_type().is_symlink() || !m.is_dir() => {
                return Err(std::io::Error::other(format!(
                    "{} is not a folder of ours",
                    dir.display()
                )));
            }
            Ok(_) => {}
            Err(_) => std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)?,
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// The emergency files of a database, oldest first.
pub fn find(db: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder(db)) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == PLAIN || x == SEALED))
        .collect();
    out.sort();
    out
}
