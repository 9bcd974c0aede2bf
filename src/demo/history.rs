//! Years of generated history before the demo meeting (`huiwu demo --years N`): weekly
//! meetings with their topics, people, sign-ins, the five steps typed by the recorder,
//! decisions, closing and the follow-up register with notes — shaped like the real thing
//! and reproducible from a seed, for benchmarks and for trying the program on a bureau's
//! ten years of data. Every row goes through the same store code the program writes with.
use chrono::{Duration, NaiveDate};

use super::part;
use super::words::{DECISIONS, DEPARTMENTS, KINDS, MATTERS, NOTES, SENTENCES, Seeded};
use crate::domain::attendance::{EventKind, Place};
use crate::domain::decision::{DEFAULT_SUPERVISOR, Decision, Outcome};
use crate::domain::meeting::{DEFAULT_ROOM, Meeting, MeetingStatus};
use crate::domain::people::{Person, Role};
use crate::domain::procedure::{Entry, Step};
use crate::domain::topic::{Channel, Scope, Topic, TopicStatus};
use crate::domain::{Id, Time};
use crate::store::after::AfterChange;
use crate::store::change::Change;
use crate::store::{Result, Store, new_id};

/// Topics per meeting (R2.1: no more than five).
const TOPICS: usize = 5;
/// Sitting-in people per topic.
const SITTING_IN: usize = 3;

/// What a generated history holds, counted as it is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    pub meetings: usize,
    pub topics: usize,
    pub entries: usize,
    pub characters: usize,
    pub attendance_events: usize,
    pub decisions: usize,
    pub notes: usize,
}

/// Write `years` of weekly meetings before `first`, the Monday 09:00 of the demo's week.
/// `progress` is told after each meeting (done, total).
pub fn generate(
    store: &mut Store,
    first: Time,
    years: u32,
    seed: u64,
    mut progress: impl FnMut(usize, usize),
) -> Result<Generated> {
    let mut rng = Seeded::new(seed);
    let people = roster(store)?;
    let weeks = years as usize * 52;
    let mut out = Generated::default();
    for w in (1..=weeks).rev() {
        let start = first - Duration::weeks(w as i64);
        one_meeting(store, &mut rng, &people, start, &mut out)?;
        progress(weeks - w + 1, weeks);
    }
    Ok(out)
}

/// The people meetings are made of: the demo's roster plus a deputy per department.
struct People {
    leaders: Vec<Id>,
    chair: Id,
    whole: Vec<Id>,
    staff: (Id, Id),
    heads: Vec<(Id, String)>,
}

fn roster(store: &mut Store) -> Result<People> {
    let all = store.people()?;
    let find = |name: &str| all.iter().find(|p| p.name == name).map(|p| p.id);
    let leaders: Vec<Id> = ["王建国", "李志强", "张海峰", "刘卫东", "陈明"]
        .iter()
        .filter_map(|n| find(n))
        .collect();
    let whole: Vec<Id> = ["赵文军", "孙立平"]
        .iter()
        .filter_map(|n| find(n))
        .collect();
    let staff = (
        find("高敏").unwrap_or_default(),
        find("杨帆").unwrap_or_default(),
    );
    let mut heads = Vec::new();
    for (i, dept) in DEPARTMENTS.iter().enumerate() {
        for k in 0..2 {
            let name = format!(
                "{}{}",
                ["赵", "钱", "孙", "李", "周", "吴", "郑", "王"][i],
                ["伟", "强"][k]
            );
            let id = store.insert_person(&Person {
                id: 0,
                name,
                title: if k == 0 { "大队长" } else { "教导员" }.into(),
                department: dept.to_string(),
                phone: String::new(),
                initials: String::new(),
            })?;
            heads.push((id, dept.to_string()));
        }
    }
    Ok(People {
        chair: leaders.first().copied().unwrap_or_default(),
        leaders,
        whole,
        staff,
        heads,
    })
}

