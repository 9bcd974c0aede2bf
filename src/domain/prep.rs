//! The preparation dashboard (R1.4, R2, R4): for a coming meeting, every stage the
//! regulation asks of the office, with its state and deadline and what is missing — as
//! data; the screen words it.
//!
//! Deadlines: topics ready and the agenda by Friday 12:00 before a Monday meeting (§2.1.2;
//! an extra meeting: its start); approval and the room by the end of the working day
//! before the meeting, when materials are due (§4 begins "经领导审批同意召开会议后", so
//! approval comes before the materials; the regulation gives the room no day, so it is
//! due with them); notices 1–2 days before (§4.3) and replies the day before; materials
//! 1 working day before (§4.2); classified copies ready when sign-in opens, 15 minutes
//! before the start (§5.1).
use chrono::{Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::agenda::{Agenda, cutoff};
use super::attendance::STAFF_LEAD_MINUTES;
use super::booking::{BookingGap, RoomBooking, booking_gaps};
use super::calendar::Calendar;
use super::classified::{ClassifiedCopy, prepared};
use super::materials::{DeliveryWay, MaterialPackage, delivered_in_time, delivery_due};
use super::meeting_people::StaffProblem;
use super::notice::{
    Notice, NoticeTiming, Reply, missing_notices, missing_replies, notice_timing, notice_window,
    reply_due, reply_late,
};
use super::review::ReviewItem;
use super::submission::{Submission, SubmissionEvent, SubmissionStep};
use super::{Id, Time};

/// The stages, in the order the dashboard lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StageKind {
    TopicsReady,
    Agenda,
    Approval,
    Room,
    Notices,
    Replies,
    Materials,
    ClassifiedCopies,
}

impl StageKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::TopicsReady => "topics_ready",
            Self::Agenda => "agenda",
            Self::Approval => "approval",
            Self::Room => "room",
            Self::Notices => "notices",
            Self::Replies => "replies",
            Self::Materials => "materials",
            Self::ClassifiedCopies => "classified_copies",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StageState {
    Done,
    /// Not done, and the deadline is near (within a day) or its window is open: amber.
    DueSoon,
    /// Not done and past its deadline: red.
    Overdue,
    /// Not done, not due yet.
    Pending,
}

/// A stage's deadline, as the regulation states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// At this moment (Friday 12:00; sign-in).
    At(Time),
    /// By the end of this day.
    EndOfDay(NaiveDate),
    /// On one of these days (notices: 2 days to 1 day before).
    Window { from: NaiveDate, to: NaiveDate },
}

/// What a stage still lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The agenda has no topic.
    NoTopics,
    /// A topic's checklist is not complete: the first item missing or failed.
    TopicNotReady {
        topic_id: Id,
        item: ReviewItem,
    },
    /// The office has not put the agenda forward.
    AgendaNotProposed,
    /// More than 5 topics and no reason recorded.
    OverNormWithoutReason,
    /// Nobody attending: the leadership team is not on the meeting's list (§2.1.1).
    NoAttending,
    /// The staff are not 1–2 office people with a recorder (§2.1.1, §5.2).
    Staff(StaffProblem),
    /// The chain waits for this step.
    Approval(SubmissionStep),
    Booking(BookingGap),
    /// Nobody is expected yet, so nobody to notify.
    NoDepartments,
    Notice {
        department: String,
    },
    Reply {
        department: String,
    },
    /// A topic has no material package listed.
    MaterialsNotListed {
        topic_id: Id,
    },
    Delivery {
        topic_id: Id,
        department: String,
    },
    ClassifiedCopies {
        topic_id: Id,
        prepared: u32,
        needed: u32,
    },
}

/// Remarks on a stage, done or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// Added after the cut-off through the urgent form.
    LateTopic(Id),
    /// More than 5 topics, with the reason recorded.
    OverNorm,
    /// The agenda was put forward after the cut-off.
    ProposedLate,
    /// The chain was sent back to the office at this step (this round not yet approved).
    SentBack(SubmissionStep),
    NoticeEarly {
        department: String,
        days_before: i64,
    },
    NoticeLate {
        department: String,
    },
    ReplyLate {
        department: String,
    },
    DeliveredLate {
        topic_id: Id,
        department: String,
    },
    /// Could not be delivered; the fallback way was used.
    Fallback {
        topic_id: Id,
        department: String,
    },
    /// No classified topic: nothing to prepare.
    NothingClassified,
}

/// One line of the dashboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    pub kind: StageKind,
    pub state: StageState,
    pub due: Due,
    /// The moment the stage turns overdue.
    pub overdue_from: Time,
    pub missing: Vec<Missing>,
    pub notes: Vec<Note>,
    /// The deadline was counted through a year the calendar does not cover.
    pub uncovered_year: Option<i32>,
}

