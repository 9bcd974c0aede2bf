//! What the console shows of one meeting, loaded from the store.
use crate::domain::attendance::AttendanceEvent;
use crate::domain::attendance::{PersonAttendance, fold};
use crate::domain::meeting::Meeting;
use crate::domain::people::{Participation, Person, Role};
use crate::domain::roster::{self, Roster};
use crate::domain::topic::{Topic, TopicStatus};
use crate::domain::{Id, Time};
use crate::store::{Result, Store};

#[derive(Clone, Debug)]
pub struct MeetingData {
    pub meeting: Meeting,
    pub topics: Vec<Topic>,
    pub people: Vec<Person>,
    pub parts: Vec<Participation>,
    pub events: Vec<AttendanceEvent>,
    pub roster: Roster,
}

impl MeetingData {
    pub fn load(store: &Store, meeting_id: Id, now: Time) -> Result<Option<Self>> {
        let Some(meeting) = store.meeting(meeting_id)? else {
            return Ok(None);
        };
        let topics = store.topics(meeting_id)?;
        let people = store.people()?;
        let parts = store.participations(meeting_id)?;
        let events = store.attendance_events(meeting_id)?;
        let roster = roster::build(&meeting, &topics, &parts, &events, now);
        Ok(Some(Self {
            meeting,
            topics,
            people,
            parts,
            events,
            roster,
        }))
    }

    /// Recompute flags that move with the clock (overdue minutes).
    pub fn refresh_roster(&mut self, now: Time) {
        self.roster = roster::build(&self.meeting, &self.topics, &self.parts, &self.events, now);
    }

    pub fn person(&self, id: Id) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

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
