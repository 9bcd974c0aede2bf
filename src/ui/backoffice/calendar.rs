//! 工作日历: the years the calendar covers and where their dates come from, the years the
//! coming deadlines need that nobody has entered, and the days the office added (R7).
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::super::text::{clip, fit};
use super::super::{pane_block, st};
use super::list;
use crate::app::Ctx;
use crate::app::backoffice::{BackOffice, CalendarRow, Pane};
use crate::i18n;
use crate::store::calendar::DayKind;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, o: &BackOffice, area: Rect, focused: bool) {
    let block = pane_block(ctx, focused, &i18n::PANE_CALENDAR, String::new());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let items = o
        .calendar_rows()
        .into_iter()
        .map(|r| match r {
            CalendarRow::Year {
                year,
                sources,
                office,
            } => {
                let whose = ctx.t(if office {
                    &i18n::OFFICE_ENTERED
                } else {
                    &i18n::OFFICIAL
                });
                ListItem::new(Line::from(vec![
                    Span::styled(format!("✓ {year} "), st(ctx, "flag.ok")),
                    Span::styled(fit(whose, 10), st(ctx, "muted")),
                    Span::styled(
                        clip(&sources.join("；"), w.saturating_sub(18)),
                        st(ctx, "base"),
                    ),
                ]))
            }
            CalendarRow::Uncovered(year) => ListItem::new(Line::styled(
                clip(&i18n::year_missing_line(ctx.lang, year), w),
                st(ctx, "flag.late"),
            )),
            CalendarRow::Day(d) => {
                let kind = ctx.t(match d.kind {
                    DayKind::Holiday => &i18n::HOLIDAY,
                    DayKind::MakeupDay => &i18n::MAKEUP_DAY,
                });
                ListItem::new(Line::from(vec![
                    Span::styled(format!("  {} ", d.date.format("%Y-%m-%d")), st(ctx, "base")),
                    Span::styled(fit(kind, 12), st(ctx, "flag.warn")),
                    Span::styled(clip(&d.name, w.saturating_sub(26)), st(ctx, "muted")),
                ]))
            }
        })
        .collect();
    list(
        frame,
        ctx,
        inner,
        items,
        Some(o.sel(Pane::Calendar)),
        focused,
    );
}
