//! The after-meeting store (R7) on a real file: closing, minutes versions and their chain,
//! the tidied record, the follow-up register, the ledger, and read-only after archiving —
//! each written as the save queue writes it (a `Change` in a transaction) and read back.
#[path = "common/after.rs"]
mod after;

use chrono::{DateTime, NaiveDate};
use tempfile::TempDir;

use huiwu::domain::followup::Status;
use huiwu::domain::meeting::MeetingStatus;
use huiwu::domain::minutes::VersionStatus;
use huiwu::domain::record_tidy::Mode;
use huiwu::domain::{Id, Time};
use huiwu::store::after::{AfterChange, LedgerRow, TidyRow};
use huiwu::store::change::Change;
use huiwu::store::{Store, StoreError};

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

const NOW: &str = "2026-11-30T10:30:00+08:00";

fn apply(store: &mut Store, at: Time, after: AfterChange) -> Result<(), StoreError> {
    let change = Change::AfterMeeting { after };
    store.transact_at(at, |tx| change.apply(tx))
}

fn closed_demo(dir: &TempDir) -> (Store, Id) {
    let mut store = Store::open(&dir.path().join("huiwu.db"), "马丽").expect("open");
    let id = after::decided_demo(&mut store, t(NOW), d("2026-12-04"));
    apply(&mut store, t(NOW), AfterChange::Close { meeting_id: id }).expect("close");
    (store, id)
}

#[test]
fn closing_records_the_end_and_fills_the_register() {
    let dir = TempDir::new().unwrap();
    let (store, id) = closed_demo(&dir);
    let closing = store.closing(id).unwrap().expect("closed");
    assert_eq!(closing.closed_at, t(NOW));
    assert_eq!(closing.closed_by, "马丽");
    let m = store.meeting(id).unwrap().unwrap();
    assert_eq!(m.status, MeetingStatus::Closed);
    assert_eq!(m.current_topic_id, None);
    let items = store.followup_items().unwrap();
    assert_eq!(items.len(), 4, "one item per decided topic");
    for (item, text) in items.iter().zip(after::DECIDED) {
        assert!(item.item.contains(text), "{}", item.item);
        assert_eq!(item.status, Status::InProgress);
        assert_eq!(item.supervisor, "督察法制大队");
    }
    assert_eq!(items[0].deadline, Some(d("2026-12-04")));
    assert_eq!(items[0].units, vec!["治安大队".to_string()]);
    // Nothing is overdue until the day after the deadline.
    assert_eq!(store.overdue_count(d("2026-12-04")).unwrap(), 0);
    assert_eq!(store.overdue_count(d("2026-12-05")).unwrap(), 1);
    // Closing twice is refused; the register does not double.
    let mut store = store;
    assert!(apply(&mut store, t(NOW), AfterChange::Close { meeting_id: id }).is_err());
    assert_eq!(store.followup_items().unwrap().len(), 4);
}

#[test]
fn minutes_versions_and_the_chain_round_trip_and_freeze() {
    let dir = TempDir::new().unwrap();
    let (mut store, id) = closed_demo(&dir);
    let version = |n: u32, text: &str, corrects| AfterChange::MinutesVersion {
        meeting_id: id,
        number: n,
        text: text.into(),
        made_by: "马丽".into(),
        corrects,
    };
    apply(&mut store, t(NOW), version(1, "初稿", None)).unwrap();
    let edit = |text: &str| AfterChange::MinutesText {
        meeting_id: id,
        number: 1,
        text: text.into(),
    };
    apply(&mut store, t(NOW), edit("初稿，改过")).unwrap();
    let step = |kind: &str, by: &str, at: &str| AfterChange::MinutesStep {
        meeting_id: id,
        number: 1,
        kind: kind.into(),
        by: by.into(),
        at: t(at),
        opinion: "同意".into(),
    };
    // Sign-off before the review is refused.
    assert!(
        apply(
            &mut store,
            t(NOW),
            step("sign_off", "王建国", "2026-12-01T09:00:00+08:00")
        )
        .is_err()
    );
    apply(
        &mut store,
        t(NOW),
        step("review", "刘卫东", "2026-12-01T09:00:00+08:00"),
    )
    .unwrap();
    // Reviewed: the text stays as reviewed.
    assert!(apply(&mut store, t(NOW), edit("偷改")).is_err());
    apply(
        &mut store,
        t(NOW),
        step("sign_off", "王建国", "2026-12-02T10:00:00+08:00"),
    )
    .unwrap();
    let m = store.minutes(id).unwrap().expect("minutes");
    let v1 = m.current();
    assert_eq!(v1.text, "初稿，改过");
    assert_eq!(v1.status(), VersionStatus::Signed);
    assert_eq!(v1.approvals.len(), 2);
    assert_eq!(v1.approvals[0].by, "刘卫东");
    assert_eq!(v1.approvals[1].at, t("2026-12-02T10:00:00+08:00"));
    // Even a program writing the file directly cannot change a signed text.
    let raw = rusqlite::Connection::open(dir.path().join("huiwu.db")).unwrap();
    assert!(
        raw.execute("UPDATE minutes_version SET text = 'x' WHERE number = 1", [])
            .is_err()
    );
    // A correction is version 2, back at the start of the chain; version 1 is kept.
    apply(&mut store, t(NOW), version(2, "更正稿", Some(1))).unwrap();
    let m = store.minutes(id).unwrap().unwrap();
    assert_eq!(m.versions().len(), 2);
    assert_eq!(m.current().status(), VersionStatus::Draft);
    assert_eq!(m.current().corrects, Some(1));
    assert_eq!(m.issued().map(|v| v.number), Some(1));
    // Skipping a number is refused.
    assert!(apply(&mut store, t(NOW), version(4, "跳号", Some(2))).is_err());
}

