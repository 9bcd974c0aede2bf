//! The clock of a deadline as the screen shows it (R7): fine, due soon (amber), overdue
//! (red). Computed from the deadline and the time now; it never changes what is stored.
use chrono::NaiveDate;

use super::Time;

/// Days left at or below which a deadline shows amber (R7.1: "DueSoon at ≤ 2 days left").
pub const DUE_SOON_DAYS: i64 = 2;

/// Where a deadline stands today. A deadline is a day: the work is due by the end of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineState {
    /// More than [`DUE_SOON_DAYS`] days left.
    Ok { days_left: i64 },
    /// 0 ..= [`DUE_SOON_DAYS`] days left (0: due today).
    DueSoon { days_left: i64 },
    /// The day has passed; `days_late` ≥ 1.
    Overdue { days_late: i64 },
}

impl DeadlineState {
    /// For i18n keys and stored filters.
    pub fn code(self) -> &'static str {
        match self {
            Self::Ok { .. } => "ok",
            Self::DueSoon { .. } => "due_soon",
            Self::Overdue { .. } => "overdue",
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Self::Overdue { .. })
    }
}

/// The state of a deadline on `today`.
pub fn state_on(due: NaiveDate, today: NaiveDate) -> DeadlineState {
    let left = (due - today).num_days();
    if left < 0 {
        DeadlineState::Overdue { days_late: -left }
    } else if left <= DUE_SOON_DAYS {
        DeadlineState::DueSoon { days_left: left }
    } else {
        DeadlineState::Ok { days_left: left }
    }
}

/// The state of a deadline at `now`, taking the day in `now`'s own offset (the
/// bureau's wall clock), never the machine's.
pub fn state(due: NaiveDate, now: Time) -> DeadlineState {
    state_on(due, now.date_naive())
}

/// How a piece of work with a deadline stands: still to do (with its clock), or done
/// on time or late. Done work shows no clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Pending(DeadlineState),
    Done { on_time: bool },
}

impl Progress {
    /// `done_on` is the day the work was finished, if it was.
    pub fn of(due: NaiveDate, done_on: Option<NaiveDate>, now: Time) -> Self {
        match done_on {
            Some(day) => Progress::Done {
                on_time: day <= due,
            },
            None => Progress::Pending(state(due, now)),
        }
    }
}
