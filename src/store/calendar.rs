//! The office's own working-day calendar (R7), kept in the database so every terminal
//! counts deadlines the same way: years it declares covered (with the source of their
//! dates) and days it names, laid over the official calendar (`calendars/cn.toml`).
use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::calendar::Calendar;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayKind {
    Holiday,
    MakeupDay,
}

impl DayKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Holiday => "holiday",
            Self::MakeupDay => "makeup_day",
        }
    }

    fn from_code(s: &str) -> Option<Self> {
        match s {
            "holiday" => Some(Self::Holiday),
            "makeup_day" => Some(Self::MakeupDay),
            _ => None,
        }
    }
}

/// A day the office named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub name: String,
}

/// What the office added to the official calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficeCalendar {
    /// Years declared covered, with where their dates come from.
    pub years: BTreeMap<i32, String>,
    pub days: Vec<OfficeDay>,
}

impl OfficeCalendar {
    /// As a calendar, to lay over the official one.
    pub fn to_calendar(&self) -> Calendar {
        let mut cal = Calendar::default();
        for d in &self.days {
            match d.kind {
                DayKind::Holiday => cal.holidays.insert(d.date),
                DayKind::MakeupDay => cal.makeup_days.insert(d.date),
            };
        }
        for (year, source) in &self.years {
            cal.years.insert(*year);
            cal.sources.insert(*year, vec![source.clone()]);
        }
        cal
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum CalendarChange {
    /// Name a day (or, with no kind, take the office's word for it back).
    Day {
        date: NaiveDate,
        kind: Option<DayKind>,
        name: String,
    },
    /// Declare a year covered with its source (none: no longer covered by the office).
    Year { year: i32, source: Option<String> },
    /// A calendar file's years and days, all at once.
    Import {
        years: Vec<(i32, String)>,
        days: Vec<OfficeDay>,
    },
}

impl CalendarChange {
    pub(super) fn apply(&self, tx: &Tx<'_>) -> Result<()> {
        match self {
            Self::Day { date, kind, name } => day(tx, *date, *kind, name),
            Self::Year { year, source } => set_year(tx, *year, source.as_deref()),
            Self::Import { years, days } => {
                for (y, s) in years {
                    set_year(tx, *y, Some(s))?;
                }
                for d in days {
                    day(tx, d.date, Some(d.kind), &d.name)?;
                }
                Ok(())
            }
        }
    }
}

fn day(tx: &Tx<'_>, date: NaiveDate, kind: Option<DayKind>, name: &str) -> Result<()> {
    let key = date.format("%Y-%m-%d").to_string();
    let old: Option<String> = tx
        .query_row(
            "SELECT kind FROM calendar_day WHERE date = ?1",
            [&key],
            |r| r.get(0),
        )
        .optional()?;
    match kind {
        Some(k) => tx.execute(
            "INSERT INTO calendar_day (date, kind, name) VALUES (?1, ?2, ?3)
             ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name",
            params![key, k.code(), name],
        )?,
        None => tx.execute("DELETE FROM calendar_day WHERE date = ?1", [&key])?,
    };
    tx.audit(
        Audit::new("edit", "calendar_day", None)
            .field(&format!("date={key}"))
            .values(old.as_deref(), kind.map(DayKind::code)),
    )
}

fn set_year(tx: &Tx<'_>, year: i32, source: Option<&str>) -> Result<()> {
    let old: Option<String> = tx
        .query_row(
            "SELECT source FROM calendar_year WHERE year = ?1",
            [year],
            |r| r.get(0),
        )
        .optional()?;
    match source {
        Some(s) => tx.execute(
            "INSERT INTO calendar_year (year, source) VALUES (?1, ?2)
             ON CONFLICT (year) DO UPDATE SET source = excluded.source",
            params![year, s],
        )?,
        None => tx.execute("DELETE FROM calendar_year WHERE year = ?1", [year])?,
    };
    tx.audit(
        Audit::new("edit", "calendar_year", Some(i64::from(year)))
            .field("source")
            .values(old.as_deref(), source),
    )
}

impl Store {
    pub fn office_calendar(&self) -> Result<OfficeCalendar> {
        let c = self.conn();
        let mut out = OfficeCalendar::default();
        let mut st = c.prepare("SELECT year, source FROM calendar_year ORDER BY year")?;
        for r in st.query_map([], |r| Ok((r.get::<_, i32>(0)?, r.get::<_, String>(1)?)))? {
            let (y, s) = r?;
            out.years.insert(y, s);
        }
        let mut st = c.prepare("SELECT date, kind, name FROM calendar_day ORDER BY date")?;
        for r in st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })? {
            let (date, kind, name) = r?;
            let (Ok(d), Some(k)) = (
                NaiveDate::parse_from_str(&date, "%Y-%m-%d"),
                DayKind::from_code(&kind),
            ) else {
                return Err(StoreError::BadData(format!("calendar day {date} {kind}")));
            };
            out.days.push(OfficeDay {
                date: d,
                kind: k,
                name,
            });
        }
        Ok(out)
    }

    /// The official calendar with the office's own laid over it.
    pub fn calendar(&self) -> Result<Calendar> {
        let mut cal = Calendar::official();
        cal.merge(&self.office_calendar()?.to_calendar());
        Ok(cal)
    }
}
