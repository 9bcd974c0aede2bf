//! 进度: every stage of the regulation for the meeting being prepared — its state in a
//! symbol and a word (green, amber, red), its deadline, and what is missing.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;
use unicode_width::UnicodeWidthStr;

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::{hint, list};
use crate::app::Ctx;
use crate::app::backoffice::{BackOffice, Pane};
use crate::domain::Id;
use crate::domain::prep::{Stage, StageState};
use crate::i18n;

/// "议题2" by the topic's place on the agenda (or "议题" if it has none).
pub fn topic_label(ctx: &Ctx, o: &BackOffice, id: Id) -> String {
    let seq = o.view.topic(id).map(|t| t.seq).filter(|s| *s > 0);
    match seq {
        Some(s) => format!("{}{s}", ctx.t(&i18n::TOPIC)),
        None => ctx.t(&i18n::TOPIC).to_string(),
    }
}

fn style(s: StageState) -> &'static str {
    match s {
        StageState::Done => "flag.ok",
        StageState::DueSoon => "flag.warn",
        StageState::Overdue => "flag.late",
        StageState::Pending => "muted",
    }
}

/// The second line of a stage: what is missing (the first, and how many more), else
/// the notes, else nothing.
pub fn detail(ctx: &Ctx, o: &BackOffice, s: &Stage) -> String {
    let topic = |id: Id| topic_label(ctx, o, id);
    let mut text = match s.missing.first() {
        Some(m) => {
            let first = i18n::missing(ctx.lang, m, &topic);
            match s.missing.len() {
                1 => first,
                n => ctx.lang.pick(
                    format!("{first} 等{n}项"),
                    format!("{first} (+{} more)", n - 1),
                ),
            }
        }
        None => s
            .notes
            .iter()
            .map(|n| i18n::note(ctx.lang, n, &topic))
            .collect::<Vec<_>>()
            .join(i18n::x_flag_sep(ctx.lang)),
    };
    if let Some(y) = s.uncovered_year {
        text = format!("{text} ⚠{y}{}", ctx.t(&i18n::UNCOVERED_WARNING));
    }
    text
}

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, focused: bool) {
    let stages = o.stages(ctx);
    let done = stages
        .iter()
        .filter(|s| s.state == StageState::Done)
        .count();
    let extra = if stages.is_empty() {
        String::new()
    } else {
        format!("{done}/{}", stages.len())
    };
    let block = pane_block(ctx, focused, &i18n::PANE_DASHBOARD, extra);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if stages.is_empty() {
        return hint(frame, ctx, inner, ctx.t(&i18n::DASHBOARD_NO_MEETING));
    }
    let width = inner.width as usize;
    // Columns as wide as their longest word and a space: English stage names are longer
    // than the Chinese ones and ran into the dates.
    let col = |f: &dyn Fn(&crate::domain::prep::Stage) -> usize| {
        stages.iter().map(f).max().unwrap_or(0) + 1
    };
    let state_w = col(&|s| ctx.t(&i18n::stage_state(s.state)).width()).max(12);
    let name_w = col(&|s| ctx.t(&i18n::stage_kind(s.kind)).width()).max(12);
    let items = stages
        .iter()
        .map(|s| {
            let state = ctx.t(&i18n::stage_state(s.state));
            let name = ctx.t(&i18n::stage_kind(s.kind));
            let due = i18n::due(ctx.lang, &s.due);
            let head = Line::from(vec![
                Span::styled(fit(state, state_w), st(ctx, style(s.state))),
                Span::styled(fit(name, name_w), st(ctx, "base")),
                Span::styled(
                    clip(&due, width.saturating_sub(state_w + name_w)),
                    st(ctx, "muted"),
                ),
            ]);
            let more = detail(ctx, o, s);
            let second = Line::styled(
                clip(&format!("  {more}"), width),
                st(
                    ctx,
                    if s.missing.is_empty() {
                        "muted"
                    } else {
                        style(s.state)
                    },
                ),
            );
            ListItem::new(vec![head, second])
        })
        .collect();
    list(
        frame,
        ctx,
        inner,
        items,
        Some(o.sel(Pane::Dashboard)),
        focused,
    );
}
