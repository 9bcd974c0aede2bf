//! 日历: working days (R7) — the official calendar shipped with the program, and what
//! the office adds on top from this screen or from a file in the same format: a year's
//! holidays and make-up days once the State Council publishes them, a local day off.
use chrono::{Datelike, NaiveDate};

use super::ask::Ask;
use super::import::read_text;
use super::{BackOffice, Pane};
use crate::app::ctx::Ctx;
use crate::app::form::{Choice, Field, FieldKind, Form};
use crate::app::layer::Verdict;
use crate::domain::calendar::Calendar;
use crate::domain::intake::{ascii_digits, parse_date};
use crate::domain::validate::{FieldProblem, Problem};
use crate::i18n;
use crate::store::calendar::{CalendarChange, DayKind, OfficeDay};
use crate::store::change::Change;

/// A row of the calendar pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarRow {
    /// A year covered, its sources, and whether the office declared it.
    Year {
        year: i32,
        sources: Vec<String>,
        office: bool,
    },
    /// A year the coming deadlines run into that nobody has described.
    Uncovered(i32),
    /// A day the office named.
    Day(OfficeDay),
}

impl BackOffice {
    fn calendar_rows_for(&self, cal: &Calendar, today: NaiveDate) -> Vec<CalendarRow> {
        let mut rows: Vec<CalendarRow> = cal
            .years
            .iter()
            .map(|y| CalendarRow::Year {
                year: *y,
                sources: cal.sources.get(y).cloned().unwrap_or_default(),
                office: self.view.calendar.years.contains_key(y),
            })
            .collect();
        // Deadlines fall in this year, the next, and the meeting's own.
        let mut years = vec![today.year(), today.year() + 1];
        years.extend(self.meeting().map(|m| m.starts_at.year()));
        years.sort_unstable();
        years.dedup();
        for y in years {
            if !cal.covers(y) {
                rows.push(CalendarRow::Uncovered(y));
            }
        }
        rows.extend(
            self.view
                .calendar
                .days
                .iter()
                .cloned()
                .map(CalendarRow::Day),
        );
        rows
    }

    pub fn calendar_rows(&self) -> Vec<CalendarRow> {
        let mut cal = Calendar::official();
        cal.merge(&self.view.calendar.to_calendar());
        self.calendar_rows_for(&cal, self.today)
    }

    pub(super) fn open_add_day(&mut self, ctx: &mut Ctx) {
        let kinds = vec![
            Choice::new("holiday", ctx.t(&i18n::HOLIDAY)),
            Choice::new("makeup_day", ctx.t(&i18n::MAKEUP_DAY)),
        ];
        let form = Form::new(
            i18n::FORM_DAY,
            String::new(),
            vec![
                Field::date("date", i18n::F_DATE, ""),
                Field::new(
                    "kind",
                    i18n::F_DAY_KIND,
                    FieldKind::Choice(kinds),
                    "holiday",
                ),
                Field::text("name", i18n::F_DAY_NAME, ""),
            ],
        );
        ctx.open_form(form, Ask::AddDay);
    }

    pub(super) fn submit_add_day(&mut self, ctx: &mut Ctx, form: &mut Form) -> Verdict {
        let Some(date) = parse_date(&form.get("date"), ctx.now().year()) else {
            form.set_problems(ctx.lang, &[FieldProblem::new("date", Problem::BadDate)]);
            return Verdict::Keep;
        };
        let kind = if form.get("kind") == "makeup_day" {
            DayKind::MakeupDay
        } else {
            DayKind::Holiday
        };
        self.record(
            ctx,
            vec![Change::Calendar(CalendarChange::Day {
                date,
                kind: Some(kind),
                name: form.get("name").trim().to_string(),
            })],
        );
        if !ctx.calendar.covers(date.year()) {
            ctx.warn(i18n::year_not_declared(ctx.lang, date.year()));
        }
        Verdict::Done
    }

