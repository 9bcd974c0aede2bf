//! The submission form 《局长办公例会研究事项呈报表》 and its approval chain (R2.4, §2.2):
//! filled by the office → reviewed by the office director → approved by the deputy leader
//! in charge → signed by the party secretary and director. Each step records who, when
//! and their opinion; the meeting is approved only with the last signature. A reviewer may
//! send it back to the office with a reason; the office then fills it again and the chain
//! starts over. Everything stays on the record as a list of events.
use super::Time;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum SubmissionStep {
    /// 办公室填写
    Filled,
    /// 办公室主任审核
    OfficeDirectorReviewed,
    /// 分管局领导审定
    DeputyApproved,
    /// 局党委书记、局长审核签字
    DirectorSigned,
}

impl SubmissionStep {
    pub const ALL: [SubmissionStep; 4] = [
        Self::Filled,
        Self::OfficeDirectorReviewed,
        Self::DeputyApproved,
        Self::DirectorSigned,
    ];

    /// The step after this one; none after the director's signature.
    pub fn next(self) -> Option<Self> {
        match self {
            Self::Filled => Some(Self::OfficeDirectorReviewed),
            Self::OfficeDirectorReviewed => Some(Self::DeputyApproved),
            Self::DeputyApproved => Some(Self::DirectorSigned),
            Self::DirectorSigned => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Filled => "filled",
            Self::OfficeDirectorReviewed => "office_director_reviewed",
            Self::DeputyApproved => "deputy_approved",
            Self::DirectorSigned => "director_signed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One step done.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Signature {
    pub step: SubmissionStep,
    pub by: String,
    pub at: Time,
    pub opinion: String,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SubmissionEvent {
    Signed(Signature),
    /// Returned to the office by the reviewer of step `at_step`.
    SentBack {
        at_step: SubmissionStep,
        by: String,
        at: Time,
        reason: String,
    },
}

/// Why a step was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainRefused {
    /// A step out of order: `expected` comes first.
    OutOfOrder {
        expected: SubmissionStep,
        got: SubmissionStep,
    },
    /// Signed by the director already.
    AlreadyApproved,
    /// Who signs (or sends back) is required.
    NoSigner,
    /// Sending back needs a reason.
    NoReason,
    /// Nothing has been submitted yet: the office has not filled it.
    NotSubmitted,
    /// Dated before the step before it.
    BeforePrevious { previous: Time },
}

/// The approval chain of one meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Submission {
    pub events: Vec<SubmissionEvent>,
}

impl Submission {
    /// The signatures of the current round (since the last sending back).
    pub fn signatures(&self) -> Vec<&Signature> {
        let start = self
            .events
            .iter()
            .rposition(|e| matches!(e, SubmissionEvent::SentBack { .. }))
            .map_or(0, |p| p + 1);
        self.events[start..]
            .iter()
            .filter_map(|e| match e {
                SubmissionEvent::Signed(s) => Some(s),
                SubmissionEvent::SentBack { .. } => None,
            })
            .collect()
    }

    /// The step waiting to be done; none once approved.
    pub fn next_step(&self) -> Option<SubmissionStep> {
        match self.signatures().last() {
            None => Some(SubmissionStep::Filled),
            Some(s) => s.step.next(),
        }
    }

    /// Approved: the director has signed (R2.4).
    pub fn is_approved(&self) -> bool {
        self.next_step().is_none()
    }

    /// The last time anything happened, to keep the record in order.
    fn last_at(&self) -> Option<Time> {
        self.events.last().map(|e| match e {
            SubmissionEvent::Signed(s) => s.at,
            SubmissionEvent::SentBack { at, .. } => *at,
        })
    }

    /// The latest sending back, if the chain was ever returned: (step, by, reason).
    pub fn last_sent_back(&self) -> Option<&SubmissionEvent> {
        self.events
            .iter()
            .rev()
            .find(|e| matches!(e, SubmissionEvent::SentBack { .. }))
    }

    /// Does `step`; refused out of order, after approval, unsigned, or dated before the
    /// previous event.
    pub fn sign(
        &mut self,
        step: SubmissionStep,
        by: &str,
        at: Time,
        opinion: &str,
    ) -> Result<(), ChainRefused> {
        let Some(expected) = self.next_step() else {
            return Err(ChainRefused::AlreadyApproved);
        };
        if step != expected {
            return Err(ChainRefused::OutOfOrder {
                expected,
                got: step,
            });
        }
        self.check_who_when(by, at)?;
        self.events.push(SubmissionEvent::Signed(Signature {
            step,
            by: by.trim().to_string(),
            at,
            opinion: opinion.trim().to_string(),
        }));
        Ok(())
    }

    /// The reviewer of the waiting step returns the form to the office with a reason.
    pub fn send_back(&mut self, by: &str, at: Time, reason: &str) -> Result<(), ChainRefused> {
        let at_step = match self.next_step() {
            None => return Err(ChainRefused::AlreadyApproved),
            Some(SubmissionStep::Filled) => return Err(ChainRefused::NotSubmitted),
            Some(s) => s,
        };
        self.check_who_when(by, at)?;
        if reason.trim().is_empty() {
            return Err(ChainRefused::NoReason);
        }
        self.events.push(SubmissionEvent::SentBack {
            at_step,
            by: by.trim().to_string(),
            at,
            reason: reason.trim().to_string(),
        });
        Ok(())
    }

    fn check_who_when(&self, by: &str, at: Time) -> Result<(), ChainRefused> {
        if by.trim().is_empty() {
            return Err(ChainRefused::NoSigner);
        }
        match self.last_at() {
            Some(previous) if at < previous => Err(ChainRefused::BeforePrevious { previous }),
            _ => Ok(()),
        }
    }
}
