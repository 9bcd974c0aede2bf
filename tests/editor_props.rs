//! Property: whatever the recorder types, deletes, undoes, pastes, wherever they move and
//! however the window is sized, nothing panics and, once flushed, the store holds exactly
//! what every editor shows.
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, Settings};
use huiwu::i18n::Lang;
use huiwu::theme::Theme;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn demo_app() -> App {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:14:00+08:00").unwrap();
    let mut store = huiwu::store::Store::open_in_memory("测试员").unwrap();
    huiwu::demo::load(&mut store, now).unwrap();
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::builtin("dark").unwrap(),
        keymap: Keymap::default(),
        writer: None,
    };
    App::new(store, settings, Box::new(huiwu::domain::FixedClock(now))).unwrap()
}

#[derive(Clone, Debug)]
enum Op {
    Char(char),
    Enter,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    Undo,
    Redo,
    /// The textarea's own Ctrl keys (kill line, delete word, yank, …).
    Ctrl(char),
    Paste(String),
    Step(u8),
    NextStep,
    PrevStep,
    NextEntry,
    PrevEntry,
    /// F3, move down the list, Enter: a new entry for that speaker (or a name off the list).
    Pick(u8),
    PickOffList,
    Resize(u16, u16),
    Render,
    Tick,
    Flush,
}

fn chars() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range(' ', '~'),
        6 => proptest::sample::select(vec![
            '你', '好', '会', '议', '决', '定', '王', '建', '国', '，', '。', '：', '（', '）',
            '“', '”', '嘎', '鲁', '图',
        ]),
        1 => proptest::sample::select(vec!['😀', '\u{301}', 'é', 'ｱ', '\u{200b}', '·']),
    ]
}

fn ops() -> impl Strategy<Value = Op> {
    prop_oneof![
        30 => chars().prop_map(Op::Char),
        4 => Just(Op::Enter),
        5 => Just(Op::Backspace),
        2 => Just(Op::Delete),
        3 => Just(Op::Left),
        2 => Just(Op::Right),
        2 => Just(Op::Up),
        2 => Just(Op::Down),
        2 => Just(Op::Home),
        2 => Just(Op::End),
        3 => Just(Op::Undo),
        2 => Just(Op::Redo),
        2 => proptest::sample::select(vec!['k', 'u', 'r', 'w', 'v', 'h', 'j', 'd', 'a', 'e', 'b', 'n', 'p', 'm'])
            .prop_map(Op::Ctrl),
        2 => "[a-z甲乙丙丁，。 \t\r\n]{0,12}".prop_map(Op::Paste),
        2 => (1u8..=5).prop_map(Op::Step),
        1 => Just(Op::NextStep),
        1 => Just(Op::PrevStep),
        2 => Just(Op::NextEntry),
        2 => Just(Op::PrevEntry),
        2 => (0u8..8).prop_map(Op::Pick),
        1 => Just(Op::PickOffList),
        2 => (prop_oneof![1u16..=12, 60u16..=160], prop_oneof![1u16..=6, 20u16..=60])
            .prop_map(|(w, h)| Op::Resize(w, h)),
        1 => Just(Op::Render),
        1 => Just(Op::Tick),
        1 => Just(Op::Flush),
    ]
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle_event(Event::Key(KeyEvent::new(code, mods)));
}

fn draw(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| huiwu::ui::render(f, app)).unwrap();
    if term.backend().cursor_visible() {
        let c = term.get_cursor_position().unwrap();
        let area = term.backend().buffer().area;
        assert!(
            c.x < area.right() && c.y < area.bottom(),
            "cursor {c:?} outside {area:?}"
        );
    }
}

fn apply(app: &mut App, term: &mut Terminal<TestBackend>, op: &Op) {
    use KeyCode as K;
    let none = KeyModifiers::NONE;
    match op {
        Op::Char(c) => key(app, K::Char(*c), none),
        Op::Enter => key(app, K::Enter, none),
        Op::Backspace => key(app, K::Backspace, none),
        Op::Delete => key(app, K::Delete, none),
        Op::Left => key(app, K::Left, none),
        Op::Right => key(app, K::Right, none),
        Op::Up => key(app, K::Up, none),
        Op::Down => key(app, K::Down, none),
        Op::Home => key(app, K::Home, none),
        Op::End => key(app, K::End, none),
        Op::Undo => key(app, K::Char('z'), KeyModifiers::CONTROL),
        Op::Redo => key(app, K::Char('y'), KeyModifiers::CONTROL),
        Op::Ctrl(c) => key(app, K::Char(*c), KeyModifiers::CONTROL),
        Op::Paste(s) => app.handle_event(Event::Paste(s.clone())),
        Op::Step(n) => key(app, K::Char(char::from(b'0' + n)), KeyModifiers::ALT),
        Op::NextStep => key(app, K::F(8), none),
        Op::PrevStep => key(app, K::F(7), none),
        Op::NextEntry => key(app, K::Down, KeyModifiers::ALT),
        Op::PrevEntry => key(app, K::Up, KeyModifiers::ALT),
        Op::Pick(n) => {
            key(app, K::F(3), none);
            for _ in 0..*n {
                key(app, K::Down, none);
            }
            key(app, K::Enter, none);
        }
        Op::PickOffList => {
            key(app, K::F(3), none);
            app.handle_event(Event::Paste("某某".into()));
            key(app, K::Enter, none);
        }
        Op::Resize(w, h) => {
            term.backend_mut().resize(*w, *h);
            term.resize(Rect::new(0, 0, *w, *h)).unwrap();
            draw(term, app);
        }
        Op::Render => draw(term, app),
        Op::Tick => app.tick(),
        Op::Flush => app.flush(false),
    }
}

fn check_saved(app: &App) -> Result<(), TestCaseError> {
    let topic = app
        .console
        .procedure
        .topic_id
        .expect("the demo's current topic");
    let stored = app.ctx.store.entries(topic).unwrap();
    prop_assert_eq!(stored.len(), app.console.procedure.editors.len());
    for ed in &app.console.procedure.editors {
        let on_disk = stored.iter().find(|e| e.id == ed.entry.id);
        prop_assert!(on_disk.is_some(), "entry {} not stored", ed.entry.id);
        prop_assert_eq!(
            &on_disk.unwrap().text,
            &ed.text(),
            "entry {} ({})",
            ed.entry.id,
            &ed.entry.speaker_name
        );
    }
    prop_assert!(app.console.procedure.all_saved());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // Modest by default; PROPTEST_CASES=2000 for a longer hunt.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(64),
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn editing_never_panics_and_the_store_matches_the_editors(
        ops in proptest::collection::vec(ops(), 0..200)
    ) {
        let mut app = demo_app();
        let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
        draw(&mut term, &app);
        for op in &ops {
            apply(&mut app, &mut term, op);
            prop_assert!(app.ctx.layers.is_empty(), "a pop-up opened after {:?}", op);
            prop_assert!(!app.quit());
        }
        draw(&mut term, &app);
        app.flush(true);
        check_saved(&app)?;
        // And again after more typing on top of a flush.
        apply(&mut app, &mut term, &Op::Char('末'));
        app.flush(true);
        check_saved(&app)?;
    }
}
