//! Leaving without losing a word (R9.1). Quitting waits for the save queue; what the
//! database will not take goes to the emergency file beside it; when even that cannot be
//! written the program does not leave: it says so, keeps the text, and lets the user try
//! again, write it elsewhere, or discard it knowing how much is lost. At start, an
//! emergency file left by an earlier run is offered back.
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::App;
use super::form::{Field, Form};
use super::layer::{Choices, LayerKind, Owner, Question, Reply, Verdict};
use crate::domain::Id;
use crate::emergency::{self, Emergency};
use crate::i18n::{self, Tr};
use crate::store::change::Change;
use crate::store::writer::Job;

/// How long quitting waits for the database before writing the emergency file.
pub const QUIT_WAIT: Duration = Duration::from_secs(3);

/// What the app's own questions are for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppAsk {
    /// Neither the database nor the emergency file takes the text: what now?
    Unsaved,
    /// Where to write the text instead.
    WriteTo,
    /// Really discard this many characters?
    Discard(usize),
    /// An emergency file from an earlier run: bring it back?
    Restore(PathBuf),
    /// Another terminal stopped renewing its edit lease: take it over?
    TakeOver(crate::store::lease::LeaseRow),
    /// Esc on a form with something typed: drop it?
    DiscardForm,
}

/// The state of leaving.
#[derive(Debug, Default)]
pub struct Leaving {
    /// Quit was asked for at this moment; waiting for the save queue.
    pub since: Option<Instant>,
    /// The emergency file written for what the database did not take.
    pub written: Option<PathBuf>,
    /// The user chose to discard what could not be saved anywhere.
    pub discarded: bool,
}

impl App {
    /// Ctrl-Q: leave once everything is on the disk (or safe in the emergency file).
    pub(super) fn ask_quit(&mut self) {
        self.flush(true);
        if self.all_saved() {
            self.ctx.quit = true;
            return;
        }
        self.leaving.since = Some(Instant::now());
        let t = self.ctx.t(&i18n::QUIT_SAVING);
        self.ctx.say(t);
    }

    fn all_saved(&self) -> bool {
        self.ctx.saver.idle() && !self.screens().iter().any(|s| s.unsent())
    }

    /// Every tick while leaving: quit when saved; after [`QUIT_WAIT`] write the emergency
    /// file, or ask when it cannot be written.
    pub(super) fn leaving_tick(&mut self) {
        let Some(since) = self.leaving.since else {
            return;
        };
        if self.all_saved() {
            self.ctx.quit = true;
            return;
        }
        if since.elapsed() < QUIT_WAIT || !self.ctx.layers.is_empty() {
            return;
        }
        let jobs = self.unsaved_jobs(self.ctx.saver.pending().cloned().collect());
        match self.write_emergency(&jobs) {
            Ok(path) => {
                self.leaving.written = Some(path);
                self.ctx.quit = true;
            }
            Err(why) => {
                self.leaving.since = None;
                let chars = unsaved_chars(&self.ctx.store, &jobs);
                let text = i18n::nowhere_to_save(self.ctx.lang, chars, &why);
                self.ctx.layers.push(
                    LayerKind::Choices(Choices {
                        text,
                        options: vec![
                            ('r', Tr("重试", "Retry")),
                            ('e', Tr("另存到其他位置", "Write it elsewhere")),
                            ('d', Tr("放弃", "Discard")),
                        ],
                        chosen: None,
                    }),
                    Owner::App,
                    Box::new(AppAsk::Unsaved),
                );
            }
        }
    }

    /// What did not reach the database, standing on its own: an entry whose last save
    /// among `jobs` is a splice gets its whole text, from its editor, in a job after them
    /// (a splice means nothing without the text it was made for, and an emergency file
    /// must hold the words themselves).
    pub fn unsaved_jobs(&self, mut jobs: Vec<Arc<Job>>) -> Vec<Arc<Job>> {
        let mut last_is_splice: BTreeMap<Id, bool> = BTreeMap::new();
        for c in jobs.iter().flat_map(|j| j.changes.iter()) {
            match c {
                Change::EntryText { entry_id, .. } => {
                    last_is_splice.insert(*entry_id, false);
                }
                Change::EntrySplice { entry_id, .. } => {
                    last_is_splice.insert(*entry_id, true);
                }
                _ => {}
            }
        }
        let changes: Vec<Change> = last_is_splice
            .into_iter()
            .filter(|(_, splice)| *splice)
            .filter_map(|(entry_id, _)| {
                let text = self.console.whole_text(entry_id)?;
                Some(Change::EntryText { entry_id, text })
            })
            .collect();
        if !changes.is_empty() {
            let generation = jobs.last().map_or(0, |j| j.generation) + 1;
            jobs.push(Arc::new(Job {
                generation,
                at: self.ctx.now(),
                changes,
            }));
        }
        jobs
    }

