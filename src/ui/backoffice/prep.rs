//! 会务: the room, the notices and replies per department, the material packages per
//! topic and department, the numbered classified copies (R4).
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::dashboard::topic_label;
use super::{hint, list};
use crate::app::Ctx;
use crate::app::backoffice::{BackOffice, Pane, PrepRow};
use crate::domain::Id;
use crate::domain::materials::DeliveryWay;
use crate::domain::notice::NoticeChannel;
use crate::i18n;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, focused: bool) {
    let block = pane_block(ctx, focused, &i18n::PANE_PREP, String::new());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(m) = o.meeting() else {
        return hint(frame, ctx, inner, ctx.t(&i18n::NO_MEETING_YET));
    };
    let w = inner.width as usize;
    let mut items = Vec::new();
    let mut selected = None;
    let mut last_section = None;
    for (i, r) in o.prep_rows().into_iter().enumerate() {
        let section = match r {
            PrepRow::Room => 0,
            PrepRow::Department(_) => 1,
            PrepRow::Topic(_) | PrepRow::Package(_) => 2,
            PrepRow::Classified(_) | PrepRow::Copy(_) => 3,
        };
        if last_section != Some(section) {
            last_section = Some(section);
            let title = ctx.t(&i18n::prep_section(section));
            items.push(ListItem::new(Line::styled(
                format!("── {title}"),
                st(ctx, "header"),
            )));
        }
        if i == o.sel(Pane::Prep) {
            selected = Some(items.len());
        }
        let line = match &r {
            PrepRow::Room => room(ctx, o, m.id, w),
            PrepRow::Department(d) => department(ctx, o, m.id, d, w),
            PrepRow::Topic(t) => {
                let title = o
                    .view
                    .topic(*t)
                    .map(|t| t.registration.title.clone())
                    .unwrap_or_default();
                Line::styled(
                    clip(&format!("{} {title}", topic_label(ctx, o, *t)), w),
                    st(ctx, "base"),
                )
            }
            PrepRow::Package(id) => package(ctx, o, *id, w),
            PrepRow::Classified(t) => classified(ctx, o, m.id, *t, w),
            PrepRow::Copy(id) => copy(ctx, o, *id, w),
        };
        items.push(ListItem::new(line));
    }
    list(frame, ctx, inner, items, selected, focused);
}

fn room(ctx: &Ctx, o: &BackOffice, meeting: Id, w: usize) -> Line<'static> {
    match o.view.prep.bookings.iter().find(|(x, _)| *x == meeting) {
        Some((_, b)) => Line::styled(
            clip(&i18n::booking_line(ctx.lang, b), w),
            st(ctx, "flag.ok"),
        ),
        None => Line::styled(clip(ctx.t(&i18n::NOT_BOOKED), w), st(ctx, "flag.warn")),
    }
}

fn department(ctx: &Ctx, o: &BackOffice, meeting: Id, d: &str, w: usize) -> Line<'static> {
    let notice = o
        .view
        .prep
        .notices
        .iter()
        .rev()
        .find(|(_, x, n)| *x == meeting && n.department == d);
    let reply = o
        .view
        .prep
        .replies
        .iter()
        .rev()
        .find(|(_, x, r)| *x == meeting && r.department == d);
    let n = match notice {
        Some((_, _, n)) => {
            let how = ctx.t(match n.channel {
                NoticeChannel::WeChat => &i18n::WECHAT,
                NoticeChannel::Phone => &i18n::PHONE,
            });
            (
                format!("✓{how} {} {}", n.to_whom, n.sent_at.format("%m-%d %H:%M")),
                "flag.ok",
            )
        }
        None => (format!("· {}", ctx.t(&i18n::NOT_NOTIFIED)), "flag.warn"),
    };
    let r = match reply {
        Some((_, _, r)) => (
            format!("✓{} {}", r.at.format("%m-%d %H:%M"), r.attendees.join("、")),
            "flag.ok",
        ),
        None => (format!("· {}", ctx.t(&i18n::NO_REPLY)), "flag.warn"),
    };
    let half = w.saturating_sub(14) / 2;
    Line::from(vec![
        Span::styled(fit(d, 14), st(ctx, "base")),
        Span::styled(fit(&n.0, half), st(ctx, n.1)),
        Span::styled(clip(&r.0, half), st(ctx, r.1)),
    ])
}

fn package(ctx: &Ctx, o: &BackOffice, id: Id, w: usize) -> Line<'static> {
    let Some(p) = o.view.prep.packages.iter().find(|p| p.id == id) else {
        return Line::raw("");
    };
    let (state, style) = match &p.package.delivery {
        Some(d) => {
            let how = match &d.way {
                DeliveryWay::Delivered => ctx.t(&i18n::DELIVERED).to_string(),
                DeliveryWay::Fallback(x) => x.clone(),
            };
            (
                format!("✓ {} {} {how}", d.at.format("%m-%d %H:%M"), d.by),
                "flag.ok",
            )
        }
        None => (format!("· {}", ctx.t(&i18n::NOT_DELIVERED)), "flag.warn"),
    };
    Line::from(vec![
        Span::styled(
            format!("  {}", fit(&p.package.department, 14)),
            st(ctx, "base"),
        ),
        Span::styled(
            fit(&i18n::copies(ctx.lang, p.package.copies), 8),
            st(ctx, "muted"),
        ),
        Span::styled(clip(&state, w.saturating_sub(24)), st(ctx, style)),
    ])
}

fn classified(ctx: &Ctx, o: &BackOffice, meeting: Id, t: Id, w: usize) -> Line<'static> {
    let copies = o.copies_of(meeting, t);
    let out = copies.iter().filter(|c| c.copy.is_out()).count();
    let back = copies
        .iter()
        .filter(|c| c.copy.returned_at.is_some())
        .count();
    let needed = o.copies_needed(meeting, t);
    let title = o
        .view
        .topic(t)
        .map(|t| t.registration.title.clone())
        .unwrap_or_default();
    let style = if (copies.len() as u32) < needed {
        "flag.warn"
    } else {
        "flag.ok"
    };
    Line::styled(
        clip(
            &i18n::classified_line(
                ctx.lang,
                &format!("{} {title}", topic_label(ctx, o, t)),
                copies.len(),
                needed,
                out,
                back,
            ),
            w,
        ),
        st(ctx, style),
    )
}

fn copy(ctx: &Ctx, o: &BackOffice, id: Id, w: usize) -> Line<'static> {
    let Some(c) = o.view.prep.copies.iter().find(|c| c.id == id) else {
        return Line::raw("");
    };
    let holder = c
        .copy
        .holder
        .map(|h| o.view.name(h).to_string())
        .unwrap_or_default();
    let (state, style) = match (&c.copy.handed_out, &c.copy.returned_at) {
        (None, _) => (ctx.t(&i18n::NOT_HANDED_OUT).to_string(), "muted"),
        (Some((at, _)), None) => (
            i18n::copy_out_line(ctx.lang, &holder, &at.format("%H:%M").to_string()),
            "flag.warn",
        ),
        (Some(_), Some(back)) => (
            i18n::copy_back_line(ctx.lang, &holder, &back.format("%H:%M").to_string()),
            "flag.ok",
        ),
    };
    Line::from(vec![
        Span::styled(
            format!("  {}", fit(&i18n::copy_number(ctx.lang, c.copy.number), 10)),
            st(ctx, "base"),
        ),
        Span::styled(clip(&state, w.saturating_sub(12)), st(ctx, style)),
    ])
}
