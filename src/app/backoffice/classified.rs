//! Classified materials (R4.2, §4.2 "会议期间发放，会后及时收回"): numbered copies, one
//! for each person present for the topic, handed out at sign-in or in the meeting,
//! collected back after it; a reason recorded when one stays out.
use super::ask::Ask;
use super::lists::pick_item;
use super::{BackOffice, PrepRow};
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::app::picker::{Picked, Picker};
use crate::domain::Id;
use crate::domain::classified::{HandedOut, prepare, prepared};
use crate::domain::meeting::MeetingStatus;
use crate::domain::validate::{FieldProblem, Problem};
use crate::i18n;
use crate::store::change::Change;
use crate::store::new_id;
use crate::store::prep::{PrepChange, StoredCopy};

impl BackOffice {
    /// The classified topic of the selected row.
    fn classified_topic(&self) -> Option<Id> {
        match self.prep_row()? {
            PrepRow::Classified(t) => Some(t),
            PrepRow::Copy(c) => self
                .view
                .prep
                .copies
                .iter()
                .find(|x| x.id == c)
                .map(|x| x.copy.topic_id),
            _ => None,
        }
    }

    /// Copies a classified topic needs: one for each person present for it.
    pub fn copies_needed(&self, meeting_id: Id, topic_id: Id) -> u32 {
        let n = self
            .view
            .meeting_people(meeting_id)
            .present_for(topic_id)
            .len();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    pub(super) fn open_prepare_copies(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let Some(t) = self.classified_topic() else {
            let w = ctx.t(&i18n::SELECT_CLASSIFIED);
            return ctx.warn(w);
        };
        let copies: Vec<_> = self
            .copies_of(m.id, t)
            .into_iter()
            .map(|c| c.copy.clone())
            .collect();
        let more = self
            .copies_needed(m.id, t)
            .saturating_sub(prepared(&copies, t));
        let title = self
            .view
            .topic(t)
            .map(|x| x.registration.title.clone())
            .unwrap_or_default();
        let form = Form::new(
            i18n::FORM_COPIES,
            title,
            vec![Field::text("count", i18n::F_MORE_COPIES, &more.to_string())],
        );
        ctx.open_form(form, Ask::PrepareCopies(m.id, t));
    }

    pub(super) fn submit_prepare_copies(
        &mut self,
        ctx: &mut Ctx,
        meeting_id: Id,
        topic_id: Id,
        form: &mut Form,
    ) -> Verdict {
        let count = crate::domain::intake::ascii_digits(form.get("count").trim()).parse::<u32>();
        let Some(count) = count.ok().filter(|n| (1..=999).contains(n)) else {
            form.set_problems(ctx.lang, &[FieldProblem::new("count", Problem::BadNumber)]);
            return Verdict::Keep;
        };
        let existing: Vec<_> = self
            .copies_of(meeting_id, topic_id)
            .into_iter()
            .map(|c| c.copy.clone())
            .collect();
        let copies = prepare(topic_id, count, &existing)
            .into_iter()
            .map(|copy| StoredCopy {
                id: new_id(),
                meeting_id,
                copy,
            })
            .collect();
        self.record(ctx, vec![Change::Prep(PrepChange::Copies { copies })]);
        Verdict::Done
    }

    pub(super) fn open_hand_out(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let copy = match self.prep_row() {
            Some(PrepRow::Copy(c)) => Some(c),
            Some(PrepRow::Classified(t)) => self
                .copies_of(m.id, t)
                .iter()
                .find(|c| c.copy.handed_out.is_none())
                .map(|c| c.id),
            _ => None,
        };
        let Some(copy) = copy else {
            let w = ctx.t(&i18n::SELECT_CLASSIFIED);
            return ctx.warn(w);
        };
        let topic = self
            .view
            .prep
            .copies
            .iter()
            .find(|c| c.id == copy)
            .map(|c| c.copy.topic_id);
        let present = topic
            .map(|t| self.view.meeting_people(m.id).present_for(t))
            .unwrap_or_default();
        let items = self
            .view
            .active_people()
            .iter()
            .filter(|p| present.contains(&p.id))
            .map(|p| pick_item(p, true))
            .collect();
        ctx.open_picker(
            Picker::new(i18n::PICK_HOLDER, items, false),
            Ask::HandOut(copy),
        );
    }

    pub(super) fn picked_holder(&mut self, ctx: &mut Ctx, copy_id: Id, picked: Option<Picked>) {
        let Some(Picked::Person { id, .. }) = picked else {
            return;
        };
        let Some(c) = self.view.prep.copies.iter().find(|c| c.id == copy_id) else {
            return;
        };
        let mut copy = c.copy.clone();
        let started = self
            .view
            .meeting(c.meeting_id)
            .is_some_and(|m| m.status != MeetingStatus::Planned);
        let how = if started {
            HandedOut::InMeeting
        } else {
            HandedOut::AtCheckIn
        };
        let now = ctx.now();
        match copy.hand_out(id, now, how) {
            Ok(()) => self.record(
                ctx,
                vec![Change::Prep(PrepChange::HandOut {
                    copy_id,
                    holder: id,
                    at: now,
                    how,
                })],
            ),
            Err(why) => ctx.warn(i18n::copy_refused(ctx.lang, &why)),
        }
    }

    pub(super) fn collect(&mut self, ctx: &mut Ctx) {
        let Some(PrepRow::Copy(copy_id)) = self.prep_row() else {
            let w = ctx.t(&i18n::SELECT_A_COPY);
            return ctx.warn(w);
        };
        let Some(c) = self.view.prep.copies.iter().find(|c| c.id == copy_id) else {
            return;
        };
        let mut copy = c.copy.clone();
        let now = ctx.now();
        match copy.collect(now) {
            Ok(()) => self.record(
                ctx,
                vec![Change::Prep(PrepChange::Collect { copy_id, at: now })],
            ),
            Err(why) => ctx.warn(i18n::copy_refused(ctx.lang, &why)),
        }
    }

    pub(super) fn open_out_reason(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let old = self
            .view
            .prep
            .out_reasons
            .iter()
            .find(|(x, _)| *x == m.id)
            .map(|(_, r)| r.clone())
            .unwrap_or_default();
        let form = Form::new(
            i18n::FORM_OUT_REASON,
            String::new(),
            vec![Field::text("reason", i18n::F_REASON, &old)],
        );
        ctx.open_form(form, Ask::OutReason(m.id));
    }

    pub(super) fn submit_out_reason(
        &mut self,
        ctx: &mut Ctx,
        meeting_id: Id,
        form: &mut Form,
    ) -> Verdict {
        let reason = form.get("reason").trim().to_string();
        if reason.is_empty() {
            form.set_problems(ctx.lang, &[FieldProblem::new("reason", Problem::Required)]);
            return Verdict::Keep;
        }
        let at = ctx.now();
        self.record(
            ctx,
            vec![Change::Prep(PrepChange::OutReason {
                meeting_id,
                reason,
                at,
            })],
        );
        Verdict::Done
    }
}
