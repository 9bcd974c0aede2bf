//! Times are stored as RFC 3339 text with their offset: readable in any SQLite tool.
use crate::domain::Time;

pub(crate) fn time_text(t: &Time) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

pub(crate) fn parse_time(s: &str) -> Option<Time> {
    chrono::DateTime::parse_from_rfc3339(s).ok()
}

/// Read an optional time column; a malformed value reads as none rather than failing the
/// whole screen.
pub(crate) fn opt_time(s: Option<String>) -> Option<Time> {
    s.as_deref().and_then(parse_time)
}
