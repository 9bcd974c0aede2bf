//! The director's decision on a topic (R6.5) and dissent raised internally (R8.3).
use chrono::NaiveDate;

use super::{Id, Time};

/// The supervisor of execution by default (§7.3.1).
pub const DEFAULT_SUPERVISOR: &str = "督察法制大队";

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Outcome {
    Approved,
    ApprovedInPrinciple,
    NotApproved,
    Deferred,
    FurtherStudy,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Approved,
        Outcome::ApprovedInPrinciple,
        Outcome::NotApproved,
        Outcome::Deferred,
        Outcome::FurtherStudy,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::ApprovedInPrinciple => "approved_in_principle",
            Self::NotApproved => "not_approved",
            Self::Deferred => "deferred",
            Self::FurtherStudy => "further_study",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Decision {
    pub topic_id: Id,
    pub outcome: Option<Outcome>,
    pub text: String,
    /// The alternative chosen, 1-based, where the topic proposed several.
    pub alternative: Option<u32>,
    pub deputy_id: Option<Id>,
    /// Responsible units, one per line.
    pub units: String,
    pub deadline: Option<NaiveDate>,
    pub supervisor: String,
    /// Dissent raised internally (R8.3).
    pub dissent: String,
    /// Set when the topic is marked decided.
    pub decided_at: Option<Time>,
}

impl Decision {
    pub fn empty(topic_id: Id, deputy_id: Option<Id>) -> Self {
        Self {
            topic_id,
            outcome: None,
            text: String::new(),
            alternative: None,
            deputy_id,
            units: String::new(),
            deadline: None,
            supervisor: DEFAULT_SUPERVISOR.to_string(),
            dissent: String::new(),
            decided_at: None,
        }
    }
}

/// What is missing before a topic can be marked decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Outcome,
    Text,
}

/// A topic cannot be marked decided without an outcome and a decided text (R6.5).
pub fn can_mark_decided(d: &Decision) -> Result<(), Missing> {
    if d.outcome.is_none() {
        return Err(Missing::Outcome);
    }
    if d.text.trim().is_empty() {
        return Err(Missing::Text);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_outcome_then_text() {
        let mut d = Decision::empty(1, None);
        assert_eq!(can_mark_decided(&d), Err(Missing::Outcome));
        d.outcome = Some(Outcome::Approved);
        assert_eq!(can_mark_decided(&d), Err(Missing::Text));
        d.text = "  ".into();
        assert_eq!(can_mark_decided(&d), Err(Missing::Text));
        d.text = "同意实施。".into();
        assert_eq!(can_mark_decided(&d), Ok(()));
    }
}

/// The fields of a decision edited together: responsible units, deadline, supervisor,
/// dissent (R6.5, R8.3), as checked from what was typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecisionFields {
    pub units: String,
    pub deadline: Option<NaiveDate>,
    pub supervisor: String,
    pub dissent: String,
}

/// Check the typed fields of a decision: a deadline, when given, must be a date
/// (YYYY-MM-DD, or MM-DD in `year`).
pub fn check_fields(
    units: &str,
    deadline: &str,
    supervisor: &str,
    dissent: &str,
    year: i32,
) -> super::validate::Checked<DecisionFields> {
    use super::validate::{Problem, Problems, parse_date};
    let mut p = Problems::default();
    let parsed = parse_date(deadline, year);
    if !deadline.trim().is_empty() && parsed.is_none() {
        p.add("deadline", Problem::BadDate);
    }
    p.into_result(DecisionFields {
        units: units.to_string(),
        deadline: parsed,
        supervisor: supervisor.to_string(),
        dissent: dissent.to_string(),
    })
}
