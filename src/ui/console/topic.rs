//! 当前议题 / 候会: the topic under way and, below it, who of the next topic is expected,
//! waiting, called in (R5.3).
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::text::{clip, fit, hms};
use super::super::{pane_block, st};
use crate::app::Ctx;
use crate::app::action::Action;
use crate::app::console::{Console, ConsoleAction, Pane};
use crate::domain::attendance::{WaitState, wait_state};
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, c: &Console, area: Rect) {
    let block = pane_block(
        ctx,
        c.focus == Pane::Topic && ctx.layers.is_empty(),
        &i18n::PANE_TOPIC,
        String::new(),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(d) = &c.view else { return };
    let width = inner.width as usize;
    let now = ctx.now();
    let mut lines: Vec<Line> = Vec::new();
    match d.current_topic() {
        Some(t) => {
            let total = d.topics.len();
            lines.push(Line::from(vec![Span::styled(
                clip(
                    &format!("{} {}/{total} · {}", ctx.t(&i18n::TOPIC), t.seq, t.title),
                    width,
                ),
                st(ctx, "topic.current"),
            )]));
            let elapsed = t
                .started_at
                .map(|s| hms((now - s).num_seconds()))
                .unwrap_or_default();
            let deputy = t.deputy_id.map(|id| d.name(id)).unwrap_or("");
            lines.push(Line::styled(
                clip(
                    &format!(
                        "{} · {} · {} {elapsed}",
                        i18n::x_field(ctx.lang, ctx.t(&i18n::DEPARTMENT), &t.department),
                        i18n::x_field(ctx.lang, ctx.t(&i18n::DEPUTY), deputy),
                        ctx.t(&i18n::ELAPSED)
                    ),
                    width,
                ),
                st(ctx, "muted"),
            ));
        }
        None => {
            let closed = !d.topics.is_empty() && d.next_topic().is_none();
            let t = if closed {
                &i18n::MEETING_CLOSED
            } else {
                &i18n::NO_CURRENT_TOPIC
            };
            lines.push(Line::styled(ctx.t(t), st(ctx, "muted")));
            lines.push(Line::default());
        }
    }
    if d.carried.open > 0 {
        // Earlier decisions still open when this meeting is held (R7.3): one line, and
        // until the first topic begins (the meeting hears them first) the list itself.
        let style = if d.carried.overdue > 0 {
            "flag.late"
        } else {
            "flag.warn"
        };
        let key = ctx
            .keymap
            .key_for(Action::Console(ConsoleAction::EarlierDecisions))
            .map(|k| k.to_string());
        let mut text = i18n::carried_summary(ctx.lang, d.carried.open, d.carried.overdue);
        if let Some(k) = &key {
            text.push_str(&i18n::carried_key(ctx.lang, k));
        }
        lines.push(Line::styled(clip(&text, width), st(ctx, style)));
        if c.before_first_topic() {
            let list = c.earlier_lines(ctx);
            // Leave the next topic and its first waiting people a few rows.
            let room = (inner.height as usize)
                .saturating_sub(lines.len() + 3)
                .max(1);
            let shown = if list.len() > room {
                room - 1
            } else {
                list.len()
            };
            for (l, style) in list.iter().take(shown) {
                lines.push(Line::styled(clip(&format!(" {l}"), width), st(ctx, style)));
            }
            if shown < list.len() {
                let more =
                    i18n::carried_more(ctx.lang, list.len() - shown, key.as_deref().unwrap_or(""));
                lines.push(Line::styled(clip(&more, width), st(ctx, "muted")));
            }
        }
    }
    match d.next_topic() {
        None => lines.push(Line::styled(
            i18n::x_field(
                ctx.lang,
                ctx.t(&i18n::NEXT_TOPIC),
                ctx.t(&i18n::NO_NEXT_TOPIC),
            ),
            st(ctx, "header"),
        )),
        Some(next) => {
            let room = d.meeting.waiting_room.clone().unwrap_or_default();
            lines.push(Line::styled(
                clip(
                    &format!(
                        "{} {} · {} · {room}",
                        ctx.t(&i18n::NEXT_TOPIC),
                        next.seq,
                        next.title
                    ),
                    width,
                ),
                st(ctx, "header"),
            ));
            let people = c.waiting_people();
            if people.is_empty() {
                lines.push(Line::styled(ctx.t(&i18n::NOBODY), st(ctx, "muted")));
            }
            // Keep the selected person in view when the list is longer than the pane.
            let room_for = (inner.height as usize).saturating_sub(lines.len()).max(1);
            let skip = c.waiting_selected.saturating_sub(room_for - 1);
            for (i, id) in people.iter().enumerate().skip(skip) {
                let p = d.person(*id);
                let state = d.state_of(*id);
                let (sym, word, style) = match wait_state(&state) {
                    WaitState::NotArrived => {
                        ("·", ctx.t(&i18n::P_EXPECTED).to_string(), "waiting.missing")
                    }
                    WaitState::Waiting { since } => (
                        "…",
                        format!("{} {}", ctx.t(&i18n::P_WAITING), since.format("%H:%M")),
                        "waiting.arrived",
                    ),
                    WaitState::CalledIn { at } => (
                        "→",
                        format!("{} {}", ctx.t(&i18n::P_CALLED), at.format("%H:%M")),
                        "waiting.called",
                    ),
                    WaitState::InRoom => ("✓", ctx.t(&i18n::P_IN_ROOM).to_string(), "flag.ok"),
                    WaitState::Excused => ("◇", ctx.t(&i18n::P_EXCUSED).to_string(), "flag.leave"),
                };
                let selected = i == c.waiting_selected && c.focus == Pane::Topic;
                let marker = if selected { "▶" } else { " " };
                let line = Line::from(vec![
                    Span::raw(marker),
                    Span::styled(
                        fit(p.map(|p| p.name.as_str()).unwrap_or("?"), 8),
                        st(ctx, "base"),
                    ),
                    Span::styled(
                        fit(p.map(|p| p.department.as_str()).unwrap_or(""), 14),
                        st(ctx, "muted"),
                    ),
                    Span::styled(format!("{sym} {word}"), st(ctx, style)),
                ]);
                lines.push(if selected {
                    line.style(st(ctx, "selected"))
                } else {
                    line
                });
            }
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
