//! Draw the database passphrase screen (issue 10): a box in the middle, the database named, one
//! dot per character typed, the last error, the keys. Fits any terminal down to 1×1.
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use crate::app::db_passphrase::PassPrompt;
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, p: &PassPrompt) {
    let area = frame.area();
    let lang = p.lang;
    let dots = "•".repeat(p.typed.chars().count());
    let mut lines = vec![
        Line::from(i18n::encrypted_database(lang, &p.db)),
        Line::from(""),
        Line::from(format!("{}{dots}", lang.t(&i18n::PASSPHRASE_LABEL))),
        Line::from(""),
    ];
    if p.opening {
        lines.push(Line::from(lang.t(&i18n::OPENING)));
    } else if let Some(e) = &p.error {
        lines.push(Line::styled(
            e.clone(),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        ));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        lang.t(&i18n::PASSPHRASE_KEYS),
        Style::new().add_modifier(Modifier::DIM),
    ));
    let width = area.width.min(72);
    // Each line as many rows as it wraps to, and the border.
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let rows_of = |lines: &[Line<'_>]| -> usize {
        lines
            .iter()
            .map(|l| l.width().div_ceil(inner_width).max(1))
            .sum()
    };
    // Too little room: the passphrase first, then what went wrong, then the keys.
    let mut first = rows_of(&lines[..1]) + 1;
    if rows_of(&lines) + 2 > usize::from(area.height) {
        lines.retain(|l| l.width() > 0);
        lines.remove(0);
        first = 0;
    }
    let rows = rows_of(&lines);
    let height = area.height.min(u16::try_from(rows + 2).unwrap_or(u16::MAX));
    let boxed = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .title(lang.t(&i18n::PASSPHRASE_TITLE));
    let inner = block.inner(boxed);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        boxed,
    );
    // The caret after the dots, where an input method shows its candidates.
    let label = unicode_width::UnicodeWidthStr::width(lang.t(&i18n::PASSPHRASE_LABEL));
    let row = inner
        .y
        .saturating_add(u16::try_from(first).unwrap_or(u16::MAX));
    let col = inner
        .x
        .saturating_add((label + dots.chars().count()) as u16);
    if row < inner.bottom() && col < inner.right() {
        frame.set_cursor_position(Position::new(col, row));
    }
}
