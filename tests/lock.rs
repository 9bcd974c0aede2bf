//! The screen lock (issue 10), on a TestBackend with the demo meeting: F12 and the idle
//! timeout hide everything of the record; with a passphrase only it unlocks, without one
//! any key does (and the lock screen says so); an open form and unsaved text survive it,
//! and the save queue keeps working under it.
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::console::Pane;
use huiwu::app::keymap::Keymap;
use huiwu::app::layer::LayerKind;
use huiwu::app::{App, Settings};
use huiwu::domain::FixedClock;
use huiwu::i18n::Lang;
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const NOW: &str = "2026-11-30T09:14:00+08:00";

fn demo() -> App {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).expect("time");
    let mut store = huiwu::store::Store::open_in_memory("测试员").expect("store");
    huiwu::demo::load(&mut store, now).expect("demo");
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::default(),
        keymap: Keymap::default(),
        writer: None,
    };
    App::new(store, settings, Box::new(FixedClock(now))).expect("app")
}

fn with_passphrase(app: &mut App, pass: &str) {
    let hash = huiwu::passphrase::hash_with(pass, huiwu::passphrase::cheap_params()).expect("hash");
    app.ctx.store.set_passphrase_hash(Some(&hash)).expect("set");
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn ctrl(app: &mut App, c: char) {
    app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The screen as rows of text (a wide character's second cell left out).
fn screen(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("term");
    term.draw(|f| huiwu::ui::render(f, app)).expect("draw");
    let buf = term.backend().buffer();
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut skip = false;
            for x in 0..w {
                if skip {
                    skip = false;
                    continue;
                }
                let s = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(s) > 1;
                row.push_str(s);
            }
            row
        })
        .collect()
}

fn text(app: &App) -> String {
    screen(app, 120, 36).join("\n")
}

fn entry_text(app: &App) -> String {
    app.console
        .procedure
        .focused_ref()
        .map(|e| e.text())
        .unwrap_or_default()
}

/// What no locked screen may show: record text, names, the save state, the operator.
const SECRETS: [&str; 7] = [
    "入冬以来",
    "王建国",
    "冬季治安防范",
    "操作员 ",
    "测试员",
    "已保存",
    "签到",
];

fn assert_hidden(app: &App) {
    for (w, h) in [(120, 36), (80, 24), (200, 60), (40, 10)] {
        let s = screen(app, w, h).join("\n");
        for secret in SECRETS {
            assert!(!s.contains(secret), "{w}×{h} shows {secret}:\n{s}");
        }
        assert!(s.contains("已锁定"), "{w}×{h}:\n{s}");
        assert!(s.contains("09:14:00"), "the clock stays: {w}×{h}\n{s}");
    }
}

#[test]
fn f12_hides_the_record_and_without_a_passphrase_any_key_unlocks() {
    let mut app = demo();
    assert!(text(&app).contains("入冬以来"));
    press(&mut app, KeyCode::F(12));
    assert!(app.locked());
    assert_hidden(&app);
    assert!(
        text(&app).contains("未设置口令：按任意键解锁"),
        "{}",
        text(&app)
    );
    // The key that unlocks goes nowhere else.
    let before = entry_text(&app);
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.locked());
    assert_eq!(entry_text(&app), before);
    assert!(text(&app).contains("入冬以来"));
}

#[test]
fn with_a_passphrase_only_the_passphrase_unlocks_and_nothing_typed_reaches_the_record() {
    let mut app = demo();
    with_passphrase(&mut app, "冬防2026");
    let before = entry_text(&app);
    press(&mut app, KeyCode::F(12));
    let s = text(&app);
    assert!(s.contains("输入操作员口令"), "{s}");
    type_str(&mut app, "冬防2025");
    // Only dots, never the characters.
    assert!(text(&app).contains("口令：••••••"), "{}", text(&app));
    assert!(!text(&app).contains("冬防"));
    press(&mut app, KeyCode::Enter);
    assert!(app.locked());
    assert!(text(&app).contains("口令错误"));
    assert_hidden(&app);
    // Keys that would do things on the console do nothing here.
    for k in [KeyCode::Tab, KeyCode::F(6), KeyCode::F(8), KeyCode::F(1)] {
        press(&mut app, k);
    }
    ctrl(&mut app, 'q');
    assert!(
        !app.quit(),
        "quitting would close an open form: not from the lock"
    );
    app.handle_event(Event::Paste("粘贴".into()));
    assert!(app.locked());
    ctrl(&mut app, 'u');
    type_str(&mut app, "冬防2026");
    press(&mut app, KeyCode::Enter);
    assert!(!app.locked(), "{}", text(&app));
    assert_eq!(entry_text(&app), before, "nothing typed under the lock");
    assert_eq!(app.console.focus, Pane::Procedure);
    assert!(app.ctx.layers.is_empty());
}

