//! The tidied record (会议记录整理稿, R7.2, §7.2): made within 3 working days of the
//! meeting; "一般作摘要整理，局主要领导同志的重要讲话应详细整理" — a summary in general,
//! the important speeches of the principal leaders in full.
//!
//! The tidied record is built from the verbatim entries (R6): each entry is either
//! summarised (the default) or marked 详细整理 and kept word for word. A summary starts as
//! the verbatim text for the recorder to shorten; a detailed entry may not be shortened.
use chrono::NaiveDate;

use super::calendar::Calendar;
use super::deadline::Progress;
use super::procedure::{Entry, Step};
use super::{Id, Time};

/// "会后3个工作日内整理会议记录" (§7.2): working days, on the bureau's calendar.
pub const RECORD_DUE_WORKING_DAYS: u32 = 3;

/// The day the tidied record of a meeting held on `meeting_date` is due: 3 working days
/// after it, skipping weekends and holidays, counting make-up days (R7.2, R7).
pub fn due(calendar: &Calendar, meeting_date: NaiveDate) -> NaiveDate {
    calendar.working_days_after(meeting_date, RECORD_DUE_WORKING_DAYS)
}

/// How an entry is tidied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// 摘要整理: the gist.
    Summary,
    /// 详细整理: the whole speech, as recorded.
    Detailed,
}

impl Mode {
    pub fn code(self) -> &'static str {
        match self {
            Self::Summary => "summary",
            Self::Detailed => "detailed",
        }
    }
}

/// One entry of the tidied record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TidiedEntry {
    /// The verbatim entry it tidies.
    pub entry_id: Id,
    pub topic_id: Id,
    pub step: Step,
    pub speaker: String,
    pub mode: Mode,
    pub text: String,
}

/// The entries said by a principal leader (局主要领导: the director, and whoever else the
/// office counts as principal): proposed for 详细整理. The recorder confirms or changes it.
pub fn suggest_detailed(entries: &[Entry], principal_ids: &[Id]) -> Vec<Id> {
    entries
        .iter()
        .filter(|e| e.speaker_id.is_some_and(|id| principal_ids.contains(&id)))
        .map(|e| e.id)
        .collect()
}

/// The first tidied version: every entry in order, those in `detailed` in full, the
/// others as summaries starting from the verbatim text.
pub fn draft(entries: &[Entry], detailed: &[Id]) -> Vec<TidiedEntry> {
    entries
        .iter()
        .map(|e| TidiedEntry {
            entry_id: e.id,
            topic_id: e.topic_id,
            step: e.step,
            speaker: e.speaker_name.clone(),
            mode: if detailed.contains(&e.id) {
                Mode::Detailed
            } else {
                Mode::Summary
            },
            text: e.text.clone(),
        })
        .collect()
}

/// Mark an entry 详细整理: its text goes back to the verbatim words. Returns false when
/// the entry is not in the tidied record or the verbatim entry is not given.
pub fn mark_detailed(tidied: &mut [TidiedEntry], verbatim: &[Entry], entry_id: Id) -> bool {
    let Some(original) = verbatim.iter().find(|e| e.id == entry_id) else {
        return false;
    };
    match tidied.iter_mut().find(|t| t.entry_id == entry_id) {
        Some(t) => {
            t.mode = Mode::Detailed;
            t.text = original.text.clone();
            true
        }
        None => false,
    }
}

/// What is wrong with a tidied record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TidyProblem {
    /// A verbatim entry has no tidied counterpart.
    EntryMissing { entry_id: Id },
    /// A 详细整理 entry whose text is not the verbatim text.
    DetailedNotInFull { entry_id: Id },
    /// A summary left blank.
    SummaryEmpty { entry_id: Id },
}

impl TidyProblem {
    pub fn code(&self) -> &'static str {
        match self {
            Self::EntryMissing { .. } => "entry_missing",
            Self::DetailedNotInFull { .. } => "detailed_not_in_full",
            Self::SummaryEmpty { .. } => "summary_empty",
        }
    }
}

/// Every problem of a tidied record against the verbatim entries it tidies.
pub fn check(tidied: &[TidiedEntry], verbatim: &[Entry]) -> Vec<TidyProblem> {
    let mut problems = Vec::new();
    for e in verbatim {
        match tidied.iter().find(|t| t.entry_id == e.id) {
            None => problems.push(TidyProblem::EntryMissing { entry_id: e.id }),
            Some(t) => match t.mode {
                Mode::Detailed if t.text != e.text => {
                    problems.push(TidyProblem::DetailedNotInFull { entry_id: e.id })
                }
                Mode::Summary if t.text.trim().is_empty() => {
                    problems.push(TidyProblem::SummaryEmpty { entry_id: e.id })
                }
                _ => {}
            },
        }
    }
    problems
}

/// The 3-working-day clock of the tidied record: pending until it is finished.
pub fn progress(
    calendar: &Calendar,
    meeting_date: NaiveDate,
    finished_on: Option<NaiveDate>,
    now: Time,
) -> Progress {
    Progress::of(due(calendar, meeting_date), finished_on, now)
}