/// What the dashboard needs to know of a topic on the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopicFacts {
    pub topic_id: Id,
    /// `review::can_schedule` for it.
    pub review: Result<(), ReviewItem>,
    pub classified: bool,
    /// Classified copies needed: the people present for it.
    pub copies_needed: u32,
}

/// The facts of a coming meeting.
#[derive(Clone, Copy, Debug)]
pub struct PrepFacts<'a> {
    pub meeting_starts_at: Time,
    pub agenda: &'a Agenda,
    /// The agenda's topics.
    pub topics: &'a [TopicFacts],
    pub submission: &'a Submission,
    /// How many attend (the leadership team), and whether the staff are in order: the
    /// agenda draft names the people of the meeting (§2.1.1).
    pub attending: usize,
    pub staff: Result<(), StaffProblem>,
    pub booking: Option<&'a RoomBooking>,
    pub waiting_room_needed: bool,
    /// Departments to notify (`notice::departments_to_notify`).
    pub departments: &'a [String],
    pub notices: &'a [Notice],
    pub replies: &'a [Reply],
    pub materials: &'a [MaterialPackage],
    pub classified_copies: &'a [ClassifiedCopy],
}

fn start_of(day: NaiveDate, offset: FixedOffset, fallback: Time) -> Time {
    offset
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .single()
        .unwrap_or(fallback)
}

fn judge(done: bool, overdue_from: Time, soon_from: Time, now: Time) -> StageState {
    if done {
        StageState::Done
    } else if now >= overdue_from {
        StageState::Overdue
    } else if now >= soon_from {
        StageState::DueSoon
    } else {
        StageState::Pending
    }
}

struct Ctx<'a> {
    f: &'a PrepFacts<'a>,
    now: Time,
    offset: FixedOffset,
    day: NaiveDate,
}

impl Ctx<'_> {
    fn end_of(&self, day: NaiveDate) -> Time {
        start_of(
            day + Duration::days(1),
            self.offset,
            self.f.meeting_starts_at,
        )
    }

    fn stage(
        &self,
        kind: StageKind,
        due: Due,
        soon_from: Option<Time>,
        missing: Vec<Missing>,
        notes: Vec<Note>,
    ) -> Stage {
        let overdue_from = match due {
            Due::At(t) => t,
            Due::EndOfDay(d) | Due::Window { to: d, .. } => self.end_of(d),
        };
        let soon_from = soon_from.unwrap_or(overdue_from - Duration::days(1));
        Stage {
            kind,
            state: judge(missing.is_empty(), overdue_from, soon_from, self.now),
            due,
            overdue_from,
            missing,
            notes,
            uncovered_year: None,
        }
    }
}

/// Every stage of the preparation of a coming meeting, at `now`.
pub fn dashboard(f: &PrepFacts<'_>, now: Time, cal: &Calendar) -> Vec<Stage> {
    let c = Ctx {
        f,
        now,
        offset: *f.meeting_starts_at.offset(),
        day: f.meeting_starts_at.date_naive(),
    };
    let agenda_due = Due::At(cutoff(f.meeting_starts_at).unwrap_or(f.meeting_starts_at));
    let materials_due = delivery_due(c.day, cal);
    let working_day_before = Due::EndOfDay(materials_due.date);
    let mut stages = vec![
        topics_ready(&c, agenda_due),
        agenda(&c, agenda_due),
        approval(&c, working_day_before),
        room(&c, working_day_before),
        notices(&c),
        replies(&c),
        materials(&c, working_day_before),
        classified(&c),
    ];
    for s in &mut stages {
        if matches!(
            s.kind,
            StageKind::Approval | StageKind::Room | StageKind::Materials
        ) {
            s.uncovered_year = materials_due.uncovered_year;
        }
    }
    stages
}

fn topics_ready(c: &Ctx<'_>, due: Due) -> Stage {
    let mut missing = Vec::new();
    if c.f.topics.is_empty() {
        missing.push(Missing::NoTopics);
    }
    for t in c.f.topics {
        if let Err(item) = t.review {
            missing.push(Missing::TopicNotReady {
                topic_id: t.topic_id,
                item,
            });
        }
    }
    c.stage(StageKind::TopicsReady, due, None, missing, Vec::new())
}

fn agenda(c: &Ctx<'_>, due: Due) -> Stage {
    let a = c.f.agenda;
    let mut missing = Vec::new();
    let mut notes: Vec<Note> = a.late_topics().into_iter().map(Note::LateTopic).collect();
    if a.items.is_empty() {
        missing.push(Missing::NoTopics);
    }
    match a.proposed_at {
        None => missing.push(Missing::AgendaNotProposed),
        Some(at) => {
            if matches!(due, Due::At(cut) if at > cut) {
                notes.push(Note::ProposedLate);
            }
        }
    }
    if c.f.attending == 0 {
        missing.push(Missing::NoAttending);
    }
    if let Err(p) = c.f.staff {
        missing.push(Missing::Staff(p));
    }
    if a.over_norm() {
        if a.over_norm_reason.is_some() {
            notes.push(Note::OverNorm);
        } else {
            missing.push(Missing::OverNormWithoutReason);
        }
    }
    c.stage(StageKind::Agenda, due, None, missing, notes)
}

