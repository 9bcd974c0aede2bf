//! 督办: the decision register across all meetings (R7.3) — filters by status, unit,
//! deputy and month; dated progress notes, done / stalled / reopened, problems reported
//! to the director and the director's reply, the supervisor's discipline flag (§7.3.2).
//! Being overdue is computed and never changes an item by itself.
use super::ask::Ask;
use super::{FollowUp, FollowUpAction};
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::domain::followup::{Item, Status};
use crate::domain::followup_query::{Filter, Month, MonthOf, StatusFilter, units};
use crate::domain::validate::{FieldProblem, Problem};
use crate::domain::{Id, Time};
use crate::i18n;
use crate::store::after::AfterChange;
use crate::store::change::Change;
use crate::store::new_id;

/// The status filters in the order `f` steps through them.
const STATUS_STEPS: [Option<StatusFilter>; 7] = [
    None,
    Some(StatusFilter::Open),
    Some(StatusFilter::Overdue),
    Some(StatusFilter::Is(Status::InProgress)),
    Some(StatusFilter::Is(Status::Done)),
    Some(StatusFilter::Is(Status::Stalled)),
    Some(StatusFilter::Flagged),
];

#[derive(Default)]
pub struct RegisterView {
    pub filter: Filter,
    pub selected: usize,
}

impl RegisterView {
    pub fn shown<'a>(&self, items: &'a [Item], now: Time) -> Vec<&'a Item> {
        self.filter.apply(items, now)
    }

    pub fn current<'a>(&self, items: &'a [Item], now: Time) -> Option<&'a Item> {
        self.shown(items, now).get(self.selected).copied()
    }

    pub fn clamp(&mut self, items: &[Item], now: Time) {
        let n = self.shown(items, now).len();
        self.selected = self.selected.min(n.saturating_sub(1));
    }
}

/// The next value after `now` in `all` (wrapping through none).
fn next_of<T: Clone + PartialEq>(all: &[T], now: &Option<T>) -> Option<T> {
    match now {
        None => all.first().cloned(),
        Some(x) => {
            let i = all.iter().position(|a| a == x);
            i.and_then(|i| all.get(i + 1)).cloned()
        }
    }
}

/// The title and the text field's label of an item's form.
fn item_form(a: FollowUpAction) -> (i18n::Tr, i18n::Tr) {
    use FollowUpAction as A;
    match a {
        A::Done => (i18n::FORM_DONE, i18n::F_WHAT_DONE),
        A::Stalled => (i18n::FORM_STALLED, i18n::F_WHY),
        A::Reopen => (i18n::FORM_REOPEN, i18n::F_WHY),
        A::Problem => (i18n::FORM_PROBLEM, i18n::F_PROBLEM),
        A::Reply => (i18n::FU_FORM_REPLY, i18n::F_REPLY),
        A::Flag => (i18n::FORM_FLAG, i18n::F_FLAG_NOTE),
        _ => (i18n::FORM_NOTE, i18n::FU_F_NOTE),
    }
}

impl FollowUp {
    pub(super) fn filter(&mut self, ctx: &mut Ctx, a: FollowUpAction) {
        let f = &mut self.register.filter;
        match a {
            FollowUpAction::FilterStatus => {
                let i = STATUS_STEPS
                    .iter()
                    .position(|s| *s == f.status)
                    .unwrap_or(0);
                f.status = STATUS_STEPS[(i + 1) % STATUS_STEPS.len()];
            }
            FollowUpAction::FilterUnit => f.unit = next_of(&units(&self.items), &f.unit),
            FollowUpAction::FilterDeputy => {
                let mut deputies: Vec<Id> = self.items.iter().filter_map(|i| i.deputy_id).collect();
                deputies.sort_unstable();
                deputies.dedup();
                f.deputy_id = next_of(&deputies, &f.deputy_id);
            }
            FollowUpAction::FilterMonth => {
                let mut months: Vec<(i32, u32)> = self
                    .items
                    .iter()
                    .map(|i| {
                        let m = Month::of(i.meeting_date);
                        (m.year, m.month)
                    })
                    .collect();
                months.sort_unstable();
                months.dedup();
                let now = f.month.map(|(m, _)| (m.year, m.month));
                f.month = next_of(&months, &now)
                    .map(|(year, month)| (Month { year, month }, MonthOf::Meeting));
            }
            _ => *f = Filter::default(),
        }
        self.register.selected = 0;
        let now = ctx.now();
        self.register.clamp(&self.items, now);
    }

