//! Check-in, lateness and the waiting room (R5.1, R5.3, R8.2).
//!
//! Attendance is a list of events per person; the state shown on screen is folded from
//! them, so every correction stays on the record.
use chrono::Duration;

use super::people::Role;
use super::{Id, Time};

/// Sign-in opens, and staff are due, 15 minutes before the start (§5.1).
pub const STAFF_LEAD_MINUTES: i64 = 15;
/// Attendees are due 5 minutes before the start (§8.2).
pub const ATTENDEE_LEAD_MINUTES: i64 = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Place {
    Room,
    WaitingRoom,
}

impl Place {
    pub fn code(self) -> &'static str {
        match self {
            Self::Room => "room",
            Self::WaitingRoom => "waiting_room",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "room" => Some(Self::Room),
            "waiting_room" => Some(Self::WaitingRoom),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EventKind {
    /// Signed in, in the room or in the waiting room.
    CheckIn { place: Place },
    /// Called from the waiting room into the room (R5.3).
    CalledIn,
    /// Entered the room as their topic began (they had been called in or were waiting).
    Entered,
    /// 请假: excused, with reason and who approved it.
    Leave { reason: String, approver: String },
    /// 旷会: absent without leave.
    Absent,
    /// 中途退席: left before the end, with reason.
    LeftEarly { reason: String },
    /// Their topic ended: a sitting-in person leaves as the regulation intends.
    TopicEnded,
    /// A correction: forget this person's earlier events for today.
    Cleared,
}

impl EventKind {
    pub fn code(&self) -> &'static str {
        match self {
            Self::CheckIn { .. } => "check_in",
            Self::CalledIn => "called_in",
            Self::Entered => "entered",
            Self::Leave { .. } => "leave",
            Self::Absent => "absent",
            Self::LeftEarly { .. } => "left_early",
            Self::TopicEnded => "topic_ended",
            Self::Cleared => "cleared",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendanceEvent {
    pub id: Id,
    pub meeting_id: Id,
    pub person_id: Id,
    pub kind: EventKind,
    pub at: Time,
    /// Why a person not on the list was admitted, or other remark.
    pub note: String,
}

/// Where a person stands now, folded from their events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Expected, not here yet.
    Expected,
    /// Signed in at the waiting room.
    Waiting {
        since: Time,
    },
    /// Called in from the waiting room.
    CalledIn {
        at: Time,
    },
    /// In the room.
    Present {
        since: Time,
    },
    OnLeave {
        reason: String,
        approver: String,
    },
    Absent,
    LeftEarly {
        at: Time,
        reason: String,
    },
    /// Their topic is over and they have gone.
    Gone {
        at: Time,
    },
}

/// One person's attendance today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonAttendance {
    pub presence: Presence,
    /// First sign-in since the last correction: lateness is judged on it.
    pub first_check_in: Option<Time>,
}

impl Default for PersonAttendance {
    fn default() -> Self {
        Self {
            presence: Presence::Expected,
            first_check_in: None,
        }
    }
}

/// Fold one person's events, oldest first, into their state.
pub fn fold<'a>(events: impl IntoIterator<Item = &'a AttendanceEvent>) -> PersonAttendance {
    let mut s = PersonAttendance::default();
    for e in events {
        match &e.kind {
            EventKind::CheckIn { place } => {
                s.first_check_in.get_or_insert(e.at);
                s.presence = match place {
                    Place::Room => Presence::Present { since: e.at },
                    Place::WaitingRoom => Presence::Waiting { since: e.at },
                };
            }
            EventKind::CalledIn => s.presence = Presence::CalledIn { at: e.at },
            EventKind::Entered => s.presence = Presence::Present { since: e.at },
            EventKind::Leave { reason, approver } => {
                s.presence = Presence::OnLeave {
                    reason: reason.clone(),
                    approver: approver.clone(),
                }
            }
            EventKind::Absent => s.presence = Presence::Absent,
            EventKind::LeftEarly { reason } => {
                s.presence = Presence::LeftEarly {
                    at: e.at,
                    reason: reason.clone(),
                }
            }
            EventKind::TopicEnded => s.presence = Presence::Gone { at: e.at },
            EventKind::Cleared => s = PersonAttendance::default(),
        }
    }
    s
}

/// When a person is due, and from when they count as late (R8.2, §5.1, §5.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    /// Arriving at or before this is on time.
    pub due: Time,
    /// Arriving after this is 迟到; between `due` and this is 未提前到会.
    pub late_after: Time,
}

/// What a person is due for, given their role in the meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// Attending leaders and whole-meeting sitting-in people: 5 minutes early.
    Attendee,
    /// Office staff: 15 minutes early.
    Staff,
    /// Sitting in for the topic at this 1-based place on the agenda; `previous_started`
    /// is when the topic before it began (none while it has not).
    TopicSittingIn {
        seq: u32,
        previous_started: Option<Time>,
    },
}

impl Expectation {
    pub fn for_role(role: Role, topic_seq: Option<u32>, previous_started: Option<Time>) -> Self {
        match (role, topic_seq) {
            (Role::Staff, _) => Self::Staff,
            (Role::SittingIn, Some(seq)) => Self::TopicSittingIn {
                seq,
                previous_started,
            },
            _ => Self::Attendee,
        }
    }
}

