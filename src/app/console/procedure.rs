//! 议事程序: the recorder's verbs — steps, entries, typing, pasting, undo, search — and
//! getting the typed text to the save queue (R5.2, R6, R9.1).
use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::CursorMove;

use super::ask::Ask;
use super::editor::{EntryEditor, literal_pattern, moves_only, pasted};
use super::{Console, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::domain::Id;
use crate::domain::decision::Decision;
use crate::domain::procedure::{Entry, Step};
use crate::i18n;
use crate::store::change::Change;
use crate::store::lease::LeaseKey;
use crate::store::{SessionState, StoreError, new_id};

impl Console {
    /// Load a topic's entries into editors, focused on its last step with a start time.
    /// Changes still on their way to the disk are laid over what is read.
    pub(super) fn load_procedure(
        &mut self,
        ctx: &mut Ctx,
        topic_id: Option<Id>,
    ) -> Result<(), StoreError> {
        // The editors go: what they hold goes to the saver first, splices made whole, so
        // the texts read back below never depend on a splice still on its way.
        if self
            .procedure
            .editors
            .iter()
            .any(|e| e.needs_send() || e.splice_pending())
        {
            self.flush_texts(ctx, true);
        }
        self.procedure = Default::default();
        self.decision = None;
        let Some(topic_id) = topic_id else {
            return Ok(());
        };
        let mut entries = ctx.store.entries(topic_id)?;
        self.procedure.step_records = ctx.store.step_records(topic_id)?;
        let mut decision = ctx.store.decision(topic_id)?;
        for job in ctx.saver.pending() {
            for c in &job.changes {
                match c {
                    // Not when it was written meanwhile (its report not yet read):
                    // one entry, one editor.
                    Change::NewEntry { entry }
                        if entry.topic_id == topic_id
                            && !entries.iter().any(|e| e.id == entry.id) =>
                    {
                        entries.push(entry.clone())
                    }
                    Change::EntryText { entry_id, text } => {
                        if let Some(e) = entries.iter_mut().find(|e| e.id == *entry_id) {
                            e.text = text.clone();
                        }
                    }
                    // Every splice is followed by a whole text (see above); one that
                    // does not fit what was read is left out rather than applied wrongly.
                    Change::EntrySplice { entry_id, splice } => {
                        if let Some(e) = entries.iter_mut().find(|e| e.id == *entry_id) {
                            let _ = splice.apply(&mut e.text);
                        }
                    }
                    Change::Step {
                        topic_id: t,
                        leave,
                        enter,
                    } if *t == topic_id => {
                        self.procedure.note_step(topic_id, *leave, *enter, job.at)
                    }
                    Change::Decision { decision: d } if d.topic_id == topic_id => {
                        decision = Some(d.clone())
                    }
                    _ => {}
                }
            }
        }
        entries.sort_by_key(|e| (e.step, e.seq, e.id));
        let step = self
            .procedure
            .step_records
            .iter()
            .filter(|r| r.started_at.is_some())
            .max_by_key(|r| r.started_at)
            .map(|r| r.step)
            .unwrap_or(Step::Report);
        self.procedure.topic_id = Some(topic_id);
        self.procedure.step = Some(step);
        self.procedure.editors = entries
            .into_iter()
            .map(|e| EntryEditor::new(e, self.editor_styles))
            .collect();
        self.procedure.focus_last_in_step();
        let deputy = self
            .view
            .as_ref()
            .and_then(|d| d.topic(topic_id))
            .and_then(|t| t.deputy_id);
        self.decision = Some(decision.unwrap_or_else(|| Decision::empty(topic_id, deputy)));
        Ok(())
    }

    pub(super) fn restore_position(&mut self, s: &SessionState) {
        if let Some(step) = s.step.and_then(Step::from_number) {
            self.procedure.step = Some(step);
            self.procedure.focus_last_in_step();
        }
        if let Some(i) = s.entry_id.and_then(|id| self.procedure.editor_index(id)) {
            self.procedure.focused = Some(i);
            if let Some(ed) = self.procedure.editors.get(i) {
                self.procedure.step = Some(ed.entry.step);
            }
            if let Some(ed) = self.procedure.focused_editor() {
                let row = s.cursor_row.min(u16::MAX as usize) as u16;
                let col = s.cursor_col.min(u16::MAX as usize) as u16;
                ed.area.move_cursor(CursorMove::Jump(row, col));
            }
        }
    }

    /// Where the operator is, for the session row.
    pub(super) fn session_state(&self) -> SessionState {
        let ed = self.procedure.focused_ref();
        let (row, col) = ed
            .map(|e| e.area.cursor())
            .map(|c| (c.0, c.1))
            .unwrap_or((0, 0));
        SessionState {
            meeting_id: self.meeting_id(),
            topic_id: self.procedure.topic_id,
            step: self.procedure.step.map(Step::number),
            entry_id: ed.map(|e| e.entry.id),
            cursor_row: row,
            cursor_col: col,
            pane: Some(self.focus.code().to_string()),
        }
    }

    /// Hand changed texts (and, when asked or moved, where the caret is) to the save
    /// queue: one job, one transaction. A text goes as the part edited since its last
    /// save; when `force`d (leaving the entries, quitting, saving now) whole, and also
    /// an entry whose splices are still on their way, so that nothing read back from
    /// the disk or written to the emergency file depends on a splice.
    pub(super) fn flush_texts(&mut self, ctx: &mut Ctx, force: bool) {
        self.last_flush = Instant::now();
        let dirty: Vec<usize> = (0..self.procedure.editors.len())
            .filter(|&i| {
                self.procedure
                    .editors
                    .get(i)
                    .is_some_and(|e| e.needs_send() || (force && e.splice_pending()))
            })
            .collect();
        if dirty.is_empty() && !self.session_dirty && !force {
            return;
        }
        let mut changes = Vec::with_capacity(dirty.len() + 1);
        let mut sent = Vec::with_capacity(dirty.len());
        for &i in &dirty {
            if let Some(ed) = self.procedure.editors.get_mut(i) {
                let save = ed.take_save(force);
                sent.push((i, matches!(save, Change::EntrySplice { .. })));
                changes.push(save);
            }
        }
        changes.push(Change::Session {
            session: self.session_state(),
        });
        self.session_dirty = false;
        let generation = ctx.save(changes);
        for (i, spliced) in sent {
            if let Some(ed) = self.procedure.editors.get_mut(i) {
                ed.sent(generation, spliced);
            }
        }
        for ed in &mut self.procedure.editors {
            ed.settle(&ctx.saver);
        }
    }

    /// The whole text of an entry as its editor holds it, if it is loaded.
    pub(crate) fn whole_text(&self, entry_id: Id) -> Option<String> {
        let i = self.procedure.editor_index(entry_id)?;
        self.procedure.editors.get(i).map(|e| e.text())
    }

    /// The step in view, if it was entered (its start is recorded).
    pub(super) fn open_step(&self) -> Option<Step> {
        let step = self.procedure.step?;
        self.procedure.step_started(step).map(|_| step)
    }

    // --- steps and entries ---

    pub(super) fn go_step(&mut self, ctx: &mut Ctx, n: u8) {
        let Some(step) = Step::from_number(n) else {
            return;
        };
        let Some(topic) = self.procedure.topic_id else {
            return;
        };
        self.flush_texts(ctx, false);
        let leave = self.procedure.step.filter(|s| *s != step);
        let now = ctx.now();
        self.procedure.note_step(topic, leave, Some(step), now);
        self.record(
            ctx,
            vec![Change::Step {
                topic_id: topic,
                leave,
                enter: Some(step),
            }],
        );
        self.procedure.step = Some(step);
        self.procedure.focus_last_in_step();
        self.session_dirty = true;
        self.focus = Pane::Procedure;
    }

    pub(super) fn step_by(&mut self, ctx: &mut Ctx, by: i8) {
        let n = self.procedure.step().number() as i8 + by;
        if (1..=5).contains(&n) {
            self.go_step(ctx, n as u8);
        }
    }

    pub(super) fn entry_by(&mut self, ctx: &mut Ctx, by: isize) {
        let ids = self.procedure.in_step();
        if ids.is_empty() {
            return;
        }
        self.flush_texts(ctx, false);
        let pos = self
            .procedure
            .focused
            .and_then(|f| ids.iter().position(|i| *i == f))
            .unwrap_or(0) as isize;
        let next = (pos + by).clamp(0, ids.len() as isize - 1) as usize;
        self.procedure.focused = ids.get(next).copied();
        self.session_dirty = true;
    }

    /// Start a new entry in the step in view, stamped with speaker and time. Its id is
    /// chosen here, so typing into it never waits for the disk.
    pub(super) fn new_entry(
        &mut self,
        ctx: &mut Ctx,
        speaker: Option<Id>,
        name: &str,
        off_list: bool,
    ) -> Option<usize> {
        let topic_id = self.procedure.topic_id?;
        let step = self.procedure.step();
        if self.procedure.step_started(step).is_none() {
            self.go_step(ctx, step.number());
        }
        let seq = self
            .procedure
            .editors
            .iter()
            .filter(|e| e.entry.step == step)
            .map(|e| e.entry.seq)
            .max()
            .unwrap_or(0)
            + 1;
        let entry = Entry {
            id: new_id(),
            topic_id,
            step,
            seq,
            speaker_id: speaker,
            speaker_name: name.to_string(),
            off_list,
            started_at: ctx.now(),
            text: String::new(),
        };
        self.record(
            ctx,
            vec![Change::NewEntry {
                entry: entry.clone(),
            }],
        );
        self.procedure
            .editors
            .push(EntryEditor::new(entry, self.editor_styles));
        let i = self.procedure.editors.len() - 1;
        self.procedure.focused = Some(i);
        self.session_dirty = true;
        Some(i)
    }

    pub(super) fn type_key(&mut self, ctx: &mut Ctx, ev: KeyEvent) {
        // A terminal that sends a bare line feed means a new line; the editor would read
        // it as Ctrl-J and delete the line up to the caret.
        let ev = if ev.code == KeyCode::Char('j') && ev.modifiers == KeyModifiers::CONTROL {
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
        } else {
            ev
        };
        if self.refuse_archived(ctx) {
            return;
        }
        let typing = match ev.code {
            KeyCode::Char(_) => !ev.modifiers.contains(KeyModifiers::CONTROL),
            KeyCode::Enter => true,
            _ => false,
        };
        if self.procedure.focused.is_none() {
            if !typing {
                return;
            }
            let (id, name) = self.default_speaker();
            if self.new_entry(ctx, id, &name, false).is_none() {
                return;
            }
        }
        // An edit needs the entry's lease; moving the caret does not (issue 10).
        if !moves_only(&ev) && !self.claim_focused(ctx) {
            return;
        }
        let Some(ed) = self.procedure.focused_editor() else {
            return;
        };
        if ed.area.input(ev) {
            ed.changed();
        }
        self.session_dirty = true;
    }

    /// May this terminal edit the focused entry? Takes its lease (see [`crate::app::lease`]).
    fn claim_focused(&mut self, ctx: &mut Ctx) -> bool {
        match self.procedure.focused_ref().map(|e| e.entry.id) {
            Some(id) => ctx.claim(&LeaseKey::entry(id)),
            None => false,
        }
    }

    pub(super) fn paste_text(&mut self, ctx: &mut Ctx, text: &str) {
        if self.refuse_archived(ctx) {
            return;
        }
        if self.procedure.focused.is_none() {
            let (id, name) = self.default_speaker();
            if self.new_entry(ctx, id, &name, false).is_none() {
                return;
            }
        }
        if !self.claim_focused(ctx) {
            return;
        }
        if let Some(ed) = self.procedure.focused_editor() {
            // One edit: one undo step, one save.
            if ed.area.insert_str(pasted(text)) {
                ed.changed();
            }
        }
        self.session_dirty = true;
    }

    pub(super) fn undo(&mut self, ctx: &mut Ctx, redo: bool) {
        if self.procedure.focused.is_none() || !self.claim_focused(ctx) {
            return;
        }
        if let Some(ed) = self.procedure.focused_editor() {
            let done = if redo { ed.area.redo() } else { ed.area.undo() };
            if done {
                ed.changed();
            }
        }
    }

    // --- search within the topic's record ---

    pub(super) fn open_search(&mut self, ctx: &mut Ctx) {
        let last = self.procedure.search.clone().unwrap_or_default();
        ctx.open_form(
            Form::new(
                i18n::SEARCH,
                String::new(),
                vec![Field::text("text", i18n::SEARCH, &last)],
            )
            .quiet(),
            Ask::Search,
        );
    }

    pub(super) fn search_next(&mut self, ctx: &mut Ctx) {
        let Some(q) = self.procedure.search.clone().filter(|q| !q.is_empty()) else {
            return self.open_search(ctx);
        };
        let pattern = literal_pattern(&q);
        let n = self.procedure.editors.len();
        let start = self.procedure.focused.unwrap_or(0);
        // From the caret onwards, then through the following entries, wrapping round.
        for k in 0..=n {
            let i = (start + k) % n.max(1);
            let Some(ed) = self.procedure.editors.get_mut(i) else {
                continue;
            };
            if ed.area.set_search_pattern(&pattern).is_err() {
                continue;
            }
            if k > 0 {
                ed.area.move_cursor(CursorMove::Top);
                ed.area.move_cursor(CursorMove::Head);
            }
            if ed.area.search_forward(k > 0) {
                let step = ed.entry.step;
                self.procedure.focused = Some(i);
                self.procedure.step = Some(step);
                self.focus = Pane::Procedure;
                return;
            }
        }
        let t = i18n::not_found(ctx.lang, &q);
        ctx.warn(t);
    }

    /// Pick up entries another terminal wrote; never touch one with unsaved local edits.
    pub(super) fn merge_other_entries(&mut self, ctx: &mut Ctx) {
        let Some(topic) = self.procedure.topic_id else {
            return;
        };
        let entries = match ctx.store.entries(topic) {
            Ok(e) => e,
            Err(e) => return ctx.store_failed(&e),
        };
        let focused = self.procedure.focused;
        for e in entries {
            match self.procedure.editor_index(e.id) {
                None => self
                    .procedure
                    .editors
                    .push(EntryEditor::new(e, self.editor_styles)),
                Some(i) => {
                    // Another terminal's words replace only an entry with nothing of ours
                    // on its way; the focused one keeps its caret (the entry another
                    // terminal is editing is read-only here, and follows theirs).
                    if let Some(ed) = self.procedure.editors.get_mut(i)
                        && ed.is_saved()
                        && ed.pending.is_empty()
                        && !ed.needs_send()
                        && ed.text() != e.text
                    {
                        let caret = ed.area.cursor();
                        let at_end = caret.0 + 1 >= ed.area.lines().len()
                            && ed
                                .area
                                .lines()
                                .last()
                                .is_none_or(|l| caret.1 >= l.chars().count());
                        // A new editor starts with the caret at the end.
                        *ed = EntryEditor::new(e, self.editor_styles);
                        if Some(i) == focused && !at_end {
                            let row = caret.0.min(u16::MAX as usize) as u16;
                            let col = caret.1.min(u16::MAX as usize) as u16;
                            ed.area.move_cursor(CursorMove::Jump(row, col));
                        }
                    }
                }
            }
        }
        self.procedure
            .editors
            .sort_by_key(|e| (e.entry.step, e.entry.seq, e.entry.id));
        if let Some(id) = focused
            .and_then(|f| self.procedure.editors.get(f))
            .map(|e| e.entry.id)
        {
            self.procedure.focused = self.procedure.editor_index(id);
        }
        match ctx.store.step_records(topic) {
            Ok(r) => {
                self.procedure.step_records = r;
                // Our own step changes not yet on the disk still hold.
                for job in ctx.saver.pending() {
                    for c in &job.changes {
                        if let Change::Step {
                            topic_id,
                            leave,
                            enter,
                        } = c
                            && *topic_id == topic
                        {
                            self.procedure.note_step(topic, *leave, *enter, job.at);
                        }
                    }
                }
            }
            Err(e) => ctx.store_failed(&e),
        }
    }
}
