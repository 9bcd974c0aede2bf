//! People and their part in a meeting (R2.2).
use super::Id;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub title: String,
    pub department: String,
    pub phone: String,
    /// Pinyin initials of the name (e.g. 张建国 → zjg), so a name can be found by typing them.
    pub initials: String,
}

impl Person {
    /// Does a filter typed by the user find this person? Matches part of the name,
    /// title or department, or the start of the pinyin initials.
    pub fn matches(&self, filter: &str) -> bool {
        self.rank(filter).is_some()
    }

    /// How well a filter finds this person (lower is better), or none: see [`match_rank`].
    pub fn rank(&self, filter: &str) -> Option<u8> {
        match_rank(
            filter,
            &self.name,
            &self.initials,
            &[&self.title, &self.department],
        )
    }
}

/// How well `filter` finds a person: 0 the whole name or the whole initials (`zw` is
/// 郑伟 before 赵文军), 1 the start of the name or initials, 2 part of the name, 3 part
/// of another field (title, department); none when it does not match. An empty filter
/// matches everyone equally.
pub fn match_rank(filter: &str, name: &str, initials: &str, other: &[&str]) -> Option<u8> {
    let f = filter.trim();
    if f.is_empty() {
        return Some(0);
    }
    let lower = f.to_lowercase();
    let initials = initials.to_lowercase();
    if name == f || (!initials.is_empty() && initials == lower) {
        Some(0)
    } else if name.starts_with(f) || (!initials.is_empty() && initials.starts_with(&lower)) {
        Some(1)
    } else if name.contains(f) {
        Some(2)
    } else if other.iter().any(|o| o.contains(f)) {
        Some(3)
    } else {
        None
    }
}

/// Part played in one meeting (R2.2).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Role {
    /// 出席: the leadership team; deliberates and decides.
    Attending,
    /// 列席: present for a topic (or every topic when `topic_id` is none); asked for views.
    SittingIn,
    /// 工作人员: 1–2 from the office.
    Staff,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Self::Attending => "attending",
            Self::SittingIn => "sitting_in",
            Self::Staff => "staff",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "attending" => Self::Attending,
            "sitting_in" => Self::SittingIn,
            "staff" => Self::Staff,
            _ => return None,
        })
    }
}

/// One person's place in one meeting.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Participation {
    pub id: Id,
    pub meeting_id: Id,
    pub person_id: Id,
    pub role: Role,
    /// For sitting-in people: the topic they come for; none = the whole meeting
    /// (party committee members, the legal brigade head).
    pub topic_id: Option<Id>,
    /// The staff member who types the minutes.
    pub is_recorder: bool,
}

/// Someone admitted to a meeting although not on its list: why, and who allowed it
/// (R5.1: only expected people are admitted; an exception is recorded).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Admission {
    pub meeting_id: Id,
    pub person_id: Id,
    pub reason: String,
    pub allowed_by: String,
    pub at: super::Time,
}
