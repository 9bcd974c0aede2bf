//! Filing a meeting's papers (归档, R7.4, §7.4): "会后由办公室及时汇总整理会议资料（一般
//! 包括会议议程、与会人员名单、汇报材料、会议记录整理稿、会议纪要原稿及签发稿等），登记造
//! 册，年终集中移交档案室归档。"
//!
//! The checklist of the six papers per meeting, and the ledger entry (登记造册) that
//! registers what was filed. The file manifest that proves the filed files unchanged is
//! in [`super::manifest`].
use chrono::{Datelike, NaiveDate};

use super::{Id, Time};

/// The papers §7.4 names, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Paper {
    /// 会议议程.
    Agenda,
    /// 与会人员名单.
    AttendeeList,
    /// 汇报材料.
    Materials,
    /// 会议记录整理稿.
    TidiedRecord,
    /// 会议纪要原稿.
    MinutesDraft,
    /// 会议纪要签发稿.
    SignedMinutes,
}

impl Paper {
    pub const ALL: [Paper; 6] = [
        Paper::Agenda,
        Paper::AttendeeList,
        Paper::Materials,
        Paper::TidiedRecord,
        Paper::MinutesDraft,
        Paper::SignedMinutes,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Agenda => "agenda",
            Self::AttendeeList => "attendee_list",
            Self::Materials => "materials",
            Self::TidiedRecord => "tidied_record",
            Self::MinutesDraft => "minutes_draft",
            Self::SignedMinutes => "signed_minutes",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The regulation's own name of the paper, as printed in the ledger.
    pub fn name_zh(self) -> &'static str {
        match self {
            Self::Agenda => "会议议程",
            Self::AttendeeList => "与会人员名单",
            Self::Materials => "汇报材料",
            Self::TidiedRecord => "会议记录整理稿",
            Self::MinutesDraft => "会议纪要原稿",
            Self::SignedMinutes => "会议纪要签发稿",
        }
    }
}

/// One line of the checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    pub paper: Paper,
    pub present: bool,
}

/// The checklist of a meeting: each of the six papers, present or missing.
pub fn checklist(present: &[Paper]) -> Vec<Check> {
    Paper::ALL
        .into_iter()
        .map(|paper| Check {
            paper,
            present: present.contains(&paper),
        })
        .collect()
}

/// The papers still missing.
pub fn missing(present: &[Paper]) -> Vec<Paper> {
    Paper::ALL
        .into_iter()
        .filter(|p| !present.contains(p))
        .collect()
}

/// One paper as registered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerItem {
    pub paper: Paper,
    /// e.g. "关于……的汇报材料": what exactly was filed.
    pub title: String,
    pub pages: u32,
    pub copies: u32,
}

/// The ledger entry of one meeting (登记造册).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerEntry {
    /// "2026-007": year of the meeting and its place in that year's ledger.
    pub number: String,
    pub meeting_id: Id,
    pub meeting_title: String,
    pub meeting_date: NaiveDate,
    pub items: Vec<LedgerItem>,
    pub registered_by: String,
    pub registered_at: Time,
}

/// The ledger number: year and a 3-digit sequence, "2026-007".
pub fn ledger_number(year: i32, seq: u32) -> String {
    format!("{year}-{seq:03}")
}

/// The next sequence for a year: one more than the highest of that year's entries whose
/// number follows [`ledger_number`] (1 when there is none).
pub fn next_seq(entries: &[LedgerEntry], year: i32) -> u32 {
    let prefix = format!("{year}-");
    entries
        .iter()
        .filter_map(|e| e.number.strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

/// What is wrong with a ledger entry before it is registered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LedgerProblem {
    /// A paper of §7.4 not among the items.
    PaperMissing(Paper),
    /// An item with no pages or no copies.
    Empty(Paper),
    /// Nobody named as registering it.
    NoRegistrar,
    /// The number is already used by another entry.
    NumberTaken,
}

impl LedgerProblem {
    pub fn code(&self) -> &'static str {
        match self {
            Self::PaperMissing(_) => "paper_missing",
            Self::Empty(_) => "empty",
            Self::NoRegistrar => "no_registrar",
            Self::NumberTaken => "number_taken",
        }
    }
}

/// Every problem of an entry against the ledger it joins (`others`: the entries already
/// there). A missing paper is a problem to show, not a refusal: the office may register
/// what it has and explain the rest.
pub fn check_entry(entry: &LedgerEntry, others: &[LedgerEntry]) -> Vec<LedgerProblem> {
    let mut problems = Vec::new();
    let present: Vec<Paper> = entry.items.iter().map(|i| i.paper).collect();
    problems.extend(
        missing(&present)
            .into_iter()
            .map(LedgerProblem::PaperMissing),
    );
    for i in &entry.items {
        if i.pages == 0 || i.copies == 0 {
            problems.push(LedgerProblem::Empty(i.paper));
        }
    }
    if entry.registered_by.trim().is_empty() {
        problems.push(LedgerProblem::NoRegistrar);
    }
    if others
        .iter()
        .any(|o| o.number == entry.number && o.meeting_id != entry.meeting_id)
    {
        problems.push(LedgerProblem::NumberTaken);
    }
    problems
}

/// Pages and copies of an entry in total.
pub fn totals(entry: &LedgerEntry) -> (u32, u32) {
    entry.items.iter().fold((0, 0), |(p, c), i| {
        (p.saturating_add(i.pages), c.saturating_add(i.copies))
    })
}

/// The entries handed to the archive room at the end of `year` ("年终集中移交"): the
/// meetings of that year, in ledger order.
pub fn year_end(entries: &[LedgerEntry], year: i32) -> Vec<&LedgerEntry> {
    let mut out: Vec<&LedgerEntry> = entries
        .iter()
        .filter(|e| e.meeting_date.year() == year)
        .collect();
    out.sort_by(|a, b| a.number.cmp(&b.number));
    out
}
