//! The recorder's editors: one textarea per entry (per speaker in a step), and the
//! bookkeeping that gets every edit to the disk (R5.2, R9.1).
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::app::saver::Saver;
use crate::domain::procedure::{Entry, Step, StepRecord};
use crate::domain::splice::{Splice, joined_len, part_of_lines};
use crate::domain::{Id, Time};
use crate::store::change::Change;

/// Undo deep enough for a whole entry typed over an hour.
const UNDO_DEPTH: usize = 20_000;

pub struct EntryEditor {
    pub entry: Entry,
    pub area: TextArea<'static>,
    /// Bumped on every change of the text.
    pub version: u64,
    /// The version last handed to the saver.
    pub sent_version: u64,
    /// The version known to be on disk.
    pub saved_version: u64,
    /// (generation, version) handed to the saver and not yet confirmed.
    pub pending: Vec<(u64, u64)>,
    /// The length in bytes of the text as last handed to the saver: what the next splice
    /// applies to.
    sent_len: usize,
    /// Generations of splices handed to the saver and not yet confirmed (leaving the
    /// entry then saves it whole, so nothing read back later depends on a splice still on
    /// its way).
    splices_out: Vec<u64>,
    /// The generation of a whole text sent after the saver gave up on a save of this
    /// entry; until it is committed, every save is whole.
    whole_until: Option<u64>,
    /// The saver gave up on a save of this entry: save it whole once more even if
    /// nothing was typed since.
    resend: bool,
}

/// Styles the editors are drawn with, from the theme.
#[derive(Clone, Copy, Debug, Default)]
pub struct EditorStyles {
    pub text: Style,
    pub cursor_line: Style,
    pub selection: Style,
    pub search: Style,
}

/// The recorder's text widget: soft-wrapped, deep undo, the theme's styles, the caret at
/// the end. The minutes editor of F4 is this same widget.
pub fn recorder_area(text: &str, styles: EditorStyles) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_max_histories(UNDO_DEPTH);
    area.set_style(styles.text);
    area.set_cursor_line_style(styles.cursor_line);
    area.set_selection_style(styles.selection);
    area.set_search_style(styles.search);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

/// Take note of what the save queue has committed: the newest version committed is the
/// one on the disk. A version the queue gave up on stays unsaved (it goes to the
/// emergency file). True when the queue gave up on one.
pub fn settle(saved_version: &mut u64, pending: &mut Vec<(u64, u64)>, saver: &Saver) -> bool {
    let mut best = *saved_version;
    let mut given_up = false;
    pending.retain(|(g, v)| {
        if saver.is_committed(*g) {
            best = best.max(*v);
            false
        } else if saver.is_rejected(*g) {
            given_up = true;
            false
        } else {
            true
        }
    });
    *saved_version = best;
    given_up
}

impl EntryEditor {
    pub fn new(entry: Entry, styles: EditorStyles) -> Self {
        let area = recorder_area(&entry.text, styles);
        let sent_len = entry.text.len();
        Self {
            entry,
            area,
            version: 0,
            sent_version: 0,
            saved_version: 0,
            pending: Vec::new(),
            sent_len,
            splices_out: Vec::new(),
            whole_until: None,
            resend: false,
        }
    }

    /// After the terminal changed size: put the view back to the top, so the next frame
    /// shows the caret with as much text above it as fits (rather than keeping a view
    /// scrolled for another height). The caret stays where it was.
    pub fn refit(&mut self) {
        let (row, col) = {
            let c = self.area.cursor();
            (c.0, c.1)
        };
        let mut top = self.area.scroll_offset().0;
        while top > 0 {
            let by = top.min(i16::MAX as u16);
            self.area.scroll((-(by as i16), 0));
            top -= by;
        }
        let row = row.min(u16::MAX as usize) as u16;
        let col = col.min(u16::MAX as usize) as u16;
        self.area.move_cursor(CursorMove::Jump(row, col));
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn changed(&mut self) {
        self.version += 1;
    }

    pub fn is_saved(&self) -> bool {
        self.saved_version == self.version
    }

    pub fn needs_send(&self) -> bool {
        self.sent_version != self.version || self.resend
    }

    /// A splice of this entry is still on its way to the disk.
    pub fn splice_pending(&self) -> bool {
        !self.splices_out.is_empty()
    }

    /// The save to hand the saver now: only the part edited since the last one (a
    /// splice), or the whole text when `whole` is asked for, when the saver gave up on an
    /// earlier save, or when the edited part cannot be cut out. The caller sends it and
    /// then calls [`EntryEditor::sent`].
    pub fn take_save(&mut self, whole: bool) -> Change {
        let entry_id = self.entry.id;
        let edited = self.area.take_edited();
        let lines = self.area.lines();
        let to_len = joined_len(lines);
        let from_len = std::mem::replace(&mut self.sent_len, to_len);
        let splice = edited
            .filter(|_| !whole && !self.resend && self.whole_until.is_none())
            .and_then(|e| {
                let (at, keep) = e.offsets(lines);
                let text = part_of_lines(lines, at, to_len.checked_sub(keep)?)?;
                Splice::new(from_len, at, keep, text, to_len).map(|s| s.with_context(lines))
            });
        self.resend = false;
        match splice {
            Some(splice) => Change::EntrySplice { entry_id, splice },
            None => {
                // The whole text supersedes every splice before it.
                self.splices_out.clear();
                Change::EntryText {
                    entry_id,
                    text: lines.join("\n"),
                }
            }
        }
    }

    /// The save just taken went out as job `generation` (`spliced`: as a splice).
    pub fn sent(&mut self, generation: u64, spliced: bool) {
        self.sent_version = self.version;
        self.pending.push((generation, self.version));
        if spliced {
            self.splices_out.push(generation);
        } else if self.whole_until.is_some() {
            self.whole_until = Some(generation);
        }
    }

    /// Take note of what the save queue has committed (see [`settle`]). When it gave up
    /// on a save, the stored text is not what the next splice would be made for: the
    /// entry is saved whole until a whole text is committed — at once, when what it gave
    /// up on was a splice (a whole text given up on is itself kept for the emergency file).
    pub fn settle(&mut self, saver: &Saver) {
        let lost_splice = self.splices_out.iter().any(|g| saver.is_rejected(*g));
        self.splices_out
            .retain(|g| !saver.is_committed(*g) && !saver.is_rejected(*g));
        let given_up = settle(&mut self.saved_version, &mut self.pending, saver);
        if given_up || lost_splice {
            self.resend |= lost_splice;
            self.whole_until = Some(u64::MAX);
        } else if self.whole_until.is_some_and(|g| saver.is_committed(g)) {
            self.whole_until = None;
        }
    }
}

/// The procedure pane: one topic, one step in view, one entry focused.
#[derive(Default)]
pub struct Procedure {
    pub topic_id: Option<Id>,
    pub step: Option<Step>,
    pub editors: Vec<EntryEditor>,
    pub focused: Option<usize>,
    pub step_records: Vec<StepRecord>,
    pub search: Option<String>,
}

impl Procedure {
    pub fn step(&self) -> Step {
        self.step.unwrap_or(Step::Report)
    }

