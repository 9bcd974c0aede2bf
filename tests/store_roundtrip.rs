//! The database on a real file: creating and migrating it, reading back everything that
//! was written, the audit trail (R9.4), refusing files that are not ours, lock and
//! permission failures, all-or-nothing saves, the background saver (R9.1) and the demo.
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use rusqlite::Connection;
use tempfile::TempDir;

use huiwu::domain::attendance::{AttendanceEvent, EventKind, Place, Presence, Punctuality};
use huiwu::domain::decision::{DEFAULT_SUPERVISOR, Decision, Outcome};
use huiwu::domain::meeting::{DEFAULT_ROOM, Meeting, MeetingStatus};
use huiwu::domain::people::{Participation, Person, Role};
use huiwu::domain::procedure::{Entry, Step, StepRecord};
use huiwu::domain::roster;
use huiwu::domain::topic::{Channel, Scope, Topic, TopicStatus};
use huiwu::domain::{Id, Time};
use huiwu::store::change::Change;
use huiwu::store::procedure::NewEntry;
use huiwu::store::writer::{Job, Report, SaveQueue, Writer};
use huiwu::store::{SessionState, Store, StoreError};

const OP: &str = "马丽";
const SHORT: Duration = Duration::from_millis(200);
/// A locked database must give up well within this (the busy timeout is 200 ms).
const NO_HANG: Duration = Duration::from_secs(3);

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).expect("test time")
}

fn at(hms: &str) -> Time {
    t(&format!("2026-11-30T{hms}+08:00"))
}

fn db_in(dir: &TempDir) -> PathBuf {
    dir.path().join("huiwu.db")
}

fn person(name: &str, initials: &str) -> Person {
    Person {
        id: 0,
        name: name.into(),
        title: "副局长（分管治安、交管）".into(),
        department: "局领导".into(),
        phone: "0477-7512345".into(),
        initials: initials.into(),
    }
}

fn meeting(title: &str, starts_at: Time) -> Meeting {
    Meeting {
        id: 0,
        title: title.into(),
        starts_at,
        room: DEFAULT_ROOM.into(),
        waiting_room: Some("二楼小会议室（候会室）".into()),
        chair_id: None,
        status: MeetingStatus::Planned,
        postponed_from: None,
        current_topic_id: None,
        is_demo: false,
    }
}

fn topic(meeting_id: Id, seq: u32, scope: u8) -> Topic {
    Topic {
        id: 0,
        meeting_id: Some(meeting_id),
        seq,
        title: format!("关于第{seq}项工作的请示"),
        department: "治安大队".into(),
        deputy_id: None,
        channel: Channel::RegistrationForm,
        scope: Scope::new(scope).expect("scope"),
        needs_legal_review: false,
        alternatives: Vec::new(),
        status: TopicStatus::Pending,
        started_at: None,
        ended_at: None,
    }
}

/// A file with one meeting and two topics; returns (meeting, topic 1, topic 2).
fn seeded(store: &mut Store) -> (Id, Id, Id) {
    let m = store
        .insert_meeting(&meeting("局长办公例会", at("09:00:00")))
        .unwrap();
    let t1 = store.insert_topic(&topic(m, 1, 2)).unwrap();
    let t2 = store.insert_topic(&topic(m, 2, 3)).unwrap();
    (m, t1, t2)
}

fn new_entry(topic_id: Id, step: Step, speaker: &str, started_at: Time) -> NewEntry<'_> {
    NewEntry {
        topic_id,
        step,
        speaker_id: None,
        speaker_name: speaker,
        off_list: false,
        started_at,
    }
}

/// Deterministic bytes that are not a database.
fn noise(len: usize) -> Vec<u8> {
    let mut x: u32 = 0x1234_5678;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

fn assert_quick<T>(started: Instant, what: &str, r: T) -> T {
    let took = started.elapsed();
    assert!(took < NO_HANG, "{what} took {took:?}: it should give up");
    r
}

// ---------------------------------------------------------------- creating and migrating

#[test]
fn a_new_file_is_created_migrated_and_reopened_without_loss() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let id = {
        let mut store = Store::open(&path, OP).unwrap();
        assert_eq!(store.path(), Some(path.as_path()));
        assert_eq!(store.operator(), OP);
        assert!(store.meetings().unwrap().is_empty());
        store.insert_person(&person("刘卫东", "lwd")).unwrap()
    };
    let audit_before = Store::open(&path, OP).unwrap().audit_trail().unwrap();
    // Opening a second (and third) time migrates nothing and loses nothing.
    let store = Store::open(&path, "杨帆").unwrap();
    let people = store.people().unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].id, id);
    assert_eq!(people[0].name, "刘卫东");
    assert_eq!(store.audit_trail().unwrap(), audit_before);
    assert!(store.check().unwrap().is_empty());
    // The schema is at the latest version after each open.
    let raw = Connection::open(&path).unwrap();
    let v: i64 = raw
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, huiwu::store::SCHEMA_VERSION);
}

#[test]
fn missing_parent_directories_are_created() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("a").join("b").join("huiwu.db");
    let store = Store::open(&path, OP).unwrap();
    assert!(store.check().unwrap().is_empty());
    assert!(path.is_file());
}

#[cfg(unix)]
#[test]
fn the_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    store.insert_person(&person("刘卫东", "lwd")).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "database mode {mode:o}");
    // The write-ahead log holds the same words: it must be no more readable.
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    if wal.exists() {
        let mode = std::fs::metadata(&wal).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "wal mode {mode:o}");
    }
}

#[test]
fn an_empty_existing_file_becomes_a_database() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    std::fs::write(&path, b"").unwrap();
    let mut store = Store::open(&path, OP).unwrap();
    store.insert_person(&person("刘卫东", "lwd")).unwrap();
    assert_eq!(store.people().unwrap().len(), 1);
}

// ---------------------------------------------------------------- round trips

