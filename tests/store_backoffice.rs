//! The back office's tables (schema v3): every change written through the one transaction
//! type reads back as the screen showed it before the disk had it, and is audited with
//! its old and new values (R9.4).
use chrono::{DateTime, NaiveDate};

use huiwu::domain::Time;
use huiwu::domain::agenda::Urgency;
use huiwu::domain::booking::RoomBooking;
use huiwu::domain::classified::{ClassifiedCopy, HandedOut};
use huiwu::domain::coverage::{Coverage, CoverageException};
use huiwu::domain::intake::{LegalMatters, TopicRegistration};
use huiwu::domain::materials::{Delivery, DeliveryWay, MaterialPackage};
use huiwu::domain::meeting::{DEFAULT_ROOM, Meeting, MeetingStatus};
use huiwu::domain::notice::{Notice, NoticeChannel, Reply};
use huiwu::domain::people::{Participation, Person, Role};
use huiwu::domain::review::{ReviewEntry, ReviewItem, Verdict};
use huiwu::domain::submission::{Signature, SubmissionEvent, SubmissionStep};
use huiwu::domain::topic::{Channel, Scope};
use huiwu::domain::topic_stage::TopicStage;
use huiwu::store::calendar::{CalendarChange, DayKind, OfficeDay};
use huiwu::store::change::Change;
use huiwu::store::intake::TopicChange;
use huiwu::store::office_view::OfficeView;
use huiwu::store::planning::MeetingChange;
use huiwu::store::prep::{PrepChange, StoredCopy, StoredPackage};
use huiwu::store::roster::{PeopleChange, RosterPerson};
use huiwu::store::{Store, new_id};

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

const NOW: &str = "2026-03-04T10:00:00+08:00";

/// Write `changes` as one transaction and check that the database now reads back exactly
/// as the in-memory model the screen showed (`view` with the changes laid over it).
fn commit(store: &mut Store, view: &mut OfficeView, changes: Vec<Change>) {
    store
        .transact_at(t(NOW), |tx| {
            for c in &changes {
                c.apply(tx)?;
            }
            Ok(())
        })
        .unwrap();
    for c in &changes {
        view.apply(c);
    }
    let loaded = OfficeView::load(store).unwrap();
    assert_eq!(&loaded, view, "the database and the screen disagree");
}

fn person(id: i64, name: &str, title: &str, dept: &str) -> RosterPerson {
    RosterPerson {
        person: Person {
            id,
            name: name.into(),
            title: title.into(),
            department: dept.into(),
            phone: "0477-7512345".into(),
            initials: huiwu::domain::initials::initials(name),
        },
        own_initials: String::new(),
        retired_at: None,
    }
}

fn meeting(id: i64, start: &str) -> Meeting {
    Meeting {
        id,
        title: "局长办公例会".into(),
        starts_at: t(start),
        room: DEFAULT_ROOM.into(),
        waiting_room: Some("二楼小会议室".into()),
        chair_id: None,
        status: MeetingStatus::Planned,
        postponed_from: None,
        current_topic_id: None,
        is_demo: false,
    }
}

fn registration(deputy: i64) -> TopicRegistration {
    TopicRegistration {
        title: "关于开展冬季治安防范专项行动的工作方案".into(),
        department: "治安大队".into(),
        deputy_id: deputy,
        channel: Channel::RegistrationForm,
        scope: Scope::new(2).unwrap(),
        summary: "入冬以来盗窃警情上升".into(),
        alternatives: vec!["方案一：全面巡防".into(), "方案二：重点巡防".into()],
        legal_basis: "《治安管理处罚法》".into(),
        background: "去年同期对比".into(),
        involved_departments: vec!["刑侦大队".into()],
        legal_matters: LegalMatters {
            public_order: true,
            ..LegalMatters::default()
        },
        material_copies: 12,
        classified: true,
        submitted_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
    }
}

fn setup() -> (Store, OfficeView) {
    let store = Store::open_in_memory("马丽").unwrap();
    let view = OfficeView::load(&store).unwrap();
    (store, view)
}

