//! Classified materials (R4.2, §4.2 "涉及保密事项的会议材料，会议期间发放，会后及时收回"):
//! numbered copies, handed out at sign-in or in the meeting, collected back after it. The
//! meeting is not closed while a copy is out, unless a reason is recorded.
use super::{Id, Time};

/// When a copy was handed out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum HandedOut {
    /// At sign-in (§5.1 "负责签到并分发会议材料").
    AtCheckIn,
    /// During the meeting.
    InMeeting,
}

/// One numbered copy of a topic's classified materials.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClassifiedCopy {
    pub topic_id: Id,
    /// 1-based, per topic: "第 3 份".
    pub number: u32,
    /// Who holds it while it is out.
    pub holder: Option<Id>,
    pub handed_out: Option<(Time, HandedOut)>,
    pub returned_at: Option<Time>,
}

/// Why a copy could not be handed out or collected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyRefused {
    /// It is out already, with this person.
    AlreadyOut { holder: Option<Id> },
    /// It came back already; a returned copy is not handed out again.
    AlreadyReturned,
    /// It was never handed out.
    NotOut,
}

impl ClassifiedCopy {
    pub fn is_out(&self) -> bool {
        self.handed_out.is_some() && self.returned_at.is_none()
    }

    pub fn hand_out(&mut self, holder: Id, at: Time, when: HandedOut) -> Result<(), CopyRefused> {
        if self.returned_at.is_some() {
            return Err(CopyRefused::AlreadyReturned);
        }
        if self.handed_out.is_some() {
            return Err(CopyRefused::AlreadyOut {
                holder: self.holder,
            });
        }
        self.holder = Some(holder);
        self.handed_out = Some((at, when));
        Ok(())
    }

    pub fn collect(&mut self, at: Time) -> Result<(), CopyRefused> {
        if self.returned_at.is_some() {
            return Err(CopyRefused::AlreadyReturned);
        }
        if self.handed_out.is_none() {
            return Err(CopyRefused::NotOut);
        }
        self.returned_at = Some(at);
        Ok(())
    }
}

/// `count` more copies of a topic, numbered after those already prepared.
pub fn prepare(topic_id: Id, count: u32, existing: &[ClassifiedCopy]) -> Vec<ClassifiedCopy> {
    let last = existing
        .iter()
        .filter(|c| c.topic_id == topic_id)
        .map(|c| c.number)
        .max()
        .unwrap_or(0);
    (1..=count)
        .map(|i| ClassifiedCopy {
            topic_id,
            number: last + i,
            holder: None,
            handed_out: None,
            returned_at: None,
        })
        .collect()
}

/// Copies prepared for a topic.
pub fn prepared(copies: &[ClassifiedCopy], topic_id: Id) -> u32 {
    let n = copies.iter().filter(|c| c.topic_id == topic_id).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A copy not back yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopyOut {
    pub topic_id: Id,
    pub number: u32,
    pub holder: Option<Id>,
}

/// Copies out, in the order prepared.
pub fn copies_out(copies: &[ClassifiedCopy]) -> Vec<CopyOut> {
    copies
        .iter()
        .filter(|c| c.is_out())
        .map(|c| CopyOut {
            topic_id: c.topic_id,
            number: c.number,
            holder: c.holder,
        })
        .collect()
}

/// May the meeting be closed? Yes when every copy is back; otherwise only with a reason,
/// which is returned to be recorded. Refused with the copies still out.
pub fn can_close(
    copies: &[ClassifiedCopy],
    reason: Option<&str>,
) -> Result<Option<String>, Vec<CopyOut>> {
    let out = copies_out(copies);
    if out.is_empty() {
        return Ok(None);
    }
    match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => Ok(Some(r.to_string())),
        None => Err(out),
    }
}
