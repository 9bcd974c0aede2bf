//! The official working-day calendar and the calendar file format (R7, R4.2).
use chrono::NaiveDate;
use huiwu::domain::calendar::*;
use huiwu::domain::calendar_file::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_shipped_file_parses_and_names_its_sources() {
    let cal = Calendar::parse(OFFICIAL).unwrap();
    assert_eq!(cal, Calendar::official());
    assert!(cal.covers(2025) && cal.covers(2026));
    assert!(!cal.covers(2027));
    assert!(cal.sources[&2026][0].contains("2026年部分节假日安排"));
    assert!(cal.sources[&2025][0].contains("国办发明电〔2024〕12号"));
}

#[test]
fn the_2026_holidays_and_makeup_days() {
    let cal = Calendar::official();
    for day in [
        "2026-01-01",
        "2026-01-02",
        "2026-02-16",
        "2026-02-23",
        "2026-04-06",
        "2026-05-05",
        "2026-06-19",
        "2026-09-25",
        "2026-10-07",
    ] {
        assert!(!cal.is_working_day(d(day)), "{day} is a holiday");
    }
    for day in [
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ] {
        assert!(cal.is_working_day(d(day)), "{day} is a make-up working day");
    }
    // An ordinary weekend stays a weekend, an ordinary Monday a working day.
    assert!(!cal.is_working_day(d("2026-03-07")));
    assert!(cal.is_working_day(d("2026-03-09")));
    assert!(cal.is_working_day(d("2026-10-08")));
}

#[test]
fn the_2025_holidays_and_makeup_days() {
    let cal = Calendar::official();
    assert!(!cal.is_working_day(d("2025-01-28")));
    assert!(!cal.is_working_day(d("2025-02-04")));
    assert!(!cal.is_working_day(d("2025-06-02")));
    assert!(!cal.is_working_day(d("2025-10-08")));
    assert!(cal.is_working_day(d("2025-01-26")));
    assert!(cal.is_working_day(d("2025-09-28")));
    assert!(cal.is_working_day(d("2025-10-11")));
}

#[test]
fn one_working_day_before_moves_over_a_holiday() {
    let cal = Calendar::official();
    // Monday 2026-09-28: Friday the 25th is the Mid-Autumn holiday, so materials are due
    // on Thursday the 24th.
    let due = cal.deadline_before(d("2026-09-28"), 1);
    assert_eq!(due.date, d("2026-09-24"));
    assert!(due.is_certain());
    // Without the holiday it would have been the Friday.
    assert_eq!(
        Calendar::default().working_days_before(d("2026-09-28"), 1),
        d("2026-09-25")
    );
}

#[test]
fn one_working_day_before_lands_on_a_makeup_saturday() {
    let cal = Calendar::official();
    // Monday 2026-10-12: Saturday the 10th is a make-up working day.
    assert_eq!(
        cal.deadline_before(d("2026-10-12"), 1).date,
        d("2026-10-10")
    );
    // Monday 2026-01-05: Sunday the 4th is one.
    assert_eq!(
        cal.deadline_before(d("2026-01-05"), 1).date,
        d("2026-01-04")
    );
}

#[test]
fn three_working_days_after_skip_the_national_day_week() {
    let cal = Calendar::official();
    // Tuesday 2026-09-29 + 3 working days: 30 Sep, then 1–7 Oct off, 8 Oct, 9 Oct.
    assert_eq!(cal.deadline_after(d("2026-09-29"), 3).date, d("2026-10-09"));
}