#[test]
fn the_roster_adds_edits_retires_and_imports_with_the_audit_naming_each_field() {
    let (mut store, mut view) = setup();
    let mut p = person(new_id(), "单伟", "大队长", "治安大队");
    commit(
        &mut store,
        &mut view,
        vec![Change::People(PeopleChange::Save { person: p.clone() })],
    );
    assert_eq!(
        view.people[0].person.initials, "sw",
        "单 as a surname is shan"
    );
    p.person.phone = "13800000000".into();
    p.own_initials = "dw".into();
    p.person.initials = "dw".into();
    commit(
        &mut store,
        &mut view,
        vec![Change::People(PeopleChange::Save { person: p.clone() })],
    );
    let audit = store.audit_trail().unwrap();
    let phone = audit
        .iter()
        .find(|a| a.field.as_deref() == Some("phone") && a.action == "edit")
        .expect("the phone edit is audited");
    assert_eq!(phone.old.as_deref(), Some("0477-7512345"));
    assert_eq!(phone.new.as_deref(), Some("13800000000"));
    let retired = Change::People(PeopleChange::Retire {
        person_id: p.person.id,
        retired_at: Some(t(NOW)),
    });
    commit(&mut store, &mut view, vec![retired]);
    assert!(!view.people[0].is_active());
    let import = Change::People(PeopleChange::Import {
        people: vec![
            person(new_id(), "王建国", "局长", "局领导"),
            person(new_id(), "高敏", "科员", "办公室"),
        ],
    });
    commit(&mut store, &mut view, vec![import]);
    assert_eq!(view.people.len(), 3);
    assert_eq!(view.active_people().len(), 2);
}

#[test]
fn an_import_with_a_line_the_database_refuses_leaves_nobody_behind() {
    let (mut store, _) = setup();
    let id = new_id();
    let import = Change::People(PeopleChange::Import {
        // The same id twice: the second insert updates the first — so force a refusal
        // with a name the schema cannot take instead.
        people: vec![person(id, "王建国", "局长", "局领导")],
    });
    let bad = Change::Topic(TopicChange::Review {
        entry_id: new_id(),
        topic_id: 987654321, // no such topic: the foreign key refuses
        entry: ReviewEntry {
            item: ReviewItem::WithinScope,
            by: "马丽".into(),
            at: t(NOW),
            verdict: Verdict::Pass,
            note: String::new(),
        },
    });
    let res = store.transact_at(t(NOW), |tx| {
        import.apply(tx)?;
        bad.apply(tx)
    });
    assert!(res.is_err());
    assert!(store.roster().unwrap().is_empty(), "all or nothing");
}

