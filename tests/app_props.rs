//! Random input (issue 10): the whole app — every screen, every layer, the lock —
//! driven by random keys, pastes, resizes and ticks on a TestBackend with the in-memory
//! store. Nothing may panic, and after a flush the store always holds what the screens
//! say: the text of every entry, everyone's attendance, the decision, the topic.
//!
//! 256 sequences a CI run (about 20 s on 2 cores); a longer hunt:
//! `PROPTEST_CASES=10000 cargo test --release --test app_props`.
//!
//! Adding a screen is one line in [`SCREENS`]: the key that shows it and what of it must
//! be on the disk.
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, Settings};
use huiwu::domain::FixedClock;
use huiwu::domain::decision::Decision;
use huiwu::i18n::Lang;
use huiwu::store::view::MeetingView;
use huiwu::theme::Theme;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

type Check = fn(&App) -> Result<(), TestCaseError>;

/// Every screen: the key that shows it, and what must match the store after a flush.
const SCREENS: &[(KeyCode, Check)] = &[
    (KeyCode::F(2), console_matches_store),
    (KeyCode::F(3), backoffice_matches_store),
    (KeyCode::F(4), followup_matches_store),
];

const NOW: &str = "2026-11-30T09:14:00+08:00";
const PASSPHRASE: &str = "pw";

fn demo_app(passphrase: bool) -> App {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = huiwu::store::Store::open_in_memory("测试员").unwrap();
    huiwu::demo::load(&mut store, now).unwrap();
    if passphrase {
        let h =
            huiwu::passphrase::hash_with(PASSPHRASE, huiwu::passphrase::cheap_params()).unwrap();
        store.set_passphrase_hash(Some(&h)).unwrap();
    }
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::builtin("dark").unwrap(),
        keymap: Keymap::default(),
        writer: None,
    };
    App::new(store, settings, Box::new(FixedClock(now))).unwrap()
}

#[derive(Clone, Debug)]
enum Op {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    /// Show a screen by its key.
    Screen(usize),
    /// Type the passphrase and Enter (what unlocks a locked screen).
    Unlock,
    Resize(u16, u16),
    Render,
    Tick,
    Flush,
}

fn chars() -> impl Strategy<Value = char> {
    prop_oneof![
        // The console's pane keys are plain letters: t l a o u / c C n e p m y.
        6 => proptest::char::range(' ', '~'),
        4 => proptest::sample::select(vec![
            '你', '好', '会', '议', '决', '定', '王', '建', '国', '，', '。', '：', '嘎',
        ]),
        1 => proptest::sample::select(vec!['😀', '\u{301}', 'ｱ', '\u{200b}', '\t']),
    ]
}

fn named_keys() -> impl Strategy<Value = KeyCode> {
    use KeyCode as K;
    prop_oneof![
        4 => Just(K::Enter),
        3 => Just(K::Esc),
        3 => Just(K::Tab),
        1 => Just(K::BackTab),
        3 => Just(K::Backspace),
        1 => Just(K::Delete),
        2 => Just(K::Up),
        2 => Just(K::Down),
        1 => Just(K::Left),
        1 => Just(K::Right),
        1 => Just(K::Home),
        1 => Just(K::End),
        1 => Just(K::PageUp),
        1 => Just(K::PageDown),
        // F1 help … F12 lock: every screen key and every function key.
        4 => (1u8..=12).prop_map(K::F),
    ]
}

fn mods() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        12 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        2 => Just(KeyModifiers::ALT),
        2 => Just(KeyModifiers::CONTROL),
    ]
}

fn ops() -> impl Strategy<Value = Op> {
    prop_oneof![
        30 => chars().prop_map(|c| Op::Key(KeyCode::Char(c), KeyModifiers::NONE)),
        20 => (named_keys(), mods()).prop_map(|(k, m)| Op::Key(k, m)),
        // Ctrl and Alt letters and digits (undo, search, steps, …); rarely quit.
        6 => (proptest::char::range('a', 'z'), prop_oneof![Just(KeyModifiers::CONTROL), Just(KeyModifiers::ALT)])
            .prop_filter("quit ends the run", |(c, m)| !(*m == KeyModifiers::CONTROL && (*c == 'q' || *c == 'c')))
            .prop_map(|(c, m)| Op::Key(KeyCode::Char(c), m)),
        3 => (1u8..=5).prop_map(|n| Op::Key(KeyCode::Char(char::from(b'0' + n)), KeyModifiers::ALT)),
        2 => "[a-z甲乙丙，。 \r\n]{0,16}".prop_map(Op::Paste),
        2 => (0..SCREENS.len()).prop_map(Op::Screen),
        2 => Just(Op::Unlock),
        2 => (prop_oneof![1u16..=12, 60u16..=160], prop_oneof![1u16..=6, 20u16..=60])
            .prop_map(|(w, h)| Op::Resize(w, h)),
        2 => Just(Op::Render),
        2 => Just(Op::Tick),
        1 => Just(Op::Flush),
        1 => Just(Op::Key(KeyCode::Char('q'), KeyModifiers::CONTROL)),
    ]
}

fn draw(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| huiwu::ui::render(f, app)).unwrap();
}

