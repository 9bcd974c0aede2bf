//! Lateness (R8.2, §5.1), the waiting room (R5.3) and the check-in roster (R2.2), with a
//! fixed clock: every time here is built from an RFC 3339 string at +08:00.
use chrono::DateTime;

use huiwu::domain::attendance::{
    AttendanceEvent, Due, EventKind, Expectation, PersonAttendance, Place, Presence, Punctuality,
    WaitState, advance_events, check_in_place, due, fold, judge, missing_for_next, overdue,
    sign_in_opens, wait_state,
};
use huiwu::domain::meeting::{DEFAULT_ROOM, Meeting, MeetingStatus};
use huiwu::domain::people::{Participation, Role};
use huiwu::domain::roster::{self, AfterTopic, Group};
use huiwu::domain::topic::{Channel, Scope, Topic, TopicStatus};
use huiwu::domain::{Clock, FixedClock, Id, Time};

/// The meeting of every test: Monday 2026-11-30, 09:00 local time.
const START: &str = "2026-11-30T09:00:00+08:00";

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).expect("test time")
}

/// A time on the meeting's day, "HH:MM:SS".
fn at(hms: &str) -> Time {
    t(&format!("2026-11-30T{hms}+08:00"))
}

fn start() -> Time {
    t(START)
}

fn verdict(expect: Expectation, arrival: &str) -> Punctuality {
    judge(at(arrival), due(expect, start()))
}

fn sitting_in(seq: u32, previous_started: Option<Time>) -> Expectation {
    Expectation::TopicSittingIn {
        seq,
        previous_started,
    }
}

// ---------------------------------------------------------------- due / judge / overdue

#[test]
fn attendee_is_due_five_minutes_before_and_late_after_the_start() {
    assert_eq!(
        due(Expectation::Attendee, start()),
        Some(Due {
            due: at("08:55:00"),
            late_after: at("09:00:00"),
        })
    );
}

#[test]
fn attendee_lateness_boundaries() {
    let a = Expectation::Attendee;
    assert_eq!(verdict(a, "08:45:00"), Punctuality::OnTime);
    // Exactly five minutes early is on time.
    assert_eq!(verdict(a, "08:55:00"), Punctuality::OnTime);
    // Judged on the minute shown beside the name: 08:55:40 shows 08:55, on time.
    assert_eq!(verdict(a, "08:55:40"), Punctuality::OnTime);
    assert_eq!(verdict(a, "08:56:00"), Punctuality::NotEarly { minutes: 1 });
    // The start itself, 09:00:xx: not early, but not late either.
    assert_eq!(verdict(a, "09:00:00"), Punctuality::NotEarly { minutes: 5 });
    assert_eq!(verdict(a, "09:00:59"), Punctuality::NotEarly { minutes: 5 });
    // 09:01 is the first minute late; the verdict agrees with the time shown.
    assert_eq!(verdict(a, "09:01:00"), Punctuality::Late { minutes: 1 });
    assert_eq!(verdict(a, "09:01:59"), Punctuality::Late { minutes: 1 });
    assert_eq!(verdict(a, "09:03:01"), Punctuality::Late { minutes: 3 });
    assert_eq!(verdict(a, "09:30:00"), Punctuality::Late { minutes: 30 });
}

#[test]
fn staff_are_due_fifteen_minutes_before() {
    let s = Expectation::Staff;
    assert_eq!(
        due(s, start()),
        Some(Due {
            due: at("08:45:00"),
            late_after: at("09:00:00"),
        })
    );
    assert_eq!(verdict(s, "08:30:00"), Punctuality::OnTime);
    assert_eq!(verdict(s, "08:45:00"), Punctuality::OnTime);
    assert_eq!(verdict(s, "08:45:59"), Punctuality::OnTime);
    assert_eq!(verdict(s, "08:46:00"), Punctuality::NotEarly { minutes: 1 });
    // Early enough for an attendee is not early enough for staff.
    assert_eq!(
        verdict(s, "08:55:00"),
        Punctuality::NotEarly { minutes: 10 }
    );
    assert_eq!(
        verdict(s, "09:00:00"),
        Punctuality::NotEarly { minutes: 15 }
    );
    assert_eq!(verdict(s, "09:01:00"), Punctuality::Late { minutes: 1 });
    // Sign-in opens when staff are due.
    assert_eq!(sign_in_opens(start()), at("08:45:00"));
}

