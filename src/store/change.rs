//! A change to the record, as the console makes it: data, not a call. Every edit a screen
//! makes — text, a speaker, a step, a check-in, a decision, moving to the next topic — is
//! one of these, handed to the save queue ([`super::writer`]) that commits it, retries it
//! while the database refuses, and reports it saved. Being data, a change that never
//! reached the database can be written to the emergency file and brought back later.
use serde::{Deserialize, Serialize};

use super::after::AfterChange;
use super::calendar::CalendarChange;
use super::entry_text::{self, TextSave};
use super::intake::TopicChange;
use super::lease::{self, LeaseKey, LeaseOp};
use super::planning::MeetingChange;
use super::prep::PrepChange;
use super::roster::PeopleChange;
use super::tx::Tx;
use super::{Result, SessionState, attendance, decision, people, procedure, session, topic};
use crate::domain::attendance::EventKind;
use crate::domain::decision::Decision;
use crate::domain::people::{Admission, Person};
use crate::domain::procedure::{Entry, Step};
use crate::domain::splice::Splice;
use crate::domain::{Id, Time};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// A new entry, with the id the console chose for it (see [`super::new_id`]).
    NewEntry {
        entry: Entry,
    },
    /// The whole text of an entry as it is now.
    EntryText {
        entry_id: Id,
        text: String,
    },
    /// The part of an entry's text that changed since its last save (issue 11).
    EntrySplice {
        entry_id: Id,
        splice: Splice,
    },
    EntrySpeaker {
        entry_id: Id,
        speaker_id: Option<Id>,
        speaker_name: String,
        off_list: bool,
    },
    /// Leave one step of a topic and enter another (R6).
    Step {
        topic_id: Id,
        leave: Option<Step>,
        enter: Option<Step>,
    },
    /// An attendance event at its own time (a sign-in may be typed in afterwards).
    Attendance {
        meeting_id: Id,
        person_id: Id,
        kind: EventKind,
        at: Time,
        #[serde(default)]
        note: String,
    },
    Decision {
        decision: Decision,
    },
    /// End one topic and begin the next, with the people who leave and enter (R5.3).
    Advance {
        meeting_id: Id,
        from: Option<Id>,
        to: Option<Id>,
        events: Vec<(Id, EventKind)>,
    },
    /// Someone not on the list admitted, with why and by whom, and signed in (R5.1).
    Admit {
        person: Person,
        admission: Admission,
    },
    /// Changes brought back from an emergency file: an audit row names the file.
    Restored {
        file: String,
    },
    /// After the meeting (R7): closing, minutes, tidied record, follow-up, archive.
    AfterMeeting {
        after: AfterChange,
    },
    /// Where the operator is (not part of the record; never audited).
    Session {
        session: SessionState,
    },
    /// The back office (F3): a meeting's plan, its topics, the roster, the preparation,
    /// the office's calendar (see the store file of each).
    Meeting(MeetingChange),
    Topic(TopicChange),
    People(PeopleChange),
    Prep(PrepChange),
    Calendar(CalendarChange),
    /// Take, renew or release an edit lease (not part of the record; never audited).
    Lease {
        key: LeaseKey,
        op: LeaseOp,
    },
}

impl Change {
    /// Write this change inside `tx`.
    pub fn apply(&self, tx: &Tx<'_>) -> Result<()> {
        match self {
            Self::NewEntry { entry } => procedure::insert_entry(tx, entry, true).map(|_| ()),
            // Another terminal editing the entry or the decision: never overwrite it
            // (the text's save checks the lease).
            Self::EntryText { entry_id, text } => procedure::save_text(tx, *entry_id, text),
            Self::EntrySplice { entry_id, splice } => {
                entry_text::save_entry_text(tx, *entry_id, &[TextSave::Splice(splice)], false)
            }
            Self::EntrySpeaker {
                entry_id,
                speaker_id,
                speaker_name,
                off_list,
            } => {
                lease::guard(tx, lease::ENTRY, *entry_id)?;
                procedure::set_speaker(tx, *entry_id, *speaker_id, speaker_name, *off_list)
            }
            Self::Step {
                topic_id,
                leave,
                enter,
            } => procedure::change_step(tx, *topic_id, *leave, *enter),
            Self::Attendance {
                meeting_id,
                person_id,
                kind,
                at,
                note,
            } => attendance::insert_event(tx, *meeting_id, *person_id, kind, *at, note).map(|_| ()),
            Self::Decision { decision } => {
                lease::guard(tx, lease::DECISION, decision.topic_id)?;
                decision::save_decision(tx, decision)
            }
            Self::Advance {
                meeting_id,
                from,
                to,
                events,
            } => topic::advance(tx, *meeting_id, *from, *to, events),
            Self::Admit { person, admission } => people::admit(tx, person, admission),
            Self::Restored { file } => tx.audit(
                super::tx::Audit::new("restore", "emergency_file", None).values(None, Some(file)),
            ),
            Self::AfterMeeting { after } => after.apply(tx),
            Self::Session { session } => session::save_session(tx, session),
            Self::Meeting(c) => c.apply(tx),
            Self::Topic(c) => c.apply(tx),
            Self::People(c) => c.apply(tx),
            Self::Prep(c) => c.apply(tx),
            Self::Calendar(c) => c.apply(tx),
            Self::Lease { key, op } => lease::apply(tx, key, op),
        }
    }

    /// Text a person typed in this change, if any: what the emergency file must keep
    /// readable (of a splice, the part it carries).
    pub fn typed_text(&self) -> Option<&str> {
        match self {
            Self::EntryText { text, .. } => Some(text),
            Self::EntrySplice { splice, .. } if !splice.text.is_empty() => Some(&splice.text),
            Self::NewEntry { entry } if !entry.text.is_empty() => Some(&entry.text),
            Self::Decision { decision } if !decision.text.is_empty() => Some(&decision.text),
            Self::AfterMeeting { after } => after.typed_text(),
            Self::Topic(TopicChange::Save { registration, .. }) => Some(&registration.summary),
            _ => None,
        }
    }

    /// The edit lease this change is written under, if the store guards it by one.
    pub fn lease_key(&self) -> Option<LeaseKey> {
        match self {
            Self::EntryText { entry_id, .. }
            | Self::EntrySplice { entry_id, .. }
            | Self::EntrySpeaker { entry_id, .. } => Some(LeaseKey::entry(*entry_id)),
            Self::Decision { decision } => Some(LeaseKey::decision(decision.topic_id)),
            Self::AfterMeeting { after } => after.lease_key(),
            _ => None,
        }
    }

    /// Part of the record (audited), as against where the caret is.
    pub fn is_record(&self) -> bool {
        !matches!(self, Self::Session { .. } | Self::Lease { .. })
    }

    /// An edit lease: only for the process that made it (never replayed from a file).
    pub fn is_lease(&self) -> bool {
        matches!(self, Self::Lease { .. })
    }
}
