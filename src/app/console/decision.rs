//! 决定: the decision pane's verbs — outcome, text, owners, deadline, marking decided
//! (R6.5).
use super::Console;
use super::ask::Ask;
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::domain::decision::{Missing, Outcome, can_mark_decided, check_fields};
use crate::i18n;
use crate::store::change::Change;
use crate::store::lease::LeaseKey;

impl Console {
    /// The decision as it is on the disk now (another terminal may have changed it), with
    /// our own changes on their way laid over it.
    pub(super) fn refresh_decision(&mut self, ctx: &mut Ctx) {
        let Some(topic) = self.procedure.topic_id else {
            return;
        };
        let ours_pending = ctx.saver.pending().any(|j| {
            j.changes
                .iter()
                .any(|c| matches!(c, Change::Decision { decision } if decision.topic_id == topic))
        });
        if ours_pending || ctx.leases.holds(&LeaseKey::decision(topic)) {
            return;
        }
        match ctx.store.decision(topic) {
            Ok(Some(d)) => self.decision = Some(d),
            Ok(None) => {}
            Err(e) => ctx.store_failed(&e),
        }
    }

    /// Before changing the decision: read it again and claim it (issue 10: another
    /// terminal editing it makes it read-only here).
    fn claim_decision(&mut self, ctx: &mut Ctx) -> Option<LeaseKey> {
        let topic = self.procedure.topic_id?;
        self.refresh_decision(ctx);
        let key = LeaseKey::decision(topic);
        ctx.claim(&key).then_some(key)
    }

    /// Show the decision as it is now and queue it for the disk.
    fn save_decision(&mut self, ctx: &mut Ctx) {
        if let Some(d) = self.decision.clone() {
            self.record(ctx, vec![Change::Decision { decision: d }]);
        }
    }

    pub(super) fn cycle_outcome(&mut self, ctx: &mut Ctx) {
        if self.claim_decision(ctx).is_none() {
            return;
        }
        let Some(d) = &mut self.decision else { return };
        let i = d
            .outcome
            .and_then(|o| Outcome::ALL.iter().position(|x| *x == o))
            .map(|i| (i + 1) % Outcome::ALL.len())
            .unwrap_or(0);
        d.outcome = Outcome::ALL.get(i).copied();
        self.save_decision(ctx);
    }

    pub(super) fn cycle_alternative(&mut self, ctx: &mut Ctx) {
        if self.claim_decision(ctx).is_none() {
            return;
        }
        let n = self
            .procedure
            .topic_id
            .and_then(|t| self.view.as_ref()?.topic(t))
            .map(|t| t.alternatives.len() as u32)
            .unwrap_or(0);
        let Some(d) = &mut self.decision else { return };
        if n == 0 {
            let t = ctx.t(&i18n::NO_ALTERNATIVES);
            return ctx.say(t);
        }
        d.alternative = match d.alternative {
            None => Some(1),
            Some(k) if k < n => Some(k + 1),
            Some(_) => None,
        };
        self.save_decision(ctx);
    }

    pub(super) fn open_decision_text(&mut self, ctx: &mut Ctx) {
        let Some(topic) = self.procedure.topic_id else {
            return;
        };
        self.refresh_decision(ctx);
        let Some(d) = &self.decision else { return };
        let form = Form::new(
            i18n::D_TEXT,
            String::new(),
            vec![Field::multiline("text", i18n::D_TEXT, &d.text)],
        );
        ctx.open_form_leased(LeaseKey::decision(topic), form, Ask::DecisionText);
    }

    pub(super) fn open_decision_fields(&mut self, ctx: &mut Ctx) {
        let Some(topic) = self.procedure.topic_id else {
            return;
        };
        self.refresh_decision(ctx);
        let Some(d) = &self.decision else { return };
        let deadline = d
            .deadline
            .map(|x| x.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let form = Form::new(
            i18n::PANE_DECISION,
            String::new(),
            vec![
                Field::text("units", i18n::D_UNITS, &d.units),
                Field::date("deadline", i18n::F_DEADLINE, &deadline),
                Field::text("supervisor", i18n::D_SUPERVISOR, &d.supervisor),
                Field::text("dissent", i18n::D_DISSENT, &d.dissent),
            ],
        );
        ctx.open_form_leased(LeaseKey::decision(topic), form, Ask::DecisionFields);
    }

    pub(super) fn submit_decision_text(&mut self, ctx: &mut Ctx, form: &Form) -> Verdict {
        if let Some(d) = &mut self.decision {
            d.text = form.get("text");
        }
        self.save_decision(ctx);
        Verdict::Done
    }

    pub(super) fn submit_decision_fields(&mut self, ctx: &mut Ctx, form: &mut Form) -> Verdict {
        let year = ctx.now().format("%Y").to_string().parse().unwrap_or(2026);
        match check_fields(
            &form.get("units"),
            &form.get("deadline"),
            &form.get("supervisor"),
            &form.get("dissent"),
            year,
        ) {
            Ok(f) => {
                if let Some(d) = &mut self.decision {
                    d.units = f.units;
                    d.deadline = f.deadline;
                    d.supervisor = f.supervisor;
                    d.dissent = f.dissent;
                }
                self.save_decision(ctx);
                Verdict::Done
            }
            Err(problems) => {
                form.set_problems(ctx.lang, &problems);
                Verdict::Keep
            }
        }
    }

    pub(super) fn mark_decided(&mut self, ctx: &mut Ctx) {
        if self.claim_decision(ctx).is_none() {
            return;
        }
        let Some(d) = &mut self.decision else { return };
        match can_mark_decided(d) {
            Err(m) => {
                let t = match m {
                    Missing::Outcome => i18n::NEED_OUTCOME,
                    Missing::Text => i18n::NEED_TEXT,
                };
                let t = ctx.t(&t);
                ctx.warn(t);
            }
            Ok(()) => {
                d.decided_at = Some(ctx.now());
                self.save_decision(ctx);
                // Decided: offer to move on (R5.3).
                ctx.message = None;
                self.ask_advance(ctx);
            }
        }
    }
}
