//! What the after-meeting screen's forms and questions are for, and where their answers
//! go.
use super::{FollowUp, FollowUpAction};
use crate::app::ctx::Ctx;
use crate::app::layer::{Reply, Verdict};
use crate::domain::Id;

/// F4's own reasons for opening a layer; only F4 reads them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Close this meeting (its checks passed).
    Close(Id),
    CarryOver(Id),
    /// Review (true) or sign-off (false) of the current version.
    Step {
        review: bool,
    },
    Compare,
    TidyEdit(Id),
    /// A form on a register item: note, done, stalled, reopen, problem, reply, flag.
    Item(FollowUpAction, Id),
    Register(Id),
    Export,
}

impl FollowUp {
    pub(super) fn answered(&mut self, ctx: &mut Ctx, ask: &Ask, reply: Reply<'_>) -> Verdict {
        // Every purpose by name; any other answer (No, Esc) leaves things as they are.
        match ask {
            Ask::Close(id) => reply.on_yes(|| self.close(ctx, *id)),
            Ask::CarryOver(id) => reply.to_form(|f| self.submit_carry_over(ctx, *id, f)),
            Ask::Step { review } => reply.to_form(|f| self.submit_step(ctx, *review, f)),
            Ask::Compare => reply.to_form(|f| self.submit_compare(ctx, f)),
            Ask::TidyEdit(entry) => reply.to_form(|f| self.submit_tidy_edit(ctx, *entry, f)),
            Ask::Item(action, item) => {
                reply.to_form(|f| self.submit_item_form(ctx, *action, *item, f))
            }
            Ask::Register(id) => reply.to_form(|f| self.submit_register(ctx, *id, f)),
            Ask::Export => reply.to_form(|f| self.submit_export(ctx, f)),
        }
    }
}
