//! Laying a back-office change over the read model, as the database will hold it once
//! the save queue has committed it: the same change, in memory.
use super::after::AfterChange;
use super::calendar::{CalendarChange, OfficeDay};
use super::change::Change;
use super::intake::{RegisteredTopic, TopicChange};
use super::office_view::OfficeView;
use super::planning::MeetingChange;
use super::planning_read::AgendaRow;
use super::prep::PrepChange;
use super::roster::PeopleChange;
use crate::domain::agenda::Urgency;
use crate::domain::meeting::{Meeting, MeetingStatus};
use crate::domain::people::{Participation, Role};
use crate::domain::topic_stage::TopicStage;
use crate::domain::{Id, Time};

impl OfficeView {
    /// Lay one change over the model; changes of other screens are ignored.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Meeting(c) => self.apply_meeting(c),
            Change::Topic(c) => self.apply_topic(c),
            Change::People(c) => self.apply_people(c),
            Change::Prep(c) => self.apply_prep(c),
            Change::Calendar(c) => self.apply_calendar(c),
            Change::AfterMeeting { after } => self.apply_after(after),
            _ => {}
        }
    }

    /// F4's changes the back office sees: a meeting planned for a carry-over, and the
    /// topic carried over to a later meeting's agenda (as `closing.rs` writes them).
    fn apply_after(&mut self, c: &AfterChange) {
        match c {
            AfterChange::PlanNext {
                meeting_id,
                from,
                starts_at,
                title,
            } => {
                let Some(old) = self.meeting(*from).cloned() else {
                    return;
                };
                // As `closing::plan_next`: whole-meeting people from `from`, the staff
                // (still on the list) of the previous real meeting.
                let staff_from = self.previous_staff(*starts_at, *meeting_id);
                let active = |id: Id| {
                    self.people
                        .iter()
                        .any(|x| x.person.id == id && x.is_active())
                };
                let mut parts: Vec<Participation> = self
                    .parts
                    .iter()
                    .filter(|p| p.meeting_id == *from && p.topic_id.is_none())
                    .filter(|p| p.role != Role::Staff)
                    .chain(self.parts.iter().filter(|p| {
                        Some(p.meeting_id) == staff_from
                            && p.role == Role::Staff
                            && active(p.person_id)
                    }))
                    .cloned()
                    .collect();
                for p in &mut parts {
                    p.id = -p.id;
                    p.meeting_id = *meeting_id;
                }
                self.parts.extend(parts);
                self.meetings.push(Meeting {
                    id: *meeting_id,
                    title: title.clone(),
                    starts_at: *starts_at,
                    status: MeetingStatus::Planned,
                    postponed_from: None,
                    current_topic_id: None,
                    ..old
                });
                self.meetings.sort_by_key(|m| (m.starts_at, m.id));
            }
            AfterChange::CarryOver {
                topic_id,
                to_meeting,
                carried_as,
                ..
            } => self.carry_to(*topic_id, *to_meeting, *carried_as),
            _ => {}
        }
    }

    fn carry_to(&mut self, from: Id, to: Id, carried_as: Option<Id>) {
        let Some(old) = self.topic(from).cloned() else {
            return;
        };
        if let Some(t) = self.topic_mut(from) {
            t.carried_to = Some(to);
        }
        let copy = match self.topics.iter().find(|t| t.carried_from == Some(from)) {
            Some(c) if c.meeting_id == Some(to) => return,
            Some(c) if !matches!(c.stage, TopicStage::Ready | TopicStage::Scheduled) => return,
            Some(c) => c.id,
            None => {
                let Some(id) = carried_as else { return };
                self.apply_topic(&TopicChange::CarryOver { from, topic_id: id });
                id
            }
        };
        if let Some(m) = self.topic(copy).and_then(|c| c.meeting_id) {
            self.apply_topic(&TopicChange::Unschedule {
                topic_id: copy,
                meeting_id: m,
            });
        }
        let seq = self
            .agenda_topics(to)
            .last()
            .map_or(1, |t| t.seq.saturating_add(1));
        if let Some(t) = self.topic_mut(copy) {
            t.meeting_id = Some(to);
            t.seq = seq;
            t.stage = TopicStage::Scheduled;
            // The store's time of the change; the next load has it.
            t.added_at = None;
            t.after_cutoff = false;
        }
        let present: Vec<Id> = self
            .parts
            .iter()
            .filter(|p| p.meeting_id == to && (p.topic_id.is_none() || p.topic_id == Some(copy)))
            .map(|p| p.person_id)
            .collect();
        let sitting: Vec<Participation> = self
            .parts
            .iter()
            .filter(|p| {
                Some(p.meeting_id) == old.meeting_id
                    && p.topic_id == Some(from)
                    && p.role == Role::SittingIn
                    && !present.contains(&p.person_id)
            })
            .map(|p| Participation {
                id: -p.id,
                meeting_id: to,
                topic_id: Some(copy),
                ..p.clone()
            })
            .collect();
        self.parts.extend(sitting);
    }

    fn agenda_mut(&mut self, meeting_id: Id) -> &mut AgendaRow {
        let pos = match self.agendas.iter().position(|a| a.meeting_id == meeting_id) {
            Some(p) => p,
            None => {
                self.agendas.push(AgendaRow {
                    meeting_id,
                    ..AgendaRow::default()
                });
                self.agendas.len() - 1
            }
        };
        &mut self.agendas[pos]
    }

    fn apply_meeting(&mut self, c: &MeetingChange) {
        match c {
            MeetingChange::Create { meeting, people } => {
                self.meetings.push(meeting.clone());
                self.meetings.sort_by_key(|m| (m.starts_at, m.id));
                self.parts.extend(people.iter().cloned());
            }
            MeetingChange::Edit { meeting } => {
                if let Some(m) = self.meetings.iter_mut().find(|m| m.id == meeting.id) {
                    let (status, from) = (m.status, m.postponed_from);
                    *m = meeting.clone();
                    m.status = status;
                    m.postponed_from = from;
                }
                self.meetings.sort_by_key(|m| (m.starts_at, m.id));
            }
            MeetingChange::Postpone {
                original,
                replacement,
            } => {
                let (from, to) = (*original, replacement.id);
                if let Some(m) = self.meetings.iter_mut().find(|m| m.id == from) {
                    m.status = MeetingStatus::Postponed;
                }
                self.meetings.push(replacement.clone());
                self.meetings.sort_by_key(|m| (m.starts_at, m.id));
                for t in &mut self.topics {
                    if t.meeting_id == Some(from) && t.stage == TopicStage::Scheduled {
                        t.meeting_id = Some(to);
                    }
                }
                for p in &mut self.parts {
                    if p.meeting_id == from {
                        p.meeting_id = to;
                    }
                }
                for a in &mut self.agendas {
                    if a.meeting_id == from {
                        a.meeting_id = to;
                    }
                }
                for (_, m, _) in &mut self.coverage {
                    if *m == from {
                        *m = to;
                    }
                }
                for (m, _) in &mut self.secrecy {
                    if *m == from {
                        *m = to;
                    }
                }
            }
            MeetingChange::AddPerson { participation } => self.parts.push(participation.clone()),
            MeetingChange::RemovePerson { participation_id } => {
                self.parts.retain(|p| p.id != *participation_id);
            }
            MeetingChange::Recorder {
                meeting_id,
                person_id,
            } => {
                for p in self
                    .parts
                    .iter_mut()
                    .filter(|p| p.meeting_id == *meeting_id)
                {
                    p.is_recorder = p.role == crate::domain::people::Role::Staff
                        && Some(p.person_id) == *person_id;
                }
            }
            MeetingChange::ProposeAgenda { meeting_id, at, by } => {
                let a = self.agenda_mut(*meeting_id);
                a.proposed_at = Some(*at);
                a.proposed_by = by.clone();
            }
            MeetingChange::OverNormReason { meeting_id, reason } => {
                self.agenda_mut(*meeting_id).over_norm_reason = Some(reason.clone());
            }
            MeetingChange::Coverage {
                id,
                meeting_id,
                exception,
            } => self.coverage.push((*id, *meeting_id, exception.clone())),
            MeetingChange::Submission {
                id,
                meeting_id,
                event,
            } => self.submission.push((*id, *meeting_id, event.clone())),
            MeetingChange::Secrecy {
                meeting_id,
                secrecy,
            } => {
                self.secrecy.retain(|(m, _)| m != meeting_id);
                if let Some(s) = secrecy {
                    self.secrecy.push((*meeting_id, *s));
                }
            }
        }
    }

    fn topic_mut(&mut self, id: Id) -> Option<&mut RegisteredTopic> {
        self.topics.iter_mut().find(|t| t.id == id)
    }

    fn apply_topic(&mut self, c: &TopicChange) {
        match c {
            TopicChange::Save {
                topic_id,
                registration,
                stage,
            } => match self.topic_mut(*topic_id) {
                Some(t) => {
                    t.registration = registration.clone();
                    t.stage = *stage;
                }
                None => self.topics.push(RegisteredTopic {
                    id: *topic_id,
                    registration: registration.clone(),
                    stage: *stage,
                    meeting_id: None,
                    seq: 0,
                    urgency: Urgency::Routine,
                    added_at: None,
                    after_cutoff: false,
                    carried_from: None,
                    carried_to: None,
                }),
            },
            TopicChange::Stage { topic_id, to, .. } => {
                if let Some(t) = self.topic_mut(*topic_id) {
                    t.stage = *to;
                }
            }
            TopicChange::Review {
                entry_id,
                topic_id,
                entry,
            } => self.reviews.push((*entry_id, *topic_id, entry.clone())),
            TopicChange::Schedule {
                topic_id,
                meeting_id,
                seq,
                urgency,
                added_at,
                after_cutoff,
            } => {
                if let Some(t) = self.topic_mut(*topic_id) {
                    t.meeting_id = Some(*meeting_id);
                    t.seq = *seq;
                    t.urgency = *urgency;
                    t.added_at = Some(*added_at);
                    t.after_cutoff = *after_cutoff;
                    t.stage = TopicStage::Scheduled;
                }
            }
            TopicChange::Unschedule {
                topic_id,
                meeting_id,
            } => {
                if let Some(t) = self.topic_mut(*topic_id) {
                    t.meeting_id = None;
                    t.seq = 0;
                    t.added_at = None;
                    t.after_cutoff = false;
                    t.stage = TopicStage::Ready;
                }
                let (m, t) = (*meeting_id, Some(*topic_id));
                self.parts
                    .retain(|p| !(p.meeting_id == m && p.topic_id == t));
                self.prep
                    .packages
                    .retain(|p| !(p.meeting_id == m && p.package.topic_id == *topic_id));
                self.prep.copies.retain(|c| {
                    !(c.meeting_id == m
                        && c.copy.topic_id == *topic_id
                        && c.copy.handed_out.is_none())
                });
            }
            TopicChange::Order { meeting_id, topics } => {
                for (i, id) in topics.iter().enumerate() {
                    if let Some(t) = self
                        .topics
                        .iter_mut()
                        .find(|t| t.id == *id && t.meeting_id == Some(*meeting_id))
                    {
                        t.seq = u32::try_from(i + 1).unwrap_or(u32::MAX);
                    }
                }
            }
            TopicChange::Urgency { topic_id, urgency } => {
                if let Some(t) = self.topic_mut(*topic_id) {
                    t.urgency = *urgency;
                }
            }
            TopicChange::CarryOver { from, topic_id } => {
                let Some(old) = self.topic(*from).cloned() else {
                    return;
                };
                // Carried over once only (the store refuses a second copy).
                if self.topics.iter().any(|t| t.carried_from == Some(*from)) {
                    return;
                }
                self.topics.push(RegisteredTopic {
                    id: *topic_id,
                    stage: TopicStage::Ready,
                    meeting_id: None,
                    seq: 0,
                    added_at: None,
                    after_cutoff: false,
                    carried_from: Some(*from),
                    carried_to: None,
                    ..old
                });
                let copied: Vec<_> = self
                    .reviews
                    .iter()
                    .filter(|(_, t, _)| t == from)
                    .map(|(id, _, e)| (-*id, *topic_id, e.clone()))
                    .collect();
                self.reviews.extend(copied);
            }
        }
    }

    fn apply_people(&mut self, c: &PeopleChange) {
        let mut save = |p: &super::roster::RosterPerson| match self
            .people
            .iter_mut()
            .find(|x| x.person.id == p.person.id)
        {
            Some(x) => {
                let retired = x.retired_at;
                *x = p.clone();
                x.retired_at = retired;
            }
            None => self.people.push(p.clone()),
        };
        match c {
            PeopleChange::Save { person } => save(person),
            PeopleChange::Import { people } => people.iter().for_each(save),
            PeopleChange::Retire {
                person_id,
                retired_at,
            } => {
                if let Some(x) = self.people.iter_mut().find(|x| x.person.id == *person_id) {
                    x.retired_at = *retired_at;
                }
            }
        }
    }

    fn apply_prep(&mut self, c: &PrepChange) {
        let prep = &mut self.prep;
        match c {
            PrepChange::Booking {
                meeting_id,
                booking,
            } => {
                prep.bookings.retain(|(m, _)| m != meeting_id);
                prep.bookings.push((*meeting_id, booking.clone()));
            }
            PrepChange::Notice {
                id,
                meeting_id,
                notice,
            } => prep.notices.push((*id, *meeting_id, notice.clone())),
            PrepChange::Reply {
                id,
                meeting_id,
                reply,
            } => prep.replies.push((*id, *meeting_id, reply.clone())),
            PrepChange::Packages { packages } => {
                for p in packages {
                    match prep.packages.iter_mut().find(|x| x.id == p.id) {
                        Some(x) => {
                            x.package.copies = p.package.copies;
                            x.package.classified = p.package.classified;
                        }
                        None => prep.packages.push(p.clone()),
                    }
                }
            }
            PrepChange::Delivery {
                package_id,
                delivery,
            } => {
                if let Some(p) = prep.packages.iter_mut().find(|p| p.id == *package_id) {
                    p.package.delivery = Some(delivery.clone());
                }
            }
            PrepChange::Copies { copies } => prep.copies.extend(copies.iter().cloned()),
            PrepChange::HandOut {
                copy_id,
                holder,
                at,
                how,
            } => {
                if let Some(c) = prep.copies.iter_mut().find(|c| c.id == *copy_id) {
                    c.copy.holder = Some(*holder);
                    c.copy.handed_out = Some((*at, *how));
                }
            }
            PrepChange::Collect { copy_id, at } => collect(prep, *copy_id, *at),
            PrepChange::OutReason {
                meeting_id, reason, ..
            } => {
                prep.out_reasons.retain(|(m, _)| m != meeting_id);
                prep.out_reasons.push((*meeting_id, reason.clone()));
            }
        }
    }
}

impl OfficeView {
    fn apply_calendar(&mut self, c: &CalendarChange) {
        let cal = &mut self.calendar;
        let mut day = |d: &OfficeDay| {
            cal.days.retain(|x| x.date != d.date);
            cal.days.push(d.clone());
        };
        match c {
            CalendarChange::Day { date, kind, name } => match kind {
                Some(kind) => day(&OfficeDay {
                    date: *date,
                    kind: *kind,
                    name: name.clone(),
                }),
                None => cal.days.retain(|x| x.date != *date),
            },
            CalendarChange::Year { year, source } => match source {
                Some(s) => {
                    cal.years.insert(*year, s.clone());
                }
                None => {
                    cal.years.remove(year);
                }
            },
            CalendarChange::Import { years, days } => {
                days.iter().for_each(&mut day);
                for (y, s) in years {
                    cal.years.insert(*y, s.clone());
                }
            }
        }
        cal.days.sort_by_key(|d| d.date);
    }
}

fn collect(prep: &mut super::prep_read::StoredPrep, copy_id: Id, at: Time) {
    if let Some(c) = prep.copies.iter_mut().find(|c| c.id == copy_id) {
        c.copy.returned_at = Some(at);
    }
}
