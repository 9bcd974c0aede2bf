//! The staff's verbs: sign in, leave, absence, leaving midway, the waiting room and
//! moving to the next topic (R5.1, R5.3, R8.2).
use chrono::{NaiveTime, TimeZone};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::form::{Confirm, Field, Form, Purpose, Question, parse_hhmm};
use super::{App, Modal};
use crate::domain::attendance::{
    EventKind, Place, WaitState, advance_events, check_in_place, missing_for_next, sign_in_opens,
    wait_state,
};
use crate::domain::people::Role;
use crate::domain::roster::Line;
use crate::domain::{Id, Time};
use crate::i18n::{self, Tr};

impl App {
    /// The people the check-in pane lists, after the filter, in roster order.
    pub fn visible_lines(&self) -> Vec<&Line> {
        let Some(d) = &self.data else {
            return Vec::new();
        };
        d.roster
            .lines
            .iter()
            .filter(|l| {
                self.checkin.filter.is_empty()
                    || d.person(l.person_id)
                        .is_some_and(|p| p.matches(&self.checkin.filter))
            })
            .collect()
    }

    fn selected_person(&self) -> Option<Id> {
        self.visible_lines()
            .get(self.checkin.selected)
            .map(|l| l.person_id)
    }

    /// The next topic's sitting-in people, for the waiting room.
    pub fn waiting_people(&self) -> Vec<Id> {
        let Some(d) = &self.data else {
            return Vec::new();
        };
        d.next_topic()
            .map(|t| d.topic_people(t.id))
            .unwrap_or_default()
    }

    pub(super) fn clamp_selection(&mut self) {
        let n = self.visible_lines().len();
        self.checkin.selected = self.checkin.selected.min(n.saturating_sub(1));
        let w = self.waiting_people().len();
        self.waiting_selected = self.waiting_selected.min(w.saturating_sub(1));
    }

    pub(super) fn move_selection(&mut self, action: Action) {
        let topic = self.focus == super::Pane::Topic;
        let n = if topic {
            self.waiting_people().len()
        } else {
            self.visible_lines().len()
        };
        let sel = if topic {
            &mut self.waiting_selected
        } else {
            &mut self.checkin.selected
        };
        let last = n.saturating_sub(1);
        *sel = match action {
            Action::Up => sel.saturating_sub(1),
            Action::Down => (*sel + 1).min(last),
            Action::PageUp => sel.saturating_sub(10),
            Action::PageDown => (*sel + 10).min(last),
            _ => *sel,
        };
    }

