//! Looking at the follow-up register (R7.3): filters by unit, deputy, status and month;
//! counts for the status line; the supervisor's discipline candidates (§7.3.2); and the
//! items of earlier meetings still open when a meeting is held (上次会议决定事项落实情况).
//! Pure functions over a slice of items and the time now.
use chrono::NaiveDate;

use super::cn_style;
use super::deadline::DeadlineState;
use super::followup::{Item, Status};
use super::{Id, Time};

/// A month, for the month filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(d: NaiveDate) -> Self {
        use chrono::Datelike;
        Self {
            year: d.year(),
            month: d.month(),
        }
    }

    /// "2026年11月".
    pub fn label(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

/// Which date the month filter looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthOf {
    /// The month the matter was decided in.
    Meeting,
    /// The month the matter is due in.
    Deadline,
}

/// What the status filter asks for: a stored status, or a computed view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusFilter {
    Is(Status),
    /// Not done (in progress or stalled).
    Open,
    /// Not done and past its deadline now.
    Overdue,
    /// Flagged for discipline.
    Flagged,
}

/// Filters of the register; each field left none matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Items where this unit is one of the responsible units (exact name).
    pub unit: Option<String>,
    pub deputy_id: Option<Id>,
    pub status: Option<StatusFilter>,
    pub month: Option<(Month, MonthOf)>,
}

impl Filter {
    pub fn matches(&self, item: &Item, now: Time) -> bool {
        if let Some(unit) = &self.unit
            && !item.units.iter().any(|u| u == unit.trim())
        {
            return false;
        }
        if self.deputy_id.is_some() && item.deputy_id != self.deputy_id {
            return false;
        }
        if let Some(s) = self.status {
            let ok = match s {
                StatusFilter::Is(st) => item.status == st,
                StatusFilter::Open => item.status != Status::Done,
                StatusFilter::Overdue => item.is_overdue(now),
                StatusFilter::Flagged => item.discipline.is_some(),
            };
            if !ok {
                return false;
            }
        }
        if let Some((month, of)) = self.month {
            let day = match of {
                MonthOf::Meeting => Some(item.meeting_date),
                MonthOf::Deadline => item.deadline,
            };
            if day.map(Month::of) != Some(month) {
                return false;
            }
        }
        true
    }

    /// The items that match, in the order given.
    pub fn apply<'a>(&self, items: &'a [Item], now: Time) -> Vec<&'a Item> {
        items.iter().filter(|i| self.matches(i, now)).collect()
    }
}

/// Every responsible unit named in the register, sorted, once each (for the unit picker).
pub fn units(items: &[Item]) -> Vec<String> {
    let mut all: Vec<String> = items.iter().flat_map(|i| i.units.clone()).collect();
    all.sort();
    all.dedup();
    all
}

/// Counts for the status line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub in_progress: usize,
    pub done: usize,
    pub stalled: usize,
    /// Not done and past the deadline now.
    pub overdue: usize,
    /// Not done, due within [`super::deadline::DUE_SOON_DAYS`] days.
    pub due_soon: usize,
    pub flagged: usize,
}

pub fn counts(items: &[Item], now: Time) -> Counts {
    let mut c = Counts {
        total: items.len(),
        ..Counts::default()
    };
    for i in items {
        match i.status {
            Status::InProgress => c.in_progress += 1,
            Status::Done => c.done += 1,
            Status::Stalled => c.stalled += 1,
        }
        match i.deadline_state(now) {
            Some(DeadlineState::Overdue { .. }) => c.overdue += 1,
            Some(DeadlineState::DueSoon { .. }) => c.due_soon += 1,
            _ => {}
        }
        if i.discipline.is_some() {
            c.flagged += 1;
        }
    }
    c
}

/// Items open or overdue and not yet flagged: what the supervisor should look at for
/// §7.3.2 (the supervisor, not the program, judges whether a reason is good).
pub fn discipline_candidates(items: &[Item], now: Time) -> Vec<&Item> {
    items
        .iter()
        .filter(|i| i.discipline.is_none() && i.may_flag(now))
        .collect()
}

/// An item of an earlier meeting still open when a meeting is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Carried<'a> {
    pub item: &'a Item,
    /// Past its deadline on the meeting's date.
    pub overdue: bool,
}

/// "上次会议决定事项落实情况": the items of meetings before `meeting_date` (and not of the
/// meeting `meeting_id` itself) that were open on that date, oldest meeting first, the
/// overdue ones marked. Judged as of the meeting's date, so the list of a past meeting
/// reads the same later.
pub fn carried_into(items: &[Item], meeting_id: Id, meeting_date: NaiveDate) -> Vec<Carried<'_>> {
    let mut out: Vec<Carried<'_>> = items
        .iter()
        .filter(|i| i.meeting_id != meeting_id && i.meeting_date < meeting_date)
        .filter(|i| i.open_on(meeting_date))
        .map(|i| Carried {
            item: i,
            overdue: i.overdue_on(meeting_date),
        })
        .collect();
    out.sort_by_key(|c| (c.item.meeting_date, c.item.id));
    out
}

/// One line for a carried item in the next meeting's papers:
/// "（2026年11月23日会议）事项……；分管：……；责任单位：……；期限：2026年11月30日（已逾期）".
pub fn carried_line(c: &Carried<'_>, deputy_name: &str) -> String {
    let mut s = format!(
        "（{}会议）{}",
        cn_style::date(c.item.meeting_date),
        c.item.item.trim_end_matches('。')
    );
    if !deputy_name.trim().is_empty() {
        s.push_str(&format!("；分管：{}", deputy_name.trim()));
    }
    let units = cn_style::list(&c.item.units);
    if !units.is_empty() {
        s.push_str(&format!("；责任单位：{units}"));
    }
    if let Some(d) = c.item.deadline {
        s.push_str(&format!("；期限：{}", cn_style::date(d)));
    }
    if c.overdue {
        s.push_str("（已逾期）");
    } else if c.item.status == Status::Stalled {
        s.push_str("（搁置）");
    }
    s
}