#[test]
fn people_and_meetings_round_trip() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let mut p = person("巴特尔", "bte");
    p.id = store.insert_person(&p).unwrap();
    let mut chair = person("王建国", "wjg");
    chair.title = "局长".into();
    chair.id = store.insert_person(&chair).unwrap();

    let mut original = meeting("局长办公例会（第47期）", at("09:00:00"));
    original.chair_id = Some(chair.id);
    original.status = MeetingStatus::Postponed;
    original.id = store.insert_meeting(&original).unwrap();
    let mut later = meeting(
        "局长办公例会（第47期，顺延）",
        t("2026-12-07T09:00:00+08:00"),
    );
    later.waiting_room = None;
    later.postponed_from = Some(original.id);
    later.is_demo = true;
    later.id = store.insert_meeting(&later).unwrap();
    drop(store);

    let store = Store::open(&path, OP).unwrap();
    assert_eq!(store.people().unwrap(), vec![p, chair]);
    assert_eq!(store.meeting(original.id).unwrap(), Some(original.clone()));
    assert_eq!(store.meeting(later.id).unwrap(), Some(later.clone()));
    assert_eq!(store.meeting(9999).unwrap(), None);
    assert_eq!(store.meetings().unwrap(), vec![original, later.clone()]);
    assert_eq!(store.latest_meeting().unwrap(), Some(later));
    assert!(store.has_demo().unwrap());
}

#[test]
fn meeting_status_changes_are_kept_and_audited() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&db_in(&dir), OP).unwrap();
    let m = store
        .insert_meeting(&meeting("局长办公例会", at("09:00:00")))
        .unwrap();
    store.set_meeting_status(m, MeetingStatus::Closed).unwrap();
    assert_eq!(
        store.meeting(m).unwrap().unwrap().status,
        MeetingStatus::Closed
    );
    let last = store.audit_trail().unwrap().pop().unwrap();
    assert_eq!(last.entity, "meeting");
    assert_eq!(last.entity_id, Some(m));
    assert_eq!(last.old.as_deref(), Some("planned"));
    assert_eq!(last.new.as_deref(), Some("closed"));
}

#[test]
fn topics_round_trip_with_alternatives_scope_and_times() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let deputy = store.insert_person(&person("陈明", "cm")).unwrap();
    let m = store
        .insert_meeting(&meeting("局长办公例会", at("09:00:00")))
        .unwrap();
    let mut written = Vec::new();
    for (seq, scope, channel) in [
        (1, 1, Channel::RegistrationForm),
        (2, 5, Channel::UrgentForm),
        (3, 7, Channel::SpecialMeeting),
        (4, 9, Channel::LeaderInstruction),
    ] {
        let mut tp = topic(m, seq, scope);
        tp.channel = channel;
        written.push(tp);
    }
    written[0].alternatives = vec![
        "方案一：全旗统一部署，为期三个月".into(),
        "方案二：重点地区先行，分两批推开".into(),
        "方案三：暂缓".into(),
    ];
    written[0].deputy_id = Some(deputy);
    written[0].needs_legal_review = true;
    written[0].status = TopicStatus::Done;
    written[0].started_at = Some(at("09:02:00"));
    written[0].ended_at = Some(at("09:41:17"));
    written[1].status = TopicStatus::Current;
    written[1].started_at = Some(at("09:41:17"));
    // Inserted out of order: the agenda reads back by place.
    for i in [2, 0, 3, 1] {
        written[i].id = store.insert_topic(&written[i]).unwrap();
    }
    drop(store);
    let store = Store::open(&path, OP).unwrap();
    assert_eq!(store.topics(m).unwrap(), written);
    let scopes: Vec<u8> = written.iter().map(|x| x.scope.number()).collect();
    assert_eq!(scopes, vec![1, 5, 7, 9]);
}

#[test]
fn participations_round_trip() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (m, t1, _) = seeded(&mut store);
    let leader = store.insert_person(&person("刘卫东", "lwd")).unwrap();
    let head = store.insert_person(&person("吴刚", "wg")).unwrap();
    let legal = store.insert_person(&person("孙立平", "slp")).unwrap();
    let recorder = store.insert_person(&person("高敏", "gm")).unwrap();
    let mut parts = vec![
        Participation {
            id: 0,
            meeting_id: m,
            person_id: leader,
            role: Role::Attending,
            topic_id: None,
            is_recorder: false,
        },
        Participation {
            id: 0,
            meeting_id: m,
            person_id: head,
            role: Role::SittingIn,
            topic_id: Some(t1),
            is_recorder: false,
        },
        Participation {
            id: 0,
            meeting_id: m,
            person_id: legal,
            role: Role::SittingIn,
            topic_id: None,
            is_recorder: false,
        },
        Participation {
            id: 0,
            meeting_id: m,
            person_id: recorder,
            role: Role::Staff,
            topic_id: None,
            is_recorder: true,
        },
    ];
    for p in &mut parts {
        p.id = store.insert_participation(p).unwrap();
    }
    drop(store);
    let store = Store::open(&path, OP).unwrap();
    assert_eq!(store.participations(m).unwrap(), parts);
    assert!(store.participations(m + 100).unwrap().is_empty());
}

#[test]
fn every_attendance_event_kind_round_trips() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (m, _, _) = seeded(&mut store);
    let a = store.insert_person(&person("吴刚", "wg")).unwrap();
    let b = store.insert_person(&person("陈明", "cm")).unwrap();
    let kinds = [
        (a, EventKind::CheckIn { place: Place::Room }, "08:54:00", ""),
        (
            a,
            EventKind::CheckIn {
                place: Place::WaitingRoom,
            },
            "08:56:00",
            "名单外，经马丽同意入场",
        ),
        (a, EventKind::CalledIn, "09:30:00", ""),
        (a, EventKind::Entered, "09:31:00", ""),
        (
            a,
            EventKind::LeftEarly {
                reason: "突发警情，出警".into(),
            },
            "09:50:00",
            "",
        ),
        (a, EventKind::TopicEnded, "10:10:00", ""),
        (a, EventKind::Cleared, "10:11:00", "签到有误，更正"),
        (
            b,
            EventKind::Leave {
                reason: "参加市局专题培训".into(),
                approver: "王建国".into(),
            },
            "08:30:00",
            "",
        ),
        (b, EventKind::Absent, "09:20:00", ""),
    ];
    let mut written = Vec::new();
    for (who, kind, hms, note) in kinds {
        let id = store
            .record_attendance(m, who, &kind, at(hms), note)
            .unwrap();
        written.push(AttendanceEvent {
            id,
            meeting_id: m,
            person_id: who,
            kind,
            at: at(hms),
            note: note.into(),
        });
    }
    drop(store);
    let store = Store::open(&path, OP).unwrap();
    assert_eq!(store.attendance_events(m).unwrap(), written);
    // Times keep their +08:00 offset.
    assert_eq!(written[0].at.to_rfc3339(), "2026-11-30T08:54:00+08:00");
}

