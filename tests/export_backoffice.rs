//! The papers of the week before (R9.5): the agenda, the blank sign-in sheet and the
//! notice to a department, from what the back office entered; and `huiwu export` writing
//! them owner-only.
mod common;

use chrono::DateTime;

use common::huiwu_cmd_isolated;
use huiwu::domain::Time;
use huiwu::domain::agenda::Urgency;
use huiwu::domain::intake::{LegalMatters, TopicRegistration};
use huiwu::domain::meeting::{DEFAULT_ROOM, Meeting, MeetingStatus};
use huiwu::domain::people::{Participation, Person, Role};
use huiwu::domain::topic::{Channel, Scope};
use huiwu::domain::topic_stage::TopicStage;
use huiwu::export::{self, Format};
use huiwu::i18n::Lang;
use huiwu::store::Store;
use huiwu::store::change::Change;
use huiwu::store::intake::TopicChange;
use huiwu::store::planning::MeetingChange;
use huiwu::store::roster::{PeopleChange, RosterPerson};

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

const NOW: &str = "2026-03-04T10:00:00+08:00";
const MEETING: i64 = 100;
const TOPIC: i64 = 200;

/// A meeting of 2026-03-09 with its people and one topic, as the back office writes it.
fn week(store: &mut Store) {
    let people = [
        (1, "王建国", "局长", "局领导", Role::Attending, None),
        (2, "赵文军", "党委委员", "局党委", Role::SittingIn, None),
        (
            3,
            "吴刚",
            "大队长",
            "治安大队",
            Role::SittingIn,
            Some(TOPIC),
        ),
        (4, "高敏", "科员", "办公室", Role::Staff, None),
    ];
    let mut changes = vec![Change::People(PeopleChange::Import {
        people: people
            .iter()
            .map(|(id, name, title, dept, _, _)| RosterPerson {
                person: Person {
                    id: *id,
                    name: name.to_string(),
                    title: title.to_string(),
                    department: dept.to_string(),
                    phone: String::new(),
                    initials: String::new(),
                },
                own_initials: String::new(),
                retired_at: None,
            })
            .collect(),
    })];
    changes.push(Change::Meeting(MeetingChange::Create {
        meeting: Meeting {
            id: MEETING,
            title: "局长办公例会".into(),
            starts_at: t("2026-03-09T09:00:00+08:00"),
            room: DEFAULT_ROOM.into(),
            waiting_room: Some("二楼小会议室".into()),
            chair_id: Some(1),
            status: MeetingStatus::Planned,
            postponed_from: None,
            current_topic_id: None,
            is_demo: false,
        },
        people: vec![],
    }));
    changes.push(Change::Topic(TopicChange::Save {
        topic_id: TOPIC,
        registration: TopicRegistration {
            title: "关于开展冬季治安防范专项行动的工作方案".into(),
            department: "治安大队".into(),
            deputy_id: 1,
            channel: Channel::RegistrationForm,
            scope: Scope::new(2).unwrap(),
            summary: "s".into(),
            alternatives: vec!["a".into()],
            legal_basis: "b".into(),
            background: "c".into(),
            involved_departments: vec!["刑侦大队".into()],
            legal_matters: LegalMatters::default(),
            material_copies: 3,
            classified: false,
            submitted_on: t(NOW).date_naive(),
        },
        stage: TopicStage::Ready,
    }));
    changes.push(Change::Topic(TopicChange::Schedule {
        topic_id: TOPIC,
        meeting_id: MEETING,
        seq: 1,
        urgency: Urgency::Urgent,
        added_at: t(NOW),
        after_cutoff: false,
    }));
    for (i, (id, _, _, _, role, topic)) in people.iter().enumerate() {
        changes.push(Change::Meeting(MeetingChange::AddPerson {
            participation: Participation {
                id: 300 + i as i64,
                meeting_id: MEETING,
                person_id: *id,
                role: *role,
                topic_id: *topic,
                is_recorder: *role == Role::Staff,
            },
        }));
    }
    store
        .transact_at(t(NOW), |tx| changes.iter().try_for_each(|c| c.apply(tx)))
        .unwrap();
}

