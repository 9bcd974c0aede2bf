//! The calendar file: holidays and make-up working days per year, in TOML (R7).
//!
//! The official calendar ships as `calendars/cn.toml` (compiled in, naming its source:
//! the State Council's notice for each year); an office may add its own files in the same
//! format. Files are read in order and later ones win for a date they both name.
//!
//! ```toml
//! [[year]]
//! year = 2026
//! source = "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）"
//! holidays = [ { name = "元旦", from = 2026-01-01, to = 2026-01-03 } ]
//! makeup_days = [ { date = 2026-01-04, for = "元旦" } ]
//! ```
//!
//! Parsing touches no file: the caller reads the text and names it; errors give the
//! 1-based line, like the config file's.
use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::calendar::Calendar;

/// The official calendar, as shipped (`calendars/cn.toml`).
pub const OFFICIAL: &str = include_str!("../../calendars/cn.toml");

/// Name under which the official calendar's errors are reported.
pub const OFFICIAL_NAME: &str = "calendars/cn.toml";

/// What is wrong in a calendar file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarErrorKind {
    /// Not TOML, or a key or value the format does not have (the parser's words).
    #[error("{0}")]
    Syntax(String),
    #[error("expected a date such as 2026-01-01, without quotes or a time")]
    NotADate,
    #[error("year {0} is out of range")]
    YearOutOfRange(i64),
    #[error("year {0} is described twice in this file")]
    DuplicateYear(i32),
    #[error("year {0} does not say where its dates come from (source = \"...\")")]
    MissingSource(i32),
    #[error("{date} is not in year {year}")]
    OutsideYear { date: NaiveDate, year: i32 },
    #[error("the holiday ends ({to}) before it begins ({from})")]
    FromAfterTo { from: NaiveDate, to: NaiveDate },
    #[error("make-up day {0} is a weekday, which is a working day anyway")]
    MakeupOnWeekday(NaiveDate),
    #[error("{0} is named both a holiday and a make-up day")]
    HolidayAndMakeup(NaiveDate),
}

/// A calendar file could not be used: which file, which line, what.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{kind}", at(.file, .line))]
pub struct CalendarError {
    /// The name the caller gave the text (a path), if any.
    pub file: Option<String>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    pub kind: CalendarErrorKind,
}

fn at(file: &Option<String>, line: &Option<usize>) -> String {
    match (file, line) {
        (Some(f), Some(l)) => format!("{f}:{l}: "),
        (Some(f), None) => format!("{f}: "),
        (None, Some(l)) => format!("line {l}: "),
        (None, None) => String::new(),
    }
}

/// 1-based line containing byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    year: Vec<RawYear>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: Spanned<i64>,
    #[serde(default)]
    source: String,
    #[serde(default)]
    holidays: Vec<RawHoliday>,
    #[serde(default)]
    makeup_days: Vec<RawMakeup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    #[serde(default)]
    #[allow(dead_code)]
    name: String,
    from: Spanned<Datetime>,
    to: Option<Spanned<Datetime>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMakeup {
    date: Spanned<Datetime>,
    #[serde(rename = "for", default)]
    #[allow(dead_code)]
    for_holiday: String,
}

/// Parses one calendar file's text.
struct Parser<'a> {
    text: &'a str,
}

impl Parser<'_> {
    fn err(&self, span_start: usize, kind: CalendarErrorKind) -> CalendarError {
        CalendarError {
            file: None,
            line: Some(line_of(self.text, span_start)),
            kind,
        }
    }

    fn date(&self, value: &Spanned<Datetime>) -> Result<NaiveDate, CalendarError> {
        let dt = value.get_ref();
        let date = match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            }
            _ => None,
        };
        date.ok_or_else(|| self.err(value.span().start, CalendarErrorKind::NotADate))
    }

    fn in_year(&self, value: &Spanned<Datetime>, year: i32) -> Result<NaiveDate, CalendarError> {
        let date = self.date(value)?;
        if date.year() != year {
            return Err(self.err(
                value.span().start,
                CalendarErrorKind::OutsideYear { date, year },
            ));
        }
        Ok(date)
    }

    fn year(&self, raw: &RawYear, cal: &mut Calendar) -> Result<(), CalendarError> {
        let start = raw.year.span().start;
        let year = i32::try_from(*raw.year.get_ref())
            .ok()
            .filter(|y| (1900..=9999).contains(y))
            .ok_or_else(|| {
                self.err(
                    start,
                    CalendarErrorKind::YearOutOfRange(*raw.year.get_ref()),
                )
            })?;
        if cal.years.contains(&year) {
            return Err(self.err(start, CalendarErrorKind::DuplicateYear(year)));
        }
        if raw.source.trim().is_empty() {
            return Err(self.err(start, CalendarErrorKind::MissingSource(year)));
        }
        let mut holidays = BTreeSet::new();
        for h in &raw.holidays {
            let from = self.in_year(&h.from, year)?;
            let to = match &h.to {
                Some(to) => self.in_year(to, year)?,
                None => from,
            };
            if to < from {
                let start =
                    h.to.as_ref()
                        .map_or(h.from.span().start, |t| t.span().start);
                return Err(self.err(start, CalendarErrorKind::FromAfterTo { from, to }));
            }
            holidays.extend(from.iter_days().take_while(|d| *d <= to));
        }
        for m in &raw.makeup_days {
            let date = self.in_year(&m.date, year)?;
            let start = m.date.span().start;
            if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(self.err(start, CalendarErrorKind::MakeupOnWeekday(date)));
            }
            if holidays.contains(&date) {
                return Err(self.err(start, CalendarErrorKind::HolidayAndMakeup(date)));
            }
            cal.makeup_days.insert(date);
        }
        cal.holidays.extend(holidays);
        cal.years.insert(year);
        cal.sources
            .entry(year)
            .or_default()
            .push(raw.source.trim().to_string());
        Ok(())
    }
}

impl Calendar {
    /// Parses the text of one calendar file.
    pub fn parse(text: &str) -> Result<Calendar, CalendarError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| CalendarError {
            file: None,
            line: e.span().map(|s| line_of(text, s.start)),
            kind: CalendarErrorKind::Syntax(e.message().to_string()),
        })?;
        let parser = Parser { text };
        let mut cal = Calendar::default();
        for y in &raw.year {
            parser.year(y, &mut cal)?;
        }
        Ok(cal)
    }

    /// Parses several files, `(name, text)`, in order, and merges them: a later file wins
    /// for a date it names. An error names the file it is in.
    pub fn load(files: &[(&str, &str)]) -> Result<Calendar, CalendarError> {
        let mut cal = Calendar::default();
        for (name, text) in files {
            let one = Calendar::parse(text).map_err(|mut e| {
                e.file = Some((*name).to_string());
                e
            })?;
            cal.merge(&one);
        }
        Ok(cal)
    }

    /// The official calendar shipped with the program. Should it ever fail to parse (a
    /// test guards it), the calendar is empty, so that every deadline warns of an
    /// uncovered year rather than trusting a bare weekday count.
    pub fn official() -> Calendar {
        Calendar::parse(OFFICIAL).unwrap_or_default()
    }

    /// The official calendar with an office's own files on top, `(name, text)` each.
    pub fn official_with(extra: &[(&str, &str)]) -> Result<Calendar, CalendarError> {
        let mut files = vec![(OFFICIAL_NAME, OFFICIAL)];
        files.extend_from_slice(extra);
        Calendar::load(&files)
    }
}