    /// Write what did not reach the database to the private emergency file beside it.
    pub fn write_emergency(&self, jobs: &[Arc<Job>]) -> Result<PathBuf, String> {
        let Some(db) = self.ctx.store.path() else {
            return Err(self.ctx.t(&i18n::NO_EXPORT_DIR).to_string());
        };
        let e = Emergency::new(db, self.ctx.store.operator(), self.ctx.now(), jobs);
        emergency::write(db, &e).map_err(|e| e.to_string())
    }

    /// The answer to one of the app's own questions.
    pub(super) fn app_answer(&mut self, ask: &AppAsk, reply: Reply<'_>) -> Verdict {
        match (ask, reply) {
            (AppAsk::Unsaved, Reply::Chose('r')) => {
                // Try the database and the file again, from now.
                self.leaving.since = Some(Instant::now() - QUIT_WAIT + Duration::from_secs(1));
                Verdict::Done
            }
            (AppAsk::Unsaved, Reply::Chose('e')) => {
                let form = Form::new(
                    i18n::FORM_WRITE_TO,
                    self.ctx.t(&i18n::WRITE_TO_HINT),
                    vec![Field::text("path", i18n::F_PATH, "")],
                );
                self.ctx.layers.push(
                    LayerKind::Form(Box::new(form)),
                    Owner::App,
                    Box::new(AppAsk::WriteTo),
                );
                Verdict::Done
            }
            (AppAsk::Unsaved, Reply::Chose('d')) => {
                let jobs = self.unsaved_jobs(self.ctx.saver.pending().cloned().collect());
                let n = unsaved_chars(&self.ctx.store, &jobs);
                self.ctx.layers.push(
                    LayerKind::Confirm(Question {
                        text: i18n::discard_confirm(self.ctx.lang, n),
                    }),
                    Owner::App,
                    Box::new(AppAsk::Discard(n)),
                );
                Verdict::Done
            }
            (AppAsk::Discard(_), Reply::Yes) => {
                self.leaving.discarded = true;
                self.ctx.quit = true;
                Verdict::Done
            }
            (AppAsk::WriteTo, Reply::Form(form)) => {
                let path = PathBuf::from(form.get("path").trim());
                let jobs = self.unsaved_jobs(self.ctx.saver.pending().cloned().collect());
                match write_elsewhere(&self.ctx, &path, &jobs) {
                    Ok(()) => {
                        self.leaving.written = Some(path);
                        self.ctx.quit = true;
                        Verdict::Done
                    }
                    Err(why) => {
                        form.error = Some(i18n::export_failed(
                            self.ctx.lang,
                            &path.display().to_string(),
                            &why,
                        ));
                        Verdict::Keep
                    }
                }
            }
            (AppAsk::Restore(path), Reply::Chose('r')) => {
                self.restore(path);
                Verdict::Done
            }
            (AppAsk::DiscardForm, Reply::Yes) => {
                // The question is gone; the form beneath it goes too.
                self.ctx.layers.pop();
                Verdict::Done
            }
            (AppAsk::TakeOver(row), Reply::Yes) => {
                self.ctx.take_over(row);
                Verdict::Done
            }
            _ => Verdict::Done,
        }
    }

    /// At start: offer back what an earlier run could not save.
    pub(super) fn offer_restore(&mut self) {
        let Some(db) = self.ctx.store.path().map(|p| p.to_path_buf()) else {
            return;
        };
        if self.ctx.read_only {
            return;
        }
        let Some(path) = emergency::find(&db).into_iter().next() else {
            return;
        };
        let text = match emergency::read(&db, &path) {
            Ok(e) => i18n::restore_offer(
                self.ctx.lang,
                &path.display().to_string(),
                e.chars(),
                &e.written_at.format("%Y-%m-%d %H:%M").to_string(),
            ),
            Err(why) => i18n::restore_unreadable(
                self.ctx.lang,
                &path.display().to_string(),
                &why,
                emergency::is_sealed(&path),
            ),
        };
        self.ctx.layers.push(
            LayerKind::Choices(Choices {
                text,
                options: vec![
                    ('r', Tr("恢复到原条目", "Bring it back")),
                    ('l', Tr("暂不处理", "Leave it")),
                ],
                chosen: None,
            }),
            Owner::App,
            Box::new(AppAsk::Restore(path)),
        );
    }

