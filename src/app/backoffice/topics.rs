//! 议题: the topics through their life (R1) — proposed → under review → ready → scheduled
//! → discussed → decided — filtered by stage, department, deputy and meeting; returned to
//! the department, withdrawn, or carried over to a later meeting.
use super::ask::Ask;
use super::{BackOffice, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::domain::Id;
use crate::domain::topic_stage::{TopicStage, advance};
use crate::i18n;
use crate::store::change::Change;
use crate::store::intake::{RegisteredTopic, TopicChange};
use crate::store::new_id;

/// Which topics the list shows. The default: those still in hand (not decided or
/// withdrawn).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TopicFilter {
    /// None with `all` false: those still in hand.
    pub stage: Option<TopicStage>,
    pub all: bool,
    pub department: String,
    pub deputy: Option<Id>,
    pub meeting: Option<Id>,
}

impl TopicFilter {
    pub fn is_set(&self) -> bool {
        *self != TopicFilter::default()
    }

    fn keeps(&self, t: &RegisteredTopic) -> bool {
        let stage = match self.stage {
            Some(s) => t.stage == s,
            None => self.all || !matches!(t.stage, TopicStage::Decided | TopicStage::Withdrawn),
        };
        stage
            && (self.department.is_empty()
                || t.registration.department == self.department
                || t.registration
                    .involved_departments
                    .contains(&self.department))
            && self.deputy.is_none_or(|d| t.registration.deputy_id == d)
            && self.meeting.is_none_or(|m| t.meeting_id == Some(m))
    }
}

impl BackOffice {
    /// The topics the list shows, in the order of their life, registered first first.
    pub fn visible_topics(&self) -> Vec<&RegisteredTopic> {
        let mut v: Vec<&RegisteredTopic> = self
            .view
            .topics
            .iter()
            .filter(|t| self.topic_filter.keeps(t))
            .collect();
        v.sort_by_key(|t| t.stage);
        v
    }

    pub(super) fn selected_topic(&self) -> Option<RegisteredTopic> {
        self.visible_topics()
            .get(self.sel(Pane::Topics))
            .map(|t| (*t).clone())
    }

    /// The selected topic, or a word that none is.
    pub(super) fn need_topic(&self, ctx: &mut Ctx) -> Option<RegisteredTopic> {
        let t = self.selected_topic();
        if t.is_none() {
            let w = ctx.t(&i18n::NO_TOPIC_SELECTED);
            ctx.warn(w);
        }
        t
    }

    /// Put the topics pane's cursor on a topic (after the list changed).
    pub(super) fn select_topic(&mut self, id: Id) {
        if let Some(i) = self.visible_topics().iter().position(|t| t.id == id) {
            self.set_sel(Pane::Topics, i);
        }
    }

    /// Move a topic to another stage, as the lifecycle allows (R1, R2).
    pub(super) fn change_stage(
        &mut self,
        ctx: &mut Ctx,
        t: &RegisteredTopic,
        to: TopicStage,
    ) -> bool {
        match advance(t.stage, to, self.view.review_result(t.id)) {
            Ok(to) => {
                self.record(
                    ctx,
                    vec![Change::Topic(TopicChange::Stage {
                        topic_id: t.id,
                        from: t.stage,
                        to,
                    })],
                );
                true
            }
            Err(why) => {
                let text = i18n::stage_refused(ctx.lang, &why);
                ctx.warn(text);
                false
            }
        }
    }

    /// Back to the department to complete (under review → proposed).
    pub(super) fn return_topic(&mut self, ctx: &mut Ctx) {
        let Some(t) = self.need_topic(ctx) else {
            return;
        };
        if self.change_stage(ctx, &t, TopicStage::Proposed) {
            let text = i18n::topic_returned(ctx.lang, &t.registration.title);
            ctx.say(text);
        }
    }

    pub(super) fn ask_withdraw(&mut self, ctx: &mut Ctx) {
        let Some(t) = self.need_topic(ctx) else {
            return;
        };
        if !t.stage.next().contains(&TopicStage::Withdrawn) {
            let text = i18n::stage_refused(
                ctx.lang,
                &crate::domain::topic_stage::StageRefused::NotAllowed {
                    from: t.stage,
                    to: TopicStage::Withdrawn,
                },
            );
            return ctx.warn(text);
        }
        let text = i18n::withdraw_confirm(ctx.lang, &t.registration.title);
        ctx.ask(text, Ask::Withdraw(t.id));
    }

