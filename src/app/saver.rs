//! The console's side of the one durable path (R9.1): every edit becomes a job on the
//! save queue; this keeps each job until the database has it, knows what is committed,
//! and says so honestly — "saved" only when everything up to now is on the disk.
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::domain::{Id, Time};
use crate::store::change::Change;
use crate::store::writer::{Job, RETRY_EVERY, Report, SaveQueue, Writer};
use crate::store::{Store, StoreError};

/// What the status line says about saving.
#[derive(Debug)]
pub enum SaveState<'a> {
    /// Nothing to say yet: nothing was changed since the start.
    Idle,
    /// Changes are on their way to the disk.
    Saving,
    /// Everything up to now is committed; the last commit was at this time.
    Saved(Time),
    /// The database refuses; the changes are kept and retried (or, if they can never be
    /// written, kept for the emergency file).
    Failed(&'a StoreError),
}

enum Backend {
    /// The background saver thread.
    Thread(Writer),
    /// Save on this thread, on the store passed in (tests, and after the thread died).
    Inline(SaveQueue),
}

pub struct Saver {
    backend: Backend,
    next: u64,
    /// Jobs handed over and not yet committed, by generation.
    outstanding: BTreeMap<u64, Arc<Job>>,
    /// Jobs the database can never take, with why.
    rejected: Vec<(Arc<Job>, StoreError)>,
    /// The last refusal, while jobs are still outstanding.
    failure: Option<StoreError>,
    last_saved: Option<Time>,
    retry_at: Option<Instant>,
}

impl Saver {
    /// With a writer thread, or (none) saving inline on the caller's store.
    pub fn new(writer: Option<Writer>) -> Self {
        Self {
            backend: match writer {
                Some(w) => Backend::Thread(w),
                None => Backend::Inline(SaveQueue::default()),
            },
            next: 0,
            outstanding: BTreeMap::new(),
            rejected: Vec::new(),
            failure: None,
            last_saved: None,
            retry_at: None,
        }
    }

    /// Queue changes made at `at` as one job; returns its generation.
    pub fn submit(&mut self, store: &mut Store, at: Time, changes: Vec<Change>) -> u64 {
        self.next += 1;
        let generation = self.next;
        let job = Arc::new(Job {
            generation,
            at,
            changes,
        });
        self.outstanding.insert(generation, Arc::clone(&job));
        match &mut self.backend {
            Backend::Thread(w) => {
                if !w.send(job) {
                    // The saver thread is gone: save on this thread from now on, after
                    // what it reported. A job it wrote without reporting would be written
                    // again: harmless for a whole text, not for a splice, so the splices
                    // left are refused and their editors save whole texts instead.
                    for r in w.reports() {
                        self.take(r);
                    }
                    let mut queue = SaveQueue::default();
                    self.outstanding
                        .values()
                        .for_each(|j| queue.push(Arc::clone(j)));
                    queue.distrust_splices();
                    self.backend = Backend::Inline(queue);
                    self.commit_inline(store);
                }
            }
            Backend::Inline(queue) => {
                queue.push(job);
                self.commit_inline(store);
            }
        }
        generation
    }

    fn commit_inline(&mut self, store: &mut Store) {
        if let Backend::Inline(queue) = &mut self.backend {
            let reports = queue.commit(store);
            for r in reports {
                self.take(r);
            }
        }
    }

    /// Take the reports that have come in; retry inline saves that are due.
    pub fn poll(&mut self, store: &mut Store) {
        let reports = match &self.backend {
            Backend::Thread(w) => w.reports(),
            Backend::Inline(_) => Vec::new(),
        };
        for r in reports {
            self.take(r);
        }
        if matches!(self.backend, Backend::Inline(_))
            && self.retry_at.is_some_and(|t| Instant::now() >= t)
        {
            self.retry_at = None;
            self.commit_inline(store);
        }
    }

    fn take(&mut self, report: Report) {
        match report {
            Report::Saved { generation, at } => {
                let rest = self.outstanding.split_off(&(generation + 1));
                let committed = std::mem::replace(&mut self.outstanding, rest);
                self.drop_superseded(committed.values());
                self.last_saved = Some(at);
                if self.outstanding.is_empty() {
                    self.failure = None;
                }
            }
            Report::Failed { error, .. } => {
                self.failure = Some(error);
                self.retry_at = Some(Instant::now() + RETRY_EVERY);
            }
            Report::Rejected { generation, error } => {
                if let Some(job) = self.outstanding.remove(&generation) {
                    self.rejected.push((job, error));
                }
            }
        }
    }

