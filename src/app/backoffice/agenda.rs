//! 议程: the agenda draft (R2.1) — ready topics put on it (a topic whose checklist is not
//! complete is refused, naming the item), ordered by urgency with a key, more than 5 only
//! with a recorded reason, after the Friday 12:00 cut-off only by the urgent form — and
//! put forward by the office.
use super::ask::Ask;
use super::lists::pick_item;
use super::{BackOffice, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Field, Form};
use crate::app::layer::Verdict;
use crate::app::picker::{PickItem, Picked, Picker};
use crate::domain::Id;
use crate::domain::agenda::{AgendaRefused, Candidate, Urgency};
use crate::domain::meeting::MeetingStatus;
use crate::domain::topic::Channel;
use crate::domain::topic_stage::TopicStage;
use crate::i18n;
use crate::store::change::Change;
use crate::store::intake::TopicChange;
use crate::store::new_id;
use crate::store::planning::MeetingChange;

impl BackOffice {
    /// The topic under the agenda pane's cursor.
    fn agenda_selected(&self) -> Option<Id> {
        let m = self.meeting_id?;
        self.view
            .agenda_topics(m)
            .get(self.sel(Pane::Agenda))
            .map(|t| t.id)
    }

    /// The agenda can change while the meeting is still being planned.
    fn open_agenda(&self, ctx: &mut Ctx) -> Option<Id> {
        let m = self.need_meeting(ctx)?;
        if m.status != MeetingStatus::Planned {
            let t = ctx.t(&i18n::NOT_PLANNED);
            ctx.warn(t);
            return None;
        }
        Some(m.id)
    }

    /// `a` on the topics pane: the selected topic onto the meeting being prepared.
    pub(super) fn schedule_selected(&mut self, ctx: &mut Ctx) {
        let Some(t) = self.need_topic(ctx) else {
            return;
        };
        self.schedule(ctx, t.id, None);
    }

    /// Put a topic on the agenda (R1.4, R2.1), with its default sitting-in people (R2.2).
    pub(super) fn schedule(&mut self, ctx: &mut Ctx, topic_id: Id, reason: Option<String>) {
        let Some(meeting_id) = self.open_agenda(ctx) else {
            return;
        };
        let (Some(t), Some(m)) = (
            self.view.topic(topic_id).cloned(),
            self.view.meeting(meeting_id).cloned(),
        ) else {
            return;
        };
        if t.meeting_id.is_some()
            || !matches!(
                t.stage,
                TopicStage::Ready | TopicStage::UnderReview | TopicStage::Proposed
            )
        {
            let w = if t.meeting_id == Some(meeting_id) {
                i18n::ALREADY_ON_AGENDA
            } else {
                i18n::NOT_SCHEDULABLE
            };
            let w = ctx.t(&w);
            return ctx.warn(w);
        }
        let mut agenda = self.view.agenda(meeting_id);
        let now = ctx.now();
        // A topic that came by the urgent form is urgent unless the office said otherwise.
        let urgency = match (t.registration.channel, t.urgency) {
            (Channel::UrgentForm, Urgency::Routine) => Urgency::Urgent,
            (_, u) => u,
        };
        let candidate = Candidate {
            topic_id,
            channel: t.registration.channel,
            urgency,
            review: self.view.review_result(topic_id),
        };
        let added = match agenda.add(candidate, m.starts_at, now, reason.as_deref()) {
            Ok(a) => a,
            Err(AgendaRefused::OverNorm { count }) => {
                return self.open_over_norm_reason(ctx, Some((topic_id, count)));
            }
            Err(why) => {
                let text = i18n::agenda_refused(ctx.lang, &why);
                return ctx.warn(text);
            }
        };
        let seq = u32::try_from(agenda.items.len()).unwrap_or(u32::MAX);
        let mut changes = Vec::new();
        if t.stage != TopicStage::Ready {
            // All checks passed already: the lifecycle's steps are recorded on the way.
            if t.stage == TopicStage::Proposed {
                changes.push(stage(
                    topic_id,
                    TopicStage::Proposed,
                    TopicStage::UnderReview,
                ));
            }
            changes.push(stage(topic_id, TopicStage::UnderReview, TopicStage::Ready));
        }
        if let Some(r) = reason.filter(|_| added.over_norm) {
            changes.push(Change::Meeting(MeetingChange::OverNormReason {
                meeting_id,
                reason: r,
            }));
        }
        changes.push(Change::Topic(TopicChange::Schedule {
            topic_id,
            meeting_id,
            seq,
            urgency,
            added_at: now,
            after_cutoff: added.after_cutoff,
        }));
        let mut mp = self.view.meeting_people(meeting_id);
        let people = self.view.active_people();
        let before = mp.sitting_in_for(topic_id).len();
        mp.add_topic_defaults(
            topic_id,
            &t.registration.department,
            &t.registration.involved_departments,
            &people,
        );
        for pick in mp.sitting_in_for(topic_id).into_iter().skip(before) {
            changes.push(Change::Meeting(MeetingChange::AddPerson {
                participation: crate::domain::people::Participation {
                    id: new_id(),
                    meeting_id,
                    person_id: pick.person_id,
                    role: crate::domain::people::Role::SittingIn,
                    topic_id: Some(topic_id),
                    is_recorder: false,
                },
            }));
        }
        self.record(ctx, changes);
        let text = i18n::scheduled(ctx.lang, &t.registration.title, seq, added.after_cutoff);
        if added.after_cutoff || added.over_norm {
            ctx.warn(text);
        } else {
            ctx.say(text);
        }
    }

