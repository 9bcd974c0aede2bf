//! Who is expected today, and how each stands (R2.2, R5.1, R5.3, R8.2). The check-in
//! pane, the waiting room and the attendance report all read this.
//!
//! One person, one line, one arrival: someone sitting in for topics 1 and 4 is listed
//! once (under topic 1, with "议题 1、4"), and their arrival is judged once, against the
//! earliest time they were due.
use std::collections::HashMap;

use super::attendance::{
    AttendanceEvent, Counts, Due, Expectation, PersonAttendance, Presence, Punctuality, due, fold,
    judge, overdue,
};
use super::meeting::Meeting;
use super::people::{Participation, Person, Role};
use super::topic::{Topic, TopicStatus};
use super::{Id, Time};

/// A group of the check-in list, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Attending,
    /// Sitting in for the whole meeting.
    SittingInAll,
    /// Sitting in, first for the topic with this 1-based place on the agenda.
    SittingIn(u32),
    Staff,
    /// Not on the list, admitted with a reason and by whom (R5.1).
    OffList,
}

/// Where a person who has been in the room is now, beyond their presence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterTopic {
    /// Their topic is over and they have gone, as the regulation intends (not 中途退席).
    Done,
    /// Their topic is over; they come back for this later topic.
    Returns(u32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub person_id: Id,
    /// The group the person is listed under (their first part in the meeting).
    pub group: Group,
    /// The agenda places of every topic they sit in for, in order.
    pub topics: Vec<u32>,
    pub is_recorder: bool,
    pub state: PersonAttendance,
    /// The verdict on the first sign-in, judged against the earliest due time.
    pub punctuality: Option<Punctuality>,
    /// Not here and past due (for a topic not yet over): by how many minutes.
    pub overdue: Option<i64>,
    /// Gone after a topic: for good, or to come back for a later one.
    pub after_topic: Option<AfterTopic>,
}

#[derive(Clone, Debug, Default)]
pub struct Roster {
    pub lines: Vec<Line>,
    pub counts: Counts,
}

/// One person's parts in the meeting, gathered.
struct Parts {
    group: Group,
    topics: Vec<(u32, Id)>,
    is_recorder: bool,
    roles: Vec<(Role, Option<u32>)>,
}

