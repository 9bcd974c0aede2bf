//! The preparation dashboard (R2, R4): each stage's state, deadline and what is missing.
use huiwu::domain::Time;
use huiwu::domain::agenda::{Agenda, Candidate, Urgency};
use huiwu::domain::booking::{BookingGap, RoomBooking};
use huiwu::domain::calendar::Calendar;
use huiwu::domain::classified::prepare;
use huiwu::domain::materials::{Delivery, DeliveryWay, MaterialPackage};
use huiwu::domain::meeting_people::StaffProblem;
use huiwu::domain::notice::{Notice, NoticeChannel, Reply};
use huiwu::domain::prep::*;
use huiwu::domain::review::ReviewItem;
use huiwu::domain::submission::{Submission, SubmissionStep};
use huiwu::domain::topic::Channel;

use crate::{d, t};

const MONDAY: &str = "2026-03-09T09:00:00+08:00";

/// The facts of one week, owned.
struct Week {
    starts_at: Time,
    agenda: Agenda,
    topics: Vec<TopicFacts>,
    submission: Submission,
    booking: Option<RoomBooking>,
    departments: Vec<String>,
    notices: Vec<Notice>,
    replies: Vec<Reply>,
    materials: Vec<MaterialPackage>,
    copies: Vec<huiwu::domain::classified::ClassifiedCopy>,
    attending: usize,
    staff: Result<(), StaffProblem>,
}

impl Week {
    /// Two topics: 1 ready, 2 classified and waiting for the legal review.
    fn new(starts_at: &str) -> Week {
        let mut agenda = Agenda::default();
        for id in [1, 2] {
            agenda
                .add(
                    Candidate {
                        topic_id: id,
                        channel: Channel::RegistrationForm,
                        urgency: Urgency::Routine,
                        review: Ok(()),
                    },
                    t(starts_at),
                    t("2026-03-02T10:00:00+08:00"),
                    None,
                )
                .unwrap();
        }
        Week {
            starts_at: t(starts_at),
            agenda,
            topics: vec![
                TopicFacts {
                    topic_id: 1,
                    review: Ok(()),
                    classified: false,
                    copies_needed: 0,
                },
                TopicFacts {
                    topic_id: 2,
                    review: Err(ReviewItem::LegalReviewed),
                    classified: true,
                    copies_needed: 9,
                },
            ],
            submission: Submission::default(),
            booking: None,
            departments: vec!["局领导".into(), "治安大队".into()],
            notices: vec![],
            replies: vec![],
            materials: vec![package(1, "局领导"), package(1, "治安大队")],
            copies: vec![],
            attending: 5,
            staff: Ok(()),
        }
    }

    fn board(&self, now: &str) -> Vec<Stage> {
        let facts = PrepFacts {
            meeting_starts_at: self.starts_at,
            agenda: &self.agenda,
            topics: &self.topics,
            submission: &self.submission,
            attending: self.attending,
            staff: self.staff,
            booking: self.booking.as_ref(),
            waiting_room_needed: true,
            departments: &self.departments,
            notices: &self.notices,
            replies: &self.replies,
            materials: &self.materials,
            classified_copies: &self.copies,
        };
        dashboard(&facts, t(now), &Calendar::official())
    }

    fn stage(&self, now: &str, kind: StageKind) -> Stage {
        self.board(now)
            .into_iter()
            .find(|s| s.kind == kind)
            .unwrap()
    }

    /// Everything done in time.
    fn complete(mut self) -> Week {
        self.topics[1].review = Ok(());
        self.agenda.proposed_at = Some(t("2026-03-06T10:00:00+08:00"));
        let at = |h: &str| t(&format!("2026-03-06T{h}:00+08:00"));
        for (step, by, h) in [
            (SubmissionStep::Filled, "杨帆", "10:00"),
            (SubmissionStep::OfficeDirectorReviewed, "马丽", "10:30"),
            (SubmissionStep::DeputyApproved, "刘卫东", "11:00"),
            (SubmissionStep::DirectorSigned, "王建国", "11:30"),
        ] {
            self.submission.sign(step, by, at(h), "").unwrap();
        }
        self.booking =
            Some(RoomBooking::new("旗局二楼党委会议室", "小会议室", "杨帆", at("09:00")).unwrap());
        for dep in ["局领导", "治安大队"] {
            self.notices.push(
                Notice::new(
                    dep,
                    "x",
                    NoticeChannel::Phone,
                    "杨帆",
                    t("2026-03-07T09:00:00+08:00"),
                )
                .unwrap(),
            );
            self.replies.push(Reply {
                department: dep.into(),
                at: t("2026-03-07T15:00:00+08:00"),
                attendees: vec!["x".into()],
            });
        }
        for m in &mut self.materials {
            m.delivery = Some(Delivery::new(at("16:00"), "杨帆", DeliveryWay::Delivered).unwrap());
        }
        self.copies = prepare(2, 9, &[]);
        self
    }
}

