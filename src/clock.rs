//! The real clock, in local time. Everything else takes the time from an injected
//! [`crate::domain::Clock`], so rules and audit rows can be tested at any moment.
use crate::domain::{Clock, Time};

/// The system's wall clock, with the local offset.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Time {
        chrono::Local::now().fixed_offset()
    }
}
