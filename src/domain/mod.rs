//! The regulation as pure Rust: types and rules, no IO, no clock, no terminal.
pub mod agenda;
pub mod archive;
pub mod attendance;
pub mod attendance_input;
pub mod booking;
pub mod calendar;
pub mod calendar_file;
pub mod classified;
pub mod closing;
pub mod cn_style;
pub mod coverage;
pub mod deadline;
pub mod decision;
pub mod followup;
pub mod followup_query;
pub mod initials;
pub mod intake;
pub mod manifest;
pub mod materials;
pub mod meeting;
pub mod meeting_people;
pub mod minutes;
pub mod minutes_draft;
pub mod notice;
pub mod people;
pub mod people_import;
pub mod prep;
pub mod procedure;
pub mod record_tidy;
pub mod review;
pub mod roster;
pub mod secrecy;
pub mod splice;
pub mod submission;
pub mod text_diff;
pub mod topic;
pub mod topic_stage;
pub mod validate;

use chrono::{DateTime, FixedOffset};

/// Row id of anything stored.
pub type Id = i64;

/// A local wall-clock time with its offset, as the regulation's times are local (R3).
pub type Time = DateTime<FixedOffset>;

/// The clock is injected so lateness and deadlines can be tested (ARCHITECTURE: Time).
pub trait Clock: Send + Sync {
    fn now(&self) -> Time;
}

/// A clock that always says the same time: for tests, benches and replay.
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub Time);

impl Clock for FixedClock {
    fn now(&self) -> Time {
        self.0
    }
}
