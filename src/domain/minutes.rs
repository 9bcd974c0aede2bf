//! Summary minutes (会议纪要, R7.1, §7.1): issued within one week of the meeting,
//! reviewed by the deputy leader in charge (审核), then signed off by the director (签发).
//!
//! Every version is kept: its number, text, who made it and when, and which version it
//! corrects. Each version goes through the chain review → sign-off; a step out of order
//! is refused. A version with a step recorded on it is no longer edited in place — the
//! reviewer reviewed *that* text — and a signed version is frozen for good. A change
//! after review is a correction: a new version, which goes through the chain again.
use chrono::{Duration, NaiveDate};

use super::deadline::Progress;
use super::{Id, Time};

/// "会后一周内印发会议纪要" (§7.1). One week is counted as 7 calendar days, not working
/// days: where the regulation means working days it says so ("3个工作日内整理会议记录",
/// §7.2; "提前1个工作日", §4.2), and here it says 一周. A Monday meeting's minutes are
/// therefore due by the next Monday, whatever holidays fall between.
pub const MINUTES_DUE_DAYS: i64 = 7;

/// The day the minutes of a meeting held on `meeting_date` are due (R7.1).
pub fn due(meeting_date: NaiveDate) -> NaiveDate {
    meeting_date + Duration::days(MINUTES_DUE_DAYS)
}

/// A step of the approval chain, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum StepKind {
    /// 审核: by the deputy leader in charge.
    Review,
    /// 签发: by the party secretary and director.
    SignOff,
}

impl StepKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Review => "review",
            Self::SignOff => "sign_off",
        }
    }
}

/// One step taken: who, when, and the opinion written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Approval {
    pub kind: StepKind,
    pub by: String,
    pub at: Time,
    pub opinion: String,
}

/// One version of the minutes' text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// 1, 2, …
    pub number: u32,
    pub text: String,
    pub made_by: String,
    pub made_at: Time,
    /// The version this one corrects; none for the first draft.
    pub corrects: Option<u32>,
    /// The steps taken on this version, in order: review, then sign-off.
    pub approvals: Vec<Approval>,
}

/// Where a version stands in the chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionStatus {
    /// Being drafted: may be edited.
    Draft,
    /// Reviewed by the deputy, waiting for the director.
    Reviewed,
    /// Signed off: frozen.
    Signed,
}

impl VersionStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Reviewed => "reviewed",
            Self::Signed => "signed",
        }
    }
}

impl Version {
    pub fn status(&self) -> VersionStatus {
        if self.step(StepKind::SignOff).is_some() {
            VersionStatus::Signed
        } else if self.step(StepKind::Review).is_some() {
            VersionStatus::Reviewed
        } else {
            VersionStatus::Draft
        }
    }

    pub fn step(&self, kind: StepKind) -> Option<&Approval> {
        self.approvals.iter().find(|a| a.kind == kind)
    }
}

/// Why an action on the minutes was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MinutesError {
    /// The version is signed: it cannot change; make a correction instead.
    Frozen { version: u32 },
    /// The version has been reviewed: edit by making a correction (new version).
    UnderReview { version: u32 },
    /// Sign-off before the deputy's review: out of order.
    NotReviewed { version: u32 },
    /// This step was already taken on this version.
    AlreadyDone { version: u32, kind: StepKind },
    /// The step's time is before the step it follows (or before the version was made).
    BeforePrevious { version: u32 },
    /// Who took the step is blank.
    NoOne,
}

impl MinutesError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Frozen { .. } => "frozen",
            Self::UnderReview { .. } => "under_review",
            Self::NotReviewed { .. } => "not_reviewed",
            Self::AlreadyDone { .. } => "already_done",
            Self::BeforePrevious { .. } => "before_previous",
            Self::NoOne => "no_one",
        }
    }
}

/// The minutes of one meeting: all their versions, oldest first (never empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Minutes {
    pub meeting_id: Id,
    versions: Vec<Version>,
}

