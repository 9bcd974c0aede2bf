//! Follow-up of decided matters (R7.3): overdue is computed and never stored; the
//! discipline flag; filters; what the next meeting hears about.
use chrono::{DateTime, NaiveDate};
use huiwu::domain::Time;
use huiwu::domain::deadline::DeadlineState;
use huiwu::domain::decision::{Decision, Outcome};
use huiwu::domain::followup::*;
use huiwu::domain::followup_query::*;

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn decision(topic_id: i64, deputy: i64, units: &str, deadline: &str) -> Decision {
    let mut dec = Decision::empty(topic_id, Some(deputy));
    dec.outcome = Some(Outcome::Approved);
    dec.text = "同意实施。".into();
    dec.units = units.into();
    dec.deadline = Some(d(deadline));
    dec.decided_at = Some(t("2026-11-30T10:00:00+08:00"));
    dec
}

fn item(id: i64, meeting: (i64, &str), deputy: i64, units: &str, deadline: &str) -> Item {
    from_decision(
        id,
        meeting.0,
        d(meeting.1),
        "冬季防火",
        &decision(id, deputy, units, deadline),
    )
    .unwrap()
}

#[test]
fn only_decided_topics_make_items() {
    let mut dec = decision(1, 2, "治安管理大队\n各派出所", "2026-12-31");
    let i = from_decision(1, 7, d("2026-11-30"), "冬季防火", &dec).unwrap();
    assert_eq!(i.item, "冬季防火：同意实施。");
    assert_eq!(i.units, vec!["治安管理大队", "各派出所"]);
    assert_eq!(i.supervisor, "督察法制大队");
    assert_eq!(i.status, Status::InProgress);
    dec.decided_at = None;
    assert!(from_decision(1, 7, d("2026-11-30"), "冬季防火", &dec).is_none());
    dec.decided_at = Some(t("2026-11-30T10:00:00+08:00"));
    dec.outcome = Some(Outcome::NotApproved);
    assert!(from_decision(1, 7, d("2026-11-30"), "冬季防火", &dec).is_none());
}

#[test]
fn overdue_is_computed_and_never_changes_what_is_stored() {
    let i = item(1, (7, "2026-11-30"), 2, "治安管理大队", "2026-12-10");
    let before = i.clone();
    assert!(!i.is_overdue(t("2026-12-10T23:00:00+08:00")));
    assert_eq!(
        i.deadline_state(t("2026-12-08T09:00:00+08:00")),
        Some(DeadlineState::DueSoon { days_left: 2 })
    );
    assert!(i.is_overdue(t("2026-12-11T00:00:00+08:00")));
    assert_eq!(
        i.deadline_state(t("2026-12-13T09:00:00+08:00")),
        Some(DeadlineState::Overdue { days_late: 3 })
    );
    let c = counts(std::slice::from_ref(&i), t("2026-12-13T09:00:00+08:00"));
    assert_eq!((c.total, c.overdue, c.in_progress), (1, 1, 1));
    assert_eq!(i, before, "looking at an item changes nothing");
    assert_eq!(i.deadline, Some(d("2026-12-10")));
    assert_eq!(i.status, Status::InProgress);
}

#[test]
fn done_items_show_no_clock_and_late_completion_is_seen() {
    let mut i = item(1, (7, "2026-11-30"), 2, "治安管理大队", "2026-12-10");
    assert_eq!(
        i.mark_done(d("2026-12-12"), "张伟", ""),
        Err(FollowUpError::Blank)
    );
    i.mark_done(d("2026-12-12"), "张伟", "检查完毕，整改到位")
        .unwrap();
    assert_eq!(i.deadline_state(t("2026-12-20T09:00:00+08:00")), None);
    assert!(!i.is_overdue(t("2026-12-20T09:00:00+08:00")));
    assert!(i.done_late());
    assert_eq!(i.notes.len(), 1);
    assert_eq!(i.notes[0].on, d("2026-12-12"));
}

#[test]
fn discipline_flag_needs_a_refusal_or_a_delay_and_a_note() {
    let mut i = item(1, (7, "2026-11-30"), 2, "治安管理大队", "2026-12-10");
    let on_time = t("2026-12-05T09:00:00+08:00");
    assert_eq!(
        i.flag_discipline(on_time, "督察法制大队", "拖延"),
        Err(FollowUpError::NotLateOrRefused)
    );
    let late = t("2026-12-15T09:00:00+08:00");
    assert_eq!(
        discipline_candidates(std::slice::from_ref(&i), late).len(),
        1
    );
    assert_eq!(
        i.flag_discipline(late, "督察法制大队", "  "),
        Err(FollowUpError::Blank)
    );
    i.flag_discipline(late, "督察法制大队", "无正当理由逾期五日未落实")
        .unwrap();
    let flag = i.discipline.clone().unwrap();
    assert_eq!(flag.on, d("2026-12-15"));
    assert_eq!(flag.note, "无正当理由逾期五日未落实");
    assert_eq!(
        i.flag_discipline(late, "督察法制大队", "再次"),
        Err(FollowUpError::AlreadyFlagged)
    );
    assert!(discipline_candidates(std::slice::from_ref(&i), late).is_empty());

    // A refusal may be flagged before the deadline.
    let mut j = item(2, (7, "2026-11-30"), 2, "交管大队", "2026-12-31");
    j.mark_stalled(d("2026-12-02"), "交管大队", "认为无需整改")
        .unwrap();
    j.flag_discipline(on_time, "督察法制大队", "拒不执行会议决定")
        .unwrap();
}

