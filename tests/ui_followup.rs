//! The after-meeting screen (F4) as the office sees it, drawn on ratatui's TestBackend, in
//! Chinese and in English: closing with its checks, the minutes drafted from the decisions
//! and taken through review and sign-off (refused out of order), the register, the
//! overdue count on every screen's status line.
#[path = "common/after.rs"]
mod after;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, Settings};
use huiwu::i18n::Lang;
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const NOW: &str = "2026-11-30T10:30:00+08:00";

fn app(lang: Lang, first_deadline: &str) -> App {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = huiwu::store::Store::open_in_memory("马丽").unwrap();
    let deadline = NaiveDate::parse_from_str(first_deadline, "%Y-%m-%d").unwrap();
    after::decided_demo(&mut store, now, deadline);
    let settings = Settings {
        lang,
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

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    app.tick();
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.tick();
}

/// The screen as text, one row per line, the cells behind wide characters left out.
fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
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

fn f4(app: &mut App) {
    press(app, KeyCode::F(4));
}

/// Close the meeting from F4: c, then yes.
fn close(app: &mut App) {
    press(app, KeyCode::Char('c'));
    press(app, KeyCode::Char('y'));
}

#[test]
fn closing_then_drafting_signing_in_chinese() {
    let mut app = app(Lang::Zh, "2026-12-31");
    f4(&mut app);
    let s = screen(&app);
    for want in [
        "会议",
        "纪要",
        "督办",
        "归档",
        "图表",
        "未结束",
        "局长办公例会（演示）",
    ] {
        assert!(s.contains(want), "{want} missing:\n{s}");
    }
    close(&mut app);
    let s = screen(&app);
    assert!(s.contains("已结束 2026-11-30 10:30"), "{s}");
    // The clocks start: minutes in a week, the tidied record in 3 working days.
    assert!(s.contains("纪要 期限 2026-12-07"), "{s}");
    assert!(s.contains("记录整理 期限 2026-12-03"), "{s}");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('d'));
    let s = screen(&app);
    assert!(s.contains("第1稿/1 [草稿]"), "{s}");
    assert!(s.contains("同意冬季治安防范专项行动方案"), "{s}");
    // Sign-off before review is refused, and the form says why.
    press(&mut app, KeyCode::Char('s'));
    ctrl(&mut app, 's');
    let s = screen(&app);
    assert!(s.contains("尚未经分管局领导审核"), "{s}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    type_str(&mut app, "刘卫东");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "同意");
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Char('s'));
    ctrl(&mut app, 's');
    let s = screen(&app);
    assert!(s.contains("[已签发]"), "{s}");
    assert!(s.contains("审核：刘卫东 2026-11-30 10:30 同意"), "{s}");
    assert!(s.contains("签发：王建国 2026-11-30 10:30"), "{s}");
    assert!(s.contains("按期完成"), "{s}");
    // Frozen: editing is refused and points at the correction.
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("按 n 另起更正稿"));
    press(&mut app, KeyCode::Char('n'));
    assert!(screen(&app).contains("第2稿（更正第1稿）/2 [草稿]"));
}

#[test]
fn the_same_screen_in_english() {
    let mut app = app(Lang::En, "2026-12-31");
    f4(&mut app);
    let s = screen(&app);
    for want in [
        "Meetings",
        "Minutes",
        "Decision register",
        "not closed",
        "No minutes yet",
        // The hint is whole, on its own line where it does not fit beside the state.
        "attendance are",
    ] {
        assert!(s.contains(want), "{want} missing:\n{s}");
    }
    close(&mut app);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('d'));
    let s = screen(&app);
    assert!(s.contains("version 1/1 [draft]"), "{s}");
    assert!(s.contains("due 2026-12-07 · 7 day(s) left"), "{s}");
}

#[test]
fn closing_is_refused_while_attendance_is_open_and_says_what() {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = huiwu::store::Store::open_in_memory("马丽").unwrap();
    huiwu::demo::load(&mut store, now).unwrap();
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::builtin("dark").unwrap(),
        keymap: Keymap::default(),
        writer: None,
    };
    let mut app = App::new(store, settings, Box::new(huiwu::domain::FixedClock(now))).unwrap();
    f4(&mut app);
    press(&mut app, KeyCode::Char('c'));
    let s = screen(&app);
    assert!(s.contains("会议不能结束"), "{s}");
    assert!(
        s.contains("议题未决定也未顺延：关于开展冬季治安防范"),
        "{s}"
    );
    assert!(s.contains("考勤未完成：何勇"), "{s}");
    assert_eq!(
        s.matches("考勤未完成：周强").count(),
        1,
        "one line per person:\n{s}"
    );
}