#[test]
fn tidied_record_round_trips_and_finishes() {
    let dir = TempDir::new().unwrap();
    let (mut store, id) = closed_demo(&dir);
    let topics = store.topics(id).unwrap();
    let entries = store.entries(topics[0].id).unwrap();
    assert_eq!(entries.len(), 2);
    let rows = entries
        .iter()
        .map(|e| TidyRow {
            entry_id: e.id,
            mode: "summary".into(),
            text: e.text.clone(),
        })
        .collect();
    apply(
        &mut store,
        t(NOW),
        AfterChange::TidyStart {
            meeting_id: id,
            rows,
        },
    )
    .unwrap();
    apply(
        &mut store,
        t(NOW),
        AfterChange::TidyEntry {
            entry_id: entries[0].id,
            mode: "summary".into(),
            text: "治安大队汇报了专项行动方案。".into(),
        },
    )
    .unwrap();
    apply(
        &mut store,
        t(NOW),
        AfterChange::TidyEntry {
            entry_id: entries[1].id,
            mode: "detailed".into(),
            text: entries[1].text.clone(),
        },
    )
    .unwrap();
    let tidied = store.tidied(id).unwrap();
    assert_eq!(tidied.len(), 2);
    assert_eq!(tidied[0].mode, Mode::Summary);
    assert_eq!(tidied[0].text, "治安大队汇报了专项行动方案。");
    assert_eq!(tidied[1].mode, Mode::Detailed);
    assert_eq!(store.tidied_finished(id).unwrap(), None);
    apply(
        &mut store,
        t(NOW),
        AfterChange::TidyFinished {
            meeting_id: id,
            finished: true,
        },
    )
    .unwrap();
    assert_eq!(
        store.tidied_finished(id).unwrap(),
        Some((t(NOW), "马丽".to_string()))
    );
}

