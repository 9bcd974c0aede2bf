//! Pop-ups over the console: F1 help (from the keymap), forms, questions, the speaker picker.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::st;
use super::text::fit;
use crate::app::form::Form;
use crate::app::keymap::Context;
use crate::app::{App, Modal};
use crate::i18n::{self, Tr};

pub fn render(frame: &mut Frame<'_>, app: &App, area: Rect) {
    match &app.modal {
        None => {}
        Some(Modal::Help) => help(frame, app, area),
        Some(Modal::Form(f)) => form(frame, app, area, f),
        Some(Modal::Confirm(q)) => {
            let inner = popup(frame, app, area, 60, 7, &i18n::CONFIRM_TITLE);
            frame.render_widget(
                Paragraph::new(q.text.clone())
                    .wrap(Wrap { trim: false })
                    .style(st(app, "base")),
                inner,
            );
        }
        Some(Modal::Picker(p)) => {
            let h = (p.people.len() as u16 + 4).clamp(8, area.height.saturating_sub(4));
            let inner = popup(frame, app, area, 56, h, &i18n::PICK_SPEAKER);
            let filter_area = Rect::new(inner.x, inner.y, inner.width, 1);
            frame.render_widget(&p.filter, filter_area);
            place_cursor(frame, &p.filter, filter_area);
            let mut lines = Vec::new();
            for (i, (id, name, info)) in p.matches().into_iter().enumerate() {
                let info = info.split('\u{1f}').next().unwrap_or("");
                let own = p
                    .people
                    .iter()
                    .position(|x| x.0 == *id)
                    .is_some_and(|k| k < p.own);
                let style = if i == p.selected {
                    "selected"
                } else if own {
                    "base"
                } else {
                    "muted"
                };
                lines.push(Line::styled(
                    format!(" {}{info}", fit(name, 8)),
                    st(app, style),
                ));
            }
            if lines.is_empty() && !p.typed().is_empty() {
                lines.push(Line::styled(
                    format!(" {} · {}", p.typed(), app.t(&i18n::OFF_LIST)),
                    st(app, "flag.warn"),
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
    }
}

fn popup(frame: &mut Frame<'_>, app: &App, area: Rect, w: u16, h: u16, title: &Tr) -> Rect {
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
        .border_style(st(app, "modal.border"))
        .title(Span::styled(
            format!(" {} ", app.t(title)),
            st(app, "modal.title"),
        ))
        .style(st(app, "base"));
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

fn form(frame: &mut Frame<'_>, app: &App, area: Rect, f: &Form) {
    let rows: u16 = f
        .fields
        .iter()
        .map(|x| if x.multiline { 9 } else { 2 })
        .sum();
    let inner = popup(frame, app, area, 70, rows + 4, &f.title);
    let mut y = inner.y;
    if !f.subject.is_empty() {
        frame.render_widget(
            Paragraph::new(f.subject.clone()).style(st(app, "header")),
            Rect::new(inner.x, y, inner.width, 1),
        );
        y += 1;
    }
    for (i, field) in f.fields.iter().enumerate() {
        let focused = i == f.focus;
        let label_style = if focused { "title.focused" } else { "muted" };
        frame.render_widget(
            Paragraph::new(app.t(&field.label)).style(st(app, label_style)),
            Rect::new(inner.x, y, inner.width, 1),
        );
        y += 1;
        let h = if field.multiline { 8 } else { 1 };
        let r = Rect::new(
            inner.x + 2,
            y,
            inner.width.saturating_sub(2),
            h.min(inner.bottom().saturating_sub(y)),
        );
        frame.render_widget(&field.input, r);
        if focused {
            place_cursor(frame, &field.input, r);
        }
        y += h;
    }
    if let Some(e) = &f.error {
        frame.render_widget(
            Paragraph::new(e.clone()).style(st(app, "message.error")),
            Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1),
        );
    }
}

/// Every key of every pane, read from the same table as the footer. One line per action
/// (its keys joined), flowed across as many columns as fit.
fn help(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let inner = popup(
        frame,
        app,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        &i18n::HELP_TITLE,
    );
    let mut lines: Vec<Line> = Vec::new();
    for ctx in Context::ALL {
        lines.push(Line::styled(
            app.t(&ctx.title()).to_string(),
            st(app, "header"),
        ));
        let mut seen = Vec::new();
        for b in app.keymap.bindings.iter().filter(|b| b.context == ctx) {
            if seen.contains(&b.action) {
                continue;
            }
            seen.push(b.action);
            let keys: Vec<String> = app
                .keymap
                .bindings
                .iter()
                .filter(|o| o.context == ctx && o.action == b.action)
                .map(|o| o.key.to_string())
                .collect();
            lines.push(Line::from(vec![
                Span::styled(format!(" {} ", keys.join("/")), st(app, "help.key")),
                Span::styled(app.t(&b.label).to_string(), st(app, "help.text")),
            ]));
        }
    }
    let rows = inner.height.max(1) as usize;
    let ncols = lines.len().div_ceil(rows).max(1);
    let col_w = inner.width / ncols as u16;
    for (i, chunk) in lines.chunks(rows).enumerate() {
        let r = Rect::new(inner.x + i as u16 * col_w, inner.y, col_w, inner.height);
        frame.render_widget(Paragraph::new(chunk.to_vec()), r);
    }
}
