//! Who is expected today, in which group, and how each stands (R2.2, R5.1, R5.3, R8.2).
//! The check-in pane, the waiting room and the attendance export all read this.
use std::collections::HashMap;

use super::attendance::{
    AttendanceEvent, Counts, Expectation, PersonAttendance, Presence, Punctuality, due, fold,
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
    /// Sitting in for the topic with this 1-based place on the agenda.
    SittingIn(u32),
    Staff,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub person_id: Id,
    pub group: Group,
    pub is_recorder: bool,
    pub state: PersonAttendance,
    /// The verdict on the first sign-in, if any.
    pub punctuality: Option<Punctuality>,
    /// Not here and past due: by how many minutes.
    pub overdue: Option<i64>,
}

#[derive(Clone, Debug, Default)]
pub struct Roster {
    pub lines: Vec<Line>,
    pub counts: Counts,
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
    let seq_of = |topic_id: Id| topics.iter().find(|t| t.id == topic_id).map(|t| t.seq);
    let started_of_seq = |seq: u32| {
        topics
            .iter()
            .find(|t| t.seq == seq)
            .and_then(|t| t.started_at)
    };
    let mut lines = Vec::new();
    for p in parts {
        let topic_seq = p.topic_id.and_then(seq_of);
        let group = match (p.role, topic_seq) {
            (Role::Attending, _) => Group::Attending,
            (Role::Staff, _) => Group::Staff,
            (Role::SittingIn, Some(seq)) => Group::SittingIn(seq),
            (Role::SittingIn, None) => Group::SittingInAll,
        };
        let previous_started = topic_seq
            .and_then(|s| s.checked_sub(1))
            .and_then(started_of_seq);
        let expect = Expectation::for_role(p.role, topic_seq, previous_started);
        let due = due(expect, meeting.starts_at);
        let state = fold(by_person.get(&p.person_id).into_iter().flatten().copied());
        let punctuality = state.first_check_in.map(|at| judge(at, due));
        let not_here = matches!(state.presence, Presence::Expected);
        // Nobody is overdue for a topic that is already over.
        let topic_over = p
            .topic_id
            .and_then(|id| topics.iter().find(|t| t.id == id))
            .is_some_and(|t| t.status == TopicStatus::Done);
        let overdue = if not_here && !topic_over {
            overdue(now, due)
        } else {
            None
        };
        lines.push(Line {
            person_id: p.person_id,
            group,
            is_recorder: p.is_recorder,
            state,
            punctuality,
            overdue,
        });
    }
    lines.sort_by_key(|l| l.group);
    let counts = count(&lines);
    Roster { lines, counts }
}

fn count(lines: &[Line]) -> Counts {
    let mut c = Counts::default();
    let mut seen: Vec<Id> = Vec::new();
    for l in lines {
        // A person sitting in for two topics is one person expected.
        if seen.contains(&l.person_id) {
            continue;
        }
        seen.push(l.person_id);
        c.expected += 1;
        match l.state.presence {
            Presence::Present { .. } | Presence::CalledIn { .. } | Presence::Waiting { .. } => {
                c.present += 1
            }
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
    /// The lines of one group.
    pub fn group(&self, g: Group) -> impl Iterator<Item = &Line> {
        self.lines.iter().filter(move |l| l.group == g)
    }

    pub fn person_name(people: &[Person], id: Id) -> &str {
        people
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.as_str())
            .unwrap_or("?")
    }
}