#[test]
fn the_agenda_names_the_topics_in_order_with_their_people() {
    let mut store = Store::open_in_memory("马丽").unwrap();
    week(&mut store);
    let text = export::agenda(&store, MEETING, Lang::Zh, Format::Txt, t(NOW)).unwrap();
    for needle in [
        "局长办公例会议程",
        "2026-03-09 星期一 09:00",
        "主持人：王建国",
        "出席：王建国",
        "列席（全程）：赵文军",
        "记录员：高敏",
        "一、关于开展冬季治安防范专项行动的工作方案",
        "汇报部门：治安大队",
        "分管局领导：王建国",
        "轻重缓急：急",
        "涉及部门：刑侦大队",
        "列席：吴刚",
        "不作新闻报道，不录像，不拍照",
    ] {
        assert!(text.contains(needle), "agenda lacks {needle}\n{text}");
    }
}

#[test]
fn the_sign_in_sheet_leaves_time_and_signature_blank() {
    let mut store = Store::open_in_memory("马丽").unwrap();
    week(&mut store);
    let md = export::signin_sheet(&store, MEETING, Lang::Zh, Format::Md, t(NOW)).unwrap();
    assert!(
        md.contains("| 序号 | 姓名 | 职务／部门 | 签到时间 | 本人签名 |"),
        "{md}"
    );
    assert!(md.contains("| 1 | 吴刚 | 大队长，治安大队 |  |  |"), "{md}");
    for heading in [
        "## 出席",
        "## 列席（全程）",
        "## 列席 · 议题1",
        "## 工作人员",
    ] {
        assert!(md.contains(heading), "no {heading}\n{md}");
    }
}

#[test]
fn the_notice_tells_a_department_who_comes_and_when_to_reply() {
    let mut store = Store::open_in_memory("马丽").unwrap();
    week(&mut store);
    let text = export::notice(
        &store,
        MEETING,
        Some("治安大队"),
        Lang::Zh,
        Format::Txt,
        t(NOW),
    )
    .unwrap();
    assert!(text.contains("治安大队："), "{text}");
    assert!(
        text.contains("定于2026年3月9日（星期一）09:00在旗局二楼党委会议室"),
        "{text}"
    );
    assert!(text.contains("吴刚（列席议题1）"), "{text}");
    assert!(
        text.contains("请于2026年3月8日前反馈参会人员名单"),
        "{text}"
    );
    assert!(!text.contains("局党委："), "one department only\n{text}");
    let all = export::notice(&store, MEETING, None, Lang::En, Format::Md, t(NOW)).unwrap();
    assert!(
        all.contains("To: 局党委") && all.contains("To: 治安大队"),
        "{all}"
    );
}

#[test]
fn huiwu_export_writes_the_papers_owner_only_and_refuses_an_unknown_department() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("huiwu.db");
    {
        let mut store = Store::open(&db, "马丽").unwrap();
        week(&mut store);
    }
    let db = db.to_str().unwrap();
    let out = dir.path().join("notice.md");
    let (mut cmd, _c) = huiwu_cmd_isolated(&[
        "--db",
        db,
        "export",
        "notice",
        "--meeting",
        "2026-03-09",
        "--department",
        "治安大队",
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(cmd.status().unwrap().success());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("吴刚（列席议题1）"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let (mut cmd, _c) = huiwu_cmd_isolated(&[
        "--db",
        db,
        "export",
        "notice",
        "--meeting",
        "latest",
        "--department",
        "交管大队",
    ]);
    let res = cmd.output().unwrap();
    assert!(!res.status.success());
    assert!(String::from_utf8_lossy(&res.stderr).contains("交管大队"));
    for paper in ["agenda", "signin-sheet"] {
        let (mut cmd, _c) =
            huiwu_cmd_isolated(&["--db", db, "export", paper, "--meeting", "latest"]);
        let res = cmd.output().unwrap();
        assert!(res.status.success(), "{paper}");
        assert!(
            String::from_utf8_lossy(&res.stdout).contains("吴刚"),
            "{paper}"
        );
    }
}
