//! The back office (F3): a line naming the meeting being prepared, a line of the panes
//! with their keys, then — on a wide terminal — the meetings and the preparation dashboard
//! in a column on the left (the office's guide, always in view) beside the work pane; on a
//! narrow one (below 110 columns) the focused pane alone, full width.
mod agenda;
mod approval;
mod calendar;
mod dashboard;
mod meetings;
mod people;
mod prep;
mod roster;
mod topics;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::st;
use super::text::clip;
use crate::app::Ctx;
use crate::app::backoffice::{BackOffice, Pane};
use crate::i18n;

/// Below this width the left column goes and the focused pane takes the whole width.
pub const WIDE: u16 = 110;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, main: Rect) {
    let [header, tabs, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(5),
    ])
    .areas(main);
    meeting_line(frame, ctx, o, header);
    tab_line(frame, ctx, o, tabs, body.width >= WIDE);
    let layered = !ctx.layers.is_empty();
    if body.width >= WIDE {
        let left_width = (body.width * 2 / 5).clamp(40, 56);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Min(40)]).areas(body);
        let meetings_height = (o.view.meetings.len() as u16 + 2).clamp(4, (left.height / 3).max(4));
        let [top, bottom] =
            Layout::vertical([Constraint::Length(meetings_height), Constraint::Min(4)]).areas(left);
        meetings::render(frame, ctx, o, top, o.focus == Pane::Meetings && !layered);
        dashboard::render(
            frame,
            ctx,
            o,
            bottom,
            o.focus == Pane::Dashboard && !layered,
        );
        let work = if o.focus.is_work() { o.focus } else { o.work };
        pane(frame, ctx, o, work, right, o.focus == work && !layered);
    } else {
        pane(frame, ctx, o, o.focus, body, !layered);
    }
}

fn pane(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, p: Pane, area: Rect, focused: bool) {
    match p {
        Pane::Meetings => meetings::render(frame, ctx, o, area, focused),
        Pane::Dashboard => dashboard::render(frame, ctx, o, area, focused),
        Pane::Topics => topics::render(frame, ctx, o, area, focused),
        Pane::Agenda => agenda::render(frame, ctx, o, area, focused),
        Pane::People => people::render(frame, ctx, o, area, focused),
        Pane::Approval => approval::render(frame, ctx, o, area, focused),
        Pane::Prep => prep::render(frame, ctx, o, area, focused),
        Pane::Roster => roster::render(frame, ctx, o, area, focused),
        Pane::Calendar => calendar::render(frame, ctx, o, area, focused),
    }
}

/// The meeting being prepared, in one line: when, what, where, who chairs, its state.
fn meeting_line(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect) {
    let text = match o.meeting() {
        Some(m) => {
            let chair = m
                .chair_id
                .map(|c| o.view.name(c).to_string())
                .unwrap_or_else(|| ctx.t(&i18n::NOT_SET).to_string());
            format!(
                " ▸ {} · {} · {} · {} {} · {}",
                i18n::meeting_when(ctx.lang, &m.starts_at),
                m.title,
                m.room,
                ctx.t(&i18n::CHAIR),
                chair,
                ctx.t(&i18n::meeting_status(m.status)),
            )
        }
        None => format!(" {}", ctx.t(&i18n::NO_MEETING_YET)),
    };
    // A postponed meeting's replacement names the day it replaces (R3.1).
    let from = o
        .meeting()
        .and_then(|m| m.postponed_from)
        .and_then(|id| o.view.meeting(id))
        .map(|m| i18n::postponed_from(ctx.lang, &m.starts_at.format("%m-%d").to_string()))
        .unwrap_or_default();
    let text = format!("{text}{from}");
    frame.render_widget(
        Paragraph::new(clip(&text, area.width as usize)).style(st(ctx, "header")),
        area,
    );
}

/// The panes and the keys that reach them; F2 goes back to the console.
fn tab_line(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, wide: bool) {
    let mut spans = vec![Span::styled(" Alt+", st(ctx, "footer.key"))];
    for (i, p) in Pane::ORDER.iter().enumerate() {
        if wide && !p.is_work() {
            continue;
        }
        let style = if *p == o.focus {
            "title.focused"
        } else if wide && *p == o.work {
            "header"
        } else {
            "muted"
        };
        spans.push(Span::styled(format!(" {}", i + 1), st(ctx, "footer.key")));
        spans.push(Span::styled(
            ctx.t(&tab_title(*p)).to_string(),
            st(ctx, style),
        ));
    }
    spans.push(Span::styled(
        format!(" F2 {}", ctx.t(&i18n::CONSOLE_SCREEN)),
        st(ctx, "muted"),
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A pane's name in the line of panes: short, so nine fit in 80 columns.
fn tab_title(p: Pane) -> i18n::Tr {
    use i18n::Tr;
    match p {
        Pane::Meetings => Tr("会议", "Meetings"),
        Pane::Dashboard => Tr("进度", "Progress"),
        Pane::Topics => Tr("议题", "Topics"),
        Pane::Agenda => Tr("议程", "Agenda"),
        Pane::People => Tr("人员", "People"),
        Pane::Approval => Tr("呈报", "Approval"),
        Pane::Prep => Tr("会务", "Rooms"),
        Pane::Roster => Tr("名册", "Roster"),
        Pane::Calendar => Tr("日历", "Days"),
    }
}

/// A list with the selected row kept in view and shown as selected while focused.
pub(crate) fn list(
    frame: &mut Frame<'_>,
    ctx: &Ctx,
    area: Rect,
    items: Vec<ListItem<'static>>,
    selected: Option<usize>,
    focused: bool,
) {
    let mut state = ListState::default().with_selected(selected);
    let style = if focused {
        st(ctx, "selected")
    } else {
        st(ctx, "base")
    };
    frame.render_stateful_widget(List::new(items).highlight_style(style), area, &mut state);
}

/// A line of muted words, e.g. where a list is empty.
pub(crate) fn hint(frame: &mut Frame<'_>, ctx: &Ctx, area: Rect, text: &str) {
    if area.height == 0 {
        return;
    }
    frame.render_widget(
        Paragraph::new(clip(text, area.width as usize)).style(st(ctx, "muted")),
        Rect::new(area.x, area.y, area.width, 1),
    );
}

/// The rows below the first `n` of an area.
pub(crate) fn below(area: Rect, n: u16) -> Rect {
    let n = n.min(area.height);
    Rect::new(area.x, area.y + n, area.width, area.height - n)
}

/// One row of an area.
pub(crate) fn row(area: Rect, n: u16) -> Rect {
    Rect::new(
        area.x,
        area.y + n.min(area.height),
        area.width,
        u16::from(n < area.height),
    )
}
