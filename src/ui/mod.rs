//! Draw only: `render(frame, &App)` reads state and never changes it.
mod checkin;
mod decision;
mod modal;
mod procedure;
mod statusbar;
pub mod text;
pub mod theme;
mod topic;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use crate::app::{App, Pane};
use crate::i18n::{self, Tr};

/// The console needs this much room (R9.3: no broken layout; a clear message instead).
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn render(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.theme.style("base")), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = i18n::too_small(app.lang, MIN_WIDTH, MIN_HEIGHT);
        let y = area.height / 2;
        let line = Rect::new(area.x, area.y + y, area.width, 1.min(area.height));
        frame.render_widget(
            Paragraph::new(text)
                .style(app.theme.style("message.error"))
                .centered(),
            line,
        );
        return;
    }
    let [status, main, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(10),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    statusbar::status(frame, app, status);
    let left_width = (area.width * 2 / 5).clamp(36, 52);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Min(40)]).areas(main);
    let topic_height = if area.height >= 30 { 9 } else { 7 };
    let decision_height = if area.height >= 30 { 7 } else { 5 };
    let [topic, procedure, decision] = Layout::vertical([
        Constraint::Length(topic_height),
        Constraint::Min(5),
        Constraint::Length(decision_height),
    ])
    .areas(right);
    checkin::render(frame, app, left);
    topic::render(frame, app, topic);
    procedure::render(frame, app, procedure);
    decision::render(frame, app, decision);
    statusbar::message(frame, app, message);
    statusbar::footer(frame, app, footer);
    modal::render(frame, app, area);
}

/// A pane's frame: titled, and highlighted when it has the focus.
pub(crate) fn pane_block<'a>(app: &App, pane: Pane, title: &Tr, extra: String) -> Block<'a> {
    let focused = app.focus == pane && app.modal.is_none();
    let (border, title_style) = if focused {
        (
            app.theme.style("border.focused"),
            app.theme.style("title.focused"),
        )
    } else {
        (app.theme.style("border"), app.theme.style("title"))
    };
    let mut spans = vec![Span::styled(format!(" {} ", app.t(title)), title_style)];
    if !extra.is_empty() {
        spans.push(Span::styled(format!("{extra} "), app.theme.style("muted")));
    }
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(border)
        .title(Line::from(spans))
}

/// A style patched onto the base, so theme fallbacks keep the background.
pub(crate) fn st(app: &App, name: &str) -> Style {
    app.theme.style("base").patch(app.theme.style(name))
}
