//! Getting typed text to the disk: at least every 200 ms while it changes, on leaving an
//! entry, and on exit; on a background thread so typing never waits (R9.1).
use std::time::{Duration, Instant};

use super::{App, SaveState};
use crate::i18n;
use crate::store::writer::{Job, Report};

impl App {
    /// Hand changed texts (and the caret) to the saver. `force` also sends the position
    /// when no text changed.
    pub fn flush(&mut self, force: bool) {
        self.last_flush = Instant::now();
        let dirty: Vec<usize> = (0..self.procedure.editors.len())
            .filter(|&i| {
                self.procedure
                    .editors
                    .get(i)
                    .is_some_and(|e| e.needs_send())
            })
            .collect();
        if dirty.is_empty() && !self.session_dirty && !force {
            return;
        }
        self.generation += 1;
        let generation = self.generation;
        let mut texts = Vec::with_capacity(dirty.len());
        for i in dirty {
            if let Some(ed) = self.procedure.editors.get_mut(i) {
                texts.push((ed.entry.id, ed.text()));
                ed.sent_version = ed.version;
                ed.pending.push((generation, ed.version));
            }
        }
        let session = Some(self.session_state());
        self.session_dirty = false;
        if !texts.is_empty() && !matches!(self.save_state, SaveState::Failed(_)) {
            self.save_state = SaveState::Saving;
        }
        let job = Job {
            generation,
            texts,
            session,
        };
        let sent = match &self.writer {
            Some(w) => w.send(job),
            None => {
                self.save_inline(job);
                true
            }
        };
        if !sent {
            // The saver thread is gone: save on this thread from now on.
            self.writer = None;
            self.procedure
                .editors
                .iter_mut()
                .for_each(|e| e.failed(generation));
        }
    }

    fn save_inline(&mut self, job: Job) {
        let now = self.now();
        let result =
            self.store
                .save_entry_texts(&job.texts, now)
                .and_then(|()| match &job.session {
                    Some(s) => self.store.save_session(s, now),
                    None => Ok(()),
                });
        let report = match result {
            Ok(()) => Report::Saved {
                generation: job.generation,
                at: now,
            },
            Err(error) => Report::Failed {
                generation: job.generation,
                error,
            },
        };
        self.apply_report(report);
    }

    pub(super) fn take_reports(&mut self) {
        let reports = self
            .writer
            .as_ref()
            .map(|w| w.reports())
            .unwrap_or_default();
        for r in reports {
            self.apply_report(r);
        }
    }

    fn apply_report(&mut self, r: Report) {
        match r {
            Report::Saved { generation, at } => {
                self.procedure
                    .editors
                    .iter_mut()
                    .for_each(|e| e.confirm(generation));
                self.retry_at = None;
                if self.procedure.all_saved() {
                    self.save_state = SaveState::Saved(at);
                    if self
                        .message
                        .as_ref()
                        .is_some_and(|m| m.error && m.text.contains('\u{200b}'))
                    {
                        self.message = None;
                    }
                } else {
                    self.save_state = SaveState::Saving;
                }
            }
            Report::Failed { generation, error } => {
                self.procedure
                    .editors
                    .iter_mut()
                    .for_each(|e| e.failed(generation));
                let text = i18n::store_error(self.lang, &error);
                self.save_state = SaveState::Failed(text);
                self.retry_at = Some(Instant::now() + Duration::from_secs(1));
            }
        }
    }

    /// On exit: save everything and wait for the disk. Returns the texts that could not
    /// be saved, so the caller can put them somewhere safe.
    pub fn finish(&mut self) -> Vec<(String, String)> {
        let deadline = Instant::now() + Duration::from_secs(10);
        self.session_dirty = true;
        loop {
            self.flush(false);
            if let Some(w) = &self.writer {
                let report = w.wait_report(Duration::from_millis(500));
                if let Some(r) = report {
                    self.apply_report(r);
                }
            }
            let settled = self.procedure.editors.iter().all(|e| e.is_saved());
            if settled || Instant::now() >= deadline {
                break;
            }
            if matches!(self.save_state, SaveState::Failed(_)) {
                std::thread::sleep(Duration::from_millis(200));
            }
        }
        // Let the writer finish the session row too.
        self.writer = None;
        self.procedure
            .editors
            .iter()
            .filter(|e| !e.is_saved())
            .map(|e| (e.entry.speaker_name.clone(), e.text()))
            .collect()
    }
}
