//! Working days (R7): Monday–Friday, minus public holidays, plus make-up days (调休).
//! The deadlines that use it come with the after-meeting issue.
use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

#[derive(Clone, Debug, Default)]
pub struct Calendar {
    pub holidays: BTreeSet<NaiveDate>,
    pub makeup_days: BTreeSet<NaiveDate>,
}

impl Calendar {
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.makeup_days.contains(&d) {
            return true;
        }
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        !weekend && !self.holidays.contains(&d)
    }

    /// The working day `n` working days after `d` (n = 3: the tidied record, R7.2).
    pub fn working_days_after(&self, d: NaiveDate, n: u32) -> NaiveDate {
        let mut day = d;
        let mut left = n;
        for _ in 0..366 {
            if left == 0 {
                break;
            }
            day += Duration::days(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// The working day `n` working days before `d` (n = 1: materials are due then, R4.2).
    pub fn working_days_before(&self, d: NaiveDate, n: u32) -> NaiveDate {
        let mut day = d;
        let mut left = n;
        // A year without a single working day is not a calendar; stop rather than loop.
        for _ in 0..366 {
            if left == 0 {
                break;
            }
            day -= Duration::days(1);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }
}
