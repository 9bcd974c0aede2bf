//! The console as the user sees it, drawn on ratatui's TestBackend.
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::layer::LayerKind;
use huiwu::app::{App, Settings};
use huiwu::i18n::Lang;
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

const NOW: &str = "2026-11-30T09:14:00+08:00";

fn app_with(theme: &str, lang: Lang) -> App {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = huiwu::store::Store::open_in_memory("测试员").unwrap();
    huiwu::demo::load(&mut store, now).unwrap();
    let settings = Settings {
        lang,
        theme: Theme::builtin(theme).unwrap(),
        keymap: Keymap::default(),
        writer: None,
    };
    App::new(store, settings, Box::new(huiwu::domain::FixedClock(now))).unwrap()
}

fn demo() -> App {
    app_with("dark", Lang::Zh)
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn press_mod(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle_key(KeyEvent::new(code, mods));
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn draw(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| huiwu::ui::render(f, app)).unwrap();
}

fn drawn(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    draw(&mut term, app);
    term
}

/// One row as a user reads it: the cells hidden behind a wide character are left out.
fn row_text(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut s = String::new();
    let mut x = from;
    while x < to {
        let sym = buf[(x, y)].symbol();
        s.push_str(sym);
        x += (sym.width() as u16).max(1);
    }
    s
}

fn rows(term: &Terminal<TestBackend>) -> Vec<String> {
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| row_text(buf, y, 0, buf.area.width).trim_end().to_string())
        .collect()
}

fn text_of(term: &Terminal<TestBackend>) -> String {
    rows(term).join("\n")
}

/// The cursor as (x, y); panics when the program hid it.
fn cursor(term: &mut Terminal<TestBackend>) -> (u16, u16) {
    let p = term.get_cursor_position().unwrap();
    (p.x, p.y)
}

/// Every wide character has its blank continuation cell right after it, on its row.
fn assert_no_split_wide_chars(buf: &Buffer) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if sym.width() == 2 {
                assert!(
                    x + 1 < buf.area.width,
                    "wide {sym:?} at the last column of row {y}"
                );
                let next = buf[(x + 1, y)].symbol();
                assert!(
                    next == " " || next.is_empty(),
                    "wide {sym:?} at ({x},{y}) is followed by {next:?}"
                );
            }
        }
    }
}

/// The rectangle of the first double-bordered pop-up: (left, top, right, bottom), inclusive.
fn popup_rect(buf: &Buffer) -> (u16, u16, u16, u16) {
    let find = |s: &str| {
        (0..buf.area.height)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .find(|&(x, y)| buf[(x, y)].symbol() == s)
            .unwrap_or_else(|| panic!("no {s} on screen"))
    };
    let (l, t) = find("╔");
    let (r, b) = find("╝");
    (l, t, r, b)
}

