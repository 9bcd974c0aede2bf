//! Closing a meeting: what must be settled before the meeting is marked closed.
//!
//! A pure check over facts the caller gathers (from the store and the roster): every
//! topic decided or carried over to a named later meeting (R6.5), every classified copy
//! back or its absence explained (R4.2, §4.2 "会后及时收回"), and everybody's attendance
//! settled — present, on leave, absent or left (R8.2). Every problem found is returned,
//! so the screen can list them all at once.
use super::attendance::Presence;
use super::{Id, Time};

/// How a topic ended in this meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TopicEnd {
    /// Marked decided (outcome and text recorded, R6.5).
    Decided,
    /// Not finished here, carried over. `to` names the later meeting; none means the
    /// office has not yet said which.
    CarriedOver { to: Option<LaterMeeting> },
    /// Neither decided nor carried over.
    Open,
}

/// The meeting a topic is carried over to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaterMeeting {
    pub meeting_id: Id,
    pub starts_at: Time,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicFact {
    pub topic_id: Id,
    pub title: String,
    pub end: TopicEnd,
}

/// One numbered classified copy handed out in the meeting (R4.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyFact {
    /// The copy's number as printed on it, e.g. "03".
    pub number: String,
    /// Whom it was handed to.
    pub holder: String,
    pub returned: bool,
    /// Why it is not back (e.g. "经局长批准带回办案").
    pub absence_reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFact {
    pub person_id: Id,
    pub name: String,
    pub presence: Presence,
}

/// Everything the closing check looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClosingFacts {
    /// When this meeting started: a carried-over topic must go to a later meeting.
    pub starts_at: Time,
    pub topics: Vec<TopicFact>,
    pub copies: Vec<CopyFact>,
    /// Every person expected at the meeting (attending, sitting in, staff).
    pub people: Vec<PersonFact>,
}

/// One reason the meeting cannot be closed yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClosingProblem {
    /// A topic neither decided nor carried over.
    TopicOpen { topic_id: Id, title: String },
    /// Carried over without saying to which meeting.
    CarryOverUnnamed { topic_id: Id, title: String },
    /// Carried over to a meeting that is not later than this one.
    CarryOverNotLater { topic_id: Id, title: String },
    /// A classified copy not back and no reason recorded.
    CopyOut { number: String, holder: String },
    /// Someone's attendance is not settled (still expected, waiting, or called in).
    AttendanceOpen { person_id: Id, name: String },
    /// On leave without a reason or without who approved it (R8.2).
    LeaveIncomplete { person_id: Id, name: String },
    /// Left midway without a reason (R8.2).
    LeftWithoutReason { person_id: Id, name: String },
}

impl ClosingProblem {
    /// For i18n keys.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TopicOpen { .. } => "topic_open",
            Self::CarryOverUnnamed { .. } => "carry_over_unnamed",
            Self::CarryOverNotLater { .. } => "carry_over_not_later",
            Self::CopyOut { .. } => "copy_out",
            Self::AttendanceOpen { .. } => "attendance_open",
            Self::LeaveIncomplete { .. } => "leave_incomplete",
            Self::LeftWithoutReason { .. } => "left_without_reason",
        }
    }
}

/// Every problem standing in the way of closing the meeting, in the order topics,
/// copies, people; `Ok` when there is none.
pub fn check(facts: &ClosingFacts) -> Result<(), Vec<ClosingProblem>> {
    let mut problems = Vec::new();
    for t in &facts.topics {
        let (topic_id, title) = (t.topic_id, t.title.clone());
        match &t.end {
            TopicEnd::Decided => {}
            TopicEnd::Open => problems.push(ClosingProblem::TopicOpen { topic_id, title }),
            TopicEnd::CarriedOver { to: None } => {
                problems.push(ClosingProblem::CarryOverUnnamed { topic_id, title })
            }
            TopicEnd::CarriedOver { to: Some(later) } => {
                if later.starts_at <= facts.starts_at {
                    problems.push(ClosingProblem::CarryOverNotLater { topic_id, title })
                }
            }
        }
    }
    for c in &facts.copies {
        if !c.returned && c.absence_reason.trim().is_empty() {
            problems.push(ClosingProblem::CopyOut {
                number: c.number.clone(),
                holder: c.holder.clone(),
            });
        }
    }
    for p in &facts.people {
        let (person_id, name) = (p.person_id, p.name.clone());
        match &p.presence {
            Presence::Present { .. } | Presence::Absent | Presence::Gone { .. } => {}
            Presence::Expected | Presence::Waiting { .. } | Presence::CalledIn { .. } => {
                problems.push(ClosingProblem::AttendanceOpen { person_id, name })
            }
            Presence::OnLeave { reason, approver } => {
                if reason.trim().is_empty() || approver.trim().is_empty() {
                    problems.push(ClosingProblem::LeaveIncomplete { person_id, name })
                }
            }
            Presence::LeftEarly { reason, .. } => {
                if reason.trim().is_empty() {
                    problems.push(ClosingProblem::LeftWithoutReason { person_id, name })
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