#[test]
fn sitting_in_for_the_first_topic_is_judged_like_an_attendee() {
    // Whether or not "the topic before" is filled in, topic 1 runs from the start.
    for prev in [None, Some(at("08:00:00"))] {
        let e = sitting_in(1, prev);
        assert_eq!(due(e, start()), due(Expectation::Attendee, start()));
        assert_eq!(verdict(e, "08:55:00"), Punctuality::OnTime);
        assert_eq!(verdict(e, "08:56:01"), Punctuality::NotEarly { minutes: 1 });
        assert_eq!(verdict(e, "09:00:30"), Punctuality::NotEarly { minutes: 5 });
        assert_eq!(verdict(e, "09:02:01"), Punctuality::Late { minutes: 2 });
    }
}

#[test]
fn sitting_in_for_a_later_topic_has_no_due_time_before_the_topic_before_begins() {
    let e = sitting_in(3, None);
    assert_eq!(due(e, start()), None);
    // Whenever they come, they are on time…
    for arrival in ["08:00:00", "09:00:00", "09:45:00", "11:59:59"] {
        assert_eq!(
            verdict(e, arrival),
            Punctuality::OnTime,
            "arrived {arrival}"
        );
    }
    // …and never overdue while they are not here.
    for now in ["09:00:01", "10:30:00", "17:00:00"] {
        assert_eq!(overdue(at(now), due(e, start())), None, "now {now}");
    }
}

#[test]
fn sitting_in_for_a_later_topic_is_due_when_the_topic_before_begins() {
    // Topic 1 began at 09:40: topic 2's people are due in the waiting room from then.
    let e = sitting_in(2, Some(at("09:40:00")));
    assert_eq!(
        due(e, start()),
        Some(Due {
            due: at("09:40:00"),
            late_after: at("09:40:00"),
        })
    );
    // Before the meeting's start and before the topic before began: on time.
    assert_eq!(verdict(e, "08:58:00"), Punctuality::OnTime);
    assert_eq!(verdict(e, "09:40:00"), Punctuality::OnTime);
    // They are measured against 09:40, not against the meeting's 09:00.
    assert_eq!(verdict(e, "09:40:59"), Punctuality::OnTime);
    assert_eq!(verdict(e, "09:41:00"), Punctuality::Late { minutes: 1 });
    assert_eq!(verdict(e, "09:52:30"), Punctuality::Late { minutes: 12 });
    assert_eq!(overdue(at("09:30:00"), due(e, start())), None);
    assert_eq!(overdue(at("09:40:00"), due(e, start())), None);
    assert_eq!(overdue(at("09:45:10"), due(e, start())), Some(5));
}

#[test]
fn overdue_counts_whole_minutes_after_the_start_for_someone_not_yet_here() {
    let d = due(Expectation::Attendee, start());
    // Between due and start they are not early, but not overdue either.
    assert_eq!(overdue(at("08:50:00"), d), None);
    assert_eq!(overdue(at("08:58:00"), d), None);
    assert_eq!(overdue(at("09:00:00"), d), None);
    // Counted as the clock shows it, like a sign-in at that moment would read.
    assert_eq!(overdue(at("09:00:59"), d), None);
    assert_eq!(overdue(at("09:01:00"), d), Some(1));
    assert_eq!(overdue(at("09:01:59"), d), Some(1));
    assert_eq!(overdue(at("09:02:00"), d), Some(2));
    assert_eq!(overdue(at("10:00:00"), d), Some(60));
    // Staff are also only overdue once the meeting has started.
    let s = due(Expectation::Staff, start());
    assert_eq!(overdue(at("08:50:00"), s), None);
    assert_eq!(overdue(at("09:02:00"), s), Some(2));
}

