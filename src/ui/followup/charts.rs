//! 图表: two bar charts drawn with ratatui's own BarChart — the month's attendance per
//! meeting and the year's decisions by status per month.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use super::super::{pane_block, st};
use crate::app::Ctx;
use crate::app::followup::{FollowUp, Group};
use crate::i18n::{self, Tr};

/// The styles of the four series, in order.
const ATTENDANCE_STYLES: [&str; 4] = ["flag.ok", "flag.late", "flag.leave", "flag.absent"];
const DECISION_STYLES: [&str; 4] = ["flag.warn", "flag.ok", "flag.late", "flag.left"];

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, f: &FollowUp, area: Rect, focused: bool) {
    let block = pane_block(ctx, focused, &i18n::PANE_CHARTS, String::new());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [a, b] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let c = &f.charts;
    chart(
        frame,
        ctx,
        a,
        format!(
            "{} {}",
            ctx.t(&i18n::CHART_ATTENDANCE),
            i18n::x_month(ctx.lang, c.year, c.month)
        ),
        &c.attendance,
        &i18n::SERIES_ATTENDANCE,
        &ATTENDANCE_STYLES,
    );
    chart(
        frame,
        ctx,
        b,
        format!("{} {}", ctx.t(&i18n::CHART_DECISIONS), c.year),
        &c.decisions,
        &i18n::SERIES_DECISIONS,
        &DECISION_STYLES,
    );
}

fn chart(
    frame: &mut Frame<'_>,
    ctx: &Ctx,
    area: Rect,
    title: String,
    groups: &[Group],
    series: &[Tr; 4],
    styles: &[&str; 4],
) {
    let [head, legend, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(title).style(st(ctx, "header")), head);
    let spans: Vec<Span> = series
        .iter()
        .zip(styles)
        .map(|(s, style)| Span::styled(format!("■ {}  ", ctx.t(s)), st(ctx, style)))
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), legend);
    if groups.is_empty() {
        frame.render_widget(
            Paragraph::new(ctx.t(&i18n::NO_DATA)).style(st(ctx, "muted")),
            body,
        );
        return;
    }
    let mut bc = BarChart::default()
        .block(Block::new())
        .bar_width(3)
        .bar_gap(1)
        .group_gap(3);
    for g in groups {
        let bars: Vec<Bar> =
            g.values
                .iter()
                .zip(styles)
                .map(|(v, style)| {
                    Bar::default().value(*v).style(st(ctx, style)).value_style(
                        st(ctx, style).add_modifier(ratatui::style::Modifier::REVERSED),
                    )
                })
                .collect();
        bc = bc.data(
            BarGroup::default()
                .label(Line::from(g.label.clone()))
                .bars(&bars),
        );
    }
    frame.render_widget(bc, body);
}