    pub(super) fn open_agenda_picker(&mut self, ctx: &mut Ctx) {
        if self.open_agenda(ctx).is_none() {
            return;
        }
        let items: Vec<PickItem> = self
            .view
            .topics
            .iter()
            .filter(|t| t.meeting_id.is_none() && t.stage == TopicStage::Ready)
            .map(|t| PickItem {
                id: t.id,
                name: t.registration.title.clone(),
                info: format!(
                    "{} · {}",
                    t.registration.department,
                    ctx.t(&i18n::channel_name(t.registration.channel))
                ),
                initials: String::new(),
                own: true,
            })
            .collect();
        if items.is_empty() {
            let w = ctx.t(&i18n::NO_READY_TOPICS);
            return ctx.warn(w);
        }
        ctx.open_picker(
            Picker::new(i18n::PICK_TOPIC, items, false).of_items(),
            Ask::AddToAgenda,
        );
    }

    pub(super) fn picked_topic(&mut self, ctx: &mut Ctx, picked: Option<Picked>) {
        if let Some(Picked::Person { id, .. }) = picked {
            self.schedule(ctx, id, None);
        }
    }

    /// Why more than 5 topics (R2.1): asked when the sixth is added, or with `o`.
    pub(super) fn open_over_norm_reason(&mut self, ctx: &mut Ctx, adding: Option<(Id, usize)>) {
        let Some(meeting_id) = self.meeting_id else {
            return;
        };
        let old = self
            .view
            .agenda_row(meeting_id)
            .and_then(|a| a.over_norm_reason.clone())
            .unwrap_or_default();
        let subject = match adding {
            Some((_, count)) => i18n::over_norm_question(ctx.lang, count),
            None => String::new(),
        };
        let form = Form::new(
            i18n::FORM_OVER_NORM,
            subject,
            vec![Field::text("reason", i18n::F_REASON, &old)],
        );
        ctx.open_form(form, Ask::OverNorm(adding.map(|a| a.0)));
    }

    pub(super) fn submit_over_norm(
        &mut self,
        ctx: &mut Ctx,
        topic: Option<Id>,
        form: &mut Form,
    ) -> Verdict {
        let reason = form.get("reason").trim().to_string();
        if reason.is_empty() {
            let p = [crate::domain::validate::FieldProblem::new(
                "reason",
                crate::domain::validate::Problem::Required,
            )];
            form.set_problems(ctx.lang, &p);
            return Verdict::Keep;
        }
        match (topic, self.meeting_id) {
            (Some(t), _) => self.schedule(ctx, t, Some(reason)),
            (None, Some(meeting_id)) => self.record(
                ctx,
                vec![Change::Meeting(MeetingChange::OverNormReason {
                    meeting_id,
                    reason,
                })],
            ),
            _ => {}
        }
        Verdict::Done
    }

    pub(super) fn ask_unschedule(&mut self, ctx: &mut Ctx) {
        let Some(meeting_id) = self.open_agenda(ctx) else {
            return;
        };
        let Some(id) = self.agenda_selected() else {
            let w = ctx.t(&i18n::NO_TOPIC_SELECTED);
            return ctx.warn(w);
        };
        let title = self
            .view
            .topic(id)
            .map(|t| t.registration.title.clone())
            .unwrap_or_default();
        ctx.ask(
            i18n::unschedule_confirm(ctx.lang, &title),
            Ask::Unschedule(id, meeting_id),
        );
    }

