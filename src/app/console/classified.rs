//! Classified materials in the room (R4.2, §4.2 "会议期间发放，会后及时收回"): one key on a
//! person hands them the next numbered copy of their topic, or takes back the copy they
//! hold; the meeting is not closed while a copy is out unless a reason is recorded. The
//! copies themselves are numbered in the back office.
use super::Console;
use super::ask::Ask;
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::domain::classified::{HandedOut, copies_out};
use crate::domain::people::Role;
use crate::domain::validate::{FieldProblem, Problem};
use crate::domain::{Id, Time};
use crate::i18n;
use crate::store::change::Change;
use crate::store::prep::{PrepChange, StoredCopy};

impl Console {
    /// The meeting's copies as they stand, with changes not yet on the disk.
    fn copies(&self, ctx: &mut Ctx) -> Option<Vec<StoredCopy>> {
        let id = self.meeting_id()?;
        match ctx.store.classified_copies(id) {
            Ok(mut copies) => {
                for job in ctx.saver.pending() {
                    for c in &job.changes {
                        StoredCopy::lay_over(&mut copies, c);
                    }
                }
                Some(copies)
            }
            Err(e) => {
                ctx.store_failed(&e);
                None
            }
        }
    }

    /// Is the person in the room for this topic (attending, staff, sitting in for it)?
    fn present_for(&self, person: Id, topic: Id) -> bool {
        self.view.as_ref().is_some_and(|d| {
            d.parts.iter().any(|p| {
                p.person_id == person
                    && (p.role != Role::SittingIn
                        || p.topic_id.is_none()
                        || p.topic_id == Some(topic))
            })
        })
    }

    /// `m` on the check-in pane: hand the selected person a copy, or take theirs back.
    pub(super) fn hand_out_copy(&mut self, ctx: &mut Ctx) {
        let Some(person) = self.selected_person() else {
            let t = ctx.t(&i18n::NOTHING_SELECTED);
            return ctx.warn(t);
        };
        let Some(copies) = self.copies(ctx) else {
            return;
        };
        let Some(d) = &self.view else { return };
        let name = d.name(person).to_string();
        let now = ctx.now();
        if let Some(c) = copies
            .iter()
            .find(|c| c.copy.holder == Some(person) && c.copy.is_out())
        {
            let text = i18n::copy_collected(ctx.lang, c.copy.number, &name);
            self.record(
                ctx,
                vec![Change::Prep(PrepChange::Collect {
                    copy_id: c.id,
                    at: now,
                })],
            );
            return ctx.say(text);
        }
        // Their topics in agenda order, the current one first.
        let mut topics: Vec<(u32, Id)> = d
            .topics
            .iter()
            .map(|t| {
                (
                    if Some(t.id) == d.meeting.current_topic_id {
                        0
                    } else {
                        t.seq
                    },
                    t.id,
                )
            })
            .collect();
        topics.sort_unstable();
        let next = topics.into_iter().find_map(|(_, t)| {
            let had = copies
                .iter()
                .any(|c| c.copy.topic_id == t && c.copy.holder == Some(person));
            if had || !self.present_for(person, t) {
                return None;
            }
            copies
                .iter()
                .filter(|c| c.copy.topic_id == t && c.copy.handed_out.is_none())
                .min_by_key(|c| c.copy.number)
        });
        let Some(c) = next else {
            let t = ctx.t(&i18n::NO_COPY_FOR_PERSON);
            return ctx.warn(t);
        };
        let how = if d.current_topic().is_some() {
            HandedOut::InMeeting
        } else {
            HandedOut::AtCheckIn
        };
        let text = i18n::copy_handed(ctx.lang, c.copy.number, &name);
        let change = PrepChange::HandOut {
            copy_id: c.id,
            holder: person,
            at: now,
            how,
        };
        self.record(ctx, vec![Change::Prep(change)]);
        ctx.say(text);
    }

    /// Before the last topic closes the meeting: copies still out need a reason (R4.2).
    /// True when a form was opened instead of closing.
    pub(super) fn ask_copies_out(&mut self, ctx: &mut Ctx) -> bool {
        let Some(id) = self.meeting_id() else {
            return false;
        };
        // A reason recorded already (in the back office) lets it close.
        if matches!(ctx.store.classified_out_reason(id), Ok(Some(_))) {
            return false;
        }
        let Some(copies) = self.copies(ctx) else {
            return false;
        };
        let plain: Vec<_> = copies.iter().map(|c| c.copy.clone()).collect();
        let out = copies_out(&plain);
        if out.is_empty() {
            return false;
        }
        let names: Vec<String> = out
            .iter()
            .map(|c| {
                let holder = c
                    .holder
                    .and_then(|h| self.view.as_ref().map(|d| d.name(h).to_string()))
                    .unwrap_or_default();
                i18n::copy_out_short(ctx.lang, c.number, &holder)
            })
            .collect();
        let form = Form::new(
            i18n::FORM_COPIES_OUT,
            names.join("、"),
            vec![Field::text("reason", i18n::F_REASON, "")],
        );
        ctx.open_form(form, Ask::CopiesOut(id));
        true
    }

    pub(super) fn submit_copies_out(&mut self, ctx: &mut Ctx, id: Id, form: &mut Form) -> Verdict {
        let reason = form.get("reason").trim().to_string();
        if reason.is_empty() {
            form.set_problems(ctx.lang, &[FieldProblem::new("reason", Problem::Required)]);
            return Verdict::Keep;
        }
        let at: Time = ctx.now();
        self.record(
            ctx,
            vec![Change::Prep(PrepChange::OutReason {
                meeting_id: id,
                reason,
                at,
            })],
        );
        self.advance(ctx);
        Verdict::Done
    }
}
