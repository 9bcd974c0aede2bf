//! What the back office's forms, questions and pickers are for, and where their answers go.
use super::people::Section;
use super::{BackOffice, Pane};
use crate::app::ctx::Ctx;
use crate::app::layer::{Reply, Verdict};
use crate::domain::Id;

/// The back office's own reasons for opening a layer; only it reads them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    ExtraMeeting,
    EditMeeting(Id),
    /// The papers' 密级★期限 of this meeting.
    Secrecy(Id),
    Chair(Id),
    Postpone(Id),
    Channel,
    /// A topic's form: a new one (none) or this one's.
    Topic(Option<Id>),
    Review(Id),
    Withdraw(Id),
    TopicFilter,
    AddToAgenda,
    /// The reason for more than 5 topics, while adding this topic (or with `o`).
    OverNorm(Option<Id>),
    /// Take this topic off this meeting's agenda.
    Unschedule(Id, Id),
    AddPerson(Section),
    AddByTitle(Section),
    RemovePerson(Id),
    Sign(Id),
    SendBack(Id),
    Coverage(Id),
    Book(Id),
    Notice(Id, String),
    Reply(Id, String),
    Deliver(Id),
    PrepareCopies(Id, Id),
    HandOut(Id),
    OutReason(Id),
    Person(Option<Id>),
    Retire(Id),
    ImportPath,
    AddDay,
    DeclareYear,
    ImportCalendar,
}

impl BackOffice {
    pub(super) fn answered(&mut self, ctx: &mut Ctx, ask: &Ask, reply: Reply<'_>) -> Verdict {
        // Every purpose by name: a form's answer, a pick or a yes, each where it belongs;
        // any other answer (No, Esc) leaves things as they are.
        let verdict = match ask {
            Ask::ExtraMeeting => reply.to_form(|f| self.submit_extra_meeting(ctx, f)),
            Ask::EditMeeting(id) => reply.to_form(|f| self.submit_edit_meeting(ctx, *id, f)),
            Ask::Secrecy(id) => reply.to_form(|f| self.submit_secrecy(ctx, *id, f)),
            Ask::Topic(id) => reply.to_form(|f| self.submit_topic(ctx, *id, f)),
            Ask::Review(id) => reply.to_form(|f| self.submit_review(ctx, *id, f)),
            Ask::TopicFilter => reply.to_form(|f| {
                self.submit_topic_filter(f);
                Verdict::Done
            }),
            Ask::OverNorm(t) => reply.to_form(|f| self.submit_over_norm(ctx, *t, f)),
            Ask::AddByTitle(s) => reply.to_form(|f| self.submit_add_by_title(ctx, *s, f)),
            Ask::Sign(m) => reply.to_form(|f| self.submit_sign(ctx, *m, f)),
            Ask::SendBack(m) => reply.to_form(|f| self.submit_send_back(ctx, *m, f)),
            Ask::Coverage(m) => reply.to_form(|f| self.submit_coverage(ctx, *m, f)),
            Ask::Book(m) => reply.to_form(|f| self.submit_booking(ctx, *m, f)),
            Ask::Notice(m, d) => reply.to_form(|f| self.submit_notice(ctx, *m, d, f)),
            Ask::Reply(m, d) => reply.to_form(|f| self.submit_reply(ctx, *m, d, f)),
            Ask::Deliver(p) => reply.to_form(|f| self.submit_delivery(ctx, *p, f)),
            Ask::PrepareCopies(m, t) => {
                reply.to_form(|f| self.submit_prepare_copies(ctx, *m, *t, f))
            }
            Ask::OutReason(m) => reply.to_form(|f| self.submit_out_reason(ctx, *m, f)),
            Ask::Person(id) => reply.to_form(|f| self.submit_person(ctx, *id, f)),
            Ask::ImportPath => reply.to_form(|f| self.submit_import_path(ctx, f)),
            Ask::AddDay => reply.to_form(|f| self.submit_add_day(ctx, f)),
            Ask::DeclareYear => reply.to_form(|f| self.submit_declare_year(ctx, f)),
            Ask::ImportCalendar => reply.to_form(|f| self.submit_import_calendar(ctx, f)),
            Ask::Chair(m) => reply.to_picker(|p| self.picked_chair(ctx, *m, p.choice())),
            Ask::Channel => reply.to_picker(|p| self.picked_channel(ctx, p.choice())),
            Ask::AddToAgenda => reply.to_picker(|p| self.picked_topic(ctx, p.choice())),
            Ask::AddPerson(s) => reply.to_picker(|p| self.picked_person(ctx, *s, p.choice())),
            Ask::HandOut(c) => reply.to_picker(|p| self.picked_holder(ctx, *c, p.choice())),
            Ask::Postpone(m) => reply.on_yes(|| self.postpone_meeting(ctx, *m)),
            Ask::Withdraw(t) => reply.on_yes(|| self.withdraw(ctx, *t)),
            Ask::Unschedule(t, m) => reply.on_yes(|| self.unschedule(ctx, *t, *m)),
            Ask::RemovePerson(p) => reply.on_yes(|| self.remove_person(ctx, *p)),
            Ask::Retire(p) => reply.on_yes(|| self.retire(ctx, *p)),
        };
        if matches!(ask, Ask::Topic(_)) && verdict == Verdict::Done {
            self.focus = Pane::Topics;
        }
        verdict
    }
}