#[test]
fn a_fixed_clock_drives_the_verdict() {
    let clock = FixedClock(at("09:03:20"));
    let d = due(Expectation::Attendee, start());
    assert_eq!(overdue(clock.now(), d), Some(3));
    assert_eq!(judge(clock.now(), d), Punctuality::Late { minutes: 3 });
}

#[test]
fn expectation_follows_the_role() {
    let prev = Some(at("09:20:00"));
    assert_eq!(
        Expectation::for_role(Role::Attending, None, None),
        Expectation::Attendee
    );
    assert_eq!(
        Expectation::for_role(Role::Staff, None, None),
        Expectation::Staff
    );
    // Whole-meeting sitting-in people (party committee, legal brigade) are attendees.
    assert_eq!(
        Expectation::for_role(Role::SittingIn, None, prev),
        Expectation::Attendee
    );
    assert_eq!(
        Expectation::for_role(Role::SittingIn, Some(2), prev),
        sitting_in(2, prev)
    );
}

// ---------------------------------------------------------------- fold

fn ev(person_id: Id, kind: EventKind, hms: &str) -> AttendanceEvent {
    AttendanceEvent {
        id: 0,
        meeting_id: 1,
        person_id,
        kind,
        at: at(hms),
        note: String::new(),
    }
}

fn room() -> EventKind {
    EventKind::CheckIn { place: Place::Room }
}

fn waiting() -> EventKind {
    EventKind::CheckIn {
        place: Place::WaitingRoom,
    }
}

fn leave() -> EventKind {
    EventKind::Leave {
        reason: "参加市局专题培训".into(),
        approver: "王建国".into(),
    }
}

#[test]
fn nobody_has_signed_in_before_any_event() {
    let s = fold([]);
    assert_eq!(s.presence, Presence::Expected);
    assert_eq!(s.first_check_in, None);
}

#[test]
fn check_in_places_the_person_and_keeps_the_first_sign_in() {
    let events = [ev(1, waiting(), "09:10:00"), ev(1, room(), "09:20:00")];
    let s = fold(&events);
    assert_eq!(
        s.presence,
        Presence::Present {
            since: at("09:20:00")
        }
    );
    // Lateness is judged on the first sign-in, not the latest.
    assert_eq!(s.first_check_in, Some(at("09:10:00")));

    let s = fold(&events[..1]);
    assert_eq!(
        s.presence,
        Presence::Waiting {
            since: at("09:10:00")
        }
    );
}

#[test]
fn the_waiting_room_path_called_in_then_entered() {
    let events = [
        ev(1, waiting(), "09:10:00"),
        ev(1, EventKind::CalledIn, "09:30:00"),
        ev(1, EventKind::Entered, "09:31:00"),
        ev(1, EventKind::TopicEnded, "10:05:00"),
    ];
    assert_eq!(
        fold(&events[..2]).presence,
        Presence::CalledIn { at: at("09:30:00") }
    );
    assert_eq!(
        fold(&events[..3]).presence,
        Presence::Present {
            since: at("09:31:00")
        }
    );
    let gone = fold(&events);
    assert_eq!(gone.presence, Presence::Gone { at: at("10:05:00") });
    assert_eq!(gone.first_check_in, Some(at("09:10:00")));
}

#[test]
fn leave_absent_and_left_early_are_kept_with_their_details() {
    assert_eq!(
        fold(&[ev(2, leave(), "08:30:00")]).presence,
        Presence::OnLeave {
            reason: "参加市局专题培训".into(),
            approver: "王建国".into(),
        }
    );
    assert_eq!(
        fold(&[ev(2, EventKind::Absent, "09:30:00")]).presence,
        Presence::Absent
    );
    let left = fold(&[
        ev(2, room(), "08:54:00"),
        ev(
            2,
            EventKind::LeftEarly {
                reason: "突发警情".into(),
            },
            "10:12:00",
        ),
    ]);
    assert_eq!(
        left.presence,
        Presence::LeftEarly {
            at: at("10:12:00"),
            reason: "突发警情".into(),
        }
    );
    // They did arrive, on time: leaving early does not erase that.
    assert_eq!(left.first_check_in, Some(at("08:54:00")));
}

