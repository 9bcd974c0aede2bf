//! Follow-up of decided matters (督办, R7.3, §7.3).
//!
//! "局长办公例会决定的事项，分管局领导和有关单位必须严格贯彻落实，不得擅自改变决定内容，
//! 执行中遇有其它问题可及时向局长作出汇报。督察法制大队对事项执行情况予以监督落实。"
//! One register item per decided topic: the item, its meeting, the deputy in charge, the
//! responsible units, the deadline, the supervisor, its status, dated progress notes and
//! problems reported to the director.
//!
//! "Overdue" is computed from the deadline and the time now and never written back: the
//! stored deadline and status stay as decided (the decision is not changed, §7.3.1).
//! Refusal or delay without good reason is flagged for discipline with the supervisor's
//! note (§7.3.2).
//!
//! Looking at the register — filters, counts, what the next meeting hears — is in
//! [`super::followup_query`].
use chrono::NaiveDate;

use super::deadline::{self, DeadlineState};
use super::decision::{Decision, Outcome};
use super::{Id, Time};

/// The stored status of an item. Overdue is not a status: see [`Item::is_overdue`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// 落实中.
    InProgress,
    /// 已落实.
    Done,
    /// 拒不执行或搁置: refused or stalled.
    Stalled,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::InProgress, Status::Done, Status::Stalled];

    pub fn code(self) -> &'static str {
        match self {
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Stalled => "stalled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A dated progress note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub on: NaiveDate,
    pub by: String,
    pub text: String,
}

/// A problem met in carrying out the decision, reported to the director (§7.3.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemReport {
    pub on: NaiveDate,
    pub by: String,
    pub text: String,
    /// The director's instruction in reply, once given.
    pub reply: Option<String>,
}

/// The discipline flag of §7.3.2: "无正当理由拒不执行或以各种借口拖延搁置".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisciplineFlag {
    pub on: NaiveDate,
    /// The supervisor who flagged it.
    pub by: String,
    /// The supervisor's note: what was refused or delayed, and why no reason holds.
    pub note: String,
}

/// One item of the follow-up register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: Id,
    pub meeting_id: Id,
    pub meeting_date: NaiveDate,
    pub topic_id: Id,
    /// What is to be done: the topic's title and the decided text.
    pub item: String,
    pub deputy_id: Option<Id>,
    pub units: Vec<String>,
    pub deadline: Option<NaiveDate>,
    /// 督察法制大队 by default (§7.3.1).
    pub supervisor: String,
    pub status: Status,
    /// The day it was done, when it is.
    pub done_on: Option<NaiveDate>,
    pub notes: Vec<Note>,
    pub problems: Vec<ProblemReport>,
    pub discipline: Option<DisciplineFlag>,
}

/// Responsible units from the decision's text: one per line, or separated by 、，,；;.
pub fn split_units(units: &str) -> Vec<String> {
    units
        .split(['\n', '、', '，', ',', '；', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The register item of a decided topic. None when the topic is not decided (no outcome,
/// or not marked decided) or the decision is 不同意 — a refusal leaves nothing to carry
/// out. Deferred and further-study decisions do get an item: someone must do the study.
pub fn from_decision(
    id: Id,
    meeting_id: Id,
    meeting_date: NaiveDate,
    topic_title: &str,
    d: &Decision,
) -> Option<Item> {
    let outcome = d.outcome?;
    d.decided_at?;
    if outcome == Outcome::NotApproved {
        return None;
    }
    let title = topic_title.trim();
    let text = d.text.trim();
    let item = match (title.is_empty(), text.is_empty()) {
        (false, false) => format!("{title}：{text}"),
        (false, true) => title.to_string(),
        (true, _) => text.to_string(),
    };
    Some(Item {
        id,
        meeting_id,
        meeting_date,
        topic_id: d.topic_id,
        item,
        deputy_id: d.deputy_id,
        units: split_units(&d.units),
        deadline: d.deadline,
        supervisor: d.supervisor.clone(),
        status: Status::InProgress,
        done_on: None,
        notes: Vec::new(),
        problems: Vec::new(),
        discipline: None,
    })
}

/// Why a change to an item was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUpError {
    /// A note, reason or report with no text.
    Blank,
    /// Flagging for discipline an item that is neither refused/stalled nor overdue.
    NotLateOrRefused,
    /// Already flagged.
    AlreadyFlagged,
    /// A done item cannot be stalled or done again; reopen it first.
    AlreadyDone,
}

impl FollowUpError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Blank => "blank",
            Self::NotLateOrRefused => "not_late_or_refused",
            Self::AlreadyFlagged => "already_flagged",
            Self::AlreadyDone => "already_done",
        }
    }
}

