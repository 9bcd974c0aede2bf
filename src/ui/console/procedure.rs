//! 议事程序: the five steps of the current topic and the recorder's editor (R5.2, R6).
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::text::hms;
use super::super::{pane_block, st};
use crate::app::Ctx;
use crate::app::console::editor::EntryEditor;
use crate::app::console::{Console, Pane};
use crate::domain::procedure::Step;
use crate::i18n;
use crate::store::lease::LeaseKey;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, c: &Console, area: Rect) {
    let extra = c
        .procedure
        .topic_id
        .and_then(|t| c.view.as_ref()?.topic(t))
        .map(|t| format!("· {} {}", ctx.t(&i18n::TOPIC), t.seq))
        .unwrap_or_default();
    let block = pane_block(
        ctx,
        c.focus == Pane::Procedure && ctx.layers.is_empty(),
        &i18n::PANE_PROCEDURE,
        extra,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if c.procedure.topic_id.is_none() || inner.height < 2 {
        // After the last topic the record is done: say so, as the topic pane does.
        let closed = c
            .view
            .as_ref()
            .is_some_and(|d| !d.topics.is_empty() && d.next_topic().is_none());
        let t = if closed {
            &i18n::MEETING_CLOSED
        } else {
            &i18n::NO_CURRENT_TOPIC
        };
        frame.render_widget(Paragraph::new(ctx.t(t)).style(st(ctx, "muted")), inner);
        return;
    }
    frame.render_widget(
        Paragraph::new(step_tabs(ctx, c)),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let body = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    entries(frame, ctx, c, body);
}

/// "1 汇报 03:12 │ 2 说明 │ …": the current step stands out; each shows its time.
fn step_tabs(ctx: &Ctx, c: &Console) -> Line<'static> {
    let now = ctx.now();
    let current = c.procedure.step();
    let mut spans = Vec::new();
    for step in Step::ALL {
        let rec = c.procedure.record(step);
        let started = rec.and_then(|r| r.started_at);
        let ended = rec.and_then(|r| r.ended_at);
        let elapsed = match (started, ended) {
            (Some(s), _) if step == current => format!(" {}", hms((now - s).num_seconds())),
            (Some(s), Some(e)) => format!(" {}", hms((e - s).num_seconds())),
            _ => String::new(),
        };
        let style = if step == current {
            "step.current"
        } else if started.is_some() {
            "step.done"
        } else {
            "step.pending"
        };
        let name = ctx.t(&i18n::STEP_NAMES[usize::from(step.number() - 1)]);
        spans.push(Span::styled(
            format!("{} {name}{elapsed}", step.number()),
            st(ctx, style),
        ));
        if step != Step::Decision {
            spans.push(Span::styled(" │ ", st(ctx, "muted")));
        }
    }
    Line::from(spans)
}

fn header(ctx: &Ctx, ed: &EntryEditor) -> Line<'static> {
    let name = if ed.entry.speaker_name.is_empty() {
        ctx.t(&i18n::SPEAKER_UNSET).to_string()
    } else {
        ed.entry.speaker_name.clone()
    };
    let mut spans = vec![
        Span::styled(name, st(ctx, "speaker")),
        Span::styled(
            format!(" · {}", ed.entry.started_at.format("%H:%M")),
            st(ctx, "timestamp"),
        ),
    ];
    if ed.entry.off_list {
        spans.push(Span::styled(
            format!(" · {}", ctx.t(&i18n::OFF_LIST)),
            st(ctx, "flag.warn"),
        ));
    }
    // Another terminal is typing here: read-only in this one (issue 10).
    if let Some(op) = ctx.edited_by(&LeaseKey::entry(ed.entry.id)) {
        spans.push(Span::styled(
            format!(" · {}", i18n::edited_by(ctx.lang, op)),
            st(ctx, "flag.warn"),
        ));
    }
    Line::from(spans)
}

/// The entries of the step in view: those before the focused one as short previews,
/// the focused one as the live editor, those after as one line each.
fn entries(frame: &mut Frame<'_>, ctx: &Ctx, c: &Console, area: Rect) {
    let ids = c.procedure.in_step();
    if ids.is_empty() {
        frame.render_widget(
            Paragraph::new(ctx.t(&i18n::NO_ENTRY))
                .style(st(ctx, "muted"))
                .wrap(Wrap { trim: false }),
            area,
        );
        return;
    }
    let focused = c
        .procedure
        .focused
        .filter(|f| ids.contains(f))
        .or(ids.last().copied());
    let pos = focused
        .and_then(|f| ids.iter().position(|i| *i == f))
        .unwrap_or(0);
    let before = &ids[..pos];
    let after = &ids[pos + 1..];
    // Room for the editor first: previews only take what is left over.
    let after_rows = (after.len() as u16).min(area.height / 4);
    let preview_rows =
        (before.len() as u16 * 2).min(area.height.saturating_sub(after_rows + 3) / 2);
    let mut y = area.y;
    let mut lines: Vec<Line> = Vec::new();
    for i in before.iter().rev() {
        if lines.len() as u16 + 2 > preview_rows {
            break;
        }
        let Some(ed) = c.procedure.editors.get(*i) else {
            continue;
        };
        let tail = tail_columns(&ed.text().replace('\n', " "), area.width as usize);
        lines.insert(0, Line::styled(tail, st(ctx, "muted")));
        lines.insert(0, header(ctx, ed));
    }
    let n = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), Rect::new(area.x, y, area.width, n));
    y += n;
    let Some(ed) = focused.and_then(|f| c.procedure.editors.get(f)) else {
        return;
    };
    frame.render_widget(
        Paragraph::new(header(ctx, ed)),
        Rect::new(area.x, y, area.width, 1),
    );
    y += 1;
    let editor_h = area.bottom().saturating_sub(y + after_rows).max(1);
    let editor = Rect::new(area.x, y, area.width, editor_h);
    frame.render_widget(&ed.area, editor);
    if c.focus == Pane::Procedure && ctx.layers.is_empty() {
        // The real cursor at the caret, so the input method's window follows it (R9.3).
        super::super::layers::place_cursor(frame, &ed.area, editor);
    }
    y += editor_h;
    let mut rows = Vec::new();
    for i in after.iter().take(after_rows as usize) {
        if let Some(ed) = c.procedure.editors.get(*i) {
            rows.push(header(ctx, ed));
        }
    }
    frame.render_widget(
        Paragraph::new(rows),
        Rect::new(area.x, y, area.width, after_rows),
    );
}

/// The end of a text that fits in `width` columns (a Chinese character takes two): the
/// preview of an earlier speaker shows where they stopped, never a piece from the middle.
fn tail_columns(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut out: Vec<char> = Vec::new();
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::tail_columns;

    #[test]
    fn the_preview_is_the_end_of_the_text_measured_in_columns() {
        assert_eq!(tail_columns("归档纪要记录甲议题结束", 8), "议题结束");
        assert_eq!(tail_columns("ab归档", 5), "b归档");
        assert_eq!(tail_columns("短", 10), "短");
    }
}
