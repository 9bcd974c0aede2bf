//! 签到: the staff's verbs — sign in, a time typed in, leave, absence, leaving midway,
//! corrections (R5.1, R8.2).
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::ask::Ask;
use super::{Console, ConsoleAction, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::attendance::{
    EventKind, Place, Punctuality, WaitState, check_in_place, sign_in_opens, wait_state,
};
use crate::domain::attendance_input::{check_admit, check_leave, check_left_early, check_time};
use crate::domain::people::{Admission, Person, Role};
use crate::domain::roster::Line;
use crate::domain::{Id, Time};
use crate::i18n;
use crate::store::change::Change;
use crate::store::new_id;

/// The check-in pane's own state.
#[derive(Default)]
pub struct CheckInPane {
    pub selected: usize,
    pub filter: String,
    pub filtering: bool,
}

impl Console {
    /// The people the check-in pane lists: in roster order, or, while filtered, the best
    /// matches first (the whole name or initials before a start or a part), so the
    /// person Enter acts on is the one highlighted.
    pub fn visible_lines(&self) -> Vec<&Line> {
        let Some(d) = &self.view else {
            return Vec::new();
        };
        if self.checkin.filter.trim().is_empty() {
            return d.roster.lines.iter().collect();
        }
        let mut ranked: Vec<(u8, usize, &Line)> = d
            .roster
            .lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let rank = d.person(l.person_id)?.rank(&self.checkin.filter)?;
                Some((rank, i, l))
            })
            .collect();
        ranked.sort_by_key(|(rank, i, _)| (*rank, *i));
        ranked.into_iter().map(|(_, _, l)| l).collect()
    }

    pub(super) fn selected_person(&self) -> Option<Id> {
        self.visible_lines()
            .get(self.checkin.selected)
            .map(|l| l.person_id)
    }

    /// The next topic's sitting-in people, for the waiting room.
    pub fn waiting_people(&self) -> Vec<Id> {
        let Some(d) = &self.view else {
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

    pub(super) fn move_selection(&mut self, action: ConsoleAction) {
        let topic = self.focus == Pane::Topic;
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
            ConsoleAction::Up => sel.saturating_sub(1),
            ConsoleAction::Down => (*sel + 1).min(last),
            ConsoleAction::PageUp => sel.saturating_sub(10),
            ConsoleAction::PageDown => (*sel + 10).min(last),
            _ => *sel,
        };
    }

    /// Keys the check-in pane takes before the keymap: typing into the filter. Enter
    /// signs the highlighted person in (or, when nobody matches, offers to admit someone
    /// not on the list); ↑↓ stop typing and keep the filter, so that t, l, a, o and u
    /// then act on the person highlighted.
    pub(super) fn checkin_key(&mut self, ctx: &mut Ctx, ev: KeyEvent) -> bool {
        if !self.checkin.filtering {
            if ev.code == KeyCode::Esc && !self.checkin.filter.is_empty() {
                self.checkin.filter.clear();
                return true;
            }
            return false;
        }
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
            KeyCode::Enter if self.visible_lines().is_empty() => {
                self.checkin.filtering = false;
                self.open_admit(ctx);
            }
            // Enter ends typing, keeps the filter, and goes on to sign the match in.
            KeyCode::Enter | KeyCode::Up | KeyCode::Down | KeyCode::PageUp | KeyCode::PageDown => {
                self.checkin.filtering = false;
                return false;
            }
            _ => return false,
        }
        true
    }

    /// R5.1: only expected people are admitted; someone else may be, with a reason and
    /// the name of who allowed it (a warning, kept in the audit log).
    fn open_admit(&mut self, ctx: &mut Ctx) {
        let typed = self.checkin.filter.trim().to_string();
        // Initials typed to find someone are no name: start the form empty then.
        let name = if typed.chars().all(|c| c.is_ascii_lowercase()) {
            String::new()
        } else {
            typed
        };
        let people = self
            .view
            .as_ref()
            .map(|d| {
                d.people
                    .iter()
                    .map(|p| {
                        Choice::new(p.name.clone(), format!("{} {}", p.name, p.title))
                            .with_keys(p.initials.clone())
                    })
                    .collect()
            })
            .unwrap_or_default();
        let form = Form::new(
            i18n::FORM_ADMIT,
            ctx.t(&i18n::ADMIT_WARNING),
            vec![
                Field::text("name", i18n::F_NAME, &name),
                Field::text("department", i18n::F_UNIT, ""),
                Field::text("reason", i18n::F_REASON, ""),
                Field::new(
                    "allowed_by",
                    i18n::F_ALLOWED_BY,
                    FieldKind::Person(people),
                    "",
                ),
            ],
        );
        ctx.open_form(form, Ask::Admit);
    }

    pub(super) fn submit_admit(&mut self, ctx: &mut Ctx, form: &mut Form) -> Verdict {
        let Some(meeting_id) = self.meeting_id() else {
            return Verdict::Done;
        };
        match check_admit(
            &form.get("name"),
            &form.get("reason"),
            &form.get("allowed_by"),
        ) {
            Ok((name, reason, allowed_by)) => {
                let at = ctx.now();
                let person = Person {
                    id: new_id(),
                    name: name.clone(),
                    title: String::new(),
                    department: form.get("department").trim().to_string(),
                    phone: String::new(),
                    initials: String::new(),
                };
                let admission = Admission {
                    meeting_id,
                    person_id: person.id,
                    reason,
                    allowed_by,
                    at,
                };
                self.record(ctx, vec![Change::Admit { person, admission }]);
                self.checkin.filter.clear();
                let t = i18n::admitted(ctx.lang, &name, &at.format("%H:%M").to_string());
                ctx.warn(t);
                Verdict::Done
            }
            Err(problems) => {
                form.set_problems(ctx.lang, &problems);
                Verdict::Keep
            }
        }
    }

    pub(super) fn paste_filter(&mut self, text: &str) {
        self.checkin.filtering = true;
        self.checkin.filter.push_str(text.trim());
        self.checkin.selected = 0;
    }

    /// Where this person signs in now: the waiting room if their topic is still ahead.
    fn place_for(&self, person: Id) -> Place {
        let Some(d) = &self.view else {
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

    pub(super) fn check_in_now(&mut self, ctx: &mut Ctx) {
        let Some(person) = self.selected_person() else {
            let t = ctx.t(&i18n::NOTHING_SELECTED);
            return ctx.warn(t);
        };
        let now = ctx.now();
        self.sign_in(ctx, person, now);
    }

    pub(super) fn sign_in(&mut self, ctx: &mut Ctx, person: Id, at: Time) {
        let Some(d) = &self.view else { return };
        let state = d.state_of(person);
        if matches!(
            wait_state(&state),
            WaitState::Waiting { .. } | WaitState::CalledIn { .. } | WaitState::InRoom
        ) {
            let t = i18n::x_field(ctx.lang, d.name(person), ctx.t(&i18n::ALREADY_IN));
            return ctx.warn(t);
        }
        let start = d.meeting.starts_at;
        let place = self.place_for(person);
        self.record_attendance(ctx, person, EventKind::CheckIn { place }, at);
        let Some(d) = &self.view else { return };
        let line = d.roster.lines.iter().find(|l| l.person_id == person);
        let flag = line
            .and_then(|l| l.punctuality)
            .and_then(|p| i18n::punctuality(ctx.lang, p));
        let mut text = i18n::signed_in(
            ctx.lang,
            d.name(person),
            &at.format("%H:%M").to_string(),
            flag.as_deref(),
        );
        if place == Place::WaitingRoom {
            text = format!("{text} · {}", ctx.t(&i18n::P_WAITING));
        }
        if at < sign_in_opens(start) {
            let opens = sign_in_opens(start).format("%H:%M").to_string();
            text = format!("{text} · {}", i18n::sign_in_not_open(ctx.lang, &opens));
        }
        // A line judged late is worth noticing: keep it on screen until the next message.
        let late = line
            .and_then(|l| l.punctuality)
            .is_some_and(|p| !matches!(p, Punctuality::OnTime));
        if late { ctx.warn(text) } else { ctx.say(text) }
    }

    /// An attendance event, shown at once and queued for the disk.
    pub(super) fn record_attendance(
        &mut self,
        ctx: &mut Ctx,
        person: Id,
        kind: EventKind,
        at: Time,
    ) {
        let Some(meeting_id) = self.meeting_id() else {
            return;
        };
        self.record(
            ctx,
            vec![Change::Attendance {
                meeting_id,
                person_id: person,
                kind,
                at,
                note: String::new(),
            }],
        );
    }

    fn person_form(
        &mut self,
        ctx: &mut Ctx,
        form: impl FnOnce(String) -> Form,
        ask: impl FnOnce(Id) -> Ask,
    ) {
        let Some(person) = self.selected_person() else {
            let t = ctx.t(&i18n::NOTHING_SELECTED);
            return ctx.warn(t);
        };
        let name = self
            .view
            .as_ref()
            .map(|d| d.name(person).to_string())
            .unwrap_or_default();
        ctx.open_form(form(name), ask(person));
    }

    pub(super) fn open_check_in_at(&mut self, ctx: &mut Ctx) {
        let now = ctx.now().format("%H:%M").to_string();
        self.person_form(
            ctx,
            |name| {
                Form::new(
                    i18n::FORM_AT_TIME,
                    name,
                    vec![Field::time("time", i18n::F_TIME, &now)],
                )
            },
            Ask::CheckInAt,
        );
    }

    pub(super) fn open_leave(&mut self, ctx: &mut Ctx) {
        self.person_form(
            ctx,
            |name| {
                Form::new(
                    i18n::FORM_LEAVE,
                    name,
                    vec![
                        Field::text("reason", i18n::F_REASON, ""),
                        Field::text("approver", i18n::F_APPROVER, ""),
                    ],
                )
            },
            Ask::Leave,
        );
    }

    pub(super) fn open_left_early(&mut self, ctx: &mut Ctx) {
        let now = ctx.now().format("%H:%M").to_string();
        self.person_form(
            ctx,
            |name| {
                Form::new(
                    i18n::FORM_LEFT,
                    name,
                    vec![
                        Field::time("time", i18n::F_LEFT_AT, &now),
                        Field::text("reason", i18n::F_REASON, ""),
                    ],
                )
            },
            Ask::LeftEarly,
        );
    }

    pub(super) fn mark_absent(&mut self, ctx: &mut Ctx) {
        let Some(person) = self.selected_person() else {
            let t = ctx.t(&i18n::NOTHING_SELECTED);
            return ctx.warn(t);
        };
        let now = ctx.now();
        self.record_attendance(ctx, person, EventKind::Absent, now);
        let t = i18n::recorded(ctx.lang, self.name_of(person), &i18n::P_ABSENT);
        ctx.warn(t);
    }

    fn name_of(&self, person: Id) -> &str {
        self.view.as_ref().map(|d| d.name(person)).unwrap_or("?")
    }

    pub(super) fn ask_clear(&mut self, ctx: &mut Ctx) {
        let Some(person) = self.selected_person() else {
            let t = ctx.t(&i18n::NOTHING_SELECTED);
            return ctx.warn(t);
        };
        let name = self
            .view
            .as_ref()
            .map(|d| d.name(person).to_string())
            .unwrap_or_default();
        let text = i18n::clear_confirm(ctx.lang, &name);
        ctx.ask(text, Ask::Clear(person));
    }

    fn meeting_start(&self) -> Option<Time> {
        self.view.as_ref().map(|d| d.meeting.starts_at)
    }

    pub(super) fn submit_check_in_at(
        &mut self,
        ctx: &mut Ctx,
        person: Id,
        form: &mut Form,
    ) -> Verdict {
        let Some(start) = self.meeting_start() else {
            return Verdict::Done;
        };
        match check_time("time", &form.get("time"), start) {
            Ok(at) if at > ctx.now() && !form.confirmed => {
                Verdict::Ask(i18n::future_time(ctx.lang, &at.format("%H:%M").to_string()))
            }
            Ok(at) => {
                self.sign_in(ctx, person, at);
                Verdict::Done
            }
            Err(problems) => {
                form.set_problems(ctx.lang, &problems);
                Verdict::Keep
            }
        }
    }

    pub(super) fn submit_leave(&mut self, ctx: &mut Ctx, person: Id, form: &mut Form) -> Verdict {
        match check_leave(&form.get("reason"), &form.get("approver")) {
            Ok((reason, approver)) => {
                let now = ctx.now();
                self.record_attendance(ctx, person, EventKind::Leave { reason, approver }, now);
                let t = i18n::recorded(ctx.lang, self.name_of(person), &i18n::P_LEAVE);
                ctx.say(t);
                Verdict::Done
            }
            Err(problems) => {
                form.set_problems(ctx.lang, &problems);
                Verdict::Keep
            }
        }
    }

    pub(super) fn submit_left_early(
        &mut self,
        ctx: &mut Ctx,
        person: Id,
        form: &mut Form,
    ) -> Verdict {
        let Some(start) = self.meeting_start() else {
            return Verdict::Done;
        };
        match check_left_early(&form.get("time"), &form.get("reason"), start) {
            Ok((at, _)) if at > ctx.now() && !form.confirmed => {
                // A time still to come was probably mistyped: ask before recording it.
                Verdict::Ask(i18n::future_time(ctx.lang, &at.format("%H:%M").to_string()))
            }
            Ok((at, reason)) => {
                self.record_attendance(ctx, person, EventKind::LeftEarly { reason }, at);
                let t = i18n::recorded(ctx.lang, self.name_of(person), &i18n::P_LEFT);
                ctx.say(t);
                Verdict::Done
            }
            Err(problems) => {
                form.set_problems(ctx.lang, &problems);
                Verdict::Keep
            }
        }
    }

    pub(super) fn clear_attendance(&mut self, ctx: &mut Ctx, person: Id) {
        let now = ctx.now();
        self.record_attendance(ctx, person, EventKind::Cleared, now);
        let t = i18n::cleared(ctx.lang, self.name_of(person));
        ctx.say(t);
    }
}
