//! 纪要: the version in view with its chain (who / when / opinion), its clock, and the
//! text — in the recorder's editor while it is edited, or two versions compared.
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::layers::place_cursor;
use super::super::{pane_block, st};
use super::clock;
use crate::app::Ctx;
use crate::app::followup::FollowUp;
use crate::domain::minutes::{StepKind, VersionStatus};
use crate::domain::text_diff::LineKind;
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, f: &FollowUp, area: Rect, focused: bool) {
    let extra = match (&f.editor, &f.compare) {
        (Some(_), _) => ctx.t(&i18n::EDITING).to_string(),
        (None, Some(c)) => format!("{} {} → {}", ctx.t(&i18n::COMPARING), c.from, c.to),
        _ => String::new(),
    };
    let block = pane_block(ctx, focused, &i18n::PANE_MINUTES, extra);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(model) = &f.model else { return };
    let Some(minutes) = &model.minutes else {
        frame.render_widget(
            Paragraph::new(ctx.t(&i18n::NO_MINUTES_YET)).style(st(ctx, "muted")),
            inner,
        );
        return;
    };
    let v = f
        .shown_version
        .and_then(|n| minutes.version(n))
        .unwrap_or(minutes.current());
    let (status, style) = match v.status() {
        VersionStatus::Draft => (&i18n::STATUS_DRAFT, "flag.warn"),
        VersionStatus::Reviewed => (&i18n::STATUS_REVIEWED, "flag.leave"),
        VersionStatus::Signed => (&i18n::STATUS_SIGNED, "flag.ok"),
    };
    let mut head = vec![Line::from(vec![
        Span::styled(
            format!(
                "{}/{} ",
                i18n::x_version(ctx.lang, v.number, v.corrects),
                minutes.versions().len()
            ),
            st(ctx, "header"),
        ),
        Span::styled(format!("[{}] ", ctx.t(status)), st(ctx, style)),
        Span::styled(
            format!("{} {}", v.made_by, v.made_at.format("%m-%d %H:%M")),
            st(ctx, "muted"),
        ),
    ])];
    for a in &v.approvals {
        head.push(Line::styled(
            i18n::x_step_line(
                ctx.lang,
                a.kind == StepKind::Review,
                &a.by,
                &a.at.format("%Y-%m-%d %H:%M").to_string(),
                &a.opinion,
            ),
            st(ctx, "flag.ok"),
        ));
    }
    if let Some((due, p)) = model.minutes_clock(ctx.now()) {
        head.push(Line::from(clock(ctx, due, p)));
    }
    let [top, body] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Min(1)]).areas(inner);
    frame.render_widget(Paragraph::new(head), top);
    if let Some(ed) = &f.editor {
        frame.render_widget(&ed.area, body);
        if focused {
            place_cursor(frame, &ed.area, body);
        }
        return;
    }
    if let Some(c) = &f.compare {
        let lines: Vec<Line> = c
            .lines
            .iter()
            .map(|l| {
                let (mark, base, strong) = match l.kind {
                    // No space after the mark: the wrap would break the line there.
                    LineKind::Same => (" ", "base", "base"),
                    LineKind::Removed => ("-", "flag.late", "diff.removed"),
                    LineKind::Added => ("+", "flag.ok", "diff.added"),
                };
                let mut spans = vec![Span::styled(mark, st(ctx, base))];
                for (changed, text) in &l.parts {
                    let style = if *changed {
                        st(ctx, strong).add_modifier(ratatui::style::Modifier::REVERSED)
                    } else {
                        st(ctx, base)
                    };
                    spans.push(Span::styled(text.clone(), style));
                }
                Line::from(spans)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        return;
    }
    frame.render_widget(
        Paragraph::new(v.text.clone()).wrap(Wrap { trim: false }),
        body,
    );
}