impl Minutes {
    /// The first draft (version 1), usually from [`super::minutes_draft::draft_text`].
    pub fn new(meeting_id: Id, text: String, made_by: String, made_at: Time) -> Self {
        Self {
            meeting_id,
            versions: vec![Version {
                number: 1,
                text,
                made_by,
                made_at,
                corrects: None,
                approvals: Vec::new(),
            }],
        }
    }

    /// Rebuild from stored versions (oldest first); none when `versions` is empty.
    pub fn from_versions(meeting_id: Id, versions: Vec<Version>) -> Option<Self> {
        (!versions.is_empty()).then_some(Self {
            meeting_id,
            versions,
        })
    }

    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    /// The latest version: the one being worked on.
    pub fn current(&self) -> &Version {
        // `versions` is never empty (see the constructors).
        &self.versions[self.versions.len() - 1]
    }

    fn current_mut(&mut self) -> &mut Version {
        let last = self.versions.len() - 1;
        &mut self.versions[last]
    }

    pub fn version(&self, number: u32) -> Option<&Version> {
        self.versions.iter().find(|v| v.number == number)
    }

    /// The minutes as issued: the latest signed version, if any.
    pub fn issued(&self) -> Option<&Version> {
        self.versions
            .iter()
            .rev()
            .find(|v| v.status() == VersionStatus::Signed)
    }

    /// When the minutes were first signed off: the day the one-week deadline is met.
    pub fn first_signed_on(&self) -> Option<NaiveDate> {
        self.versions
            .iter()
            .filter_map(|v| v.step(StepKind::SignOff))
            .map(|a| a.at.date_naive())
            .min()
    }

    /// The one-week clock (R7.1): pending with its state until first signed off.
    pub fn progress(&self, meeting_date: NaiveDate, now: Time) -> Progress {
        Progress::of(due(meeting_date), self.first_signed_on(), now)
    }

    /// Change the text of the current version: only while it is a draft.
    pub fn edit(&mut self, text: String) -> Result<(), MinutesError> {
        let v = self.current_mut();
        match v.status() {
            VersionStatus::Draft => {
                v.text = text;
                Ok(())
            }
            VersionStatus::Reviewed => Err(MinutesError::UnderReview { version: v.number }),
            VersionStatus::Signed => Err(MinutesError::Frozen { version: v.number }),
        }
    }

    /// A correction: a new version correcting the current one, back at the start of the
    /// chain. The earlier versions stay as they were. Returns the new number.
    pub fn correct(&mut self, text: String, made_by: String, made_at: Time) -> u32 {
        let previous = self.current().number;
        let number = previous + 1;
        self.versions.push(Version {
            number,
            text,
            made_by,
            made_at,
            corrects: Some(previous),
            approvals: Vec::new(),
        });
        number
    }

    /// The deputy's review of the current version.
    pub fn review(&mut self, by: &str, at: Time, opinion: &str) -> Result<(), MinutesError> {
        self.take_step(StepKind::Review, by, at, opinion)
    }

    /// The director's sign-off of the current version; refused before its review.
    pub fn sign_off(&mut self, by: &str, at: Time, opinion: &str) -> Result<(), MinutesError> {
        self.take_step(StepKind::SignOff, by, at, opinion)
    }

    fn take_step(
        &mut self,
        kind: StepKind,
        by: &str,
        at: Time,
        opinion: &str,
    ) -> Result<(), MinutesError> {
        if by.trim().is_empty() {
            return Err(MinutesError::NoOne);
        }
        let v = self.current_mut();
        let version = v.number;
        if v.step(kind).is_some() {
            return Err(MinutesError::AlreadyDone { version, kind });
        }
        let previous_at = match kind {
            StepKind::Review => {
                if v.status() == VersionStatus::Signed {
                    return Err(MinutesError::Frozen { version });
                }
                v.made_at
            }
            StepKind::SignOff => match v.step(StepKind::Review) {
                Some(review) => review.at,
                None => return Err(MinutesError::NotReviewed { version }),
            },
        };
        if at < previous_at {
            return Err(MinutesError::BeforePrevious { version });
        }
        v.approvals.push(Approval {
            kind,
            by: by.trim().to_string(),
            at,
            opinion: opinion.to_string(),
        });
        Ok(())
    }
}
