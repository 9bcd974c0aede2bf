//! Notices and replies (R4.3, §4.3): each department told 1–2 days before, by WeChat or
//! phone (who, when, how), and its reply with the attendee list due the day before.
use super::ask::Ask;
use super::{BackOffice, PrepRow};
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::Id;
use crate::domain::intake::split_list;
use crate::domain::notice::{Notice, NoticeChannel, NoticeTiming, Reply, notice_timing};
use crate::domain::validate::{FieldProblem, Problem};
use crate::i18n;
use crate::store::change::Change;
use crate::store::new_id;
use crate::store::prep::PrepChange;

impl BackOffice {
    /// The department of the selected row, or the first not yet notified.
    fn department_for(&self, ctx: &mut Ctx, replies: bool) -> Option<String> {
        if let Some(PrepRow::Department(d)) = self.prep_row() {
            return Some(d);
        }
        let m = self.meeting_id?;
        let done = |d: &String| {
            if replies {
                self.view
                    .prep
                    .replies
                    .iter()
                    .any(|(_, x, r)| *x == m && &r.department == d)
            } else {
                self.view
                    .prep
                    .notices
                    .iter()
                    .any(|(_, x, n)| *x == m && &n.department == d)
            }
        };
        let d = self.notice_departments().into_iter().find(|d| !done(d));
        if d.is_none() {
            let w = ctx.t(&i18n::NO_DEPARTMENT_SELECTED);
            ctx.warn(w);
        }
        d
    }

    pub(super) fn open_notice(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let Some(department) = self.department_for(ctx, false) else {
            return;
        };
        let of_department: Vec<_> = self
            .view
            .active_people()
            .into_iter()
            .filter(|p| p.department == department)
            .collect();
        // The department's head is who is usually told.
        let head = of_department
            .iter()
            .find(|p| crate::domain::meeting_people::is_department_head(p))
            .or(of_department.first())
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let people: Vec<Choice> = of_department
            .iter()
            .map(super::lists::person_choice)
            .collect();
        let channels = vec![
            Choice::new("wechat", ctx.t(&i18n::WECHAT)),
            Choice::new("phone", ctx.t(&i18n::PHONE)),
        ];
        let [date, time] = Self::when(ctx);
        let form = Form::new(
            i18n::FORM_NOTICE,
            department.clone(),
            vec![
                Field::new("to_whom", i18n::F_TO_WHOM, FieldKind::Person(people), &head),
                Field::new(
                    "channel",
                    i18n::F_HOW,
                    FieldKind::Choice(channels),
                    "wechat",
                ),
                Field::new(
                    "sent_by",
                    i18n::F_SENT_BY,
                    FieldKind::Person(self.people_choices()),
                    ctx.store.operator(),
                ),
                date,
                time,
            ],
        );
        ctx.open_form(form, Ask::Notice(m.id, department));
    }

    pub(super) fn submit_notice(
        &mut self,
        ctx: &mut Ctx,
        meeting_id: Id,
        department: &str,
        form: &mut Form,
    ) -> Verdict {
        let Some(at) = Self::typed_when(ctx, form) else {
            return Verdict::Keep;
        };
        let channel =
            NoticeChannel::from_code(&form.get("channel")).unwrap_or(NoticeChannel::WeChat);
        match Notice::new(
            department,
            &form.get("to_whom"),
            channel,
            &form.get("sent_by"),
            at,
        ) {
            Ok(notice) => {
                let day = self
                    .view
                    .meeting(meeting_id)
                    .map(|m| m.starts_at.date_naive());
                let timing = day.map(|d| notice_timing(notice.sent_at, d));
                self.record(
                    ctx,
                    vec![Change::Prep(PrepChange::Notice {
                        id: new_id(),
                        meeting_id,
                        notice,
                    })],
                );
                match timing {
                    Some(NoticeTiming::InWindow) | None => {
                        ctx.say(i18n::notice_sent(ctx.lang, department))
                    }
                    Some(t) => ctx.warn(i18n::notice_timing(ctx.lang, department, t)),
                }
                Verdict::Done
            }
            Err(p) => {
                form.set_problems(ctx.lang, &p);
                Verdict::Keep
            }
        }
    }

    pub(super) fn open_reply(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let Some(department) = self.department_for(ctx, true) else {
            return;
        };
        // Those of the department the meeting expects, as the reply usually lists them.
        let expected: Vec<String> = self
            .view
            .parts_of(m.id)
            .iter()
            .filter_map(|p| self.view.person(p.person_id))
            .filter(|p| p.department == department)
            .map(|p| p.name.clone())
            .fold(Vec::new(), |mut v, n| {
                if !v.contains(&n) {
                    v.push(n);
                }
                v
            });
        let [date, time] = Self::when(ctx);
        let form = Form::new(
            i18n::FORM_REPLY,
            department.clone(),
            vec![
                Field::text("attendees", i18n::F_ATTENDEES, &expected.join("、")),
                date,
                time,
            ],
        );
        ctx.open_form(form, Ask::Reply(m.id, department));
    }

    pub(super) fn submit_reply(
        &mut self,
        ctx: &mut Ctx,
        meeting_id: Id,
        department: &str,
        form: &mut Form,
    ) -> Verdict {
        let attendees = split_list(&form.get("attendees"));
        if attendees.is_empty() {
            form.set_problems(
                ctx.lang,
                &[FieldProblem::new("attendees", Problem::Required)],
            );
            return Verdict::Keep;
        }
        let Some(at) = Self::typed_when(ctx, form) else {
            return Verdict::Keep;
        };
        let reply = Reply {
            department: department.to_string(),
            at,
            attendees,
        };
        self.record(
            ctx,
            vec![Change::Prep(PrepChange::Reply {
                id: new_id(),
                meeting_id,
                reply,
            })],
        );
        Verdict::Done
    }
}
