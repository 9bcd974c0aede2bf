//! A screen: the state of its panes, the key contexts of those panes, what its forms and
//! questions are for, and (in ui/) its render function. The console is the first; the
//! back office (F3) and the after-meeting work (F4) come next, each in its own folder.
use std::any::Any;

use crossterm::event::KeyEvent;

use super::action::Action;
use super::ctx::Ctx;
use super::keymap::Context;
use super::layer::{Reply, Verdict};

/// The screens, one line each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScreenId {
    Console,
    BackOffice,
    FollowUp,
}

pub trait Screen {
    /// The key contexts in force now, most specific first (the focused pane, then the
    /// screen); the global keys follow them.
    fn contexts(&self) -> Vec<Context>;
    /// A key before the keymap sees it: text input takes the keys it types with.
    /// Returns true when the key was taken.
    fn key(&mut self, ctx: &mut Ctx, key: KeyEvent) -> bool;
    /// A verb from the keymap.
    fn action(&mut self, ctx: &mut Ctx, action: Action);
    /// A key no binding took.
    fn unbound(&mut self, ctx: &mut Ctx, key: KeyEvent);
    /// Text pasted (bracketed paste): one edit.
    fn paste(&mut self, ctx: &mut Ctx, text: &str);
    /// The answer of a layer this screen opened, with what it was opened for.
    fn answer(&mut self, ctx: &mut Ctx, purpose: &dyn Any, reply: Reply<'_>) -> Verdict;
    /// About every 50 ms: timers, other terminals, clocks.
    fn tick(&mut self, ctx: &mut Ctx);
    /// Hand typed text to the save queue now; with `force` also where the caret is.
    fn flush(&mut self, ctx: &mut Ctx, force: bool);
    /// Take note of what the save queue has committed or given up on.
    fn saved(&mut self, ctx: &Ctx);
    /// Typed text not yet handed to the save queue.
    fn unsent(&self) -> bool;
    /// Focus the next (or previous) pane.
    fn cycle_pane(&mut self, ctx: &mut Ctx, by: isize);
    /// The records this screen is editing without a form (the recorder's focused entry):
    /// their edit leases are kept while named here and edited within a minute
    /// ([`super::lease`]). Forms hold theirs through their layer.
    fn leases(&self) -> Vec<crate::store::lease::LeaseKey> {
        Vec::new()
    }
}
