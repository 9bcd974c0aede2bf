//! Working days (R7, R4.2): Monday–Friday, minus public holidays, plus make-up days (调休).
//!
//! The calendar knows which years it covers: the official file names its years, and a
//! deadline that runs through a year nobody described comes back with a warning instead of
//! a silent Monday–Friday count (the State Council publishes each year's days late in the
//! year before). The file format and the shipped official calendar are in
//! [`super::calendar_file`].
use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    pub holidays: BTreeSet<NaiveDate>,
    pub makeup_days: BTreeSet<NaiveDate>,
    /// Years whose holidays and make-up days are known.
    pub years: BTreeSet<i32>,
    /// Where each covered year's dates come from, in the order the files were read.
    pub sources: BTreeMap<i32, Vec<String>>,
}

/// A date computed by counting working days, and whether the count can be trusted (R7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub date: NaiveDate,
    /// The first year the count ran through that the calendar does not cover: the date
    /// assumes Monday–Friday there and must be shown with a warning.
    pub uncovered_year: Option<i32>,
}

impl Deadline {
    /// True when every day counted lies in a covered year.
    pub fn is_certain(&self) -> bool {
        self.uncovered_year.is_none()
    }
}

/// A counting walk stops after this many days: a year without a single working day is
/// not a calendar.
const WALK_LIMIT: u32 = 366;

impl Calendar {
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.makeup_days.contains(&d) {
            return true;
        }
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        !weekend && !self.holidays.contains(&d)
    }

    /// Does the calendar know the holidays of `year`?
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The working day `n` working days after `d` (n = 3: the tidied record, R7.2).
    pub fn working_days_after(&self, d: NaiveDate, n: u32) -> NaiveDate {
        self.walk(d, n, 1).date
    }

    /// The working day `n` working days before `d` (n = 1: materials are due then, R4.2).
    pub fn working_days_before(&self, d: NaiveDate, n: u32) -> NaiveDate {
        self.walk(d, n, -1).date
    }

    /// As [`Calendar::working_days_after`], saying whether a year it ran through is not
    /// covered.
    pub fn deadline_after(&self, d: NaiveDate, n: u32) -> Deadline {
        self.walk(d, n, 1)
    }

    /// As [`Calendar::working_days_before`], saying whether a year it ran through is not
    /// covered (R4.2: materials 1 working day before the meeting).
    pub fn deadline_before(&self, d: NaiveDate, n: u32) -> Deadline {
        self.walk(d, n, -1)
    }

    /// Steps from `d` (not itself counted) one day at a time in `step` direction until `n`
    /// working days have been passed; notes the first uncovered year stepped on.
    fn walk(&self, d: NaiveDate, n: u32, step: i64) -> Deadline {
        let mut day = d;
        let mut left = n;
        let mut uncovered_year = None;
        for _ in 0..WALK_LIMIT {
            if left == 0 {
                break;
            }
            day += Duration::days(step);
            if uncovered_year.is_none() && !self.covers(day.year()) {
                uncovered_year = Some(day.year());
            }
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        Deadline {
            date: day,
            uncovered_year,
        }
    }

    /// Adds `other` on top of this calendar: a date `other` names wins over what this
    /// calendar said of it (an office's own file overrides the official one), years and
    /// sources are joined.
    pub fn merge(&mut self, other: &Calendar) {
        for d in &other.holidays {
            self.makeup_days.remove(d);
            self.holidays.insert(*d);
        }
        for d in &other.makeup_days {
            self.holidays.remove(d);
            self.makeup_days.insert(*d);
        }
        self.years.extend(other.years.iter().copied());
        for (year, sources) in &other.sources {
            self.sources
                .entry(*year)
                .or_default()
                .extend(sources.iter().cloned());
        }
    }
}
