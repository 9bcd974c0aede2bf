use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, Settings};
use huiwu::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app_with(theme: &str) -> App {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:14:00+08:00").unwrap();
    let mut store = huiwu::store::Store::open_in_memory("测试员").unwrap();
    huiwu::demo::load(&mut store, now).unwrap();
    let settings = Settings { lang: huiwu::i18n::Lang::Zh, theme: Theme::builtin(theme).unwrap(), keymap: Keymap::default(), writer: None };
    App::new(store, settings, Box::new(huiwu::domain::FixedClock(now))).unwrap()
}

fn dump(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

#[test]
fn probe() {
    let mut app = app_with("dark");
    for (w, h) in [(120, 36), (80, 24)] {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| huiwu::ui::render(f, &app)).unwrap();
        println!("{}", dump(&term));
        println!("{:?}", term.get_cursor_position());
    }
    app.handle_key(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE));
    let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
    term.draw(|f| huiwu::ui::render(f, &app)).unwrap();
    println!("{}", dump(&term));
}
