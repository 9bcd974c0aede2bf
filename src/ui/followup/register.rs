//! 督办: the register across all meetings — the filters in force, one line per item
//! (overdue in red), and the selected item's notes, problems and discipline flag.
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use crate::app::Ctx;
use crate::app::followup::FollowUp;
use crate::domain::followup::Status;
use crate::domain::followup_query::{StatusFilter, counts};
use crate::export::status_word;
use crate::i18n;

fn filter_text(ctx: &Ctx, f: &FollowUp) -> String {
    let flt = &f.register.filter;
    let status = match flt.status {
        None => ctx.t(&i18n::FILTER_ALL).to_string(),
        Some(StatusFilter::Open) => ctx.t(&i18n::FILTER_OPEN).to_string(),
        Some(StatusFilter::Overdue) => ctx.t(&i18n::OVERDUE_WORD).to_string(),
        Some(StatusFilter::Flagged) => ctx.t(&i18n::FILTER_FLAGGED).to_string(),
        Some(StatusFilter::Is(s)) => {
            let i = Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
            ctx.t(&i18n::STATUS_NAMES[i]).to_string()
        }
    };
    let mut parts = vec![
        i18n::register_scope(ctx.lang, f.register_from),
        format!("f {status}"),
    ];
    if let Some(u) = &flt.unit {
        parts.push(format!("u {u}"));
    }
    if let Some(d) = flt.deputy_id {
        let name = f
            .model
            .as_ref()
            .map(|m| m.view.name(d).to_string())
            .unwrap_or_default();
        parts.push(format!("l {name}"));
    }
    if let Some((m, _)) = flt.month {
        parts.push(format!("m {}", i18n::x_month(ctx.lang, m.year, m.month)));
    }
    parts.join("  ")
}

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, f: &FollowUp, area: Rect, focused: bool) {
    let now = ctx.now();
    let c = counts(&f.items, now);
    let extra = format!(
        "{} {} · {} {} · {} {}",
        ctx.t(&i18n::FILTER_OPEN),
        c.in_progress + c.stalled,
        ctx.t(&i18n::OVERDUE_WORD),
        c.overdue,
        ctx.t(&i18n::FILTER_FLAGGED),
        c.flagged
    );
    let block = pane_block(ctx, focused, &i18n::PANE_REGISTER, extra);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let shown = f.register.shown(&f.items, now);
    let list_h = ((shown.len() as u16) + 2).clamp(4, inner.height * 3 / 5);
    let [filters, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(list_h),
        Constraint::Min(2),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(filter_text(ctx, f)).style(st(ctx, "muted")),
        filters,
    );
    let w = list.width as usize;
    let name = |id: Option<i64>| {
        id.and_then(|id| f.model.as_ref().map(|m| m.view.name(id).to_string()))
            .unwrap_or_default()
    };
    let skip = f
        .register
        .selected
        .saturating_sub(list.height.saturating_sub(1) as usize);
    // Only the rows the list shows: formatting all of them cost 6 ms a frame on ten
    // years of decisions.
    // The register reaches back into last year: a date of another year shows its year,
    // and the rows shown then all take the wider column.
    let year = now.year();
    let day = |d: chrono::NaiveDate| {
        if d.year() == year {
            d.format("%m-%d").to_string()
        } else {
            d.format("%Y-%m-%d").to_string()
        }
    };
    let rows = || shown.iter().skip(skip).take(list.height as usize);
    let wide = rows()
        .any(|i| i.meeting_date.year() != year || i.deadline.is_some_and(|d| d.year() != year));
    let col = if wide { 10 } else { 5 };
    let lines: Vec<Line> = shown
        .iter()
        .enumerate()
        .skip(skip)
        .take(list.height as usize)
        .map(|(i, item)| {
            let deadline = item.deadline.map(day).unwrap_or_else(|| "—".into());
            let text = format!(
                " {} {} {} {} {} · {}",
                fit(&status_word(ctx.lang, item, now), 14),
                fit(&deadline, col),
                fit(&day(item.meeting_date), col),
                fit(&name(item.deputy_id), 6),
                item.item,
                item.units.join("、")
            );
            let style = if i == f.register.selected {
                "selected"
            } else if item.is_overdue(now) {
                "flag.late"
            } else if item.status == Status::Done {
                "muted"
            } else {
                "base"
            };
            Line::styled(clip(&text, w), st(ctx, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    let Some(item) = f.register.current(&f.items, now) else {
        return;
    };
    let mut lines = vec![Line::styled(item.item.clone(), st(ctx, "header"))];
    // The row clips the units after the long item text: the detail always names them.
    let units = if item.units.is_empty() {
        "—".to_string()
    } else {
        item.units.join("、")
    };
    lines.push(Line::styled(
        i18n::x_field(ctx.lang, ctx.t(&i18n::D_UNITS), &units),
        st(ctx, "muted"),
    ));
    lines.push(Line::styled(
        format!("{} · {}", ctx.t(&i18n::D_SUPERVISOR), item.supervisor),
        st(ctx, "muted"),
    ));
    for n in &item.notes {
        lines.push(Line::from(format!("{} {}：{}", n.on, n.by, n.text)));
    }
    for p in &item.problems {
        let reply = p
            .reply
            .as_ref()
            .map(|r| format!(" → {}：{r}", ctx.t(&i18n::X_REPLY)))
            .unwrap_or_default();
        lines.push(Line::styled(
            format!(
                "{} {} {}：{}{reply}",
                ctx.t(&i18n::F_PROBLEM),
                p.on,
                p.by,
                p.text
            ),
            st(ctx, "flag.warn"),
        ));
    }
    if let Some(d) = &item.discipline {
        lines.push(Line::from(vec![Span::styled(
            format!(
                "{} {} {}：{}",
                ctx.t(&i18n::X_DISCIPLINE),
                d.on,
                d.by,
                d.note
            ),
            st(ctx, "flag.absent"),
        )]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), detail);
}
