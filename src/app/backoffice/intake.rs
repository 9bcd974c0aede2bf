//! Topic intake (R1.1–R1.3): one form per channel — the registration form, the urgent
//! approval form, a director's special meeting, a leader's written instruction — with
//! every field of R1.3, checked by the domain, each problem shown next to its field.
use super::ask::Ask;
use super::lists::yes_no;
use super::{BackOffice, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::app::picker::{PickItem, Picked, Picker};
use crate::domain::Id;
use crate::domain::intake::{
    IntakeLists, LegalMatters, TopicForm, TopicRegistration, field, split_list,
};
use crate::domain::meeting_people::is_leadership;
use crate::domain::topic::{Channel, Scope};
use crate::domain::topic_stage::TopicStage;
use crate::domain::validate::FieldProblem;
use crate::i18n::{self, Lang};
use crate::store::change::Change;
use crate::store::intake::TopicChange;
use crate::store::lease::{self, LeaseKey};
use crate::store::new_id;

const CHANNELS: [Channel; 4] = [
    Channel::RegistrationForm,
    Channel::UrgentForm,
    Channel::SpecialMeeting,
    Channel::LeaderInstruction,
];

/// The legal boxes are three fields; the domain names them as one.
const LEGAL_FIELDS: [&str; 3] = [
    "legal_criminal",
    "legal_public_order",
    "legal_law_enforcement",
];

fn yes(form: &Form, name: &str) -> bool {
    form.get(name) == "1"
}

fn flag(b: bool) -> &'static str {
    if b { "1" } else { "0" }
}

fn topic_form(
    lang: Lang,
    office: &BackOffice,
    channel: Channel,
    r: Option<&TopicRegistration>,
    today: &str,
) -> Form {
    let channels = CHANNELS
        .iter()
        .map(|c| Choice::new(c.code(), lang.t(&i18n::channel_name(*c))))
        .collect();
    let scopes = Scope::ALL
        .iter()
        .map(|n| {
            Choice::new(
                n.to_string(),
                format!("{n} {}", lang.t(&i18n::scope_name(*n))),
            )
        })
        .collect();
    let text = |f: fn(&TopicRegistration) -> String| r.map(f).unwrap_or_default();
    let deputy = r
        .map(|r| office.view.name(r.deputy_id).to_string())
        .filter(|n| n != "?")
        .unwrap_or_default();
    let legal = r.map(|r| r.legal_matters).unwrap_or_default();
    let submitted = r.map_or(today.to_string(), |r| {
        r.submitted_on.format("%Y-%m-%d").to_string()
    });
    let choice = |name, label, options, value: &str| {
        Field::new(name, label, FieldKind::Choice(options), value)
    };
    Form::new(
        i18n::form_title(channel),
        lang.t(&i18n::channel_name(channel)),
        vec![
            Field::text(
                field::TITLE,
                i18n::F_TOPIC_TITLE,
                &text(|r| r.title.clone()),
            ),
            Field::new(
                field::DEPARTMENT,
                i18n::F_SUBMITTING_DEPARTMENT,
                FieldKind::Department(office.department_choices()),
                &text(|r| r.department.clone()),
            ),
            Field::new(
                field::DEPUTY,
                i18n::F_DEPUTY,
                FieldKind::Person(office.leader_choices()),
                &deputy,
            ),
            choice(field::CHANNEL, i18n::F_CHANNEL, channels, channel.code()),
            choice(
                field::SCOPE,
                i18n::F_SCOPE,
                scopes,
                &r.map(|r| r.scope.number().to_string()).unwrap_or_default(),
            ),
            Field::multiline(
                field::SUMMARY,
                i18n::F_SUMMARY,
                &text(|r| r.summary.clone()),
            ),
            Field::multiline(
                field::ALTERNATIVES,
                i18n::F_ALTERNATIVES,
                &text(|r| r.alternatives.join("\n")),
            ),
            Field::multiline(
                field::LEGAL_BASIS,
                i18n::F_LEGAL_BASIS,
                &text(|r| r.legal_basis.clone()),
            ),
            Field::multiline(
                field::BACKGROUND,
                i18n::F_BACKGROUND,
                &text(|r| r.background.clone()),
            ),
            Field::text(
                field::INVOLVED_DEPARTMENTS,
                i18n::F_INVOLVED,
                &text(|r| r.involved_departments.join("、")),
            ),
            choice(
                LEGAL_FIELDS[0],
                i18n::F_LEGAL_CRIMINAL,
                yes_no(lang),
                flag(legal.criminal),
            ),
            choice(
                LEGAL_FIELDS[1],
                i18n::F_LEGAL_PUBLIC_ORDER,
                yes_no(lang),
                flag(legal.public_order),
            ),
            choice(
                LEGAL_FIELDS[2],
                i18n::F_LEGAL_ENFORCEMENT,
                yes_no(lang),
                flag(legal.law_enforcement),
            ),
            Field::text(
                field::MATERIAL_COPIES,
                i18n::F_COPIES,
                &r.map(|r| r.material_copies.to_string()).unwrap_or_default(),
            ),
            choice(
                field::CLASSIFIED,
                i18n::F_CLASSIFIED,
                yes_no(lang),
                flag(r.is_some_and(|r| r.classified)),
            ),
            Field::date(field::SUBMITTED_ON, i18n::F_SUBMITTED_ON, &submitted),
        ],
    )
}

