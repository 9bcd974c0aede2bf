//! The minutes editor: the recorder's own text widget ([`recorder_area`]) on one draft
//! version, with the same bookkeeping that gets every edit to the disk (R9.1).
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use super::FollowUp;
use crate::app::console::editor::{EditorStyles, pasted, recorder_area, settle};
use crate::app::ctx::Ctx;
use crate::app::saver::Saver;
use crate::domain::Id;
use crate::store::after::AfterChange;
use crate::store::change::Change;

pub struct DraftEditor {
    pub meeting_id: Id,
    pub number: u32,
    pub area: TextArea<'static>,
    version: u64,
    sent_version: u64,
    saved_version: u64,
    pending: Vec<(u64, u64)>,
}

impl DraftEditor {
    pub fn new(meeting_id: Id, number: u32, text: &str, styles: EditorStyles) -> Self {
        Self {
            meeting_id,
            number,
            area: recorder_area(text, styles),
            version: 0,
            sent_version: 0,
            saved_version: 0,
            pending: Vec::new(),
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn needs_send(&self) -> bool {
        self.sent_version != self.version
    }

    pub fn is_saved(&self) -> bool {
        self.saved_version == self.version
    }

    pub fn settle(&mut self, saver: &Saver) {
        settle(&mut self.saved_version, &mut self.pending, saver);
    }

    pub fn input(&mut self, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let changed = match key.code {
            KeyCode::Char('z') if ctrl => self.area.undo(),
            KeyCode::Char('y') if ctrl => self.area.redo(),
            _ => self.area.input(key),
        };
        if changed {
            self.version += 1;
        }
    }

    pub fn paste(&mut self, text: &str) {
        // One edit: one undo step, one save.
        if self.area.insert_str(pasted(text)) {
            self.version += 1;
        }
    }

    /// The change to send now, if the text changed since the last one.
    fn take_change(&mut self) -> Option<(Change, u64)> {
        if !self.needs_send() {
            return None;
        }
        self.sent_version = self.version;
        Some((
            Change::AfterMeeting {
                after: AfterChange::MinutesText {
                    meeting_id: self.meeting_id,
                    number: self.number,
                    text: self.text(),
                },
            },
            self.version,
        ))
    }
}

impl FollowUp {
    pub(super) fn type_key(&mut self, key: KeyEvent) {
        if let Some(ed) = &mut self.editor {
            ed.input(key);
        }
    }

    /// Hand the typed text to the save queue (at least every 150 ms while it changes).
    pub(super) fn flush_editor(&mut self, ctx: &mut Ctx, _force: bool) {
        let Some(ed) = &mut self.editor else {
            return;
        };
        if let Some((change, version)) = ed.take_change() {
            let generation = ctx.save(vec![change]);
            ed.pending.push((generation, version));
            ed.settle(&ctx.saver);
            self.stale = true;
        }
    }

    /// Leave the editor: its text goes to the save queue first.
    pub(super) fn stop_editing(&mut self, ctx: &mut Ctx) {
        if self.editor.is_some() {
            self.flush_editor(ctx, true);
            self.editor = None;
        }
    }
}
