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
        let verdict = match reply {
            Reply::Form(f) => match ask {
                Ask::ExtraMeeting => self.submit_extra_meeting(ctx, f),
                Ask::EditMeeting(id) => self.submit_edit_meeting(ctx, *id, f),
                Ask::Secrecy(id) => self.submit_secrecy(ctx, *id, f),
                Ask::Topic(id) => self.submit_topic(ctx, *id, f),
                Ask::Review(id) => self.submit_review(ctx, *id, f),
                Ask::TopicFilter => {
                    self.submit_topic_filter(f);
                    Verdict::Done
                }
                Ask::OverNorm(t) => self.submit_over_norm(ctx, *t, f),
                Ask::AddByTitle(s) => self.submit_add_by_title(ctx, *s, f),
                Ask::Sign(m) => self.submit_sign(ctx, *m, f),
                Ask::SendBack(m) => self.submit_send_back(ctx, *m, f),
                Ask::Coverage(m) => self.submit_coverage(ctx, *m, f),
                Ask::Book(m) => self.submit_booking(ctx, *m, f),
                Ask::Notice(m, d) => self.submit_notice(ctx, *m, d, f),
                Ask::Reply(m, d) => self.submit_reply(ctx, *m, d, f),
                Ask::Deliver(p) => self.submit_delivery(ctx, *p, f),
                Ask::PrepareCopies(m, t) => self.submit_prepare_copies(ctx, *m, *t, f),
                Ask::OutReason(m) => self.submit_out_reason(ctx, *m, f),
                Ask::Person(id) => self.submit_person(ctx, *id, f),
                Ask::ImportPath => self.submit_import_path(ctx, f),
                Ask::AddDay => self.submit_add_day(ctx, f),
                Ask::DeclareYear => self.submit_declare_year(ctx, f),
                Ask::ImportCalendar => self.submit_import_calendar(ctx, f),
                _ => Verdict::Done,
            },
            Reply::Picked(p) => {
                let choice = p.choice();
                match ask {
                    Ask::Chair(m) => self.picked_chair(ctx, *m, choice),
                    Ask::Channel => self.picked_channel(ctx, choice),
                    Ask::AddToAgenda => self.picked_topic(ctx, choice),
                    Ask::AddPerson(s) => self.picked_person(ctx, *s, choice),
                    Ask::HandOut(c) => self.picked_holder(ctx, *c, choice),
                    _ => {}
                }
                Verdict::Done
            }
            Reply::Yes => {
                match ask {
                    Ask::Postpone(m) => self.postpone_meeting(ctx, *m),
                    Ask::Withdraw(t) => self.withdraw(ctx, *t),
                    Ask::Unschedule(t, m) => self.unschedule(ctx, *t, *m),
                    Ask::RemovePerson(p) => self.remove_person(ctx, *p),
                    Ask::Retire(p) => self.retire(ctx, *p),
                    _ => {}
                }
                Verdict::Done
            }
            // No, or a key choice this screen never asks for: nothing happens.
            Reply::No | Reply::Chose(_) => Verdict::Done,
        };
        if matches!(ask, Ask::Topic(_)) && verdict == Verdict::Done {
            self.focus = Pane::Topics;
        }
        verdict
    }
}
