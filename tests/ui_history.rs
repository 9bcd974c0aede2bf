//! Years of history on the after-meeting screen (issue 11): the list of meetings is read a
//! page at a time and still reaches the oldest; the register holds every open item and
//! the rest from last year on, and `[` reaches a year further back.
use chrono::{Datelike, Duration, NaiveTime, TimeZone};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::followup::MEETINGS_PAGE;
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, Settings};
use huiwu::i18n::Lang;
use huiwu::store::Store;
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const NOW: &str = "2026-11-30T10:30:00+08:00";

/// The demo with `years` of weekly meetings before it.
fn app_with_history(years: u32) -> App {
    let mut store = Store::open_in_memory("马丽").unwrap();
    history(&mut store, years);
    app_on(store)
}

fn history(store: &mut Store, years: u32) {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let demo = huiwu::demo::load(store, now).unwrap();
    let start = store.meeting(demo).unwrap().unwrap().starts_at;
    let monday =
        start.date_naive() - Duration::days(i64::from(start.weekday().num_days_from_monday()));
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    let first = start
        .offset()
        .from_local_datetime(&monday.and_time(nine))
        .single()
        .unwrap();
    huiwu::demo::generate(store, first, years, 3, |_, _| {}).unwrap();
}

fn app_on(store: Store) -> App {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::builtin("dark").unwrap(),
        keymap: Keymap::default(),
        writer: None,
    };
    App::new(store, settings, Box::new(huiwu::domain::FixedClock(now))).unwrap()
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    app.tick();
}

fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(140, 40)).unwrap();
    term.draw(|f| huiwu::ui::render(f, app)).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += (sym.width() as u16).max(1);
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_meeting_list_reads_a_page_at_a_time_and_reaches_the_oldest() {
    let mut app = app_with_history(3);
    press(&mut app, KeyCode::F(4));
    assert_eq!(
        app.followup.meetings.len(),
        MEETINGS_PAGE,
        "three years are not read to show one screen"
    );
    for _ in 0..40 {
        press(&mut app, KeyCode::PageDown);
    }
    // 156 generated weeks and the demo: the last one reached is three years back.
    assert_eq!(app.followup.meetings.len(), 157);
    let oldest = app.followup.meetings.last().unwrap().starts_at;
    assert_eq!(oldest.year(), 2023);
    let s = screen(&app);
    let day = oldest.format("%Y-%m-%d").to_string();
    assert!(
        s.contains(&day),
        "the oldest meeting {day} is on screen:\n{s}"
    );
}

#[test]
fn the_register_holds_open_items_and_recent_years_and_reaches_back() {
    let mut app = app_with_history(3);
    press(&mut app, KeyCode::F(4));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let s = screen(&app);
    assert!(s.contains("自2025年起"), "{s}");
    // Open items reach back years: their dates say which year (the list pane's rows
    // start with the status, then deadline and meeting day).
    assert!(
        s.lines()
            .any(|l| l.contains("落实中（逾期） 2024-") && l.contains(" 2024-01-01 ")),
        "{s}"
    );
    assert!(
        s.contains(" 2024-01-01 关于"),
        "the meeting's earlier decisions too\n{s}"
    );
    let before = app.followup.items.len();
    assert!(
        app.followup
            .items
            .iter()
            .all(|i| i.status != huiwu::domain::followup::Status::Done
                || i.meeting_date.year() >= 2025),
        "items done before 2025 wait for ["
    );
    press(&mut app, KeyCode::Char('['));
    let s = screen(&app);
    assert!(s.contains("自2024年起"), "{s}");
    assert!(
        app.followup.items.len() > before,
        "a year further back adds its items: {} then {}",
        before,
        app.followup.items.len()
    );
}

#[test]
fn the_back_office_reads_the_last_quarter_and_every_meeting_still_to_hold() {
    use huiwu::domain::meeting::MeetingStatus;
    // Generated history is demo data, which the back office never shows: made real here,
    // as a bureau's own three years would be.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiwu.db");
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    {
        let mut store = Store::open(&path, "马丽").unwrap();
        history(&mut store, 3);
    }
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE meeting SET is_demo = 0", [])
        .unwrap();
    let store = Store::open(&path, "马丽").unwrap();
    let app = app_on(store);
    let since = now - Duration::days(huiwu::store::office_view::OfficeView::WINDOW_DAYS);
    let read = &app.backoffice.view.meetings;
    assert!(
        (13..=16).contains(&read.len()),
        "a quarter of weekly meetings and the one to hold, not three years: {}",
        read.len()
    );
    assert!(read.iter().all(|m| m.starts_at >= since
        || matches!(m.status, MeetingStatus::Planned | MeetingStatus::InProgress)));
    // The topics of those meetings are there to work on; older ones are not read.
    let topics = &app.backoffice.view.topics;
    assert!(topics.len() >= 5 * 13, "{}", topics.len());
    assert!(topics.iter().all(|t| {
        t.meeting_id
            .is_none_or(|id| read.iter().any(|m| m.id == id))
    }));
}

/// Loading the demo again once history is there finds the demo itself, not the oldest
/// generated meeting: `huiwu demo --years N` run twice does not write history twice.
#[test]
fn the_demo_is_found_again_after_its_history() {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = Store::open_in_memory("马丽").unwrap();
    let demo = huiwu::demo::load(&mut store, now).unwrap();
    history(&mut store, 1);
    assert_eq!(huiwu::demo::load(&mut store, now).unwrap(), demo);
    let start = store.meeting(demo).unwrap().unwrap().starts_at;
    assert_eq!(store.meetings_before(start).unwrap(), 52);
}
