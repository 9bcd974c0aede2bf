//! 议题: the topics with their stage, department and meeting; below, the selected topic's
//! form in short and its review checklist (who, when, result, note).
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph};

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::{hint, list};
use crate::app::Ctx;
use crate::app::backoffice::{BackOffice, Pane};
use crate::domain::Id;
use crate::domain::review::ItemState;
use crate::domain::topic_stage::TopicStage;
use crate::i18n;
use crate::store::intake::RegisteredTopic;

fn stage_style(s: TopicStage) -> &'static str {
    match s {
        TopicStage::Proposed | TopicStage::UnderReview => "flag.warn",
        TopicStage::Ready | TopicStage::Scheduled => "flag.ok",
        TopicStage::Discussed | TopicStage::Decided | TopicStage::Withdrawn => "muted",
    }
}

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, focused: bool) {
    let filtered = if o.topic_filter.is_set() {
        ctx.t(&i18n::FILTERED).to_string()
    } else {
        String::new()
    };
    let block = pane_block(ctx, focused, &i18n::PANE_TOPICS, filtered);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let topics = o.visible_topics();
    if topics.is_empty() {
        return hint(frame, ctx, inner, ctx.t(&i18n::NO_TOPICS_HINT));
    }
    let detail_height = if inner.height >= 16 {
        inner.height / 2
    } else {
        0
    };
    let [top, bottom] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(detail_height)]).areas(inner);
    let width = top.width as usize;
    let items = topics
        .iter()
        .map(|t| {
            // Carried over to a later meeting: done with here, whatever stage it reached.
            let carried = t.carried_to.is_some()
                || o.view.topics.iter().any(|c| c.carried_from == Some(t.id));
            let (stage, stage_st) = if carried {
                (ctx.t(&i18n::CARRIED_MARK), "muted")
            } else {
                (ctx.t(&i18n::stage_name(t.stage)), stage_style(t.stage))
            };
            let when = t
                .meeting_id
                .and_then(|m| o.view.meeting(m))
                .map(|m| m.starts_at.format(" %m-%d").to_string())
                .unwrap_or_default();
            let title_width = width.saturating_sub(12 + 14 + 7);
            ListItem::new(Line::from(vec![
                Span::styled(fit(stage, 12), st(ctx, stage_st)),
                Span::styled(fit(&t.registration.department, 14), st(ctx, "muted")),
                Span::styled(fit(&t.registration.title, title_width), st(ctx, "base")),
                Span::styled(when, st(ctx, "muted")),
            ]))
        })
        .collect();
    list(frame, ctx, top, items, Some(o.sel(Pane::Topics)), focused);
    if let (Some(t), true) = (topics.get(o.sel(Pane::Topics)), bottom.height > 0) {
        detail(frame, ctx, o, t, bottom);
    }
}

fn detail(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, t: &RegisteredTopic, area: Rect) {
    let r = &t.registration;
    let w = area.width as usize;
    let yes = |b: bool| ctx.t(if b { &i18n::YES } else { &i18n::NO });
    let classified = if r.classified {
        format!(" · {}", ctx.t(&i18n::F_CLASSIFIED))
    } else {
        String::new()
    };
    let facts = format!(
        "{} · {} {} · {} {} · {}{classified}",
        ctx.t(&i18n::channel_name(r.channel)),
        ctx.t(&i18n::F_SCOPE_SHORT),
        r.scope.number(),
        ctx.t(&i18n::F_DEPUTY),
        o.view.name(r.deputy_id),
        i18n::copies(ctx.lang, r.material_copies),
    );
    let mut lines = vec![
        Line::styled(clip(&format!("── {}", r.title), w), st(ctx, "header")),
        Line::styled(clip(&facts, w), st(ctx, "muted")),
        Line::styled(
            clip(
                &format!(
                    "{}：{} · {}：{} · {}：{}",
                    ctx.t(&i18n::F_INVOLVED_SHORT),
                    if r.involved_departments.is_empty() {
                        ctx.t(&i18n::X_NONE).to_string()
                    } else {
                        r.involved_departments.join("、")
                    },
                    ctx.t(&i18n::LEGAL_REVIEW),
                    yes(r.needs_legal_review()),
                    ctx.t(&i18n::ALTERNATIVES_SHORT),
                    r.alternatives.len()
                ),
                w,
            ),
            st(ctx, "muted"),
        ),
    ];
    // The link a carried-over topic keeps: where it came from, where it went.
    let day_of = |topic: Option<Id>, meeting: Option<Id>| {
        meeting
            .or_else(|| {
                topic
                    .and_then(|x| o.view.topic(x))
                    .and_then(|x| x.meeting_id)
            })
            .and_then(|m| o.view.meeting(m))
            .map(|m| m.starts_at.format("%Y-%m-%d").to_string())
    };
    if let Some(day) = t.carried_from.and_then(|f| day_of(Some(f), None)) {
        let text = i18n::carried_from(ctx.lang, &day);
        lines.push(Line::styled(clip(&text, w), st(ctx, "muted")));
    }
    if let Some(day) = day_of(None, t.carried_to) {
        let text = i18n::carried_to(ctx.lang, &day);
        lines.push(Line::styled(clip(&text, w), st(ctx, "muted")));
    }
    let needs = r.review_needs();
    let list = o.view.checklist(t.id);
    for (item, state) in list.items(needs) {
        let name = ctx.t(&i18n::review_item(item));
        let (mark, style, rest) = match state {
            ItemState::NotRequired => ("–", "muted", ctx.t(&i18n::NOT_REQUIRED).to_string()),
            ItemState::Missing => ("·", "flag.warn", ctx.t(&i18n::NOT_REVIEWED).to_string()),
            ItemState::Passed(e) | ItemState::Failed(e) => (
                if matches!(state, ItemState::Passed(_)) {
                    "✓"
                } else {
                    "✗"
                },
                if matches!(state, ItemState::Passed(_)) {
                    "flag.ok"
                } else {
                    "flag.late"
                },
                format!(
                    "{} {} {} {}",
                    ctx.t(if matches!(state, ItemState::Passed(_)) {
                        &i18n::PASS
                    } else {
                        &i18n::FAIL
                    }),
                    e.by,
                    e.at.format("%m-%d %H:%M"),
                    e.note
                ),
            ),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} "), st(ctx, style)),
            Span::styled(fit(name, 34.min(w.saturating_sub(2))), st(ctx, "base")),
            Span::styled(clip(&rest, w.saturating_sub(36)), st(ctx, style)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
