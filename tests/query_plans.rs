//! Issue 11, "Queries": every statement the screens run — at start, on a screen switch,
//! a pane, a filter, a keystroke, a tick — is read back with EXPLAIN QUERY PLAN, and a
//! full scan of a table that grows with history fails the test. The database holds a
//! year of generated meetings before the demo, so history is really there.
use std::collections::BTreeSet;
use std::sync::Mutex;

use chrono::{Datelike, Duration, NaiveTime, TimeZone};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, Settings};
use huiwu::i18n::Lang;
use huiwu::store::Store;
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rusqlite::trace::TraceEvent;

const NOW: &str = "2026-11-30T10:30:00+08:00";

/// Tables whose size does not grow with the years: configuration, the calendar, the
/// roster (people come and go; it stays in the hundreds), each terminal's session, the
/// commit marks (one per terminal that committed within a day), the edit leases (one
/// per record open for editing; released ones are deleted). And `json_each`: the list of
/// ids a statement was handed, not a table.
const BOUNDED: &[&str] = &[
    "app_meta",
    "calendar_day",
    "calendar_year",
    "commit_mark",
    "json_each",
    "lease",
    "person",
    "session",
];

static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record(e: TraceEvent<'_>) {
    if let TraceEvent::Stmt(_, sql) = e
        && let Ok(mut seen) = SEEN.lock()
    {
        seen.push(sql.to_string());
    }
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers, term: &mut Terminal<TestBackend>) {
    app.handle_key(KeyEvent::new(code, mods));
    app.tick();
    term.draw(|f| huiwu::ui::render(f, app)).unwrap();
}

fn press(app: &mut App, code: KeyCode, term: &mut Terminal<TestBackend>) {
    key(app, code, KeyModifiers::NONE, term);
}

fn chars(app: &mut App, s: &str, term: &mut Terminal<TestBackend>) {
    for c in s.chars() {
        press(app, KeyCode::Char(c), term);
    }
}

/// A year of weekly meetings before the demo, in a database file.
fn year_of_history(path: &std::path::Path) {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = Store::open(path, "马丽").unwrap();
    let demo = huiwu::demo::load(&mut store, now).unwrap();
    let start = store.meeting(demo).unwrap().unwrap().starts_at;
    let monday =
        start.date_naive() - Duration::days(i64::from(start.weekday().num_days_from_monday()));
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    let first = start
        .offset()
        .from_local_datetime(&monday.and_time(nine))
        .single()
        .unwrap();
    store.bulk_load(true).unwrap();
    let made = huiwu::demo::generate(&mut store, first, 1, 7, |_, _| {}).unwrap();
    store.bulk_load(false).unwrap();
    assert_eq!(made.meetings, 52);
    drop(store);
    // Generated history is demo data, which the back office leaves out: made real, so
    // the back office's reads return rows as they would in a bureau.
    rusqlite::Connection::open(path)
        .unwrap()
        .execute("UPDATE meeting SET is_demo = 0", [])
        .unwrap();
}

/// Drives every screen and pane the way the office and the recorder do.
fn use_every_screen(app: &mut App, term: &mut Terminal<TestBackend>) {
    let none = KeyModifiers::NONE;
    term.draw(|f| huiwu::ui::render(f, app)).unwrap();
    // The console: every pane, a check-in search, typing into the record.
    for _ in 0..5 {
        press(app, KeyCode::Tab, term);
    }
    chars(app, "会议研究", term);
    press(app, KeyCode::Down, term);
    press(app, KeyCode::Esc, term);
    app.overdue.invalidate();
    app.tick();
    // The back office: every pane by Alt-1…9, the topic filter and the roster's.
    press(app, KeyCode::F(3), term);
    for n in '1'..='9' {
        key(app, KeyCode::Char(n), KeyModifiers::ALT, term);
        press(app, KeyCode::Down, term);
        press(app, KeyCode::PageDown, term);
    }
    key(app, KeyCode::Char('3'), KeyModifiers::ALT, term);
    press(app, KeyCode::Char('f'), term);
    press(app, KeyCode::Esc, term);
    key(app, KeyCode::Char('8'), KeyModifiers::ALT, term);
    press(app, KeyCode::Char('/'), term);
    chars(app, "王", term);
    press(app, KeyCode::Esc, term);
    // After the meeting: every pane, the register's filters.
    press(app, KeyCode::F(4), term);
    for _ in 0..6 {
        press(app, KeyCode::Down, term);
        press(app, KeyCode::Tab, term);
    }
    for f in ['u', 'l', 'm'] {
        press(app, KeyCode::Char(f), term);
        press(app, KeyCode::Down, term);
        press(app, KeyCode::Esc, term);
    }
    key(app, KeyCode::F(2), none, term);
    app.tick();
}

/// The full scans of growing tables in one statement's plan. Not counted: a scan of a
/// subquery's own result (a co-routine or materialized view, named in the plan), and an
/// index walked in order and stopped by LIMIT (it reads only the rows it returns).
fn scans(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
    let Ok(mut st) = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")) else {
        return Vec::new();
    };
    // Parameters stay unbound (NULL): the plan is chosen from the statement alone.
    let mut rows = st.raw_query();
    let mut details = Vec::new();
    while let Some(r) = rows.next().unwrap() {
        details.push(r.get::<_, String>(3).unwrap());
    }
    let derived: Vec<String> = details
        .iter()
        .filter_map(|d| {
            let mut w = d.split_whitespace();
            match w.next() {
                Some("CO-ROUTINE" | "MATERIALIZE") => w.next().map(str::to_string),
                _ => None,
            }
        })
        .collect();
    let limited = sql.to_uppercase().contains(" LIMIT ");
    details
        .into_iter()
        .filter(|d| {
            let mut w = d.split_whitespace();
            let index_walk = d.contains(" USING INDEX ") || d.contains(" USING COVERING INDEX ");
            w.next() == Some("SCAN")
                && !(limited && index_walk)
                && w.next().is_some_and(|t| {
                    t != "CONSTANT" && !BOUNDED.contains(&t) && !derived.iter().any(|x| x == t)
                })
        })
        .collect()
}

#[test]
fn no_screen_scans_a_table_that_grows_with_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiwu.db");
    year_of_history(&path);
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let store = Store::open(&path, "马丽").unwrap();
    store.trace(Some(record));
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::builtin("dark").unwrap(),
        keymap: Keymap::default(),
        writer: None,
    };
    let mut app = App::new(store, settings, Box::new(huiwu::domain::FixedClock(now))).unwrap();
    let mut term = Terminal::new(TestBackend::new(140, 40)).unwrap();
    use_every_screen(&mut app, &mut term);
    let seen: BTreeSet<String> = SEEN.lock().unwrap().iter().cloned().collect();
    assert!(
        seen.iter().any(|s| s.contains("decision")),
        "the screens asked nothing of the decisions: the drive missed F4"
    );
    if std::env::var_os("SHOW_SQL").is_some() {
        for s in &seen {
            eprintln!("{s}\n");
        }
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut bad = Vec::new();
    for sql in &seen {
        let found = scans(&conn, sql);
        if !found.is_empty() {
            bad.push(format!("{}\n    → {}", sql.trim(), found.join("; ")));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} statements scan a growing table:\n\n{}",
        bad.len(),
        seen.len(),
        bad.join("\n\n")
    );
}