#[test]
fn a_year_missing_from_the_calendar_is_warned_of() {
    let cal = Calendar::official();
    // The first Monday of 2027: the count runs through 1–3 January 2027, not covered.
    let due = cal.deadline_before(d("2027-01-04"), 1);
    assert_eq!(due.uncovered_year, Some(2027));
    assert!(!due.is_certain());
    // Counting inside 2026 only is certain, even from a 2027 start day.
    let due = cal.deadline_before(d("2027-01-01"), 1);
    assert_eq!(due.date, d("2026-12-31"));
    assert!(due.is_certain());
    // Forward into 2027.
    assert_eq!(
        cal.deadline_after(d("2026-12-30"), 3).uncovered_year,
        Some(2027)
    );
    // An empty calendar trusts nothing.
    assert_eq!(
        Calendar::default()
            .deadline_before(d("2026-03-09"), 1)
            .uncovered_year,
        Some(2026)
    );
}

#[test]
fn an_office_file_adds_a_year_and_overrides_a_date() {
    let office = r#"
[[year]]
year = 2027
source = "本局通知（测试）"
holidays = [ { name = "元旦", from = 2027-01-01 } ]

[[year]]
year = 2026
source = "本局调整（测试）"
holidays = [ { name = "本地", from = 2026-10-10 } ]
"#;
    let cal = Calendar::official_with(&[("office.toml", office)]).unwrap();
    assert!(cal.covers(2027));
    assert!(!cal.is_working_day(d("2027-01-01")));
    // The office's file wins over the official make-up day.
    assert!(!cal.is_working_day(d("2026-10-10")));
    assert_eq!(cal.sources[&2026].len(), 2);
    assert!(cal.deadline_before(d("2027-01-04"), 1).is_certain());
}

fn error_of(text: &str) -> CalendarError {
    Calendar::load(&[("office.toml", text)]).unwrap_err()
}

#[test]
fn errors_name_the_file_and_line() {
    let e = error_of(
        "[[year]]\nyear = 2027\nsource = \"x\"\nholidays = [ { name = \"a\", from = \"2027-01-01\" } ]\n",
    );
    assert_eq!(e.file.as_deref(), Some("office.toml"));
    assert_eq!(e.line, Some(4));
    assert!(e.to_string().starts_with("office.toml:4: "), "{e}");

    let e = error_of(
        "[[year]]\nyear = 2027\nsource = \"x\"\nmakeup_days = [\n  { date = 2027-01-06 },\n]\n",
    );
    assert_eq!(e.line, Some(5));
    assert_eq!(e.kind, CalendarErrorKind::MakeupOnWeekday(d("2027-01-06")));

    let e =
        error_of("[[year]]\nyear = 2027\nsource = \"x\"\nholidays = [ { from = 2026-12-31 } ]\n");
    assert_eq!(e.line, Some(4));
    assert!(matches!(
        e.kind,
        CalendarErrorKind::OutsideYear { year: 2027, .. }
    ));

    let e = error_of("[[year]]\nyear = 2027\nholidays = []\n");
    assert_eq!(e.kind, CalendarErrorKind::MissingSource(2027));
    assert_eq!(e.line, Some(2));

    let e = error_of("[[year]]\nyear = 2027\nsource = \"x\"\nholiday = []\n");
    assert_eq!(e.line, Some(4));
    assert!(matches!(e.kind, CalendarErrorKind::Syntax(_)));

    let e =
        error_of("[[year]]\nyear = 2027\nsource = \"x\"\n[[year]]\nyear = 2027\nsource = \"y\"\n");
    assert_eq!(e.kind, CalendarErrorKind::DuplicateYear(2027));
    assert_eq!(e.line, Some(5));

    let e = error_of(
        "[[year]]\nyear = 2027\nsource = \"x\"\nholidays = [ { from = 2027-02-03, to = 2027-02-01 } ]\n",
    );
    assert!(matches!(e.kind, CalendarErrorKind::FromAfterTo { .. }));

    let e = error_of(
        "[[year]]\nyear = 2027\nsource = \"x\"\nholidays = [ { from = 2027-01-02 } ]\nmakeup_days = [ { date = 2027-01-02 } ]\n",
    );
    assert_eq!(e.kind, CalendarErrorKind::HolidayAndMakeup(d("2027-01-02")));
    assert_eq!(e.line, Some(5));
}
