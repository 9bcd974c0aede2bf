//! The decision pane's verbs: outcome, text, owners, deadline, marking decided (R6.5).
use super::form::{Field, Form, Purpose};
use super::{App, Modal};
use crate::domain::decision::{Outcome, can_mark_decided};
use crate::i18n;

impl App {
    // --- the decision (R6.5) ---

    pub(super) fn save_decision(&mut self) {
        if let Some(d) = self.decision.clone()
            && let Err(e) = self.store.save_decision(&d)
        {
            self.store_failed(&e);
        }
    }

    pub(super) fn cycle_outcome(&mut self) {
        let Some(d) = &mut self.decision else { return };
        let i = d
            .outcome
            .and_then(|o| Outcome::ALL.iter().position(|x| *x == o))
            .map(|i| (i + 1) % Outcome::ALL.len())
            .unwrap_or(0);
        d.outcome = Outcome::ALL.get(i).copied();
        self.save_decision();
    }

    pub(super) fn cycle_alternative(&mut self) {
        let n = self
            .procedure
            .topic_id
            .and_then(|t| self.data.as_ref()?.topic(t))
            .map(|t| t.alternatives.len() as u32)
            .unwrap_or(0);
        let Some(d) = &mut self.decision else { return };
        if n == 0 {
            let t = self.t(&i18n::NO_ALTERNATIVES);
            return self.say(t);
        }
        d.alternative = match d.alternative {
            None => Some(1),
            Some(k) if k < n => Some(k + 1),
            Some(_) => None,
        };
        self.save_decision();
    }

    pub(super) fn open_decision_text(&mut self) {
        let Some(d) = &self.decision else { return };
        self.modal = Some(Modal::Form(Box::new(Form::new(
            i18n::D_TEXT,
            String::new(),
            Purpose::DecisionText,
            vec![Field::new(i18n::D_TEXT, &d.text).multiline()],
        ))));
    }

    pub(super) fn open_decision_fields(&mut self) {
        let Some(d) = &self.decision else { return };
        let deadline = d
            .deadline
            .map(|x| x.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        self.modal = Some(Modal::Form(Box::new(Form::new(
            i18n::PANE_DECISION,
            String::new(),
            Purpose::DecisionFields,
            vec![
                Field::new(i18n::D_UNITS, &d.units),
                Field::new(i18n::F_DEADLINE, &deadline),
                Field::new(i18n::D_SUPERVISOR, &d.supervisor),
                Field::new(i18n::D_DISSENT, &d.dissent),
            ],
        ))));
    }

    pub(super) fn mark_decided(&mut self) {
        let Some(d) = &mut self.decision else { return };
        match can_mark_decided(d) {
            Err(m) => {
                let t = match m {
                    crate::domain::decision::Missing::Outcome => i18n::NEED_OUTCOME,
                    crate::domain::decision::Missing::Text => i18n::NEED_TEXT,
                };
                let t = self.t(&t);
                self.warn(t);
            }
            Ok(()) => {
                d.decided_at = Some(self.clock.now());
                self.save_decision();
                // Decided: offer to move on (R5.3).
                self.ask_advance();
            }
        }
    }
}
