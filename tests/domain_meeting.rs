use chrono::DateTime;
use huiwu::domain::Time;
use huiwu::domain::meeting::*;

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn default_is_the_coming_monday_nine() {
    // 2026-11-25 is a Wednesday.
    assert_eq!(
        default_start(t("2026-11-25T10:00:00+08:00")),
        t("2026-11-30T09:00:00+08:00")
    );
    // On a Monday before nine it is today.
    assert_eq!(
        default_start(t("2026-11-30T08:00:00+08:00")),
        t("2026-11-30T09:00:00+08:00")
    );
    // On a Monday after nine it is next week.
    assert_eq!(
        default_start(t("2026-11-30T09:30:00+08:00")),
        t("2026-12-07T09:00:00+08:00")
    );
}

#[test]
fn postponed_goes_to_the_next_monday() {
    assert_eq!(
        postponed_start(t("2026-11-30T09:00:00+08:00")),
        t("2026-12-07T09:00:00+08:00")
    );
}

/// The meeting's clock runs from its scheduled start, or from its first topic when it
/// began early (the status line read 00:00:00 while a topic was under way).
#[test]
fn a_meeting_begun_early_counts_from_its_first_topic() {
    let scheduled = t("2026-12-07T09:00:00+08:00");
    let early = t("2026-12-07T08:40:00+08:00");
    let later = t("2026-12-07T09:30:00+08:00");
    assert_eq!(began(scheduled, [later, early].into_iter()), early);
    assert_eq!(began(scheduled, [later].into_iter()), scheduled);
    assert_eq!(began(scheduled, std::iter::empty()), scheduled);
}
