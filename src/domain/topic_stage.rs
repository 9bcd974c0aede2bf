//! A topic's life in the back office (R1, R2): proposed → under review → ready (every
//! check passed) → scheduled on a meeting → discussed → decided.
//!
//! The console's `TopicStatus` (pending / current / done) is the topic's state during the
//! meeting; the stage is its state across weeks.
use super::review::ReviewItem;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum TopicStage {
    /// Registered by a department, not yet taken up by the office.
    Proposed,
    /// The office is checking it (R1.4).
    UnderReview,
    /// Every check passed: it may be put on an agenda.
    Ready,
    /// On a meeting's agenda.
    Scheduled,
    /// Discussed at the meeting.
    Discussed,
    /// Decided (R6.5).
    Decided,
    /// Withdrawn by its department (the regulation is silent; kept for the record).
    Withdrawn,
}

/// Why a stage change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageRefused {
    /// The lifecycle has no such step.
    NotAllowed { from: TopicStage, to: TopicStage },
    /// Ready and Scheduled need the checklist complete: this item is missing or failed.
    Review(ReviewItem),
}

impl TopicStage {
    pub const ALL: [TopicStage; 7] = [
        Self::Proposed,
        Self::UnderReview,
        Self::Ready,
        Self::Scheduled,
        Self::Discussed,
        Self::Decided,
        Self::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::UnderReview => "under_review",
            Self::Ready => "ready",
            Self::Scheduled => "scheduled",
            Self::Discussed => "discussed",
            Self::Decided => "decided",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The stages this one may move to.
    pub fn next(self) -> &'static [TopicStage] {
        use TopicStage::*;
        match self {
            Proposed => &[UnderReview, Withdrawn],
            // Back to Proposed: returned to the department to complete.
            UnderReview => &[Ready, Proposed, Withdrawn],
            // Back to UnderReview: materials changed, check again.
            Ready => &[Scheduled, UnderReview, Withdrawn],
            // Back to Ready: taken off the agenda (or its meeting postponed).
            Scheduled => &[Discussed, Ready, Withdrawn],
            // Back to Ready: not decided at this meeting, to be scheduled again.
            Discussed => &[Decided, Ready],
            Decided | Withdrawn => &[],
        }
    }
}

/// Moves a topic from `from` to `to`. `review` is the result of `review::can_schedule`
/// for the topic; it is consulted when the topic becomes ready or is scheduled.
pub fn advance(
    from: TopicStage,
    to: TopicStage,
    review: Result<(), ReviewItem>,
) -> Result<TopicStage, StageRefused> {
    if !from.next().contains(&to) {
        return Err(StageRefused::NotAllowed { from, to });
    }
    if matches!(to, TopicStage::Ready | TopicStage::Scheduled) {
        review.map_err(StageRefused::Review)?;
    }
    Ok(to)
}
