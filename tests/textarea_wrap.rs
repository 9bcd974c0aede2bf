//! Property: the vendored ratatui-textarea, which wraps incrementally (only what an edit
//! changed, only the rows asked for; vendor/ratatui-textarea/PATCHES.md), behaves exactly
//! as upstream 0.9.4, which wraps the whole text from scratch after every edit.
//!
//! The same random keys (Chinese and other wide chars, newlines, deletes, undo/redo,
//! cursor moves, selections, cut/copy/yank), pastes and renders at changing sizes go to
//! both; after every step the text, cursor, screen cursor, scroll offset, selection and
//! the rows at random screen positions must agree, and every render must draw the same
//! cells.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use ratatui_textarea as patched;
use ratatui_textarea_upstream as upstream;

#[derive(Clone, Debug)]
enum Op {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Undo,
    Redo,
    Move(Move),
    /// Draw into an area of this size (the wrap width follows it).
    Render(u16, u16),
    /// Map a screen position back to the text (rows are wrapped as they are asked for).
    ScreenToData(u16, u16),
    /// Map the start and end of every screen row back to the text (wraps all of them).
    AllRows,
}

/// Cursor moves, as both crates spell them.
#[derive(Clone, Copy, Debug)]
enum Move {
    Top,
    Bottom,
    Head,
    End,
    WordForward,
    WordBack,
    WordEnd,
    ParagraphForward,
    ParagraphBack,
    Jump(u16, u16),
    InViewport,
}

fn chars() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => proptest::char::range('a', 'z'),
        1 => proptest::sample::select(vec![' ', ' ', '.', ',', '\'', ':', '-', '1', '2']),
        1 => proptest::char::range(' ', '~'),
        6 => proptest::sample::select(vec![
            '会', '议', '决', '定', '刑', '侦', '大', '队', '，', '。', '：', '“', '”', '、',
        ]),
        1 => proptest::sample::select(vec![
            '\t', '😀', '\u{301}', '\u{200d}', 'é', 'ｶ', 'ﾞ', '🇯', '🇵', '１',
        ]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::collection::vec(
            prop_oneof![12 => chars(), 1 => Just('\n')],
            0..300,
        )
        .prop_map(|v| v.into_iter().collect()),
        // One long logical line.
        1 => proptest::collection::vec(chars(), 500..1500)
            .prop_map(|v| v.into_iter().collect()),
    ]
}

fn ops() -> impl Strategy<Value = Op> {
    use KeyCode as K;
    let none = KeyModifiers::NONE;
    let keys = prop_oneof![
        30 => chars().prop_map(move |c| (K::Char(c), none)),
        4 => Just((K::Enter, none)),
        6 => Just((K::Backspace, none)),
        2 => Just((K::Delete, none)),
        2 => Just((K::Tab, none)),
        3 => proptest::sample::select(vec![K::Left, K::Right, K::Up, K::Down, K::Home, K::End])
            .prop_map(move |k| (k, none)),
        2 => proptest::sample::select(vec![K::Left, K::Right, K::Up, K::Down, K::End, K::Home])
            .prop_map(|k| (k, KeyModifiers::SHIFT)),
        1 => proptest::sample::select(vec![K::PageUp, K::PageDown]).prop_map(move |k| (k, none)),
        1 => proptest::sample::select(vec![K::Left, K::Right, K::Up, K::Down])
            .prop_map(|k| (k, KeyModifiers::CONTROL)),
        2 => proptest::sample::select(vec!['k', 'j', 'w', 'y', 'x', 'c', 'd', 'h', 'm', 'e', 'a', 'f', 'b', 'n', 'p'])
            .prop_map(|c| (K::Char(c), KeyModifiers::CONTROL)),
        1 => proptest::sample::select(vec!['<', '>', 'f', 'b', 'd', ']', '['])
            .prop_map(|c| (K::Char(c), KeyModifiers::ALT)),
    ];
    prop_oneof![
        40 => keys.prop_map(|(k, m)| Op::Key(k, m)),
        3 => "[a-z会议决定，。 \t\n]{0,40}".prop_map(Op::Paste),
        // Words that word segmentation looks across, and words longer than a row.
        2 => "([a-z]{1,6}[.,':]?[a-z0-9]{0,3} ?){1,6}".prop_map(Op::Paste),
        1 => "[a-z]{10,60}".prop_map(Op::Paste),
        3 => Just(Op::Undo),
        2 => Just(Op::Redo),
        3 => prop_oneof![
            Just(Move::Top),
            Just(Move::Bottom),
            Just(Move::Head),
            Just(Move::End),
            Just(Move::WordForward),
            Just(Move::WordBack),
            Just(Move::WordEnd),
            Just(Move::ParagraphForward),
            Just(Move::ParagraphBack),
            Just(Move::InViewport),
            (0u16..30, 0u16..1600).prop_map(|(r, c)| Move::Jump(r, c)),
        ]
        .prop_map(Op::Move),
        6 => (prop_oneof![1u16..=8, 9u16..=40, 60u16..=90], 1u16..=14)
            .prop_map(|(w, h)| Op::Render(w, h)),
        2 => (0u16..200, 0u16..40).prop_map(|(r, c)| Op::ScreenToData(r, c)),
        1 => Just(Op::AllRows),
    ]
}

