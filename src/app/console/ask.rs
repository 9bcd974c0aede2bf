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
        // Every purpose by name; any other answer (No, Esc) leaves things as they are.
        match ask {
            Ask::CheckInAt(p) => reply.to_form(|f| self.submit_check_in_at(ctx, *p, f)),
            Ask::Leave(p) => reply.to_form(|f| self.submit_leave(ctx, *p, f)),
            Ask::Admit => reply.to_form(|f| self.submit_admit(ctx, f)),
            Ask::LeftEarly(p) => reply.to_form(|f| self.submit_left_early(ctx, *p, f)),
            Ask::DecisionText => reply.to_form(|f| self.submit_decision_text(ctx, f)),
            Ask::DecisionFields => reply.to_form(|f| self.submit_decision_fields(ctx, f)),
            Ask::CopiesOut(m) => reply.to_form(|f| self.submit_copies_out(ctx, *m, f)),
            Ask::Search => reply.to_form(|f| {
                self.procedure.search = Some(f.get("text"));
                self.search_next(ctx);
                Verdict::Done
            }),
            Ask::Clear(p) => reply.on_yes(|| self.clear_attendance(ctx, *p)),
            Ask::Advance => reply.on_yes(|| self.advance(ctx)),
            Ask::Speaker => reply.to_picker(|p| self.picked(ctx, p)),
        }
    }
}
