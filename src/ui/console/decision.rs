//! 决定: the director's decision on the topic in view (R6.5).
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::{pane_block, st};
use crate::app::Ctx;
use crate::app::console::{Console, Pane};
use crate::domain::decision::Outcome;
use crate::i18n;
use crate::store::lease::LeaseKey;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, c: &Console, area: Rect) {
    // Another terminal editing the decision: say who (issue 10).
    let extra = c
        .procedure
        .topic_id
        .and_then(|t| ctx.edited_by(&LeaseKey::decision(t)))
        .map(|op| format!("· {}", i18n::edited_by(ctx.lang, op)))
        .unwrap_or_default();
    let block = pane_block(
        ctx,
        c.focus == Pane::Decision && ctx.layers.is_empty(),
        &i18n::PANE_DECISION,
        extra,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(dec) = &c.decision else { return };
    let dash = ctx.t(&i18n::NOT_SET);
    let outcome = dec
        .outcome
        .and_then(|o| Outcome::ALL.iter().position(|x| *x == o))
        .map(|i| ctx.t(&i18n::OUTCOMES[i]))
        .unwrap_or(dash);
    let (state, state_style) = match dec.decided_at {
        Some(at) => (
            format!("{} {}", ctx.t(&i18n::D_DECIDED), at.format("%H:%M")),
            "flag.ok",
        ),
        None => (ctx.t(&i18n::D_UNDECIDED).to_string(), "flag.warn"),
    };
    let topic = c.procedure.topic_id.and_then(|t| c.view.as_ref()?.topic(t));
    let alternative = dec
        .alternative
        .and_then(|k| topic?.alternatives.get(k as usize - 1).cloned())
        .unwrap_or_else(|| dash.to_string());
    let deputy = dec
        .deputy_id
        .and_then(|id| c.view.as_ref().map(|d| d.name(id).to_string()))
        .unwrap_or_else(|| dash.to_string());
    let deadline = dec
        .deadline
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| dash.to_string());
    let label =
        |t: &i18n::Tr| Span::styled(i18n::x_field(ctx.lang, ctx.t(t), ""), st(ctx, "muted"));
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            dash.to_string()
        } else {
            s.replace('\n', "；")
        }
    };
    let mut lines = vec![
        Line::from(vec![
            label(&i18n::D_OUTCOME),
            Span::styled(format!("{outcome}  "), st(ctx, "header")),
            Span::styled(format!("[{state}]  "), st(ctx, state_style)),
            label(&i18n::D_DEADLINE),
            Span::raw(format!("{deadline}  ")),
            label(&i18n::D_SUPERVISOR),
            Span::raw(or_dash(&dec.supervisor)),
        ]),
        Line::from(vec![label(&i18n::D_TEXT), Span::raw(or_dash(&dec.text))]),
        Line::from(vec![
            label(&i18n::D_DEPUTY),
            Span::raw(format!("{deputy}  ")),
            label(&i18n::D_UNITS),
            Span::raw(or_dash(&dec.units)),
        ]),
    ];
    if topic.is_some_and(|t| !t.alternatives.is_empty()) {
        lines.push(Line::from(vec![
            label(&i18n::D_ALTERNATIVE),
            Span::raw(alternative),
        ]));
    }
    if !dec.dissent.trim().is_empty() {
        lines.push(Line::from(vec![
            label(&i18n::D_DISSENT),
            Span::raw(or_dash(&dec.dissent)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