    pub(super) fn remove_day(&mut self, ctx: &mut Ctx) {
        let Some(CalendarRow::Day(d)) = self.calendar_rows().get(self.sel(Pane::Calendar)).cloned()
        else {
            let w = ctx.t(&i18n::SELECT_OFFICE_DAY);
            return ctx.warn(w);
        };
        self.record(
            ctx,
            vec![Change::Calendar(CalendarChange::Day {
                date: d.date,
                kind: None,
                name: String::new(),
            })],
        );
    }

    pub(super) fn open_declare_year(&mut self, ctx: &mut Ctx) {
        let year = match self.calendar_rows().get(self.sel(Pane::Calendar)) {
            Some(CalendarRow::Uncovered(y) | CalendarRow::Year { year: y, .. }) => *y,
            _ => ctx.now().year() + 1,
        };
        let source = self
            .view
            .calendar
            .years
            .get(&year)
            .cloned()
            .unwrap_or_default();
        let form = Form::new(
            i18n::FORM_YEAR,
            ctx.t(&i18n::YEAR_HINT),
            vec![
                Field::text("year", i18n::F_YEAR, &year.to_string()),
                Field::text("source", i18n::F_SOURCE, &source),
            ],
        );
        ctx.open_form(form, Ask::DeclareYear);
    }

    pub(super) fn submit_declare_year(&mut self, ctx: &mut Ctx, form: &mut Form) -> Verdict {
        let year = ascii_digits(form.get("year").trim()).parse::<i32>().ok();
        let source = form.get("source").trim().to_string();
        let mut p = Vec::new();
        if !year.is_some_and(|y| (1900..=9999).contains(&y)) {
            p.push(FieldProblem::new("year", Problem::BadNumber));
        }
        if source.is_empty() {
            p.push(FieldProblem::new("source", Problem::Required));
        }
        let (Some(year), true) = (year, p.is_empty()) else {
            form.set_problems(ctx.lang, &p);
            return Verdict::Keep;
        };
        self.record(
            ctx,
            vec![Change::Calendar(CalendarChange::Year {
                year,
                source: Some(source),
            })],
        );
        Verdict::Done
    }

    pub(super) fn open_import_calendar(&mut self, ctx: &mut Ctx) {
        let form = Form::new(
            i18n::FORM_IMPORT_CALENDAR,
            ctx.t(&i18n::CALENDAR_FILE_HINT),
            vec![Field::text("path", i18n::F_PATH, "")],
        );
        ctx.open_form(form, Ask::ImportCalendar);
    }

    /// A calendar file in the official format: every year it describes and its days.
    pub(super) fn submit_import_calendar(&mut self, ctx: &mut Ctx, form: &mut Form) -> Verdict {
        let path = form.get("path").trim().to_string();
        let text = match read_text(&path) {
            Ok(t) => t,
            Err(why) => {
                form.error = Some(i18n::cannot_read(ctx.lang, &path, &why));
                return Verdict::Keep;
            }
        };
        let cal = match Calendar::load(&[(path.as_str(), text.as_str())]) {
            Ok(c) => c,
            Err(e) => {
                form.error = Some(e.to_string());
                return Verdict::Keep;
            }
        };
        let name = std::path::Path::new(&path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let years = cal
            .years
            .iter()
            .map(|y| {
                (
                    *y,
                    cal.sources.get(y).map(|s| s.join("；")).unwrap_or_default(),
                )
            })
            .collect();
        let day = |date: &NaiveDate, kind| OfficeDay {
            date: *date,
            kind,
            name: name.clone(),
        };
        let mut days: Vec<OfficeDay> = cal
            .holidays
            .iter()
            .map(|d| day(d, DayKind::Holiday))
            .collect();
        days.extend(cal.makeup_days.iter().map(|d| day(d, DayKind::MakeupDay)));
        let n = cal.years.len();
        self.record(
            ctx,
            vec![Change::Calendar(CalendarChange::Import { years, days })],
        );
        ctx.say(i18n::calendar_imported(ctx.lang, n));
        Verdict::Done
    }
}
