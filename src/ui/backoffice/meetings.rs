//! 会议: the meetings, the latest first; the one being prepared marked.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::{hint, list};
use crate::app::Ctx;
use crate::app::backoffice::{BackOffice, Pane};
use crate::domain::meeting::MeetingStatus;
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, focused: bool) {
    let block = pane_block(ctx, focused, &i18n::PANE_MEETINGS, String::new());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = o.meeting_rows();
    if rows.is_empty() {
        return hint(frame, ctx, inner, ctx.t(&i18n::NO_MEETINGS_HINT));
    }
    let width = inner.width as usize;
    let items = rows
        .iter()
        .map(|m| {
            let mark = if Some(m.id) == o.meeting_id {
                "▸"
            } else {
                " "
            };
            let status = ctx.t(&i18n::meeting_status(m.status));
            let style = match m.status {
                MeetingStatus::Planned | MeetingStatus::InProgress => "base",
                _ => "muted",
            };
            let when = i18n::meeting_when(ctx.lang, &m.starts_at);
            // The papers' marking leads, as on the papers themselves (R8.1).
            let title = match o.view.secrecy_of(m.id) {
                Some(s) => format!("{} {}", i18n::secrecy_mark(ctx.lang, &s), m.title),
                None => m.title.clone(),
            };
            let head = format!("{mark}{} ", &when[5..]);
            let rest =
                width.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()) + 8);
            ListItem::new(Line::from(vec![
                Span::styled(head, st(ctx, style)),
                Span::styled(fit(&clip(&title, rest), rest), st(ctx, style)),
                Span::styled(format!(" {status}"), st(ctx, "muted")),
            ]))
        })
        .collect();
    list(
        frame,
        ctx,
        inner,
        items,
        Some(o.sel(Pane::Meetings)),
        focused,
    );
}
