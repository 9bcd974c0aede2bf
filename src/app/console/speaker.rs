//! Who speaks: the step's people first (R6), then the meeting's others; a name not on the
//! list may be typed and is marked as such.
use super::Console;
use super::Pane;
use super::ask::Ask;
use crate::app::ctx::Ctx;
use crate::app::picker::{PickItem, Picked, Picker};
use crate::domain::Id;
use crate::domain::procedure::{Step, speaker_pool};
use crate::i18n;
use crate::store::change::Change;
use crate::store::lease::LeaseKey;

impl Console {
    /// The speaker a step has when only one person speaks in it (2: the deputy, 5: the
    /// director); otherwise none until picked.
    pub(super) fn default_speaker(&self) -> (Option<Id>, String) {
        let pool = self.pool();
        match pool.as_slice() {
            [p] if matches!(self.procedure.step(), Step::Explanation | Step::Decision) => {
                (Some(p.id), p.name.clone())
            }
            _ => (None, String::new()),
        }
    }

    /// The people of the step in view.
    fn pool(&self) -> Vec<PickItem> {
        let (Some(d), Some(tid)) = (&self.view, self.procedure.topic_id) else {
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
        .map(|p| PickItem {
            id: p.id,
            name: p.name.clone(),
            info: format!("{} {}", p.department, p.title),
            initials: p.initials.clone(),
            own: true,
        })
        .collect()
    }

    pub(super) fn open_picker(&mut self, ctx: &mut Ctx) {
        let mut items = self.pool();
        if let Some(d) = &self.view {
            for part in &d.parts {
                if items.iter().any(|i| i.id == part.person_id) {
                    continue;
                }
                if let Some(p) = d.person(part.person_id) {
                    items.push(PickItem {
                        id: p.id,
                        name: p.name.clone(),
                        info: format!("{} {}", p.department, p.title),
                        initials: p.initials.clone(),
                        own: false,
                    });
                }
            }
        }
        ctx.open_picker(Picker::new(i18n::PICK_SPEAKER, items, true), Ask::Speaker);
    }

    pub(super) fn picked(&mut self, ctx: &mut Ctx, p: &Picker) {
        let (id, name, off_list) = match p.choice() {
            Some(Picked::Person { id, name }) => (Some(id), name, false),
            Some(Picked::Free(name)) => (None, name, true),
            None => return,
        };
        // An entry with no words yet takes the speaker; otherwise a new entry starts.
        let reuse = self
            .procedure
            .focused_ref()
            .filter(|e| e.text().trim().is_empty() && e.entry.step == self.procedure.step())
            .map(|e| e.entry.id)
            // One another terminal is editing stays theirs: a new entry starts instead.
            .filter(|id| {
                let key = LeaseKey::entry(*id);
                ctx.edited_by(&key).is_none() && ctx.claim(&key)
            });
        match reuse {
            Some(entry_id) => {
                self.record(
                    ctx,
                    vec![Change::EntrySpeaker {
                        entry_id,
                        speaker_id: id,
                        speaker_name: name.clone(),
                        off_list,
                    }],
                );
                if let Some(ed) = self.procedure.focused_editor() {
                    ed.entry.speaker_id = id;
                    ed.entry.speaker_name = name;
                    ed.entry.off_list = off_list;
                }
            }
            None => {
                self.flush_texts(ctx, false);
                self.new_entry(ctx, id, &name, off_list);
            }
        }
        self.focus = Pane::Procedure;
    }
}