fn package(topic_id: i64, department: &str) -> MaterialPackage {
    MaterialPackage {
        topic_id,
        department: department.into(),
        copies: 1,
        classified: false,
        delivery: None,
    }
}

fn states(board: &[Stage]) -> Vec<(StageKind, StageState)> {
    board.iter().map(|s| (s.kind, s.state)).collect()
}

#[test]
fn every_stage_is_listed_with_its_deadline() {
    let w = Week::new(MONDAY);
    let board = w.board("2026-03-04T10:00:00+08:00");
    use StageKind::*;
    assert_eq!(
        board.iter().map(|s| s.kind).collect::<Vec<_>>(),
        vec![
            TopicsReady,
            Agenda,
            Approval,
            Room,
            Notices,
            Replies,
            Materials,
            ClassifiedCopies
        ]
    );
    let due = |k| board.iter().find(|s| s.kind == k).unwrap().due;
    assert_eq!(due(Agenda), Due::At(t("2026-03-06T12:00:00+08:00")));
    assert_eq!(due(Materials), Due::EndOfDay(d("2026-03-06")));
    assert_eq!(
        due(Notices),
        Due::Window {
            from: d("2026-03-07"),
            to: d("2026-03-08")
        }
    );
    assert_eq!(due(Replies), Due::EndOfDay(d("2026-03-08")));
    assert_eq!(
        due(ClassifiedCopies),
        Due::At(t("2026-03-09T08:45:00+08:00"))
    );
    // On Wednesday nothing is due yet.
    assert!(
        board.iter().all(|s| s.state == StageState::Pending),
        "{:?}",
        states(&board)
    );
}

#[test]
fn the_agenda_turns_amber_the_day_before_and_red_after_friday_noon() {
    let w = Week::new(MONDAY);
    assert_eq!(
        w.stage("2026-03-05T11:59:00+08:00", StageKind::Agenda)
            .state,
        StageState::Pending
    );
    assert_eq!(
        w.stage("2026-03-06T11:59:00+08:00", StageKind::Agenda)
            .state,
        StageState::DueSoon
    );
    let late = w.stage("2026-03-06T12:01:00+08:00", StageKind::Agenda);
    assert_eq!(late.state, StageState::Overdue);
    assert_eq!(late.missing, vec![Missing::AgendaNotProposed]);
    // The topic waiting for the legal review is named, with the item.
    let topics = w.stage("2026-03-06T12:01:00+08:00", StageKind::TopicsReady);
    assert_eq!(topics.state, StageState::Overdue);
    assert_eq!(
        topics.missing,
        vec![Missing::TopicNotReady {
            topic_id: 2,
            item: ReviewItem::LegalReviewed
        }]
    );
}

#[test]
fn notices_are_amber_in_their_window_and_name_who_is_missing() {
    let mut w = Week::new(MONDAY);
    // Sent on Friday, 3 days before: counted, with a note that it was early.
    w.notices.push(
        Notice::new(
            "局领导",
            "王建国",
            NoticeChannel::WeChat,
            "杨帆",
            t("2026-03-06T16:00:00+08:00"),
        )
        .unwrap(),
    );
    assert_eq!(
        w.stage("2026-03-06T23:00:00+08:00", StageKind::Notices)
            .state,
        StageState::Pending
    );
    let s = w.stage("2026-03-07T10:00:00+08:00", StageKind::Notices);
    assert_eq!(s.state, StageState::DueSoon);
    assert_eq!(
        s.missing,
        vec![Missing::Notice {
            department: "治安大队".into()
        }]
    );
    assert_eq!(
        s.notes,
        vec![Note::NoticeEarly {
            department: "局领导".into(),
            days_before: 3
        }]
    );
    assert_eq!(
        w.stage("2026-03-09T00:01:00+08:00", StageKind::Notices)
            .state,
        StageState::Overdue
    );
}

