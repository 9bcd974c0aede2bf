//! The demo meeting: a live meeting dated today, so a newcomer sees the console at work.
//!
//! Built from the regulation's world: the leadership team, the party committee member and
//! the legal brigade head sitting in throughout, four topics of different scope categories,
//! each with its sitting-in people.
mod history;
mod words;

pub use history::{Generated, generate};

use chrono::{Duration, DurationRound};

use crate::domain::attendance::{EventKind, Place};
use crate::domain::decision::Decision;
use crate::domain::meeting::{DEFAULT_ROOM, Meeting, MeetingStatus};
use crate::domain::people::{Participation, Person, Role};
use crate::domain::procedure::Step;
use crate::domain::topic::{Channel, Scope, Topic, TopicStatus};
use crate::domain::{Id, Time};
use crate::store::{Result, Store, procedure::NewEntry};

/// (name, initials, title, department)
const PEOPLE: &[(&str, &str, &str, &str)] = &[
    ("王建国", "wjg", "局长", "局领导"),
    ("李志强", "lzq", "政委", "局领导"),
    ("张海峰", "zhf", "副局长（分管刑侦、禁毒）", "局领导"),
    ("刘卫东", "lwd", "副局长（分管治安、交管）", "局领导"),
    ("陈明", "cm", "副局长（分管监管、法制）", "局领导"),
    ("赵文军", "zwj", "党委委员", "局党委"),
    ("孙立平", "slp", "大队长", "督察法制大队"),
    ("周强", "zq", "大队长", "刑侦大队"),
    ("吴刚", "wg", "大队长", "治安大队"),
    ("郑伟", "zw", "大队长", "交管大队"),
    ("冯建华", "fjh", "所长", "看守所"),
    ("何勇", "hy", "大队长", "禁毒大队"),
    ("马丽", "ml", "主任", "办公室"),
    ("巴特尔", "bte", "所长", "嘎鲁图派出所"),
    ("高敏", "gm", "科员（记录员）", "办公室"),
    ("杨帆", "yf", "科员（会务）", "办公室"),
];

