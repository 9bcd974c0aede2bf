//! The meeting itself: when, where, who chairs, and its life (R3).
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Weekday};

use super::calendar::Calendar;
use super::validate::Problem;
use super::{Id, Time};

/// Default room of §3: the party committee meeting room on the 2nd floor.
pub const DEFAULT_ROOM: &str = "旗局二楼党委会议室";

/// Waiting room proposed for a new meeting (§4.1 "若需候会，则注明候会室"; the regulation
/// names none, so the office may change it).
pub const DEFAULT_WAITING_ROOM: &str = "旗局二楼小会议室";

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
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

/// When the meeting's time starts counting: its scheduled start, or its first topic's
/// start when it began earlier than planned.
pub fn began(starts_at: Time, topics_started: impl Iterator<Item = Time>) -> Time {
    topics_started.min().map_or(starts_at, |t| t.min(starts_at))
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

/// A meeting about to be created, and what the calendar says of its day (R3.1).
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingPlan {
    pub meeting: Meeting,
    /// The day is a public holiday or a weekend (not a make-up day): the office should
    /// look again. The regulation's Monday is kept, not moved silently.
    pub day_off: bool,
    /// The calendar does not cover the meeting's year: `day_off` is a weekday guess.
    pub uncovered_year: Option<i32>,
}

fn plan(meeting: Meeting, cal: &Calendar) -> MeetingPlan {
    let day = meeting.starts_at.date_naive();
    MeetingPlan {
        day_off: !cal.is_working_day(day),
        uncovered_year: (!cal.covers(day.year())).then_some(day.year()),
        meeting,
    }
}

/// The regular meeting (R3.1, §3): the coming Monday 09:00 in the default room, with the
/// default waiting room, planned.
pub fn plan_regular(now: Time, title: &str, cal: &Calendar) -> MeetingPlan {
    plan(
        Meeting {
            id: 0,
            title: title.to_string(),
            starts_at: default_start(now),
            room: DEFAULT_ROOM.to_string(),
            waiting_room: Some(DEFAULT_WAITING_ROOM.to_string()),
            chair_id: None,
            status: MeetingStatus::Planned,
            postponed_from: None,
            current_topic_id: None,
            is_demo: false,
        },
        cal,
    )
}

/// An extra meeting for an urgent topic (R1.1 urgent form), on any day and hour; it may
/// not start in the past. Room and waiting room are the defaults.
pub fn plan_extra(
    starts_at: Time,
    now: Time,
    title: &str,
    cal: &Calendar,
) -> Result<MeetingPlan, Problem> {
    if starts_at < now {
        return Err(Problem::InPast);
    }
    let mut p = plan_regular(now, title, cal);
    p.meeting.starts_at = starts_at;
    Ok(plan(p.meeting, cal))
}

/// Why a meeting cannot be postponed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostponeRefused {
    /// It has been opened; it is held.
    InProgress,
    Closed,
    /// It was postponed already; postpone its replacement instead.
    AlreadyPostponed,
}

/// A postponement (R3.1): the original, now marked postponed, and its replacement on the
/// next Monday 09:00, linked back to it, same title, room, waiting room and chair.
#[derive(Clone, Debug, PartialEq)]
pub struct Postponement {
    pub original: Meeting,
    pub replacement: MeetingPlan,
}

/// Postpone a planned meeting to the next Monday (§3 "顺延至下周一召开").
pub fn postpone(original: &Meeting, cal: &Calendar) -> Result<Postponement, PostponeRefused> {
    match original.status {
        MeetingStatus::Planned => {}
        MeetingStatus::InProgress => return Err(PostponeRefused::InProgress),
        MeetingStatus::Closed => return Err(PostponeRefused::Closed),
        MeetingStatus::Postponed => return Err(PostponeRefused::AlreadyPostponed),
    }
    let replacement = Meeting {
        id: 0,
        starts_at: postponed_start(original.starts_at),
        status: MeetingStatus::Planned,
        postponed_from: Some(original.id),
        current_topic_id: None,
        ..original.clone()
    };
    Ok(Postponement {
        original: Meeting {
            status: MeetingStatus::Postponed,
            ..original.clone()
        },
        replacement: plan(replacement, cal),
    })
}

/// The meeting the console opens on: the meeting in progress, else the next one (planned,
/// today or later), else the latest. A demo meeting is chosen only when there is no real
/// meeting at all: a demo never hides a real meeting.
pub fn console_meeting(meetings: &[Meeting], now: Time) -> Option<&Meeting> {
    let real: Vec<&Meeting> = meetings.iter().filter(|m| !m.is_demo).collect();
    if real.is_empty() {
        let demos: Vec<&Meeting> = meetings.iter().collect();
        return choose(&demos, now);
    }
    choose(&real, now)
}

fn choose<'a>(meetings: &[&'a Meeting], now: Time) -> Option<&'a Meeting> {
    let in_progress = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::InProgress)
        .max_by_key(|m| m.starts_at);
    if let Some(m) = in_progress {
        return Some(m);
    }
    let today = now.date_naive();
    let next = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Planned && m.starts_at.date_naive() >= today)
        .min_by_key(|m| m.starts_at);
    if let Some(m) = next {
        return Some(m);
    }
    let held = meetings
        .iter()
        .filter(|m| m.status != MeetingStatus::Postponed)
        .max_by_key(|m| m.starts_at);
    held.or_else(|| meetings.iter().max_by_key(|m| m.starts_at))
        .copied()
}
