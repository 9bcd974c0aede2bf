//! The one durable path (R9.1): every change a screen makes is a [`Job`] on a queue that a
//! background thread commits on its own connection, so no key ever waits for fsync or for
//! another program's lock. A job is never dropped: while the database refuses (locked,
//! full, read-only) it stays queued and is retried; what can never be written (a row that
//! is gone) is reported back, so the caller keeps it for the emergency file.
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread::JoinHandle;
use std::time::Duration;

use super::change::Change;
use super::entry_text::{TextSave, save_entry_text};
use super::{Store, StoreError};
use crate::domain::{Id, Time};

/// How long to wait before trying again after the database refused.
pub const RETRY_EVERY: Duration = Duration::from_millis(500);

/// Changes made together: one transaction, all or nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// Increases with every job.
    pub generation: u64,
    /// When the changes were made (the console's clock): the audit rows' time.
    pub at: Time,
    pub changes: Vec<Change>,
}

#[derive(Debug)]
pub enum Report {
    /// Every job up to and including `generation` that was not rejected is committed.
    Saved { generation: u64, at: Time },
    /// The database refused for a reason that may pass: jobs up to `generation` are
    /// still queued and will be tried again.
    Failed { generation: u64, error: StoreError },
    /// This job can never be written; it has left the queue.
    Rejected { generation: u64, error: StoreError },
}

/// Jobs waiting for the database, oldest first.
#[derive(Default)]
pub struct SaveQueue {
    jobs: VecDeque<Arc<Job>>,
    /// Entries a save of whose text was given up on: the stored text is not what the
    /// console's next splice is made for, until a whole text arrives.
    broken: HashSet<Id>,
}

impl SaveQueue {
    pub fn push(&mut self, job: Arc<Job>) {
        self.jobs.push_back(job);
    }

    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    /// Try to commit everything queued, in one transaction. The saves of one entry's text
    /// are applied together, from its last whole text on.
    pub fn commit(&mut self, store: &mut Store) -> Vec<Report> {
        let Some(last) = self.jobs.back().cloned() else {
            return Vec::new();
        };
        let batch: Vec<Arc<Job>> = self.jobs.iter().cloned().collect();
        match write(store, &batch, &self.broken) {
            Ok(()) => {
                self.jobs.clear();
                self.mend(&batch);
                vec![Report::Saved {
                    generation: last.generation,
                    at: last.at,
                }]
            }
            Err(error) if error.is_transient() => vec![Report::Failed {
                generation: last.generation,
                error,
            }],
            // Something in the batch can never be written: find it, one job at a time.
            Err(_) => self.commit_one_by_one(store),
        }
    }

    fn commit_one_by_one(&mut self, store: &mut Store) -> Vec<Report> {
        let mut reports = Vec::new();
        while let Some(job) = self.jobs.front().cloned() {
            let one = std::slice::from_ref(&job);
            match write(store, one, &self.broken) {
                Ok(()) => {
                    self.jobs.pop_front();
                    self.mend(one);
                    reports.push(Report::Saved {
                        generation: job.generation,
                        at: job.at,
                    });
                }
                Err(error) if error.is_transient() => {
                    let generation = self.jobs.back().map_or(job.generation, |j| j.generation);
                    reports.push(Report::Failed { generation, error });
                    break;
                }
                Err(error) => {
                    self.jobs.pop_front();
                    self.broken.extend(job.changes.iter().filter_map(text_of));
                    reports.push(Report::Rejected {
                        generation: job.generation,
                        error,
                    });
                }
            }
        }
        reports
    }

    /// Refuse the splices queued now (until a whole text of their entry): they may
    /// already have been written by a saver that ended without saying so.
    pub fn distrust_splices(&mut self) {
        for job in &self.jobs {
            for c in &job.changes {
                if let Change::EntrySplice { entry_id, .. } = c {
                    self.broken.insert(*entry_id);
                }
            }
        }
    }

    /// A whole text committed: its entry's stored text is the console's again.
    fn mend(&mut self, jobs: &[Arc<Job>]) {
        if self.broken.is_empty() {
            return;
        }
        for c in jobs.iter().flat_map(|j| j.changes.iter()) {
            if let Change::EntryText { entry_id, .. } = c {
                self.broken.remove(entry_id);
            }
        }
    }
}

/// The entry whose text a change saves, if it saves one.
fn text_of(change: &Change) -> Option<Id> {
    match change {
        Change::EntryText { entry_id, .. } | Change::EntrySplice { entry_id, .. } => {
            Some(*entry_id)
        }
        _ => None,
    }
}