#[test]
fn a_topic_from_intake_to_the_agenda_and_back() {
    let (mut store, mut view) = setup();
    let deputy = person(new_id(), "刘卫东", "副局长", "局领导");
    commit(
        &mut store,
        &mut view,
        vec![Change::People(PeopleChange::Save {
            person: deputy.clone(),
        })],
    );
    let m = meeting(new_id(), "2026-03-09T09:00:00+08:00");
    commit(
        &mut store,
        &mut view,
        vec![Change::Meeting(MeetingChange::Create {
            meeting: m.clone(),
            people: vec![Participation {
                id: new_id(),
                meeting_id: m.id,
                person_id: deputy.person.id,
                role: Role::Attending,
                topic_id: None,
                is_recorder: false,
            }],
        })],
    );
    let topic = new_id();
    commit(
        &mut store,
        &mut view,
        vec![Change::Topic(TopicChange::Save {
            topic_id: topic,
            registration: registration(deputy.person.id),
            stage: TopicStage::Proposed,
        })],
    );
    let mut review = Vec::new();
    for item in ReviewItem::ALL {
        review.push(Change::Topic(TopicChange::Review {
            entry_id: new_id(),
            topic_id: topic,
            entry: ReviewEntry {
                item,
                by: "孙立平".into(),
                at: t(NOW),
                verdict: Verdict::Pass,
                note: "一致".into(),
            },
        }));
    }
    review.push(Change::Topic(TopicChange::Stage {
        topic_id: topic,
        from: TopicStage::Proposed,
        to: TopicStage::Ready,
    }));
    commit(&mut store, &mut view, review);
    assert_eq!(view.review_result(topic), Ok(()));
    commit(
        &mut store,
        &mut view,
        vec![Change::Topic(TopicChange::Schedule {
            topic_id: topic,
            meeting_id: m.id,
            seq: 1,
            urgency: Urgency::Important,
            added_at: t(NOW),
            after_cutoff: false,
        })],
    );
    assert_eq!(view.agenda(m.id).items.len(), 1);
    // The console sees it on the meeting's agenda.
    assert_eq!(store.topics(m.id).unwrap()[0].title, registration(0).title);
    let sitting = Participation {
        id: new_id(),
        meeting_id: m.id,
        person_id: deputy.person.id,
        role: Role::SittingIn,
        topic_id: Some(topic),
        is_recorder: false,
    };
    commit(
        &mut store,
        &mut view,
        vec![Change::Meeting(MeetingChange::AddPerson {
            participation: sitting,
        })],
    );
    commit(
        &mut store,
        &mut view,
        vec![
            Change::Topic(TopicChange::Urgency {
                topic_id: topic,
                urgency: Urgency::Urgent,
            }),
            Change::Topic(TopicChange::Order {
                meeting_id: m.id,
                topics: vec![topic],
            }),
        ],
    );
    commit(
        &mut store,
        &mut view,
        vec![Change::Topic(TopicChange::Unschedule {
            topic_id: topic,
            meeting_id: m.id,
        })],
    );
    assert_eq!(view.topic(topic).map(|t| t.stage), Some(TopicStage::Ready));
    assert_eq!(
        view.parts_of(m.id).len(),
        1,
        "the topic's sitting-in person went with it"
    );
}

#[test]
fn a_topic_the_console_ended_reads_as_discussed_then_decided() {
    let (mut store, mut view) = setup();
    let m = meeting(new_id(), "2026-03-09T09:00:00+08:00");
    let topic = new_id();
    commit(
        &mut store,
        &mut view,
        vec![
            Change::Meeting(MeetingChange::Create {
                meeting: m.clone(),
                people: vec![],
            }),
            Change::Topic(TopicChange::Save {
                topic_id: topic,
                registration: registration(0),
                stage: TopicStage::Ready,
            }),
            Change::Topic(TopicChange::Schedule {
                topic_id: topic,
                meeting_id: m.id,
                seq: 1,
                urgency: Urgency::Routine,
                added_at: t(NOW),
                after_cutoff: false,
            }),
        ],
    );
    store
        .advance_topic(m.id, None, Some(topic), t("2026-03-09T09:05:00+08:00"), &[])
        .unwrap();
    store
        .advance_topic(m.id, Some(topic), None, t("2026-03-09T09:40:00+08:00"), &[])
        .unwrap();
    let stage = |s: &Store| OfficeView::load(s).unwrap().topic(topic).map(|t| t.stage);
    assert_eq!(stage(&store), Some(TopicStage::Discussed));
    let mut d = huiwu::domain::decision::Decision::empty(topic, None);
    d.outcome = Some(huiwu::domain::decision::Outcome::Approved);
    d.text = "同意".into();
    d.decided_at = Some(t("2026-03-09T09:39:00+08:00"));
    store.save_decision(&d).unwrap();
    assert_eq!(stage(&store), Some(TopicStage::Decided));
    // Carried over instead: a copy, ready, with its checklist.
    let mut view = OfficeView::load(&store).unwrap();
    let copy = new_id();
    store
        .transact_at(t(NOW), |tx| {
            Change::Topic(TopicChange::CarryOver {
                from: topic,
                topic_id: copy,
            })
            .apply(tx)
        })
        .unwrap();
    view.apply(&Change::Topic(TopicChange::CarryOver {
        from: topic,
        topic_id: copy,
    }));
    let loaded = OfficeView::load(&store).unwrap();
    assert_eq!(loaded.topic(copy), view.topic(copy));
    assert_eq!(loaded.topic(copy).map(|t| t.stage), Some(TopicStage::Ready));
}

