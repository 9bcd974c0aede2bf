//! 签到: everyone expected today, grouped by role, with state, time and flags (R5.1, R8.2).
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use crate::app::Ctx;
use crate::app::console::{Console, Pane};
use crate::domain::attendance::{Presence, Punctuality};
use crate::domain::roster::{AfterTopic, Group, Line as RosterLine};
use crate::i18n;
use unicode_width::UnicodeWidthStr;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, c: &Console, area: Rect) {
    let block = pane_block(
        ctx,
        c.focus == Pane::CheckIn && ctx.layers.is_empty(),
        &i18n::PANE_CHECK_IN,
        String::new(),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(d) = &c.view else { return };
    let n = d.roster.counts;
    // "应到 15" / "expected 15": each language's own spacing, figures apart from words.
    let mut figures = vec![
        (&i18n::C_EXPECTED, n.expected, "header"),
        (&i18n::C_PRESENT, n.present, "flag.ok"),
        (&i18n::C_IN_ROOM, n.in_room, "base"),
        (&i18n::C_LATE, n.late, "flag.late"),
        (&i18n::C_LEAVE, n.on_leave, "flag.leave"),
        (&i18n::C_ABSENT, n.absent, "flag.absent"),
    ];
    let text = |f: &[(&i18n::Tr, usize, &str)]| -> Vec<String> {
        f.iter()
            .map(|(label, value, _)| i18n::count(ctx.lang, ctx.t(label), *value))
            .collect()
    };
    // In a narrow pane the figure of who is in the room now goes first, then noughts,
    // then from the end.
    let fits = |f: &[(&i18n::Tr, usize, &str)]| text(f).join(" ").width() <= inner.width as usize;
    if !fits(&figures) {
        figures.remove(2);
    }
    while !fits(&figures) && figures.len() > 1 {
        let drop = figures
            .iter()
            .rposition(|(_, v, _)| *v == 0)
            .filter(|i| *i > 1)
            .unwrap_or(figures.len() - 1);
        figures.remove(drop);
    }
    let words = text(&figures);
    let last = words.len().saturating_sub(1);
    let counts = Line::from(
        figures
            .iter()
            .zip(words)
            .enumerate()
            .map(|(i, ((_, _, style), w))| {
                let gap = if i == last { "" } else { " " };
                Span::styled(format!("{w}{gap}"), st(ctx, style))
            })
            .collect::<Vec<_>>(),
    );
    let mut y = inner.y;
    frame.render_widget(
        Paragraph::new(counts),
        Rect::new(inner.x, y, inner.width, 1),
    );
    y += 1;
    if c.checkin.filtering || !c.checkin.filter.is_empty() {
        let caret = if c.checkin.filtering { "▏" } else { "" };
        let hint = if c.visible_lines().is_empty() {
            ctx.t(&i18n::FILTER_ADMIT_HINT)
        } else if c.checkin.filtering {
            ctx.t(&i18n::FILTER_HINT)
        } else {
            ctx.t(&i18n::FILTER_KEPT_HINT)
        };
        let line = clip(
            &format!("/ {}{caret}  {hint}", c.checkin.filter),
            inner.width as usize,
        );
        frame.render_widget(
            Paragraph::new(line).style(st(ctx, "selected")),
            Rect::new(inner.x, y, inner.width, 1),
        );
        y += 1;
    }
    let list_area = Rect::new(inner.x, y, inner.width, inner.bottom().saturating_sub(y));
    let lines = c.visible_lines();
    let mut items = Vec::new();
    let mut selected_item = None;
    let mut last_group = None;
    // While filtered the best match comes first, whatever its group: no headings then.
    let headings = c.checkin.filter.trim().is_empty();
    for (i, l) in lines.iter().enumerate() {
        if headings && last_group != Some(l.group) {
            last_group = Some(l.group);
            items.push(ListItem::new(Line::styled(
                group_title(ctx, c, l.group),
                st(ctx, "header"),
            )));
        }
        if i == c.checkin.selected {
            selected_item = Some(items.len());
        }
        items.push(ListItem::new(person_line(
            ctx,
            c,
            l,
            list_area.width as usize,
        )));
    }
    let mut state = ListState::default().with_selected(selected_item);
    let list = List::new(items).highlight_style(if c.focus == Pane::CheckIn {
        st(ctx, "selected")
    } else {
        st(ctx, "base")
    });
    frame.render_stateful_widget(list, list_area, &mut state);
}

fn group_title(ctx: &Ctx, c: &Console, g: Group) -> String {
    let Some(d) = &c.view else {
        return String::new();
    };
    let current = d.current_topic().map(|t| t.seq);
    let next = d.next_topic().map(|t| t.seq);
    match g {
        Group::Attending => format!("── {}", ctx.t(&i18n::ROLE_ATTENDING)),
        Group::SittingInAll => format!(
            "── {} · {}",
            ctx.t(&i18n::ROLE_SITTING_IN),
            ctx.t(&i18n::WHOLE_MEETING)
        ),
        Group::SittingIn(seq) => {
            let mark = if Some(seq) == current {
                format!(" · {}", ctx.t(&i18n::CURRENT))
            } else if Some(seq) == next {
                format!(" · {}", ctx.t(&i18n::P_WAITING))
            } else {
                String::new()
            };
            let title = d
                .topics
                .iter()
                .find(|t| t.seq == seq)
                .map(|t| clip(&t.title, 16))
                .unwrap_or_default();
            format!(
                "── {} · {} {seq}{mark} {title}",
                ctx.t(&i18n::ROLE_SITTING_IN),
                ctx.t(&i18n::TOPIC)
            )
        }
        Group::Staff => format!("── {}", ctx.t(&i18n::ROLE_STAFF)),
        Group::OffList => format!("── {}", ctx.t(&i18n::GROUP_OFF_LIST)),
    }
}

/// One person: name, title, then state with a symbol and a word, so it survives a
/// monochrome terminal.
fn person_line<'a>(ctx: &Ctx, c: &Console, l: &RosterLine, width: usize) -> Line<'a> {
    let Some(d) = &c.view else {
        return Line::default();
    };
    let p = d.person(l.person_id);
    let name = p.map(|p| p.name.as_str()).unwrap_or("?");
    // Sitting-in people are known by their unit; leaders by their post.
    let sitting_in = matches!(
        l.group,
        Group::SittingIn(_) | Group::SittingInAll | Group::OffList
    );
    let mut who = p
        .map(|p| {
            if sitting_in {
                p.department.clone()
            } else {
                p.title.clone()
            }
        })
        .unwrap_or_default();
    if l.is_recorder {
        who = ctx.t(&i18n::RECORDER).to_string();
    }
    let hhmm = |t: &crate::domain::Time| t.format("%H:%M").to_string();
    let (symbol, word, style) = match &l.state.presence {
        Presence::Expected => match l.overdue {
            Some(m) => (
                "✗",
                format!(
                    "{} {}",
                    ctx.t(&i18n::P_EXPECTED),
                    i18n::overdue(ctx.lang, m)
                ),
                "flag.late",
            ),
            None => ("·", ctx.t(&i18n::P_EXPECTED).to_string(), "muted"),
        },
        Presence::Waiting { since } => (
            "…",
            format!("{} {}", ctx.t(&i18n::P_WAITING), hhmm(since)),
            "waiting.arrived",
        ),
        Presence::CalledIn { at } => (
            "→",
            format!("{} {}", ctx.t(&i18n::P_CALLED), hhmm(at)),
            "waiting.called",
        ),
        Presence::Present { since } => ("✓", hhmm(since), "flag.ok"),
        Presence::OnLeave { reason, .. } => (
            "◇",
            format!("{}（{reason}）", ctx.t(&i18n::P_LEAVE)),
            "flag.leave",
        ),
        Presence::Absent => ("✗", ctx.t(&i18n::P_ABSENT).to_string(), "flag.absent"),
        Presence::LeftEarly { at, .. } => (
            "↗",
            format!("{} {}", ctx.t(&i18n::P_LEFT), hhmm(at)),
            "flag.left",
        ),
        // Gone after their topic: not 中途退席 (↗), and not gone for a topic to come.
        Presence::Gone { at } => match l.after_topic {
            Some(AfterTopic::Returns(seq)) => {
                ("·", i18n::returns_for(ctx.lang, seq, &hhmm(at)), "muted")
            }
            _ => (
                "⇲",
                format!("{} {}", ctx.t(&i18n::P_GONE), hhmm(at)),
                "muted",
            ),
        },
    };
    // Someone sitting in for several topics is listed once, with all of them (after
    // the flags, which matter more when the pane is narrow).
    let topics = if l.topics.len() > 1 {
        format!(" · {}", i18n::topics_list(ctx.lang, &l.topics))
    } else {
        String::new()
    };
    // The punctuality of the first sign-in stays visible whatever happened since.
    let (flag, flag_style) = match l.punctuality {
        Some(Punctuality::Late { .. }) => ("✗ ", "flag.late"),
        Some(Punctuality::NotEarly { .. }) => ("! ", "flag.warn"),
        _ => ("", "base"),
    };
    let flag_word = l
        .punctuality
        .and_then(|p| i18n::punctuality(ctx.lang, p))
        .map(|w| format!(" {w}"))
        .unwrap_or_default();
    let name_w = 8;
    let who_w = width.saturating_sub(name_w + 28).clamp(4, 14);
    let symbol = if flag.is_empty() {
        format!("{symbol} ")
    } else {
        flag.to_string()
    };
    let symbol_style = if flag.is_empty() { style } else { flag_style };
    Line::from(vec![
        Span::raw(" "),
        Span::styled(fit(name, name_w), st(ctx, "base")),
        Span::styled(fit(&who, who_w), st(ctx, "muted")),
        Span::raw(" "),
        Span::styled(symbol, st(ctx, symbol_style)),
        Span::styled(word, st(ctx, style)),
        Span::styled(flag_word, st(ctx, flag_style)),
        Span::styled(topics, st(ctx, "muted")),
    ])
}
