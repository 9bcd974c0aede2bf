//! The meeting itself: when, where, who chairs, and its life (R3).
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Weekday};

use super::{Id, Time};

/// Default room of §3: the party committee meeting room on the 2nd floor.
pub const DEFAULT_ROOM: &str = "旗局二楼党委会议室";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingStatus {
    /// Prepared, not yet opened.
    Planned,
    /// Opened: topics are being discussed.
    InProgress,
    /// Closed after the last topic.
    Closed,
    /// Could not be held; see the meeting that postpones it (R3.1).
    Postponed,
}

impl MeetingStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Closed => "closed",
            Self::Postponed => "postponed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "planned" => Self::Planned,
            "in_progress" => Self::InProgress,
            "closed" => Self::Closed,
            "postponed" => Self::Postponed,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    pub id: Id,
    pub title: String,
    /// Scheduled start; lateness is measured against it (R8.2).
    pub starts_at: Time,
    pub room: String,
    pub waiting_room: Option<String>,
    /// Person id of the chair (R3.2).
    pub chair_id: Option<Id>,
    pub status: MeetingStatus,
    /// The meeting this one replaces after a postponement (R3.1).
    pub postponed_from: Option<Id>,
    /// Index into the agenda of the topic under discussion.
    pub current_topic_id: Option<Id>,
    pub is_demo: bool,
}

/// The default start of §3: the coming Monday at 09:00 (today if today is Monday and
/// 09:00 has not passed).
pub fn default_start(now: Time) -> Time {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let today = now.date_naive();
    let days_ahead = (7 - today.weekday().num_days_from_monday()) % 7;
    let mut date = today + Duration::days(i64::from(days_ahead));
    if date == today && now.time() >= nine {
        date += Duration::days(7);
    }
    at(now, date, nine)
}

/// A postponed meeting moves to the next Monday 09:00 after its own date (R3.1).
pub fn postponed_start(original: Time) -> Time {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let mut date = original.date_naive() + Duration::days(1);
    while date.weekday() != Weekday::Mon {
        date += Duration::days(1);
    }
    at(original, date, nine)
}

fn at(zone_of: Time, date: NaiveDate, time: NaiveTime) -> Time {
    let offset = *zone_of.offset();
    offset
        .from_local_datetime(&date.and_time(time))
        .single()
        .unwrap_or(zone_of)
}
