//! Draw only: `render(frame, &App)` reads state and never changes it. Each screen has
//! its folder here with one function per pane; the status line, message line, footer and
//! layers are shared.
mod backoffice;
mod console;
pub mod db_passphrase;
mod followup;
mod layers;
mod lock;
mod statusbar;
pub mod text;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use crate::app::screen::ScreenId;
use crate::app::{App, Ctx};
use crate::i18n::{self, Tr};

/// Kept for those who name the theme through the ui module.
pub use crate::theme;

/// The console needs this much room (R9.3: no broken layout; a clear message instead).
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Is the terminal too small to show a screen?
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

pub fn render(frame: &mut Frame<'_>, app: &App) {
    let ctx = &app.ctx;
    let area = frame.area();
    frame.render_widget(Block::new().style(ctx.theme.style("base")), area);
    // Locked: nothing of the record, at any size (issue 10).
    if app.locked() {
        return lock::render(frame, app, area);
    }
    if too_small(area.width, area.height) {
        let text = i18n::too_small(ctx.lang, MIN_WIDTH, MIN_HEIGHT, area.width as usize);
        let y = area.height / 2;
        let line = Rect::new(area.x, area.y + y, area.width, 1.min(area.height));
        frame.render_widget(
            Paragraph::new(text)
                .style(ctx.theme.style("message.error"))
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
    match app.screen {
        ScreenId::Console => console::render(frame, ctx, &app.console, main),
        ScreenId::BackOffice => backoffice::render(frame, ctx, &app.backoffice, main),
        ScreenId::FollowUp => followup::render(frame, ctx, &app.followup, main),
    }
    statusbar::message(frame, app, message);
    statusbar::footer(frame, app, footer);
    layers::render(frame, app, area);
}

/// A pane's frame: titled, and highlighted when it has the focus.
pub(crate) fn pane_block<'a>(ctx: &Ctx, focused: bool, title: &Tr, extra: String) -> Block<'a> {
    let (border, title_style) = if focused {
        (
            ctx.theme.style("border.focused"),
            ctx.theme.style("title.focused"),
        )
    } else {
        (ctx.theme.style("border"), ctx.theme.style("title"))
    };
    let mut spans = vec![Span::styled(format!(" {} ", ctx.t(title)), title_style)];
    if !extra.is_empty() {
        spans.push(Span::styled(format!("{extra} "), ctx.theme.style("muted")));
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
pub(crate) fn st(ctx: &Ctx, name: &str) -> Style {
    ctx.theme.style("base").patch(ctx.theme.style(name))
}
