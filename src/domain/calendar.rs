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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn one_working_day_before_monday_is_friday() {
        let cal = Calendar::default();
        assert_eq!(cal.working_days_before(d("2026-11-30"), 1), d("2026-11-27"));
    }

    #[test]
    fn holidays_and_makeup_days_count() {
        let mut cal = Calendar::default();
        cal.holidays.insert(d("2026-11-27"));
        cal.makeup_days.insert(d("2026-11-28"));
        assert!(!cal.is_working_day(d("2026-11-27")));
        assert!(cal.is_working_day(d("2026-11-28")));
        assert_eq!(cal.working_days_before(d("2026-11-30"), 1), d("2026-11-28"));
    }
}