    /// A whole text committed supersedes the earlier splices of its entry the database
    /// gave up on: the editor that made a splice saves its whole text next (see
    /// `EntryEditor::settle`), so their words are in it. A whole text given up on is
    /// kept (for the emergency file): the editor may since have been replaced by
    /// another terminal's text, and then nothing else holds its words.
    fn drop_superseded<'a>(&mut self, committed: impl Iterator<Item = &'a Arc<Job>>) {
        if self.rejected.is_empty() {
            return;
        }
        let mut whole: HashMap<Id, u64> = HashMap::new();
        for job in committed {
            for c in &job.changes {
                if let Change::EntryText { entry_id, .. } = c {
                    whole.insert(*entry_id, job.generation);
                }
            }
        }
        if whole.is_empty() {
            return;
        }
        let superseded = |job: &Job, c: &Change| match c {
            Change::EntrySplice { entry_id, .. } => {
                whole.get(entry_id).is_some_and(|g| *g > job.generation)
            }
            _ => false,
        };
        self.rejected = std::mem::take(&mut self.rejected)
            .into_iter()
            .filter_map(|(job, error)| {
                if !job.changes.iter().any(|c| superseded(&job, c)) {
                    return Some((job, error));
                }
                let changes: Vec<Change> = job
                    .changes
                    .iter()
                    .filter(|c| !superseded(&job, c))
                    .cloned()
                    .collect();
                changes.iter().any(Change::is_record).then(|| {
                    let job = Job {
                        generation: job.generation,
                        at: job.at,
                        changes,
                    };
                    (Arc::new(job), error)
                })
            })
            .collect();
    }

    /// Is the job of this generation on the disk?
    pub fn is_committed(&self, generation: u64) -> bool {
        generation <= self.next
            && !self.outstanding.contains_key(&generation)
            && !self
                .rejected
                .iter()
                .any(|(j, _)| j.generation == generation)
    }

    /// Was the job of this generation given up on (it goes to the emergency file)?
    pub fn is_rejected(&self, generation: u64) -> bool {
        self.rejected
            .iter()
            .any(|(j, _)| j.generation == generation)
    }

    /// Jobs not yet committed, oldest first (those given up on among the rest, in the
    /// order they were made): laid over what is read back from the database, so the
    /// screen still shows them, and written to the emergency file in that order.
    pub fn pending(&self) -> impl Iterator<Item = &Arc<Job>> {
        let mut jobs: Vec<&Arc<Job>> = self
            .outstanding
            .values()
            .chain(self.rejected.iter().map(|(j, _)| j))
            .collect();
        jobs.sort_by_key(|j| j.generation);
        jobs.into_iter()
    }

    /// Nothing waiting for the database.
    pub fn idle(&self) -> bool {
        self.outstanding.is_empty()
    }

    /// What to say, given whether the screen still holds typed text it has not handed
    /// over.
    pub fn state(&self, unsent: bool) -> SaveState<'_> {
        if let Some((_, e)) = self.rejected.first() {
            return SaveState::Failed(e);
        }
        if let Some(e) = self
            .failure
            .as_ref()
            .filter(|_| !self.outstanding.is_empty())
        {
            return SaveState::Failed(e);
        }
        if !self.outstanding.is_empty() || unsent {
            return SaveState::Saving;
        }
        match self.last_saved {
            Some(at) => SaveState::Saved(at),
            None => SaveState::Idle,
        }
    }

    /// On exit: wait up to `limit` for the database to take everything, then stop the
    /// saver. Returns the jobs that did not reach the database.
    pub fn finish(&mut self, store: &mut Store, limit: Duration) -> Vec<Arc<Job>> {
        let deadline = Instant::now() + limit;
        while !self.outstanding.is_empty() && Instant::now() < deadline {
            match &self.backend {
                Backend::Thread(w) => {
                    if let Some(r) = w.wait_report(Duration::from_millis(100)) {
                        self.take(r);
                    }
                }
                Backend::Inline(_) => {
                    self.commit_inline(store);
                    if !self.outstanding.is_empty() {
                        std::thread::sleep(RETRY_EVERY);
                    }
                }
            }
        }
        let backend = std::mem::replace(&mut self.backend, Backend::Inline(SaveQueue::default()));
        if let Backend::Thread(w) = backend {
            // Everything committed: let the thread end as usual. Otherwise do not wait
            // out another program's lock: what is left goes to the emergency file.
            let reports = if self.outstanding.is_empty() {
                w.close()
            } else {
                w.close_now()
            };
            for r in reports {
                self.take(r);
            }
        }
        self.pending().cloned().collect()
    }
}