    pub(super) fn withdraw(&mut self, ctx: &mut Ctx, id: Id) {
        let Some(t) = self.view.topic(id).cloned() else {
            return;
        };
        if let (TopicStage::Scheduled, Some(m)) = (t.stage, t.meeting_id) {
            self.unschedule(ctx, id, m);
        }
        let Some(t) = self.view.topic(id).cloned() else {
            return;
        };
        self.change_stage(ctx, &t, TopicStage::Withdrawn);
    }

    /// A discussed topic the meeting did not decide: registered again, ready, for a
    /// later meeting (its checklist is kept).
    pub(super) fn carry_over(&mut self, ctx: &mut Ctx) {
        let Some(t) = self.need_topic(ctx) else {
            return;
        };
        // Once only: F4 may have carried it to a named meeting already.
        if t.carried_to.is_some()
            || self
                .view
                .topics
                .iter()
                .any(|c| c.carried_from == Some(t.id))
        {
            let w = ctx.t(&i18n::ALREADY_CARRIED);
            return ctx.warn(w);
        }
        if t.stage != TopicStage::Discussed {
            let w = ctx.t(&i18n::CARRY_OVER_ONLY_DISCUSSED);
            return ctx.warn(w);
        }
        let id = new_id();
        self.record(
            ctx,
            vec![Change::Topic(TopicChange::CarryOver {
                from: t.id,
                topic_id: id,
            })],
        );
        self.select_topic(id);
        let text = i18n::carried_over(ctx.lang, &t.registration.title);
        ctx.say(text);
    }

    pub(super) fn open_topic_filter(&mut self, ctx: &mut Ctx) {
        let f = &self.topic_filter;
        let mut stages = vec![
            Choice::new("", ctx.t(&i18n::FILTER_IN_HAND)),
            Choice::new("all", ctx.t(&i18n::FILTER_ALL)),
        ];
        stages.extend(
            TopicStage::ALL
                .iter()
                .map(|s| Choice::new(s.code(), ctx.t(&i18n::stage_name(*s)))),
        );
        let stage = match (f.stage, f.all) {
            (Some(s), _) => s.code(),
            (None, true) => "all",
            (None, false) => "",
        };
        let mut meetings = vec![Choice::new("", ctx.t(&i18n::FILTER_ALL))];
        meetings.extend(
            self.meeting_rows()
                .iter()
                .map(|m| Choice::new(m.id.to_string(), i18n::meeting_when(ctx.lang, &m.starts_at))),
        );
        let deputy = f
            .deputy
            .map(|d| self.view.name(d).to_string())
            .unwrap_or_default();
        let meeting = f.meeting.map(|m| m.to_string()).unwrap_or_default();
        let form = Form::new(
            i18n::FORM_TOPIC_FILTER,
            String::new(),
            vec![
                Field::new("stage", i18n::F_STAGE, FieldKind::Choice(stages), stage),
                Field::new(
                    "department",
                    i18n::F_DEPARTMENT,
                    FieldKind::Department(self.department_choices()),
                    &f.department,
                ),
                Field::new(
                    "deputy",
                    i18n::F_DEPUTY,
                    FieldKind::Person(self.leader_choices()),
                    &deputy,
                ),
                Field::new(
                    "meeting",
                    i18n::F_MEETING,
                    FieldKind::Choice(meetings),
                    &meeting,
                ),
            ],
        );
        ctx.open_form(form.quiet(), Ask::TopicFilter);
    }

    pub(super) fn submit_topic_filter(&mut self, form: &Form) {
        let stage = form.get("stage");
        self.topic_filter = TopicFilter {
            stage: TopicStage::from_code(&stage),
            all: stage == "all",
            department: form.get("department").trim().to_string(),
            deputy: self.person_named(&form.get("deputy")).map(|p| p.id),
            meeting: form.get("meeting").parse().ok(),
        };
        self.set_sel(Pane::Topics, 0);
        self.clamp();
    }
}
