//! 议程: the meeting's topics in order with their urgency, department, deputy and
//! sitting-in people; the cut-off, the count against the norm of 5, and whether the
//! office has put it forward.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::{below, hint, list, row};
use crate::app::Ctx;
use crate::app::backoffice::{BackOffice, Pane};
use crate::domain::agenda::{AGENDA_NORM, Urgency, cutoff};
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, focused: bool) {
    let block = pane_block(ctx, focused, &i18n::PANE_AGENDA, String::new());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(m) = o.meeting() else {
        return hint(frame, ctx, inner, ctx.t(&i18n::NO_MEETING_YET));
    };
    let agenda = o.view.agenda(m.id);
    let row_info = o.view.agenda_row(m.id);
    let n = agenda.items.len();
    let count_style = if n > AGENDA_NORM { "flag.warn" } else { "base" };
    let cut = cutoff(m.starts_at)
        .map(|c| i18n::cutoff_line(ctx.lang, &c, ctx.now() >= c))
        .unwrap_or_else(|| ctx.t(&i18n::NO_CUTOFF).to_string());
    let proposed = match row_info.and_then(|r| r.proposed_at.map(|at| (at, r.proposed_by.clone())))
    {
        Some((at, by)) => i18n::proposed_line(ctx.lang, &at, &by),
        None => ctx.t(&i18n::NOT_PROPOSED).to_string(),
    };
    let head = Line::from(vec![
        Span::styled(format!("{}/{AGENDA_NORM} ", n), st(ctx, count_style)),
        Span::styled(format!("· {cut} · "), st(ctx, "muted")),
        Span::styled(proposed, st(ctx, "muted")),
    ]);
    frame.render_widget(Paragraph::new(head), row(inner, 0));
    let mut used = 1;
    if let Some(reason) = row_info
        .and_then(|r| r.over_norm_reason.clone())
        .filter(|_| n > AGENDA_NORM)
    {
        let t = format!("{}：{reason}", ctx.t(&i18n::OVER_NORM_REASON));
        frame.render_widget(
            Paragraph::new(clip(&t, inner.width as usize)).style(st(ctx, "flag.warn")),
            row(inner, 1),
        );
        used = 2;
    }
    let rest = below(inner, used);
    let topics = o.view.agenda_topics(m.id);
    if topics.is_empty() {
        return hint(frame, ctx, rest, ctx.t(&i18n::AGENDA_EMPTY_HINT));
    }
    let mp = o.view.meeting_people(m.id);
    let w = rest.width as usize;
    let items = topics
        .iter()
        .map(|t| {
            let urgency = ctx.t(&i18n::urgency_name(t.urgency));
            let u_style = match t.urgency {
                Urgency::Urgent => "flag.late",
                Urgency::Important => "flag.warn",
                Urgency::Routine => "muted",
            };
            let sitting: Vec<String> = mp
                .sitting_in_for(t.id)
                .iter()
                .map(|p| o.view.name(p.person_id).to_string())
                .collect();
            let late = if t.after_cutoff {
                format!(" · {}", ctx.t(&i18n::AFTER_CUTOFF))
            } else {
                String::new()
            };
            let ready = o.view.review_result(t.id).is_ok();
            let title_w = w.saturating_sub(4 + 5 + 12 + 8);
            let first = Line::from(vec![
                Span::styled(format!("{:>2}. ", t.seq), st(ctx, "base")),
                Span::styled(fit(urgency, 5), st(ctx, u_style)),
                Span::styled(
                    fit(&t.registration.title, title_w),
                    st(ctx, if ready { "base" } else { "flag.late" }),
                ),
                Span::styled(fit(&t.registration.department, 12), st(ctx, "muted")),
                Span::styled(
                    fit(o.view.name(t.registration.deputy_id), 8),
                    st(ctx, "muted"),
                ),
            ]);
            let second = Line::styled(
                clip(
                    &format!(
                        "      {}：{}{late}",
                        ctx.t(&i18n::ROLE_SITTING_IN),
                        if sitting.is_empty() {
                            ctx.t(&i18n::X_NONE).to_string()
                        } else {
                            sitting.join("、")
                        }
                    ),
                    w,
                ),
                st(ctx, "muted"),
            );
            ListItem::new(vec![first, second])
        })
        .collect();
    list(frame, ctx, rest, items, Some(o.sel(Pane::Agenda)), focused);
}
