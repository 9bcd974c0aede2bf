//! After the meeting (F4): the meetings on the left, one work pane on the right under a
//! row of tabs; one function per pane.
mod archive;
mod charts;
mod meetings;
mod minutes;
mod record;
mod register;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::st;
use crate::app::Ctx;
use crate::app::followup::{FollowUp, Pane};
use crate::domain::deadline::{DeadlineState, Progress};
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, f: &FollowUp, main: Rect) {
    let left_width = (main.width * 2 / 5).clamp(34, 50);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Min(40)]).areas(main);
    let [tabs, work] = Layout::vertical([Constraint::Length(1), Constraint::Min(4)]).areas(right);
    meetings::render(frame, ctx, f, left);
    render_tabs(frame, ctx, f, tabs);
    let focused = f.focus == f.shown && ctx.layers.is_empty();
    match f.shown {
        Pane::Meetings | Pane::Minutes => minutes::render(frame, ctx, f, work, focused),
        Pane::Record => record::render(frame, ctx, f, work, focused),
        Pane::Register => register::render(frame, ctx, f, work, focused),
        Pane::Archive => archive::render(frame, ctx, f, work, focused),
        Pane::Charts => charts::render(frame, ctx, f, work, focused),
    }
}

/// The work panes as tabs; Tab and Shift-Tab move between them.
fn render_tabs(frame: &mut Frame<'_>, ctx: &Ctx, f: &FollowUp, area: Rect) {
    let mut spans = Vec::new();
    for p in Pane::ORDER.into_iter().skip(1) {
        let style = if p == f.shown {
            st(ctx, "title.focused")
        } else {
            st(ctx, "muted")
        };
        spans.push(Span::styled(format!(" {} ", ctx.t(&p.title())), style));
        spans.push(Span::styled("│", st(ctx, "muted")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A deadline clock in words and colour: amber at 2 days left, red when overdue (R7).
pub(crate) fn clock(ctx: &Ctx, due: chrono::NaiveDate, p: Progress) -> Span<'static> {
    let due = due.format("%Y-%m-%d").to_string();
    let (text, style) = match p {
        Progress::Done { on_time: true } => (ctx.t(&i18n::DONE_ON_TIME).to_string(), "flag.ok"),
        Progress::Done { on_time: false } => (ctx.t(&i18n::DONE_LATE).to_string(), "flag.late"),
        Progress::Pending(s) => {
            let style = match s {
                DeadlineState::Ok { .. } => "base",
                DeadlineState::DueSoon { .. } => "flag.warn",
                DeadlineState::Overdue { .. } => "flag.late",
            };
            (i18n::days_left(ctx.lang, s), style)
        }
    };
    Span::styled(
        format!("{} {due} · {text}", ctx.t(&i18n::DUE)),
        st(ctx, style),
    )
}
