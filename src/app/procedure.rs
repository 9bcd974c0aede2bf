//! The recorder's verbs: speakers, steps, typing, search; and the decision (R5.2, R6).
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

use super::editor::{EntryEditor, literal_pattern, pasted};
use super::form::{Confirm, Field, Form, FormEvent, Purpose};
use super::{App, Modal};
use crate::domain::decision::Decision;
use crate::domain::procedure::{Step, speaker_pool};
use crate::domain::{Id, Time};
use crate::i18n;
use crate::store::procedure::NewEntry;
use crate::store::{SessionState, StoreError};

/// The speaker picker: the people of this step first, filtered as you type; a name not
/// on the list can be typed in.
pub struct Picker {
    pub filter: TextArea<'static>,
    /// (person id, name, department/title)
    pub people: Vec<(Id, String, String)>,
    /// How many of `people` are the step's own (the rest are the meeting's others).
    pub own: usize,
    pub selected: usize,
}

impl Picker {
    pub fn matches(&self) -> Vec<&(Id, String, String)> {
        let f = self.filter.lines().join("");
        let f = f.trim();
        self.people
            .iter()
            .filter(|(_, name, info)| {
                let shown = info.split('\u{1f}').next().unwrap_or("");
                f.is_empty() || name.contains(f) || shown.contains(f) || initials_match(info, f)
            })
            .collect()
    }

    pub fn typed(&self) -> String {
        self.filter.lines().join("").trim().to_string()
    }

    pub fn key(&mut self, ev: KeyEvent) -> FormEvent {
        match ev.code {
            KeyCode::Esc => return FormEvent::Cancel,
            KeyCode::Enter => return FormEvent::Submit,
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down => {
                self.selected = (self.selected + 1).min(self.matches().len().saturating_sub(1))
            }
            _ => {
                self.filter.input(ev);
                self.selected = 0;
            }
        }
        FormEvent::Handled
    }

    pub fn paste(&mut self, text: &str) {
        self.filter.insert_str(text.replace(['\r', '\n'], " "));
        self.selected = 0;
    }
}

/// `info` carries the initials after a '\u{1f}' separator, so a picker can match them.
fn initials_match(info: &str, f: &str) -> bool {
    info.rsplit_once('\u{1f}')
        .is_some_and(|(_, ini)| !ini.is_empty() && ini.starts_with(&f.to_lowercase()))
}