#[test]
fn problems_go_to_the_director_without_changing_the_decision() {
    let mut i = item(1, (7, "2026-11-30"), 2, "治安管理大队", "2026-12-10");
    i.report_problem(d("2026-12-03"), "治安管理大队", "检查车辆不足")
        .unwrap();
    assert_eq!(i.problems.len(), 1);
    assert_eq!(i.deadline, Some(d("2026-12-10")));
    assert_eq!(i.item, "冬季防火：同意实施。");
}

#[test]
fn filters_by_unit_deputy_status_and_month() {
    let mut items = vec![
        item(
            1,
            (7, "2026-11-30"),
            2,
            "治安管理大队\n各派出所",
            "2026-12-10",
        ),
        item(2, (7, "2026-11-30"), 3, "交管大队", "2027-01-15"),
        item(3, (6, "2026-10-26"), 2, "各派出所", "2026-11-20"),
    ];
    items[2]
        .mark_done(d("2026-11-19"), "张伟", "已完成")
        .unwrap();
    let now = t("2026-12-12T09:00:00+08:00");
    let ids = |f: &Filter| {
        f.apply(&items, now)
            .iter()
            .map(|i| i.id)
            .collect::<Vec<_>>()
    };

    let by_unit = Filter {
        unit: Some("各派出所".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&by_unit), vec![1, 3]);
    let by_deputy = Filter {
        deputy_id: Some(2),
        ..Filter::default()
    };
    assert_eq!(ids(&by_deputy), vec![1, 3]);
    let overdue = Filter {
        status: Some(StatusFilter::Overdue),
        ..Filter::default()
    };
    assert_eq!(ids(&overdue), vec![1]);
    let done = Filter {
        status: Some(StatusFilter::Is(Status::Done)),
        ..Filter::default()
    };
    assert_eq!(ids(&done), vec![3]);
    let decided_in_november = Filter {
        month: Some((
            Month {
                year: 2026,
                month: 11,
            },
            MonthOf::Meeting,
        )),
        ..Filter::default()
    };
    assert_eq!(ids(&decided_in_november), vec![1, 2]);
    let due_in_january = Filter {
        month: Some((
            Month {
                year: 2027,
                month: 1,
            },
            MonthOf::Deadline,
        )),
        ..Filter::default()
    };
    assert_eq!(ids(&due_in_january), vec![2]);
    let combined = Filter {
        unit: Some("各派出所".into()),
        status: Some(StatusFilter::Open),
        ..Filter::default()
    };
    assert_eq!(ids(&combined), vec![1]);
    // Sorted by code point, each once.
    assert_eq!(units(&items), vec!["交管大队", "各派出所", "治安管理大队"]);
    let c = counts(&items, now);
    assert_eq!((c.total, c.done, c.in_progress, c.overdue), (3, 1, 2, 1));
}

#[test]
fn the_next_meeting_hears_of_earlier_open_items_as_of_its_date() {
    let mut items = vec![
        item(1, (6, "2026-11-23"), 2, "治安管理大队", "2026-11-27"),
        item(2, (6, "2026-11-23"), 2, "交管大队", "2026-12-31"),
        item(3, (6, "2026-11-23"), 3, "各派出所", "2026-11-26"),
        item(4, (7, "2026-11-30"), 3, "各派出所", "2026-12-31"),
    ];
    // Item 3 was done on time; item 2 was done, but only after the next meeting.
    items[2]
        .mark_done(d("2026-11-25"), "张伟", "已完成")
        .unwrap();
    items[1]
        .mark_done(d("2026-12-03"), "李娜", "已完成")
        .unwrap();
    let carried = carried_into(&items, 7, d("2026-11-30"));
    let got: Vec<(i64, bool)> = carried.iter().map(|c| (c.item.id, c.overdue)).collect();
    assert_eq!(got, vec![(1, true), (2, false)]);
    let line = carried_line(&carried[0], "刘卫东");
    assert_eq!(
        line,
        "（2026年11月23日会议）冬季防火：同意实施；分管：刘卫东；责任单位：治安管理大队；期限：2026年11月27日（已逾期）"
    );
}
