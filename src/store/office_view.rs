//! The back office's read model: the meetings it works on (the last quarter's and every
//! one still to hold, see `window.rs`), their topics, people and preparation, the topics
//! not on an agenda yet and the roster, loaded at once, with the
//! domain's views of one meeting built from it. Changes the save queue has not committed
//! yet are laid over it ([`OfficeView::apply`], in `office_apply.rs`), so the screen shows
//! what was done even while the disk holds the write back.
use super::calendar::OfficeCalendar;
use super::intake::RegisteredTopic;
use super::planning_read::AgendaRow;
use super::prep_read::StoredPrep;
use super::roster::RosterPerson;
use super::{Result, Store};
use crate::domain::agenda::{Agenda, AgendaItem};
use crate::domain::coverage::CoverageException;
use crate::domain::meeting::Meeting;
use crate::domain::meeting_people::{MeetingPeople, SittingInBasis, SittingInPick};
use crate::domain::people::{Participation, Person, Role};
use crate::domain::review::{ReviewChecklist, ReviewEntry, ReviewItem, can_schedule};
use crate::domain::secrecy::Secrecy;
use crate::domain::submission::{Submission, SubmissionEvent};
use crate::domain::{Id, Time};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OfficeView {
    /// Every meeting but the demo's, earliest first.
    pub meetings: Vec<Meeting>,
    pub people: Vec<RosterPerson>,
    pub topics: Vec<RegisteredTopic>,
    /// (entry id, topic id, entry), oldest first.
    pub reviews: Vec<(Id, Id, ReviewEntry)>,
    pub parts: Vec<Participation>,
    pub agendas: Vec<AgendaRow>,
    /// (id, meeting id, exception).
    pub coverage: Vec<(Id, Id, CoverageException)>,
    /// (id, meeting id, event).
    pub submission: Vec<(Id, Id, SubmissionEvent)>,
    /// (meeting id, the papers' 密级★期限).
    pub secrecy: Vec<(Id, Secrecy)>,
    pub prep: StoredPrep,
    /// The office's own working days, on top of the official calendar (R7).
    pub calendar: OfficeCalendar,
}

impl OfficeView {
    /// How far back the back office reads closed meetings: a quarter. Older ones are the
    /// after-meeting screen's and the archive's (issue 11: nothing loads all history).
    pub const WINDOW_DAYS: i64 = 92;

    /// Everything but the demo's, however old (exports and tests).
    pub fn load(store: &Store) -> Result<Self> {
        Self::load_since(store, "")
    }

    /// The back office's view at `now`: the meetings of the last [`Self::WINDOW_DAYS`]
    /// days, every meeting still planned or in progress, and the topics not on an agenda.
    pub fn load_at(store: &Store, now: Time) -> Result<Self> {
        let since = now - chrono::Duration::days(Self::WINDOW_DAYS);
        Self::load_since(store, &super::time::time_text(&since))
    }

    /// The meetings from `since` (a stored time; "" for all) and everything of theirs.
    pub fn load_since(store: &Store, since: &str) -> Result<Self> {
        Self::load_window(store, &super::window::Window::Since(since))
    }

    /// One meeting and everything of it (a paper of it, e.g. each agenda of a year's
    /// archive).
    pub fn load_meeting(store: &Store, id: Id) -> Result<Self> {
        Self::load_window(store, &super::window::Window::Meeting(id))
    }

    fn load_window(store: &Store, since: &super::window::Window<'_>) -> Result<Self> {
        Ok(Self {
            meetings: store.meetings_since(since)?,
            people: store.roster()?,
            topics: store.registered_topics(since)?,
            reviews: store.review_entries(since)?,
            parts: store.all_participations(since)?,
            agendas: store.agenda_rows(since)?,
            coverage: store.coverage_exceptions(since)?,
            submission: store.submission_events(since)?,
            secrecy: store.secrecies(since)?,
            prep: store.stored_prep(since)?,
            calendar: store.office_calendar()?,
        })
    }

    /// The level and period set for a meeting's papers.
    pub fn secrecy_of(&self, meeting_id: Id) -> Option<Secrecy> {
        self.secrecy
            .iter()
            .find(|(m, _)| *m == meeting_id)
            .map(|(_, s)| *s)
    }

    pub fn meeting(&self, id: Id) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    pub fn topic(&self, id: Id) -> Option<&RegisteredTopic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn person(&self, id: Id) -> Option<&Person> {
        self.people.iter().map(|p| &p.person).find(|p| p.id == id)
    }

    /// A person's name; "?" for an id that names nobody on the roster.
    pub fn name(&self, id: Id) -> &str {
        self.person(id).map_or("?", |p| p.name.as_str())
    }

    /// The people on the list now (not retired).
    pub fn active_people(&self) -> Vec<Person> {
        self.people
            .iter()
            .filter(|p| p.is_active())
            .map(|p| p.person.clone())
            .collect()
    }