#[test]
fn a_meeting_planned_edited_postponed_with_its_agenda_and_people_moved() {
    let (mut store, mut view) = setup();
    let chair = person(new_id(), "王建国", "局长", "局领导");
    let staff = person(new_id(), "高敏", "科员", "办公室");
    commit(
        &mut store,
        &mut view,
        vec![Change::People(PeopleChange::Import {
            people: vec![chair.clone(), staff.clone()],
        })],
    );
    let mut m = meeting(new_id(), "2026-03-09T09:00:00+08:00");
    let part = |person_id, role| Participation {
        id: new_id(),
        meeting_id: m.id,
        person_id,
        role,
        topic_id: None,
        is_recorder: false,
    };
    let people = vec![
        part(chair.person.id, Role::Attending),
        part(staff.person.id, Role::Staff),
    ];
    commit(
        &mut store,
        &mut view,
        vec![Change::Meeting(MeetingChange::Create {
            meeting: m.clone(),
            people,
        })],
    );
    m.chair_id = Some(chair.person.id);
    m.waiting_room = None;
    commit(
        &mut store,
        &mut view,
        vec![
            Change::Meeting(MeetingChange::Edit { meeting: m.clone() }),
            Change::Meeting(MeetingChange::Recorder {
                meeting_id: m.id,
                person_id: Some(staff.person.id),
            }),
            Change::Meeting(MeetingChange::ProposeAgenda {
                meeting_id: m.id,
                at: t("2026-03-06T11:00:00+08:00"),
                by: "马丽".into(),
            }),
            Change::Meeting(MeetingChange::OverNormReason {
                meeting_id: m.id,
                reason: "年末集中研究".into(),
            }),
            Change::Meeting(MeetingChange::Coverage {
                id: new_id(),
                meeting_id: m.id,
                exception: CoverageException::new(
                    Coverage {
                        photos: true,
                        ..Coverage::NONE
                    },
                    "王建国",
                    t(NOW),
                    "宣传需要",
                )
                .unwrap(),
            }),
        ],
    );
    assert_eq!(view.meeting_people(m.id).recorder, Some(staff.person.id));
    let chair_audit = store.audit_trail().unwrap();
    assert!(
        chair_audit
            .iter()
            .any(|a| a.field.as_deref() == Some("chair_id")
                && a.new.as_deref() == Some(chair.person.id.to_string().as_str())),
        "the chair is audited"
    );
    let mut replacement = meeting(new_id(), "2026-03-16T09:00:00+08:00");
    replacement.postponed_from = Some(m.id);
    commit(
        &mut store,
        &mut view,
        vec![Change::Meeting(MeetingChange::Postpone {
            original: m.id,
            replacement: replacement.clone(),
        })],
    );
    assert_eq!(
        view.meeting(m.id).map(|x| x.status),
        Some(MeetingStatus::Postponed)
    );
    assert_eq!(view.parts_of(replacement.id).len(), 2);
    assert!(view.agenda(replacement.id).over_norm_reason.is_some());
    let removed = view.parts_of(replacement.id)[0].id;
    commit(
        &mut store,
        &mut view,
        vec![Change::Meeting(MeetingChange::RemovePerson {
            participation_id: removed,
        })],
    );
    assert_eq!(view.parts_of(replacement.id).len(), 1);
}

