//! The recorder's pane through size changes and topic changes (R5.2, R6, R9.3): the view
//! follows the window, nothing acts on a screen too small to be seen, the open step ends
//! with its topic, the preview of an earlier speaker is the end of their words.
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, Settings};
use huiwu::domain::FixedClock;
use huiwu::domain::procedure::Step;
use huiwu::i18n::Lang;
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

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

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn key_mod(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle_event(Event::Key(KeyEvent::new(code, mods)));
}

/// Draw at a size, as the terminal would after telling the program its new size.
fn drawn_at(app: &mut App, term: &mut Terminal<TestBackend>, w: u16, h: u16) -> Vec<String> {
    term.backend_mut().resize(w, h);
    app.handle_event(Event::Resize(w, h));
    term.draw(|f| huiwu::ui::render(f, app)).expect("draw");
    let buf = term.backend().buffer();
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < w {
                let sym = buf[(x, y)].symbol();
                row.push_str(sym);
                x += (sym.width() as u16).max(1);
            }
            row
        })
        .collect()
}

fn focused_text(app: &App) -> String {
    app.console
        .procedure
        .focused_ref()
        .map(|e| e.text())
        .unwrap_or_default()
}

#[test]
fn after_shrinking_and_growing_the_editor_shows_the_text_above_the_caret() {
    let mut app = demo();
    // A long report: forty numbered sentences, each on its own line.
    let text: String = (1..=40)
        .map(|i| format!("第{i:02}句，冬季治安防范专项行动方案的内容。\n"))
        .collect();
    app.handle_event(Event::Paste(text));
    let mut term = Terminal::new(TestBackend::new(160, 45)).expect("term");
    drawn_at(&mut app, &mut term, 160, 45);
    drawn_at(&mut app, &mut term, 81, 24);
    let rows = drawn_at(&mut app, &mut term, 160, 45);
    // The caret is on the last (empty) line; above it, the pane is full of text again.
    let shown: Vec<&String> = rows.iter().filter(|r| r.contains("句，冬季")).collect();
    assert!(
        shown.len() >= 15,
        "after growing back only {} lines of text show:\n{}",
        shown.len(),
        rows.join("\n")
    );
    assert!(
        rows.iter().any(|r| r.contains("第40句")),
        "the last sentence, right above the caret, is in view"
    );
    assert_eq!(
        focused_text(&app).matches("句，").count(),
        40,
        "nothing lost"
    );
}

#[test]
fn a_window_too_small_to_show_the_screen_takes_no_keys_but_quit() {
    let mut app = demo();
    let mut term = Terminal::new(TestBackend::new(120, 36)).expect("term");
    let before = focused_text(&app);
    let rows = drawn_at(&mut app, &mut term, 20, 5);
    // The message fits the window, whole.
    let msg: String = rows.concat();
    assert!(msg.contains("80×24"), "{rows:?}");
    for r in &rows {
        assert!(r.width() <= 20);
    }
    for c in "看不见的字".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::F(6));
    app.handle_event(Event::Paste("粘贴".into()));
    assert_eq!(
        focused_text(&app),
        before,
        "typing went into the record unseen"
    );
    assert!(app.ctx.layers.is_empty(), "F6 opened a question unseen");
    // Back to a usable size, keys act again; and quitting always works.
    drawn_at(&mut app, &mut term, 120, 36);
    press(&mut app, KeyCode::Char('可'));
    assert_eq!(focused_text(&app), format!("{before}可"));
    drawn_at(&mut app, &mut term, 20, 5);
    key_mod(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert!(app.quit());
}

#[test]
fn advancing_ends_the_open_step_of_the_topic() {
    let mut app = demo();
    let topic = app.console.procedure.topic_id.expect("a topic");
    key_mod(&mut app, KeyCode::Char('3'), KeyModifiers::ALT);
    // To the topic pane, next topic; say yes to whoever is missing.
    key_mod(&mut app, KeyCode::F(6), KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('y'));
    assert_ne!(app.console.procedure.topic_id, Some(topic), "advanced");
    app.flush(true);
    let steps = app.ctx.store.step_records(topic).expect("steps");
    let s3 = steps
        .iter()
        .find(|r| r.step == Step::LeadersViews)
        .expect("step 3 recorded");
    assert!(s3.ended_at.is_some(), "step 3 was left open: {s3:?}");
    let md = huiwu::export::record(
        &app.ctx.store,
        app.console.meeting_id().expect("meeting"),
        Lang::Zh,
        huiwu::export::Format::Md,
        app.ctx.now(),
    )
    .expect("record");
    assert!(!md.contains("3 局领导意见（09:14–）"), "{md}");
}

#[test]
fn the_preview_of_an_earlier_speaker_is_the_end_of_their_words() {
    let mut app = demo();
    // 吴刚's report ends "主要内容有三点：". A second speaker starts in the same step.
    press(&mut app, KeyCode::F(3));
    for c in "巴特尔".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    for c in "补充一点".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let mut term = Terminal::new(TestBackend::new(120, 36)).expect("term");
    let rows = drawn_at(&mut app, &mut term, 120, 36);
    assert!(
        rows.iter().any(|r| r.contains("方案，主要内容有三点：")),
        "the preview shows where 吴刚 stopped:\n{}",
        rows.join("\n")
    );
}

#[test]
fn a_bare_line_feed_is_a_new_line_not_a_deletion() {
    let mut app = demo();
    let before = focused_text(&app);
    // Some terminals send LF for Enter; the editor's own Ctrl-J would delete the line.
    key_mod(&mut app, KeyCode::Char('j'), KeyModifiers::CONTROL);
    assert_eq!(focused_text(&app), format!("{before}\n"));
}

/// What reaches the database from a long entry is always exactly the text on screen —
/// after growing, after shrinking, after an edit in the middle (issue 11: whatever the
/// save path of long entries becomes, this must hold).
#[test]
fn every_save_of_a_long_entry_is_exactly_the_text_on_screen() {
    let mut app = demo();
    let long: String = "冬季治安防范专项行动方案，第一阶段排查隐患。\n".repeat(4000);
    app.handle_event(Event::Paste(long));
    let stored = |app: &App| {
        let id = app
            .console
            .procedure
            .focused_ref()
            .map(|e| e.entry.id)
            .expect("an entry");
        app.ctx.store.entry_text(id).expect("read").expect("stored")
    };
    for round in 0..6 {
        match round % 3 {
            0 => {
                for c in "再补充一句。".chars() {
                    press(&mut app, KeyCode::Char(c));
                }
            }
            1 => {
                // Shorter than the buffer it may reuse.
                for _ in 0..500 {
                    press(&mut app, KeyCode::Backspace);
                }
            }
            _ => {
                key_mod(&mut app, KeyCode::Home, KeyModifiers::CONTROL);
                press(&mut app, KeyCode::Down);
                for c in "中间插入。".chars() {
                    press(&mut app, KeyCode::Char(c));
                }
                key_mod(&mut app, KeyCode::End, KeyModifiers::CONTROL);
            }
        }
        app.flush(true);
        app.tick();
        assert_eq!(stored(&app), focused_text(&app), "round {round}");
    }
    assert!(focused_text(&app).chars().count() > 80_000);
}
