//! One read model of a meeting: what the console shows and what the papers print, loaded
//! once from the store. Changes the console has queued but the database has not yet
//! taken are laid over it with [`MeetingView::apply`], so the screen shows what was done
//! even while the disk or a lock holds the write back.
use super::change::Change;
use super::{Result, Store};
use crate::domain::attendance::{AttendanceEvent, EventKind, PersonAttendance, Place, fold};
use crate::domain::meeting::{Meeting, MeetingStatus};
use crate::domain::people::{Admission, Participation, Person, Role};
use crate::domain::roster::{self, Roster};
use crate::domain::topic::{Topic, TopicStatus};
use crate::domain::{Id, Time};

#[derive(Clone, Debug)]
pub struct MeetingView {
    pub meeting: Meeting,
    pub topics: Vec<Topic>,
    pub people: Vec<Person>,
    pub parts: Vec<Participation>,
    pub events: Vec<AttendanceEvent>,
    /// People admitted from outside the list (R5.1).
    pub admissions: Vec<Admission>,
    pub roster: Roster,
    /// Decisions of earlier meetings open on this meeting's date (R7.3).
    pub carried: Carried,
    /// Filed in the archive: read-only (R7.4).
    pub archived: bool,
}

/// How many decisions of earlier meetings were open on a meeting's date, and how many of
/// those were past their deadline (上次会议决定事项落实情况).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Carried {
    pub open: usize,
    pub overdue: usize,
}

impl MeetingView {
    pub fn load(store: &Store, meeting_id: Id, now: Time) -> Result<Option<Self>> {
        let Some(meeting) = store.meeting(meeting_id)? else {
            return Ok(None);
        };
        let topics = store.topics(meeting_id)?;
        let people = store.people()?;
        let parts = store.participations(meeting_id)?;
        let events = store.attendance_events(meeting_id)?;
        let admissions = store.admissions(meeting_id)?;
        let carried = store.carried_count(meeting.id, meeting.starts_at.date_naive())?;
        let archived = store.is_archived(meeting.id)?;
        let mut view = Self {
            carried,
            archived,
            meeting,
            topics,
            people,
            parts,
            events,
            admissions,
            roster: Roster::default(),
        };
        view.refresh_roster(now);
        Ok(Some(view))
    }

    /// Lay a change the database has not taken yet over what was loaded, made at `at`.
    /// Returns whether it touched this meeting.
    pub fn apply(&mut self, change: &Change, at: Time) -> bool {
        match change {
            Change::Attendance {
                meeting_id,
                person_id,
                kind,
                at: when,
                note,
            } if *meeting_id == self.meeting.id => {
                self.events.push(AttendanceEvent {
                    id: 0,
                    meeting_id: *meeting_id,
                    person_id: *person_id,
                    kind: kind.clone(),
                    at: *when,
                    note: note.clone(),
                });
                true
            }
            Change::Advance {
                meeting_id,
                from,
                to,
                events,
            } if *meeting_id == self.meeting.id => {
                for t in &mut self.topics {
                    if Some(t.id) == *from {
                        t.status = TopicStatus::Done;
                        t.ended_at = Some(at);
                    }
                    if Some(t.id) == *to {
                        t.status = TopicStatus::Current;
                        t.started_at.get_or_insert(at);
                    }
                }
                self.meeting.current_topic_id = *to;
                self.meeting.status = if to.is_some() {
                    MeetingStatus::InProgress
                } else {
                    MeetingStatus::Closed
                };
                for (person, kind) in events {
                    self.events.push(AttendanceEvent {
                        id: 0,
                        meeting_id: *meeting_id,
                        person_id: *person,
                        kind: kind.clone(),
                        at,
                        note: String::new(),
                    });
                }
                true
            }
            Change::Admit { person, admission } if admission.meeting_id == self.meeting.id => {
                if self.person(person.id).is_none() {
                    self.people.push(person.clone());
                }
                self.parts.push(Participation {
                    id: 0,
                    meeting_id: admission.meeting_id,
                    person_id: person.id,
                    role: Role::SittingIn,
                    topic_id: None,
                    is_recorder: false,
                });
                self.admissions.push(admission.clone());
                self.events.push(AttendanceEvent {
                    id: 0,
                    meeting_id: admission.meeting_id,
                    person_id: person.id,
                    kind: EventKind::CheckIn { place: Place::Room },
                    at: admission.at,
                    note: format!("{}；{}", admission.reason, admission.allowed_by),
                });
                true
            }
            _ => false,
        }
    }

    /// Recompute what moves with the clock or with new events (overdue minutes, counts).
    pub fn refresh_roster(&mut self, now: Time) {
        self.roster = roster::build(&self.meeting, &self.topics, &self.parts, &self.events, now);
        let admitted: Vec<Id> = self.admissions.iter().map(|a| a.person_id).collect();
        self.roster.mark_off_list(&admitted);
    }

    /// Why a person from outside the list was admitted, if they were.
    pub fn admission(&self, person_id: Id) -> Option<&Admission> {
        self.admissions.iter().find(|a| a.person_id == person_id)
    }

    pub fn person(&self, id: Id) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// A person's name; "?" for an id that names nobody.
    pub fn name(&self, id: Id) -> &str {
        self.person(id).map(|p| p.name.as_str()).unwrap_or("?")
    }

    pub fn topic(&self, id: Id) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn current_topic(&self) -> Option<&Topic> {
        self.meeting
            .current_topic_id
            .and_then(|id| self.topic(id))
            .or_else(|| {
                self.topics
                    .iter()
                    .find(|t| t.status == TopicStatus::Current)
            })
    }

    /// The topic after the current one (or the first, before any has begun).
    pub fn next_topic(&self) -> Option<&Topic> {
        let after = self.current_topic().map(|t| t.seq).unwrap_or(0);
        self.topics
            .iter()
            .find(|t| t.seq > after && t.status == TopicStatus::Pending)
    }

    /// Sitting-in people of a topic, in list order, each once.
    pub fn topic_people(&self, topic_id: Id) -> Vec<Id> {
        let mut out: Vec<Id> = Vec::new();
        for p in &self.parts {
            if p.role == Role::SittingIn
                && p.topic_id == Some(topic_id)
                && !out.contains(&p.person_id)
            {
                out.push(p.person_id);
            }
        }
        out
    }

    pub fn state_of(&self, person_id: Id) -> PersonAttendance {
        fold(self.events.iter().filter(|e| e.person_id == person_id))
    }

    /// The 1-based agenda place of the topic a person sits in for, if any (the earliest
    /// not yet done).
    pub fn topic_seq_of(&self, person_id: Id) -> Option<u32> {
        self.parts
            .iter()
            .filter(|p| p.person_id == person_id && p.role == Role::SittingIn)
            .filter_map(|p| p.topic_id.and_then(|t| self.topic(t)))
            .filter(|t| t.status != TopicStatus::Done)
            .map(|t| t.seq)
            .min()
    }

    pub fn chair_name(&self) -> &str {
        self.meeting.chair_id.map(|id| self.name(id)).unwrap_or("")
    }

    pub fn recorder_name(&self) -> Option<&str> {
        self.parts
            .iter()
            .find(|p| p.is_recorder)
            .map(|p| self.name(p.person_id))
    }
}
