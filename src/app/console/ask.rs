//! What the console's forms, questions and pickers are for, and where their answers go.
use super::Console;
use crate::app::ctx::Ctx;
use crate::app::layer::{Reply, Verdict};
use crate::domain::Id;

/// The console's own reasons for opening a layer; only the console reads them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    CheckInAt(Id),
    Admit,
    Leave(Id),
    LeftEarly(Id),
    Clear(Id),
    Search,
    DecisionText,
    DecisionFields,
    Advance,
    Speaker,
    /// Closing with classified copies out: why (R4.2).
    CopiesOut(Id),
}

impl Console {
    pub(super) fn answered(&mut self, ctx: &mut Ctx, ask: &Ask, reply: Reply<'_>) -> Verdict {
        match (ask, reply) {
            (Ask::CheckInAt(p), Reply::Form(f)) => self.submit_check_in_at(ctx, *p, f),
            (Ask::Leave(p), Reply::Form(f)) => self.submit_leave(ctx, *p, f),
            (Ask::Admit, Reply::Form(f)) => self.submit_admit(ctx, f),
            (Ask::LeftEarly(p), Reply::Form(f)) => self.submit_left_early(ctx, *p, f),
            (Ask::DecisionText, Reply::Form(f)) => self.submit_decision_text(ctx, f),
            (Ask::DecisionFields, Reply::Form(f)) => self.submit_decision_fields(ctx, f),
            (Ask::CopiesOut(m), Reply::Form(f)) => self.submit_copies_out(ctx, *m, f),
            (Ask::Search, Reply::Form(f)) => {
                self.procedure.search = Some(f.get("text"));
                self.search_next(ctx);
                Verdict::Done
            }
            (Ask::Clear(p), Reply::Yes) => {
                self.clear_attendance(ctx, *p);
                Verdict::Done
            }
            (Ask::Advance, Reply::Yes) => {
                self.advance(ctx);
                Verdict::Done
            }
            (Ask::Speaker, Reply::Picked(p)) => {
                self.picked(ctx, p);
                Verdict::Done
            }
            // No, or an answer of a kind this purpose does not take: nothing happens.
            (_, Reply::No | Reply::Yes | Reply::Form(_) | Reply::Picked(_) | Reply::Chose(_)) => {
                Verdict::Done
            }
        }
    }
}
