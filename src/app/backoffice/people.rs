//! 人员: the people of the meeting by role (R2.2) — attending (the leadership team),
//! sitting in throughout, sitting in per topic (the submitting and involved departments'
//! heads, and whoever is added by title or name), staff (1–2 from the office, one the
//! recorder).
use super::ask::Ask;
use super::{BackOffice, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::app::picker::{Picked, Picker};
use crate::domain::Id;
use crate::domain::meeting_people::{MeetingPeople, by_title};
use crate::domain::people::{Participation, Role};
use crate::i18n;
use crate::store::change::Change;
use crate::store::new_id;
use crate::store::planning::MeetingChange;

/// A part of the meeting's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Attending,
    SittingInAll,
    /// Sitting in for this topic.
    Topic(Id),
    Staff,
}

/// A row of the people pane: a section's title, or a person in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeopleRow {
    Section(Section),
    Person {
        section: Section,
        participation_id: Id,
        person_id: Id,
        recorder: bool,
    },
}

impl PeopleRow {
    pub fn section(self) -> Section {
        match self {
            Self::Section(s) | Self::Person { section: s, .. } => s,
        }
    }
}

impl BackOffice {
    pub fn people_rows(&self) -> Vec<PeopleRow> {
        let Some(m) = self.meeting_id else {
            return Vec::new();
        };
        let parts = self.view.parts_of(m);
        let mut sections = vec![Section::Attending, Section::SittingInAll];
        sections.extend(
            self.view
                .agenda_topics(m)
                .iter()
                .map(|t| Section::Topic(t.id)),
        );
        sections.push(Section::Staff);
        let mut rows = Vec::new();
        for s in sections {
            rows.push(PeopleRow::Section(s));
            for p in parts.iter().filter(|p| section_of(p) == s) {
                rows.push(PeopleRow::Person {
                    section: s,
                    participation_id: p.id,
                    person_id: p.person_id,
                    recorder: p.is_recorder,
                });
            }
        }
        rows
    }

    fn people_row(&self) -> Option<PeopleRow> {
        self.people_rows().get(self.sel(Pane::People)).copied()
    }

    pub(super) fn open_add_person(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let section = self
            .people_row()
            .map_or(Section::Attending, PeopleRow::section);
        let present: Vec<Id> = self
            .view
            .parts_of(m.id)
            .iter()
            .map(|p| p.person_id)
            .collect();
        let mut items = self.person_items();
        items.retain(|i| !present.contains(&i.id) || matches!(section, Section::Topic(_)));
        let title = i18n::section_pick_title(section);
        ctx.open_picker(Picker::new(title, items, false), Ask::AddPerson(section));
    }

    fn participation(meeting_id: Id, person_id: Id, section: Section) -> Participation {
        let (role, topic_id) = match section {
            Section::Attending => (Role::Attending, None),
            Section::SittingInAll => (Role::SittingIn, None),
            Section::Topic(t) => (Role::SittingIn, Some(t)),
            Section::Staff => (Role::Staff, None),
        };
        Participation {
            id: new_id(),
            meeting_id,
            person_id,
            role,
            topic_id,
            is_recorder: false,
        }
    }

    /// Add people to a section, skipping those already there (and, for a topic, those in
    /// the room throughout). Returns how many were added.
    fn add_people(&mut self, ctx: &mut Ctx, section: Section, people: &[Id]) -> usize {
        let Some(m) = self.meeting_id else { return 0 };
        let mp = self.view.meeting_people(m);
        let parts = self.view.parts_of(m);
        let mut changes = Vec::new();
        for id in people {
            let there = match section {
                Section::Topic(t) => {
                    mp.attending.contains(id)
                        || mp.sitting_in_all.contains(id)
                        || mp.sitting_in_for(t).iter().any(|p| p.person_id == *id)
                }
                _ => parts
                    .iter()
                    .any(|p| p.person_id == *id && p.topic_id.is_none()),
            };
            if !there {
                changes.push(Change::Meeting(MeetingChange::AddPerson {
                    participation: Self::participation(m, *id, section),
                }));
            }
        }
        let n = changes.len();
        if n > 0 {
            self.record(ctx, changes);
        }
        n
    }

    pub(super) fn picked_person(
        &mut self,
        ctx: &mut Ctx,
        section: Section,
        picked: Option<Picked>,
    ) {
        let Some(Picked::Person { id, name }) = picked else {
            return;
        };
        if self.add_people(ctx, section, &[id]) == 0 {
            return ctx.warn(i18n::already_listed(ctx.lang, &name));
        }
        let staff = self
            .meeting_id
            .map(|m| self.view.meeting_people(m).staff.len());
        if section == Section::Staff
            && staff.is_some_and(|n| n > crate::domain::meeting_people::STAFF_MAX)
        {
            let w = ctx.t(&i18n::TOO_MANY_STAFF);
            ctx.warn(w);
        } else {
            ctx.say(i18n::person_added(ctx.lang, &name));
        }
    }

