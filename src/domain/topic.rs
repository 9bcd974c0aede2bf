//! Topics on the agenda (R1). The full registration form and the office's review
//! checklist come with the back-office issue; here is what the console needs.
use super::{Id, Time};

/// The channel a topic came through (R1.1, §1.1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Channel {
    /// A department, via its deputy, on the registration form (登记表).
    RegistrationForm,
    /// As above, urgent, on the approval form (审批表).
    UrgentForm,
    /// A director's special meeting (局长专题会议).
    SpecialMeeting,
    /// A leader's written instruction (领导批示).
    LeaderInstruction,
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Self::RegistrationForm => "registration_form",
            Self::UrgentForm => "urgent_form",
            Self::SpecialMeeting => "special_meeting",
            Self::LeaderInstruction => "leader_instruction",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "registration_form" => Self::RegistrationForm,
            "urgent_form" => Self::UrgentForm,
            "special_meeting" => Self::SpecialMeeting,
            "leader_instruction" => Self::LeaderInstruction,
            _ => return None,
        })
    }
}

/// Scope category of §1.1.2. The regulation numbers them 1–5 and 7–9: there is no 6 (R1.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Scope(u8);

impl Scope {
    pub const ALL: [u8; 8] = [1, 2, 3, 4, 5, 7, 8, 9];
    /// Category 9: other matters the meeting is to decide.
    pub const OTHER: Scope = Scope(9);

    pub fn new(n: u8) -> Option<Self> {
        Self::ALL.contains(&n).then_some(Self(n))
    }

    pub fn number(self) -> u8 {
        self.0
    }
}

/// Read back (e.g. from the emergency file) only as one of the regulation's numbers.
impl TryFrom<u8> for Scope {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        Scope::new(n).ok_or_else(|| format!("no scope category {n}"))
    }
}

impl From<Scope> for u8 {
    fn from(s: Scope) -> u8 {
        s.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicStatus {
    /// On the agenda, not yet reached.
    Pending,
    /// Under discussion now.
    Current,
    /// Discussion ended.
    Done,
}

impl TopicStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Current => "current",
            Self::Done => "done",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "pending" => Self::Pending,
            "current" => Self::Current,
            "done" => Self::Done,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    pub id: Id,
    pub meeting_id: Option<Id>,
    /// 1-based place on the agenda.
    pub seq: u32,
    pub title: String,
    pub department: String,
    /// Person id of the deputy leader in charge.
    pub deputy_id: Option<Id>,
    pub channel: Channel,
    pub scope: Scope,
    /// Touches criminal / public-order cases or law enforcement: legal review needed (R1.3).
    pub needs_legal_review: bool,
    /// Alternatives proposed for the meeting to choose from (§1.2.3), one per line.
    pub alternatives: Vec<String>,
    pub status: TopicStatus,
    pub started_at: Option<Time>,
    pub ended_at: Option<Time>,
}
