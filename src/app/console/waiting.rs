//! 当前议题 / 候会: the waiting room and moving to the next topic (R5.3).
use super::Console;
use super::ask::Ask;
use crate::app::ctx::Ctx;
use crate::domain::Id;
use crate::domain::attendance::{
    EventKind, WaitState, advance_events, missing_for_next, wait_state,
};
use crate::i18n;
use crate::store::change::Change;

impl Console {
    fn selected_waiting(&self) -> Option<Id> {
        self.waiting_people().get(self.waiting_selected).copied()
    }

    pub(super) fn waiting_check_in(&mut self, ctx: &mut Ctx) {
        match self.selected_waiting() {
            Some(person) => {
                let now = ctx.now();
                self.sign_in(ctx, person, now);
            }
            None => {
                let t = ctx.t(&i18n::NOTHING_SELECTED);
                ctx.warn(t);
            }
        }
    }

    pub(super) fn call_in(&mut self, ctx: &mut Ctx, all: bool) {
        let Some(d) = &self.view else { return };
        let people = if all {
            self.waiting_people()
        } else {
            self.selected_waiting().into_iter().collect()
        };
        let waiting: Vec<Id> = people
            .into_iter()
            .filter(|p| matches!(wait_state(&d.state_of(*p)), WaitState::Waiting { .. }))
            .collect();
        if waiting.is_empty() {
            let t = ctx.t(&i18n::NOBODY_WAITING);
            return ctx.warn(t);
        }
        let names: Vec<String> = waiting.iter().map(|p| d.name(*p).to_string()).collect();
        let Some(meeting_id) = self.meeting_id() else {
            return;
        };
        let now = ctx.now();
        let changes = waiting
            .into_iter()
            .map(|person_id| Change::Attendance {
                meeting_id,
                person_id,
                kind: EventKind::CalledIn,
                at: now,
                note: String::new(),
            })
            .collect();
        self.record(ctx, changes);
        let t = i18n::called_in(ctx.lang, &names.join("、"));
        ctx.say(t);
    }

    /// The next-topic key: names who is missing first, and asks before closing.
    pub(super) fn ask_advance(&mut self, ctx: &mut Ctx) {
        let Some(d) = &self.view else { return };
        let next = d.next_topic();
        let current = d.current_topic();
        let text = match (current, next) {
            (None, None) => {
                let t = ctx.t(&i18n::MEETING_CLOSED);
                return ctx.say(t);
            }
            (Some(_), None) => {
                if self.ask_copies_out(ctx) {
                    return;
                }
                i18n::close_meeting_confirm(ctx.lang)
            }
            (_, Some(next)) => {
                let people: Vec<_> = d
                    .topic_people(next.id)
                    .into_iter()
                    .map(|p| (p, d.state_of(p)))
                    .collect();
                let missing = missing_for_next(&people);
                if missing.is_empty() {
                    return self.advance(ctx);
                }
                let sep = i18n::x_name_sep(ctx.lang);
                let (waiting, absent): (Vec<Id>, Vec<Id>) = missing.iter().partition(|p| {
                    matches!(wait_state(&d.state_of(**p)), WaitState::Waiting { .. })
                });
                let names =
                    |ids: Vec<Id>| ids.iter().map(|p| d.name(*p)).collect::<Vec<_>>().join(sep);
                i18n::missing_before_advance(ctx.lang, &names(waiting), &names(absent))
            }
        };
        ctx.ask(text, Ask::Advance);
    }

    /// End the current topic (and its open step) and begin the next, in one transaction
    /// (R5.3, R6).
    pub(super) fn advance(&mut self, ctx: &mut Ctx) {
        self.flush_texts(ctx, true);
        let Some(d) = &self.view else { return };
        let current = d.current_topic().map(|t| t.id);
        let next = d.next_topic().map(|t| t.id);
        let states =
            |ids: Vec<Id>| -> Vec<_> { ids.into_iter().map(|p| (p, d.state_of(p))).collect() };
        let leaving = states(current.map(|t| d.topic_people(t)).unwrap_or_default());
        let coming = states(next.map(|t| d.topic_people(t)).unwrap_or_default());
        let events = advance_events(&leaving, &coming);
        let meeting_id = d.meeting.id;
        let mut changes = Vec::new();
        // The step open when the topic ends ends with it.
        if let (Some(topic_id), Some(step)) = (current, self.open_step())
            && self.procedure.topic_id == Some(topic_id)
        {
            changes.push(Change::Step {
                topic_id,
                leave: Some(step),
                enter: None,
            });
        }
        changes.push(Change::Advance {
            meeting_id,
            from: current,
            to: next,
            events,
        });
        self.record(ctx, changes);
        if let Err(e) = self.load_procedure(ctx, next) {
            return ctx.store_failed(&e);
        }
        if next.is_some() {
            self.go_step(ctx, 1);
        }
        self.waiting_selected = 0;
        let title = self
            .view
            .as_ref()
            .and_then(|d| d.current_topic())
            .map(|t| format!("{}. {}", t.seq, t.title));
        match title {
            Some(t) => ctx.say(t),
            None => {
                let t = ctx.t(&i18n::MEETING_CLOSED);
                ctx.say(t);
            }
        }
    }
}
