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
        match (ask, reply) {
            (Ask::Close(id), Reply::Yes) => {
                self.close(ctx, *id);
                Verdict::Done
            }
            (Ask::CarryOver(id), Reply::Form(f)) => self.submit_carry_over(ctx, *id, f),
            (Ask::Step { review }, Reply::Form(f)) => self.submit_step(ctx, *review, f),
            (Ask::Compare, Reply::Form(f)) => self.submit_compare(ctx, f),
            (Ask::TidyEdit(entry), Reply::Form(f)) => self.submit_tidy_edit(ctx, *entry, f),
            (Ask::Item(action, item), Reply::Form(f)) => {
                self.submit_item_form(ctx, *action, *item, f)
            }
            (Ask::Register(id), Reply::Form(f)) => self.submit_register(ctx, *id, f),
            (Ask::Export, Reply::Form(f)) => self.submit_export(ctx, f),
            // No, or an answer of a kind this purpose does not take: nothing happens.
            (_, Reply::No | Reply::Yes | Reply::Form(_) | Reply::Picked(_) | Reply::Chose(_)) => {
                Verdict::Done
            }
        }
    }
}