#[test]
fn follow_up_notes_status_flag_and_reply_round_trip() {
    let dir = TempDir::new().unwrap();
    let (mut store, _) = closed_demo(&dir);
    let items = store.followup_items().unwrap();
    let (first, second) = (items[0].id, items[1].id);
    let note = |item_id, kind: &str, text: &str| AfterChange::FollowUpNote {
        note_id: huiwu::store::new_id(),
        item_id,
        kind: kind.into(),
        on: d("2026-12-02"),
        by: "吴刚".into(),
        text: text.into(),
    };
    apply(&mut store, t(NOW), note(first, "note", "已召开部署会")).unwrap();
    apply(&mut store, t(NOW), note(first, "problem", "警力不足")).unwrap();
    apply(
        &mut store,
        t(NOW),
        AfterChange::FollowUpReply {
            item_id: first,
            reply: "从机关抽调".into(),
        },
    )
    .unwrap();
    // A blank note is refused by the domain's rule.
    assert!(apply(&mut store, t(NOW), note(first, "note", "  ")).is_err());
    let status = |item_id, status: &str, on: &str| AfterChange::FollowUpStatus {
        item_id,
        status: status.into(),
        on: d(on),
        by: "吴刚".into(),
        note: "完成".into(),
    };
    apply(&mut store, t(NOW), status(first, "done", "2026-12-03")).unwrap();
    // Flagging an item that is neither late nor refused is refused.
    let flag = |on: &str| AfterChange::FollowUpFlag {
        item_id: second,
        on: d(on),
        by: "孙立平".into(),
        note: "无正当理由拖延".into(),
    };
    assert!(apply(&mut store, t(NOW), flag("2026-12-02")).is_err());
    apply(&mut store, t(NOW), status(second, "stalled", "2026-12-02")).unwrap();
    apply(&mut store, t(NOW), flag("2026-12-02")).unwrap();
    let items = store.followup_items().unwrap();
    let a = &items[0];
    assert_eq!(a.status, Status::Done);
    assert_eq!(a.done_on, Some(d("2026-12-03")));
    assert_eq!(a.notes.len(), 2, "{:?}", a.notes);
    assert_eq!(a.problems.len(), 1);
    assert_eq!(a.problems[0].reply.as_deref(), Some("从机关抽调"));
    let b = &items[1];
    assert_eq!(b.status, Status::Stalled);
    let flag = b.discipline.as_ref().expect("flagged");
    assert_eq!(
        (flag.by.as_str(), flag.note.as_str()),
        ("孙立平", "无正当理由拖延")
    );
    // Being overdue never changed a deadline or a status.
    assert_eq!(items[0].deadline, Some(d("2026-12-04")));
}

#[test]
fn ledger_and_archive_make_the_meeting_read_only() {
    let dir = TempDir::new().unwrap();
    let (mut store, id) = closed_demo(&dir);
    let row = |paper: &str| LedgerRow {
        paper: paper.into(),
        title: paper.into(),
        pages: 2,
        copies: 1,
    };
    apply(
        &mut store,
        t(NOW),
        AfterChange::Register {
            meeting_id: id,
            number: "2026-001".into(),
            items: vec![row("agenda"), row("signed_minutes")],
        },
    )
    .unwrap();
    let ledger = store.ledger().unwrap();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].number, "2026-001");
    assert_eq!(ledger[0].items.len(), 2);
    assert_eq!(ledger[0].registered_by, "马丽");
    assert!(!store.is_archived(id).unwrap());
    apply(
        &mut store,
        t(NOW),
        AfterChange::Archived {
            meeting_id: id,
            folder: "2026-001".into(),
        },
    )
    .unwrap();
    assert!(store.is_archived(id).unwrap());
    let topic = store.topics(id).unwrap()[0].id;
    let entry = store.entries(topic).unwrap()[0].id;
    let change = Change::EntryText {
        entry_id: entry,
        text: "改动".into(),
    };
    assert!(
        store.transact_at(t(NOW), |tx| change.apply(tx)).is_err(),
        "an archived meeting's record cannot change"
    );
    let mut decision = store.decision(topic).unwrap().unwrap();
    decision.text = "改动".into();
    assert!(store.save_decision(&decision).is_err());
}

#[test]
fn carry_over_and_the_next_meeting_planned_for_it() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("huiwu.db"), "马丽").unwrap();
    let id = huiwu::demo::load(&mut store, t(NOW)).unwrap();
    let next = huiwu::store::new_id();
    apply(
        &mut store,
        t(NOW),
        AfterChange::PlanNext {
            meeting_id: next,
            from: id,
            starts_at: t("2026-12-07T09:00:00+08:00"),
            title: "局长办公例会".into(),
        },
    )
    .unwrap();
    let m = store.meeting(next).unwrap().expect("planned");
    assert_eq!(m.status, MeetingStatus::Planned);
    assert_eq!(m.starts_at, t("2026-12-07T09:00:00+08:00"));
    let parts = store.participations(next).unwrap();
    assert!(parts.iter().all(|p| p.topic_id.is_none()));
    assert_eq!(
        parts.len(),
        9,
        "attending, whole-meeting sitting-in and staff"
    );
    let topic = store.topics(id).unwrap()[3].id;
    apply(
        &mut store,
        t(NOW),
        AfterChange::CarryOver {
            topic_id: topic,
            to_meeting: next,
            reason: "材料未齐".into(),
            carried_as: None,
        },
    )
    .unwrap();
    let c = store.carry_overs(id).unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].topic_id, c[0].to_meeting), (topic, next));
}

