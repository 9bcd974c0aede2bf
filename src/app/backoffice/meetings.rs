//! 会议: the meetings (R3) — next Monday's in one key, an extra one for an urgent topic,
//! editing, the chair, postponing to the next Monday with the link kept, and opening a
//! meeting in the console.
use super::ask::Ask;
use super::lists::{pick_item, typed_time};
use super::{BackOffice, Pane};
use crate::app::ctx::{Ctx, Request};
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::app::picker::{Picked, Picker};
use crate::domain::meeting::{
    Meeting, MeetingPlan, MeetingStatus, PostponeRefused, plan_extra, plan_regular, postpone,
};
use crate::domain::meeting_people::{MeetingPeople, is_leadership};
use crate::domain::people::Person;
use crate::domain::validate::FieldProblem;
use crate::domain::{Id, Time};
use crate::i18n;
use crate::store::change::Change;
use crate::store::lease::{self, LeaseKey};
use crate::store::new_id;
use crate::store::planning::MeetingChange;

/// The principal leader (主要领导): the leader titled 局长 (not a deputy), who chairs by
/// default (§3); the office changes it when a deputy chairs.
fn principal(people: &[Person]) -> Option<Id> {
    people
        .iter()
        .filter(|p| is_leadership(p))
        .find(|p| p.title.starts_with("局长") || p.title.contains("党委书记"))
        .map(|p| p.id)
}

impl BackOffice {
    /// The meetings as the pane lists them: the latest first.
    pub fn meeting_rows(&self) -> Vec<&Meeting> {
        self.view.meetings.iter().rev().collect()
    }

    /// Put the meetings pane's cursor on the meeting being prepared.
    pub(super) fn select_meeting_row(&mut self) {
        let row = self
            .meeting_rows()
            .iter()
            .position(|m| Some(m.id) == self.meeting_id)
            .unwrap_or(0);
        self.set_sel(Pane::Meetings, row);
    }

    /// The meeting under the meetings pane's cursor becomes the one being prepared.
    pub(super) fn meeting_from_row(&mut self) {
        if let Some(m) = self.meeting_rows().get(self.sel(Pane::Meetings)) {
            self.meeting_id = Some(m.id);
        }
        self.clamp();
    }

    fn choose_meeting(&mut self, id: Id) {
        self.meeting_id = Some(id);
        self.select_meeting_row();
        self.clamp();
    }

    /// A new meeting with the people §2.1.1 names: the leadership team attending, the
    /// party committee members and the legal brigade's head sitting in throughout, and the
    /// staff and recorder of the previous real meeting.
    fn create(&mut self, ctx: &mut Ctx, plan: MeetingPlan) {
        let people = self.view.active_people();
        let mut meeting = plan.meeting;
        meeting.id = new_id();
        meeting.chair_id = principal(&people);
        let previous = self
            .view
            .previous_staff(meeting.starts_at, meeting.id)
            .map(|m| self.view.meeting_people(m));
        let parts = MeetingPeople::defaults_after(&people, previous.as_ref())
            .participations(meeting.id)
            .into_iter()
            .map(|mut p| {
                p.id = new_id();
                p
            })
            .collect();
        let when = i18n::meeting_when(ctx.lang, &meeting.starts_at);
        let id = meeting.id;
        self.record(
            ctx,
            vec![Change::Meeting(MeetingChange::Create {
                meeting,
                people: parts,
            })],
        );
        self.choose_meeting(id);
        let attending = people.iter().filter(|p| is_leadership(p)).count();
        let mut text = i18n::meeting_created(ctx.lang, &when, attending);
        if !people.iter().any(is_leadership) {
            text.push_str(ctx.t(&i18n::NO_LEADERS_YET));
        }
        if plan.day_off {
            text.push_str(ctx.t(&i18n::DAY_OFF_WARNING));
        }
        if let Some(y) = plan.uncovered_year {
            text.push_str(&i18n::uncovered_year(ctx.lang, y));
        }
        if plan.day_off || plan.uncovered_year.is_some() {
            ctx.warn(text);
        } else {
            ctx.say(text);
        }
    }