#[test]
fn entry_texts_round_trip_including_chinese() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (_, t1, t2) = seeded(&mut store);
    let speaker = store.insert_person(&person("吴刚", "wg")).unwrap();
    let mut e1 = store
        .insert_entry(&NewEntry {
            speaker_id: Some(speaker),
            ..new_entry(t1, Step::Report, "吴刚", at("09:02:00"))
        })
        .unwrap();
    assert_eq!(e1.seq, 1);
    assert!(e1.text.is_empty());
    let mut e2 = store
        .insert_entry(&NewEntry {
            off_list: true,
            ..new_entry(t1, Step::LeadersViews, "某某（名单外）", at("09:20:00"))
        })
        .unwrap();
    let mut e3 = store
        .insert_entry(&new_entry(t1, Step::LeadersViews, "李志强", at("09:25:00")))
        .unwrap();
    // Order within a step: the second speaker of step 3 is number 2.
    assert_eq!((e2.seq, e3.seq), (1, 2));
    let other = store
        .insert_entry(&new_entry(t2, Step::Report, "周强", at("09:45:00")))
        .unwrap();

    e1.text = "入冬以来，全旗盗窃、诈骗类警情较去年同期有所上升。\n\n\
               主要内容有三点：一是……；二是“严打”；三是 24 小时值守。"
        .into();
    e2.text = "同意。".into();
    e3.text = "要注意方法，emoji 👮 与全角标点：，。！？".into();
    store
        .save_entry_texts(
            &[
                (e1.id, e1.text.clone()),
                (e2.id, e2.text.clone()),
                (e3.id, e3.text.clone()),
            ],
            at("09:26:00"),
        )
        .unwrap();
    drop(store);

    let store = Store::open(&path, OP).unwrap();
    let read: Vec<Entry> = store.entries(t1).unwrap();
    assert_eq!(read, vec![e1.clone(), e2, e3]);
    assert_eq!(store.entries(t2).unwrap(), vec![other]);
    // The audit keeps the words of the edit, old -> new, and where they are (R9.4).
    let edit = store
        .audit_trail()
        .unwrap()
        .into_iter()
        .find(|a| a.action == "edit" && a.entity_id == Some(e1.id))
        .unwrap();
    assert_eq!(edit.field.as_deref(), Some("text@0"));
    assert_eq!(edit.old.as_deref(), Some(""));
    assert_eq!(
        edit.new.as_deref(),
        Some(e1.text.as_str()),
        "audit of an edit"
    );
    // A later edit records only the part that changed.
    let mut store = Store::open(&path, OP).unwrap();
    let edited = e1.text.replacen("有所上升", "明显上升", 1);
    store
        .save_entry_texts(&[(e1.id, edited.clone())], at("09:27:00"))
        .unwrap();
    let last = store.audit_trail().unwrap().pop().unwrap();
    let offset = e1.text.chars().take_while(|c| *c != '有').count();
    assert_eq!(last.field, Some(format!("text@{offset}")));
    assert_eq!(last.old.as_deref(), Some("有所"));
    assert_eq!(last.new.as_deref(), Some("明显"));
    assert_eq!(
        last.at, "2026-11-30T09:27:00+08:00",
        "the audit time is the edit's"
    );
    assert_eq!(store.entries(t1).unwrap()[0].text, edited);
}

#[test]
fn step_records_round_trip_and_keep_the_first_start() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (_, t1, t2) = seeded(&mut store);
    store
        .change_step(t1, None, Some(Step::Report), at("09:02:00"))
        .unwrap();
    store
        .change_step(
            t1,
            Some(Step::Report),
            Some(Step::Explanation),
            at("09:10:00"),
        )
        .unwrap();
    // Back to step 1 to add a word: its start stays 09:02, its end moves on leaving.
    store
        .change_step(
            t1,
            Some(Step::Explanation),
            Some(Step::Report),
            at("09:15:00"),
        )
        .unwrap();
    store
        .change_step(
            t1,
            Some(Step::Report),
            Some(Step::LeadersViews),
            at("09:17:00"),
        )
        .unwrap();
    drop(store);
    let store = Store::open(&path, OP).unwrap();
    assert_eq!(
        store.step_records(t1).unwrap(),
        vec![
            StepRecord {
                topic_id: t1,
                step: Step::Report,
                started_at: Some(at("09:02:00")),
                ended_at: Some(at("09:17:00")),
            },
            StepRecord {
                topic_id: t1,
                step: Step::Explanation,
                started_at: Some(at("09:10:00")),
                ended_at: Some(at("09:15:00")),
            },
            StepRecord {
                topic_id: t1,
                step: Step::LeadersViews,
                started_at: Some(at("09:17:00")),
                ended_at: None,
            },
        ]
    );
    assert!(store.step_records(t2).unwrap().is_empty());
}

#[test]
fn decisions_round_trip_and_are_replaced_on_save() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (_, t1, t2) = seeded(&mut store);
    let deputy = store.insert_person(&person("刘卫东", "lwd")).unwrap();
    assert_eq!(store.decision(t1).unwrap(), None);

    let empty = Decision::empty(t1, Some(deputy));
    store.save_decision(&empty).unwrap();
    assert_eq!(store.decision(t1).unwrap(), Some(empty.clone()));
    assert_eq!(empty.supervisor, DEFAULT_SUPERVISOR);

    let full = Decision {
        topic_id: t1,
        outcome: Some(Outcome::ApprovedInPrinciple),
        text: "原则同意方案二，由治安大队牵头，各派出所配合。".into(),
        alternative: Some(2),
        deputy_id: Some(deputy),
        units: "治安大队\n各派出所".into(),
        deadline: NaiveDate::from_ymd_opt(2026, 12, 31),
        supervisor: DEFAULT_SUPERVISOR.into(),
        dissent: "李志强：建议先行试点（内部提出）".into(),
        decided_at: Some(at("09:40:00")),
    };
    store.save_decision(&full).unwrap();
    drop(store);
    let store = Store::open(&path, OP).unwrap();
    assert_eq!(store.decision(t1).unwrap(), Some(full));
    assert_eq!(store.decision(t2).unwrap(), None);
    // One audit row per field that changed, with its old and its new value (R9.4).
    let trail = store.audit_trail().unwrap();
    let change = |field: &str| {
        trail
            .iter()
            .rev()
            .find(|a| a.entity == "decision" && a.field.as_deref() == Some(field))
            .map(|a| (a.old.clone(), a.new.clone()))
            .unwrap_or_else(|| panic!("no audit row for the decision's {field}"))
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(change("outcome"), (some(""), some("approved_in_principle")));
    assert_eq!(
        change("text"),
        (
            some(""),
            some("原则同意方案二，由治安大队牵头，各派出所配合。")
        )
    );
    assert_eq!(change("units"), (some(""), some("治安大队\n各派出所")));
    assert_eq!(change("deadline"), (some(""), some("2026-12-31")));
    assert_eq!(
        change("dissent"),
        (some(""), some("李志强：建议先行试点（内部提出）"))
    );
    assert_eq!(change("alternative"), (some(""), some("2")));
    // The supervisor did not change: no row for it after the first save.
    let supervisor_rows = trail
        .iter()
        .filter(|a| a.entity == "decision" && a.field.as_deref() == Some("supervisor"))
        .count();
    assert_eq!(supervisor_rows, 1, "only when the decision was made");
}