fn required(text: &str) -> Result<String, FollowUpError> {
    let t = text.trim();
    if t.is_empty() {
        Err(FollowUpError::Blank)
    } else {
        Ok(t.to_string())
    }
}

impl Item {
    /// The deadline's clock at `now`; none when done or without a deadline.
    pub fn deadline_state(&self, now: Time) -> Option<DeadlineState> {
        if self.status == Status::Done {
            return None;
        }
        self.deadline.map(|d| deadline::state(d, now))
    }

    /// Not done and past its deadline at `now`. Computed, never stored.
    pub fn is_overdue(&self, now: Time) -> bool {
        self.deadline_state(now)
            .is_some_and(DeadlineState::is_overdue)
    }

    /// Done after its deadline.
    pub fn done_late(&self) -> bool {
        matches!((self.done_on, self.deadline), (Some(done), Some(due)) if done > due)
    }

    /// Open (not done) on `day`: not done, or done after that day.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        match (self.status, self.done_on) {
            (Status::Done, Some(done)) => done > day,
            (Status::Done, None) => false,
            _ => true,
        }
    }

    /// Overdue on `day` (for reports as of a date): open then, and its deadline before it.
    pub fn overdue_on(&self, day: NaiveDate) -> bool {
        self.open_on(day) && self.deadline.is_some_and(|due| due < day)
    }

    pub fn add_note(&mut self, on: NaiveDate, by: &str, text: &str) -> Result<(), FollowUpError> {
        let text = required(text)?;
        self.notes.push(Note {
            on,
            by: by.trim().to_string(),
            text,
        });
        Ok(())
    }

    /// A problem reported to the director (§7.3.1). The decision itself is not changed.
    pub fn report_problem(
        &mut self,
        on: NaiveDate,
        by: &str,
        text: &str,
    ) -> Result<(), FollowUpError> {
        let text = required(text)?;
        self.problems.push(ProblemReport {
            on,
            by: by.trim().to_string(),
            text,
            reply: None,
        });
        Ok(())
    }

    /// Done on `on`, with a closing note of what was done.
    pub fn mark_done(&mut self, on: NaiveDate, by: &str, note: &str) -> Result<(), FollowUpError> {
        if self.status == Status::Done {
            return Err(FollowUpError::AlreadyDone);
        }
        self.add_note(on, by, note)?;
        self.status = Status::Done;
        self.done_on = Some(on);
        Ok(())
    }

    /// Refused or stalled, with the reason as reported.
    pub fn mark_stalled(
        &mut self,
        on: NaiveDate,
        by: &str,
        reason: &str,
    ) -> Result<(), FollowUpError> {
        if self.status == Status::Done {
            return Err(FollowUpError::AlreadyDone);
        }
        self.add_note(on, by, reason)?;
        self.status = Status::Stalled;
        Ok(())
    }

    /// Back in progress (a stalled item resumed, or a done item found not done), with why.
    pub fn reopen(&mut self, on: NaiveDate, by: &str, why: &str) -> Result<(), FollowUpError> {
        self.add_note(on, by, why)?;
        self.status = Status::InProgress;
        self.done_on = None;
        Ok(())
    }

    /// May this item be flagged for discipline at `now`: refused/stalled, or overdue.
    pub fn may_flag(&self, now: Time) -> bool {
        self.status == Status::Stalled || self.is_overdue(now)
    }

    /// The supervisor flags the item: refused or delayed without good reason (§7.3.2).
    pub fn flag_discipline(
        &mut self,
        now: Time,
        by: &str,
        note: &str,
    ) -> Result<(), FollowUpError> {
        if self.discipline.is_some() {
            return Err(FollowUpError::AlreadyFlagged);
        }
        if !self.may_flag(now) {
            return Err(FollowUpError::NotLateOrRefused);
        }
        let note = required(note)?;
        self.discipline = Some(DisciplineFlag {
            on: now.date_naive(),
            by: by.trim().to_string(),
            note,
        });
        Ok(())
    }
}