#[test]
fn a_correction_forgets_everything_before_it() {
    // Signed in by mistake at 08:40 (would be on time), corrected, really came 09:07.
    let events = [
        ev(3, room(), "08:40:00"),
        ev(3, EventKind::Cleared, "09:05:00"),
    ];
    assert_eq!(fold(&events), PersonAttendance::default());
    assert_eq!(fold(&events).presence, Presence::Expected);

    let events = [
        ev(3, room(), "08:40:00"),
        ev(3, EventKind::Cleared, "09:05:00"),
        ev(3, room(), "09:07:00"),
    ];
    let s = fold(&events);
    assert_eq!(s.first_check_in, Some(at("09:07:00")));
    assert_eq!(
        judge(
            s.first_check_in.unwrap(),
            due(Expectation::Attendee, start())
        ),
        Punctuality::Late { minutes: 7 }
    );

    // A wrongly recorded leave can be corrected as well.
    let s = fold(&[
        ev(3, leave(), "08:00:00"),
        ev(3, EventKind::Cleared, "08:10:00"),
    ]);
    assert_eq!(s.presence, Presence::Expected);
}

// ---------------------------------------------------------------- waiting room

#[test]
fn check_in_place_sends_later_topics_to_the_waiting_room() {
    // Attending, staff and whole-meeting sitting-in people: always the room.
    assert_eq!(check_in_place(None, None), Place::Room);
    assert_eq!(check_in_place(None, Some(2)), Place::Room);
    // Before the first topic begins, topic 1's people go in; the rest wait.
    assert_eq!(check_in_place(Some(1), None), Place::Room);
    assert_eq!(check_in_place(Some(2), None), Place::WaitingRoom);
    assert_eq!(check_in_place(Some(4), None), Place::WaitingRoom);
    // During topic 2: topic 2 goes in, topics 3 and 4 wait.
    assert_eq!(check_in_place(Some(2), Some(2)), Place::Room);
    assert_eq!(check_in_place(Some(3), Some(2)), Place::WaitingRoom);
    assert_eq!(check_in_place(Some(4), Some(2)), Place::WaitingRoom);
    // A latecomer for a topic already discussed is not sent outside to wait.
    assert_eq!(check_in_place(Some(1), Some(3)), Place::Room);
}

fn state(events: &[AttendanceEvent]) -> PersonAttendance {
    fold(events)
}

#[test]
fn wait_state_of_each_presence() {
    assert_eq!(wait_state(&state(&[])), WaitState::NotArrived);
    assert_eq!(
        wait_state(&state(&[ev(1, waiting(), "09:10:00")])),
        WaitState::Waiting {
            since: at("09:10:00")
        }
    );
    assert_eq!(
        wait_state(&state(&[
            ev(1, waiting(), "09:10:00"),
            ev(1, EventKind::CalledIn, "09:30:00"),
        ])),
        WaitState::CalledIn { at: at("09:30:00") }
    );
    assert_eq!(
        wait_state(&state(&[ev(1, room(), "09:10:00")])),
        WaitState::InRoom
    );
    assert_eq!(
        wait_state(&state(&[ev(1, leave(), "08:00:00")])),
        WaitState::Excused
    );
    assert_eq!(
        wait_state(&state(&[ev(1, EventKind::Absent, "09:30:00")])),
        WaitState::Excused
    );
}

#[test]
fn missing_for_next_names_who_is_neither_called_in_in_the_room_nor_excused() {
    let people = vec![
        (10, state(&[])),
        (11, state(&[ev(11, waiting(), "09:10:00")])),
        (
            12,
            state(&[
                ev(12, waiting(), "09:10:00"),
                ev(12, EventKind::CalledIn, "09:30:00"),
            ]),
        ),
        (13, state(&[ev(13, room(), "09:05:00")])),
        (14, state(&[ev(14, leave(), "08:00:00")])),
        (15, state(&[ev(15, EventKind::Absent, "09:30:00")])),
    ];
    // Not arrived, and waiting but not yet called.
    assert_eq!(missing_for_next(&people), vec![10, 11]);

    // Once everyone is called in, nobody is missing.
    let all_called: Vec<_> = [11, 12]
        .iter()
        .map(|&id| {
            (
                id,
                state(&[
                    ev(id, waiting(), "09:10:00"),
                    ev(id, EventKind::CalledIn, "09:30:00"),
                ]),
            )
        })
        .collect();
    assert!(missing_for_next(&all_called).is_empty());
}