#[test]
fn the_approval_chain_reads_back_in_order() {
    let (mut store, mut view) = setup();
    let m = meeting(new_id(), "2026-03-09T09:00:00+08:00");
    commit(
        &mut store,
        &mut view,
        vec![Change::Meeting(MeetingChange::Create {
            meeting: m.clone(),
            people: vec![],
        })],
    );
    let sign = |step, at: &str| {
        Change::Meeting(MeetingChange::Submission {
            id: new_id(),
            meeting_id: m.id,
            event: SubmissionEvent::Signed(Signature {
                step,
                by: "马丽".into(),
                at: t(at),
                opinion: "拟同意".into(),
            }),
        })
    };
    commit(
        &mut store,
        &mut view,
        vec![
            sign(SubmissionStep::Filled, "2026-03-05T09:00:00+08:00"),
            Change::Meeting(MeetingChange::Submission {
                id: new_id(),
                meeting_id: m.id,
                event: SubmissionEvent::SentBack {
                    at_step: SubmissionStep::OfficeDirectorReviewed,
                    by: "李主任".into(),
                    at: t("2026-03-05T10:00:00+08:00"),
                    reason: "议题二材料不全".into(),
                },
            }),
            sign(SubmissionStep::Filled, "2026-03-05T11:00:00+08:00"),
        ],
    );
    let s = view.submission(m.id);
    assert_eq!(s.next_step(), Some(SubmissionStep::OfficeDirectorReviewed));
    assert!(s.last_sent_back().is_some());
}

#[test]
fn preparation_rows_read_back() {
    let (mut store, mut view) = setup();
    let holder = person(new_id(), "周强", "大队长", "刑侦大队");
    let m = meeting(new_id(), "2026-03-09T09:00:00+08:00");
    let topic = new_id();
    commit(
        &mut store,
        &mut view,
        vec![
            Change::People(PeopleChange::Save {
                person: holder.clone(),
            }),
            Change::Meeting(MeetingChange::Create {
                meeting: m.clone(),
                people: vec![],
            }),
            Change::Topic(TopicChange::Save {
                topic_id: topic,
                registration: registration(holder.person.id),
                stage: TopicStage::Ready,
            }),
        ],
    );
    let package = new_id();
    let copy = new_id();
    commit(
        &mut store,
        &mut view,
        vec![
            Change::Prep(PrepChange::Booking {
                meeting_id: m.id,
                booking: RoomBooking::new(DEFAULT_ROOM, "二楼小会议室", "杨帆", t(NOW)).unwrap(),
            }),
            Change::Prep(PrepChange::Notice {
                id: new_id(),
                meeting_id: m.id,
                notice: Notice::new("刑侦大队", "周强", NoticeChannel::WeChat, "杨帆", t(NOW))
                    .unwrap(),
            }),
            Change::Prep(PrepChange::Reply {
                id: new_id(),
                meeting_id: m.id,
                reply: Reply {
                    department: "刑侦大队".into(),
                    at: t(NOW),
                    attendees: vec!["周强".into(), "李四".into()],
                },
            }),
            Change::Prep(PrepChange::Packages {
                packages: vec![StoredPackage {
                    id: package,
                    meeting_id: m.id,
                    package: MaterialPackage {
                        topic_id: topic,
                        department: "刑侦大队".into(),
                        copies: 2,
                        classified: false,
                        delivery: None,
                    },
                }],
            }),
            Change::Prep(PrepChange::Copies {
                copies: vec![StoredCopy {
                    id: copy,
                    meeting_id: m.id,
                    copy: ClassifiedCopy {
                        topic_id: topic,
                        number: 1,
                        holder: None,
                        handed_out: None,
                        returned_at: None,
                    },
                }],
            }),
        ],
    );
    commit(
        &mut store,
        &mut view,
        vec![
            Change::Prep(PrepChange::Delivery {
                package_id: package,
                delivery: Delivery::new(
                    t(NOW),
                    "杨帆",
                    DeliveryWay::Fallback("微信发送电子版".into()),
                )
                .unwrap(),
            }),
            Change::Prep(PrepChange::HandOut {
                copy_id: copy,
                holder: holder.person.id,
                at: t("2026-03-09T08:50:00+08:00"),
                how: HandedOut::AtCheckIn,
            }),
            Change::Prep(PrepChange::OutReason {
                meeting_id: m.id,
                reason: "周强带回队里传阅，次日交回".into(),
                at: t("2026-03-09T11:00:00+08:00"),
            }),
        ],
    );
    assert!(view.prep.copies[0].copy.is_out());
    commit(
        &mut store,
        &mut view,
        vec![Change::Prep(PrepChange::Collect {
            copy_id: copy,
            at: t("2026-03-09T11:30:00+08:00"),
        })],
    );
    assert!(!view.prep.copies[0].copy.is_out());
    assert_eq!(store.classified_copies(m.id).unwrap().len(), 1);
}