impl BackOffice {
    pub(super) fn open_channel_picker(&mut self, ctx: &mut Ctx) {
        let items = CHANNELS
            .iter()
            .enumerate()
            .map(|(i, c)| PickItem {
                id: i as Id,
                name: ctx.t(&i18n::channel_short(*c)).to_string(),
                info: ctx.t(&i18n::channel_how(*c)).to_string(),
                initials: String::new(),
                own: true,
            })
            .collect();
        ctx.open_picker(
            Picker::new(i18n::PICK_CHANNEL, items, false).of_items(),
            Ask::Channel,
        );
    }

    pub(super) fn picked_channel(&mut self, ctx: &mut Ctx, picked: Option<Picked>) {
        let Some(Picked::Person { id, .. }) = picked else {
            return;
        };
        let Some(channel) = usize::try_from(id).ok().and_then(|i| CHANNELS.get(i)) else {
            return;
        };
        let today = ctx.now().format("%Y-%m-%d").to_string();
        let form = topic_form(ctx.lang, self, *channel, None, &today);
        ctx.open_form(form, Ask::Topic(None));
    }

    pub(super) fn open_edit_topic(&mut self, ctx: &mut Ctx) {
        let Some(t) = self.need_topic(ctx) else {
            return;
        };
        if !matches!(
            t.stage,
            TopicStage::Proposed | TopicStage::UnderReview | TopicStage::Ready
        ) {
            let w = ctx.t(&i18n::EDIT_ONLY_BEFORE_AGENDA);
            return ctx.warn(w);
        }
        let today = ctx.now().format("%Y-%m-%d").to_string();
        let form = topic_form(
            ctx.lang,
            self,
            t.registration.channel,
            Some(&t.registration),
            &today,
        );
        let key = LeaseKey::new(lease::TOPIC, t.id);
        ctx.open_form_leased(key, form, Ask::Topic(Some(t.id)));
    }

    pub(super) fn submit_topic(
        &mut self,
        ctx: &mut Ctx,
        id: Option<Id>,
        form: &mut Form,
    ) -> Verdict {
        let typed = TopicForm {
            title: form.get(field::TITLE),
            department: form.get(field::DEPARTMENT),
            deputy: form.get(field::DEPUTY),
            channel: form.get(field::CHANNEL),
            scope: form.get(field::SCOPE),
            summary: form.get(field::SUMMARY),
            alternatives: form
                .get(field::ALTERNATIVES)
                .lines()
                .map(str::to_string)
                .collect(),
            legal_basis: form.get(field::LEGAL_BASIS),
            background: form.get(field::BACKGROUND),
            involved_departments: split_list(&form.get(field::INVOLVED_DEPARTMENTS)),
            legal_matters: LegalMatters {
                criminal: yes(form, LEGAL_FIELDS[0]),
                public_order: yes(form, LEGAL_FIELDS[1]),
                law_enforcement: yes(form, LEGAL_FIELDS[2]),
            },
            material_copies: form.get(field::MATERIAL_COPIES),
            classified: yes(form, field::CLASSIFIED),
            submitted_on: form.get(field::SUBMITTED_ON),
        };
        let departments = self.view.departments();
        let deputies: Vec<_> = self
            .view
            .active_people()
            .into_iter()
            .filter(is_leadership)
            .collect();
        let lists = IntakeLists {
            departments: &departments,
            deputies: &deputies,
        };
        let registration = match typed.check(lists, ctx.now()) {
            Ok(r) => r,
            Err(problems) => {
                let problems: Vec<FieldProblem> = problems
                    .into_iter()
                    .map(|p| match p.field {
                        field::LEGAL_MATTERS => FieldProblem::new(LEGAL_FIELDS[0], p.problem),
                        _ => p,
                    })
                    .collect();
                form.set_problems(ctx.lang, &problems);
                return Verdict::Keep;
            }
        };
        let old = id.and_then(|id| self.view.topic(id).cloned());
        // A ready topic whose form changes is checked again (R1.4).
        let stage = match old.as_ref().map(|t| t.stage) {
            None => TopicStage::Proposed,
            Some(TopicStage::Ready)
                if Some(&registration) != old.as_ref().map(|t| &t.registration) =>
            {
                TopicStage::UnderReview
            }
            Some(s) => s,
        };
        let topic_id = id.unwrap_or_else(new_id);
        let title = registration.title.clone();
        self.record(
            ctx,
            vec![Change::Topic(TopicChange::Save {
                topic_id,
                registration,
                stage,
            })],
        );
        self.go(Pane::Topics);
        self.select_topic(topic_id);
        let text = match old {
            None => i18n::topic_registered(ctx.lang, &title),
            Some(o) if o.stage != stage => i18n::topic_back_to_review(ctx.lang, &title),
            Some(_) => i18n::topic_saved(ctx.lang, &title),
        };
        ctx.say(text);
        Verdict::Done
    }
}