impl App {
    /// Load a topic's entries into editors, focused on its last step with a start time.
    pub(super) fn load_procedure(&mut self, topic_id: Option<Id>) -> Result<(), StoreError> {
        self.procedure = Default::default();
        self.decision = None;
        let Some(topic_id) = topic_id else {
            return Ok(());
        };
        let entries = self.store.entries(topic_id)?;
        let records = self.store.step_records(topic_id)?;
        let step = records
            .iter()
            .filter(|r| r.started_at.is_some())
            .max_by_key(|r| r.started_at)
            .map(|r| r.step)
            .unwrap_or(Step::Report);
        self.procedure.topic_id = Some(topic_id);
        self.procedure.step = Some(step);
        self.procedure.step_records = records;
        self.procedure.editors = entries
            .into_iter()
            .map(|e| EntryEditor::new(e, self.editor_styles))
            .collect();
        self.procedure.focus_last_in_step();
        let deputy = self
            .data
            .as_ref()
            .and_then(|d| d.topic(topic_id))
            .and_then(|t| t.deputy_id);
        self.decision = Some(
            self.store
                .decision(topic_id)?
                .unwrap_or_else(|| Decision::empty(topic_id, deputy)),
        );
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

    /// Where the recorder is, for the session row.
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
        }
    }

    // --- steps and entries ---

    pub(super) fn go_step(&mut self, n: u8) {
        let Some(step) = Step::from_number(n) else {
            return;
        };
        let Some(topic) = self.procedure.topic_id else {
            return;
        };
        self.flush(false);
        let leave = self.procedure.step.filter(|s| *s != step);
        let now = self.now();
        if let Err(e) = self.store.change_step(topic, leave, Some(step), now) {
            return self.store_failed(&e);
        }
        if let Ok(r) = self.store.step_records(topic) {
            self.procedure.step_records = r;
        }
        self.procedure.step = Some(step);
        self.procedure.focus_last_in_step();
        self.session_dirty = true;
        self.focus = super::Pane::Procedure;
    }

    pub(super) fn step_by(&mut self, by: i8) {
        let n = self.procedure.step().number() as i8 + by;
        if (1..=5).contains(&n) {
            self.go_step(n as u8);
        }
    }

    pub(super) fn entry_by(&mut self, by: isize) {
        let ids = self.procedure.in_step();
        if ids.is_empty() {
            return;
        }
        self.flush(false);
        let pos = self
            .procedure
            .focused
            .and_then(|f| ids.iter().position(|i| *i == f))
            .unwrap_or(0) as isize;
        let next = (pos + by).clamp(0, ids.len() as isize - 1) as usize;
        self.procedure.focused = ids.get(next).copied();
        self.session_dirty = true;
    }

    /// Start a new entry in the step in view, stamped with speaker and time.
    fn new_entry(&mut self, speaker: Option<Id>, name: &str, off_list: bool) -> Option<usize> {
        let topic_id = self.procedure.topic_id?;
        let step = self.procedure.step();
        if self.procedure.step_started(step).is_none() {
            self.go_step(step.number());
        }
        let now = self.now();
        let made = self.store.insert_entry(&NewEntry {
            topic_id,
            step,
            speaker_id: speaker,
            speaker_name: name,
            off_list,
            started_at: now,
        });
        match made {
            Ok(entry) => {
                self.procedure
                    .editors
                    .push(EntryEditor::new(entry, self.editor_styles));
                let i = self.procedure.editors.len() - 1;
                self.procedure.focused = Some(i);
                self.session_dirty = true;
                Some(i)
            }
            Err(e) => {
                self.store_failed(&e);
                None
            }
        }
    }

    /// The speaker a step has when only one person speaks in it (2: the deputy, 5: the
    /// director); otherwise none until picked.
    fn default_speaker(&self) -> (Option<Id>, String) {
        let pool = self.pool();
        match pool.as_slice() {
            [(id, name, _)]
                if matches!(self.procedure.step(), Step::Explanation | Step::Decision) =>
            {
                (Some(*id), name.clone())
            }
            _ => (None, String::new()),
        }
    }

    /// The step's speakers: (id, name, department·title\u{1f}initials).
    fn pool(&self) -> Vec<(Id, String, String)> {
        let (Some(d), Some(tid)) = (&self.data, self.procedure.topic_id) else {
            return Vec::new();
        };
        let Some(topic) = d.topic(tid) else {
            return Vec::new();
        };
        speaker_pool(
            self.procedure.step(),
            topic,
            d.meeting.chair_id,
            &d.people,
            &d.parts,
        )
        .into_iter()
        .map(|p| {
            let info = format!("{} {}\u{1f}{}", p.department, p.title, p.initials);
            (p.id, p.name.clone(), info)
        })
        .collect()
    }

    pub(super) fn type_key(&mut self, ev: KeyEvent) {
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
            if self.new_entry(id, &name, false).is_none() {
                return;
            }
        }
        let Some(ed) = self.procedure.focused_editor() else {
            return;
        };
        if ed.area.input(ev) {
            ed.changed();
        }
        self.session_dirty = true;
    }

    pub(super) fn paste_text(&mut self, text: &str) {
        if self.procedure.focused.is_none() {
            let (id, name) = self.default_speaker();
            if self.new_entry(id, &name, false).is_none() {
                return;
            }
        }
        if let Some(ed) = self.procedure.focused_editor() {
            // One edit: one undo step, one save.
            if ed.area.insert_str(pasted(text)) {
                ed.changed();
            }
        }
        self.session_dirty = true;
    }

    pub(super) fn undo(&mut self, redo: bool) {
        if let Some(ed) = self.procedure.focused_editor() {
            let done = if redo { ed.area.redo() } else { ed.area.undo() };
            if done {
                ed.changed();
            }
        }
    }

    // --- speaker picker ---

    pub(super) fn open_picker(&mut self) {
        let own = self.pool();
        let own_ids: Vec<Id> = own.iter().map(|p| p.0).collect();
        let mut people = own.clone();
        if let Some(d) = &self.data {
            let mut seen = own_ids.clone();
            for part in &d.parts {
                if seen.contains(&part.person_id) {
                    continue;
                }
                seen.push(part.person_id);
                if let Some(p) = d.person(part.person_id) {
                    let info = format!("{} {}\u{1f}{}", p.department, p.title, p.initials);
                    people.push((p.id, p.name.clone(), info));
                }
            }
        }
        self.modal = Some(Modal::Picker(Box::new(Picker {
            filter: TextArea::default(),
            own: own.len(),
            people,
            selected: 0,
        })));
    }

    pub(super) fn picked(&mut self, p: Picker) {
        let chosen = p
            .matches()
            .get(p.selected)
            .map(|(id, n, _)| (Some(*id), n.clone()));
        let (id, name, off_list) = match chosen {
            Some((id, name)) => (id, name, false),
            None if !p.typed().is_empty() => (None, p.typed(), true),
            None => return,
        };
        // An entry with no words yet takes the speaker; otherwise a new entry starts.
        let reuse = self
            .procedure
            .focused_ref()
            .filter(|e| e.text().trim().is_empty() && e.entry.step == self.procedure.step())
            .map(|e| e.entry.id);
        match reuse {
            Some(entry_id) => {
                if let Err(e) = self.store.set_entry_speaker(entry_id, id, &name, off_list) {
                    return self.store_failed(&e);
                }
                if let Some(ed) = self.procedure.focused_editor() {
                    ed.entry.speaker_id = id;
                    ed.entry.speaker_name = name;
                    ed.entry.off_list = off_list;
                }
            }
            None => {
                self.flush(false);
                self.new_entry(id, &name, off_list);
            }
        }
        self.focus = super::Pane::Procedure;
    }

    // --- search within the topic's record ---

    pub(super) fn open_search(&mut self) {
        let last = self.procedure.search.clone().unwrap_or_default();
        self.modal = Some(Modal::Form(Box::new(Form::new(
            i18n::SEARCH,
            String::new(),
            Purpose::Search,
            vec![Field::new(i18n::SEARCH, &last)],
        ))));
    }

    pub(super) fn search_next(&mut self) {
        let Some(q) = self.procedure.search.clone().filter(|q| !q.is_empty()) else {
            return self.open_search();
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
                self.focus = super::Pane::Procedure;
                return;
            }
        }
        let t = format!("{}：{q} —", self.t(&i18n::SEARCH));
        self.warn(t);
    }

    // --- forms and questions ---

    pub(super) fn submit_form(&mut self, mut form: Form) {
        match form.purpose.clone() {
            Purpose::Search => {
                self.procedure.search = Some(form.value(0));
                self.search_next();
            }
            Purpose::DecisionText => {
                if let Some(d) = &mut self.decision {
                    d.text = form.value(0);
                }
                self.save_decision();
            }
            Purpose::DecisionFields => {
                let deadline = form.value(1);
                let parsed = parse_date(&deadline, self.now());
                if !deadline.trim().is_empty() && parsed.is_none() {
                    form.error = Some(self.t(&i18n::BAD_DATE).into());
                    form.focus = 1;
                    self.modal = Some(Modal::Form(Box::new(form)));
                    return;
                }
                if let Some(d) = &mut self.decision {
                    d.units = form.value(0);
                    d.deadline = parsed;
                    d.supervisor = form.value(2);
                    d.dissent = form.value(3);
                }
                self.save_decision();
            }
            Purpose::SpeakerOffList => {}
            _ => self.submit_attendance_form(form),
        }
    }

    pub(super) fn confirmed(&mut self, what: Confirm) {
        match what {
            Confirm::Advance => self.advance(),
            Confirm::Clear(person) => self.clear_attendance(person),
        }
    }

    /// Pick up entries another terminal wrote; never touch one with unsaved local edits.
    pub(super) fn merge_other_entries(&mut self) {
        let Some(topic) = self.procedure.topic_id else {
            return;
        };
        let Ok(entries) = self.store.entries(topic) else {
            return;
        };
        let focused = self.procedure.focused;
        for e in entries {
            match self.procedure.editor_index(e.id) {
                None => self
                    .procedure
                    .editors
                    .push(EntryEditor::new(e, self.editor_styles)),
                Some(i) if Some(i) != focused => {
                    if let Some(ed) = self.procedure.editors.get_mut(i)
                        && ed.is_saved()
                        && ed.pending.is_empty()
                        && ed.text() != e.text
                    {
                        *ed = EntryEditor::new(e, self.editor_styles);
                    }
                }
                Some(_) => {}
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
        if let Ok(r) = self.store.step_records(topic) {
            self.procedure.step_records = r;
        }
    }
}

/// A deadline typed as YYYY-MM-DD, or MM-DD in the meeting's year.
fn parse_date(s: &str, now: Time) -> Option<chrono::NaiveDate> {
    let s = s.trim().replace(['/', '.'], "-");
    chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(&format!("{}-{s}", now.format("%Y")), "%Y-%m-%d").ok()
        })
}
