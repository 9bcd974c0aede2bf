//! 会议: every meeting with its state; under it the selected meeting's closing, its two
//! clocks, what stands in the way of closing, and the earlier decisions still open on its
//! date (上次会议决定事项落实情况).
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::clock;
use crate::app::Ctx;
use crate::app::followup::{FollowUp, Pane};
use crate::domain::followup_query::carried_into;
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, f: &FollowUp, area: Rect) {
    let focused = f.focus == Pane::Meetings && ctx.layers.is_empty();
    let block = pane_block(ctx, focused, &i18n::PANE_MEETINGS, String::new());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list_height = (f.meetings.len() as u16).clamp(3, inner.height / 2);
    let [list, detail] =
        Layout::vertical([Constraint::Length(list_height), Constraint::Min(3)]).areas(inner);
    let w = list.width as usize;
    // Keep the selected meeting in view.
    let skip = f
        .selected
        .saturating_sub(list_height.saturating_sub(1) as usize);
    let now = ctx.now();
    let lines: Vec<Line> = f
        .meetings
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(i, m)| {
            // A held demo meeting (or generated history) is never taken for the record.
            let state = if m.starts_at > now {
                ctx.t(&i18n::PLANNED)
            } else if m.is_demo {
                ctx.t(&i18n::DEMO_MARK)
            } else {
                ""
            };
            let text = format!(
                " {} {} {}",
                m.starts_at.format("%Y-%m-%d"),
                fit(state, 4),
                m.title
            );
            let style = if i == f.selected { "selected" } else { "base" };
            Line::styled(clip(&text, w), st(ctx, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    render_detail(frame, ctx, f, detail);
}

fn render_detail(frame: &mut Frame<'_>, ctx: &Ctx, f: &FollowUp, area: Rect) {
    let Some(m) = &f.model else { return };
    let now = ctx.now();
    let w = area.width as usize;
    let label = |t: &i18n::Tr| Span::styled(format!("{} ", ctx.t(t)), st(ctx, "muted"));
    let mut lines = vec![Line::from("")];
    let state = match (&m.closing, &m.archived) {
        (_, Some((at, _))) => Line::from(vec![
            Span::styled(ctx.t(&i18n::ARCHIVED).to_string(), st(ctx, "flag.leave")),
            Span::raw(format!(" {}", at.format("%Y-%m-%d %H:%M"))),
        ]),
        (Some(c), None) => Line::from(vec![
            Span::styled(ctx.t(&i18n::CLOSED).to_string(), st(ctx, "flag.ok")),
            Span::raw(format!(
                " {} · {}",
                c.closed_at.format("%Y-%m-%d %H:%M"),
                c.closed_by
            )),
        ]),
        (None, None) => {
            let (state, hint) = (ctx.t(&i18n::NOT_CLOSED), ctx.t(&i18n::CLOSE_HINT));
            let hint = format!("  {hint}");
            // The hint goes on a line of its own where the two do not fit (English).
            if UnicodeWidthStr::width(state) + UnicodeWidthStr::width(hint.as_str()) > w {
                lines.push(Line::styled(state.to_string(), st(ctx, "flag.warn")));
                let mut rows = super::super::text::wrap(&hint, w);
                let last = rows.pop().unwrap_or_default();
                for r in rows {
                    lines.push(Line::styled(r, st(ctx, "muted")));
                }
                Line::styled(last, st(ctx, "muted"))
            } else {
                Line::from(vec![
                    Span::styled(state.to_string(), st(ctx, "flag.warn")),
                    Span::styled(hint, st(ctx, "muted")),
                ])
            }
        }
    };
    lines.push(state);
    if let Some((due, p)) = m.minutes_clock(now) {
        lines.push(Line::from(vec![
            label(&i18n::PANE_MINUTES),
            clock(ctx, due, p),
        ]));
    }
    if let Some((due, p)) = m.record_clock(&f.calendar, now) {
        let mut spans = vec![label(&i18n::PANE_TIDY), clock(ctx, due.date, p)];
        if !due.is_certain() {
            spans.push(Span::styled(
                format!(" ({})", ctx.t(&i18n::CALENDAR_UNCOVERED)),
                st(ctx, "flag.warn"),
            ));
        }
        lines.push(Line::from(spans));
    }
    // The topics this meeting carried over stay on its record, marked 顺延 with where to.
    for c in &m.carried {
        let Some(t) = m.view.topics.iter().find(|t| t.id == c.topic_id) else {
            continue;
        };
        let day = f
            .meetings
            .iter()
            .find(|x| x.id == c.to_meeting)
            .map(|x| x.starts_at.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "?".to_string());
        let text = i18n::carried_over_to(ctx.lang, t.seq, &t.title, &day, &c.reason);
        lines.push(Line::styled(clip(&text, w), st(ctx, "muted")));
    }
    if !f.close_problems.is_empty() {
        lines.push(Line::styled(
            ctx.t(&i18n::CLOSE_PROBLEMS).to_string(),
            st(ctx, "flag.late"),
        ));
        for p in &f.close_problems {
            lines.push(Line::styled(
                clip(&format!(" ·{p}"), w),
                st(ctx, "flag.late"),
            ));
        }
    }
    let carried = carried_into(
        &m.carried_items,
        m.id(),
        m.view.meeting.starts_at.date_naive(),
    );
    lines.push(Line::styled(
        ctx.t(&i18n::CARRIED_HEAD).to_string(),
        st(ctx, "header"),
    ));
    if carried.is_empty() {
        lines.push(Line::styled(
            ctx.t(&i18n::X_NO_CARRIED).to_string(),
            st(ctx, "muted"),
        ));
    }
    for c in carried {
        let style = if c.overdue { "flag.late" } else { "base" };
        // An earlier year's decision shows its year (the list reaches back years).
        let day = if c.item.meeting_date.year() == m.view.meeting.starts_at.year() {
            c.item.meeting_date.format("%m-%d").to_string()
        } else {
            c.item.meeting_date.format("%Y-%m-%d").to_string()
        };
        let text = format!(" {day} {}", c.item.item);
        lines.push(Line::styled(clip(&text, w), st(ctx, style)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