    /// Bring an emergency file's changes back through the save queue, with an audit row
    /// naming the file; the file is then kept aside as restored.
    fn restore(&mut self, path: &std::path::Path) {
        let parsed = match self.ctx.store.path() {
            Some(db) => emergency::read(db, path),
            None => Err("the database has no file of its own (in memory)".to_string()),
        };
        let e = match parsed {
            Ok(e) => e,
            Err(why) => {
                let t = i18n::restore_unreadable(
                    self.ctx.lang,
                    &path.display().to_string(),
                    &why,
                    emergency::is_sealed(path),
                );
                return self.ctx.warn(t);
            }
        };
        let file = path.display().to_string();
        // The file's own process held the leases its changes are written under and has
        // ended: take them (a gone holder's at once; one still alive is asked about or
        // named, and the change it guards is refused and kept, as any refused one is,
        // for the emergency file).
        let keys: std::collections::BTreeSet<_> = e
            .jobs
            .iter()
            .flat_map(|j| j.changes.iter())
            .filter_map(Change::lease_key)
            .collect();
        for key in &keys {
            self.ctx.claim(key);
        }
        for job in &e.jobs {
            // A lease was the ending process's own: it is not brought back.
            let mut changes: Vec<Change> = job
                .changes
                .iter()
                .filter(|c| !c.is_lease())
                .cloned()
                .collect();
            changes.push(Change::Restored { file: file.clone() });
            self.ctx.saver.submit(&mut self.ctx.store, job.at, changes);
        }
        let done = path.with_extension("restored");
        if let Err(err) = std::fs::rename(path, &done) {
            let t = i18n::export_failed(self.ctx.lang, &file, &err.to_string());
            self.ctx.warn(t);
        }
        if let Some(id) = self.console.meeting_id()
            && let Err(err) = self.console.open_meeting(&mut self.ctx, id)
        {
            return self.ctx.store_failed(&err);
        }
        let t = i18n::restored(self.ctx.lang, e.chars());
        self.ctx.say(t);
    }
}

/// The characters of typed text in jobs: what the emergency file holds.
pub fn typed_chars(jobs: &[Arc<Job>]) -> usize {
    jobs.iter()
        .flat_map(|j| j.changes.iter())
        .filter_map(|c| c.typed_text())
        .map(|t| t.chars().count())
        .sum()
}

/// The characters typed that the database does not have: what would really be lost.
/// Each text is compared with what is on the disk now (read, never written).
pub fn unsaved_chars(store: &crate::store::Store, jobs: &[Arc<Job>]) -> usize {
    let mut latest: BTreeMap<(u8, i64), &str> = BTreeMap::new();
    let mut new_entries: BTreeMap<i64, ()> = BTreeMap::new();
    for c in jobs.iter().flat_map(|j| j.changes.iter()) {
        match c {
            Change::NewEntry { entry } => {
                new_entries.insert(entry.id, ());
                latest.insert((0, entry.id), &entry.text);
            }
            Change::EntryText { entry_id, text } => {
                latest.insert((0, *entry_id), text);
                latest.remove(&(2, *entry_id));
            }
            // A splice with no whole text after it (its editor was gone): its words at
            // least count as not saved.
            Change::EntrySplice { entry_id, splice } => {
                latest.insert((2, *entry_id), &splice.text);
            }
            Change::Decision { decision } => {
                latest.insert((1, decision.topic_id), &decision.text);
            }
            _ => {}
        }
    }
    latest
        .into_iter()
        .map(|((kind, id), text)| {
            let on_disk = match kind {
                2 => None,
                0 if new_entries.contains_key(&id) => None,
                0 => store.entry_text(id).ok().flatten(),
                _ => store.decision(id).ok().flatten().map(|d| d.text),
            };
            let (_, _, inserted) =
                crate::store::tx::text_change(on_disk.as_deref().unwrap_or(""), text);
            inserted.chars().count()
        })
        .sum()
}

/// Write the emergency text to a place the user named: a new file, owner-only.
fn write_elsewhere(
    ctx: &super::Ctx,
    path: &std::path::Path,
    jobs: &[Arc<Job>],
) -> Result<(), String> {
    if path.as_os_str().is_empty() {
        return Err(ctx.t(&i18n::F_PATH).to_string());
    }
    let db = ctx.store.path().unwrap_or(path);
    let e = Emergency::new(db, ctx.store.operator(), ctx.now(), jobs);
    let body = e.to_toml()?;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let mut f = opts.open(path).map_err(|e| e.to_string())?;
    use std::io::Write;
    f.write_all(body.as_bytes()).map_err(|e| e.to_string())?;
    f.sync_all().map_err(|e| e.to_string())
}
