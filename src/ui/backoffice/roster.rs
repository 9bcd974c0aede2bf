//! 名册: everyone on the roster with their initials, department, title and phone (the
//! retired last, marked); or, while importing, the file's people or its bad lines.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::{below, hint, list, row};
use crate::app::Ctx;
use crate::app::backoffice::{BackOffice, ImportState, Pane};
use crate::domain::people_import::RowFlag;
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, focused: bool) {
    let active = o.view.people.iter().filter(|p| p.is_active()).count();
    let block = pane_block(
        ctx,
        focused,
        &i18n::PANE_ROSTER,
        i18n::people_on_roster(ctx.lang, active),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(state) = &o.import {
        return import(frame, ctx, o, state, inner);
    }
    let mut rest = inner;
    let f = &o.roster_filter;
    if f.typing || !f.text.is_empty() {
        let caret = if f.typing { "▏" } else { "" };
        frame.render_widget(
            Paragraph::new(format!("/ {}{caret}  (Esc)", f.text)).style(st(ctx, "selected")),
            row(inner, 0),
        );
        rest = below(inner, 1);
    }
    let people = o.visible_people();
    if people.is_empty() {
        return hint(frame, ctx, rest, ctx.t(&i18n::ROSTER_EMPTY));
    }
    let w = rest.width as usize;
    let items = people
        .iter()
        .map(|p| {
            let q = &p.person;
            let style = if p.is_active() { "base" } else { "muted" };
            let mut spans = vec![
                Span::styled(fit(&q.name, 8), st(ctx, style)),
                Span::styled(fit(&q.initials, 6), st(ctx, "muted")),
                Span::styled(fit(&q.department, 14), st(ctx, style)),
                Span::styled(fit(&q.title, 20), st(ctx, style)),
                Span::styled(clip(&q.phone, w.saturating_sub(48)), st(ctx, "muted")),
            ];
            if !p.is_active() {
                spans.push(Span::styled(
                    format!(" [{}]", ctx.t(&i18n::RETIRED)),
                    st(ctx, "muted"),
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    list(frame, ctx, rest, items, Some(o.sel(Pane::Roster)), focused);
}

fn import(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, s: &ImportState, area: Rect) {
    let w = area.width as usize;
    let (head, keys, style) = match &s.result {
        Ok(p) => (
            i18n::import_preview(ctx.lang, p.rows.len()),
            ctx.t(&i18n::IMPORT_KEYS),
            "flag.ok",
        ),
        Err(e) => (
            i18n::import_refused(ctx.lang, e.len()),
            ctx.t(&i18n::IMPORT_ERRORS_KEYS),
            "flag.late",
        ),
    };
    frame.render_widget(
        Paragraph::new(clip(&format!("{} · {}", s.path, head), w)).style(st(ctx, style)),
        row(area, 0),
    );
    frame.render_widget(
        Paragraph::new(clip(keys, w)).style(st(ctx, "muted")),
        row(area, 1),
    );
    let lines: Vec<Line> = match &s.result {
        Ok(p) => p
            .rows
            .iter()
            .map(|r| {
                let q = &r.person;
                let flags: Vec<String> = r
                    .flags
                    .iter()
                    .map(|f| match f {
                        RowFlag::SameNameAs { line } => i18n::same_name_as(ctx.lang, *line),
                        RowFlag::AlreadyOnList { .. } => {
                            ctx.t(&i18n::ALREADY_ON_ROSTER).to_string()
                        }
                    })
                    .collect();
                Line::from(vec![
                    Span::styled(format!("{:>4} ", r.line), st(ctx, "muted")),
                    Span::styled(fit(&q.name, 8), st(ctx, "base")),
                    Span::styled(fit(&q.initials, 6), st(ctx, "muted")),
                    Span::styled(fit(&q.department, 14), st(ctx, "base")),
                    Span::styled(fit(&q.title, 16), st(ctx, "base")),
                    Span::styled(
                        clip(&flags.join(" "), w.saturating_sub(49)),
                        st(ctx, "flag.warn"),
                    ),
                ])
            })
            .collect(),
        Err(errors) => errors
            .iter()
            .map(|e| {
                Line::styled(
                    clip(&i18n::import_error(ctx.lang, e), w),
                    st(ctx, "flag.late"),
                )
            })
            .collect(),
    };
    let rest = below(area, 2);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(s.scroll)
        .take(rest.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), rest);
    let _ = o;
}