#[test]
fn every_outcome_round_trips() {
    let mut store = Store::open_in_memory(OP).unwrap();
    let (_, t1, _) = seeded(&mut store);
    for outcome in Outcome::ALL {
        let mut d = Decision::empty(t1, None);
        d.outcome = Some(outcome);
        d.text = "决定。".into();
        store.save_decision(&d).unwrap();
        assert_eq!(store.decision(t1).unwrap().unwrap().outcome, Some(outcome));
    }
}

#[test]
fn the_session_is_kept_per_operator() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (m, t1, _) = seeded(&mut store);
    assert_eq!(store.session().unwrap(), None);
    let s = SessionState {
        meeting_id: Some(m),
        topic_id: Some(t1),
        step: Some(3),
        entry_id: Some(7),
        cursor_row: 12,
        cursor_col: 40,
        pane: Some("console.check_in".into()),
    };
    store.save_session(&s).unwrap();
    let moved = SessionState {
        cursor_row: 13,
        cursor_col: 0,
        ..s.clone()
    };
    store.save_session(&moved).unwrap();
    drop(store);
    assert_eq!(
        Store::open(&path, OP).unwrap().session().unwrap(),
        Some(moved)
    );
    // Another terminal's operator has a place of their own.
    assert_eq!(Store::open(&path, "杨帆").unwrap().session().unwrap(), None);
}

// ---------------------------------------------------------------- audit trail (R9.4)

#[test]
fn every_write_leaves_an_audit_row_with_the_operator() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let mut rows = 0;
    let mut expect = |store: &Store, entity: &str, id: Option<Id>| {
        let trail = store.audit_trail().unwrap();
        assert!(trail.len() > rows, "no audit row for {entity}");
        let new = &trail[rows..];
        rows = trail.len();
        assert!(
            new.iter().all(|a| a.operator == OP),
            "operator of {entity}: {new:?}"
        );
        assert!(
            new.iter().all(|a| !a.at.is_empty()),
            "time of {entity}: {new:?}"
        );
        assert!(
            new.iter().any(|a| a.entity == entity && a.entity_id == id),
            "{entity} {id:?} not in {new:?}"
        );
    };
    let p = store.insert_person(&person("刘卫东", "lwd")).unwrap();
    expect(&store, "person", Some(p));
    let m = store
        .insert_meeting(&meeting("局长办公例会", at("09:00:00")))
        .unwrap();
    expect(&store, "meeting", Some(m));
    let t1 = store.insert_topic(&topic(m, 1, 2)).unwrap();
    expect(&store, "topic", Some(t1));
    let part = store
        .insert_participation(&Participation {
            id: 0,
            meeting_id: m,
            person_id: p,
            role: Role::Attending,
            topic_id: None,
            is_recorder: false,
        })
        .unwrap();
    expect(&store, "participation", Some(part));
    let ev = store
        .record_attendance(
            m,
            p,
            &EventKind::CheckIn { place: Place::Room },
            at("08:50:00"),
            "",
        )
        .unwrap();
    expect(&store, "attendance_event", Some(ev));
    store
        .advance_topic(m, None, Some(t1), at("09:01:00"), &[])
        .unwrap();
    expect(&store, "topic", Some(t1));
    store
        .change_step(t1, None, Some(Step::Report), at("09:01:00"))
        .unwrap();
    expect(&store, "topic", Some(t1));
    let e = store
        .insert_entry(&new_entry(t1, Step::Report, "吴刚", at("09:01:00")))
        .unwrap();
    expect(&store, "entry", Some(e.id));
    store
        .save_entry_texts(&[(e.id, "汇报。".into())], at("09:02:00"))
        .unwrap();
    expect(&store, "entry", Some(e.id));
    store.save_decision(&Decision::empty(t1, None)).unwrap();
    expect(&store, "decision", Some(t1));
    store.set_meeting_status(m, MeetingStatus::Closed).unwrap();
    expect(&store, "meeting", Some(m));

    // A second terminal writes under its own name.
    let mut other = Store::open(&path, "杨帆").unwrap();
    other.insert_person(&person("吴刚", "wg")).unwrap();
    let last = other.audit_trail().unwrap().pop().unwrap();
    assert_eq!(last.operator, "杨帆");
    assert!(last.new.as_deref().is_some_and(|n| n.starts_with("吴刚")));
}

// ---------------------------------------------------------------- advancing topics

