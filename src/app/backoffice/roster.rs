//! 名册: the roster — adding, editing and retiring people (departments, titles, phones);
//! pinyin initials computed for the filter, with a field to correct a person's (R9.3).
use super::ask::Ask;
use super::{BackOffice, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::Id;
use crate::domain::initials::initials;
use crate::domain::people::match_rank;
use crate::domain::people_import::{check_person, field};
use crate::i18n;
use crate::store::change::Change;
use crate::store::lease::{self, LeaseKey};
use crate::store::new_id;
use crate::store::roster::{PeopleChange, RosterPerson};

impl BackOffice {
    /// The roster as listed: those on the list first, then the retired; filtered by a
    /// part of the name, the initials, the department or the title.
    pub fn visible_people(&self) -> Vec<&RosterPerson> {
        let f = &self.roster_filter.text;
        let mut v: Vec<&RosterPerson> = self
            .view
            .people
            .iter()
            .filter(|p| {
                let q = &p.person;
                match_rank(f, &q.name, &q.initials, &[&q.department, &q.title]).is_some()
            })
            .collect();
        v.sort_by_key(|p| !p.is_active());
        v
    }

    fn selected_person(&self) -> Option<RosterPerson> {
        self.visible_people()
            .get(self.sel(Pane::Roster))
            .map(|p| (*p).clone())
    }

    pub(super) fn open_person(&mut self, ctx: &mut Ctx, p: Option<&RosterPerson>) {
        let q = p.map(|p| p.person.clone());
        let value =
            |f: fn(&crate::domain::people::Person) -> String| q.as_ref().map(f).unwrap_or_default();
        let computed = p.map_or(String::new(), |p| initials(&p.person.name));
        let title = if p.is_some() {
            i18n::FORM_EDIT_PERSON
        } else {
            i18n::FORM_NEW_PERSON
        };
        let form = Form::new(
            title,
            i18n::initials_hint(ctx.lang, &computed),
            vec![
                Field::text(field::NAME, i18n::F_NAME, &value(|p| p.name.clone())),
                Field::text(
                    field::TITLE,
                    i18n::F_PERSON_TITLE,
                    &value(|p| p.title.clone()),
                ),
                Field::new(
                    field::DEPARTMENT,
                    i18n::F_DEPARTMENT,
                    FieldKind::Department(self.department_choices()),
                    &value(|p| p.department.clone()),
                ),
                Field::text(field::PHONE, i18n::F_PHONE, &value(|p| p.phone.clone())),
                Field::text(
                    field::INITIALS,
                    i18n::F_INITIALS,
                    p.map_or("", |p| p.own_initials.as_str()),
                ),
            ],
        );
        match p.map(|p| p.person.id) {
            Some(id) => {
                let key = LeaseKey::new(lease::PERSON, id);
                ctx.open_form_leased(key, form, Ask::Person(Some(id)));
            }
            None => ctx.open_form(form, Ask::Person(None)),
        }
    }

    pub(super) fn open_edit_person(&mut self, ctx: &mut Ctx) {
        match self.selected_person() {
            Some(p) => self.open_person(ctx, Some(&p)),
            None => {
                let w = ctx.t(&i18n::NOTHING_SELECTED);
                ctx.warn(w);
            }
        }
    }

    pub(super) fn submit_person(
        &mut self,
        ctx: &mut Ctx,
        id: Option<Id>,
        form: &mut Form,
    ) -> Verdict {
        let checked = check_person(
            &form.get(field::NAME),
            &form.get(field::TITLE),
            &form.get(field::DEPARTMENT),
            &form.get(field::PHONE),
            &form.get(field::INITIALS),
        );
        let (mut person, own) = match checked {
            Ok(x) => x,
            Err(p) => {
                form.set_problems(ctx.lang, &p);
                return Verdict::Keep;
            }
        };
        person.id = id.unwrap_or_else(new_id);
        // Someone of the same name in the same department is most likely a slip.
        let twin = self.view.people.iter().any(|p| {
            p.person.id != person.id
                && p.person.name == person.name
                && p.person.department == person.department
        });
        if twin && !form.confirmed {
            return Verdict::Ask(i18n::same_person_confirm(
                ctx.lang,
                &person.name,
                &person.department,
            ));
        }
        let retired_at = self
            .view
            .people
            .iter()
            .find(|p| p.person.id == person.id)
            .and_then(|p| p.retired_at);
        let name = person.name.clone();
        let ini = person.initials.clone();
        let pid = person.id;
        self.record(
            ctx,
            vec![Change::People(PeopleChange::Save {
                person: RosterPerson {
                    person,
                    own_initials: own,
                    retired_at,
                },
            })],
        );
        if let Some(i) = self
            .visible_people()
            .iter()
            .position(|p| p.person.id == pid)
        {
            self.set_sel(Pane::Roster, i);
        }
        ctx.say(i18n::person_saved(ctx.lang, &name, &ini));
        Verdict::Done
    }

    pub(super) fn ask_retire(&mut self, ctx: &mut Ctx) {
        let Some(p) = self.selected_person() else {
            let w = ctx.t(&i18n::NOTHING_SELECTED);
            return ctx.warn(w);
        };
        let text = i18n::retire_confirm(ctx.lang, &p.person.name, p.is_active());
        ctx.ask(text, Ask::Retire(p.person.id));
    }

    pub(super) fn retire(&mut self, ctx: &mut Ctx, id: Id) {
        let active = self
            .view
            .people
            .iter()
            .find(|p| p.person.id == id)
            .is_some_and(|p| p.is_active());
        let retired_at = active.then(|| ctx.now());
        self.record(
            ctx,
            vec![Change::People(PeopleChange::Retire {
                person_id: id,
                retired_at,
            })],
        );
    }
}
