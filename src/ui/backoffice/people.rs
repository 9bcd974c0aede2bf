//! 参会人员: the meeting's people by role — attending, sitting in throughout, sitting in
//! per topic, staff with the recorder marked (R2.2).
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::{hint, list};
use crate::app::Ctx;
use crate::app::backoffice::{BackOffice, Pane, PeopleRow, Section};
use crate::i18n;

fn section_title(ctx: &Ctx, o: &BackOffice, s: Section) -> String {
    let base = ctx.t(&i18n::section_pick_title(s));
    match s {
        Section::Topic(id) => {
            let t = o.view.topic(id);
            let seq = t.map(|t| t.seq).unwrap_or_default();
            let title = t.map(|t| t.registration.title.clone()).unwrap_or_default();
            format!(
                "── {} · {}{seq} {title}",
                ctx.t(&i18n::ROLE_SITTING_IN),
                ctx.t(&i18n::TOPIC)
            )
        }
        _ => format!("── {base}"),
    }
}

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, focused: bool) {
    let count = o.meeting_id.map(|m| o.view.parts_of(m).len()).unwrap_or(0);
    let block = pane_block(
        ctx,
        focused,
        &i18n::PANE_PEOPLE,
        i18n::people_count(ctx.lang, count),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if o.meeting().is_none() {
        return hint(frame, ctx, inner, ctx.t(&i18n::NO_MEETING_YET));
    }
    let w = inner.width as usize;
    let items = o
        .people_rows()
        .into_iter()
        .map(|r| match r {
            PeopleRow::Section(s) => ListItem::new(Line::styled(
                clip(&section_title(ctx, o, s), w),
                st(ctx, "header"),
            )),
            PeopleRow::Person {
                person_id,
                recorder,
                ..
            } => {
                let p = o.view.person(person_id);
                let name = p.map_or("?", |p| p.name.as_str());
                let info = p
                    .map(|p| format!("{} {}", p.department, p.title))
                    .unwrap_or_default();
                let mut spans = vec![
                    Span::styled(format!("  {}", fit(name, 8)), st(ctx, "base")),
                    Span::styled(clip(&info, w.saturating_sub(22)), st(ctx, "muted")),
                ];
                if recorder {
                    spans.push(Span::styled(
                        format!(" [{}]", ctx.t(&i18n::RECORDER)),
                        st(ctx, "flag.ok"),
                    ));
                }
                ListItem::new(Line::from(spans))
            }
        })
        .collect();
    list(frame, ctx, inner, items, Some(o.sel(Pane::People)), focused);
}
