//! 归档: the checklist of §7.4 for the selected meeting (each paper present or missing)
//! and its ledger entry.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::{pane_block, st};
use crate::app::Ctx;
use crate::app::followup::FollowUp;
use crate::domain::archive::{checklist, totals};
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, f: &FollowUp, area: Rect, focused: bool) {
    let block = pane_block(ctx, focused, &i18n::PANE_ARCHIVE, String::new());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(m) = &f.model else { return };
    let mut lines = Vec::new();
    for c in checklist(&m.papers_present()) {
        let (mark, style) = if c.present {
            ("✓", "flag.ok")
        } else {
            ("✗", "flag.late")
        };
        let state = ctx.t(if c.present {
            &i18n::PRESENT
        } else {
            &i18n::MISSING
        });
        let registered = m
            .ledger
            .as_ref()
            .and_then(|l| l.items.iter().find(|i| i.paper == c.paper))
            .map(|i| format!("  {}/{}", i.pages, i.copies))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!(" {mark} {state} "), st(ctx, style)),
            Span::raw(i18n::paper_name(ctx.lang, c.paper).to_string()),
            Span::styled(registered, st(ctx, "muted")),
        ]));
    }
    lines.push(Line::from(""));
    match &m.ledger {
        Some(l) => {
            let (pages, copies) = totals(l);
            lines.push(Line::styled(
                format!(
                    "{} {} · {}/{} · {} {}",
                    ctx.t(&i18n::LEDGER_COLUMNS[0]),
                    l.number,
                    pages,
                    copies,
                    l.registered_by,
                    l.registered_at.format("%Y-%m-%d %H:%M")
                ),
                st(ctx, "header"),
            ));
        }
        None if m.view.meeting.is_demo => lines.push(Line::styled(
            ctx.t(&i18n::DEMO_NOT_FILED).to_string(),
            st(ctx, "muted"),
        )),
        None => lines.push(Line::styled(
            ctx.t(&i18n::NOT_REGISTERED).to_string(),
            st(ctx, "flag.warn"),
        )),
    }
    if let Some((at, folder)) = &m.archived {
        lines.push(Line::styled(
            format!(
                "{} {} {folder}",
                ctx.t(&i18n::ARCHIVED),
                at.format("%Y-%m-%d %H:%M")
            ),
            st(ctx, "flag.leave"),
        ));
    }
    lines.push(Line::styled(
        ctx.t(&i18n::ARCHIVE_HINT).to_string(),
        st(ctx, "muted"),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