#[test]
fn advancing_lets_the_finished_topic_leave_and_the_called_in_enter() {
    let leaving = vec![
        // In the room for topic 1 only: leaves.
        (20, state(&[ev(20, room(), "08:50:00")])),
        // Sits in for topics 1 and 2: stays.
        (21, state(&[ev(21, room(), "08:52:00")])),
        // Never came: nothing to record.
        (22, state(&[])),
        // On leave: nothing to record.
        (23, state(&[ev(23, leave(), "08:00:00")])),
        // Already left early: not left again.
        (
            24,
            state(&[
                ev(24, room(), "08:50:00"),
                ev(
                    24,
                    EventKind::LeftEarly {
                        reason: "出警".into(),
                    },
                    "09:10:00",
                ),
            ]),
        ),
    ];
    let next = vec![
        (21, state(&[ev(21, room(), "08:52:00")])),
        // Called in from the waiting room: enters.
        (
            30,
            state(&[
                ev(30, waiting(), "09:05:00"),
                ev(30, EventKind::CalledIn, "09:29:00"),
            ]),
        ),
        // Waiting, not called: stays outside (the console names them as missing).
        (31, state(&[ev(31, waiting(), "09:06:00")])),
        // Not here yet.
        (32, state(&[])),
    ];
    let events = advance_events(&leaving, &next);
    assert_eq!(
        events,
        vec![(20, EventKind::TopicEnded), (30, EventKind::Entered)]
    );
    assert_eq!(missing_for_next(&next), vec![31, 32]);
}

#[test]
fn a_person_called_in_but_whose_topic_ends_before_entering_leaves() {
    // Called in for topic 1 (never recorded as entered): when topic 1 ends, they go.
    let leaving = vec![(
        40,
        state(&[
            ev(40, waiting(), "08:58:00"),
            ev(40, EventKind::CalledIn, "09:01:00"),
        ]),
    )];
    assert_eq!(
        advance_events(&leaving, &[]),
        vec![(40, EventKind::TopicEnded)]
    );
}

#[test]
fn the_events_of_advancing_fold_into_the_expected_places() {
    let mut p20 = vec![ev(20, room(), "08:50:00")];
    let mut p30 = vec![
        ev(30, waiting(), "09:05:00"),
        ev(30, EventKind::CalledIn, "09:29:00"),
    ];
    let events = advance_events(&[(20, fold(&p20))], &[(30, fold(&p30))]);
    for (id, kind) in events {
        let e = ev(id, kind, "09:30:00");
        match id {
            20 => p20.push(e),
            30 => p30.push(e),
            other => panic!("unexpected person {other}"),
        }
    }
    assert_eq!(fold(&p20).presence, Presence::Gone { at: at("09:30:00") });
    assert_eq!(
        fold(&p30).presence,
        Presence::Present {
            since: at("09:30:00")
        }
    );
}

// ---------------------------------------------------------------- roster

fn meeting() -> Meeting {
    Meeting {
        id: 1,
        title: "局长办公例会".into(),
        starts_at: start(),
        room: DEFAULT_ROOM.into(),
        waiting_room: Some("二楼小会议室".into()),
        chair_id: Some(100),
        status: MeetingStatus::InProgress,
        postponed_from: None,
        current_topic_id: Some(11),
        is_demo: false,
    }
}

fn topic(id: Id, seq: u32, status: TopicStatus, started: Option<&str>) -> Topic {
    Topic {
        id,
        meeting_id: Some(1),
        seq,
        title: format!("议题{seq}"),
        department: "治安大队".into(),
        deputy_id: Some(103),
        channel: Channel::RegistrationForm,
        scope: Scope::new(2).unwrap(),
        needs_legal_review: false,
        alternatives: Vec::new(),
        status,
        started_at: started.map(at),
        ended_at: None,
    }
}

