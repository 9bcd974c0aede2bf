//! The deadline clocks of §7 with an injected clock, across National Day 2026 (1–7 October
//! off, Saturday 10 October a make-up working day) on the shipped calendar: the tidied
//! record is due 3 working days after the meeting (the make-up Saturday counts), the
//! minutes 7 calendar days after it (holidays do not stop the week); amber at 2 days
//! left, red when overdue; an overdue decision is counted and keeps its deadline.
#[path = "common/after.rs"]
mod after;

use chrono::{DateTime, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, Settings};
use huiwu::domain::Time;
use huiwu::i18n::Lang;
use huiwu::store::Store;
use huiwu::store::after::AfterChange;
use huiwu::store::change::Change;
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// A meeting on Wednesday 30 September 2026, decided and closed at 11:00; the app's clock
/// stands at `now`.
fn app_at(now: &str) -> App {
    let held = t("2026-09-30T09:30:00+08:00");
    let mut store = Store::open_in_memory("马丽").unwrap();
    let first_deadline = NaiveDate::from_ymd_opt(2026, 10, 8).unwrap();
    let id = after::decided_demo(&mut store, held, first_deadline);
    let close = Change::AfterMeeting {
        after: AfterChange::Close { meeting_id: id },
    };
    store
        .transact_at(t("2026-09-30T11:00:00+08:00"), |tx| close.apply(tx))
        .unwrap();
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::builtin("dark").unwrap(),
        keymap: Keymap::default(),
        writer: None,
    };
    let mut app = App::new(store, settings, Box::new(huiwu::domain::FixedClock(t(now)))).unwrap();
    app.handle_key(KeyEvent::new(KeyCode::F(4), KeyModifiers::NONE));
    app.tick();
    app
}

/// The text of each row, and the foreground colour where `needle` begins.
fn find(app: &App, needle: &str) -> (String, Option<Color>) {
    let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
    term.draw(|f| huiwu::ui::render(f, app)).unwrap();
    let buf = term.backend().buffer();
    let mut all = String::new();
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut cells = Vec::new();
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            cells.push((row.len(), x));
            row.push_str(sym);
            x += (sym.width() as u16).max(1);
        }
        if let Some(at) = row.find(needle) {
            let x = cells.iter().find(|(b, _)| *b == at).map(|(_, x)| *x);
            let fg = x.map(|x| buf[(x, y)].fg);
            return (row, fg);
        }
        all.push_str(&row);
        all.push('\n');
    }
    panic!("{needle} not on screen:\n{all}")
}

fn fg(app: &App, style: &str) -> Option<Color> {
    app.ctx.theme.style(style).fg
}

#[test]
fn before_the_make_up_saturday_the_record_is_amber_and_the_minutes_red() {
    let app = app_at("2026-10-09T10:00:00+08:00");
    // 8 Oct (1), 9 Oct (2), Saturday 10 Oct, a make-up working day (3).
    let (row, colour) = find(&app, "期限 2026-10-10 · 还剩 1 天");
    assert!(row.contains("记录整理"), "{row}");
    assert_eq!(colour, fg(&app, "flag.warn"), "amber at 2 days or fewer");
    // 一周内: 7 calendar days, through the holiday — due 7 October, 2 days late.
    let (row, colour) = find(&app, "期限 2026-10-07 · 逾期 2 天");
    assert!(row.contains("纪要"), "{row}");
    assert_eq!(colour, fg(&app, "flag.late"), "red when overdue");
}

#[test]
fn after_the_make_up_saturday_the_record_is_red() {
    let app = app_at("2026-10-12T09:00:00+08:00");
    let (_, colour) = find(&app, "期限 2026-10-10 · 逾期 2 天");
    assert_eq!(colour, fg(&app, "flag.late"));
}

#[test]
fn during_the_holiday_the_record_is_not_yet_amber() {
    // On 2 October three working days are still ahead (8, 9, 10 October): 8 days left.
    let app = app_at("2026-10-02T09:00:00+08:00");
    let (_, colour) = find(&app, "期限 2026-10-10 · 还剩 8 天");
    assert_ne!(colour, fg(&app, "flag.warn"));
    assert_ne!(colour, fg(&app, "flag.late"));
}

#[test]
fn an_overdue_decision_is_counted_and_keeps_its_deadline() {
    let mut app = app_at("2026-10-09T10:00:00+08:00");
    assert_eq!(app.overdue.count, 1, "due 8 October, not done on the 9th");
    let (row, _) = find(&app, "督办逾期 1");
    assert!(row.starts_with(" 会务"), "on the status line: {row}");
    let items = app.ctx.store.followup_items().unwrap();
    assert_eq!(items[0].deadline, NaiveDate::from_ymd_opt(2026, 10, 8));
    assert_eq!(
        items[0].status.code(),
        "in_progress",
        "overdue is not a status"
    );
    // On the deadline day itself it is not overdue.
    app.ctx.clock = Box::new(huiwu::domain::FixedClock(t("2026-10-08T18:00:00+08:00")));
    app.overdue.invalidate();
    app.tick();
    assert_eq!(app.overdue.count, 0);
}