/// The due time for an expectation; none while it is not yet known (the topic before has
/// not begun).
pub fn due(expect: Expectation, start: Time) -> Option<Due> {
    match expect {
        Expectation::Attendee | Expectation::TopicSittingIn { seq: 1, .. } => Some(Due {
            due: start - Duration::minutes(ATTENDEE_LEAD_MINUTES),
            late_after: start,
        }),
        Expectation::Staff => Some(Due {
            due: start - Duration::minutes(STAFF_LEAD_MINUTES),
            late_after: start,
        }),
        // Topic N's people wait outside from the moment topic N−1 begins (§5.3).
        Expectation::TopicSittingIn {
            previous_started, ..
        } => previous_started.map(|at| Due {
            due: at,
            late_after: at,
        }),
    }
}

/// The verdict on an arrival time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Punctuality {
    OnTime,
    /// 未提前到会: after the due time but not after the start.
    NotEarly {
        minutes: i64,
    },
    /// 迟到 N 分钟.
    Late {
        minutes: i64,
    },
}

/// Judge an arrival on the minute shown beside it: a sign-in at 09:03:01 shows "09:03"
/// and reads 迟到 3 分钟, as the sheet will say. So 09:00:xx (shown 09:00) is 未提前到会
/// and 09:01 is the first minute late.
pub fn judge(arrival: Time, due: Option<Due>) -> Punctuality {
    let Some(d) = due else {
        return Punctuality::OnTime;
    };
    let shown = on_the_minute(arrival);
    if shown <= d.due {
        Punctuality::OnTime
    } else if shown <= d.late_after {
        Punctuality::NotEarly {
            minutes: whole_minutes(shown - d.due),
        }
    } else {
        Punctuality::Late {
            minutes: whole_minutes(shown - d.late_after),
        }
    }
}

/// For someone not yet here: how many minutes they are overdue, counted as the clock on
/// the screen shows it, so it agrees with what a sign-in at that moment would read.
pub fn overdue(now: Time, due: Option<Due>) -> Option<i64> {
    let d = due?;
    let shown = on_the_minute(now);
    (shown > d.late_after).then(|| whole_minutes(shown - d.late_after))
}

/// The time as HH:MM shows it: seconds dropped.
pub fn on_the_minute(t: Time) -> Time {
    use chrono::Timelike;
    t.with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t)
}

/// Whole minutes of a duration between two times on the minute; never 0 when called for
/// a time past due (both are whole minutes apart, at least one).
fn whole_minutes(d: Duration) -> i64 {
    d.num_minutes().max(1)
}

/// Sign-in opens 15 minutes before the start (§5.1).
pub fn sign_in_opens(start: Time) -> Time {
    start - Duration::minutes(STAFF_LEAD_MINUTES)
}

/// Where a sitting-in person should sign in now: the waiting room while an earlier topic
/// is still to be discussed, the room otherwise (R5.3).
pub fn check_in_place(person_topic_seq: Option<u32>, current_seq: Option<u32>) -> Place {
    match (person_topic_seq, current_seq) {
        (Some(mine), Some(cur)) if mine > cur => Place::WaitingRoom,
        (Some(mine), None) if mine > 1 => Place::WaitingRoom,
        _ => Place::Room,
    }
}

/// The waiting-room view of one person of the next topic (R5.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WaitState {
    NotArrived,
    Waiting {
        since: Time,
    },
    CalledIn {
        at: Time,
    },
    /// Already in the room (signed in there directly).
    InRoom,
    Excused,
}

pub fn wait_state(p: &PersonAttendance) -> WaitState {
    match &p.presence {
        Presence::Expected | Presence::Gone { .. } | Presence::LeftEarly { .. } => {
            WaitState::NotArrived
        }
        Presence::Waiting { since } => WaitState::Waiting { since: *since },
        Presence::CalledIn { at } => WaitState::CalledIn { at: *at },
        Presence::Present { .. } => WaitState::InRoom,
        Presence::OnLeave { .. } | Presence::Absent => WaitState::Excused,
    }
}

/// Of the next topic's people, who is not ready to come in (neither called in, in the
/// room, nor excused): the console names them before it advances.
pub fn missing_for_next(people: &[(Id, PersonAttendance)]) -> Vec<Id> {
    people
        .iter()
        .filter(|(_, p)| {
            matches!(
                wait_state(p),
                WaitState::NotArrived | WaitState::Waiting { .. }
            )
        })
        .map(|(id, _)| *id)
        .collect()
}

/// The attendance events that advancing from one topic to the next writes (R5.3):
/// the people of the finished topic leave (unless the next topic needs them too), and
/// the next topic's people who were called in or are waiting enter.
pub fn advance_events(
    leaving: &[(Id, PersonAttendance)],
    next_people: &[(Id, PersonAttendance)],
) -> Vec<(Id, EventKind)> {
    let next_ids: Vec<Id> = next_people.iter().map(|(id, _)| *id).collect();
    let mut out = Vec::new();
    for (id, p) in leaving {
        let here = matches!(
            p.presence,
            Presence::Present { .. } | Presence::CalledIn { .. }
        );
        if here && !next_ids.contains(id) {
            out.push((*id, EventKind::TopicEnded));
        }
    }
    for (id, p) in next_people {
        if matches!(p.presence, Presence::CalledIn { .. }) {
            out.push((*id, EventKind::Entered));
        }
    }
    out
}

/// Counts shown at the top of the check-in pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub expected: usize,
    /// 实到: everyone who came, even those whose topic is over and who have gone.
    pub present: usize,
    /// 在场: in the room now.
    pub in_room: usize,
    pub late: usize,
    pub on_leave: usize,
    pub absent: usize,
}
