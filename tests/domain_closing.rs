//! Closing a meeting: every problem is reported, each naming what is open.
use chrono::DateTime;
use huiwu::domain::Time;
use huiwu::domain::attendance::Presence;
use huiwu::domain::closing::*;

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn topic(id: i64, title: &str, end: TopicEnd) -> TopicFact {
    TopicFact {
        topic_id: id,
        title: title.into(),
        end,
    }
}

fn person(id: i64, name: &str, presence: Presence) -> PersonFact {
    PersonFact {
        person_id: id,
        name: name.into(),
        presence,
    }
}

fn settled() -> ClosingFacts {
    let start = t("2026-11-30T09:00:00+08:00");
    ClosingFacts {
        starts_at: start,
        topics: vec![
            topic(1, "冬季防火", TopicEnd::Decided),
            topic(
                2,
                "监控改造",
                TopicEnd::CarriedOver {
                    to: Some(LaterMeeting {
                        meeting_id: 9,
                        starts_at: t("2026-12-07T09:00:00+08:00"),
                    }),
                },
            ),
        ],
        copies: vec![
            CopyFact {
                number: "01".into(),
                holder: "刘卫东".into(),
                returned: true,
                absence_reason: String::new(),
            },
            CopyFact {
                number: "02".into(),
                holder: "孙立".into(),
                returned: false,
                absence_reason: "经局长批准带回研究，12月1日交回".into(),
            },
        ],
        people: vec![
            person(1, "王建国", Presence::Present { since: start }),
            person(
                2,
                "赵敏",
                Presence::OnLeave {
                    reason: "出差".into(),
                    approver: "王建国".into(),
                },
            ),
            person(3, "钱进", Presence::Absent),
            person(
                4,
                "孙立",
                Presence::LeftEarly {
                    at: t("2026-11-30T10:00:00+08:00"),
                    reason: "处置警情".into(),
                },
            ),
            person(5, "张伟", Presence::Gone { at: start }),
        ],
    }
}

#[test]
fn a_settled_meeting_closes() {
    assert_eq!(check(&settled()), Ok(()));
}

#[test]
fn every_problem_is_listed() {
    let mut f = settled();
    f.topics.push(topic(3, "执法记录仪", TopicEnd::Open));
    f.topics
        .push(topic(4, "车辆", TopicEnd::CarriedOver { to: None }));
    f.topics.push(topic(
        5,
        "装备",
        TopicEnd::CarriedOver {
            to: Some(LaterMeeting {
                meeting_id: 2,
                starts_at: t("2026-11-23T09:00:00+08:00"),
            }),
        },
    ));
    f.copies.push(CopyFact {
        number: "03".into(),
        holder: "钱进".into(),
        returned: false,
        absence_reason: " ".into(),
    });
    f.people.push(person(6, "周强", Presence::Expected));
    f.people.push(person(
        7,
        "吴迪",
        Presence::Waiting {
            since: t("2026-11-30T09:30:00+08:00"),
        },
    ));
    f.people.push(person(
        8,
        "郑洁",
        Presence::OnLeave {
            reason: "病假".into(),
            approver: String::new(),
        },
    ));
    f.people.push(person(
        9,
        "冯军",
        Presence::LeftEarly {
            at: t("2026-11-30T10:00:00+08:00"),
            reason: String::new(),
        },
    ));
    let problems = check(&f).unwrap_err();
    assert_eq!(
        problems,
        vec![
            ClosingProblem::TopicOpen {
                topic_id: 3,
                title: "执法记录仪".into()
            },
            ClosingProblem::CarryOverUnnamed {
                topic_id: 4,
                title: "车辆".into()
            },
            ClosingProblem::CarryOverNotLater {
                topic_id: 5,
                title: "装备".into()
            },
            ClosingProblem::CopyOut {
                number: "03".into(),
                holder: "钱进".into()
            },
            ClosingProblem::AttendanceOpen {
                person_id: 6,
                name: "周强".into()
            },
            ClosingProblem::AttendanceOpen {
                person_id: 7,
                name: "吴迪".into()
            },
            ClosingProblem::LeaveIncomplete {
                person_id: 8,
                name: "郑洁".into()
            },
            ClosingProblem::LeftWithoutReason {
                person_id: 9,
                name: "冯军".into()
            },
        ]
    );
}