    /// Off the agenda: the topic is ready again, the rest close up.
    pub(super) fn unschedule(&mut self, ctx: &mut Ctx, topic_id: Id, meeting_id: Id) {
        let order: Vec<Id> = self
            .view
            .agenda_topics(meeting_id)
            .iter()
            .map(|t| t.id)
            .filter(|t| *t != topic_id)
            .collect();
        self.record(
            ctx,
            vec![
                Change::Topic(TopicChange::Unschedule {
                    topic_id,
                    meeting_id,
                }),
                Change::Topic(TopicChange::Order {
                    meeting_id,
                    topics: order,
                }),
            ],
        );
    }

    fn save_order(&mut self, ctx: &mut Ctx, meeting_id: Id, order: Vec<Id>) {
        self.record(
            ctx,
            vec![Change::Topic(TopicChange::Order {
                meeting_id,
                topics: order,
            })],
        );
    }

    /// Move the selected topic one place up or down (轻重缓急 as the office judges it).
    pub(super) fn move_topic(&mut self, ctx: &mut Ctx, by: isize) {
        let Some(meeting_id) = self.open_agenda(ctx) else {
            return;
        };
        let Some(id) = self.agenda_selected() else {
            return;
        };
        let mut agenda = self.view.agenda(meeting_id);
        let moved = if by < 0 {
            agenda.move_up(id)
        } else {
            agenda.move_down(id)
        };
        if moved {
            let order = agenda.items.iter().map(|i| i.topic_id).collect();
            self.save_order(ctx, meeting_id, order);
            let row = agenda.position(id).unwrap_or(0);
            self.set_sel(Pane::Agenda, row);
        }
    }

    pub(super) fn cycle_urgency(&mut self, ctx: &mut Ctx) {
        if self.open_agenda(ctx).is_none() {
            return;
        }
        let Some(id) = self.agenda_selected() else {
            return;
        };
        let Some(t) = self.view.topic(id) else { return };
        let urgency = match t.urgency {
            Urgency::Routine => Urgency::Important,
            Urgency::Important => Urgency::Urgent,
            Urgency::Urgent => Urgency::Routine,
        };
        self.record(
            ctx,
            vec![Change::Topic(TopicChange::Urgency {
                topic_id: id,
                urgency,
            })],
        );
    }

    /// Most pressing first, the office's order kept within the same urgency.
    pub(super) fn sort_by_urgency(&mut self, ctx: &mut Ctx) {
        let Some(meeting_id) = self.open_agenda(ctx) else {
            return;
        };
        let mut agenda = self.view.agenda(meeting_id);
        agenda.sort_by_urgency();
        let order = agenda.items.iter().map(|i| i.topic_id).collect();
        self.save_order(ctx, meeting_id, order);
    }

    /// The office puts the agenda forward (due Friday 12:00, R2.1).
    pub(super) fn propose_agenda(&mut self, ctx: &mut Ctx) {
        let Some(meeting_id) = self.open_agenda(ctx) else {
            return;
        };
        let agenda = self.view.agenda(meeting_id);
        if agenda.items.is_empty() {
            let w = ctx.t(&i18n::AGENDA_EMPTY);
            return ctx.warn(w);
        }
        if agenda.over_norm() && agenda.over_norm_reason.is_none() {
            return self.open_over_norm_reason(ctx, None);
        }
        if let Some((id, item)) = agenda.items.iter().find_map(|i| {
            self.view
                .review_result(i.topic_id)
                .err()
                .map(|e| (i.topic_id, e))
        }) {
            let title = self.view.topic(id).map(|t| t.registration.title.clone());
            let text = i18n::agenda_topic_not_ready(ctx.lang, &title.unwrap_or_default(), item);
            return ctx.warn(text);
        }
        let now = ctx.now();
        let by = ctx.store.operator().to_string();
        self.record(
            ctx,
            vec![Change::Meeting(MeetingChange::ProposeAgenda {
                meeting_id,
                at: now,
                by,
            })],
        );
        let cutoff = self
            .meeting()
            .and_then(|m| crate::domain::agenda::cutoff(m.starts_at));
        let text = i18n::agenda_proposed(ctx.lang, cutoff.is_some_and(|c| now > c));
        ctx.say(text);
    }

    /// People offered when adding by name: everyone on the list, the meeting's first.
    pub(super) fn person_items(&self) -> Vec<PickItem> {
        self.view
            .active_people()
            .iter()
            .map(|p| pick_item(p, true))
            .collect()
    }
}

fn stage(topic_id: Id, from: TopicStage, to: TopicStage) -> Change {
    Change::Topic(TopicChange::Stage { topic_id, from, to })
}