/// How both textareas are set up.
#[derive(Clone, Debug)]
struct Setup {
    wrap: u8,
    line_numbers: bool,
    tab: u8,
    hard_tab: bool,
    search: Option<String>,
}

fn setups() -> impl Strategy<Value = Setup> {
    (
        prop_oneof![6 => Just(3u8), 1 => 0u8..3],
        proptest::bool::weighted(0.15),
        prop_oneof![4 => Just(4u8), 1 => 0u8..=8],
        proptest::bool::weighted(0.2),
        proptest::option::weighted(0.15, "[会议a.]{1,2}"),
    )
        .prop_map(|(wrap, line_numbers, tab, hard_tab, search)| Setup {
            wrap,
            line_numbers,
            tab,
            hard_tab,
            search,
        })
}

fn new_pair(
    text: &str,
    setup: &Setup,
) -> (patched::TextArea<'static>, upstream::TextArea<'static>) {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut p = patched::TextArea::new(lines.clone());
    let mut u = upstream::TextArea::new(lines);
    let (pm, um) = match setup.wrap {
        0 => (patched::WrapMode::None, upstream::WrapMode::None),
        1 => (patched::WrapMode::Word, upstream::WrapMode::Word),
        2 => (patched::WrapMode::Glyph, upstream::WrapMode::Glyph),
        _ => (
            patched::WrapMode::WordOrGlyph,
            upstream::WrapMode::WordOrGlyph,
        ),
    };
    p.set_wrap_mode(pm);
    u.set_wrap_mode(um);
    // As the recorder's editors are set up (src/app/editor.rs).
    p.set_max_histories(20_000);
    u.set_max_histories(20_000);
    let cursor_line = Style::default().add_modifier(Modifier::UNDERLINED);
    let selection = Style::default().bg(Color::Blue);
    let search = Style::default().bg(Color::Yellow);
    p.set_cursor_line_style(cursor_line);
    u.set_cursor_line_style(cursor_line);
    p.set_selection_style(selection);
    u.set_selection_style(selection);
    p.set_search_style(search);
    u.set_search_style(search);
    p.set_tab_length(setup.tab);
    u.set_tab_length(setup.tab);
    p.set_hard_tab_indent(setup.hard_tab);
    u.set_hard_tab_indent(setup.hard_tab);
    if setup.line_numbers {
        p.set_line_number_style(Style::default().fg(Color::DarkGray));
        u.set_line_number_style(Style::default().fg(Color::DarkGray));
    }
    if let Some(q) = &setup.search {
        assert!(p.set_search_pattern(q).is_ok());
        assert!(u.set_search_pattern(q).is_ok());
    }
    p.move_cursor(patched::CursorMove::Bottom);
    u.move_cursor(upstream::CursorMove::Bottom);
    p.move_cursor(patched::CursorMove::End);
    u.move_cursor(upstream::CursorMove::End);
    (p, u)
}

fn moves(m: Move) -> (patched::CursorMove, upstream::CursorMove) {
    use patched::CursorMove as P;
    use upstream::CursorMove as U;
    match m {
        Move::Top => (P::Top, U::Top),
        Move::Bottom => (P::Bottom, U::Bottom),
        Move::Head => (P::Head, U::Head),
        Move::End => (P::End, U::End),
        Move::WordForward => (P::WordForward, U::WordForward),
        Move::WordBack => (P::WordBack, U::WordBack),
        Move::WordEnd => (P::WordEnd, U::WordEnd),
        Move::ParagraphForward => (P::ParagraphForward, U::ParagraphForward),
        Move::ParagraphBack => (P::ParagraphBack, U::ParagraphBack),
        Move::Jump(r, c) => (P::Jump(r, c), U::Jump(r, c)),
        Move::InViewport => (P::InViewport, U::InViewport),
    }
}

