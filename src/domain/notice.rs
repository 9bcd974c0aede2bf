//! Meeting notices (R4.3, §4.3): sent 1–2 days before the meeting, by WeChat or phone,
//! to every department that takes part; each department replies with its attendee list
//! 1 day before. Days here are calendar days, as the regulation says "天" (it says
//! "工作日" where it means working days, as for materials).
use chrono::{Duration, NaiveDate};

use super::Time;
use super::meeting_people::MeetingPeople;
use super::people::Person;
use super::validate::{Checked, Problems};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NoticeChannel {
    WeChat,
    Phone,
}

impl NoticeChannel {
    pub fn code(self) -> &'static str {
        match self {
            Self::WeChat => "wechat",
            Self::Phone => "phone",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "wechat" => Some(Self::WeChat),
            "phone" => Some(Self::Phone),
            _ => None,
        }
    }
}

/// A notice sent to one department.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Notice {
    pub department: String,
    /// Who in the department was told.
    pub to_whom: String,
    pub channel: NoticeChannel,
    pub sent_by: String,
    pub sent_at: Time,
}

/// A department's reply with its attendee list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Reply {
    pub department: String,
    pub at: Time,
    pub attendees: Vec<String>,
}

pub mod field {
    pub const DEPARTMENT: &str = "department";
    pub const TO_WHOM: &str = "to_whom";
    pub const SENT_BY: &str = "sent_by";
}

impl Notice {
    pub fn new(
        department: &str,
        to_whom: &str,
        channel: NoticeChannel,
        sent_by: &str,
        sent_at: Time,
    ) -> Checked<Self> {
        let mut p = Problems::default();
        p.require(field::DEPARTMENT, department);
        p.require(field::TO_WHOM, to_whom);
        p.require(field::SENT_BY, sent_by);
        p.into_result(Notice {
            department: department.trim().to_string(),
            to_whom: to_whom.trim().to_string(),
            channel,
            sent_by: sent_by.trim().to_string(),
            sent_at,
        })
    }
}

/// Departments to notify: those of everybody expected other than as staff (so the office
/// only when someone of it attends or sits in), in the order first met.
pub fn departments_to_notify(mp: &MeetingPeople, people: &[Person]) -> Vec<String> {
    let expected = mp
        .attending
        .iter()
        .chain(&mp.sitting_in_all)
        .copied()
        .chain(
            mp.sitting_in
                .iter()
                .flat_map(|(_, picks)| picks.iter().map(|p| p.person_id)),
        );
    let mut out: Vec<String> = Vec::new();
    for id in expected {
        if let Some(p) = people.iter().find(|p| p.id == id) {
            let d = p.department.trim();
            if !out.iter().any(|o| o == d) {
                out.push(d.to_string());
            }
        }
    }
    out
}

/// The days notices should go out: 2 days and 1 day before the meeting day.
pub fn notice_window(meeting_day: NaiveDate) -> (NaiveDate, NaiveDate) {
    (
        meeting_day - Duration::days(2),
        meeting_day - Duration::days(1),
    )
}

/// The day replies are due: the day before the meeting.
pub fn reply_due(meeting_day: NaiveDate) -> NaiveDate {
    meeting_day - Duration::days(1)
}

/// How a notice's timing stands against the 1–2 days of §4.3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeTiming {
    /// Earlier than 2 days before (e.g. the Friday before a Monday: 3 days).
    Early {
        days_before: i64,
    },
    InWindow,
    /// On the meeting day or after.
    Late,
}

pub fn notice_timing(sent_at: Time, meeting_day: NaiveDate) -> NoticeTiming {
    let days_before = (meeting_day - sent_at.date_naive()).num_days();
    match days_before {
        1 | 2 => NoticeTiming::InWindow,
        d if d > 2 => NoticeTiming::Early { days_before: d },
        _ => NoticeTiming::Late,
    }
}

/// Departments not notified yet.
pub fn missing_notices(departments: &[String], notices: &[Notice]) -> Vec<String> {
    departments
        .iter()
        .filter(|d| !notices.iter().any(|n| &n.department == *d))
        .cloned()
        .collect()
}

/// Departments that have not replied.
pub fn missing_replies(departments: &[String], replies: &[Reply]) -> Vec<String> {
    departments
        .iter()
        .filter(|d| !replies.iter().any(|r| &r.department == *d))
        .cloned()
        .collect()
}

/// A reply received after its due day.
pub fn reply_late(reply: &Reply, meeting_day: NaiveDate) -> bool {
    reply.at.date_naive() > reply_due(meeting_day)
}