#[test]
fn every_after_change_survives_the_emergency_file() {
    let change = Change::AfterMeeting {
        after: AfterChange::MinutesText {
            meeting_id: 7,
            number: 2,
            text: "纪要正文".into(),
        },
    };
    let json = toml_round_trip(&change);
    assert!(json.contains("纪要正文"));
    assert_eq!(change.typed_text(), Some("纪要正文"));
}

/// The emergency file writes changes with toml; a round trip through it must hold.
fn toml_round_trip(change: &Change) -> String {
    #[derive(serde::Serialize, serde::Deserialize)]
    struct Wrap {
        c: Change,
    }
    let text = toml::to_string(&Wrap { c: change.clone() }).expect("serialize");
    let back: Wrap = toml::from_str(&text).expect("deserialize");
    assert_eq!(&back.c, change);
    text
}

/// The demo made a real meeting (the back office leaves the demo out), in a file.
fn real_demo(dir: &TempDir) -> (Store, Id) {
    let mut store = Store::open(&dir.path().join("huiwu.db"), "马丽").unwrap();
    let id = huiwu::demo::load(&mut store, t(NOW)).unwrap();
    store
        .transact_at(t(NOW), |tx| {
            tx.execute("UPDATE meeting SET is_demo = 0", [])?;
            Ok(())
        })
        .unwrap();
    (store, id)
}

fn plan(store: &mut Store, from: Id, at: &str) -> Id {
    let next = huiwu::store::new_id();
    apply(
        store,
        t(NOW),
        AfterChange::PlanNext {
            meeting_id: next,
            from,
            starts_at: t(at),
            title: "局长办公例会".into(),
        },
    )
    .unwrap();
    next
}

fn carry(store: &mut Store, topic: Id, to: Id, copy: Id) -> Result<(), StoreError> {
    apply(
        store,
        t(NOW),
        AfterChange::CarryOver {
            topic_id: topic,
            to_meeting: to,
            reason: "材料未齐".into(),
            carried_as: Some(copy),
        },
    )
}

/// Issue 9, R3/R7: a topic carried over in F4 is on the named meeting's agenda, ready to
/// be discussed there, with its registration, checklist, sitting-in people and the link
/// back; the original stays on its meeting, marked carried over.
#[test]
fn a_topic_carried_over_goes_on_the_named_meetings_agenda() {
    use huiwu::domain::topic_stage::TopicStage;
    use huiwu::store::office_view::OfficeView;
    let dir = TempDir::new().unwrap();
    let (mut store, id) = real_demo(&dir);
    let next = plan(&mut store, id, "2026-12-07T09:00:00+08:00");
    let original = store.topics(id).unwrap()[3].clone();
    let before = OfficeView::load(&store).unwrap();
    let copy = huiwu::store::new_id();
    carry(&mut store, original.id, next, copy).unwrap();

    let agenda = store.topics(next).unwrap();
    assert_eq!(agenda.len(), 1, "the later meeting has the topic");
    assert_eq!(agenda[0].id, copy);
    assert_eq!(agenda[0].title, original.title);
    assert_eq!(agenda[0].seq, 1);
    assert_eq!(agenda[0].status, huiwu::domain::topic::TopicStatus::Pending);
    let office = OfficeView::load(&store).unwrap();
    let c = office.topic(copy).expect("the back office sees it");
    assert_eq!(c.stage, TopicStage::Scheduled);
    assert_eq!(c.meeting_id, Some(next));
    assert_eq!(c.carried_from, Some(original.id));
    let o = office.topic(original.id).expect("the original");
    assert_eq!(c.registration, o.registration);
    assert_eq!(
        office.checklist(copy).entries.len(),
        office.checklist(original.id).entries.len()
    );
    assert_eq!(
        office.review_result(copy),
        office.review_result(original.id)
    );
    assert_eq!(
        o.meeting_id,
        Some(id),
        "the original stays with its meeting"
    );
    assert_eq!(o.carried_to, Some(next));
    assert_eq!(store.topics(id).unwrap().len(), 4);
    assert_eq!(store.carry_overs(id).unwrap()[0].to_meeting, next);
    // Whoever sat in for it (and is not there throughout) sits in for it again.
    let sitting = |s: &Store, m: Id, topic: Id| {
        let mut v: Vec<Id> = s
            .participations(m)
            .unwrap()
            .iter()
            .filter(|p| p.topic_id == Some(topic))
            .map(|p| p.person_id)
            .collect();
        v.sort();
        v
    };
    assert!(!sitting(&store, id, original.id).is_empty());
    assert_eq!(
        sitting(&store, next, copy),
        sitting(&store, id, original.id)
    );
    // The back office's overlay, before the save queue has written it, shows the same.
    let mut shown = before;
    shown.apply(&Change::AfterMeeting {
        after: AfterChange::CarryOver {
            topic_id: original.id,
            to_meeting: next,
            reason: "材料未齐".into(),
            carried_as: Some(copy),
        },
    });
    let s = shown.topic(copy).expect("overlaid");
    assert_eq!(
        (s.stage, s.meeting_id, s.seq, s.carried_from),
        (c.stage, c.meeting_id, c.seq, c.carried_from)
    );
    assert_eq!(
        shown.topic(original.id).and_then(|t| t.carried_to),
        Some(next)
    );

    // Named again, to a later meeting: the same topic moves; no second copy.
    let later = plan(&mut store, id, "2026-12-14T09:00:00+08:00");
    carry(&mut store, original.id, later, huiwu::store::new_id()).unwrap();
    assert!(store.topics(next).unwrap().is_empty());
    assert!(sitting(&store, next, copy).is_empty());
    let moved = store.topics(later).unwrap();
    assert_eq!(moved.iter().map(|t| t.id).collect::<Vec<_>>(), vec![copy]);
    assert_eq!(
        sitting(&store, later, copy),
        sitting(&store, id, original.id)
    );
}