#[test]
fn advance_topic_moves_statuses_times_and_people_in_one_go() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (m, t1, t2) = seeded(&mut store);
    let leaving = store.insert_person(&person("吴刚", "wg")).unwrap();
    let entering = store.insert_person(&person("周强", "zq")).unwrap();

    store
        .advance_topic(m, None, Some(t1), at("09:01:00"), &[])
        .unwrap();
    let mt = store.meeting(m).unwrap().unwrap();
    assert_eq!(mt.status, MeetingStatus::InProgress);
    assert_eq!(mt.current_topic_id, Some(t1));
    let topics = store.topics(m).unwrap();
    assert_eq!(topics[0].status, TopicStatus::Current);
    assert_eq!(topics[0].started_at, Some(at("09:01:00")));
    assert_eq!(topics[1].status, TopicStatus::Pending);

    let events = [
        (leaving, EventKind::TopicEnded),
        (entering, EventKind::Entered),
    ];
    store
        .advance_topic(m, Some(t1), Some(t2), at("09:40:00"), &events)
        .unwrap();
    drop(store);
    let mut store = Store::open(&path, OP).unwrap();
    let mt = store.meeting(m).unwrap().unwrap();
    assert_eq!(mt.current_topic_id, Some(t2));
    assert_eq!(mt.status, MeetingStatus::InProgress);
    let topics = store.topics(m).unwrap();
    assert_eq!(topics[0].status, TopicStatus::Done);
    assert_eq!(topics[0].started_at, Some(at("09:01:00")));
    assert_eq!(topics[0].ended_at, Some(at("09:40:00")));
    assert_eq!(topics[1].status, TopicStatus::Current);
    assert_eq!(topics[1].started_at, Some(at("09:40:00")));
    let got: Vec<(Id, EventKind, Time)> = store
        .attendance_events(m)
        .unwrap()
        .into_iter()
        .map(|e| (e.person_id, e.kind, e.at))
        .collect();
    assert_eq!(
        got,
        vec![
            (leaving, EventKind::TopicEnded, at("09:40:00")),
            (entering, EventKind::Entered, at("09:40:00")),
        ]
    );

    // Going back to topic 1 keeps when it first began.
    store
        .advance_topic(m, Some(t2), Some(t1), at("10:00:00"), &[])
        .unwrap();
    assert_eq!(store.topics(m).unwrap()[0].started_at, Some(at("09:01:00")));

    // After the last topic the meeting is closed.
    store
        .advance_topic(m, Some(t1), None, at("10:20:00"), &[])
        .unwrap();
    let mt = store.meeting(m).unwrap().unwrap();
    assert_eq!(mt.status, MeetingStatus::Closed);
    assert_eq!(mt.current_topic_id, None);
    assert!(
        store
            .topics(m)
            .unwrap()
            .iter()
            .all(|x| x.status == TopicStatus::Done)
    );
}

#[test]
fn advance_topic_writes_nothing_if_one_event_fails() {
    let mut store = Store::open_in_memory(OP).unwrap();
    let (m, t1, _) = seeded(&mut store);
    let p = store.insert_person(&person("吴刚", "wg")).unwrap();
    let trail = store.audit_trail().unwrap().len();
    // Person 9999 does not exist: the foreign key refuses the second event.
    let events = [(p, EventKind::Entered), (9999, EventKind::Entered)];
    assert!(
        store
            .advance_topic(m, None, Some(t1), at("09:01:00"), &events)
            .is_err()
    );
    let mt = store.meeting(m).unwrap().unwrap();
    assert_eq!(mt.current_topic_id, None);
    assert_eq!(mt.status, MeetingStatus::Planned);
    assert_eq!(store.topics(m).unwrap()[0].status, TopicStatus::Pending);
    assert!(store.attendance_events(m).unwrap().is_empty());
    assert_eq!(store.audit_trail().unwrap().len(), trail);
}

// ---------------------------------------------------------------- all or nothing

#[test]
fn saving_texts_is_all_or_nothing() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (_, t1, _) = seeded(&mut store);
    let a = store
        .insert_entry(&new_entry(t1, Step::Report, "吴刚", at("09:02:00")))
        .unwrap();
    let b = store
        .insert_entry(&new_entry(t1, Step::Report, "巴特尔", at("09:05:00")))
        .unwrap();
    store
        .save_entry_texts(
            &[(a.id, "第一稿".into()), (b.id, "第二人发言".into())],
            at("09:06:00"),
        )
        .unwrap();
    let trail = store.audit_trail().unwrap().len();

    // The good entry comes first: it must not be saved without the rest.
    let r = store.save_entry_texts(
        &[
            (a.id, "改过的第一稿".into()),
            (9999, "不存在".into()),
            (b.id, "改过的第二人发言".into()),
        ],
        at("09:07:00"),
    );
    assert!(r.is_err(), "saving into a missing entry succeeded");
    drop(store);
    let store = Store::open(&path, OP).unwrap();
    let texts: Vec<String> = store
        .entries(t1)
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(texts, vec!["第一稿", "第二人发言"]);
    assert_eq!(store.audit_trail().unwrap().len(), trail);
}

// ---------------------------------------------------------------- files that are not ours

fn assert_not_huiwu(path: &Path) {
    let before = std::fs::read(path).unwrap();
    match Store::open_with(path, OP, SHORT) {
        Err(StoreError::NotHuiwu { path: p }) => assert_eq!(p, path),
        Err(other) => panic!("expected NotHuiwu, got {other:?}"),
        Ok(_) => panic!("opened a file that is not a huiwu database"),
    }
    let after = std::fs::read(path).unwrap();
    let first_change = before.iter().zip(&after).position(|(a, b)| a != b);
    assert!(
        after == before,
        "the refused file was changed: {} bytes -> {}, first difference at byte {first_change:?}",
        before.len(),
        after.len()
    );
}

#[test]
fn random_bytes_are_not_a_huiwu_database() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, noise(8192)).unwrap();
    assert_not_huiwu(&path);
    // A short text file too.
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "会议记录草稿：不是数据库。\n").unwrap();
    assert_not_huiwu(&path);
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_unchanged() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("other.db");
    {
        let raw = Connection::open(&path).unwrap();
        raw.execute_batch(
            "CREATE TABLE cases (id INTEGER PRIMARY KEY, title TEXT);
             INSERT INTO cases (title) VALUES ('某案');",
        )
        .unwrap();
    }
    assert_not_huiwu(&path);
    // And it is still the other program's rollback-journal database.
    let raw = Connection::open(&path).unwrap();
    let mode: String = raw
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
}

#[test]
fn another_programs_sqlite_database_is_refused() {
    // The part of the test above that holds today: the refusal itself, and the other
    // program's data is still there.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("other.db");
    {
        let raw = Connection::open(&path).unwrap();
        raw.execute_batch(
            "CREATE TABLE cases (id INTEGER PRIMARY KEY, title TEXT);
             INSERT INTO cases (title) VALUES ('某案');",
        )
        .unwrap();
    }
    assert!(matches!(
        Store::open_with(&path, OP, SHORT),
        Err(StoreError::NotHuiwu { .. })
    ));
    let raw = Connection::open(&path).unwrap();
    let title: String = raw
        .query_row("SELECT title FROM cases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(title, "某案");
    let tables: i64 = raw
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        tables, 1,
        "huiwu tables were added to another program's file"
    );
}