fn popup_text(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let (l, t, r, b) = popup_rect(buf);
    (t..=b)
        .map(|y| row_text(buf, y, l, r + 1))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn console_shows_all_panes_status_and_footer() {
    let app = demo();
    for (w, h) in [(120, 36), (80, 24)] {
        let term = drawn(&app, w, h);
        let text = text_of(&term);
        for title in ["签到", "当前议题 / 候会", "议事程序", "决定"] {
            assert!(
                text.contains(&format!(" {title} ")),
                "{w}×{h}: no {title}\n{text}"
            );
        }
        let r = rows(&term);
        assert!(r[0].contains("09:14"), "status line: {}", r[0]);
        let footer = &r[h as usize - 1];
        assert!(footer.contains("F3 发言人"), "footer: {footer}");
        assert!(footer.contains("F8 下一步骤"), "footer: {footer}");
        assert_no_split_wide_chars(term.backend().buffer());
    }
    // The operator shows where there is room for it.
    let r = rows(&drawn(&app, 120, 36));
    assert!(r[0].contains("操作员 测试员"), "status line: {}", r[0]);
    assert!(r[35].contains("C-q 退出"), "footer: {}", r[35]);
}

#[test]
fn console_120x36() {
    let app = demo();
    insta::assert_snapshot!("console_120x36", text_of(&drawn(&app, 120, 36)));
}

#[test]
fn console_80x24() {
    let app = demo();
    insta::assert_snapshot!("console_80x24", text_of(&drawn(&app, 80, 24)));
}

#[test]
fn chinese_names_line_up_in_check_in() {
    let app = demo();
    for (w, h) in [(120, 36), (80, 24)] {
        let term = drawn(&app, w, h);
        let buf = term.backend().buffer();
        // The display column of the state symbol on the row of a name.
        let symbol_col = |name: &str, symbol: &str| -> u16 {
            let y = (0..h)
                .find(|&y| row_text(buf, y, 0, w).starts_with(&format!("│ {name} ")))
                .unwrap_or_else(|| panic!("{name} not on screen"));
            (0..w)
                .find(|&x| buf[(x, y)].symbol() == symbol)
                .unwrap_or_else(|| panic!("no {symbol} on {name}'s row"))
        };
        let chen = symbol_col("陈明", "◇");
        let wang = symbol_col("王建国", "✓");
        let liu = symbol_col("刘卫东", "✗");
        assert_eq!(chen, wang, "{w}×{h}");
        assert_eq!(liu, wang, "{w}×{h}");
        assert_no_split_wide_chars(buf);
    }
}

#[test]
fn too_small_a_window_says_so_and_recovers() {
    let app = demo();
    let msg = "窗口太小，至少需要 80×24";
    let mut term = Terminal::new(TestBackend::new(120, 36)).unwrap();
    for (w, h) in [(79, 24), (80, 23), (20, 5), (1, 1)] {
        term.backend_mut().resize(w, h);
        draw(&mut term, &app);
        let text = text_of(&term);
        if usize::from(w) >= msg.width() {
            assert!(text.contains(msg), "{w}×{h}:\n{text}");
        }
        assert!(!text.contains("议事程序"), "{w}×{h} still draws panes");
        assert_no_split_wide_chars(term.backend().buffer());
    }
    term.backend_mut().resize(80, 24);
    draw(&mut term, &app);
    let text = text_of(&term);
    assert!(!text.contains(msg));
    assert!(
        text.contains(" 议事程序 ") && text.contains(" 签到 "),
        "{text}"
    );
}

#[test]
fn mono_theme_has_no_colour_but_keeps_the_words() {
    let app = app_with("mono", Lang::Zh);
    let term = drawn(&app, 120, 36);
    let r = rows(&term);
    let row = |name: &str| {
        r.iter()
            .find(|l| l.starts_with(&format!("│ {name} ")))
            .unwrap_or_else(|| panic!("{name} not on screen"))
            .clone()
    };
    assert!(row("刘卫东").contains("迟到 3 分钟"), "{}", row("刘卫东"));
    assert!(row("陈明").contains("请假"), "{}", row("陈明"));
    assert!(row("孙立平").contains("未提前到会"), "{}", row("孙立平"));
    let buf = term.backend().buffer();
    for y in 0..36 {
        for x in 0..120 {
            let c = &buf[(x, y)];
            assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "cell ({x},{y})");
        }
    }
}

#[test]
fn english_shows_english_titles() {
    let app = app_with("dark", Lang::En);
    let text = text_of(&drawn(&app, 120, 36));
    for t in ["Check-in", "Procedure", "Decision"] {
        assert!(text.contains(t), "no {t}\n{text}");
    }
    // English typography: a half-width colon and a space, figures apart from words.
    // (The recorder's own Chinese words may hold one; a label never does.)
    let chars: Vec<char> = text.chars().collect();
    let label_colon = chars
        .windows(2)
        .any(|w| w[0].is_ascii_alphabetic() && w[1] == '：');
    assert!(
        !label_colon,
        "a full-width colon after an English label:\n{text}"
    );
    assert!(text.contains("Department: 治安大队"), "{text}");
    assert!(text.contains("expected 15"), "{text}");
    assert!(text.contains("Outcome: "), "{text}");
}