    /// Typing while filtering: returns true when the key was the filter's.
    pub(super) fn filter_key(&mut self, ev: KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Char(c) if !ctrl => {
                self.checkin.filter.push(c);
                self.checkin.selected = 0;
            }
            KeyCode::Backspace => {
                self.checkin.filter.pop();
                self.checkin.selected = 0;
            }
            KeyCode::Esc => {
                self.checkin.filter.clear();
                self.checkin.filtering = false;
            }
            // Enter ends typing, keeps the filter, and goes on to sign the match in.
            KeyCode::Enter => {
                self.checkin.filtering = false;
                return false;
            }
            _ => return false,
        }
        true
    }

    /// Where this person signs in now: the waiting room if their topic is still ahead.
    fn place_for(&self, person: Id) -> Place {
        let Some(d) = &self.data else {
            return Place::Room;
        };
        let attending_or_staff = d
            .parts
            .iter()
            .any(|p| p.person_id == person && p.role != Role::SittingIn);
        let whole_meeting = d
            .parts
            .iter()
            .any(|p| p.person_id == person && p.role == Role::SittingIn && p.topic_id.is_none());
        if attending_or_staff || whole_meeting {
            return Place::Room;
        }
        check_in_place(d.topic_seq_of(person), d.current_topic().map(|t| t.seq))
    }

    pub(super) fn check_in_now(&mut self) {
        let Some(person) = self.selected_person() else {
            let t = self.t(&i18n::NOTHING_SELECTED);
            return self.warn(t);
        };
        let now = self.now();
        self.sign_in(person, now);
    }

    fn sign_in(&mut self, person: Id, at: Time) {
        let Some(d) = &self.data else { return };
        let state = d.state_of(person);
        if matches!(
            wait_state(&state),
            WaitState::Waiting { .. } | WaitState::CalledIn { .. } | WaitState::InRoom
        ) {
            let t = format!("{}：{}", d.name(person), self.t(&i18n::ALREADY_IN));
            return self.warn(t);
        }
        let meeting = d.meeting.id;
        let start = d.meeting.starts_at;
        let place = self.place_for(person);
        let kind = EventKind::CheckIn { place };
        if let Err(e) = self.store.record_attendance(meeting, person, &kind, at, "") {
            return self.store_failed(&e);
        }
        self.reload();
        let Some(d) = &self.data else { return };
        let line = d.roster.lines.iter().find(|l| l.person_id == person);
        let flag = line
            .and_then(|l| l.punctuality)
            .and_then(|p| i18n::punctuality(self.lang, p));
        let mut text = i18n::signed_in(
            self.lang,
            d.name(person),
            &at.format("%H:%M").to_string(),
            flag.as_deref(),
        );
        if place == Place::WaitingRoom {
            text = format!("{text} · {}", self.t(&i18n::P_WAITING));
        }
        if at < sign_in_opens(start) {
            let opens = sign_in_opens(start).format("%H:%M").to_string();
            text = format!("{text} · {}", i18n::sign_in_not_open(self.lang, &opens));
        }
        // A line judged late is worth noticing: keep it on screen until the next message.
        let late = line
            .and_then(|l| l.punctuality)
            .is_some_and(|p| !matches!(p, crate::domain::attendance::Punctuality::OnTime));
        if late {
            self.warn(text)
        } else {
            self.say(text)
        }
    }

    fn person_form(&mut self, title: Tr, purpose: Purpose, fields: Vec<Field>) {
        let Some(person) = self.selected_person() else {
            let t = self.t(&i18n::NOTHING_SELECTED);
            return self.warn(t);
        };
        let name = self
            .data
            .as_ref()
            .map(|d| d.name(person).to_string())
            .unwrap_or_default();
        let purpose = match purpose {
            Purpose::CheckInAt(_) => Purpose::CheckInAt(person),
            Purpose::Leave(_) => Purpose::Leave(person),
            Purpose::LeftEarly(_) => Purpose::LeftEarly(person),
            other => other,
        };
        self.modal = Some(Modal::Form(Box::new(Form::new(
            title, name, purpose, fields,
        ))));
    }

    pub(super) fn open_check_in_at(&mut self) {
        let now = self.now().format("%H:%M").to_string();
        self.person_form(
            i18n::FORM_AT_TIME,
            Purpose::CheckInAt(0),
            vec![Field::new(i18n::F_TIME, &now)],
        );
    }

    pub(super) fn open_leave(&mut self) {
        self.person_form(
            i18n::FORM_LEAVE,
            Purpose::Leave(0),
            vec![
                Field::new(i18n::F_REASON, ""),
                Field::new(i18n::F_APPROVER, ""),
            ],
        );
    }

    pub(super) fn open_left_early(&mut self) {
        let now = self.now().format("%H:%M").to_string();
        self.person_form(
            i18n::FORM_LEFT,
            Purpose::LeftEarly(0),
            vec![
                Field::new(i18n::F_LEFT_AT, &now),
                Field::new(i18n::F_REASON, ""),
            ],
        );
    }

    pub(super) fn mark_absent(&mut self) {
        let Some(person) = self.selected_person() else {
            let t = self.t(&i18n::NOTHING_SELECTED);
            return self.warn(t);
        };
        self.record(person, EventKind::Absent, self.now());
    }

    pub(super) fn ask_clear(&mut self) {
        let Some(person) = self.selected_person() else {
            let t = self.t(&i18n::NOTHING_SELECTED);
            return self.warn(t);
        };
        let name = self
            .data
            .as_ref()
            .map(|d| d.name(person).to_string())
            .unwrap_or_default();
        self.modal = Some(Modal::Confirm(Question {
            text: i18n::clear_confirm(self.lang, &name),
            what: Confirm::Clear(person),
        }));
    }

    fn record(&mut self, person: Id, kind: EventKind, at: Time) {
        let Some(meeting) = self.meeting_id() else {
            return;
        };
        match self.store.record_attendance(meeting, person, &kind, at, "") {
            Ok(_) => self.reload(),
            Err(e) => self.store_failed(&e),
        }
    }

    /// A time typed as HH:MM, on the meeting's day and in its offset.
    fn meeting_time(&self, hhmm: NaiveTime) -> Option<Time> {
        let start = self.data.as_ref()?.meeting.starts_at;
        start
            .offset()
            .from_local_datetime(&start.date_naive().and_time(hhmm))
            .single()
    }

    /// Enter in one of the attendance forms.
    pub(super) fn submit_attendance_form(&mut self, mut form: Form) {
        let need = |form: &Form, i: usize| !form.value(i).trim().is_empty();
        let time_of =
            |app: &App, form: &Form| parse_hhmm(&form.value(0)).and_then(|t| app.meeting_time(t));
        match form.purpose.clone() {
            Purpose::CheckInAt(person) => match time_of(self, &form) {
                Some(at) => self.sign_in(person, at),
                None => {
                    form.error = Some(self.t(&i18n::BAD_TIME).into());
                    self.modal = Some(Modal::Form(Box::new(form)));
                }
            },
            Purpose::Leave(person) => {
                if !need(&form, 0) || !need(&form, 1) {
                    form.error = Some(self.t(&i18n::LEAVE_NEEDS).into());
                    self.modal = Some(Modal::Form(Box::new(form)));
                    return;
                }
                let kind = EventKind::Leave {
                    reason: form.value(0).trim().to_string(),
                    approver: form.value(1).trim().to_string(),
                };
                self.record(person, kind, self.now());
            }
            Purpose::LeftEarly(person) => {
                let Some(at) = time_of(self, &form) else {
                    form.error = Some(self.t(&i18n::BAD_TIME).into());
                    self.modal = Some(Modal::Form(Box::new(form)));
                    return;
                };
                if !need(&form, 1) {
                    form.error = Some(self.t(&i18n::REASON_NEEDED).into());
                    self.modal = Some(Modal::Form(Box::new(form)));
                    return;
                }
                let kind = EventKind::LeftEarly {
                    reason: form.value(1).trim().to_string(),
                };
                self.record(person, kind, at);
            }
            _ => {}
        }
    }

    pub(super) fn clear_attendance(&mut self, person: Id) {
        self.record(person, EventKind::Cleared, self.now());
    }

    // --- the waiting room (R5.3) ---

    fn selected_waiting(&self) -> Option<Id> {
        self.waiting_people().get(self.waiting_selected).copied()
    }

    pub(super) fn waiting_check_in(&mut self) {
        match self.selected_waiting() {
            Some(person) => {
                let now = self.now();
                self.sign_in(person, now);
            }
            None => {
                let t = self.t(&i18n::NOTHING_SELECTED);
                self.warn(t);
            }
        }
    }

    pub(super) fn call_in(&mut self, all: bool) {
        let Some(d) = &self.data else { return };
        let people = if all {
            self.waiting_people()
        } else {
            self.selected_waiting().into_iter().collect()
        };
        let waiting: Vec<Id> = people
            .into_iter()
            .filter(|p| matches!(wait_state(&d.state_of(*p)), WaitState::Waiting { .. }))
            .collect();
        if waiting.is_empty() {
            let t = self.t(&i18n::NOBODY_WAITING);
            return self.warn(t);
        }
        let names: Vec<String> = waiting.iter().map(|p| d.name(*p).to_string()).collect();
        let now = self.now();
        for p in waiting {
            self.record(p, EventKind::CalledIn, now);
        }
        let t = i18n::called_in(self.lang, &names.join("、"));
        self.say(t);
    }

    /// The next-topic key: names who is missing first, and asks before closing.
    pub(super) fn ask_advance(&mut self) {
        let Some(d) = &self.data else { return };
        let next = d.next_topic();
        let current = d.current_topic();
        let text = match (current, next) {
            (None, None) => {
                let t = self.t(&i18n::MEETING_CLOSED);
                return self.say(t);
            }
            (Some(_), None) => i18n::close_meeting_confirm(self.lang),
            (_, Some(next)) => {
                let people: Vec<_> = d
                    .topic_people(next.id)
                    .into_iter()
                    .map(|p| (p, d.state_of(p)))
                    .collect();
                let missing = missing_for_next(&people);
                if missing.is_empty() {
                    return self.advance();
                }
                let names: Vec<&str> = missing.iter().map(|p| d.name(*p)).collect();
                i18n::missing_before_advance(self.lang, &names.join("、"))
            }
        };
        self.modal = Some(Modal::Confirm(Question {
            text,
            what: Confirm::Advance,
        }));
    }

    /// End the current topic and begin the next, in one transaction (R5.3).
    pub(super) fn advance(&mut self) {
        self.flush(true);
        let Some(d) = &self.data else { return };
        let current = d.current_topic().map(|t| t.id);
        let next = d.next_topic().map(|t| t.id);
        let states =
            |ids: Vec<Id>| -> Vec<_> { ids.into_iter().map(|p| (p, d.state_of(p))).collect() };
        let leaving = states(current.map(|t| d.topic_people(t)).unwrap_or_default());
        let coming = states(next.map(|t| d.topic_people(t)).unwrap_or_default());
        let events = advance_events(&leaving, &coming);
        let meeting = d.meeting.id;
        let now = self.now();
        if let Err(e) = self
            .store
            .advance_topic(meeting, current, next, now, &events)
        {
            return self.store_failed(&e);
        }
        self.reload();
        if let Err(e) = self.load_procedure(next) {
            return self.store_failed(&e);
        }
        if next.is_some() {
            self.go_step(1);
        }
        self.waiting_selected = 0;
        let title = self
            .data
            .as_ref()
            .and_then(|d| d.current_topic())
            .map(|t| format!("{}. {}", t.seq, t.title));
        match title {
            Some(t) => self.say(t),
            None => {
                let t = self.t(&i18n::MEETING_CLOSED);
                self.say(t);
            }
        }
    }
}
