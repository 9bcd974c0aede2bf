//! The layer rules, driven through the app as a user would (keys on the demo meeting):
//! the top layer takes the keys; a form's answer reaches the screen that opened it; a
//! question asked about a form's answer returns to that form.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::layer::LayerKind;
use huiwu::app::{App, Settings};
use huiwu::domain::attendance::Presence;
use huiwu::domain::{FixedClock, Id};
use huiwu::i18n::Lang;
use huiwu::theme::Theme;

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
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn person(app: &App, name: &str) -> Id {
    app.console
        .view
        .as_ref()
        .and_then(|v| v.people.iter().find(|p| p.name == name))
        .map(|p| p.id)
        .unwrap_or_else(|| panic!("no {name}"))
}

/// Focus the check-in pane and select `name`.
fn select(app: &mut App, name: &str) {
    while app.console.focus != huiwu::app::console::Pane::CheckIn {
        press(app, KeyCode::Tab);
    }
    let id = person(app, name);
    let at = app
        .console
        .visible_lines()
        .iter()
        .position(|l| l.person_id == id)
        .unwrap_or_else(|| panic!("{name} not listed"));
    for _ in 0..40 {
        press(app, KeyCode::Up);
    }
    for _ in 0..at {
        press(app, KeyCode::Down);
    }
}

fn presence(app: &App, name: &str) -> Presence {
    let id = person(app, name);
    app.console
        .view
        .as_ref()
        .map(|v| v.state_of(id).presence)
        .unwrap_or(Presence::Expected)
}

fn top(app: &App) -> Option<&LayerKind> {
    app.ctx.layers.top().map(|l| &l.kind)
}

#[test]
fn the_top_layer_takes_the_keys() {
    let mut app = demo();
    select(&mut app, "何勇");
    // F1 help is on top: the next key closes it and does nothing else.
    press(&mut app, KeyCode::F(1));
    assert!(matches!(top(&app), Some(LayerKind::Help)));
    press(&mut app, KeyCode::Char('a'));
    assert!(app.ctx.layers.is_empty());
    assert_eq!(
        presence(&app, "何勇"),
        Presence::Expected,
        "'a' went to help"
    );
    // A form on top: Enter answers the form, it does not sign the person in.
    press(&mut app, KeyCode::Char('l'));
    assert!(matches!(top(&app), Some(LayerKind::Form(_))));
    type_str(&mut app, "tla");
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(top(&app), Some(LayerKind::Form(_))),
        "the leave form stays open: it still needs an approver"
    );
    assert_eq!(presence(&app, "何勇"), Presence::Expected);
}

#[test]
fn a_forms_answer_reaches_the_screen_that_opened_it() {
    let mut app = demo();
    select(&mut app, "何勇");
    press(&mut app, KeyCode::Char('l'));
    type_str(&mut app, "出差");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "王建国");
    press(&mut app, KeyCode::Enter);
    assert!(app.ctx.layers.is_empty());
    assert_eq!(
        presence(&app, "何勇"),
        Presence::OnLeave {
            reason: "出差".into(),
            approver: "王建国".into()
        }
    );
}

#[test]
fn a_problem_is_shown_next_to_its_field_and_the_form_stays() {
    let mut app = demo();
    select(&mut app, "何勇");
    press(&mut app, KeyCode::Char('l'));
    type_str(&mut app, "出差");
    press(&mut app, KeyCode::Enter);
    let Some(LayerKind::Form(form)) = top(&app) else {
        panic!("the form went away")
    };
    let approver = form.field("approver").expect("approver field");
    assert_eq!(approver.problem.as_deref(), Some("必填"));
    assert!(form.field("reason").is_some_and(|f| f.problem.is_none()));
    assert_eq!(form.get("reason"), "出差", "what was typed stays");
}

#[test]
fn a_question_about_a_form_returns_to_the_form() {
    let mut app = demo();
    select(&mut app, "巴特尔");
    // Leaving midway at a time still to come: the form asks first.
    press(&mut app, KeyCode::Char('o'));
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_str(&mut app, "10:12");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "另有任务");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.ctx.layers.len(), 2, "a question over the form");
    assert!(matches!(top(&app), Some(LayerKind::Confirm(_))));
    // No: back to the form, as it was, nothing recorded.
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.ctx.layers.len(), 1);
    let Some(LayerKind::Form(form)) = top(&app) else {
        panic!("not back at the form")
    };
    assert_eq!(form.get("time"), "10:12");
    assert!(matches!(presence(&app, "巴特尔"), Presence::Present { .. }));
    // Ask again and say yes: the form is answered, the screen records it.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(top(&app), Some(LayerKind::Confirm(_))));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.ctx.layers.is_empty());
    match presence(&app, "巴特尔") {
        Presence::LeftEarly { at, reason } => {
            assert_eq!(at.format("%H:%M").to_string(), "10:12");
            assert_eq!(reason, "另有任务");
        }
        other => panic!("not recorded as left early: {other:?}"),
    }
}
