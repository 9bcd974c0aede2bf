//! 呈报审批: the submission form's chain, step by step with who, when and opinion; what
//! was sent back and why; and whether press, video or photos are allowed (R2.3, R2.4).
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::hint;
use crate::app::Ctx;
use crate::app::backoffice::BackOffice;
use crate::domain::coverage::allowed;
use crate::domain::submission::{SubmissionEvent, SubmissionStep};
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, focused: bool) {
    let block = pane_block(ctx, focused, &i18n::PANE_APPROVAL, String::new());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(m) = o.meeting() else {
        return hint(frame, ctx, inner, ctx.t(&i18n::NO_MEETING_YET));
    };
    let w = inner.width as usize;
    let chain = o.view.submission(m.id);
    let signed = chain.signatures();
    let next = chain.next_step();
    let mut lines = vec![Line::styled(
        ctx.t(&i18n::SUBMISSION_FORM).to_string(),
        st(ctx, "header"),
    )];
    for step in SubmissionStep::ALL {
        let done = signed.iter().find(|s| s.step == step);
        let (mark, style, rest) = match done {
            Some(s) => (
                "✓",
                "flag.ok",
                format!("{} {} {}", s.by, s.at.format("%m-%d %H:%M"), s.opinion),
            ),
            None if Some(step) == next => {
                ("→", "flag.warn", ctx.t(&i18n::WAITING_STEP).to_string())
            }
            None => ("·", "muted", String::new()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {mark} "), st(ctx, style)),
            Span::styled(fit(ctx.t(&i18n::step_name(step)), 22), st(ctx, "base")),
            Span::styled(clip(&rest, w.saturating_sub(26)), st(ctx, style)),
        ]));
    }
    let verdict = if chain.is_approved() {
        &i18n::APPROVED
    } else {
        &i18n::NOT_APPROVED
    };
    lines.push(Line::styled(
        format!(" {}", ctx.t(verdict)),
        st(
            ctx,
            if chain.is_approved() {
                "flag.ok"
            } else {
                "flag.warn"
            },
        ),
    ));
    for e in &chain.events {
        if let SubmissionEvent::SentBack {
            at_step,
            by,
            at,
            reason,
        } = e
        {
            lines.push(Line::styled(
                clip(
                    &i18n::sent_back_line(
                        ctx.lang,
                        *at_step,
                        by,
                        &at.format("%m-%d %H:%M").to_string(),
                        reason,
                    ),
                    w,
                ),
                st(ctx, "flag.late"),
            ));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        ctx.t(&i18n::FORM_COVERAGE).to_string(),
        st(ctx, "header"),
    ));
    let exceptions = o.view.coverage_of(m.id);
    let now = allowed(&exceptions);
    match exceptions.last() {
        Some(e) if now.any() => lines.push(Line::styled(
            clip(
                &i18n::coverage_line(ctx.lang, now, &e.ordered_by, &e.note),
                w,
            ),
            st(ctx, "flag.warn"),
        )),
        _ => lines.push(Line::styled(
            clip(&format!(" {}", ctx.t(&i18n::COVERAGE_NONE)), w),
            st(ctx, "muted"),
        )),
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
