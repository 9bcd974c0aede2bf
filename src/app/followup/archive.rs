//! 归档: the archive checklist of a meeting (R7.4) and registering its papers in the
//! ledger (登记造册): number, papers with pages and copies, who and when. The year's
//! folder itself is written by `huiwu archive --year Y -o DIR`.
use chrono::Datelike;

use super::FollowUp;
use super::ask::Ask;
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::domain::Id;
use crate::domain::archive::{Paper, ledger_number, next_seq};
use crate::domain::validate::{FieldProblem, Problem};
use crate::i18n;
use crate::store::after::{AfterChange, LedgerRow};
use crate::store::change::Change;

/// The form's field of each paper: "pages/copies".
fn field_name(p: Paper) -> &'static str {
    p.code()
}

/// "3/15" → (3, 15); blank → none (the paper is not registered).
fn pages_copies(s: &str) -> Result<Option<(u32, u32)>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (p, c) = s.split_once(['/', '／']).ok_or(())?;
    match (p.trim().parse::<u32>(), c.trim().parse::<u32>()) {
        (Ok(p), Ok(c)) if p > 0 && c > 0 => Ok(Some((p, c))),
        _ => Err(()),
    }
}

impl FollowUp {
    pub(super) fn open_register(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        let Some(m) = &self.model else { return };
        if m.closing.is_none() {
            let t = ctx.t(&i18n::CLOSE_FIRST);
            return ctx.warn(t);
        }
        // The ledger's numbers are the bureau's own sequence (2026-001…): a demo meeting
        // taking one would shift every real meeting's number.
        if m.view.meeting.is_demo {
            let t = ctx.t(&i18n::DEMO_NOT_FILED);
            return ctx.warn(t);
        }
        let present = m.papers_present();
        let fields = Paper::ALL
            .into_iter()
            .map(|p| {
                let registered = m
                    .ledger
                    .as_ref()
                    .and_then(|l| l.items.iter().find(|i| i.paper == p))
                    .map(|i| format!("{}/{}", i.pages, i.copies));
                let default = registered
                    .or_else(|| present.contains(&p).then(|| "1/1".to_string()))
                    .unwrap_or_default();
                Field::text(field_name(p), i18n::paper_label(p), &default)
            })
            .collect();
        let form = Form::new(i18n::FORM_REGISTER, m.view.meeting.title.clone(), fields);
        ctx.open_form(form, Ask::Register(m.id()));
    }

    pub(super) fn submit_register(&mut self, ctx: &mut Ctx, id: Id, f: &mut Form) -> Verdict {
        let Some(m) = &self.model else {
            return Verdict::Done;
        };
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        for p in Paper::ALL {
            match pages_copies(&f.get(field_name(p))) {
                Ok(Some((pages, copies))) => rows.push(LedgerRow {
                    paper: p.code().into(),
                    title: format!("{} {}", m.view.meeting.title, p.name_zh()),
                    pages,
                    copies,
                }),
                Ok(None) => {}
                Err(()) => problems.push(FieldProblem::new(field_name(p), Problem::BadNumber)),
            }
        }
        if !problems.is_empty() {
            f.set_problems(ctx.lang, &problems);
            return Verdict::Keep;
        }
        let number = match &m.ledger {
            Some(l) => l.number.clone(),
            None => {
                let year = m.view.meeting.starts_at.year();
                let all = match ctx.store.ledger_of_year(year) {
                    Ok(l) => l,
                    Err(e) => {
                        ctx.store_failed(&e);
                        return Verdict::Keep;
                    }
                };
                ledger_number(year, next_seq(&all, year))
            }
        };
        self.save(
            ctx,
            vec![Change::AfterMeeting {
                after: AfterChange::Register {
                    meeting_id: id,
                    number: number.clone(),
                    items: rows,
                },
            }],
        );
        let t = i18n::registered(ctx.lang, &number);
        ctx.say(t);
        Verdict::Done
    }
}