#[test]
fn the_office_calendar_lies_over_the_official_one() {
    let (mut store, _) = setup();
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let before = store.calendar().unwrap();
    assert!(!before.covers(2027));
    assert!(!before.is_working_day(d("2026-10-01")));
    let changes = [
        Change::Calendar(CalendarChange::Year {
            year: 2027,
            source: Some("国务院办公厅关于2027年部分节假日安排的通知".into()),
        }),
        Change::Calendar(CalendarChange::Import {
            years: vec![],
            days: vec![OfficeDay {
                date: d("2027-01-01"),
                kind: DayKind::Holiday,
                name: "元旦".into(),
            }],
        }),
        // The office works on a day the State Council gave off (a local arrangement).
        Change::Calendar(CalendarChange::Day {
            date: d("2026-10-01"),
            kind: Some(DayKind::MakeupDay),
            name: "值班".into(),
        }),
    ];
    store
        .transact_at(t(NOW), |tx| changes.iter().try_for_each(|c| c.apply(tx)))
        .unwrap();
    let cal = store.calendar().unwrap();
    assert!(cal.covers(2027));
    assert!(!cal.is_working_day(d("2027-01-01")));
    assert!(cal.is_working_day(d("2026-10-01")));
    store
        .transact_at(t(NOW), |tx| {
            Change::Calendar(CalendarChange::Day {
                date: d("2026-10-01"),
                kind: None,
                name: String::new(),
            })
            .apply(tx)
        })
        .unwrap();
    assert!(!store.calendar().unwrap().is_working_day(d("2026-10-01")));
}

#[test]
fn the_demo_people_stay_off_the_roster() {
    let (mut store, _) = setup();
    huiwu::demo::load(&mut store, t(NOW)).unwrap();
    assert!(store.roster().unwrap().is_empty());
    assert!(OfficeView::load(&store).unwrap().meetings.is_empty());
    assert!(
        !store.people().unwrap().is_empty(),
        "the console still names them"
    );
}

#[test]
fn back_office_changes_survive_the_emergency_file() {
    use huiwu::emergency::Emergency;
    use huiwu::store::writer::Job;
    let m = meeting(5, "2026-03-09T09:00:00+08:00");
    let changes = vec![
        Change::Topic(TopicChange::Save {
            topic_id: 7,
            registration: registration(3),
            stage: TopicStage::Proposed,
        }),
        Change::Meeting(MeetingChange::Create {
            meeting: m,
            people: vec![],
        }),
        Change::People(PeopleChange::Save {
            person: person(9, "曾强", "所长", "看守所"),
        }),
        Change::Calendar(CalendarChange::Import {
            years: vec![(2027, "通知".into())],
            days: vec![],
        }),
        Change::Prep(PrepChange::Delivery {
            package_id: 3,
            delivery: Delivery::new(t(NOW), "杨帆", DeliveryWay::Delivered).unwrap(),
        }),
    ];
    let job = std::sync::Arc::new(Job {
        generation: 1,
        at: t(NOW),
        changes: changes.clone(),
    });
    let e = Emergency::new(std::path::Path::new("/tmp/x.db"), "马丽", t(NOW), &[job]);
    assert!(
        e.texts.iter().any(|x| x.text == "入冬以来盗窃警情上升"),
        "the typed summary is kept readable"
    );
    let text = e.to_toml().unwrap();
    let back = Emergency::parse(&text).unwrap();
    assert_eq!(back.jobs[0].changes, changes);
}