fn apply(app: &mut App, term: &mut Terminal<TestBackend>, op: &Op) {
    let key = |app: &mut App, code, mods| app.handle_event(Event::Key(KeyEvent::new(code, mods)));
    match op {
        Op::Key(code, mods) => key(app, *code, *mods),
        Op::Paste(s) => app.handle_event(Event::Paste(s.clone())),
        Op::Screen(i) => key(app, SCREENS[*i].0, KeyModifiers::NONE),
        Op::Unlock => {
            for c in PASSPHRASE.chars() {
                key(app, KeyCode::Char(c), KeyModifiers::NONE);
            }
            key(app, KeyCode::Enter, KeyModifiers::NONE);
        }
        Op::Resize(w, h) => {
            term.backend_mut().resize(*w, *h);
            term.resize(Rect::new(0, 0, *w, *h)).unwrap();
            app.handle_event(Event::Resize(*w, *h));
            draw(term, app);
        }
        Op::Render => draw(term, app),
        Op::Tick => app.tick(),
        Op::Flush => app.flush(false),
    }
}

/// The texts of the entries the console holds, to compare across a lock.
fn entry_texts(app: &App) -> Vec<String> {
    app.console
        .procedure
        .editors
        .iter()
        .map(|e| e.text())
        .collect()
}

/// The console shows what the store holds: the meeting's topic, every entry's text,
/// everyone's attendance, the decision.
fn console_matches_store(app: &App) -> Result<(), TestCaseError> {
    let store = &app.ctx.store;
    let Some(view) = &app.console.view else {
        return Ok(());
    };
    let now = app.ctx.now();
    let fresh = MeetingView::load(store, view.meeting.id, now)
        .unwrap()
        .expect("the meeting is there");
    prop_assert_eq!(
        fresh.meeting.current_topic_id,
        view.meeting.current_topic_id,
        "current topic"
    );
    for p in &fresh.people {
        prop_assert_eq!(
            fresh.state_of(p.id),
            view.state_of(p.id),
            "attendance of {}",
            &p.name
        );
    }
    prop_assert_eq!(fresh.people.len(), view.people.len(), "people");
    let Some(topic) = app.console.procedure.topic_id else {
        return Ok(());
    };
    let stored = store.entries(topic).unwrap();
    prop_assert_eq!(
        stored.len(),
        app.console.procedure.editors.len(),
        "entries of the topic"
    );
    for ed in &app.console.procedure.editors {
        let on_disk = stored.iter().find(|e| e.id == ed.entry.id);
        prop_assert!(on_disk.is_some(), "entry {} not stored", ed.entry.id);
        prop_assert_eq!(&on_disk.unwrap().text, &ed.text(), "entry text");
        prop_assert_eq!(&on_disk.unwrap().speaker_name, &ed.entry.speaker_name);
    }
    prop_assert!(app.console.procedure.all_saved(), "all shown as saved");
    let deputy = view.topic(topic).and_then(|t| t.deputy_id);
    let on_disk = store
        .decision(topic)
        .unwrap()
        .unwrap_or_else(|| Decision::empty(topic, deputy));
    let shown = app
        .console
        .decision
        .clone()
        .unwrap_or_else(|| Decision::empty(topic, deputy));
    prop_assert_eq!(on_disk, shown, "decision");
    Ok(())
}

/// The back office, when it is the screen shown, holds what the store holds of its
/// window: meetings, topics, reviews, people, plans, preparation, calendar.
fn backoffice_matches_store(app: &App) -> Result<(), TestCaseError> {
    if app.screen != huiwu::app::screen::ScreenId::BackOffice {
        return Ok(());
    }
    let fresh =
        huiwu::store::office_view::OfficeView::load_at(&app.ctx.store, app.ctx.now()).unwrap();
    prop_assert_eq!(
        &fresh,
        &app.backoffice.view,
        "the back office and the store disagree"
    );
    Ok(())
}

/// After the meeting, when it is the screen shown and has read the store: the register
/// and the selected meeting's closing and minutes are what the store holds.
fn followup_matches_store(app: &App) -> Result<(), TestCaseError> {
    let f = &app.followup;
    if app.screen != huiwu::app::screen::ScreenId::FollowUp || f.model.is_none() {
        return Ok(());
    }
    let store = &app.ctx.store;
    let from = format!("{:04}-01-01", f.register_from);
    prop_assert_eq!(
        &store.followup_items_since(&from).unwrap(),
        &f.items,
        "register"
    );
    if let Some(m) = &f.model {
        prop_assert_eq!(&store.closing(m.id()).unwrap(), &m.closing, "closing");
        prop_assert_eq!(&store.minutes(m.id()).unwrap(), &m.minutes, "minutes");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256),
        max_shrink_iters: 4000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_on_every_screen_never_panic_and_the_store_matches_the_screens(
        passphrase in proptest::bool::weighted(0.3),
        ops in proptest::collection::vec(ops(), 0..150),
    ) {
        let mut app = demo_app(passphrase);
        let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
        draw(&mut term, &app);
        let mut locked_texts: Option<Vec<String>> = None;
        for op in &ops {
            apply(&mut app, &mut term, op);
            // While locked with a passphrase nothing reaches the record.
            match (&locked_texts, app.locked() && passphrase) {
                (None, true) => locked_texts = Some(entry_texts(&app)),
                (Some(before), true) => prop_assert_eq!(before, &entry_texts(&app), "typed under the lock"),
                (_, false) => locked_texts = None,
            }
            if app.quit() {
                break;
            }
        }
        draw(&mut term, &app);
        prop_assert!(
            !matches!(app.save_state(), huiwu::app::SaveState::Failed(_)),
            "a change the store refused"
        );
        app.flush(true);
        for (_, check) in SCREENS {
            check(&app)?;
        }
    }
}