    pub(super) fn open_item_form(&mut self, ctx: &mut Ctx, a: FollowUpAction) {
        let now = ctx.now();
        let Some(item) = self.register.current(&self.items, now) else {
            let t = ctx.t(&i18n::NO_ITEM);
            return ctx.warn(t);
        };
        // Refused at once where the rule is plain, before anything is typed.
        let refusal = match a {
            FollowUpAction::Done | FollowUpAction::Stalled if item.status == Status::Done => {
                Some(&i18n::ITEM_ALREADY_DONE)
            }
            FollowUpAction::Flag if item.discipline.is_some() => Some(&i18n::ALREADY_FLAGGED),
            FollowUpAction::Flag if !item.may_flag(now) => Some(&i18n::NOT_LATE_OR_REFUSED),
            FollowUpAction::Reply if item.problems.iter().all(|p| p.reply.is_some()) => {
                Some(&i18n::NO_PROBLEM_OPEN)
            }
            _ => None,
        };
        if let Some(r) = refusal {
            let t = ctx.t(r);
            return ctx.warn(t);
        }
        let (title, label) = item_form(a);
        let by = if a == FollowUpAction::Flag {
            item.supervisor.clone()
        } else {
            ctx.store.operator().to_string()
        };
        let form = Form::new(
            title,
            item.item.clone(),
            vec![
                Field::multiline("text", label, ""),
                Field::text("by", i18n::F_BY, &by),
            ],
        );
        ctx.open_form(form, Ask::Item(a, item.id));
    }

    pub(super) fn submit_item_form(
        &mut self,
        ctx: &mut Ctx,
        a: FollowUpAction,
        item_id: Id,
        f: &mut Form,
    ) -> Verdict {
        let text = f.get("text").trim().to_string();
        let by = f.get("by").trim().to_string();
        let mut problems = Vec::new();
        if text.is_empty() {
            problems.push(FieldProblem::new("text", Problem::Required));
        }
        if by.is_empty() {
            problems.push(FieldProblem::new("by", Problem::Required));
        }
        if !problems.is_empty() {
            f.set_problems(ctx.lang, &problems);
            return Verdict::Keep;
        }
        let on = ctx.now().date_naive();
        let status = |s: Status| AfterChange::FollowUpStatus {
            item_id,
            status: s.code().into(),
            on,
            by: by.clone(),
            note: text.clone(),
        };
        let note = |kind: &str| AfterChange::FollowUpNote {
            note_id: new_id(),
            item_id,
            kind: kind.into(),
            on,
            by: by.clone(),
            text: text.clone(),
        };
        let after = match a {
            FollowUpAction::Done => status(Status::Done),
            FollowUpAction::Stalled => status(Status::Stalled),
            FollowUpAction::Reopen => status(Status::InProgress),
            FollowUpAction::Problem => note("problem"),
            FollowUpAction::Reply => AfterChange::FollowUpReply {
                item_id,
                reply: text.clone(),
            },
            FollowUpAction::Flag => AfterChange::FollowUpFlag {
                item_id,
                on,
                by: by.clone(),
                note: text.clone(),
            },
            _ => note("note"),
        };
        // The same rule on the item shown, so a second key before the save queue has
        // the first is refused here, not by the database.
        let now = ctx.now();
        if let Some(item) = self.items.iter_mut().find(|i| i.id == item_id) {
            let checked = match a {
                FollowUpAction::Done => item.mark_done(on, &by, &text),
                FollowUpAction::Stalled => item.mark_stalled(on, &by, &text),
                FollowUpAction::Reopen => item.reopen(on, &by, &text),
                FollowUpAction::Problem => item.report_problem(on, &by, &text),
                FollowUpAction::Flag => item.flag_discipline(now, &by, &text),
                FollowUpAction::Reply => {
                    match item.problems.iter_mut().rev().find(|p| p.reply.is_none()) {
                        Some(p) => {
                            p.reply = Some(text.clone());
                            Ok(())
                        }
                        None => Err(crate::domain::followup::FollowUpError::Blank),
                    }
                }
                _ => item.add_note(on, &by, &text),
            };
            if let Err(e) = checked {
                f.error = Some(e.code().to_string());
                return Verdict::Keep;
            }
        }
        self.save(ctx, vec![Change::AfterMeeting { after }]);
        Verdict::Done
    }
}
