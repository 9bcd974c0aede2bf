//! Layers over a screen: F1 help (from the keymap), forms, questions, the picker.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::st;
use super::text::{clip, fit};
use crate::app::form::{self, FieldKind, Form};
use crate::app::layer::{LayerKind, Page};
use crate::app::picker::Picker;
use crate::app::{App, Ctx};
use crate::i18n::{self, Tr};
use unicode_width::UnicodeWidthStr;

/// How many options a choice list or suggestions show under a field.
const LIST_ROWS: u16 = 5;

pub fn render(frame: &mut Frame<'_>, app: &App, area: Rect) {
    for layer in app.ctx.layers.iter() {
        match &layer.kind {
            LayerKind::Help => help(frame, app, area),
            LayerKind::Page(p) => page(frame, &app.ctx, area, p),
            LayerKind::Form(f) => form(frame, &app.ctx, area, f),
            LayerKind::Confirm(q) => {
                let inner = popup(frame, &app.ctx, area, 60, 7, &i18n::CONFIRM_TITLE);
                frame.render_widget(
                    Paragraph::new(q.text.clone())
                        .wrap(Wrap { trim: false })
                        .style(st(&app.ctx, "base")),
                    inner,
                );
            }
            LayerKind::Picker(p) => picker(frame, &app.ctx, area, p),
            // Drawn by itself, instead of everything (ui/lock.rs).
            LayerKind::Lock(_) => {}
            LayerKind::Choices(c) => {
                let h = (c.text.width() as u16 / 56 + 4).clamp(7, area.height.saturating_sub(2));
                let inner = popup(frame, &app.ctx, area, 60, h, &i18n::CONFIRM_TITLE);
                frame.render_widget(
                    Paragraph::new(c.text.clone())
                        .wrap(Wrap { trim: false })
                        .style(st(&app.ctx, "base")),
                    inner,
                );
            }
        }
    }
}

/// Lines to read, wrapped, from the line scrolled to.
fn page(frame: &mut Frame<'_>, ctx: &Ctx, area: Rect, p: &Page) {
    let w = area.width.saturating_sub(4).min(110);
    let inner_w = w.saturating_sub(2) as usize;
    let rows: Vec<Line> = p
        .lines
        .iter()
        .skip(p.scroll)
        .flat_map(|(l, style)| {
            super::text::wrap(l, inner_w)
                .into_iter()
                .map(|r| Line::styled(r, st(ctx, style)))
        })
        .collect();
    let h = u16::try_from(rows.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .clamp(5, area.height.saturating_sub(2));
    let inner = popup(frame, ctx, area, w, h, &p.title);
    frame.render_widget(Paragraph::new(rows), inner);
}

fn picker(frame: &mut Frame<'_>, ctx: &Ctx, area: Rect, p: &Picker) {
    use unicode_width::UnicodeWidthStr;
    let h = (p.items.len() as u16 + 4).clamp(8, area.height.saturating_sub(4));
    // The name column fits the longest name (a topic's title is long; topics all start
    // with 关于, so a cut one cannot be told apart), the pop-up grows with it.
    let widest = |f: fn(&crate::app::picker::PickItem) -> &str| {
        p.items.iter().map(|i| f(i).width()).max().unwrap_or(0)
    };
    let name_w = widest(|i| &i.name).clamp(8, 48);
    let w = (name_w + widest(|i| &i.info) + 4).clamp(56, usize::from(area.width));
    let inner = popup(frame, ctx, area, w as u16, h, &p.title);
    let filter_area = Rect::new(inner.x, inner.y, inner.width, 1);
    frame.render_widget(&p.filter, filter_area);
    place_cursor(frame, &p.filter, filter_area);
    let mut lines = Vec::new();
    for (i, item) in p.matches().into_iter().enumerate() {
        let style = if i == p.selected {
            "selected"
        } else if item.own {
            "base"
        } else {
            "muted"
        };
        lines.push(Line::styled(
            format!(" {} {}", fit(&item.name, name_w), item.info),
            st(ctx, style),
        ));
    }
    if lines.is_empty() && p.allow_free && !p.typed().is_empty() {
        lines.push(Line::styled(
            format!(" {} · {}", p.typed(), ctx.t(&i18n::OFF_LIST)),
            st(ctx, "flag.warn"),
        ));
    }
    let list = Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(1),
    );
    frame.render_widget(Paragraph::new(lines), list);
}