/// Build the roster of a meeting at `now`.
pub fn build(
    meeting: &Meeting,
    topics: &[Topic],
    parts: &[Participation],
    events: &[AttendanceEvent],
    now: Time,
) -> Roster {
    let mut by_person: HashMap<Id, Vec<&AttendanceEvent>> = HashMap::new();
    for e in events {
        by_person.entry(e.person_id).or_default().push(e);
    }
    let topic_of = |id: Id| topics.iter().find(|t| t.id == id);
    let started_of_seq = |seq: u32| {
        topics
            .iter()
            .find(|t| t.seq == seq)
            .and_then(|t| t.started_at)
    };
    // Gather each person's parts, in the order they are first listed.
    let mut order: Vec<Id> = Vec::new();
    let mut people: HashMap<Id, Parts> = HashMap::new();
    for p in parts {
        let seq = p.topic_id.and_then(topic_of).map(|t| t.seq);
        let group = match (p.role, seq) {
            (Role::Attending, _) => Group::Attending,
            (Role::Staff, _) => Group::Staff,
            (Role::SittingIn, Some(seq)) => Group::SittingIn(seq),
            (Role::SittingIn, None) => Group::SittingInAll,
        };
        let entry = people.entry(p.person_id).or_insert_with(|| {
            order.push(p.person_id);
            Parts {
                group,
                topics: Vec::new(),
                is_recorder: false,
                roles: Vec::new(),
            }
        });
        entry.group = entry.group.min(group);
        entry.is_recorder |= p.is_recorder;
        entry.roles.push((p.role, seq));
        if let (Role::SittingIn, Some(seq), Some(id)) = (p.role, seq, p.topic_id) {
            entry.topics.push((seq, id));
        }
    }
    let mut lines = Vec::new();
    for person_id in order {
        let Some(p) = people.remove(&person_id) else {
            continue;
        };
        let mut topics_of: Vec<(u32, Id)> = p.topics;
        topics_of.sort_unstable();
        topics_of.dedup();
        let dues: Vec<(Option<Due>, Option<Id>)> = p
            .roles
            .iter()
            .map(|(role, seq)| {
                let previous_started = seq.and_then(|s| s.checked_sub(1)).and_then(started_of_seq);
                let expect = Expectation::for_role(*role, *seq, previous_started);
                let topic_id = seq.and_then(|s| topics_of.iter().find(|t| t.0 == s).map(|t| t.1));
                (due(expect, meeting.starts_at), topic_id)
            })
            .collect();
        // Judged once, against the earliest time the person was due.
        let earliest = dues.iter().filter_map(|(d, _)| *d).min_by_key(|d| d.due);
        let state = fold(by_person.get(&person_id).into_iter().flatten().copied());
        let punctuality = state.first_check_in.map(|at| judge(at, earliest));
        // Overdue only for a part still to come or under way: nobody is overdue for a
        // topic that is over.
        let open_due = dues
            .iter()
            .filter(|(_, topic)| {
                topic
                    .and_then(topic_of)
                    .is_none_or(|t| t.status != TopicStatus::Done)
            })
            .filter_map(|(d, _)| *d)
            .min_by_key(|d| d.due);
        let overdue = match state.presence {
            Presence::Expected => overdue(now, open_due),
            _ => None,
        };
        let after_topic = match state.presence {
            Presence::Gone { .. } => Some(
                topics_of
                    .iter()
                    .find(|(_, id)| topic_of(*id).is_some_and(|t| t.status != TopicStatus::Done))
                    .map(|(seq, _)| AfterTopic::Returns(*seq))
                    .unwrap_or(AfterTopic::Done),
            ),
            _ => None,
        };
        lines.push(Line {
            person_id,
            group: p.group,
            topics: topics_of.iter().map(|(s, _)| *s).collect(),
            is_recorder: p.is_recorder,
            state,
            punctuality,
            overdue,
            after_topic,
        });
    }
    lines.sort_by_key(|l| l.group);
    let counts = count(&lines);
    Roster { lines, counts }
}

fn count(lines: &[Line]) -> Counts {
    let mut c = Counts::default();
    for l in lines {
        c.expected += 1;
        // 实到: everyone who came, even if their topic is over and they have gone.
        if l.state.first_check_in.is_some() {
            c.present += 1;
        }
        // 在场: who is in the room now.
        if matches!(
            l.state.presence,
            Presence::Present { .. } | Presence::CalledIn { .. }
        ) {
            c.in_room += 1;
        }
        match l.state.presence {
            Presence::OnLeave { .. } => c.on_leave += 1,
            Presence::Absent => c.absent += 1,
            _ => {}
        }
        if matches!(l.punctuality, Some(Punctuality::Late { .. })) {
            c.late += 1;
        }
    }
    c
}

impl Roster {
    /// The people listed under a group (each person under their first group only).
    pub fn group(&self, g: Group) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(move |l| l.group == g)
    }

    /// Everyone with a part in a group: for a topic, all who sit in for it, even when
    /// they are listed under an earlier one (the attendance report lists each topic's
    /// people in full).
    pub fn in_group(&self, g: Group) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(move |l| match g {
            Group::SittingIn(seq) => l.topics.contains(&seq),
            other => l.group == other,
        })
    }

    pub fn line(&self, person_id: Id) -> Option<&Line> {
        self.lines.iter().find(|l| l.person_id == person_id)
    }

    /// Move the people admitted from outside the list into their own group (R5.1).
    pub fn mark_off_list(&mut self, admitted: &[Id]) {
        for l in &mut self.lines {
            if admitted.contains(&l.person_id) {
                l.group = Group::OffList;
            }
        }
        self.lines.sort_by_key(|l| l.group);
    }

    pub fn person_name(people: &[Person], id: Id) -> &str {
        people
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.as_str())
            .unwrap_or("?")
    }
}