/// The carry-over row and the topic on the later agenda are one transaction: where the
/// topic cannot go (its meeting archived), neither is written.
#[test]
fn a_carry_over_from_an_archived_meeting_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let (mut store, id) = closed_demo(&dir);
    let next = plan(&mut store, id, "2026-12-07T09:00:00+08:00");
    apply(
        &mut store,
        t(NOW),
        AfterChange::Archived {
            meeting_id: id,
            folder: "2026-001".into(),
        },
    )
    .unwrap();
    let topic = store.topics(id).unwrap()[3].id;
    assert!(carry(&mut store, topic, next, huiwu::store::new_id()).is_err());
    assert!(store.carry_overs(id).unwrap().is_empty());
    assert!(store.topics(next).unwrap().is_empty());
    // Nor is a topic carried over to an archived meeting.
    let dir2 = TempDir::new().unwrap();
    let (mut store, id) = real_demo(&dir2);
    let next = plan(&mut store, id, "2026-12-07T09:00:00+08:00");
    apply(
        &mut store,
        t(NOW),
        AfterChange::Archived {
            meeting_id: next,
            folder: "2026-002".into(),
        },
    )
    .unwrap();
    let topic = store.topics(id).unwrap()[3].id;
    assert!(carry(&mut store, topic, next, huiwu::store::new_id()).is_err());
    assert!(store.carry_overs(id).unwrap().is_empty());
    assert!(store.topics(next).unwrap().is_empty());
}

/// Issue 8, R2.2: the meeting planned for a carry-over has the staff and recorder of the
/// previous real meeting, even when the meeting it follows had none.
#[test]
fn the_next_meeting_takes_the_staff_of_the_previous_real_meeting() {
    use huiwu::domain::meeting::Meeting;
    use huiwu::domain::people::Role;
    use huiwu::store::planning::MeetingChange;
    let dir = TempDir::new().unwrap();
    let (mut store, id) = real_demo(&dir);
    let staff = |s: &Store, m: Id| {
        let mut v: Vec<(Id, bool)> = s
            .participations(m)
            .unwrap()
            .iter()
            .filter(|p| p.role == Role::Staff)
            .map(|p| (p.person_id, p.is_recorder))
            .collect();
        v.sort();
        v
    };
    let demo_staff = staff(&store, id);
    assert!(
        demo_staff.iter().any(|(_, r)| *r),
        "the demo has a recorder"
    );
    // An extra meeting between them, created with nobody.
    let extra = Meeting {
        id: huiwu::store::new_id(),
        title: "局长办公会议（临时）".into(),
        starts_at: t("2026-12-02T15:00:00+08:00"),
        status: MeetingStatus::Planned,
        postponed_from: None,
        current_topic_id: None,
        is_demo: false,
        ..store.meeting(id).unwrap().unwrap()
    };
    let change = Change::Meeting(MeetingChange::Create {
        meeting: extra.clone(),
        people: Vec::new(),
    });
    store.transact_at(t(NOW), |tx| change.apply(tx)).unwrap();
    let next = plan(&mut store, extra.id, "2026-12-07T09:00:00+08:00");
    assert_eq!(staff(&store, next), demo_staff);
}
