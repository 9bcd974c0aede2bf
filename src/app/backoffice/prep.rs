//! 会务: preparing the meeting (R4) — the room and waiting room booked; notices to each
//! department 1–2 days before and their replies with attendee lists; materials per topic
//! and department, copies counted from the people, delivered 1 working day before (or the
//! other way used); classified materials as numbered copies, handed out and collected.
use super::ask::Ask;
use super::lists::typed_time;
use super::{BackOffice, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::booking::RoomBooking;
use crate::domain::materials::{Delivery, DeliveryWay, packages_for};
use crate::domain::notice::departments_to_notify;
use crate::domain::{Id, Time};
use crate::i18n;
use crate::store::change::Change;
use crate::store::new_id;
use crate::store::prep::{PrepChange, StoredCopy, StoredPackage};

/// A row of the preparation pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrepRow {
    Room,
    /// A department to notify: its notice and reply.
    Department(String),
    /// A topic's materials (its packages follow).
    Topic(Id),
    Package(Id),
    /// A classified topic (its numbered copies follow).
    Classified(Id),
    Copy(Id),
}

impl BackOffice {
    /// Departments to notify for the meeting being prepared (R4.3).
    pub fn notice_departments(&self) -> Vec<String> {
        let Some(m) = self.meeting_id else {
            return Vec::new();
        };
        departments_to_notify(&self.view.meeting_people(m), &self.view.active_people())
    }

    pub fn prep_rows(&self) -> Vec<PrepRow> {
        let Some(m) = self.meeting_id else {
            return Vec::new();
        };
        let mut rows = vec![PrepRow::Room];
        rows.extend(
            self.notice_departments()
                .into_iter()
                .map(PrepRow::Department),
        );
        let topics = self.view.agenda_topics(m);
        for t in topics.iter().filter(|t| !t.registration.classified) {
            rows.push(PrepRow::Topic(t.id));
            rows.extend(
                self.view
                    .prep
                    .packages
                    .iter()
                    .filter(|p| p.meeting_id == m && p.package.topic_id == t.id)
                    .map(|p| PrepRow::Package(p.id)),
            );
        }
        for t in topics.iter().filter(|t| t.registration.classified) {
            rows.push(PrepRow::Classified(t.id));
            rows.extend(
                self.copies_of(m, t.id)
                    .into_iter()
                    .map(|c| PrepRow::Copy(c.id)),
            );
        }
        rows
    }

    pub fn copies_of(&self, meeting_id: Id, topic_id: Id) -> Vec<&StoredCopy> {
        self.view
            .prep
            .copies
            .iter()
            .filter(|c| c.meeting_id == meeting_id && c.copy.topic_id == topic_id)
            .collect()
    }

    pub(super) fn prep_row(&self) -> Option<PrepRow> {
        self.prep_rows().get(self.sel(Pane::Prep)).cloned()
    }

    pub(super) fn when(ctx: &Ctx) -> [Field; 2] {
        let now = ctx.now();
        [
            Field::date("date", i18n::F_DATE, &now.format("%Y-%m-%d").to_string()),
            Field::time("time", i18n::F_CLOCK, &now.format("%H:%M").to_string()),
        ]
    }

    pub(super) fn typed_when(ctx: &Ctx, form: &mut Form) -> Option<Time> {
        match typed_time(
            "date",
            &form.get("date"),
            "time",
            &form.get("time"),
            ctx.now(),
        ) {
            Ok(t) => Some(t),
            Err(p) => {
                form.set_problems(ctx.lang, &p);
                None
            }
        }
    }

    pub(super) fn open_booking(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let booked = self.view.prep.bookings.iter().find(|(x, _)| *x == m.id);
        let room = booked.map_or(m.room.clone(), |(_, b)| b.room.clone());
        let waiting = booked
            .and_then(|(_, b)| b.waiting_room.clone())
            .or(m.waiting_room.clone())
            .unwrap_or_default();
        let [date, time] = Self::when(ctx);
        let form = Form::new(
            i18n::FORM_BOOKING,
            i18n::meeting_when(ctx.lang, &m.starts_at),
            vec![
                Field::text("room", i18n::F_ROOM, &room),
                Field::text("waiting_room", i18n::F_WAITING_ROOM, &waiting),
                Field::new(
                    "booked_by",
                    i18n::F_BOOKED_BY,
                    FieldKind::Person(self.people_choices()),
                    ctx.store.operator(),
                ),
                date,
                time,
            ],
        );
        ctx.open_form(form, Ask::Book(m.id));
    }