    /// Every department named on the roster, in the order first met.
    pub fn departments(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for p in self.people.iter().filter(|p| p.is_active()) {
            let d = p.person.department.trim();
            if !d.is_empty() && !out.iter().any(|o| o == d) {
                out.push(d.to_string());
            }
        }
        out
    }

    /// A meeting's agenda, in order.
    pub fn agenda_topics(&self, meeting_id: Id) -> Vec<&RegisteredTopic> {
        let mut v: Vec<&RegisteredTopic> = self
            .topics
            .iter()
            .filter(|t| t.meeting_id == Some(meeting_id))
            .collect();
        v.sort_by_key(|t| (t.seq, t.id));
        v
    }

    pub fn agenda_row(&self, meeting_id: Id) -> Option<&AgendaRow> {
        self.agendas.iter().find(|a| a.meeting_id == meeting_id)
    }

    /// The domain's agenda of a meeting.
    pub fn agenda(&self, meeting_id: Id) -> Agenda {
        let start = self.meeting(meeting_id).map(|m| m.starts_at);
        let row = self.agenda_row(meeting_id);
        Agenda {
            items: self
                .agenda_topics(meeting_id)
                .into_iter()
                .filter_map(|t| {
                    Some(AgendaItem {
                        topic_id: t.id,
                        urgency: t.urgency,
                        added_at: t.added_at.or(start)?,
                        after_cutoff: t.after_cutoff,
                    })
                })
                .collect(),
            over_norm_reason: row.and_then(|r| r.over_norm_reason.clone()),
            proposed_at: row.and_then(|r| r.proposed_at),
        }
    }

    /// A topic's review records.
    pub fn checklist(&self, topic_id: Id) -> ReviewChecklist {
        ReviewChecklist {
            entries: self
                .reviews
                .iter()
                .filter(|(_, t, _)| *t == topic_id)
                .map(|(_, _, e)| e.clone())
                .collect(),
        }
    }

    /// May the topic be scheduled? The first item missing or failed (R1.4).
    pub fn review_result(&self, topic_id: Id) -> std::result::Result<(), ReviewItem> {
        let needs = self
            .topic(topic_id)
            .map(|t| t.registration.review_needs())
            .unwrap_or_default();
        can_schedule(needs, &self.checklist(topic_id))
    }

    pub fn parts_of(&self, meeting_id: Id) -> Vec<&Participation> {
        self.parts
            .iter()
            .filter(|p| p.meeting_id == meeting_id)
            .collect()
    }

    /// The domain's people of a meeting, by role (R2.2).
    pub fn meeting_people(&self, meeting_id: Id) -> MeetingPeople {
        let mut mp = MeetingPeople::default();
        for p in self.parts_of(meeting_id) {
            match (p.role, p.topic_id) {
                (Role::Attending, _) => mp.attending.push(p.person_id),
                (Role::SittingIn, None) => mp.sitting_in_all.push(p.person_id),
                (Role::SittingIn, Some(t)) => {
                    let pick = SittingInPick {
                        person_id: p.person_id,
                        basis: SittingInBasis::ByName,
                    };
                    match mp.sitting_in.iter_mut().find(|(x, _)| *x == t) {
                        Some((_, picks)) => picks.push(pick),
                        None => mp.sitting_in.push((t, vec![pick])),
                    }
                }
                (Role::Staff, _) => {
                    mp.staff.push(p.person_id);
                    if p.is_recorder {
                        mp.recorder = Some(p.person_id);
                    }
                }
            }
        }
        mp
    }

    /// The meeting whose staff a new meeting at `starts_at` takes by default (R2.2: the
    /// same 1–2 office people serve week after week): the latest real meeting before it
    /// that has staff. The view holds no demo meeting.
    pub fn previous_staff(&self, starts_at: Time, except: Id) -> Option<Id> {
        self.meetings
            .iter()
            .rev()
            .filter(|m| m.id != except && !m.is_demo && m.starts_at < starts_at)
            .find(|m| {
                self.parts
                    .iter()
                    .any(|p| p.meeting_id == m.id && p.role == Role::Staff)
            })
            .map(|m| m.id)
    }

    /// The approval chain of a meeting (R2.4).
    pub fn submission(&self, meeting_id: Id) -> Submission {
        Submission {
            events: self
                .submission
                .iter()
                .filter(|(_, m, _)| *m == meeting_id)
                .map(|(_, _, e)| e.clone())
                .collect(),
        }
    }

    pub fn coverage_of(&self, meeting_id: Id) -> Vec<CoverageException> {
        self.coverage
            .iter()
            .filter(|(_, m, _)| *m == meeting_id)
            .map(|(_, _, e)| e.clone())
            .collect()
    }

    /// The coming meeting at `now`: the first planned or in progress from today on.
    pub fn coming(&self, now: Time) -> Option<&Meeting> {
        use crate::domain::meeting::MeetingStatus as S;
        self.meetings.iter().find(|m| {
            matches!(m.status, S::Planned | S::InProgress)
                && m.starts_at.date_naive() >= now.date_naive()
        })
    }
}
