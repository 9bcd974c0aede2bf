//! What the staff type about attendance, checked (R5.1, R8.2): the problems come back
//! per field, named as the console's forms name their fields.
use chrono::{NaiveTime, TimeZone};

use super::Time;
use super::validate::{Checked, Problem, Problems, parse_hhmm};

/// A time typed as HH:MM, on the meeting's day and in its offset.
pub fn on_meeting_day(start: Time, hhmm: NaiveTime) -> Option<Time> {
    start
        .offset()
        .from_local_datetime(&start.date_naive().and_time(hhmm))
        .single()
}

/// A time field: HH:MM on the meeting's day.
pub fn check_time(field: &'static str, typed: &str, start: Time) -> Checked<Time> {
    let mut p = Problems::default();
    let at = parse_hhmm(typed).and_then(|t| on_meeting_day(start, t));
    if at.is_none() {
        p.add(field, Problem::BadTime);
    }
    match at {
        Some(at) => p.into_result(at),
        None => Err(p.0),
    }
}

/// Leave (请假) needs a reason and who approved it (R8.2).
pub fn check_leave(reason: &str, approver: &str) -> Checked<(String, String)> {
    let mut p = Problems::default();
    p.require("reason", reason);
    p.require("approver", approver);
    p.into_result((reason.trim().to_string(), approver.trim().to_string()))
}

/// Leaving midway (中途退席) needs the time and a reason (R8.2).
pub fn check_left_early(time: &str, reason: &str, start: Time) -> Checked<(Time, String)> {
    let mut p = Problems::default();
    let at = check_time("time", time, start);
    if let Err(e) = &at {
        p.0.extend(e.iter().cloned());
    }
    p.require("reason", reason);
    match at {
        Ok(at) => p.into_result((at, reason.trim().to_string())),
        Err(_) => Err(p.0),
    }
}

/// Admitting someone not on the list (R5.1): their name, why, and who allowed it.
pub fn check_admit(
    name: &str,
    reason: &str,
    allowed_by: &str,
) -> Checked<(String, String, String)> {
    let mut p = Problems::default();
    p.require("name", name);
    p.require("reason", reason);
    p.require("allowed_by", allowed_by);
    p.into_result((
        name.trim().to_string(),
        reason.trim().to_string(),
        allowed_by.trim().to_string(),
    ))
}
