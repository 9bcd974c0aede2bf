//! Every terminal size from 1×1 up (issue 10): the console, F1 help, a form, the picker
//! and the lock are drawn at each without a panic, and the cursor stays on the screen.
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, Settings};
use huiwu::domain::FixedClock;
use huiwu::i18n::Lang;
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn demo() -> App {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:14:00+08:00").expect("time");
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

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Sizes to try: every one up to 24×12, then a grid up to 200×60.
fn sizes() -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for w in 1..=24 {
        for h in 1..=12 {
            out.push((w, h));
        }
    }
    for w in (25..=200).step_by(11) {
        for h in (1..=60).step_by(7) {
            out.push((w, h));
        }
    }
    out.extend([(79, 23), (80, 24), (81, 25), (120, 36)]);
    out
}

fn draw_everywhere(app: &mut App, what: &str) {
    let mut term = Terminal::new(TestBackend::new(1, 1)).expect("term");
    for (w, h) in sizes() {
        term.backend_mut().resize(w, h);
        term.resize(ratatui::layout::Rect::new(0, 0, w, h))
            .expect("resize");
        app.handle_event(Event::Resize(w, h));
        term.draw(|f| huiwu::ui::render(f, app))
            .unwrap_or_else(|e| panic!("{what} at {w}×{h}: {e}"));
        if term.backend().cursor_visible() {
            let c = term.get_cursor_position().expect("cursor");
            assert!(
                c.x < w && c.y < h,
                "{what} at {w}×{h}: cursor {c:?} off screen"
            );
        }
    }
}

#[test]
fn every_size_draws_every_layer_without_a_panic() {
    let mut app = demo();
    app.handle_event(Event::Paste("甲乙丙丁戊己庚辛".repeat(40)));
    draw_everywhere(&mut app, "the console");
    app.resized(120, 36);
    press(&mut app, KeyCode::F(1));
    draw_everywhere(&mut app, "help");
    app.resized(120, 36);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(3));
    draw_everywhere(&mut app, "the picker");
    app.resized(120, 36);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    draw_everywhere(&mut app, "a form");
    press(&mut app, KeyCode::F(12));
    assert!(app.locked());
    draw_everywhere(&mut app, "the lock");
}

/// However narrow the terminal, the footer keeps help and quit (at 80 columns Ctrl-Q
/// fell off the end behind the screen's own keys).
#[test]
fn the_footer_keeps_help_and_quit_at_80_columns() {
    for screen in [None, Some(crossterm::event::KeyCode::F(4))] {
        let mut app = demo();
        if let Some(k) = screen {
            app.handle_key(crossterm::event::KeyEvent::new(
                k,
                crossterm::event::KeyModifiers::NONE,
            ));
        }
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        term.draw(|f| huiwu::ui::render(f, &app)).unwrap();
        let buf = term.backend().buffer();
        // A wide character's second cell is not text of its own.
        let mut footer = String::new();
        let mut x = 0;
        while x < 80 {
            let sym = buf[(x, 23)].symbol();
            footer.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        assert!(footer.contains("F1 帮助"), "{footer}");
        assert!(footer.contains("C-q 退出"), "{footer}");
    }
}
