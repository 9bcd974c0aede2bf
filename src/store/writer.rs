//! The text saver: a thread with its own connection, so the recorder's next keystroke
//! never waits for fsync (R9.1). Edits queue on a channel and are never dropped: the
//! thread merges what has queued (latest text per entry wins) and writes it in one
//! transaction, then reports the generation it saved.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{SessionState, Store, StoreError};
use crate::domain::{Id, Time};

/// What to save: the texts that changed, and where the caret is.
pub struct Job {
    /// Increases with every job; a report names the highest one saved.
    pub generation: u64,
    pub texts: Vec<(Id, String)>,
    pub session: Option<SessionState>,
}

#[derive(Debug)]
pub enum Report {
    Saved { generation: u64, at: Time },
    Failed { generation: u64, error: StoreError },
}

pub struct Writer {
    jobs: Option<Sender<Job>>,
    reports: Receiver<Report>,
    handle: Option<JoinHandle<()>>,
}

impl Writer {
    /// Start the saver on its own connection to the database at `path`.
    pub fn spawn(path: &Path, operator: &str, busy: Duration) -> Result<Self, StoreError> {
        let store = Store::open_with(path, operator, busy)?;
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (report_tx, reports) = mpsc::channel();
        let handle = std::thread::Builder::new()
            .name("huiwu-writer".into())
            .spawn(move || run(store, job_rx, report_tx))
            .map_err(|e| StoreError::CannotCreate {
                path: PathBuf::from("<writer thread>"),
                source: e,
            })?;
        Ok(Self {
            jobs: Some(jobs),
            reports,
            handle: Some(handle),
        })
    }

    /// Queue a job. Returns false only if the thread has died (then the caller saves
    /// inline).
    pub fn send(&self, job: Job) -> bool {
        self.jobs.as_ref().is_some_and(|j| j.send(job).is_ok())
    }

    /// Reports that have arrived, without waiting.
    pub fn reports(&self) -> Vec<Report> {
        self.reports.try_iter().collect()
    }

    /// Wait up to `limit` for a report.
    pub fn wait_report(&self, limit: Duration) -> Option<Report> {
        self.reports.recv_timeout(limit).ok()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // Closing the channel lets the thread write what is queued and end.
        self.jobs.take();
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn run(mut store: Store, jobs: Receiver<Job>, reports: Sender<Report>) {
    while let Ok(first) = jobs.recv() {
        let mut generation = first.generation;
        let mut texts: BTreeMap<Id, String> = first.texts.into_iter().collect();
        let mut session = first.session;
        // Merge everything already queued: one transaction for all of it.
        for more in jobs.try_iter() {
            generation = generation.max(more.generation);
            texts.extend(more.texts);
            if more.session.is_some() {
                session = more.session;
            }
        }
        let items: Vec<(Id, String)> = texts.into_iter().collect();
        let at = chrono::Local::now().fixed_offset();
        let result = store
            .save_entry_texts(&items, at)
            .and_then(|()| match &session {
                Some(s) => store.save_session(s, at),
                None => Ok(()),
            });
        let report = match result {
            Ok(()) => Report::Saved { generation, at },
            Err(error) => Report::Failed { generation, error },
        };
        if reports.send(report).is_err() {
            // Nobody listens any more; keep saving what comes until the channel closes.
            continue;
        }
    }
}