/// Write jobs in one transaction, each change at its own job's time. An entry's text
/// saves are applied together where the last of them stands, from its last whole text on
/// (earlier ones are superseded); only the last session row is written.
fn write(store: &mut Store, jobs: &[Arc<Job>], broken: &HashSet<Id>) -> Result<(), StoreError> {
    let mut texts: HashMap<Id, Vec<(usize, usize)>> = HashMap::new();
    let mut last_session = None;
    for (j, job) in jobs.iter().enumerate() {
        for (c, change) in job.changes.iter().enumerate() {
            match change {
                Change::EntryText { entry_id, .. } => {
                    texts.insert(*entry_id, vec![(j, c)]);
                }
                Change::EntrySplice { entry_id, .. } => {
                    texts.entry(*entry_id).or_default().push((j, c));
                }
                Change::Session { .. } => last_session = Some((j, c)),
                _ => {}
            }
        }
    }
    let change_at = |(j, c): (usize, usize)| jobs.get(j).and_then(|job| job.changes.get(c));
    let first_at = jobs.first().map(|j| j.at);
    let Some(first_at) = first_at else {
        return Ok(());
    };
    store.transact_at(first_at, |tx| {
        for (j, job) in jobs.iter().enumerate() {
            tx.set_at(job.at);
            for (c, change) in job.changes.iter().enumerate() {
                if let Some(id) = text_of(change) {
                    let Some(saves) = texts.get(&id).filter(|s| s.last() == Some(&(j, c))) else {
                        continue;
                    };
                    let saves: Vec<TextSave<'_>> = saves
                        .iter()
                        .filter_map(|at| match change_at(*at)? {
                            Change::EntryText { text, .. } => Some(TextSave::Whole(text)),
                            Change::EntrySplice { splice, .. } => Some(TextSave::Splice(splice)),
                            _ => None,
                        })
                        .collect();
                    save_entry_text(tx, id, &saves, broken.contains(&id))?;
                } else if !matches!(change, Change::Session { .. }) || last_session == Some((j, c))
                {
                    change.apply(tx)?;
                }
            }
        }
        Ok(())
    })
}

/// The saver runs a little below the screen's priority: on a machine with two cores,
/// committing a long entry (and the kernel's journal flushing it) competes with the
/// screen for the CPU, and the typist should win — the save waits a few hundred
/// microseconds, the keystroke does not (issue 11). On Linux a thread's nice value is
/// its own; elsewhere this does nothing. Failing to lower it is harmless.
fn yield_to_the_screen() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority take no pointers; they act on this thread only.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid);
        if let Ok(tid) = libc::id_t::try_from(tid) {
            // Five steps below the program's own priority, whatever it was started at.
            let now = libc::getpriority(libc::PRIO_PROCESS, tid);
            libc::setpriority(libc::PRIO_PROCESS, tid, (now + 5).min(19));
        }
    }
}

/// The saver thread and its channels.
pub struct Writer {
    jobs: Option<Sender<Arc<Job>>>,
    reports: Receiver<Report>,
    handle: Option<JoinHandle<()>>,
    /// Stops a wait for another program's lock at once (the terminal is gone).
    interrupt: rusqlite::InterruptHandle,
}

impl Writer {
    /// Start the saver on its own connection to the database at `path`.
    pub fn spawn(path: &Path, operator: &str, busy: Duration) -> Result<Self, StoreError> {
        let store = Store::open_with(path, operator, busy)?;
        let interrupt = store.interrupt_handle();
        let (jobs, job_rx) = mpsc::channel::<Arc<Job>>();
        let (report_tx, reports) = mpsc::channel();
        let handle = std::thread::Builder::new()
            .name("huiwu-writer".into())
            .spawn(move || {
                yield_to_the_screen();
                run(store, job_rx, report_tx)
            })
            .map_err(|e| StoreError::CannotCreate {
                path: PathBuf::from("<writer thread>"),
                source: e,
            })?;
        Ok(Self {
            jobs: Some(jobs),
            reports,
            handle: Some(handle),
            interrupt,
        })
    }

    /// Queue a job. Returns false only if the thread has died.
    pub fn send(&self, job: Arc<Job>) -> bool {
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

    /// Stop taking jobs: the thread tries once more to write what is queued, then ends.
    /// Returns every report not yet taken.
    pub fn close(mut self) -> Vec<Report> {
        self.stop();
        self.reports.try_iter().collect()
    }

    /// Stop now: a wait for a lock is cut short, nothing more is tried; what was not
    /// written is reported failed and stays with the caller (for the emergency file).
    pub fn close_now(mut self) -> Vec<Report> {
        self.jobs.take();
        self.interrupt.interrupt();
        let mut out: Vec<Report> = self.reports.try_iter().collect();
        if let Some(h) = self.handle.take() {
            // A wait for another program's lock is not always cut short: give the thread a
            // moment, then leave it (the process is ending; what it holds is the caller's).
            let until = std::time::Instant::now() + Duration::from_millis(300);
            while !h.is_finished() && std::time::Instant::now() < until {
                self.interrupt.interrupt();
                std::thread::sleep(Duration::from_millis(10));
            }
            if h.is_finished() {
                let _ = h.join();
            }
        }
        out.extend(self.reports.try_iter());
        out
    }

    fn stop(&mut self) {
        self.jobs.take();
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(mut store: Store, jobs: Receiver<Arc<Job>>, reports: Sender<Report>) {
    let mut queue = SaveQueue::default();
    let mut open = true;
    let mut failing = false;
    loop {
        if queue.is_empty() {
            if !open {
                break;
            }
            match jobs.recv() {
                Ok(j) => queue.push(j),
                Err(_) => break,
            }
        } else if failing && open {
            match jobs.recv_timeout(RETRY_EVERY) {
                Ok(j) => queue.push(j),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => open = false,
            }
        }
        loop {
            match jobs.try_recv() {
                Ok(j) => queue.push(j),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    open = false;
                    break;
                }
            }
        }
        let out = queue.commit(&mut store);
        failing = out.iter().any(|r| matches!(r, Report::Failed { .. }));
        for r in out {
            // Nobody listening any more is fine: the caller has closed us.
            let _ = reports.send(r);
        }
        if !open && failing {
            // Closed while the database refuses: the caller keeps what is left.
            break;
        }
    }
}