#[test]
fn overdue_shows_on_every_screen_and_the_register_tracks_done() {
    // The first decision was due the day before: overdue once the meeting is closed.
    let mut app = app(Lang::Zh, "2026-11-29");
    f4(&mut app);
    close(&mut app);
    // The count is asked every few seconds; here, at once.
    app.overdue.invalidate();
    app.tick();
    let top = screen(&app).lines().next().unwrap_or_default().to_string();
    assert!(top.contains("督办逾期 1"), "{top}");
    press(&mut app, KeyCode::F(2));
    let top = screen(&app).lines().next().unwrap_or_default().to_string();
    assert!(
        top.contains("督办逾期 1"),
        "the console shows it too: {top}"
    );
    press(&mut app, KeyCode::F(4));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let s = screen(&app);
    assert!(s.contains("逾期 1"), "{s}");
    assert!(s.contains("落实中（逾期）"), "{s}");
    // The overdue item is done: a note says what was done.
    press(&mut app, KeyCode::Char('d'));
    type_str(&mut app, "已部署到位");
    ctrl(&mut app, 's');
    let s = screen(&app);
    assert!(s.contains("已落实"), "{s}");
    assert!(s.contains("2026-11-30 马丽：已部署到位"), "{s}");
}

/// Issue 9, R7.3: the register names each item's responsible units. The row clips them
/// after the long item text, so the selected item's detail names them, in both languages.
#[test]
fn the_register_names_the_responsible_units_of_the_selected_item() {
    for (lang, label) in [
        (Lang::Zh, "责任单位：治安大队"),
        (Lang::En, "Responsible units: 治安大队"),
    ] {
        let mut app = app(lang, "2026-12-31");
        f4(&mut app);
        close(&mut app);
        for _ in 0..3 {
            press(&mut app, KeyCode::Tab);
        }
        let s = screen(&app);
        assert!(s.contains(label), "{lang:?}: no {label}\n{s}");
    }
}

/// The demo, decided, with topic 1's copy 01 handed out in the meeting and not back,
/// and maybe the reason the director let it go out; and the holder's name.
fn with_copy_out(reason: Option<&str>) -> (App, String) {
    use huiwu::domain::classified::{ClassifiedCopy, HandedOut};
    use huiwu::store::change::Change;
    use huiwu::store::prep::{PrepChange, StoredCopy};
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = huiwu::store::Store::open_in_memory("马丽").unwrap();
    let deadline = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let meeting = after::decided_demo(&mut store, now, deadline);
    let view = huiwu::store::view::MeetingView::load(&store, meeting, now)
        .unwrap()
        .unwrap();
    let topic = view.topics[0].id;
    let holder = view
        .parts
        .iter()
        .find(|p| p.topic_id == Some(topic))
        .unwrap();
    let holder_name = view.name(holder.person_id).to_string();
    let copy = huiwu::store::new_id();
    let mut changes = vec![
        Change::Prep(PrepChange::Copies {
            copies: vec![StoredCopy {
                id: copy,
                meeting_id: meeting,
                copy: ClassifiedCopy {
                    topic_id: topic,
                    number: 1,
                    holder: None,
                    handed_out: None,
                    returned_at: None,
                },
            }],
        }),
        Change::Prep(PrepChange::HandOut {
            copy_id: copy,
            holder: holder.person_id,
            at: now,
            how: HandedOut::InMeeting,
        }),
    ];
    if let Some(reason) = reason {
        changes.push(Change::Prep(PrepChange::OutReason {
            meeting_id: meeting,
            reason: reason.into(),
            at: now,
        }));
    }
    store
        .transact_at(now, |tx| changes.iter().try_for_each(|c| c.apply(tx)))
        .unwrap();
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::builtin("dark").unwrap(),
        keymap: Keymap::default(),
        writer: None,
    };
    let app = App::new(store, settings, Box::new(huiwu::domain::FixedClock(now))).unwrap();
    (app, holder_name)
}

