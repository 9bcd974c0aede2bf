//! 呈报: the submission form's approval chain (R2.4) — office fills → office director
//! reviews → deputy approves → director signs, each step who / when / opinion, a step out
//! of order refused, sending back to the office with a reason — and the press, video and
//! photos exception with who ordered it (R2.3).
use super::BackOffice;
use super::ask::Ask;
use super::lists::{typed_time, yes_no};
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::Id;
use crate::domain::coverage::{Coverage, CoverageException};
use crate::domain::meeting_people::{OFFICE_DEPARTMENT, is_department_head, is_leadership};
use crate::domain::submission::{SubmissionEvent, SubmissionStep};
use crate::domain::validate::{FieldProblem, Problem};
use crate::i18n;
use crate::store::change::Change;
use crate::store::new_id;
use crate::store::planning::MeetingChange;

impl BackOffice {
    /// Who usually does a step: the office (the operator), its director, the chair's
    /// deputy is not known so left to type, the principal leader.
    fn signer(&self, ctx: &Ctx, step: SubmissionStep) -> String {
        let people = self.view.active_people();
        let found = match step {
            SubmissionStep::Filled => None,
            SubmissionStep::OfficeDirectorReviewed => people
                .iter()
                .find(|p| p.department == OFFICE_DEPARTMENT && is_department_head(p)),
            SubmissionStep::DeputyApproved => None,
            SubmissionStep::DirectorSigned => people
                .iter()
                .find(|p| is_leadership(p) && p.title.starts_with("局长")),
        };
        match (step, found) {
            (_, Some(p)) => p.name.clone(),
            (SubmissionStep::Filled, None) => ctx.store.operator().to_string(),
            _ => String::new(),
        }
    }

    fn when_fields(ctx: &Ctx) -> [Field; 2] {
        let now = ctx.now();
        [
            Field::date("date", i18n::F_DATE, &now.format("%Y-%m-%d").to_string()),
            Field::time("time", i18n::F_CLOCK, &now.format("%H:%M").to_string()),
        ]
    }

    pub(super) fn open_sign(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let chain = self.view.submission(m.id);
        let Some(next) = chain.next_step() else {
            let w = ctx.t(&i18n::ALREADY_APPROVED);
            return ctx.warn(w);
        };
        let steps = SubmissionStep::ALL
            .iter()
            .map(|s| Choice::new(s.code(), ctx.t(&i18n::step_name(*s))))
            .collect();
        let [date, time] = Self::when_fields(ctx);
        let form = Form::new(
            i18n::FORM_SIGN,
            ctx.t(&i18n::SUBMISSION_FORM),
            vec![
                Field::new("step", i18n::F_STEP, FieldKind::Choice(steps), next.code()),
                Field::new(
                    "by",
                    i18n::F_SIGNER,
                    FieldKind::Person(self.people_choices()),
                    &self.signer(ctx, next),
                ),
                date,
                time,
                Field::text("opinion", i18n::F_OPINION, ""),
            ],
        );
        ctx.open_form(form, Ask::Sign(m.id));
    }

    pub(super) fn submit_sign(
        &mut self,
        ctx: &mut Ctx,
        meeting_id: Id,
        form: &mut Form,
    ) -> Verdict {
        let at = match typed_time(
            "date",
            &form.get("date"),
            "time",
            &form.get("time"),
            ctx.now(),
        ) {
            Ok(at) => at,
            Err(p) => {
                form.set_problems(ctx.lang, &p);
                return Verdict::Keep;
            }
        };
        let step = SubmissionStep::from_code(&form.get("step")).unwrap_or(SubmissionStep::Filled);
        let mut chain = self.view.submission(meeting_id);
        match chain.sign(step, &form.get("by"), at, &form.get("opinion")) {
            Ok(()) => {
                let event = chain.events.last().cloned();
                if let Some(event) = event {
                    self.record(
                        ctx,
                        vec![Change::Meeting(MeetingChange::Submission {
                            id: new_id(),
                            meeting_id,
                            event,
                        })],
                    );
                }
                let text = i18n::signed(ctx.lang, step, chain.is_approved());
                ctx.say(text);
                Verdict::Done
            }
            Err(why) => {
                form.error = Some(i18n::chain_refused(ctx.lang, &why));
                Verdict::Keep
            }
        }
    }

