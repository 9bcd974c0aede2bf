//! The back office's domain rules, through the public API: preparing the meeting (R1–R4).
//! One test binary, one module per rule.
mod agenda;
mod dashboard;
mod initials;
mod intake;
mod meeting_plan;
mod people;
mod people_import;
mod prep_parts;
mod review;
mod submission;

use chrono::{DateTime, NaiveDate};
use huiwu::domain::Time;

/// A fixed time, e.g. `t("2026-03-06T11:59:00+08:00")`.
pub fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