    /// Next Monday's meeting in one key (R3.1): 09:00 in the party committee room.
    pub(super) fn new_meeting(&mut self, ctx: &mut Ctx) {
        let now = ctx.now();
        let title = ctx.t(&i18n::DEFAULT_MEETING_TITLE);
        let plan = plan_regular(now, title, &ctx.calendar);
        let start = plan.meeting.starts_at;
        if let Some(m) = self
            .view
            .meetings
            .iter()
            .find(|m| m.starts_at == start && m.status != MeetingStatus::Postponed)
        {
            let (id, when) = (m.id, i18n::meeting_when(ctx.lang, &m.starts_at));
            self.choose_meeting(id);
            return ctx.say(i18n::meeting_exists(ctx.lang, &when));
        }
        self.create(ctx, plan);
    }

    pub(super) fn open_extra_meeting(&mut self, ctx: &mut Ctx) {
        let today = ctx.now().format("%Y-%m-%d").to_string();
        let form = Form::new(
            i18n::FORM_EXTRA_MEETING,
            ctx.t(&i18n::EXTRA_MEETING_HINT),
            vec![
                Field::date("date", i18n::F_DATE, &today),
                Field::time("time", i18n::F_CLOCK, "09:00"),
                Field::text("title", i18n::F_TITLE, ctx.t(&i18n::EXTRA_MEETING_TITLE)),
            ],
        );
        ctx.open_form(form, Ask::ExtraMeeting);
    }

    pub(super) fn submit_extra_meeting(&mut self, ctx: &mut Ctx, form: &mut Form) -> Verdict {
        let now = ctx.now();
        let plan =
            typed_time("date", &form.get("date"), "time", &form.get("time"), now).and_then(|at| {
                plan_extra(at, now, form.get("title").trim(), &ctx.calendar)
                    .map_err(|p| vec![FieldProblem::new("date", p)])
            });
        match plan {
            Ok(plan) => {
                self.create(ctx, plan);
                Verdict::Done
            }
            Err(problems) => {
                form.set_problems(ctx.lang, &problems);
                Verdict::Keep
            }
        }
    }

    /// A meeting that has begun, ended or been postponed is not replanned here.
    fn planned(&self, ctx: &mut Ctx) -> Option<Meeting> {
        let m = self.need_meeting(ctx)?;
        if m.status != MeetingStatus::Planned {
            let t = ctx.t(&i18n::NOT_PLANNED);
            ctx.warn(t);
            return None;
        }
        Some(m)
    }

    pub(super) fn open_edit_meeting(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.planned(ctx) else { return };
        let form = Form::new(
            i18n::FORM_EDIT_MEETING,
            i18n::meeting_when(ctx.lang, &m.starts_at),
            vec![
                Field::text("title", i18n::F_TITLE, &m.title),
                Field::date(
                    "date",
                    i18n::F_DATE,
                    &m.starts_at.format("%Y-%m-%d").to_string(),
                ),
                Field::time(
                    "time",
                    i18n::F_CLOCK,
                    &m.starts_at.format("%H:%M").to_string(),
                ),
                Field::text("room", i18n::F_ROOM, &m.room),
                Field::text(
                    "waiting_room",
                    i18n::F_WAITING_ROOM,
                    m.waiting_room.as_deref().unwrap_or_default(),
                ),
            ],
        );
        let key = LeaseKey::new(lease::MEETING, m.id);
        ctx.open_form_leased(key, form, Ask::EditMeeting(m.id));
    }

    pub(super) fn submit_edit_meeting(
        &mut self,
        ctx: &mut Ctx,
        id: Id,
        form: &mut Form,
    ) -> Verdict {
        let Some(old) = self.view.meeting(id).cloned() else {
            return Verdict::Done;
        };
        let mut problems = Vec::new();
        let at: Option<Time> = match typed_time(
            "date",
            &form.get("date"),
            "time",
            &form.get("time"),
            old.starts_at,
        ) {
            Ok(at) => Some(at),
            Err(mut p) => {
                problems.append(&mut p);
                None
            }
        };
        let (title, room) = (form.get("title"), form.get("room"));
        for (field, value) in [("title", &title), ("room", &room)] {
            if value.trim().is_empty() {
                problems.push(FieldProblem::new(
                    field,
                    crate::domain::validate::Problem::Required,
                ));
            }
        }
        let Some(at) = at.filter(|_| problems.is_empty()) else {
            form.set_problems(ctx.lang, &problems);
            return Verdict::Keep;
        };
        let waiting = form.get("waiting_room");
        let meeting = Meeting {
            title: title.trim().to_string(),
            starts_at: at,
            room: room.trim().to_string(),
            waiting_room: Some(waiting.trim().to_string()).filter(|w| !w.is_empty()),
            ..old
        };
        self.record(ctx, vec![Change::Meeting(MeetingChange::Edit { meeting })]);
        Verdict::Done
    }