    /// Add sitting-in people by title (R2.2 "by role"), e.g. 大队长 for a topic.
    pub(super) fn open_add_by_title(&mut self, ctx: &mut Ctx) {
        if self.need_meeting(ctx).is_none() {
            return;
        }
        let section = self
            .people_row()
            .map_or(Section::SittingInAll, PeopleRow::section);
        let form = Form::new(
            i18n::FORM_ADD_BY_TITLE,
            ctx.t(&i18n::section_pick_title(section)),
            vec![Field::text("title", i18n::F_PERSON_TITLE, "")],
        );
        ctx.open_form(form, Ask::AddByTitle(section));
    }

    pub(super) fn submit_add_by_title(
        &mut self,
        ctx: &mut Ctx,
        section: Section,
        form: &mut Form,
    ) -> Verdict {
        let title = form.get("title");
        let ids = by_title(&self.view.active_people(), &title);
        if ids.is_empty() {
            let p = [crate::domain::validate::FieldProblem::new(
                "title",
                crate::domain::validate::Problem::NotOnList,
            )];
            form.set_problems(ctx.lang, &p);
            return Verdict::Keep;
        }
        let n = self.add_people(ctx, section, &ids);
        ctx.say(i18n::people_added(ctx.lang, n));
        Verdict::Done
    }

    pub(super) fn ask_remove_person(&mut self, ctx: &mut Ctx) {
        let Some(PeopleRow::Person {
            participation_id,
            person_id,
            ..
        }) = self.people_row()
        else {
            let w = ctx.t(&i18n::NOTHING_SELECTED);
            return ctx.warn(w);
        };
        let name = self.view.name(person_id).to_string();
        ctx.ask(
            i18n::remove_person_confirm(ctx.lang, &name),
            Ask::RemovePerson(participation_id),
        );
    }

    pub(super) fn remove_person(&mut self, ctx: &mut Ctx, participation_id: Id) {
        self.record(
            ctx,
            vec![Change::Meeting(MeetingChange::RemovePerson {
                participation_id,
            })],
        );
    }

    /// The selected staff member types the minutes (§5.2).
    pub(super) fn mark_recorder(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.meeting_id else { return };
        match self.people_row() {
            Some(PeopleRow::Person {
                section: Section::Staff,
                person_id,
                ..
            }) => {
                self.record(
                    ctx,
                    vec![Change::Meeting(MeetingChange::Recorder {
                        meeting_id: m,
                        person_id: Some(person_id),
                    })],
                );
                let name = self.view.name(person_id).to_string();
                ctx.say(i18n::recorder_set(ctx.lang, &name));
            }
            _ => {
                let w = ctx.t(&i18n::RECORDER_IS_STAFF);
                ctx.warn(w);
            }
        }
    }

    /// Add whoever §2.1.1 names and is missing: the leadership team, those sitting in
    /// throughout, each topic's departments' heads; and, when the meeting has no staff
    /// yet, the staff and recorder of the previous real meeting.
    pub(super) fn default_people(&mut self, ctx: &mut Ctx) {
        let Some(m) = self.need_meeting(ctx) else {
            return;
        };
        let people = self.view.active_people();
        let no_staff = self.view.meeting_people(m.id).staff.is_empty();
        let previous = no_staff
            .then(|| self.view.previous_staff(m.starts_at, m.id))
            .flatten()
            .map(|p| self.view.meeting_people(p));
        let defaults = MeetingPeople::defaults_after(&people, previous.as_ref());
        let mut n = self.add_people(ctx, Section::Attending, &defaults.attending);
        n += self.add_people(ctx, Section::SittingInAll, &defaults.sitting_in_all);
        if no_staff {
            n += self.add_people(ctx, Section::Staff, &defaults.staff);
            if let Some(r) = defaults.recorder {
                self.record(
                    ctx,
                    vec![Change::Meeting(MeetingChange::Recorder {
                        meeting_id: m.id,
                        person_id: Some(r),
                    })],
                );
            }
        }
        for t in self
            .view
            .agenda_topics(m.id)
            .into_iter()
            .cloned()
            .collect::<Vec<_>>()
        {
            let mut mp = MeetingPeople::default();
            mp.add_topic_defaults(
                t.id,
                &t.registration.department,
                &t.registration.involved_departments,
                &people,
            );
            let ids: Vec<Id> = mp
                .sitting_in_for(t.id)
                .iter()
                .map(|p| p.person_id)
                .collect();
            n += self.add_people(ctx, Section::Topic(t.id), &ids);
        }
        ctx.say(i18n::people_added(ctx.lang, n));
    }
}

fn section_of(p: &Participation) -> Section {
    match (p.role, p.topic_id) {
        (Role::Attending, _) => Section::Attending,
        (Role::SittingIn, None) => Section::SittingInAll,
        (Role::SittingIn, Some(t)) => Section::Topic(t),
        (Role::Staff, _) => Section::Staff,
    }
}
