//! Meetings (R3): the regular Monday, postponement, extra meetings, the console's choice.
use huiwu::domain::calendar::Calendar;
use huiwu::domain::meeting::*;
use huiwu::domain::validate::Problem;

use crate::t;

#[test]
fn the_regular_meeting_is_next_monday_nine_in_the_default_rooms() {
    let cal = Calendar::official();
    // Wednesday 2026-03-04.
    let p = plan_regular(t("2026-03-04T15:00:00+08:00"), "局长办公例会", &cal);
    assert_eq!(p.meeting.starts_at, t("2026-03-09T09:00:00+08:00"));
    assert_eq!(p.meeting.room, DEFAULT_ROOM);
    assert_eq!(
        p.meeting.waiting_room.as_deref(),
        Some(DEFAULT_WAITING_ROOM)
    );
    assert_eq!(p.meeting.status, MeetingStatus::Planned);
    assert!(!p.day_off);
    assert_eq!(p.uncovered_year, None);
}

#[test]
fn a_monday_that_is_a_holiday_is_flagged_not_moved() {
    let cal = Calendar::official();
    // Friday 2026-02-13: the next Monday, 16 February, is in the Spring Festival.
    let p = plan_regular(t("2026-02-13T10:00:00+08:00"), "例会", &cal);
    assert_eq!(p.meeting.starts_at, t("2026-02-16T09:00:00+08:00"));
    assert!(p.day_off);
    // In a year the calendar does not know, the guess is said to be a guess.
    let p = plan_regular(t("2027-03-03T10:00:00+08:00"), "例会", &cal);
    assert_eq!(p.uncovered_year, Some(2027));
}

fn planned(id: i64, at: &str) -> Meeting {
    let cal = Calendar::official();
    let mut m = plan_regular(t(at), "例会", &cal).meeting;
    m.id = id;
    m.starts_at = t(at);
    m.chair_id = Some(7);
    m
}

#[test]
fn postponing_moves_to_the_next_monday_and_keeps_the_link() {
    let cal = Calendar::official();
    let m = planned(5, "2026-03-09T09:00:00+08:00");
    let p = postpone(&m, &cal).unwrap();
    assert_eq!(p.original.status, MeetingStatus::Postponed);
    let r = &p.replacement.meeting;
    assert_eq!(r.starts_at, t("2026-03-16T09:00:00+08:00"));
    assert_eq!(r.postponed_from, Some(5));
    assert_eq!(r.status, MeetingStatus::Planned);
    assert_eq!((r.chair_id, r.room.as_str()), (Some(7), DEFAULT_ROOM));
    // Into the Spring Festival: flagged.
    let m = planned(6, "2026-02-09T09:00:00+08:00");
    assert!(postpone(&m, &cal).unwrap().replacement.day_off);
}

#[test]
fn only_a_planned_meeting_can_be_postponed() {
    let cal = Calendar::official();
    let mut m = planned(5, "2026-03-09T09:00:00+08:00");
    m.status = MeetingStatus::InProgress;
    assert_eq!(postpone(&m, &cal), Err(PostponeRefused::InProgress));
    m.status = MeetingStatus::Closed;
    assert_eq!(postpone(&m, &cal), Err(PostponeRefused::Closed));
    m.status = MeetingStatus::Postponed;
    assert_eq!(postpone(&m, &cal), Err(PostponeRefused::AlreadyPostponed));
}

#[test]
fn an_extra_meeting_is_on_any_day_but_not_in_the_past() {
    let cal = Calendar::official();
    let now = t("2026-03-04T15:00:00+08:00");
    let p = plan_extra(t("2026-03-05T16:30:00+08:00"), now, "临时会议", &cal).unwrap();
    assert_eq!(p.meeting.starts_at, t("2026-03-05T16:30:00+08:00"));
    assert!(!p.day_off);
    // A Saturday is allowed, and said to be a day off.
    let p = plan_extra(t("2026-03-07T10:00:00+08:00"), now, "临时会议", &cal).unwrap();
    assert!(p.day_off);
    assert_eq!(
        plan_extra(t("2026-03-04T14:59:00+08:00"), now, "临时会议", &cal),
        Err(Problem::InPast)
    );
}

#[test]
fn the_console_opens_on_the_meeting_in_progress_else_next_else_latest() {
    let now = t("2026-03-11T10:00:00+08:00");
    let mut last_week = planned(1, "2026-03-02T09:00:00+08:00");
    last_week.status = MeetingStatus::Closed;
    let mut this_week = planned(2, "2026-03-09T09:00:00+08:00");
    this_week.status = MeetingStatus::Closed;
    let next_week = planned(3, "2026-03-16T09:00:00+08:00");
    let later = planned(4, "2026-03-23T09:00:00+08:00");

    let all = vec![
        last_week.clone(),
        this_week.clone(),
        later.clone(),
        next_week.clone(),
    ];
    assert_eq!(console_meeting(&all, now).map(|m| m.id), Some(3));

    let mut extra = planned(5, "2026-03-11T08:30:00+08:00");
    extra.status = MeetingStatus::InProgress;
    let mut with_extra = all.clone();
    with_extra.push(extra);
    assert_eq!(console_meeting(&with_extra, now).map(|m| m.id), Some(5));

    let past_only = vec![last_week, this_week];
    assert_eq!(console_meeting(&past_only, now).map(|m| m.id), Some(2));
    assert_eq!(console_meeting(&[], now), None);
}

#[test]
fn a_meeting_planned_for_today_is_still_next_after_its_hour() {
    // 09:20 and nobody has opened the 09:00 meeting yet.
    let m = planned(1, "2026-03-09T09:00:00+08:00");
    let now = t("2026-03-09T09:20:00+08:00");
    assert_eq!(console_meeting(&[m], now).map(|m| m.id), Some(1));
}

#[test]
fn a_demo_never_hides_a_real_meeting() {
    let now = t("2026-03-11T10:00:00+08:00");
    let mut demo = planned(9, "2026-03-11T09:48:00+08:00");
    demo.is_demo = true;
    demo.status = MeetingStatus::InProgress;
    let mut real = planned(1, "2026-03-02T09:00:00+08:00");
    real.status = MeetingStatus::Closed;
    assert_eq!(
        console_meeting(&[demo.clone(), real], now).map(|m| m.id),
        Some(1)
    );
    // With no real meeting at all, the demo is shown.
    assert_eq!(console_meeting(&[demo], now).map(|m| m.id), Some(9));
}

#[test]
fn a_postponed_meeting_gives_way_to_its_replacement() {
    let cal = Calendar::official();
    let m = planned(1, "2026-03-09T09:00:00+08:00");
    let p = postpone(&m, &cal).unwrap();
    let mut replacement = p.replacement.meeting;
    replacement.id = 2;
    let now = t("2026-03-09T08:00:00+08:00");
    assert_eq!(
        console_meeting(&[p.original, replacement], now).map(|m| m.id),
        Some(2)
    );
}