fn one_meeting(
    store: &mut Store,
    rng: &mut Seeded,
    people: &People,
    start: Time,
    out: &mut Generated,
) -> Result<()> {
    let min = |m: i64| start + Duration::minutes(m);
    let meeting_id = store.insert_meeting(&Meeting {
        id: 0,
        title: "局长办公例会".into(),
        starts_at: start,
        room: DEFAULT_ROOM.into(),
        waiting_room: Some("二楼小会议室（候会室）".into()),
        chair_id: Some(people.chair),
        status: MeetingStatus::Planned,
        postponed_from: None,
        current_topic_id: None,
        // Generated history is demo data: it never hides a real meeting.
        is_demo: true,
    })?;
    out.meetings += 1;
    let mut changes: Vec<(Time, Change)> = Vec::new();
    let mut topic_ids = Vec::new();
    let mut sitting: Vec<Vec<Id>> = Vec::new();
    for seq in 1..=TOPICS {
        let matter = rng.pick(MATTERS).copied().unwrap_or("工作");
        let kind = rng.pick(KINDS).copied().unwrap_or("请示");
        let (head, dept) = people
            .heads
            .get(rng.below(people.heads.len()))
            .cloned()
            .unwrap_or_default();
        let deputy = people.leaders.get(1 + rng.below(4)).copied();
        let topic_id = store.insert_topic(&Topic {
            id: 0,
            meeting_id: Some(meeting_id),
            seq: seq as u32,
            title: format!("关于{matter}的{kind}"),
            department: dept.clone(),
            deputy_id: deputy,
            channel: Channel::RegistrationForm,
            scope: Scope::new([1, 2, 3, 4, 5, 7, 8, 9][rng.below(8)]).unwrap_or(Scope::OTHER),
            needs_legal_review: rng.chance(30),
            alternatives: Vec::new(),
            status: TopicStatus::Pending,
            started_at: None,
            ended_at: None,
        })?;
        out.topics += 1;
        topic_ids.push((topic_id, deputy));
        let mut who = vec![head];
        while who.len() < SITTING_IN {
            let (id, _) = people
                .heads
                .get(rng.below(people.heads.len()))
                .cloned()
                .unwrap_or_default();
            if !who.contains(&id) {
                who.push(id);
            }
        }
        for p in &who {
            part(
                store,
                meeting_id,
                *p,
                Role::SittingIn,
                Some(topic_id),
                false,
            )?;
        }
        sitting.push(who);
    }
    for p in &people.leaders {
        part(store, meeting_id, *p, Role::Attending, None, false)?;
    }
    for p in &people.whole {
        part(store, meeting_id, *p, Role::SittingIn, None, false)?;
    }
    part(store, meeting_id, people.staff.0, Role::Staff, None, true)?;
    part(store, meeting_id, people.staff.1, Role::Staff, None, false)?;

    // Sign-ins: most on time, some late, now and then a leave.
    let room = EventKind::CheckIn { place: Place::Room };
    let attend = |changes: &mut Vec<(Time, Change)>,
                  person: Id,
                  at: Time,
                  kind: EventKind,
                  out: &mut Generated| {
        out.attendance_events += 1;
        changes.push((
            at,
            Change::Attendance {
                meeting_id,
                person_id: person,
                kind,
                at,
                note: String::new(),
            },
        ));
    };
    for p in people.leaders.iter().chain(&people.whole) {
        if rng.chance(5) {
            let leave = EventKind::Leave {
                reason: "外出开会".into(),
                approver: "王建国".into(),
            };
            attend(&mut changes, *p, min(-60), leave, out);
        } else {
            let late = if rng.chance(10) {
                1 + rng.below(10) as i64
            } else {
                0
            };
            attend(&mut changes, *p, min(-8 + late), room.clone(), out);
        }
    }
    attend(&mut changes, people.staff.0, min(-20), room.clone(), out);
    attend(&mut changes, people.staff.1, min(-17), room.clone(), out);

    // Each topic: its people wait, come in, the five steps are typed, the decision made.
    let mut t = 0i64;
    for (i, (topic_id, deputy)) in topic_ids.iter().enumerate() {
        let who = sitting.get(i).cloned().unwrap_or_default();
        let waiting = EventKind::CheckIn {
            place: if i == 0 {
                Place::Room
            } else {
                Place::WaitingRoom
            },
        };
        for p in &who {
            attend(&mut changes, *p, min(t - 5), waiting.clone(), out);
            if i > 0 {
                attend(&mut changes, *p, min(t - 1), EventKind::CalledIn, out);
            }
        }
        let previous = if i == 0 {
            None
        } else {
            topic_ids.get(i - 1).map(|x| x.0)
        };
        let entered: Vec<(Id, EventKind)> = if i == 0 {
            Vec::new()
        } else {
            who.iter().map(|p| (*p, EventKind::Entered)).collect()
        };
        let mut events = entered;
        if let Some(prev) = i.checked_sub(1).and_then(|k| sitting.get(k)) {
            events.extend(prev.iter().map(|p| (*p, EventKind::TopicEnded)));
        }
        out.attendance_events += events.len();
        changes.push((
            min(t),
            Change::Advance {
                meeting_id,
                from: previous,
                to: Some(*topic_id),
                events,
            },
        ));
        let speakers = [
            who.first().copied(),
            *deputy,
            people.leaders.get(2).copied(),
            people.leaders.get(3).copied(),
            Some(people.chair),
        ];
        for (k, step) in Step::ALL.iter().enumerate() {
            let at = min(t + 1 + 3 * k as i64);
            let text = speech(rng, if *step == Step::Decision { 2 } else { 4 });
            out.entries += 1;
            out.characters += text.chars().count();
            changes.push((
                at,
                Change::Step {
                    topic_id: *topic_id,
                    leave: Step::ALL.get(k.wrapping_sub(1)).copied().filter(|_| k > 0),
                    enter: Some(*step),
                },
            ));
            changes.push((
                at,
                Change::NewEntry {
                    entry: Entry {
                        id: new_id(),
                        topic_id: *topic_id,
                        step: *step,
                        seq: 1,
                        speaker_id: speakers.get(k).copied().flatten(),
                        speaker_name: String::new(),
                        off_list: false,
                        started_at: at,
                        text,
                    },
                },
            ));
        }
        let decided = min(t + 16);
        let outcome = if rng.chance(85) {
            Outcome::Approved
        } else {
            Outcome::ApprovedInPrinciple
        };
        let deadline = decided.date_naive() + Duration::days(14 + rng.below(60) as i64);
        out.decisions += 1;
        changes.push((
            decided,
            Change::Decision {
                decision: Decision {
                    topic_id: *topic_id,
                    outcome: Some(outcome),
                    text: rng.pick(DECISIONS).copied().unwrap_or("同意。").to_string(),
                    alternative: None,
                    deputy_id: *deputy,
                    units: who_department(people, &who),
                    deadline: Some(deadline),
                    supervisor: DEFAULT_SUPERVISOR.into(),
                    dissent: String::new(),
                    decided_at: Some(decided),
                },
            },
        ));
        t += 18;
    }
    let end = min(t);
    changes.push((
        end,
        Change::AfterMeeting {
            after: AfterChange::Close { meeting_id },
        },
    ));
    store.transact_at(start, |tx| {
        for (at, c) in &changes {
            tx.set_at(*at);
            c.apply(tx)?;
        }
        Ok(())
    })?;
    follow_up(store, rng, meeting_id, end, out)
}

