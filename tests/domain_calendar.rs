use chrono::NaiveDate;
use huiwu::domain::calendar::*;

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