#[test]
fn cursor_follows_wide_characters_and_wraps() {
    let mut app = demo();
    press_mod(&mut app, KeyCode::Char('2'), KeyModifiers::ALT);
    assert!(
        app.console.procedure.in_step().is_empty(),
        "step 2 starts empty"
    );
    let mut term = drawn(&app, 120, 36);

    press(&mut app, KeyCode::Char('你'));
    draw(&mut term, &app);
    let (x1, y0) = cursor(&mut term);
    let start = x1 - 2;
    // The editor starts right inside the focused (thick) border.
    assert_eq!(term.backend().buffer()[(start - 1, y0)].symbol(), "┃");
    let right = (start..120)
        .find(|&x| term.backend().buffer()[(x, y0)].symbol() == "┃")
        .unwrap();
    let per_row = (right - start) / 2;
    assert_eq!(
        per_row, 35,
        "the editor at 120×36 holds 35 wide chars a row"
    );

    type_str(&mut app, "好们");
    draw(&mut term, &app);
    assert_eq!(cursor(&mut term), (start + 6, y0));

    // Exactly one full row: the caret shows at the start of the next one.
    type_str(&mut app, &"字".repeat(usize::from(per_row) - 3));
    draw(&mut term, &app);
    assert_eq!(cursor(&mut term), (start, y0 + 1));
    assert_eq!(term.backend().buffer()[(right - 2, y0)].symbol(), "字");

    // Wrapped onto the second row.
    type_str(&mut app, "一二三四尾");
    draw(&mut term, &app);
    assert_eq!(cursor(&mut term), (start + 10, y0 + 1));
    assert_eq!(term.backend().buffer()[(start + 8, y0 + 1)].symbol(), "尾");
    assert_no_split_wide_chars(term.backend().buffer());

    // After a resize the caret is still right after the last character.
    term.backend_mut().resize(90, 30);
    draw(&mut term, &app);
    let (x, y) = cursor(&mut term);
    let buf = term.backend().buffer();
    assert_eq!(buf[(x - 2, y)].symbol(), "尾", "cursor at ({x},{y})");
    assert_no_split_wide_chars(buf);
}

#[test]
fn pasted_paragraph_wraps_without_splitting_characters() {
    let mut app = demo();
    press_mod(&mut app, KeyCode::Char('2'), KeyModifiers::ALT);
    let para = "入冬以来，全旗盗窃、诈骗类警情较去年同期有所上升，夜间侵财案件集中在城区和\
                嘎鲁图镇。为此，治安大队会同各派出所拟定了冬季治安防范专项行动方案，主要内容\
                有三点：一是加强巡逻（每晚 20:00-02:00），二是 110 接处警提速，三是发动群众。";
    app.handle_event(Event::Paste(para.repeat(3)));
    for (w, h) in [(120, 36), (80, 24), (90, 30), (101, 33)] {
        let mut term = drawn(&app, w, h);
        let buf = term.backend().buffer().clone();
        assert_no_split_wide_chars(&buf);
        // The caret is still right after the last character pasted.
        let (cx, cy) = cursor(&mut term);
        let screen = text_of(&term);
        let (x, y) = if buf[(cx - 1, cy)].symbol() == "┃" {
            let right = (cx..w).find(|&x| buf[(x, cy)].symbol() == "┃").unwrap();
            (right - 2, cy - 1)
        } else {
            (cx - 2, cy)
        };
        assert_eq!(buf[(x, y)].symbol(), "。", "{w}×{h}:\n{screen}");
    }
}

#[test]
fn speaker_picker_filters_by_initials_and_takes_names_off_the_list() {
    let mut app = demo();
    press(&mut app, KeyCode::F(3));
    type_str(&mut app, "zq");
    let term = drawn(&app, 120, 36);
    let popup = popup_text(&term);
    assert!(popup.contains("周强"), "{popup}");
    assert!(!popup.contains("李志强"), "{popup}");
    press(&mut app, KeyCode::Enter);
    assert!(app.ctx.layers.is_empty());
    let text = text_of(&drawn(&app, 120, 36));
    assert!(text.contains("周强 · 09:14"), "{text}");

    press(&mut app, KeyCode::F(3));
    type_str(&mut app, "某某");
    let popup = popup_text(&drawn(&app, 120, 36));
    assert!(popup.contains("某某 · 名单外"), "{popup}");
    press(&mut app, KeyCode::Enter);
    let text = text_of(&drawn(&app, 120, 36));
    assert!(text.contains("某某 · 09:14 · 名单外"), "{text}");
}