#[test]
fn a_database_from_a_newer_huiwu_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    drop(Store::open(&path, OP).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    match Store::open_with(&path, OP, SHORT) {
        Err(StoreError::TooNew { found, known, .. }) => {
            assert_eq!((found, known), (99, huiwu::store::SCHEMA_VERSION));
        }
        Err(other) => panic!("expected TooNew, got {other:?}"),
        Ok(_) => panic!("opened a database from a newer huiwu"),
    }
}

// ---------------------------------------------------------------- locks and bad paths

/// A huiwu database held by another connection inside `BEGIN EXCLUSIVE`.
fn locked_by_other(dir: &TempDir, journal_mode: &str) -> (PathBuf, Connection) {
    let path = db_in(dir);
    {
        let mut s = Store::open(&path, OP).unwrap();
        s.insert_person(&person("刘卫东", "lwd")).unwrap();
    }
    let raw = Connection::open(&path).unwrap();
    let mode: String = raw
        .query_row(&format!("PRAGMA journal_mode = {journal_mode}"), [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(mode, journal_mode);
    raw.execute_batch("BEGIN EXCLUSIVE; INSERT INTO person (name) VALUES ('未提交');")
        .unwrap();
    (path, raw)
}

/// Opening, or else the first write, gives up with `Locked` within a short time.
fn assert_locked(path: &Path) {
    let started = Instant::now();
    let opened = Store::open_with(path, "杨帆", SHORT);
    let mut store = match assert_quick(started, "open", opened) {
        Err(StoreError::Locked) => return,
        Err(other) => panic!("expected Locked on open, got {other:?}"),
        Ok(s) => s,
    };
    let started = Instant::now();
    let r = store.insert_person(&person("吴刚", "wg"));
    match assert_quick(started, "write", r) {
        Err(e @ StoreError::Locked) => assert!(e.is_transient()),
        Err(other) => panic!("expected Locked on write, got {other:?}"),
        Ok(_) => panic!("wrote through another connection's exclusive lock"),
    }
}

#[test]
fn a_locked_wal_database_reports_locked_without_hanging() {
    let dir = TempDir::new().unwrap();
    let (path, raw) = locked_by_other(&dir, "wal");
    assert_locked(&path);
    // Once the other connection lets go, the same file opens and takes writes.
    raw.execute_batch("ROLLBACK").unwrap();
    let mut s = Store::open_with(&path, "杨帆", SHORT).unwrap();
    s.insert_person(&person("吴刚", "wg")).unwrap();
    assert_eq!(s.people().unwrap().len(), 2);
}

#[test]
fn a_locked_rollback_journal_database_reports_locked_without_hanging() {
    let dir = TempDir::new().unwrap();
    let (path, raw) = locked_by_other(&dir, "delete");
    let started = Instant::now();
    // Readers are shut out too in this mode: opening itself must give up.
    let r = Store::open_with(&path, "杨帆", SHORT);
    assert!(
        matches!(assert_quick(started, "open", r), Err(StoreError::Locked)),
        "expected Locked on open"
    );
    drop(raw);
    assert!(Store::open_with(&path, "杨帆", SHORT).is_ok());
}

#[test]
fn a_write_waiting_on_a_lock_gives_up_but_the_store_stays_usable() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open_with(&path, OP, SHORT).unwrap();
    let raw = Connection::open(&path).unwrap();
    raw.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let started = Instant::now();
    let r = store.insert_person(&person("吴刚", "wg"));
    assert!(matches!(
        assert_quick(started, "write", r),
        Err(StoreError::Locked)
    ));
    raw.execute_batch("COMMIT").unwrap();
    // Nothing half-written; the retry succeeds.
    assert!(store.people().unwrap().is_empty());
    store.insert_person(&person("吴刚", "wg")).unwrap();
    assert_eq!(store.people().unwrap().len(), 1);
}

#[test]
fn a_path_under_a_regular_file_cannot_be_created() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "不是目录").unwrap();
    for path in [file.join("huiwu.db"), file.join("sub").join("huiwu.db")] {
        match Store::open(&path, OP) {
            Err(StoreError::CannotCreate { .. }) => {}
            Err(other) => panic!("{}: expected CannotCreate, got {other:?}", path.display()),
            Ok(_) => panic!("{}: opened", path.display()),
        }
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "不是目录");
}

#[test]
fn a_directory_is_not_a_database_file() {
    let dir = TempDir::new().unwrap();
    match Store::open_with(dir.path(), OP, SHORT) {
        Err(StoreError::CannotCreate { path, .. }) => assert_eq!(path, dir.path()),
        Err(other) => panic!("expected CannotCreate, got {other:?}"),
        Ok(_) => panic!("opened a directory as a database"),
    }
}

// ---------------------------------------------------------------- two terminals

#[test]
fn data_version_changes_when_another_terminal_commits() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut mine = Store::open(&path, OP).unwrap();
    let mut theirs = Store::open(&path, "杨帆").unwrap();
    let v0 = mine.data_version().unwrap();
    assert_eq!(mine.data_version().unwrap(), v0, "changed with no commit");
    theirs.insert_person(&person("吴刚", "wg")).unwrap();
    let v1 = mine.data_version().unwrap();
    assert_ne!(v1, v0);
    assert_eq!(mine.people().unwrap().len(), 1);
    // My own commits are not another terminal's.
    mine.insert_person(&person("周强", "zq")).unwrap();
    assert_eq!(mine.data_version().unwrap(), v1);
}

// ---------------------------------------------------------------- the background saver