fn part(id: Id, person_id: Id, role: Role, topic_id: Option<Id>) -> Participation {
    Participation {
        id,
        meeting_id: 1,
        person_id,
        role,
        topic_id,
        is_recorder: false,
    }
}

/// Topic 1 (id 10) done 09:00–09:40, topic 2 (id 11) current since 09:40, topic 3 (id 12)
/// pending. Now is 09:50.
fn scene() -> (
    Meeting,
    Vec<Topic>,
    Vec<Participation>,
    Vec<AttendanceEvent>,
) {
    let mut t1 = topic(10, 1, TopicStatus::Done, Some("09:00:00"));
    t1.ended_at = Some(at("09:40:00"));
    let topics = vec![
        t1,
        topic(11, 2, TopicStatus::Current, Some("09:40:00")),
        topic(12, 3, TopicStatus::Pending, None),
    ];
    let mut recorder = part(9, 190, Role::Staff, None);
    recorder.is_recorder = true;
    let parts = vec![
        // Listed out of display order on purpose.
        part(1, 301, Role::SittingIn, Some(12)),
        part(2, 100, Role::Attending, None),
        part(3, 101, Role::Attending, None),
        part(4, 102, Role::Attending, None),
        part(5, 103, Role::Attending, None),
        part(6, 200, Role::SittingIn, None),
        part(7, 300, Role::SittingIn, Some(10)),
        // 302 sits in for topics 2 and 3: one person, two lines.
        part(8, 302, Role::SittingIn, Some(11)),
        recorder,
        part(10, 302, Role::SittingIn, Some(12)),
        part(11, 303, Role::SittingIn, Some(10)),
        part(12, 191, Role::Staff, None),
        part(13, 304, Role::SittingIn, Some(11)),
    ];
    let events = vec![
        ev(190, room(), "08:40:00"),
        ev(191, room(), "08:50:00"), // staff not 15 minutes early
        ev(100, room(), "08:52:00"),
        ev(101, room(), "09:03:00"), // late 3
        ev(102, leave(), "08:00:00"),
        ev(200, room(), "08:55:00"),
        ev(300, room(), "08:54:00"),
        ev(300, EventKind::TopicEnded, "09:40:00"),
        ev(302, waiting(), "09:20:00"),
        ev(302, EventKind::CalledIn, "09:39:00"),
        ev(302, EventKind::Entered, "09:40:00"),
        ev(301, waiting(), "09:45:00"), // topic 2 began 09:40: late 5 for topic 3
    ];
    // 103 (attending), 303 (topic 1, done) and 304 (topic 2, current) never came.
    (meeting(), topics, parts, events)
}

#[test]
fn roster_groups_are_in_display_order() {
    let (m, topics, parts, events) = scene();
    let r = roster::build(&m, &topics, &parts, &events, at("09:50:00"));
    let groups: Vec<Group> = r.lines.iter().map(|l| l.group).collect();
    let mut sorted = groups.clone();
    sorted.sort();
    assert_eq!(groups, sorted);
    assert_eq!(groups.first(), Some(&Group::Attending));
    assert_eq!(groups.last(), Some(&Group::Staff));

    let ids = |g| r.group(g).map(|l| l.person_id).collect::<Vec<_>>();
    assert_eq!(ids(Group::Attending), vec![100, 101, 102, 103]);
    assert_eq!(ids(Group::SittingInAll), vec![200]);
    assert_eq!(ids(Group::SittingIn(1)), vec![300, 303]);
    assert_eq!(ids(Group::SittingIn(2)), vec![302, 304]);
    // 302 sits in for topics 2 and 3: listed once, under topic 2, with both parts.
    assert_eq!(ids(Group::SittingIn(3)), vec![301]);
    assert_eq!(ids(Group::Staff), vec![190, 191]);
    let l302 = r.line(302).expect("302");
    assert_eq!(l302.topics, vec![2, 3]);
    // The report of each topic's people still names 302 under topic 3.
    let all3: Vec<Id> = r
        .in_group(Group::SittingIn(3))
        .map(|l| l.person_id)
        .collect();
    assert_eq!(all3, vec![302, 301]);
    let recorders: Vec<Id> = r
        .lines
        .iter()
        .filter(|l| l.is_recorder)
        .map(|l| l.person_id)
        .collect();
    assert_eq!(recorders, vec![190]);
}