    pub(super) fn submit_booking(
        &mut self,
        ctx: &mut Ctx,
        meeting_id: Id,
        form: &mut Form,
    ) -> Verdict {
        let Some(at) = Self::typed_when(ctx, form) else {
            return Verdict::Keep;
        };
        match RoomBooking::new(
            &form.get("room"),
            &form.get("waiting_room"),
            &form.get("booked_by"),
            at,
        ) {
            Ok(booking) => {
                self.record(
                    ctx,
                    vec![Change::Prep(PrepChange::Booking {
                        meeting_id,
                        booking,
                    })],
                );
                Verdict::Done
            }
            Err(p) => {
                form.set_problems(ctx.lang, &p);
                Verdict::Keep
            }
        }
    }

    /// List (or count again) each topic's packages, one per department of the people
    /// present for it, as many copies as people (R4.2).
    pub(super) fn list_materials(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let people = self.view.active_people();
        let mp = self.view.meeting_people(m.id);
        let mut packages = Vec::new();
        for t in self.view.agenda_topics(m.id) {
            if t.registration.classified {
                continue;
            }
            for p in packages_for(t.id, false, &mp.present_for(t.id), &people) {
                let old = self.view.prep.packages.iter().find(|x| {
                    x.meeting_id == m.id
                        && x.package.topic_id == t.id
                        && x.package.department == p.department
                });
                if old.is_some_and(|o| o.package.copies == p.copies) {
                    continue;
                }
                packages.push(StoredPackage {
                    id: old.map_or_else(new_id, |o| o.id),
                    meeting_id: m.id,
                    package: p,
                });
            }
        }
        let n = packages.len();
        if n > 0 {
            self.record(ctx, vec![Change::Prep(PrepChange::Packages { packages })]);
        }
        ctx.say(i18n::packages_listed(ctx.lang, n));
    }

    pub(super) fn open_delivery(&mut self, ctx: &mut Ctx) {
        let Some(PrepRow::Package(id)) = self.prep_row() else {
            let w = ctx.t(&i18n::SELECT_A_PACKAGE);
            return ctx.warn(w);
        };
        let Some(p) = self.view.prep.packages.iter().find(|p| p.id == id) else {
            return;
        };
        let ways = vec![
            Choice::new("delivered", ctx.t(&i18n::DELIVERED)),
            Choice::new("fallback", ctx.t(&i18n::FALLBACK)),
        ];
        let [date, time] = Self::when(ctx);
        let subject = format!(
            "{} · {}",
            p.package.department,
            i18n::copies(ctx.lang, p.package.copies)
        );
        let form = Form::new(
            i18n::FORM_DELIVERY,
            subject,
            vec![
                Field::new("way", i18n::F_HOW, FieldKind::Choice(ways), "delivered"),
                Field::text("fallback", i18n::F_FALLBACK, ""),
                Field::new(
                    "by",
                    i18n::F_DELIVERED_BY,
                    FieldKind::Person(self.people_choices()),
                    ctx.store.operator(),
                ),
                date,
                time,
            ],
        );
        ctx.open_form(form, Ask::Deliver(id));
    }

    pub(super) fn submit_delivery(
        &mut self,
        ctx: &mut Ctx,
        package_id: Id,
        form: &mut Form,
    ) -> Verdict {
        let Some(at) = Self::typed_when(ctx, form) else {
            return Verdict::Keep;
        };
        let way = if form.get("way") == "fallback" {
            DeliveryWay::Fallback(form.get("fallback"))
        } else {
            DeliveryWay::Delivered
        };
        match Delivery::new(at, &form.get("by"), way) {
            Ok(delivery) => {
                self.record(
                    ctx,
                    vec![Change::Prep(PrepChange::Delivery {
                        package_id,
                        delivery,
                    })],
                );
                Verdict::Done
            }
            Err(p) => {
                form.set_problems(ctx.lang, &p);
                Verdict::Keep
            }
        }
    }
}