fn approval(c: &Ctx<'_>, due: Due) -> Stage {
    let s = c.f.submission;
    let missing: Vec<Missing> = s.next_step().map(Missing::Approval).into_iter().collect();
    let mut notes = Vec::new();
    if !s.is_approved()
        && let Some(SubmissionEvent::SentBack { at_step, .. }) = s.last_sent_back()
    {
        notes.push(Note::SentBack(*at_step));
    }
    c.stage(StageKind::Approval, due, None, missing, notes)
}

fn room(c: &Ctx<'_>, due: Due) -> Stage {
    let missing = booking_gaps(c.f.booking, c.f.waiting_room_needed)
        .into_iter()
        .map(Missing::Booking)
        .collect();
    c.stage(StageKind::Room, due, None, missing, Vec::new())
}

fn notices(c: &Ctx<'_>) -> Stage {
    let (from, to) = notice_window(c.day);
    let mut missing: Vec<Missing> = missing_notices(c.f.departments, c.f.notices)
        .into_iter()
        .map(|department| Missing::Notice { department })
        .collect();
    if c.f.departments.is_empty() {
        missing.push(Missing::NoDepartments);
    }
    let mut notes = Vec::new();
    for n in c.f.notices {
        match notice_timing(n.sent_at, c.day) {
            NoticeTiming::InWindow => {}
            NoticeTiming::Early { days_before } => notes.push(Note::NoticeEarly {
                department: n.department.clone(),
                days_before,
            }),
            NoticeTiming::Late => notes.push(Note::NoticeLate {
                department: n.department.clone(),
            }),
        }
    }
    let opens = start_of(from, c.offset, c.f.meeting_starts_at);
    c.stage(
        StageKind::Notices,
        Due::Window { from, to },
        Some(opens),
        missing,
        notes,
    )
}

fn replies(c: &Ctx<'_>) -> Stage {
    let mut missing: Vec<Missing> = missing_replies(c.f.departments, c.f.replies)
        .into_iter()
        .map(|department| Missing::Reply { department })
        .collect();
    if c.f.departments.is_empty() {
        missing.push(Missing::NoDepartments);
    }
    let notes =
        c.f.replies
            .iter()
            .filter(|r| reply_late(r, c.day))
            .map(|r| Note::ReplyLate {
                department: r.department.clone(),
            })
            .collect();
    c.stage(
        StageKind::Replies,
        Due::EndOfDay(reply_due(c.day)),
        None,
        missing,
        notes,
    )
}

fn materials(c: &Ctx<'_>, due: Due) -> Stage {
    let due_day = match due {
        Due::EndOfDay(d) => d,
        _ => c.day,
    };
    let mut missing = Vec::new();
    let mut notes = Vec::new();
    for t in c.f.topics.iter().filter(|t| !t.classified) {
        let packages: Vec<&MaterialPackage> =
            c.f.materials
                .iter()
                .filter(|m| m.topic_id == t.topic_id && !m.classified)
                .collect();
        if packages.is_empty() {
            missing.push(Missing::MaterialsNotListed {
                topic_id: t.topic_id,
            });
        }
        for m in packages {
            let (topic_id, department) = (m.topic_id, m.department.clone());
            match &m.delivery {
                None => missing.push(Missing::Delivery {
                    topic_id,
                    department,
                }),
                Some(d) => {
                    if matches!(d.way, DeliveryWay::Fallback(_)) {
                        notes.push(Note::Fallback {
                            topic_id,
                            department: department.clone(),
                        });
                    }
                    if !delivered_in_time(m, due_day) {
                        notes.push(Note::DeliveredLate {
                            topic_id,
                            department,
                        });
                    }
                }
            }
        }
    }
    c.stage(StageKind::Materials, due, None, missing, notes)
}

fn classified(c: &Ctx<'_>) -> Stage {
    let due = Due::At(c.f.meeting_starts_at - Duration::minutes(STAFF_LEAD_MINUTES));
    let mut missing = Vec::new();
    let mut notes = Vec::new();
    let topics: Vec<&TopicFacts> = c.f.topics.iter().filter(|t| t.classified).collect();
    if topics.is_empty() {
        notes.push(Note::NothingClassified);
    }
    for t in topics {
        let have = prepared(c.f.classified_copies, t.topic_id);
        if have < t.copies_needed {
            missing.push(Missing::ClassifiedCopies {
                topic_id: t.topic_id,
                prepared: have,
                needed: t.copies_needed,
            });
        }
    }
    c.stage(StageKind::ClassifiedCopies, due, None, missing, notes)
}