    pub(super) fn open_send_back(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let chain = self.view.submission(m.id);
        let Some(step) = chain.next_step().filter(|s| *s != SubmissionStep::Filled) else {
            let w = ctx.t(&i18n::NOTHING_TO_SEND_BACK);
            return ctx.warn(w);
        };
        let [date, time] = Self::when_fields(ctx);
        let form = Form::new(
            i18n::FORM_SEND_BACK,
            ctx.t(&i18n::step_name(step)),
            vec![
                Field::new(
                    "by",
                    i18n::F_SIGNER,
                    FieldKind::Person(self.people_choices()),
                    &self.signer(ctx, step),
                ),
                date,
                time,
                Field::text("reason", i18n::F_REASON, ""),
            ],
        );
        ctx.open_form(form, Ask::SendBack(m.id));
    }

    pub(super) fn submit_send_back(
        &mut self,
        ctx: &mut Ctx,
        meeting_id: Id,
        form: &mut Form,
    ) -> Verdict {
        let at = match typed_time(
            "date",
            &form.get("date"),
            "time",
            &form.get("time"),
            ctx.now(),
        ) {
            Ok(at) => at,
            Err(p) => {
                form.set_problems(ctx.lang, &p);
                return Verdict::Keep;
            }
        };
        let mut chain = self.view.submission(meeting_id);
        match chain.send_back(&form.get("by"), at, &form.get("reason")) {
            Ok(()) => {
                if let Some(event) = chain.events.last().cloned() {
                    self.record(
                        ctx,
                        vec![Change::Meeting(MeetingChange::Submission {
                            id: new_id(),
                            meeting_id,
                            event: event.clone(),
                        })],
                    );
                    if let SubmissionEvent::SentBack { reason, .. } = event {
                        ctx.warn(i18n::sent_back(ctx.lang, &reason));
                    }
                }
                Verdict::Done
            }
            Err(why) => {
                let field = match why {
                    crate::domain::submission::ChainRefused::NoReason => Some("reason"),
                    crate::domain::submission::ChainRefused::NoSigner => Some("by"),
                    _ => None,
                };
                match field {
                    Some(f) => {
                        form.set_problems(ctx.lang, &[FieldProblem::new(f, Problem::Required)])
                    }
                    None => form.error = Some(i18n::chain_refused(ctx.lang, &why)),
                }
                Verdict::Keep
            }
        }
    }

    pub(super) fn open_coverage(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let now = crate::domain::coverage::allowed(&self.view.coverage_of(m.id));
        let flag = |b: bool| if b { "1" } else { "0" };
        let lang = ctx.lang;
        let yn = |name, label, v| Field::new(name, label, FieldKind::Choice(yes_no(lang)), v);
        let form = Form::new(
            i18n::FORM_COVERAGE,
            ctx.t(&i18n::COVERAGE_DEFAULT),
            vec![
                yn("press", i18n::F_PRESS, flag(now.press)),
                yn("video", i18n::F_VIDEO, flag(now.video)),
                yn("photos", i18n::F_PHOTOS, flag(now.photos)),
                Field::new(
                    "ordered_by",
                    i18n::F_ORDERED_BY,
                    FieldKind::Person(self.leader_choices()),
                    "",
                ),
                Field::text("note", i18n::F_NOTE, ""),
            ],
        );
        ctx.open_form(form, Ask::Coverage(m.id));
    }

    pub(super) fn submit_coverage(
        &mut self,
        ctx: &mut Ctx,
        meeting_id: Id,
        form: &mut Form,
    ) -> Verdict {
        let allows = Coverage {
            press: form.get("press") == "1",
            video: form.get("video") == "1",
            photos: form.get("photos") == "1",
        };
        match CoverageException::new(
            allows,
            &form.get("ordered_by"),
            ctx.now(),
            &form.get("note"),
        ) {
            Ok(exception) => {
                self.record(
                    ctx,
                    vec![Change::Meeting(MeetingChange::Coverage {
                        id: new_id(),
                        meeting_id,
                        exception,
                    })],
                );
                Verdict::Done
            }
            Err(p) => {
                // "Allows nothing" belongs to the first box.
                let p: Vec<FieldProblem> = p
                    .into_iter()
                    .map(|x| match x.field {
                        crate::domain::coverage::field::ALLOWS => {
                            FieldProblem::new("press", x.problem)
                        }
                        _ => x,
                    })
                    .collect();
                form.set_problems(ctx.lang, &p);
                Verdict::Keep
            }
        }
    }
}