#[test]
fn the_writer_saves_text_another_store_reads() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (m, t1, _) = seeded(&mut store);
    let a = store
        .insert_entry(&new_entry(t1, Step::Report, "吴刚", at("09:02:00")))
        .unwrap();
    let b = store
        .insert_entry(&new_entry(t1, Step::Explanation, "刘卫东", at("09:10:00")))
        .unwrap();

    let writer = Writer::spawn(&path, OP, SHORT).unwrap();
    let session = SessionState {
        meeting_id: Some(m),
        topic_id: Some(t1),
        step: Some(2),
        entry_id: Some(b.id),
        cursor_row: 0,
        cursor_col: 5,
        pane: None,
    };
    assert!(writer.send(texts_job(
        41,
        &[(a.id, "入冬以来"), (b.id, "补充说明")],
        None
    )));
    assert!(writer.send(texts_job(
        42,
        &[(a.id, "入冬以来，警情上升。")],
        Some(session.clone())
    )));
    // The reports name the generations saved; the last one is 42.
    let mut last = None;
    while last != Some(42) {
        match writer.wait_report(Duration::from_secs(5)) {
            Some(Report::Saved { generation, .. }) => {
                assert!(last.is_none_or(|l| generation > l));
                last = Some(generation);
            }
            Some(Report::Failed { error, .. } | Report::Rejected { error, .. }) => {
                panic!("save failed: {error}")
            }
            None => panic!("no report from the writer (last {last:?})"),
        }
    }
    // Another connection sees the latest text of each entry.
    let reader = Store::open(&path, "杨帆").unwrap();
    let texts: Vec<String> = reader
        .entries(t1)
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(texts, vec!["入冬以来，警情上升。", "补充说明"]);
    assert_eq!(
        Store::open(&path, OP).unwrap().session().unwrap(),
        Some(session)
    );
    drop(writer);
}

/// A save job of entry texts (and where the caret is).
fn texts_job(generation: u64, texts: &[(Id, &str)], session: Option<SessionState>) -> Arc<Job> {
    let mut changes: Vec<Change> = texts
        .iter()
        .map(|(id, text)| Change::EntryText {
            entry_id: *id,
            text: text.to_string(),
        })
        .collect();
    if let Some(session) = session {
        changes.push(Change::Session { session });
    }
    Arc::new(Job {
        generation,
        at: at("09:20:00"),
        changes,
    })
}

#[test]
fn the_writer_gives_up_on_what_can_never_be_written_and_keeps_going() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (_, t1, _) = seeded(&mut store);
    let a = store
        .insert_entry(&new_entry(t1, Step::Report, "吴刚", at("09:02:00")))
        .unwrap();
    let writer = Writer::spawn(&path, OP, SHORT).unwrap();
    // An entry that is not there can never take text: the job is handed back, not
    // retried for ever, and what comes after it is still saved.
    assert!(writer.send(texts_job(1, &[(9999, "丢失的条目")], None)));
    match writer.wait_report(Duration::from_secs(5)) {
        Some(Report::Rejected { generation, .. }) => assert_eq!(generation, 1),
        other => panic!("expected Rejected, got {other:?}"),
    }
    assert!(writer.send(texts_job(2, &[(a.id, "仍然保存")], None)));
    match writer.wait_report(Duration::from_secs(5)) {
        Some(Report::Saved { generation, .. }) => assert_eq!(generation, 2),
        other => panic!("expected Saved, got {other:?}"),
    }
    assert_eq!(store.entries(t1).unwrap()[0].text, "仍然保存");
}

#[test]
fn dropping_the_writer_saves_what_is_queued() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (_, t1, _) = seeded(&mut store);
    let a = store
        .insert_entry(&new_entry(t1, Step::Report, "吴刚", at("09:02:00")))
        .unwrap();
    let writer = Writer::spawn(&path, OP, SHORT).unwrap();
    for g in 1..=20u64 {
        assert!(writer.send(texts_job(g, &[(a.id, &format!("第{g}稿"))], None)));
    }
    drop(writer);
    assert_eq!(store.entries(t1).unwrap()[0].text, "第20稿");
}

#[test]
fn a_writer_on_a_file_that_is_not_ours_does_not_start() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, noise(4096)).unwrap();
    assert!(matches!(
        Writer::spawn(&path, OP, SHORT),
        Err(StoreError::NotHuiwu { .. })
    ));
}

// ---------------------------------------------------------------- the demo

#[test]
fn the_demo_loads_once_and_shows_a_live_meeting() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let now = t("2026-11-30T09:14:37+08:00");
    let mut store = Store::open(&path, OP).unwrap();
    let id = huiwu::demo::load(&mut store, now).unwrap();
    let people = store.people().unwrap().len();
    let trail = store.audit_trail().unwrap().len();
    assert_eq!(huiwu::demo::load(&mut store, now).unwrap(), id);
    drop(store);
    // Loading again, even from another start of the program, adds nothing.
    let mut store = Store::open(&path, OP).unwrap();
    assert_eq!(
        huiwu::demo::load(&mut store, t("2026-12-07T10:00:00+08:00")).unwrap(),
        id
    );
    let demos: Vec<Meeting> = store
        .meetings()
        .unwrap()
        .into_iter()
        .filter(|m| m.is_demo)
        .collect();
    assert_eq!(demos.len(), 1);
    assert_eq!(store.people().unwrap().len(), people);
    assert_eq!(store.audit_trail().unwrap().len(), trail);
    assert!(store.check().unwrap().is_empty());

    let m = &demos[0];
    assert_eq!(m.id, id);
    assert_eq!(m.status, MeetingStatus::InProgress);
    assert!(m.starts_at <= now, "the demo meeting has begun");
    assert!(m.waiting_room.is_some());
    assert!(m.chair_id.is_some());

    // Four topics of different scope categories, the first under discussion.
    let topics = store.topics(id).unwrap();
    assert_eq!(topics.len(), 4);
    let mut scopes: Vec<u8> = topics.iter().map(|x| x.scope.number()).collect();
    scopes.sort_unstable();
    scopes.dedup();
    assert_eq!(scopes.len(), 4, "scopes {scopes:?}");
    assert_eq!(
        topics.iter().map(|x| x.seq).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    assert_eq!(topics[0].status, TopicStatus::Current);
    assert!(topics[0].started_at.is_some());
    assert!(topics[1..].iter().all(|x| x.status == TopicStatus::Pending));
    assert_eq!(m.current_topic_id, Some(topics[0].id));
    assert!(!store.entries(topics[0].id).unwrap().is_empty());

    // Someone late, someone on leave, someone waiting outside.
    let parts = store.participations(id).unwrap();
    let events = store.attendance_events(id).unwrap();
    let r = roster::build(m, &topics, &parts, &events, now);
    assert!(r.counts.late >= 1, "nobody late in the demo");
    assert!(
        r.lines
            .iter()
            .any(|l| matches!(l.punctuality, Some(Punctuality::Late { .. })))
    );
    assert!(r.counts.on_leave >= 1, "nobody on leave in the demo");
    assert!(
        r.lines
            .iter()
            .any(|l| matches!(l.state.presence, Presence::Waiting { .. })),
        "nobody in the waiting room"
    );
    assert!(r.lines.iter().any(|l| l.is_recorder));
}

