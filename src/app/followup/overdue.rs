//! The count of overdue decisions on every screen's status line (R7.3): one indexed
//! query every few seconds, never the whole register per frame.
use std::time::{Duration, Instant};

use crate::app::ctx::Ctx;

/// How often the count is asked again.
const EVERY: Duration = Duration::from_secs(2);

#[derive(Default)]
pub struct Overdue {
    pub count: usize,
    checked: Option<Instant>,
}

impl Overdue {
    /// Ask again at the next refresh, however recent the last answer.
    pub fn invalidate(&mut self) {
        self.checked = None;
    }

    /// Ask the store again when the last answer is old (a failed read keeps the last).
    pub fn refresh(&mut self, ctx: &Ctx) {
        if self.checked.is_some_and(|t| t.elapsed() < EVERY) {
            return;
        }
        self.checked = Some(Instant::now());
        if let Ok(n) = ctx.store.overdue_count(ctx.now().date_naive()) {
            self.count = n;
        }
    }
}
