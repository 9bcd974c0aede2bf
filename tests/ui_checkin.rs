//! The check-in pane as the staff use it (R5.1, R8.2): the filter finds the person meant,
//! shows who Enter will act on, lets the other verbs act on them, admits someone not on
//! the list with a reason; the message line always describes the latest action.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::console::Pane;
use huiwu::app::keymap::Keymap;
use huiwu::app::layer::LayerKind;
use huiwu::app::{App, Settings};
use huiwu::domain::attendance::Presence;
use huiwu::domain::roster::Group;
use huiwu::domain::{FixedClock, Id};
use huiwu::export::{self, Format};
use huiwu::i18n::Lang;
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

const NOW: &str = "2026-11-30T09:14:00+08:00";

fn demo() -> App {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).expect("time");
    let mut store = huiwu::store::Store::open_in_memory("测试员").expect("store");
    huiwu::demo::load(&mut store, now).expect("demo");
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::builtin("mono").expect("mono"),
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

fn to_check_in(app: &mut App) {
    while app.console.focus != Pane::CheckIn {
        press(app, KeyCode::Tab);
    }
}

fn id_of(app: &App, name: &str) -> Id {
    app.console
        .view
        .as_ref()
        .and_then(|v| v.people.iter().find(|p| p.name == name))
        .map(|p| p.id)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn name_at(app: &App, i: usize) -> String {
    let lines = app.console.visible_lines();
    let id = lines.get(i).map(|l| l.person_id).expect("a line");
    app.console
        .view
        .as_ref()
        .map(|v| v.name(id).to_string())
        .unwrap_or_default()
}

/// The rows of the screen drawn in the highlight (the mono theme marks it reversed).
fn highlighted_rows(app: &App) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(120, 36)).expect("term");
    term.draw(|f| huiwu::ui::render(f, app)).expect("draw");
    let buf = term.backend().buffer();
    (0..36)
        .filter(|&y| (1..46).any(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED)))
        .map(|y| {
            // As a reader sees it: the cell behind a wide character is left out.
            let mut row = String::new();
            let mut x = 0;
            while x < 46 {
                let sym = buf[(x, y)].symbol();
                row.push_str(sym);
                x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
            }
            row
        })
        .collect()
}

fn message(app: &App) -> String {
    app.ctx
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn an_exact_match_of_initials_comes_first_and_is_highlighted_before_enter() {
    let mut app = demo();
    to_check_in(&mut app);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "zw");
    // 郑伟's initials are exactly "zw"; 赵文军's (zwj) only start with it.
    assert_eq!(name_at(&app, 0), "郑伟");
    assert_eq!(name_at(&app, 1), "赵文军");
    let lit = highlighted_rows(&app);
    assert!(
        lit.iter().any(|r| r.contains("郑伟")),
        "the person Enter acts on is highlighted: {lit:?}"
    );
    assert!(!lit.iter().any(|r| r.contains("赵文军")), "{lit:?}");
}

#[test]
fn after_the_filter_the_letters_act_on_the_highlighted_person() {
    let mut app = demo();
    to_check_in(&mut app);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "hy");
    // ↓ ends the typing and keeps the filter; 'l' is now the leave key, not a letter.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.console.checkin.filter, "hy", "l went into the filter");
    let Some(LayerKind::Form(form)) = app.ctx.layers.top().map(|l| &l.kind) else {
        panic!("no leave form")
    };
    assert_eq!(form.subject, "何勇");
}

#[test]
fn someone_not_on_the_list_is_admitted_with_a_reason_and_shown_as_such() {
    let mut app = demo();
    to_check_in(&mut app);
    let before = app.console.view.as_ref().map(|v| v.roster.counts.expected);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "王五");
    assert!(app.console.visible_lines().is_empty());
    // Enter offers to admit them: a form with the name, a reason, who allowed it.
    press(&mut app, KeyCode::Enter);
    let Some(LayerKind::Form(form)) = app.ctx.layers.top().map(|l| &l.kind) else {
        panic!("no admission form")
    };
    assert_eq!(form.get("name"), "王五");
    // Without a reason and who allowed it, nothing happens: the form stays, its focus
    // on the first field with a problem (the reason).
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.ctx.layers.len(),
        1,
        "the form stays until it is complete"
    );
    type_str(&mut app, "列席旁听");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "王建国");
    press(&mut app, KeyCode::Enter);
    assert!(app.ctx.layers.is_empty(), "admitted");
    let view = app.console.view.as_ref().expect("view");
    let id = id_of(&app, "王五");
    let line = view.roster.line(id).expect("listed");
    assert_eq!(line.group, Group::OffList);
    assert!(matches!(line.state.presence, Presence::Present { .. }));
    assert_eq!(
        Some(view.roster.counts.expected),
        before.map(|n| n + 1),
        "one more person expected"
    );
    // The audit log names the exception; the attendance report shows it.
    let store = &app.ctx.store;
    let trail = store.audit_trail().expect("audit");
    assert!(
        trail.iter().any(
            |a| a.action == "admit" && a.new.as_deref().is_some_and(|n| n.contains("列席旁听"))
        )
    );
    let meeting = app.console.meeting_id().expect("meeting");
    let md = export::attendance(store, meeting, Lang::Zh, Format::Md, app.ctx.now()).expect("md");
    let row = md
        .lines()
        .find(|l| l.contains("王五"))
        .expect("in the report");
    assert!(row.contains("名单外（列席旁听；准许：王建国）"), "{row}");
}

#[test]
fn the_message_line_describes_the_latest_action() {
    let mut app = demo();
    to_check_in(&mut app);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "hy");
    press(&mut app, KeyCode::Enter);
    assert!(
        message(&app).contains("何勇 已于 09:14 签到"),
        "{}",
        message(&app)
    );
    // Undo that sign-in: the message no longer speaks of it.
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('y'));
    assert!(!message(&app).contains("已于"), "{}", message(&app));
    assert!(message(&app).contains("撤销"), "{}", message(&app));
    assert_eq!(
        app.console
            .view
            .as_ref()
            .map(|v| v.state_of(id_of(&app, "何勇")).presence),
        Some(Presence::Expected)
    );
    // A key that does nothing here says so, and the hint goes with the next pane.
    press(&mut app, KeyCode::Char('x'));
    assert!(message(&app).contains("此处无此按键"));
    press(&mut app, KeyCode::Tab);
    assert_eq!(message(&app), "");
}