/// A numbered classified copy handed out in the meeting and not back stops the closing,
/// naming the copy and who holds it (R4.2).
#[test]
fn closing_waits_for_a_classified_copy_still_out() {
    let (mut app, holder) = with_copy_out(None);
    f4(&mut app);
    press(&mut app, KeyCode::Char('c'));
    let s = screen(&app);
    assert!(s.contains("会议不能结束"), "{s}");
    assert!(
        s.contains(&format!("涉密材料第1-01份未收回（{holder}）")),
        "{s}"
    );
    press(&mut app, KeyCode::Esc);
    assert!(screen(&app).contains("未结束"));
}

/// With the reason it is out recorded (the director let it go), the meeting closes.
#[test]
fn a_copy_out_with_its_reason_lets_the_meeting_close() {
    let (mut app, _) = with_copy_out(Some("经局长批准带回办案"));
    f4(&mut app);
    close(&mut app);
    assert!(screen(&app).contains("已结束 2026-11-30 10:30"));
}

/// Signed minutes carry the audit chain's end (issue 10): the paper vouches for the trail.
#[test]
fn the_signed_minutes_print_the_audit_chain_end() {
    let mut app = app(Lang::Zh, "2026-12-31");
    f4(&mut app);
    close(&mut app);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('d'));
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let id = app.followup.model.as_ref().unwrap().id();
    let paper = |app: &App| {
        let doc = huiwu::export::minutes_doc(&app.ctx.store, id, Lang::Zh, None, now).unwrap();
        huiwu::export::render::render(&doc, huiwu::export::Format::Txt)
    };
    // A draft vouches for nothing yet.
    assert!(!paper(&app).contains("审计链"));
    press(&mut app, KeyCode::Char('r'));
    type_str(&mut app, "刘卫东");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "同意");
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Char('s'));
    ctrl(&mut app, 's');
    assert!(screen(&app).contains("[已签发]"));
    let text = paper(&app);
    let head = app.ctx.store.audit_head().unwrap().unwrap();
    assert!(
        text.contains(&format!("审计链：{}", head.label())),
        "{text}"
    );
}

/// The demo as a real meeting in a file (the back office leaves demos out), recorded to
/// its end but for the fourth topic, not decided; and that topic's title.
fn real_meeting_with_one_open(dir: &tempfile::TempDir) -> (App, String) {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = huiwu::store::Store::open(&dir.path().join("huiwu.db"), "马丽").unwrap();
    let deadline = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let id = after::decided_demo(&mut store, now, deadline);
    let last = store.topics(id).unwrap()[3].clone();
    let mut d = store.decision(last.id).unwrap().unwrap();
    d.decided_at = None;
    store.save_decision(&d).unwrap();
    store
        .transact_at(now, |tx| {
            tx.execute("UPDATE meeting SET is_demo = 0", [])?;
            Ok(())
        })
        .unwrap();
    let settings = Settings {
        lang: Lang::Zh,
        theme: Theme::builtin("dark").unwrap(),
        keymap: Keymap::default(),
        writer: None,
    };
    let app = App::new(store, settings, Box::new(huiwu::domain::FixedClock(now))).unwrap();
    (app, last.title)
}

/// Issue 9, R3/R7: the topic F4 carries over to the next regular meeting is on that
/// meeting's agenda — in the back office and in the console — while the closed meeting's
/// record keeps it as carried over (顺延), and the closing check accepts it.
#[test]
fn a_topic_carried_over_in_f4_reaches_the_next_meetings_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, title) = real_meeting_with_one_open(&dir);
    let short: String = title.chars().take(10).collect();
    f4(&mut app);
    press(&mut app, KeyCode::Char('o'));
    let s = screen(&app);
    assert!(s.contains("议题顺延至以后的会议"), "{s}");
    assert!(
        s.contains("2026-12-07 09:00"),
        "the next regular Monday\n{s}"
    );
    ctrl(&mut app, 's');
    close(&mut app);
    let s = screen(&app);
    assert!(s.contains("已结束 2026-11-30 10:30"), "{s}");
    assert!(
        s.contains("顺延至 2026-12-07：4. 关于元旦"),
        "the record keeps it as carried over\n{s}"
    );
    // The back office: on the next meeting's agenda, scheduled; the original carried over.
    press(&mut app, KeyCode::F(3));
    app.handle_key(KeyEvent::new(KeyCode::Char('3'), KeyModifiers::ALT));
    app.tick();
    let s = screen(&app);
    let rows: Vec<&str> = s.lines().filter(|l| l.contains(&short)).collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("已列入议程") && r.contains("12-07")),
        "scheduled on 12-07\n{s}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("已顺延") && r.contains("11-30")),
        "the original, carried over\n{s}"
    );
    // Carried over once: F3's own carry-over of the original is refused.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('c'));
    let said = app.ctx.message.as_ref().map(|m| m.text.clone());
    assert_eq!(said.as_deref(), Some("该议题已顺延，不再重复登记"));
    // The console opens on the next meeting, with the topic to be discussed there.
    press(&mut app, KeyCode::F(2));
    let shown = app
        .console
        .view
        .as_ref()
        .map(|v| v.meeting.starts_at.date_naive());
    assert_eq!(shown, NaiveDate::from_ymd_opt(2026, 12, 7));
    let s = screen(&app);
    assert!(s.contains(&format!("下一议题 1 · {short}")), "{s}");
}

