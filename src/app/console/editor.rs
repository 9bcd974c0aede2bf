//! The recorder's editors: one textarea per entry (per speaker in a step), and the
//! bookkeeping that gets every edit to the disk (R5.2, R9.1).
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::app::saver::Saver;
use crate::domain::procedure::{Entry, Step, StepRecord};
use crate::domain::{Id, Time};

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
/// emergency file).
pub fn settle(saved_version: &mut u64, pending: &mut Vec<(u64, u64)>, saver: &Saver) {
    let mut best = *saved_version;
    pending.retain(|(g, v)| {
        if saver.is_committed(*g) {
            best = best.max(*v);
            false
        } else {
            !saver.is_rejected(*g)
        }
    });
    *saved_version = best;
}

impl EntryEditor {
    pub fn new(entry: Entry, styles: EditorStyles) -> Self {
        let area = recorder_area(&entry.text, styles);
        Self {
            entry,
            area,
            version: 0,
            sent_version: 0,
            saved_version: 0,
            pending: Vec::new(),
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
        self.sent_version != self.version
    }

    /// Take note of what the save queue has committed (see [`settle`]).
    pub fn settle(&mut self, saver: &Saver) {
        settle(&mut self.saved_version, &mut self.pending, saver);
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