    /// Indexes of the editors of the step in view, in order.
    pub fn in_step(&self) -> Vec<usize> {
        let step = self.step();
        (0..self.editors.len())
            .filter(|&i| self.editors.get(i).is_some_and(|e| e.entry.step == step))
            .collect()
    }

    pub fn focused_editor(&mut self) -> Option<&mut EntryEditor> {
        self.focused.and_then(|i| self.editors.get_mut(i))
    }

    pub fn focused_ref(&self) -> Option<&EntryEditor> {
        self.focused.and_then(|i| self.editors.get(i))
    }

    /// Focus the last entry of the step in view (or nothing if it has none).
    pub fn focus_last_in_step(&mut self) {
        self.focused = self.in_step().last().copied();
    }

    pub fn record(&self, step: Step) -> Option<&StepRecord> {
        self.step_records.iter().find(|r| r.step == step)
    }

    pub fn all_saved(&self) -> bool {
        self.editors.iter().all(EntryEditor::is_saved)
    }

    pub fn step_started(&self, step: Step) -> Option<Time> {
        self.record(step).and_then(|r| r.started_at)
    }

    pub fn editor_index(&self, entry_id: Id) -> Option<usize> {
        self.editors.iter().position(|e| e.entry.id == entry_id)
    }

    /// Note a step left or entered at `at`, as the store will (R6: the first start is
    /// kept; leaving sets the end).
    pub fn note_step(&mut self, topic_id: Id, leave: Option<Step>, enter: Option<Step>, at: Time) {
        if let Some(s) = leave {
            self.record_mut(topic_id, s).ended_at = Some(at);
        }
        if let Some(s) = enter {
            self.record_mut(topic_id, s).started_at.get_or_insert(at);
        }
    }

    fn record_mut(&mut self, topic_id: Id, step: Step) -> &mut StepRecord {
        if !self.step_records.iter().any(|r| r.step == step) {
            self.step_records.push(StepRecord {
                topic_id,
                step,
                started_at: None,
                ended_at: None,
            });
            self.step_records.sort_by_key(|r| r.step);
        }
        let i = self
            .step_records
            .iter()
            .position(|r| r.step == step)
            .unwrap_or_default();
        &mut self.step_records[i]
    }
}

/// Does this key only move the caret (the textarea's own moving keys)? Those work in an
/// entry another terminal is editing; every other key would change it (issue 10).
pub fn moves_only(ev: &KeyEvent) -> bool {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let alt = ev.modifiers.contains(KeyModifiers::ALT);
    match ev.code {
        KeyCode::Up
        | KeyCode::Down
        | KeyCode::Left
        | KeyCode::Right
        | KeyCode::Home
        | KeyCode::End
        | KeyCode::PageUp
        | KeyCode::PageDown => true,
        KeyCode::Char(c) if ctrl && alt => "bfpn".contains(c),
        KeyCode::Char(c) if ctrl => "npfbaev".contains(c),
        KeyCode::Char(c) if alt => "<>fb][npv".contains(c),
        _ => false,
    }
}

/// Normalise pasted text: terminals send CR for line breaks. Nothing else changes
/// (faithful to the original).
pub fn pasted(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Escape a literal search for the regex the textarea searches with.
pub fn literal_pattern(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_line_breaks_become_newlines_and_nothing_else_changes() {
        assert_eq!(pasted("甲\r\n乙\r丙\n丁  *#|"), "甲\n乙\n丙\n丁  *#|");
    }

    #[test]
    fn search_is_literal() {
        assert_eq!(literal_pattern("1.5(万)"), "1\\.5\\(万\\)");
    }
}
