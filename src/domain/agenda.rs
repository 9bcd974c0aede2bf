//! The agenda draft (R2.1, §2.1.2): topics ordered by urgency (轻重缓急), moved up and down
//! by the office, due by Friday 12:00 before the Monday meeting, no more than 5 topics as
//! a rule.
use chrono::{Datelike, Duration, NaiveTime, TimeZone, Weekday};

use super::review::ReviewItem;
use super::topic::Channel;
use super::{Id, Time};

/// "每次会议以安排不超出5项议题为宜": above this the office must record a reason.
pub const AGENDA_NORM: usize = 5;

/// How pressing a topic is (轻重缓急); the agenda is sorted most pressing first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Urgency {
    /// 急: cannot wait.
    Urgent,
    /// 重: important.
    Important,
    /// 一般: routine.
    Routine,
}

impl Urgency {
    pub fn code(self) -> &'static str {
        match self {
            Self::Urgent => "urgent",
            Self::Important => "important",
            Self::Routine => "routine",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Urgent, Self::Important, Self::Routine]
            .into_iter()
            .find(|u| u.code() == code)
    }
}

/// One topic on the agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub topic_id: Id,
    pub urgency: Urgency,
    pub added_at: Time,
    /// Added after the Friday 12:00 cut-off, through the urgent form (flagged).
    pub after_cutoff: bool,
}

/// The ordered topics of one meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    pub items: Vec<AgendaItem>,
    /// Why more than [`AGENDA_NORM`] topics were allowed, as recorded by the office.
    pub over_norm_reason: Option<String>,
    /// When the office put the agenda forward (its due time is the cut-off).
    pub proposed_at: Option<Time>,
}

/// A topic offered to the agenda, with what the gate needs to know of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub topic_id: Id,
    pub channel: Channel,
    pub urgency: Urgency,
    /// `review::can_schedule` for the topic.
    pub review: Result<(), ReviewItem>,
}

/// Why a topic was not put on the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaRefused {
    AlreadyOnAgenda,
    /// The review checklist is not complete (R1.4).
    NotReady(ReviewItem),
    /// After the Friday 12:00 cut-off only the urgent form may add a topic.
    AfterCutoff {
        cutoff: Time,
    },
    /// It would make `count` topics, above the norm, and no reason is recorded.
    OverNorm {
        count: usize,
    },
}

/// What was noted when a topic was added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Added {
    pub after_cutoff: bool,
    pub over_norm: bool,
}

/// The cut-off of §2.1.2 for a meeting: Friday 12:00 before it, for a meeting held on a
/// Monday. An extra meeting on another day has none (its topics come by the urgent form).
pub fn cutoff(meeting_starts_at: Time) -> Option<Time> {
    let day = meeting_starts_at.date_naive();
    if day.weekday() != Weekday::Mon {
        return None;
    }
    let friday = day - Duration::days(3);
    let noon = NaiveTime::from_hms_opt(12, 0, 0)?;
    meeting_starts_at
        .offset()
        .from_local_datetime(&friday.and_time(noon))
        .single()
}

impl Agenda {
    /// Puts a topic at the end of the agenda. Refused when it is not ready, when the
    /// cut-off has passed and it did not come by the urgent form, and when it would take
    /// the agenda above 5 topics with no reason recorded (`over_norm_reason`, which is
    /// then kept).
    pub fn add(
        &mut self,
        c: Candidate,
        meeting_starts_at: Time,
        now: Time,
        over_norm_reason: Option<&str>,
    ) -> Result<Added, AgendaRefused> {
        if self.position(c.topic_id).is_some() {
            return Err(AgendaRefused::AlreadyOnAgenda);
        }
        c.review.map_err(AgendaRefused::NotReady)?;
        let after_cutoff = match cutoff(meeting_starts_at) {
            Some(cut) if now >= cut => {
                if c.channel != Channel::UrgentForm {
                    return Err(AgendaRefused::AfterCutoff { cutoff: cut });
                }
                true
            }
            _ => false,
        };
        let count = self.items.len() + 1;
        let reason = over_norm_reason.map(str::trim).filter(|r| !r.is_empty());
        let over_norm = count > AGENDA_NORM;
        if over_norm {
            match reason {
                Some(r) => self.over_norm_reason = Some(r.to_string()),
                None if self.over_norm_reason.is_some() => {}
                None => return Err(AgendaRefused::OverNorm { count }),
            }
        }
        self.items.push(AgendaItem {
            topic_id: c.topic_id,
            urgency: c.urgency,
            added_at: now,
            after_cutoff,
        });
        Ok(Added {
            after_cutoff,
            over_norm,
        })
    }

    pub fn remove(&mut self, topic_id: Id) -> bool {
        let before = self.items.len();
        self.items.retain(|i| i.topic_id != topic_id);
        self.items.len() != before
    }

    /// 0-based place of a topic.
    pub fn position(&self, topic_id: Id) -> Option<usize> {
        self.items.iter().position(|i| i.topic_id == topic_id)
    }

    /// 1-based place on the agenda, as `Topic::seq`.
    pub fn seq_of(&self, topic_id: Id) -> Option<u32> {
        self.position(topic_id)
            .and_then(|p| u32::try_from(p + 1).ok())
    }

    /// Most pressing first; the office's order is kept within the same urgency.
    pub fn sort_by_urgency(&mut self) {
        self.items.sort_by_key(|i| i.urgency);
    }

    /// Moves a topic one place up; false when it is first or absent.
    pub fn move_up(&mut self, topic_id: Id) -> bool {
        match self.position(topic_id) {
            Some(p) if p > 0 => {
                self.items.swap(p, p - 1);
                true
            }
            _ => false,
        }
    }

    /// Moves a topic one place down; false when it is last or absent.
    pub fn move_down(&mut self, topic_id: Id) -> bool {
        match self.position(topic_id) {
            Some(p) if p + 1 < self.items.len() => {
                self.items.swap(p, p + 1);
                true
            }
            _ => false,
        }
    }

    /// More topics than the norm.
    pub fn over_norm(&self) -> bool {
        self.items.len() > AGENDA_NORM
    }

    /// Topics added after the cut-off.
    pub fn late_topics(&self) -> Vec<Id> {
        self.items
            .iter()
            .filter(|i| i.after_cutoff)
            .map(|i| i.topic_id)
            .collect()
    }
}