fn popup(frame: &mut Frame<'_>, ctx: &Ctx, area: Rect, w: u16, h: u16, title: &Tr) -> Rect {
    let w = w.min(area.width.saturating_sub(2));
    let h = h.min(area.height.saturating_sub(2));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    frame.render_widget(Clear, r);
    // A wide character just left of the pop-up would swallow its left border: blank it.
    if r.x > 0 {
        let buf = frame.buffer_mut();
        for y in r.top()..r.bottom() {
            if let Some(cell) = buf.cell_mut(Position::new(r.x - 1, y))
                && unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(st(ctx, "modal.border"))
        .title(Span::styled(
            format!(" {} ", ctx.t(title)),
            st(ctx, "modal.title"),
        ))
        .style(st(ctx, "base"));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    inner
}

/// Put the real terminal cursor at a textarea's caret, so the input method's candidate
/// window follows it (R9.3). A caret just past a full row shows at the start of the next.
pub(crate) fn place_cursor(frame: &mut Frame<'_>, ta: &ratatui_textarea::TextArea<'_>, area: Rect) {
    let sc = ta.screen_cursor();
    let (top, left) = ta.scroll_offset();
    let mut x = area.x.saturating_add((sc.col as u16).saturating_sub(left));
    let mut y = area.y.saturating_add((sc.row as u16).saturating_sub(top));
    if x >= area.right() && area.width > 0 {
        if y + 1 < area.bottom() {
            x = area.x;
            y += 1;
        } else {
            x = area.right() - 1;
        }
    }
    if x < area.right() && y < area.bottom() {
        frame.set_cursor_position(Position::new(x, y));
    }
}

/// Rows a multi-line field's input takes: the focused one room to write, the others a
/// glimpse (a long form scrolls to the focused field).
const MULTILINE_FOCUSED: u16 = 8;
const MULTILINE_OTHER: u16 = 2;

fn input_rows(f: &form::Field, focused: bool) -> u16 {
    match (f.kind == FieldKind::MultiLine, focused) {
        (true, true) => MULTILINE_FOCUSED,
        (true, false) => MULTILINE_OTHER,
        _ => 1,
    }
}

/// Rows a field takes: its label, its input, its problem, its open list.
fn field_rows(f: &form::Field, focused: bool) -> u16 {
    let problem = u16::from(f.problem.is_some());
    let list = if focused && f.list_open() {
        (f.options().len() as u16).min(LIST_ROWS)
    } else {
        0
    };
    1 + input_rows(f, focused) + problem + list
}

/// The first field to draw so that the focused one is wholly in view.
fn first_shown(heights: &[u16], focus: usize, visible: u16) -> usize {
    let mut first = 0;
    while first < focus && heights[first..=focus].iter().sum::<u16>() > visible {
        first += 1;
    }
    first
}

fn form(frame: &mut Frame<'_>, ctx: &Ctx, area: Rect, f: &Form) {
    let heights: Vec<u16> = f
        .fields
        .iter()
        .enumerate()
        .map(|(i, x)| field_rows(x, i == f.focus))
        .collect();
    // Sized for any field focused, so the pop-up keeps its size as Tab moves on.
    let grow = if f.fields.iter().any(|x| x.kind == FieldKind::MultiLine) {
        MULTILINE_FOCUSED - MULTILINE_OTHER
    } else {
        0
    };
    // An open list needs its rows too: on a short form there was no room for them, and
    // the list showed only "↓".
    let list = f
        .focused()
        .filter(|x| x.list_open())
        .map_or(0, |x| (x.options().len() as u16).min(LIST_ROWS));
    let rows: u16 = f.fields.iter().map(|x| field_rows(x, false)).sum::<u16>() + grow + list;
    let subject = u16::from(!f.subject.is_empty());
    let error = u16::from(f.error.is_some());
    let inner = popup(frame, ctx, area, 70, rows + subject + error + 2, &f.title);
    let mut y = inner.y;
    let line = |y: u16| Rect::new(inner.x, y, inner.width, 1);
    if !f.subject.is_empty() {
        frame.render_widget(
            Paragraph::new(clip(&f.subject, inner.width as usize)).style(st(ctx, "header")),
            line(y),
        );
        y += 1;
    }
    let bottom = inner.bottom().saturating_sub(error);
    let first = first_shown(&heights, f.focus, bottom.saturating_sub(y));
    if first > 0 {
        let more = Rect::new(inner.right().saturating_sub(2), inner.y, 2, 1);
        frame.render_widget(Paragraph::new("↑").style(st(ctx, "muted")), more);
    }
    for (i, field) in f.fields.iter().enumerate().skip(first) {
        if y + heights[i] > bottom {
            let more = Rect::new(
                inner.right().saturating_sub(2),
                bottom.saturating_sub(1),
                2,
                1,
            );
            frame.render_widget(Paragraph::new("↓").style(st(ctx, "muted")), more);
            break;
        }
        let focused = i == f.focus;
        let label_style = if focused { "title.focused" } else { "muted" };
        frame.render_widget(
            Paragraph::new(ctx.t(&field.label)).style(st(ctx, label_style)),
            line(y),
        );
        y += 1;
        let h = input_rows(field, focused);
        let r = Rect::new(inner.x + 2, y, inner.width.saturating_sub(2), h);
        if let FieldKind::Choice(_) = field.kind
            && !field.open
        {
            let shown = format!("‹ {} ›", field.shown());
            frame.render_widget(Paragraph::new(shown).style(st(ctx, "base")), r);
        } else {
            frame.render_widget(&field.input, r);
            if focused {
                place_cursor(frame, &field.input, r);
            }
        }
        y += h;
        if let Some(problem) = &field.problem {
            frame.render_widget(
                Paragraph::new(clip(&format!("  ✗ {problem}"), inner.width as usize))
                    .style(st(ctx, "message.error")),
                line(y),
            );
            y += 1;
        }
        if focused && field.list_open() {
            let options = field.options();
            // The window of options keeps the highlighted one in view.
            let at = options
                .iter()
                .position(|(i, _)| field.selected == Some(*i))
                .unwrap_or(0);
            let skip = (at + 1).saturating_sub(usize::from(LIST_ROWS));
            for (k, (idx, option)) in options.into_iter().skip(skip).enumerate() {
                if k as u16 >= LIST_ROWS {
                    break;
                }
                let style = if field.selected == Some(idx) {
                    "selected"
                } else {
                    "muted"
                };
                frame.render_widget(
                    Paragraph::new(clip(&format!("    {}", option.label), inner.width as usize))
                        .style(st(ctx, style)),
                    line(y),
                );
                y += 1;
            }
        }
    }
    if let Some(e) = &f.error {
        frame.render_widget(
            Paragraph::new(clip(e, inner.width as usize)).style(st(ctx, "message.error")),
            line(inner.bottom().saturating_sub(1)),
        );
    }
}

/// Every key of every pane, read from the same table as the footer, and the keys of a
/// form. One line per action (its keys joined), flowed across as many columns as fit.
fn help(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let ctx = &app.ctx;
    let inner = popup(
        frame,
        ctx,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        &i18n::HELP_TITLE,
    );
    let mut lines: Vec<Line> = Vec::new();
    let key_line = |keys: &str, label: &Tr| {
        Line::from(vec![
            Span::styled(format!(" {keys} "), st(ctx, "help.key")),
            Span::styled(ctx.t(label).to_string(), st(ctx, "help.text")),
        ])
    };
    // The keys of the screen showing (all its panes) and the global ones.
    let screen = app.current().contexts().last().map_or("", |c| c.0);
    let ours = |c: &str| {
        c == crate::app::keymap::Context::GLOBAL.0
            || c == screen
            || c.strip_prefix(screen)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    for (context, title) in ctx.keymap.contexts.iter().filter(|(c, _)| ours(c.0)) {
        lines.push(Line::styled(ctx.t(title).to_string(), st(ctx, "header")));
        let mut seen = Vec::new();
        for b in ctx.keymap.bindings.iter().filter(|b| b.context == *context) {
            if seen.contains(&b.action) {
                continue;
            }
            seen.push(b.action);
            let keys: Vec<String> = ctx
                .keymap
                .bindings
                .iter()
                .filter(|o| o.context == *context && o.action == b.action)
                .map(|o| o.key.to_string())
                .collect();
            lines.push(key_line(&keys.join("/"), &b.label));
        }
    }
    lines.push(Line::styled(
        ctx.t(&i18n::FORM_KEYS).to_string(),
        st(ctx, "header"),
    ));
    for (keys, label) in form::HELP_KEYS {
        lines.push(key_line(keys, label));
    }
    let rows = inner.height.max(1) as usize;
    let ncols = lines.len().div_ceil(rows).max(1);
    let col_w = inner.width / ncols as u16;
    for (i, chunk) in lines.chunks(rows).enumerate() {
        let r = Rect::new(inner.x + i as u16 * col_w, inner.y, col_w, inner.height);
        frame.render_widget(Paragraph::new(chunk.to_vec()), r);
    }
}
