//! 会议: choosing the meeting, closing it with its checks (every topic decided or carried
//! over to a named later meeting, classified copies back, attendance settled), and
//! carrying a topic over — to a meeting already planned, or to the next regular Monday.
use super::ask::Ask;
use super::{FollowUp, FollowUpAction, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::closing::{
    self, ClosingFacts, CopyFact, LaterMeeting, PersonFact, TopicEnd, TopicFact,
};
use crate::domain::meeting::postponed_start;
use crate::domain::validate::{FieldProblem, Problem};
use crate::domain::{Id, Time};
use crate::i18n;
use crate::store::after::AfterChange;
use crate::store::change::Change;
use crate::store::new_id;

/// The value of the carry-over form's choice that plans the next regular meeting.
const NEW_MEETING: &str = "new";

impl FollowUp {
    pub(super) fn move_selection(&mut self, ctx: &mut Ctx, a: FollowUpAction) {
        let by: isize = match a {
            FollowUpAction::Up => -1,
            FollowUpAction::Down => 1,
            FollowUpAction::PageUp => -10,
            _ => 10,
        };
        let step =
            |i: usize, n: usize| (i as isize + by).clamp(0, n.saturating_sub(1) as isize) as usize;
        match self.focus {
            Pane::Meetings => {
                // At the last meeting read, read the next page of older ones.
                let to = step(self.selected, self.meetings.len());
                if by > 0
                    && to + 1 >= self.meetings.len()
                    && self.meetings.len() >= self.meetings_limit
                {
                    self.meetings_limit += super::MEETINGS_PAGE;
                    match ctx.store.latest_meetings(self.meetings_limit) {
                        Ok(m) => self.meetings = m,
                        Err(e) => ctx.store_failed(&e),
                    }
                }
                if to != self.selected {
                    self.selected = to;
                    self.shown_version = None;
                    self.compare = None;
                    self.close_problems.clear();
                    self.load_selected(ctx);
                    self.refresh_charts(ctx);
                }
            }
            Pane::Record => {
                let n = self.model.as_ref().map_or(0, |m| m.entries.len());
                self.record_selected = step(self.record_selected, n);
            }
            Pane::Register => {
                let n = self.register.shown(&self.items, Self::now(ctx)).len();
                self.register.selected = step(self.register.selected, n);
            }
            _ => {}
        }
    }

    /// What the closing check looks at, from the model.
    fn closing_facts(&self) -> Option<ClosingFacts> {
        let m = self.model.as_ref()?;
        let later = |id: Id| {
            self.meetings
                .iter()
                .find(|x| x.id == id)
                .map(|x| LaterMeeting {
                    meeting_id: x.id,
                    starts_at: x.starts_at,
                })
        };
        let topics = m
            .view
            .topics
            .iter()
            .zip(&m.decisions)
            .map(|(t, d)| {
                let carried = m.carried.iter().find(|c| c.topic_id == t.id);
                let end = match (d.as_ref().and_then(|d| d.decided_at), carried) {
                    (Some(_), _) => TopicEnd::Decided,
                    (None, Some(c)) => TopicEnd::CarriedOver {
                        to: later(c.to_meeting),
                    },
                    (None, None) => TopicEnd::Open,
                };
                TopicFact {
                    topic_id: t.id,
                    title: t.title.clone(),
                    end,
                }
            })
            .collect();
        // The back office's numbered copies handed out at this meeting (R4.2); one never
        // handed out never left the room. The number names its topic: "2-03".
        let reason = m.copies_out_reason.clone().unwrap_or_default();
        let copies: Vec<CopyFact> = m
            .copies
            .iter()
            .filter(|s| s.copy.handed_out.is_some())
            .map(|s| {
                let topic = m.view.topics.iter().position(|t| t.id == s.copy.topic_id);
                CopyFact {
                    number: format!("{}-{:02}", topic.map_or(0, |i| i + 1), s.copy.number),
                    holder: s
                        .copy
                        .holder
                        .map_or_else(|| "?".to_string(), |h| m.view.name(h).to_string()),
                    returned: s.copy.returned_at.is_some(),
                    absence_reason: reason.clone(),
                }
            })
            .collect();
        // One fact per person: someone sitting in for two topics is one person. Who sits
        // in only for topics carried over was never due here.
        let carried: Vec<Id> = m.carried.iter().map(|c| c.topic_id).collect();
        let only_carried = |person: Id| {
            let mine: Vec<_> = m
                .view
                .parts
                .iter()
                .filter(|p| p.person_id == person)
                .collect();
            !mine.is_empty()
                && mine
                    .iter()
                    .all(|p| p.topic_id.is_some_and(|t| carried.contains(&t)))
        };
        let mut people: Vec<PersonFact> = Vec::new();
        for l in &m.view.roster.lines {
            if only_carried(l.person_id) {
                continue;
            }
            if !people.iter().any(|p| p.person_id == l.person_id) {
                people.push(PersonFact {
                    person_id: l.person_id,
                    name: m.view.name(l.person_id).to_string(),
                    presence: l.state.presence.clone(),
                });
            }
        }
        Some(ClosingFacts {
            starts_at: m.view.meeting.starts_at,
            topics,
            copies,
            people,
        })
    }

    pub(super) fn ask_close(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        let Some(m) = &self.model else { return };
        if let Some(c) = &m.closing {
            let t =
                i18n::already_closed(ctx.lang, &c.closed_at.format("%Y-%m-%d %H:%M").to_string());
            return ctx.say(t);
        }
        let id = m.id();
        let Some(facts) = self.closing_facts() else {
            return;
        };
        match closing::check(&facts) {
            Ok(()) => {
                self.close_problems.clear();
                let now = ctx.now().format("%H:%M").to_string();
                let q = i18n::close_confirm(ctx.lang, &now);
                ctx.ask(q, Ask::Close(id));
            }
            Err(problems) => {
                self.close_problems = problems
                    .iter()
                    .map(|p| i18n::closing_problem(ctx.lang, p))
                    .collect();
                let t = i18n::cannot_close(ctx.lang, problems.len());
                ctx.warn(t);
            }
        }
    }

    pub(super) fn close(&mut self, ctx: &mut Ctx, id: Id) {
        if let Some(m) = &mut self.model {
            m.closing = Some(crate::store::Closing {
                meeting_id: id,
                closed_at: ctx.now(),
                closed_by: ctx.store.operator().to_string(),
            });
        }
        self.save(
            ctx,
            vec![Change::AfterMeeting {
                after: AfterChange::Close { meeting_id: id },
            }],
        );
        let t = ctx.t(&i18n::CLOSED_CLOCKS);
        ctx.say(t);
    }

    /// The next regular meeting after this one: Monday 09:00 (R3.1).
    fn next_monday(&self) -> Option<Time> {
        let m = self.model.as_ref()?;
        Some(postponed_start(m.view.meeting.starts_at))
    }

    pub(super) fn open_carry_over(&mut self, ctx: &mut Ctx) {
        if self.refuse_if_archived(ctx) {
            return;
        }
        let Some(m) = &self.model else { return };
        let open: Vec<Choice> = m
            .view
            .topics
            .iter()
            .zip(&m.decisions)
            .filter(|(_, d)| d.as_ref().and_then(|d| d.decided_at).is_none())
            .filter(|(t, _)| !m.carried.iter().any(|c| c.topic_id == t.id))
            .map(|(t, _)| Choice::new(t.id.to_string(), format!("{}. {}", t.seq, t.title)))
            .collect();
        if open.is_empty() {
            let t = ctx.t(&i18n::NOTHING_TO_CARRY);
            return ctx.say(t);
        }
        let start = m.view.meeting.starts_at;
        let mut later: Vec<Choice> = self
            .meetings
            .iter()
            .filter(|x| x.starts_at > start)
            .map(|x| {
                Choice::new(
                    x.id.to_string(),
                    format!("{} {}", x.starts_at.format("%Y-%m-%d %H:%M"), x.title),
                )
            })
            .collect();
        if let Some(next) = self.next_monday() {
            let label = i18n::plan_next_label(ctx.lang, &next.format("%Y-%m-%d %H:%M").to_string());
            later.push(Choice::new(NEW_MEETING, label));
        }
        let first = open.first().map(|c| c.value.clone()).unwrap_or_default();
        let to = later.first().map(|c| c.value.clone()).unwrap_or_default();
        let form = Form::new(
            i18n::FORM_CARRY_OVER,
            m.view.meeting.title.clone(),
            vec![
                Field::new("topic", i18n::F_TOPIC, FieldKind::Choice(open), &first),
                Field::new("to", i18n::F_TO_MEETING, FieldKind::Choice(later), &to),
                Field::text("reason", i18n::F_REASON, ""),
            ],
        );
        ctx.open_form(form, Ask::CarryOver(m.id()));
    }

    pub(super) fn submit_carry_over(&mut self, ctx: &mut Ctx, id: Id, f: &mut Form) -> Verdict {
        let topic = f.get("topic").parse::<Id>().ok();
        let to = f.get("to");
        let mut problems = Vec::new();
        if topic.is_none() {
            problems.push(FieldProblem::new("topic", Problem::NotAChoice));
        }
        if to.is_empty() {
            problems.push(FieldProblem::new("to", Problem::NotAChoice));
        }
        let (Some(topic), true) = (topic, problems.is_empty()) else {
            f.set_problems(ctx.lang, &problems);
            return Verdict::Keep;
        };
        let mut changes = Vec::new();
        let to_meeting = if to == NEW_MEETING {
            let Some(starts_at) = self.next_monday() else {
                return Verdict::Done;
            };
            // Already planned by an earlier carry-over: use that one.
            match self.meetings.iter().find(|m| m.starts_at == starts_at) {
                Some(m) => m.id,
                None => {
                    let new = new_id();
                    let title = i18n::regular_meeting_title(ctx.lang);
                    changes.push(Change::AfterMeeting {
                        after: AfterChange::PlanNext {
                            meeting_id: new,
                            from: id,
                            starts_at,
                            title: title.clone(),
                        },
                    });
                    // Shown at once, before the save queue has it: a second carry-over
                    // typed quickly goes to the same meeting.
                    if let Some(m) = &self.model {
                        let mut planned = m.view.meeting.clone();
                        planned.id = new;
                        planned.title = title;
                        planned.starts_at = starts_at;
                        planned.status = crate::domain::meeting::MeetingStatus::Planned;
                        planned.current_topic_id = None;
                        self.meetings.insert(0, planned);
                        self.selected += 1;
                    }
                    new
                }
            }
        } else {
            match to.parse::<Id>() {
                Ok(x) => x,
                Err(_) => return Verdict::Keep,
            }
        };
        let reason = f.get("reason").trim().to_string();
        changes.push(Change::AfterMeeting {
            after: AfterChange::CarryOver {
                topic_id: topic,
                to_meeting,
                reason: reason.clone(),
                carried_as: Some(new_id()),
            },
        });
        if let Some(m) = &mut self.model {
            m.carried.retain(|c| c.topic_id != topic);
            m.carried.push(crate::store::CarryOver {
                topic_id: topic,
                to_meeting,
                reason,
            });
        }
        self.save(ctx, changes);
        self.close_problems.clear();
        Verdict::Done
    }
}
