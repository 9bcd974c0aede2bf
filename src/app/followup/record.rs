//! 记录整理: the tidied record (R7.2) — summaries by default, the principal leaders'
//! important speeches marked 详细整理 and kept in full; due in 3 working days.
use super::FollowUp;
use super::ask::Ask;
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::domain::people::Role;
use crate::domain::record_tidy::{self, Mode, TidiedEntry};
use crate::domain::{Id, procedure::Entry};
use crate::i18n;
use crate::store::after::{AfterChange, TidyRow};
use crate::store::change::Change;
use crate::store::lease::{self, LeaseKey};

/// The titles of the bureau's principal leaders (局主要领导): their words are proposed for
/// 详细整理. The recorder confirms or changes each entry.
const PRINCIPAL_TITLES: [&str; 2] = ["局长", "政委"];

impl FollowUp {
    fn selected_entry(&self) -> Option<(&Entry, Option<&TidiedEntry>)> {
        let m = self.model.as_ref()?;
        let e = m.entries.get(self.record_selected)?;
        Some((e, m.tidied.iter().find(|t| t.entry_id == e.id)))
    }

    /// Make the first tidied version: every entry summarised, the chair's and the other
    /// principal leaders' words in full.
    pub(super) fn tidy_start(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        let Some(m) = &self.model else { return };
        if m.entries.is_empty() {
            let t = ctx.t(&i18n::NO_ENTRIES);
            return ctx.say(t);
        }
        let view = &m.view;
        let mut principal: Vec<Id> = view.meeting.chair_id.into_iter().collect();
        principal.extend(
            view.parts
                .iter()
                .filter(|p| p.role == Role::Attending)
                .filter(|p| {
                    view.person(p.person_id)
                        .is_some_and(|x| PRINCIPAL_TITLES.contains(&x.title.trim()))
                })
                .map(|p| p.person_id),
        );
        let detailed = record_tidy::suggest_detailed(&m.entries, &principal);
        let rows = record_tidy::draft(&m.entries, &detailed)
            .into_iter()
            .filter(|t| !m.tidied.iter().any(|x| x.entry_id == t.entry_id))
            .map(|t| TidyRow {
                entry_id: t.entry_id,
                mode: t.mode.code().into(),
                text: t.text,
            })
            .collect();
        let id = m.id();
        self.save(
            ctx,
            vec![Change::AfterMeeting {
                after: AfterChange::TidyStart {
                    meeting_id: id,
                    rows,
                },
            }],
        );
    }

    pub(super) fn open_tidy_edit(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        let Some((e, tidied)) = self.selected_entry() else {
            return;
        };
        let Some(t) = tidied else {
            let t = ctx.t(&i18n::TIDY_FIRST);
            return ctx.warn(t);
        };
        if t.mode == Mode::Detailed {
            let t = ctx.t(&i18n::DETAILED_IS_VERBATIM);
            return ctx.warn(t);
        }
        let form = Form::new(
            i18n::FORM_SUMMARY,
            e.speaker_name.clone(),
            vec![Field::multiline("text", i18n::FU_F_SUMMARY, &t.text)],
        );
        let key = LeaseKey::new(lease::TIDIED, e.id);
        ctx.open_form_leased(key, form, Ask::TidyEdit(e.id));
    }

    pub(super) fn submit_tidy_edit(&mut self, ctx: &mut Ctx, entry: Id, f: &mut Form) -> Verdict {
        let text = f.get("text");
        if text.trim().is_empty() {
            f.set_problems(
                ctx.lang,
                &[crate::domain::validate::FieldProblem::new(
                    "text",
                    crate::domain::validate::Problem::Required,
                )],
            );
            return Verdict::Keep;
        }
        self.save(
            ctx,
            vec![Change::AfterMeeting {
                after: AfterChange::TidyEntry {
                    entry_id: entry,
                    mode: Mode::Summary.code().into(),
                    text,
                },
            }],
        );
        Verdict::Done
    }

    /// 详细整理 ↔ 摘要: in full the text goes back to the verbatim words.
    pub(super) fn tidy_toggle(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        let Some((e, tidied)) = self.selected_entry() else {
            return;
        };
        let Some(t) = tidied else {
            let t = ctx.t(&i18n::TIDY_FIRST);
            return ctx.warn(t);
        };
        let (mode, text) = match t.mode {
            Mode::Summary => (Mode::Detailed, e.text.clone()),
            Mode::Detailed => (Mode::Summary, t.text.clone()),
        };
        let entry_id = e.id;
        self.save(
            ctx,
            vec![Change::AfterMeeting {
                after: AfterChange::TidyEntry {
                    entry_id,
                    mode: mode.code().into(),
                    text,
                },
            }],
        );
    }

    pub(super) fn tidy_finish(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        let Some(m) = &self.model else { return };
        let problems = record_tidy::check(&m.tidied, &m.entries);
        if let Some(p) = problems.first() {
            let t = i18n::tidy_problem(ctx.lang, p, problems.len());
            return ctx.warn(t);
        }
        let finished = m.tidy_finished.is_none();
        let id = m.id();
        self.save(
            ctx,
            vec![Change::AfterMeeting {
                after: AfterChange::TidyFinished {
                    meeting_id: id,
                    finished,
                },
            }],
        );
    }
}