/// Load the demo unless one is there already (idempotent). Returns the demo meeting's id.
pub fn load(store: &mut Store, now: Time) -> Result<Id> {
    if let Some(m) = store.latest_demo_meeting()? {
        return Ok(m.id);
    }
    let mut ids = Vec::new();
    for (name, initials, title, department) in PEOPLE {
        ids.push(store.insert_person(&Person {
            id: 0,
            name: name.to_string(),
            title: title.to_string(),
            department: department.to_string(),
            phone: String::new(),
            initials: initials.to_string(),
        })?);
    }
    // The demo's people stay off the back office's roster (a demo never mixes with the real).
    store.mark_demo_people(&ids)?;
    let id = |name: &str| -> Id {
        PEOPLE
            .iter()
            .position(|p| p.0 == name)
            .and_then(|i| ids.get(i).copied())
            .unwrap_or_default()
    };
    // Started twelve minutes before the program first ran, on the minute.
    let start = now.duration_trunc(Duration::minutes(1)).unwrap_or(now) - Duration::minutes(12);
    let min = |m: i64| start + Duration::minutes(m);
    let meeting_id = store.insert_meeting(&Meeting {
        id: 0,
        title: "局长办公例会（演示）".into(),
        starts_at: start,
        room: DEFAULT_ROOM.into(),
        waiting_room: Some("二楼小会议室（候会室）".into()),
        chair_id: Some(id("王建国")),
        status: MeetingStatus::Planned,
        postponed_from: None,
        current_topic_id: None,
        is_demo: true,
    })?;

    let topics = [
        (
            "关于开展冬季治安防范专项行动的工作方案",
            "治安大队",
            "刘卫东",
            Channel::RegistrationForm,
            2,
            false,
            &["吴刚", "巴特尔", "郑伟"][..],
        ),
        (
            "关于“11·08”系列入室盗窃案件侦办情况的汇报",
            "刑侦大队",
            "张海峰",
            Channel::SpecialMeeting,
            3,
            true,
            &["周强", "何勇"][..],
        ),
        (
            "关于一起疑难经济案件撤案及变更强制措施的请示",
            "刑侦大队",
            "陈明",
            Channel::LeaderInstruction,
            4,
            true,
            &["周强", "冯建华"][..],
        ),
        (
            "关于元旦春节期间重大安保任务的紧急请示",
            "交管大队",
            "刘卫东",
            Channel::UrgentForm,
            8,
            false,
            &["郑伟", "吴刚"][..],
        ),
    ];
    let mut topic_ids = Vec::new();
    for (i, (title, dept, deputy, channel, scope, legal, sitting)) in topics.iter().enumerate() {
        let topic_id = store.insert_topic(&Topic {
            id: 0,
            meeting_id: Some(meeting_id),
            seq: i as u32 + 1,
            title: title.to_string(),
            department: dept.to_string(),
            deputy_id: Some(id(deputy)),
            channel: *channel,
            scope: Scope::new(*scope).unwrap_or(Scope::OTHER),
            needs_legal_review: *legal,
            alternatives: if i == 0 {
                vec![
                    "方案一：全旗统一部署，为期三个月".into(),
                    "方案二：重点地区先行，分两批推开".into(),
                ]
            } else {
                Vec::new()
            },
            status: TopicStatus::Pending,
            started_at: None,
            ended_at: None,
        })?;
        topic_ids.push(topic_id);
        for who in *sitting {
            part(
                store,
                meeting_id,
                id(who),
                Role::SittingIn,
                Some(topic_id),
                false,
            )?;
        }
    }
    for who in ["王建国", "李志强", "张海峰", "刘卫东", "陈明"] {
        part(store, meeting_id, id(who), Role::Attending, None, false)?;
    }
    for who in ["赵文军", "孙立平"] {
        part(store, meeting_id, id(who), Role::SittingIn, None, false)?;
    }
    part(store, meeting_id, id("高敏"), Role::Staff, None, true)?;
    part(store, meeting_id, id("杨帆"), Role::Staff, None, false)?;

    let room = EventKind::CheckIn { place: Place::Room };
    for (who, m) in [
        ("高敏", -20),
        ("杨帆", -16),
        ("王建国", -8),
        ("李志强", -6),
        ("张海峰", -5),
        ("赵文军", -7),
        ("孙立平", -4),
        ("吴刚", -10),
        ("巴特尔", -6),
        ("郑伟", -5),
        ("刘卫东", 3),
    ] {
        store.record_attendance(meeting_id, id(who), &room, min(m), "")?;
    }
    store.record_attendance(
        meeting_id,
        id("陈明"),
        &EventKind::Leave {
            reason: "参加市局专题培训".into(),
            approver: "王建国".into(),
        },
        min(-30),
        "",
    )?;

    // The first topic is under way; the second topic's people are arriving outside.
    let first = topic_ids.first().copied();
    store.advance_topic(meeting_id, None, first, min(2), &[])?;
    if let Some(t) = first {
        store.change_step(t, None, Some(Step::Report), min(2))?;
        let entry = store.insert_entry(&NewEntry {
            topic_id: t,
            step: Step::Report,
            speaker_id: Some(id("吴刚")),
            speaker_name: "吴刚",
            off_list: false,
            started_at: min(2),
        })?;
        store.save_entry_texts(
            &[(
                entry.id,
                "入冬以来，全旗盗窃、诈骗类警情较去年同期有所上升，夜间侵财案件集中在城区和嘎鲁图镇。\
                 为此，治安大队会同各派出所拟定了冬季治安防范专项行动方案，主要内容有三点："
                    .into(),
            )],
            min(9),
        )?;
        store.save_decision(&Decision::empty(t, Some(id("刘卫东"))))?;
    }
    store.record_attendance(
        meeting_id,
        id("周强"),
        &EventKind::CheckIn {
            place: Place::WaitingRoom,
        },
        min(4),
        "",
    )?;
    Ok(meeting_id)
}

/// One person's part in a meeting (the demo and its generated history share it).
pub(crate) fn part(
    store: &mut Store,
    meeting_id: Id,
    person_id: Id,
    role: Role,
    topic_id: Option<Id>,
    is_recorder: bool,
) -> Result<Id> {
    store.insert_participation(&Participation {
        id: 0,
        meeting_id,
        person_id,
        role,
        topic_id,
        is_recorder,
    })
}
