//! Automatic backups (issue 10): one at start, then one every [`EVERY`] while a meeting
//! is in progress, made on a thread of their own with their own read-only connection, so
//! no key waits for a copy and the save queue's writer is never held up. Several
//! terminals on one database share the folder: a backup is skipped when another terminal
//! made one a moment ago.
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{Result, Store, StoreError, backup};
use crate::clock::SystemClock;
use crate::domain::Clock;

/// How often a backup is made while a meeting is in progress.
pub const EVERY: Duration = Duration::from_secs(600);

/// A backup younger than this makes the one at start unnecessary (another terminal's).
const FRESH_AT_START: Duration = Duration::from_secs(60);

/// The backup thread; it ends when this is dropped.
pub struct Keeper {
    stop: Option<Sender<()>>,
    news: Receiver<Result<PathBuf>>,
    handle: Option<JoinHandle<()>>,
}

impl Keeper {
    /// Start backing up the database at `db`: now, then every `every` while a meeting is
    /// in progress.
    pub fn start(db: &Path, every: Duration) -> Self {
        let (stop, stop_rx) = mpsc::channel::<()>();
        let (news_tx, news) = mpsc::channel();
        let db = db.to_path_buf();
        let handle = std::thread::Builder::new()
            .name("huiwu-backup".into())
            .spawn(move || run(&db, every, &stop_rx, &news_tx))
            .ok();
        Self {
            stop: Some(stop),
            news,
            handle,
        }
    }

    /// The backups made or failed since last asked, oldest first.
    pub fn news(&self) -> Vec<Result<PathBuf>> {
        self.news.try_iter().collect()
    }

    /// The latest failure among the news, if the latest backup failed.
    pub fn failure(&self) -> Option<StoreError> {
        self.news().into_iter().last().and_then(|r| r.err())
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        self.stop.take();
        if let Some(h) = self.handle.take() {
            // A backup under way is a moment's work; one stuck on a lock is left behind
            // (the process is ending, and a half-written copy never replaces anything).
            let until = std::time::Instant::now() + Duration::from_secs(2);
            while !h.is_finished() && std::time::Instant::now() < until {
                std::thread::sleep(Duration::from_millis(10));
            }
            if h.is_finished() {
                let _ = h.join();
            }
        }
    }
}

fn run(db: &Path, every: Duration, stop: &Receiver<()>, news: &Sender<Result<PathBuf>>) {
    if backup::newest_age(db).is_none_or(|age| age > FRESH_AT_START) {
        let _ = news.send(backup::make(db, SystemClock.now()));
    }
    loop {
        match stop.recv_timeout(every) {
            Err(RecvTimeoutError::Timeout) => {}
            _ => return,
        }
        // Another terminal's backup of a moment ago will do.
        let due = backup::newest_age(db).is_none_or(|age| age >= every.mul_f32(0.9));
        if due && in_progress(db) {
            let _ = news.send(backup::make(db, SystemClock.now()));
        }
    }
}

/// Is a meeting of this database in progress?
fn in_progress(db: &Path) -> bool {
    Store::open_read_only(db, "backup")
        .and_then(|s| s.meeting_in_progress())
        .unwrap_or(false)
}

impl Store {
    /// Is any meeting in progress?
    pub fn meeting_in_progress(&self) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM meeting WHERE status = 'in_progress')",
            [],
            |r| r.get(0),
        )?)
    }
}
