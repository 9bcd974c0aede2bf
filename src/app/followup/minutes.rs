//! 纪要: the summary minutes (R7.1) — drafted from the decisions, edited in the recorder's
//! editor, every version kept, two versions compared, reviewed by the deputy in charge
//! and signed off by the director; a signed version is frozen and a correction goes
//! round the chain again.
use super::ask::Ask;
use super::{Comparison, DraftEditor, FollowUp, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::minutes::{Minutes, VersionStatus};
use crate::domain::people::Role;
use crate::domain::text_diff::diff;
use crate::domain::validate::{FieldProblem, Problem};
use crate::i18n;
use crate::store::after::AfterChange;
use crate::store::change::Change;
use crate::store::lease::{self, LeaseKey};

impl FollowUp {
    fn minutes(&self) -> Option<&Minutes> {
        self.model.as_ref()?.minutes.as_ref()
    }

    /// The first draft, shaped from the recorded decisions; only once the meeting is
    /// closed (its decisions are final then).
    pub(super) fn draft(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        let Some(m) = &self.model else { return };
        if m.closing.is_none() {
            let t = ctx.t(&i18n::CLOSE_FIRST);
            return ctx.warn(t);
        }
        if m.minutes.is_some() {
            let t = ctx.t(&i18n::ALREADY_DRAFTED);
            return ctx.say(t);
        }
        let id = m.id();
        let text = match crate::export::draft_for(&ctx.store, id, ctx.now()) {
            Ok(t) => t,
            Err(e) => return ctx.store_failed(&e),
        };
        let made_by = ctx.store.operator().to_string();
        // Shown at once (a second d before the save queue has it finds the draft).
        if let Some(m) = &mut self.model {
            m.minutes = Some(Minutes::new(id, text.clone(), made_by.clone(), ctx.now()));
        }
        self.save(
            ctx,
            vec![Change::AfterMeeting {
                after: AfterChange::MinutesVersion {
                    meeting_id: id,
                    number: 1,
                    text,
                    made_by,
                    corrects: None,
                },
            }],
        );
        self.shown_version = None;
        let t = ctx.t(&i18n::DRAFTED);
        ctx.say(t);
    }

    /// Edit the latest version, while it is a draft.
    pub(super) fn start_editing(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        let Some(m) = self.minutes() else {
            let t = ctx.t(&i18n::NO_MINUTES_YET);
            return ctx.warn(t);
        };
        let v = m.current();
        match v.status() {
            VersionStatus::Draft => {
                // Two terminals never type into one draft (issue 10).
                if !ctx.claim(&LeaseKey::new(lease::MINUTES, m.meeting_id)) {
                    return;
                }
                let ed = DraftEditor::new(m.meeting_id, v.number, &v.text, self.styles);
                self.editor = Some(ed);
                self.shown_version = None;
                self.compare = None;
                self.focus = Pane::Minutes;
                self.shown = Pane::Minutes;
            }
            VersionStatus::Reviewed | VersionStatus::Signed => {
                let t = ctx.t(&i18n::FROZEN_CORRECT);
                ctx.warn(t);
            }
        }
    }

    /// A correction: a new version from the latest text, back at the start of the chain.
    pub(super) fn correct(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        self.stop_editing(ctx);
        let Some(m) = self.minutes() else {
            let t = ctx.t(&i18n::NO_MINUTES_YET);
            return ctx.warn(t);
        };
        let v = m.current();
        if v.status() == VersionStatus::Draft {
            let t = ctx.t(&i18n::STILL_DRAFT);
            return ctx.say(t);
        }
        let (id, number, text) = (m.meeting_id, v.number + 1, v.text.clone());
        let made_by = ctx.store.operator().to_string();
        if let Some(m) = self.model.as_mut().and_then(|m| m.minutes.as_mut()) {
            m.correct(text.clone(), made_by.clone(), ctx.now());
        }
        self.save(
            ctx,
            vec![Change::AfterMeeting {
                after: AfterChange::MinutesVersion {
                    meeting_id: id,
                    number,
                    text: text.clone(),
                    made_by,
                    corrects: Some(number - 1),
                },
            }],
        );
        self.editor = Some(DraftEditor::new(id, number, &text, self.styles));
        self.shown_version = None;
        self.compare = None;
    }

    /// The review (deputy in charge) or sign-off (director) form for the latest version.
    pub(super) fn open_step(&mut self, ctx: &mut Ctx, review: bool) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        self.stop_editing(ctx);
        let (Some(model), Some(m)) = (&self.model, self.minutes()) else {
            let t = ctx.t(&i18n::NO_MINUTES_YET);
            return ctx.warn(t);
        };
        let view = &model.view;
        let leaders: Vec<Choice> = view
            .parts
            .iter()
            .filter(|p| p.role == Role::Attending)
            .filter_map(|p| view.person(p.person_id))
            .map(|p| {
                Choice::new(p.name.clone(), format!("{} {}", p.name, p.title))
                    .with_keys(p.initials.clone())
            })
            .collect();
        let default = if review {
            String::new()
        } else {
            view.chair_name().to_string()
        };
        let title = if review {
            i18n::FU_FORM_REVIEW
        } else {
            i18n::FORM_SIGN_OFF
        };
        let subject = i18n::x_version(ctx.lang, m.current().number, m.current().corrects);
        let form = Form::new(
            title,
            subject,
            vec![
                Field::new("by", i18n::F_BY, FieldKind::Person(leaders), &default),
                Field::text("opinion", i18n::F_OPINION, ""),
            ],
        );
        ctx.open_form(form, Ask::Step { review });
    }

    pub(super) fn submit_step(&mut self, ctx: &mut Ctx, review: bool, f: &mut Form) -> Verdict {
        let by = f.get("by").trim().to_string();
        if by.is_empty() {
            f.set_problems(ctx.lang, &[FieldProblem::new("by", Problem::Required)]);
            return Verdict::Keep;
        }
        let Some(mut m) = self.minutes().cloned() else {
            return Verdict::Done;
        };
        let now = ctx.now();
        let opinion = f.get("opinion");
        // The domain's rule first, so the form says why at once (out of order, frozen).
        let checked = if review {
            m.review(&by, now, &opinion)
        } else {
            m.sign_off(&by, now, &opinion)
        };
        if let Err(e) = checked {
            f.error = Some(i18n::minutes_error(ctx.lang, &e));
            return Verdict::Keep;
        }
        let kind = if review { "review" } else { "sign_off" };
        let (meeting_id, number) = (m.meeting_id, m.current().number);
        if let Some(model) = &mut self.model {
            model.minutes = Some(m);
        }
        self.save(
            ctx,
            vec![Change::AfterMeeting {
                after: AfterChange::MinutesStep {
                    meeting_id,
                    number,
                    kind: kind.into(),
                    by,
                    at: now,
                    opinion,
                },
            }],
        );
        let t = ctx.t(if review {
            &i18n::REVIEWED
        } else {
            &i18n::SIGNED
        });
        ctx.say(t);
        Verdict::Done
    }

    pub(super) fn open_compare(&mut self, ctx: &mut Ctx) {
        if self.compare.take().is_some() {
            return;
        }
        let Some(m) = self.minutes() else {
            let t = ctx.t(&i18n::NO_MINUTES_YET);
            return ctx.warn(t);
        };
        let to = m.current().number;
        if to < 2 {
            let t = ctx.t(&i18n::ONE_VERSION);
            return ctx.say(t);
        }
        let form = Form::new(
            i18n::FORM_COMPARE,
            String::new(),
            vec![
                Field::text("from", i18n::F_FROM_VERSION, &(to - 1).to_string()),
                Field::text("to", i18n::F_TO_VERSION, &to.to_string()),
            ],
        );
        ctx.open_form(form, Ask::Compare);
    }

    pub(super) fn submit_compare(&mut self, ctx: &mut Ctx, f: &mut Form) -> Verdict {
        let Some(m) = self.minutes() else {
            return Verdict::Done;
        };
        let pick = |name: &'static str| {
            let n = f.get(name).trim().parse::<u32>().ok();
            n.and_then(|n| m.version(n))
                .ok_or(FieldProblem::new(name, Problem::NotAChoice))
        };
        match (pick("from"), pick("to")) {
            (Ok(a), Ok(b)) => {
                self.compare = Some(Comparison {
                    from: a.number,
                    to: b.number,
                    lines: diff(&a.text, &b.text),
                });
                self.stop_editing(ctx);
                Verdict::Done
            }
            (a, b) => {
                let problems: Vec<FieldProblem> =
                    [a.err(), b.err()].into_iter().flatten().collect();
                f.set_problems(ctx.lang, &problems);
                Verdict::Keep
            }
        }
    }

    pub(super) fn show_version(&mut self, by: i64) {
        let Some(m) = self.minutes() else { return };
        let last = m.current().number;
        let now = self.shown_version.unwrap_or(last);
        let to = (i64::from(now) + by).clamp(1, i64::from(last)) as u32;
        self.shown_version = (to != last).then_some(to);
        self.compare = None;
    }
}