#[test]
fn an_open_form_and_unsaved_text_survive_the_lock_and_saving_goes_on_under_it() {
    let mut app = demo();
    with_passphrase(&mut app, "pw");
    // Words the database cannot take yet (it may not grow: a full disk).
    let pages = app.ctx.store.page_count().expect("pages");
    app.ctx.store.limit_pages(Some(pages)).expect("limit");
    let words = "锁前的话".repeat(3000);
    app.handle_event(Event::Paste(words.clone()));
    app.flush(true);
    let topic = app.console.procedure.topic_id.expect("topic");
    let stored = |app: &App| {
        app.ctx
            .store
            .entries(topic)
            .expect("entries")
            .into_iter()
            .map(|e| e.text)
            .collect::<String>()
    };
    assert!(!stored(&app).contains(&words), "not on the disk yet");
    // A form open on the decision, half filled.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.console.focus, Pane::Decision);
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste("同意".into()));
    press(&mut app, KeyCode::F(12));
    assert!(app.locked());
    // The save queue works under the lock: space again, and the words reach the disk.
    app.ctx.store.limit_pages(None).expect("unlimit");
    std::thread::sleep(Duration::from_millis(600));
    app.tick();
    assert!(stored(&app).contains(&words), "saved while locked");
    assert_hidden(&app);
    type_str(&mut app, "pw");
    press(&mut app, KeyCode::Enter);
    assert!(!app.locked());
    let form = match app.ctx.layers.top().map(|l| &l.kind) {
        Some(LayerKind::Form(f)) => f.get("text"),
        _ => panic!("the form is gone"),
    };
    assert_eq!(form, "同意");
    ctrl(&mut app, 's');
    app.flush(true);
    let d = app.ctx.store.decision(topic).expect("read").expect("saved");
    assert_eq!(d.text, "同意");
}

#[test]
fn the_lock_comes_by_itself_after_the_idle_time_and_never_when_it_is_off() {
    let mut app = demo();
    app.ctx.lock_after = Some(Duration::from_millis(30));
    type_str(&mut app, "甲");
    app.tick();
    assert!(!app.locked(), "not idle yet");
    std::thread::sleep(Duration::from_millis(60));
    app.tick();
    assert!(app.locked(), "idle: locked");
    assert_hidden(&app);
    press(&mut app, KeyCode::Enter);
    assert!(!app.locked());
    app.ctx.lock_after = None;
    std::thread::sleep(Duration::from_millis(60));
    app.tick();
    assert!(!app.locked(), "lock_after_minutes = 0: never");
}

#[test]
fn config_lock_after_minutes_defaults_to_10_and_0_is_never() {
    use huiwu::config::Config;
    let c = Config::parse("").expect("empty");
    assert_eq!(c.lock_after(), Some(Duration::from_secs(600)));
    let c = Config::parse("lock_after_minutes = 0").expect("zero");
    assert_eq!(c.lock_after(), None);
    let c = Config::parse("lock_after_minutes = 3").expect("three");
    assert_eq!(c.lock_after(), Some(Duration::from_secs(180)));
    let (c, problems) = Config::parse_lenient("lock_after_minutes = \"ten\"\noperator = \"高敏\"");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line(), Some(1));
    assert_eq!(c.operator.as_deref(), Some("高敏"), "the good line is kept");
    assert_eq!(c.lock_after(), Some(Duration::from_secs(600)));
}

#[test]
fn f12_is_in_the_keymap_so_help_lists_it_and_it_locks_over_a_form_and_a_small_window() {
    let mut app = demo();
    press(&mut app, KeyCode::F(1));
    assert!(text(&app).contains("F12 锁屏"), "F1 help lists it");
    press(&mut app, KeyCode::Esc);
    // The footer shows it where there is room.
    let wide = screen(&app, 160, 40);
    assert!(wide[39].contains("F12 锁屏"), "{}", wide[39]);
    // Over a form.
    press(&mut app, KeyCode::F(3));
    assert!(!app.ctx.layers.is_empty());
    press(&mut app, KeyCode::F(12));
    assert!(app.locked());
    press(&mut app, KeyCode::Esc);
    assert!(!app.locked());
    assert!(
        matches!(
            app.ctx.layers.top().map(|l| &l.kind),
            Some(LayerKind::Picker(_))
        ),
        "the picker is still open"
    );
    press(&mut app, KeyCode::Esc);
    // In a window too small to show the console.
    app.resized(30, 8);
    press(&mut app, KeyCode::F(12));
    assert!(app.locked());
    for (w, h) in [(30, 8), (1, 1), (2, 1), (1, 3), (12, 2)] {
        let s = screen(&app, w, h).join("\n");
        for secret in SECRETS {
            assert!(!s.contains(secret), "{w}×{h}: {s}");
        }
    }
}