fn render(ta: &impl Fn(Rect, &mut Buffer), w: u16, h: u16) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    ta(area, &mut buf);
    buf
}

fn same_state(
    p: &patched::TextArea<'_>,
    u: &upstream::TextArea<'_>,
    step: usize,
    op: &Op,
) -> Result<(), TestCaseError> {
    let at = format!("step {step} after {op:?}");
    prop_assert_eq!(p.lines(), u.lines(), "{}", at);
    prop_assert_eq!(
        (p.cursor().0, p.cursor().1),
        (u.cursor().0, u.cursor().1),
        "{}",
        at
    );
    let (ps, us) = (p.screen_cursor(), u.screen_cursor());
    prop_assert_eq!(
        (ps.row, ps.col, ps.char, ps.dc.map(|d| (d.0, d.1))),
        (us.row, us.col, us.char, us.dc.map(|d| (d.0, d.1))),
        "screen cursor, {}",
        at
    );
    prop_assert_eq!(p.scroll_offset(), u.scroll_offset(), "{}", at);
    prop_assert_eq!(p.selection_range(), u.selection_range(), "{}", at);
    prop_assert_eq!(p.yank_text(), u.yank_text(), "{}", at);
    Ok(())
}

/// Where every screen row starts and ends in the text, in both.
fn same_rows(
    p: &patched::TextArea<'_>,
    u: &upstream::TextArea<'_>,
    at: &str,
) -> Result<(), TestCaseError> {
    let mut row = 0;
    loop {
        let (ps, us) = (p.screen_to_data(row, 0), u.screen_to_data(row, 0));
        prop_assert_eq!((ps.0, ps.1), (us.0, us.1), "start of row {}, {}", row, at);
        let (pe, ue) = (p.screen_to_data(row, 9999), u.screen_to_data(row, 9999));
        prop_assert_eq!((pe.0, pe.1), (ue.0, ue.1), "end of row {}, {}", row, at);
        // `screen_to_data` clamps to the last row: stop once past it.
        if row > 0 && u.screen_to_data(row - 1, 0) == us {
            break;
        }
        row += 1;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn patched_textarea_matches_upstream(
        text in text(),
        setup in setups(),
        ops in proptest::collection::vec(ops(), 1..100),
    ) {
        let (mut p, mut u) = new_pair(&text, &setup);
        for (step, op) in ops.iter().enumerate() {
            match op {
                Op::Key(code, mods) => {
                    let ev = KeyEvent::new(*code, *mods);
                    prop_assert_eq!(p.input(ev), u.input(ev), "step {} {:?}", step, op);
                }
                Op::Paste(s) => {
                    prop_assert_eq!(p.insert_str(s), u.insert_str(s), "step {} {:?}", step, op);
                }
                Op::Undo => prop_assert_eq!(p.undo(), u.undo(), "step {}", step),
                Op::Redo => prop_assert_eq!(p.redo(), u.redo(), "step {}", step),
                Op::Move(m) => {
                    let (pm, um) = moves(*m);
                    p.move_cursor(pm);
                    u.move_cursor(um);
                }
                Op::Render(w, h) => {
                    let pb = render(&|a, b: &mut Buffer| (&p).render(a, b), *w, *h);
                    let ub = render(&|a, b: &mut Buffer| (&u).render(a, b), *w, *h);
                    prop_assert_eq!(pb, ub, "render at step {} {:?}", step, op);
                }
                Op::ScreenToData(r, c) => {
                    let pd = p.screen_to_data(*r as usize, *c as usize);
                    let ud = u.screen_to_data(*r as usize, *c as usize);
                    prop_assert_eq!((pd.0, pd.1), (ud.0, ud.1), "step {} {:?}", step, op);
                }
                Op::AllRows => same_rows(&p, &u, &format!("step {step}"))?,
            }
            same_state(&p, &u, step, op)?;
        }
        same_rows(&p, &u, "at the end")?;
    }
}