#[test]
fn missing_replies_turn_red_after_the_day_before() {
    let mut w = Week::new(MONDAY);
    w.replies.push(Reply {
        department: "局领导".into(),
        at: t("2026-03-08T10:00:00+08:00"),
        attendees: vec!["王建国".into()],
    });
    assert_eq!(
        w.stage("2026-03-08T10:00:00+08:00", StageKind::Replies)
            .state,
        StageState::DueSoon
    );
    let s = w.stage("2026-03-09T00:00:00+08:00", StageKind::Replies);
    assert_eq!(s.state, StageState::Overdue);
    assert_eq!(
        s.missing,
        vec![Missing::Reply {
            department: "治安大队".into()
        }]
    );
}

#[test]
fn materials_follow_the_working_day_before_and_warn_of_an_unknown_year() {
    // Monday 28 September 2026: Friday is the Mid-Autumn holiday, so Thursday.
    let w = Week::new("2026-09-28T09:00:00+08:00");
    let s = w.stage("2026-09-25T10:00:00+08:00", StageKind::Materials);
    assert_eq!(s.due, Due::EndOfDay(d("2026-09-24")));
    assert_eq!(s.state, StageState::Overdue);
    assert_eq!(s.uncovered_year, None);
    assert_eq!(
        s.missing,
        vec![
            Missing::Delivery {
                topic_id: 1,
                department: "局领导".into()
            },
            Missing::Delivery {
                topic_id: 1,
                department: "治安大队".into()
            },
        ]
    );
    // Monday 4 January 2027: counted through days the calendar does not know.
    let w = Week::new("2027-01-04T09:00:00+08:00");
    let s = w.stage("2026-12-28T10:00:00+08:00", StageKind::Materials);
    assert_eq!(s.uncovered_year, Some(2027));
}

#[test]
fn a_week_done_in_time_is_all_green() {
    let w = Week::new(MONDAY).complete();
    let board = w.board("2026-03-09T08:30:00+08:00");
    assert!(
        board
            .iter()
            .all(|s| s.state == StageState::Done && s.missing.is_empty()),
        "{board:#?}"
    );
}

#[test]
fn what_is_missing_in_the_approval_room_and_classified_copies() {
    let mut w = Week::new(MONDAY).complete();
    w.submission = Submission::default();
    w.submission
        .sign(
            SubmissionStep::Filled,
            "杨帆",
            t("2026-03-05T10:00:00+08:00"),
            "",
        )
        .unwrap();
    w.booking = Some(
        RoomBooking::new(
            "旗局二楼党委会议室",
            "",
            "杨帆",
            t("2026-03-05T10:00:00+08:00"),
        )
        .unwrap(),
    );
    w.copies = prepare(2, 5, &[]);
    let now = "2026-03-06T10:00:00+08:00";
    let approval = w.stage(now, StageKind::Approval);
    assert_eq!(approval.state, StageState::DueSoon);
    assert_eq!(
        approval.missing,
        vec![Missing::Approval(SubmissionStep::OfficeDirectorReviewed)]
    );
    assert_eq!(
        w.stage(now, StageKind::Room).missing,
        vec![Missing::Booking(BookingGap::WaitingRoom)]
    );
    assert_eq!(
        w.stage(now, StageKind::ClassifiedCopies).missing,
        vec![Missing::ClassifiedCopies {
            topic_id: 2,
            prepared: 5,
            needed: 9
        }]
    );
}

#[test]
fn the_agenda_is_not_done_while_nobody_attends_or_no_recorder_is_named() {
    let mut w = Week::new(MONDAY).complete();
    w.attending = 0;
    w.staff = Err(StaffProblem::NoRecorder);
    let agenda = w.stage("2026-03-06T10:00:00+08:00", StageKind::Agenda);
    assert_eq!(
        agenda.missing,
        vec![
            Missing::NoAttending,
            Missing::Staff(StaffProblem::NoRecorder)
        ]
    );
    assert_eq!(agenda.state, StageState::DueSoon);
}