#[test]
fn help_lists_every_footer_key_and_any_key_closes_it() {
    let mut app = demo();
    let labels: Vec<&str> = app
        .ctx
        .keymap
        .bindings
        .iter()
        // Help shows the keys of everywhere and of the screen showing (the console).
        .filter(|b| b.footer && (b.context.0 == "global" || b.context.0.starts_with("console")))
        .map(|b| app.t(&b.label))
        .collect();
    press(&mut app, KeyCode::F(1));
    assert!(matches!(
        app.ctx.layers.top().map(|l| &l.kind),
        Some(LayerKind::Help)
    ));
    for (w, h) in [(80, 24), (120, 36)] {
        let term = drawn(&app, w, h);
        let popup = popup_text(&term);
        for l in &labels {
            assert!(popup.contains(l), "{w}×{h}: help lacks {l}\n{popup}");
        }
        assert_no_split_wide_chars(term.backend().buffer());
    }
    // The form keys, each once, with what it does in each kind of field.
    let popup = popup_text(&drawn(&app, 120, 36));
    assert_eq!(popup.matches("下一项/上一项").count(), 1, "{popup}");
    assert!(popup.contains("取消（已填写内容时先确认）"), "{popup}");
    // The pop-up's left border is whole on every row.
    let term = drawn(&app, 120, 36);
    let buf = term.backend().buffer();
    let (l, t, _, b) = popup_rect(buf);
    for y in t..=b {
        let want = if y == t {
            "╔"
        } else if y == b {
            "╚"
        } else {
            "║"
        };
        assert_eq!(buf[(l, y)].symbol(), want, "left border at row {y}");
        assert!(buf[(l - 1, y)].symbol().width() < 2, "row {y}");
    }
    press(&mut app, KeyCode::Char('x'));
    assert!(app.ctx.layers.is_empty());
    let text = text_of(&drawn(&app, 120, 36));
    assert!(!text.contains("按键一览"), "{text}");
}

#[test]
fn check_in_by_filter_signs_the_match_in() {
    let mut app = demo();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('/'));
    type_str(&mut app, "hy");
    press(&mut app, KeyCode::Enter);
    let term = drawn(&app, 120, 36);
    let buf = term.backend().buffer();
    // 签到 is the left pane, 48 columns wide at 120×36.
    let row = (0..36)
        .map(|y| row_text(buf, y, 0, 48))
        .find(|r| r.contains("何勇"))
        .expect("何勇 in 签到");
    assert!(row.contains("09:14"), "{row}");
    let message = &rows(&term)[34];
    assert!(message.contains("何勇 已于 09:14 签到"), "{message}");
}

#[test]
fn decision_outcome_text_and_mark() {
    let mut app = demo();
    let topic = app.console.procedure.topic_id.unwrap();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('o'));
    let text = text_of(&drawn(&app, 120, 36));
    assert!(text.contains("结果：通过"), "{text}");

    press(&mut app, KeyCode::Char('m'));
    let r = rows(&drawn(&app, 120, 36));
    assert!(r[34].contains("请先填写决定内容"), "{}", r[34]);
    assert!(app.ctx.layers.is_empty());

    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.ctx.layers.top().map(|l| &l.kind),
        Some(LayerKind::Form(_))
    ));
    type_str(&mut app, "同意实施");
    press_mod(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(app.ctx.layers.is_empty());
    let text = text_of(&drawn(&app, 120, 36));
    assert!(text.contains("决定内容：同意实施"), "{text}");
    let stored = app
        .ctx
        .store
        .decision(topic)
        .unwrap()
        .expect("decision saved");
    assert_eq!(stored.text, "同意实施");

    press(&mut app, KeyCode::Char('m'));
    assert!(matches!(
        app.ctx.layers.top().map(|l| &l.kind),
        Some(LayerKind::Confirm(_))
    ));
    let popup = popup_text(&drawn(&app, 120, 36));
    assert!(popup.contains("请确认"), "{popup}");
}

#[test]
fn typed_text_is_saved() {
    let mut app = demo();
    press_mod(&mut app, KeyCode::Char('2'), KeyModifiers::ALT);
    type_str(&mut app, "说明情况");
    app.flush(true);
    let topic = app.console.procedure.topic_id.unwrap();
    let entries = app.ctx.store.entries(topic).unwrap();
    assert!(entries.iter().any(|e| e.text == "说明情况"), "{entries:?}");
}

/// After the last topic the record pane says the topics are done, as the topic pane does
/// (it said no topic had begun).
#[test]
fn after_the_last_topic_the_record_pane_says_all_topics_are_done() {
    let mut app = demo();
    for _ in 0..8 {
        press(&mut app, KeyCode::F(6));
        while app.ctx.layers.top().is_some() {
            press(&mut app, KeyCode::Char('y'));
        }
    }
    let text = text_of(&drawn(&app, 120, 36));
    assert!(text.matches("全部议题已结束").count() >= 2, "{text}");
    assert!(!text.contains("尚未开始议题"), "{text}");
}