    pub(super) fn open_chair(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.planned(ctx) else { return };
        let items = self
            .view
            .active_people()
            .iter()
            .filter(|p| is_leadership(p))
            .map(|p| pick_item(p, true))
            .collect();
        ctx.open_picker(
            Picker::new(i18n::PICK_CHAIR, items, false),
            Ask::Chair(m.id),
        );
    }

    pub(super) fn picked_chair(&mut self, ctx: &mut Ctx, id: Id, picked: Option<Picked>) {
        let Some(Picked::Person { id: person, name }) = picked else {
            return;
        };
        let Some(old) = self.view.meeting(id).cloned() else {
            return;
        };
        let meeting = Meeting {
            chair_id: Some(person),
            ..old
        };
        self.record(ctx, vec![Change::Meeting(MeetingChange::Edit { meeting })]);
        ctx.say(i18n::chair_set(ctx.lang, &name));
    }

    pub(super) fn ask_postpone(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        match postpone(&m, &ctx.calendar) {
            Ok(p) => {
                let to = i18n::meeting_when(ctx.lang, &p.replacement.meeting.starts_at);
                let from = i18n::meeting_when(ctx.lang, &m.starts_at);
                ctx.ask(
                    i18n::postpone_confirm(ctx.lang, &from, &to),
                    Ask::Postpone(m.id),
                );
            }
            Err(why) => {
                let t = ctx.t(&match why {
                    PostponeRefused::InProgress => i18n::POSTPONE_IN_PROGRESS,
                    PostponeRefused::Closed => i18n::POSTPONE_CLOSED,
                    PostponeRefused::AlreadyPostponed => i18n::POSTPONE_TWICE,
                });
                ctx.warn(t);
            }
        }
    }

    /// Postpone to the next Monday (R3.1 "顺延至下周一"): the agenda and the people go
    /// with it; approval, notices, the room and materials are done again for the new day.
    pub(super) fn postpone_meeting(&mut self, ctx: &mut Ctx, id: Id) {
        let Some(m) = self.view.meeting(id).cloned() else {
            return;
        };
        let Ok(p) = postpone(&m, &ctx.calendar) else {
            return;
        };
        let mut replacement = p.replacement.meeting;
        replacement.id = new_id();
        let new = replacement.id;
        let when = i18n::meeting_when(ctx.lang, &replacement.starts_at);
        self.record(
            ctx,
            vec![Change::Meeting(MeetingChange::Postpone {
                original: id,
                replacement,
            })],
        );
        self.choose_meeting(new);
        let mut text = i18n::postponed(ctx.lang, &when);
        if p.replacement.day_off {
            text.push_str(ctx.t(&i18n::DAY_OFF_WARNING));
        }
        ctx.say(text);
    }

    pub(super) fn open_in_console(&mut self, ctx: &mut Ctx) {
        if let Some(m) = self.need_meeting(ctx) {
            ctx.requests.push(Request::OpenMeeting(m.id));
            // The meeting may be held all the same; the console says what the
            // preparation (R2–R4) has not done, in the dashboard's words.
            let open: Vec<&str> = self
                .stages(ctx)
                .iter()
                .filter(|s| s.state != crate::domain::prep::StageState::Done)
                .map(|s| ctx.t(&i18n::stage_kind(s.kind)))
                .collect();
            if !open.is_empty() && m.status == MeetingStatus::Planned {
                ctx.warn(i18n::preparation_open(ctx.lang, &open));
            }
        }
    }
}
