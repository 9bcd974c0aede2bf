//! 记录整理: each verbatim entry with how it is tidied (摘要 / 详细整理) and the text; the
//! 3-working-day clock on the calendar.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::text::clip;
use super::super::{pane_block, st};
use super::clock;
use crate::app::Ctx;
use crate::app::followup::FollowUp;
use crate::domain::record_tidy::Mode;
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, f: &FollowUp, area: Rect, focused: bool) {
    let block = pane_block(ctx, focused, &i18n::PANE_TIDY, String::new());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(m) = &f.model else { return };
    let mut head = Vec::new();
    if let Some((due, p)) = m.record_clock(&f.calendar, ctx.now()) {
        let mut spans = vec![clock(ctx, due.date, p)];
        if !due.is_certain() {
            spans.push(Span::styled(
                format!(" ({})", ctx.t(&i18n::CALENDAR_UNCOVERED)),
                st(ctx, "flag.warn"),
            ));
        }
        if let Some((at, by)) = &m.tidy_finished {
            spans.push(Span::styled(
                format!(
                    "  {} {} {}",
                    ctx.t(&i18n::TIDY_FINISHED),
                    at.format("%m-%d %H:%M"),
                    by
                ),
                st(ctx, "flag.ok"),
            ));
        }
        head.push(Line::from(spans));
    }
    if m.tidied.is_empty() {
        head.push(Line::styled(
            ctx.t(&i18n::TIDY_FIRST).to_string(),
            st(ctx, "muted"),
        ));
    }
    let half = inner.height.saturating_sub(head.len() as u16) / 2;
    let [top, list, text] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Length(half.max(3)),
        Constraint::Min(2),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(head), top);
    let w = list.width as usize;
    let skip = f
        .record_selected
        .saturating_sub(list.height.saturating_sub(1) as usize);
    let lines: Vec<Line> = m
        .entries
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(i, e)| {
            let tidied = m.tidied.iter().find(|t| t.entry_id == e.id);
            let mode = match tidied.map(|t| t.mode) {
                Some(Mode::Detailed) => ctx.t(&i18n::X_DETAILED),
                Some(Mode::Summary) => ctx.t(&i18n::X_SUMMARY),
                None => "—",
            };
            let seq = m
                .view
                .topics
                .iter()
                .find(|t| t.id == e.topic_id)
                .map_or(0, |t| t.seq);
            let text = format!(
                " {seq}.{} {} [{mode}] {}",
                e.step.number(),
                e.speaker_name,
                e.text.replace('\n', " ")
            );
            let style = if i == f.record_selected {
                "selected"
            } else {
                "base"
            };
            Line::styled(clip(&text, w), st(ctx, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    let shown = m
        .entries
        .get(f.record_selected)
        .map(|e| {
            m.tidied
                .iter()
                .find(|t| t.entry_id == e.id)
                .map_or(e.text.clone(), |t| t.text.clone())
        })
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(shown)
            .wrap(Wrap { trim: false })
            .style(st(ctx, "editor.text")),
        text,
    );
}