#[test]
fn the_demo_loads_into_memory_as_well() {
    let mut store = Store::open_in_memory(OP).unwrap();
    assert!(!store.has_demo().unwrap());
    huiwu::demo::load(&mut store, t("2026-11-30T09:14:00+08:00")).unwrap();
    assert!(store.has_demo().unwrap());
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_good_database_passes_the_check() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    assert!(store.check().unwrap().is_empty());
    seeded(&mut store);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    // And it does notice a broken link written behind its back.
    let raw = Connection::open(&path).unwrap();
    raw.pragma_update(None, "foreign_keys", false).unwrap();
    raw.execute(
        "INSERT INTO participation (meeting_id, person_id, role) VALUES (999, 999, 'staff')",
        [],
    )
    .unwrap();
    let problems = store.check().unwrap();
    assert!(
        problems.iter().any(|p| p.contains("participation")),
        "{problems:?}"
    );
}

// ---------------------------------------------------------------- the save queue (R9.1)

/// An attendance event as the console queues it.
fn sign_in_job(generation: u64, meeting: Id, person: Id) -> Arc<Job> {
    Arc::new(Job {
        generation,
        at: at("09:03:00"),
        changes: vec![Change::Attendance {
            meeting_id: meeting,
            person_id: person,
            kind: EventKind::CheckIn { place: Place::Room },
            at: at("09:03:00"),
            note: String::new(),
        }],
    })
}

#[test]
fn a_full_database_keeps_the_changes_queued_until_it_takes_them() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open(&path, OP).unwrap();
    let (m, t1, _) = seeded(&mut store);
    let p = store.insert_person(&person("刘卫东", "lwd")).unwrap();
    let mut d = Decision::empty(t1, Some(p));
    d.outcome = Some(Outcome::Approved);
    d.text = "同意。".repeat(3000);
    // The disk is "full": the database may not grow by a single page.
    let pages = store.page_count().unwrap();
    store.limit_pages(Some(pages)).unwrap();
    let mut queue = SaveQueue::default();
    queue.push(sign_in_job(1, m, p));
    queue.push(Arc::new(Job {
        generation: 2,
        at: at("09:40:00"),
        changes: vec![Change::Decision {
            decision: d.clone(),
        }],
    }));
    let reports = queue.commit(&mut store);
    assert!(
        matches!(
            reports.as_slice(),
            [Report::Failed {
                error: StoreError::DiskFull,
                ..
            }]
        ),
        "{reports:?}"
    );
    assert_eq!(queue.len(), 2, "nothing is dropped while the disk is full");
    assert_eq!(store.decision(t1).unwrap(), None);
    assert!(store.attendance_events(m).unwrap().is_empty());
    // Space again: the same queue commits both, in order, in one go.
    store.limit_pages(None).unwrap();
    let reports = queue.commit(&mut store);
    assert!(
        matches!(reports.as_slice(), [Report::Saved { generation: 2, .. }]),
        "{reports:?}"
    );
    assert!(queue.is_empty());
    assert_eq!(store.decision(t1).unwrap(), Some(d));
    assert_eq!(store.attendance_events(m).unwrap().len(), 1);
}

#[test]
fn a_lock_keeps_the_changes_queued_until_it_is_released() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut store = Store::open_with(&path, OP, SHORT).unwrap();
    let (m, _, _) = seeded(&mut store);
    let p = store.insert_person(&person("刘卫东", "lwd")).unwrap();
    let holder = Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let mut queue = SaveQueue::default();
    queue.push(sign_in_job(7, m, p));
    let started = Instant::now();
    let reports = queue.commit(&mut store);
    assert!(
        started.elapsed() < NO_HANG,
        "the busy timeout bounds the wait"
    );
    assert!(
        matches!(
            reports.as_slice(),
            [Report::Failed {
                error: StoreError::Locked,
                ..
            }]
        ),
        "{reports:?}"
    );
    assert_eq!(queue.len(), 1);
    holder.execute_batch("COMMIT;").unwrap();
    let reports = queue.commit(&mut store);
    assert!(matches!(
        reports.as_slice(),
        [Report::Saved { generation: 7, .. }]
    ));
    assert_eq!(store.attendance_events(m).unwrap().len(), 1);
}

#[test]
fn a_terminal_tells_its_own_commits_from_another_terminals() {
    let dir = TempDir::new().unwrap();
    let path = db_in(&dir);
    let mut ui = Store::open(&path, OP).unwrap();
    let (m, t1, _) = seeded(&mut ui);
    let e = ui
        .insert_entry(&new_entry(t1, Step::Report, "吴刚", at("09:02:00")))
        .unwrap();
    let mark = ui.others_mark().unwrap();
    let version = ui.data_version().unwrap();
    // This process's saver commits typed text: the record changed, but not by another.
    let writer = Writer::spawn(&path, OP, SHORT).unwrap();
    assert!(writer.send(texts_job(1, &[(e.id, "入冬以来")], None)));
    assert!(matches!(
        writer.wait_report(Duration::from_secs(5)),
        Some(Report::Saved { .. })
    ));
    assert_ne!(ui.data_version().unwrap(), version, "the commit is seen");
    assert_eq!(ui.others_mark().unwrap(), mark, "but it is our own");
    // Another terminal only moving its caret is not a change to reload for either.
    let mut other = Store::open(&path, "杨帆").unwrap();
    other.set_writer_id("another-terminal");
    other.save_session(&SessionState::default()).unwrap();
    assert_eq!(ui.others_mark().unwrap(), mark);
    // Another terminal signing someone in is.
    let p = other.insert_person(&person("何勇", "hy")).unwrap();
    other
        .record_attendance(m, p, &EventKind::Absent, at("09:05:00"), "")
        .unwrap();
    assert!(ui.others_mark().unwrap() > mark);
}