/// Issue 9, R7.3: the console lists the earlier decisions still open — in the topic pane
/// until the first topic begins, and in full on a page behind a key — in both languages.
#[test]
fn the_console_lists_the_earlier_decisions_still_open() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = real_meeting_with_one_open(&dir);
    f4(&mut app);
    press(&mut app, KeyCode::Char('o'));
    ctrl(&mut app, 's');
    close(&mut app);
    press(&mut app, KeyCode::F(2));
    let s = screen(&app);
    assert!(s.contains("未落实 3 项"), "{s}");
    assert!(
        s.contains("1. （2026年11月30日会议）"),
        "the list, before the first topic\n{s}"
    );
    assert!(s.contains("3. （2026年11月30日会议）"), "{s}");
    // The key, on the topic pane (the footer names it), opens the whole list.
    app.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    app.tick();
    assert!(
        screen(&app).contains("上次决定事项"),
        "the footer names the key"
    );
    press(&mut app, KeyCode::Char('d'));
    let s = screen(&app);
    assert!(
        matches!(
            app.ctx.layers.top().map(|l| &l.kind),
            Some(huiwu::app::layer::LayerKind::Page(_))
        ),
        "{s}"
    );
    assert!(s.contains("上次会议决定事项落实情况"), "{s}");
    assert!(s.contains("同意刑侦大队侦办意见"), "{s}");
    assert!(s.contains("责任单位：刑侦大队"), "{s}");
    press(&mut app, KeyCode::Esc);
    assert!(app.ctx.layers.is_empty());
    press(&mut app, KeyCode::F(9));
    press(&mut app, KeyCode::Char('d'));
    let s = screen(&app);
    assert!(s.contains("Earlier decisions still open"), "{s}");
    assert!(s.contains("3. (meeting of 2026-11-30)"), "every one\n{s}");
    assert!(s.contains("deputy: "), "{s}");
}

/// The ledger's numbers are the bureau's sequence (R7.4): the demo meeting, closed, does
/// not take one — F4 says so instead of opening the form.
#[test]
fn the_demo_meeting_is_not_registered_in_the_ledger() {
    let mut app = app(Lang::Zh, "2026-12-31");
    f4(&mut app);
    close(&mut app);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char('g'));
    let said = app
        .ctx
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        said.contains("演示会议不登记造册"),
        "{said}\n{}",
        screen(&app)
    );
    assert!(app.ctx.layers.is_empty(), "no ledger form for the demo");
    let shown = screen(&app);
    assert!(
        !shown.contains("按 g") && shown.contains("演示会议不登记造册"),
        "the pane does not offer g:\n{shown}"
    );
}

/// F4 opened from the console is about the meeting the console shows — here one opened
/// before its time — not the latest that began (the demo, here).
#[test]
fn f4_from_the_console_shows_the_consoles_meeting() {
    let mut app = app(Lang::Zh, "2026-12-31");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::F(3));
    app.handle_key(crossterm::event::KeyEvent::new(
        KeyCode::Char('1'),
        crossterm::event::KeyModifiers::ALT,
    ));
    press(&mut app, KeyCode::Char('n'));
    // As the loop gives it: the back office's request to open the meeting is taken.
    app.handle_event(crossterm::event::Event::Key(
        crossterm::event::KeyEvent::new(KeyCode::Enter, crossterm::event::KeyModifiers::NONE),
    ));
    assert_eq!(app.screen, huiwu::app::screen::ScreenId::Console);
    let shown = app.console.meeting_id();
    let demo = app.followup.meeting_id();
    assert!(
        shown.is_some() && shown != demo,
        "the console is on next Monday's meeting"
    );
    f4(&mut app);
    app.tick();
    assert_eq!(app.followup.meeting_id(), shown, "{}", screen(&app));
}