#[test]
fn roster_counts_each_person_once() {
    let (m, topics, parts, events) = scene();
    let r = roster::build(&m, &topics, &parts, &events, at("09:50:00"));
    // 12 people, one line each: 302 sits in for two topics.
    assert_eq!(r.lines.len(), 12);
    assert_eq!(r.counts.expected, 12);
    // 实到, everyone who came: 190 191 100 101 200 300 302 301 — 300 sat in for topic
    // 1, which is over, and has gone: they still attended.
    assert_eq!(r.counts.present, 8);
    // 在场, in the room now: 190 191 100 101 200 302 (301 is in the waiting room).
    assert_eq!(r.counts.in_room, 6);
    // Late: 101 (09:03), 302 (09:20 for topic 2, due when topic 1 began at 09:00; counted
    // once although on time for topic 3) and 301 (09:45 against topic 2's 09:40).
    // 191 was only not early: not late.
    assert_eq!(r.counts.late, 3);
    assert_eq!(r.counts.on_leave, 1);
    assert_eq!(r.counts.absent, 0);
}

#[test]
fn roster_judges_each_line_against_its_own_due_time() {
    let (m, topics, parts, events) = scene();
    let r = roster::build(&m, &topics, &parts, &events, at("09:50:00"));
    let line = |person: Id, g: Group| {
        r.lines
            .iter()
            .find(|l| l.person_id == person && l.group == g)
            .unwrap_or_else(|| panic!("no line for {person} in {g:?}"))
    };
    assert_eq!(
        r.lines.iter().filter(|l| l.person_id == 302).count(),
        1,
        "one person, one line"
    );
    assert_eq!(
        line(190, Group::Staff).punctuality,
        Some(Punctuality::OnTime)
    );
    assert_eq!(
        line(191, Group::Staff).punctuality,
        Some(Punctuality::NotEarly { minutes: 5 })
    );
    assert_eq!(
        line(100, Group::Attending).punctuality,
        Some(Punctuality::OnTime)
    );
    assert_eq!(
        line(101, Group::Attending).punctuality,
        Some(Punctuality::Late { minutes: 3 })
    );
    // On leave: no sign-in, no verdict, not overdue.
    let l102 = line(102, Group::Attending);
    assert_eq!(l102.punctuality, None);
    assert_eq!(l102.overdue, None);
    assert!(matches!(l102.state.presence, Presence::OnLeave { .. }));
    assert_eq!(
        line(200, Group::SittingInAll).punctuality,
        Some(Punctuality::OnTime)
    );
    assert_eq!(
        line(300, Group::SittingIn(1)).state.presence,
        Presence::Gone { at: at("09:40:00") }
    );
    // Topic 2's people were due when topic 1 began (09:00); 302 came at 09:20. One
    // arrival, judged once against the earliest due time: late, whatever topic 3 says.
    assert_eq!(
        line(302, Group::SittingIn(2)).punctuality,
        Some(Punctuality::Late { minutes: 20 })
    );
    assert_eq!(
        line(301, Group::SittingIn(3)).punctuality,
        Some(Punctuality::Late { minutes: 5 })
    );
}

#[test]
fn roster_overdue_only_for_who_is_still_awaited() {
    let (m, topics, parts, events) = scene();
    let r = roster::build(&m, &topics, &parts, &events, at("09:50:00"));
    let overdue: Vec<(Id, i64)> = r
        .lines
        .iter()
        .filter_map(|l| l.overdue.map(|o| (l.person_id, o)))
        .collect();
    // 103: attending, 50 minutes after the start. 304: topic 2 (current), due when
    // topic 1 began at 09:00. 303 sat in for topic 1, which is over: not overdue.
    assert_eq!(overdue, vec![(103, 50), (304, 50)]);
    let l303 = r.lines.iter().find(|l| l.person_id == 303).unwrap();
    assert_eq!(l303.state.presence, Presence::Expected);
    assert_eq!(l303.overdue, None);
}