/// Progress notes on the meeting's register items; most end done, a few stall.
fn follow_up(
    store: &mut Store,
    rng: &mut Seeded,
    meeting_id: Id,
    end: Time,
    out: &mut Generated,
) -> Result<()> {
    let closed: NaiveDate = end.date_naive();
    let items: Vec<Id> = store
        .followup_items_of(meeting_id)?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let mut changes = Vec::new();
    for item in items {
        for k in 0..2 {
            out.notes += 1;
            changes.push(Change::AfterMeeting {
                after: AfterChange::FollowUpNote {
                    note_id: new_id(),
                    item_id: item,
                    kind: "note".into(),
                    on: closed + Duration::days(7 * (k + 1)),
                    by: "督察法制大队".into(),
                    text: rng.pick(NOTES).copied().unwrap_or("已落实。").to_string(),
                },
            });
        }
        if rng.chance(90) {
            changes.push(Change::AfterMeeting {
                after: AfterChange::FollowUpStatus {
                    item_id: item,
                    status: "done".into(),
                    on: closed + Duration::days(30),
                    by: "督察法制大队".into(),
                    note: "已全部完成。".into(),
                },
            });
        }
    }
    let at = end + Duration::days(30);
    store.transact_at(at, |tx| {
        for c in &changes {
            c.apply(tx)?;
        }
        Ok(())
    })
}

fn who_department(people: &People, who: &[Id]) -> String {
    who.iter()
        .filter_map(|id| {
            people
                .heads
                .iter()
                .find(|(h, _)| h == id)
                .map(|(_, d)| d.clone())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A speech of about `sentences` sentences, in paragraphs.
fn speech(rng: &mut Seeded, sentences: usize) -> String {
    let mut out = String::new();
    for k in 0..sentences {
        out.push_str(rng.pick(SENTENCES).copied().unwrap_or("。"));
        if k % 3 == 2 && k + 1 < sentences {
            out.push('\n');
        }
    }
    out
}