#[test]
fn roster_before_the_start_has_nobody_overdue_and_later_topics_have_no_due_time() {
    let (m, _, parts, _) = scene();
    let topics = vec![
        topic(10, 1, TopicStatus::Pending, None),
        topic(11, 2, TopicStatus::Pending, None),
        topic(12, 3, TopicStatus::Pending, None),
    ];
    let r = roster::build(&m, &topics, &parts, &[], at("08:58:00"));
    assert!(r.lines.iter().all(|l| l.overdue.is_none()));
    assert_eq!(r.counts.present, 0);
    assert_eq!(r.counts.expected, 12);

    // At 09:10 with topic 1 not yet begun: the attending and topic 1 are overdue, the
    // people of topics 2 and 3 are not.
    let r = roster::build(&m, &topics, &parts, &[], at("09:10:00"));
    for l in &r.lines {
        match l.group {
            Group::SittingIn(2) | Group::SittingIn(3) => {
                assert_eq!(l.overdue, None, "{l:?}")
            }
            _ => assert_eq!(l.overdue, Some(10), "{l:?}"),
        }
    }
}

#[test]
fn roster_counts_absent_and_a_corrected_check_in() {
    let (m, topics, parts, _) = scene();
    let events = vec![
        ev(103, EventKind::Absent, "09:30:00"),
        ev(101, room(), "08:40:00"),
        ev(101, EventKind::Cleared, "09:10:00"),
    ];
    let r = roster::build(&m, &topics, &parts, &events, at("09:50:00"));
    assert_eq!(r.counts.absent, 1);
    assert_eq!(r.counts.present, 0);
    let l103 = r.lines.iter().find(|l| l.person_id == 103).unwrap();
    assert_eq!(l103.overdue, None);
    // 101's sign-in was withdrawn: awaited again, and overdue.
    let l101 = r.lines.iter().find(|l| l.person_id == 101).unwrap();
    assert_eq!(l101.punctuality, None);
    assert_eq!(l101.overdue, Some(50));
}

#[test]
fn the_verdict_agrees_with_the_minute_shown_and_never_reads_zero() {
    let start = at("09:00:00");
    let d = due(Expectation::Attendee, start);
    // Half a second past the start still shows 09:00: not early, not late.
    let half = start + chrono::Duration::milliseconds(500);
    assert_eq!(overdue(half, d), None);
    assert_eq!(judge(half, d), Punctuality::NotEarly { minutes: 5 });
    // Signed in with Enter at 09:03:01 and typed as 09:03 read the same: 3 minutes.
    let typed = at("09:03:00");
    let pressed = at("09:03:01");
    assert_eq!(judge(typed, d), judge(pressed, d));
    assert_eq!(judge(pressed, d), Punctuality::Late { minutes: 3 });
    // Late never reads 0 minutes.
    for s in 60..240 {
        if let Punctuality::Late { minutes } = judge(start + chrono::Duration::seconds(s), d) {
            assert!(minutes >= 1);
        }
    }
}

#[test]
fn gone_after_a_topic_is_not_gone_for_a_topic_still_to_come() {
    let (m, topics, mut parts, mut events) = scene();
    // 300 sat in for topic 1 (done) and also sits in for topic 3 (still to come).
    parts.push(part(20, 300, Role::SittingIn, Some(12)));
    events.push(ev(400, room(), "08:50:00"));
    let r = roster::build(&m, &topics, &parts, &events, at("09:50:00"));
    let l300 = r.line(300).expect("300");
    assert_eq!(l300.topics, vec![1, 3]);
    assert_eq!(l300.after_topic, Some(AfterTopic::Returns(3)));
    // 303-like: someone whose only topic is over has simply gone after it.
    let mut parts = parts.clone();
    parts.retain(|p| !(p.person_id == 300 && p.topic_id == Some(12)));
    let r = roster::build(&m, &topics, &parts, &events, at("09:50:00"));
    assert_eq!(
        r.line(300).expect("300").after_topic,
        Some(AfterTopic::Done)
    );
}
