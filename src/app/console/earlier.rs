//! 上次会议决定事项落实情况 (R7.3): the meeting hears the decisions of earlier meetings
//! still open on its day before its first topic — listed in the topic pane until then, and
//! in full on a page over the console at any time.
use super::Console;
use crate::app::ctx::Ctx;
use crate::app::layer::Page;
use crate::domain::followup_query::{Carried, carried_into};
use crate::i18n;

impl Console {
    /// Read the open earlier decisions again (the meeting was opened or read again) —
    /// only while the topic pane lists them: once a topic has begun they are shown only
    /// on request (`d`), so a meeting under way does not read a backlog that grows with
    /// the years at every start (issue 11).
    pub(super) fn load_earlier(&mut self, ctx: &mut Ctx) {
        if self.before_first_topic() {
            self.read_earlier(ctx);
        } else {
            self.earlier.clear();
        }
    }

    fn read_earlier(&mut self, ctx: &mut Ctx) {
        let Some(v) = &self.view else {
            self.earlier.clear();
            return;
        };
        // The view's count is one indexed query; the list only when there is one.
        if v.carried.open == 0 {
            self.earlier.clear();
            return;
        }
        match ctx
            .store
            .followup_items_open_on(v.meeting.starts_at.date_naive())
        {
            Ok(items) => self.earlier = items,
            Err(e) => ctx.store_failed(&e),
        }
    }

    /// No topic of the meeting has begun yet: the time to hear the earlier decisions.
    pub fn before_first_topic(&self) -> bool {
        self.view
            .as_ref()
            .is_some_and(|v| v.topics.iter().all(|t| t.started_at.is_none()))
    }

    /// The earlier decisions open on this meeting's day, oldest meeting first.
    pub fn earlier_decisions(&self) -> Vec<Carried<'_>> {
        match &self.view {
            Some(v) => carried_into(
                &self.earlier,
                v.meeting.id,
                v.meeting.starts_at.date_naive(),
            ),
            None => Vec::new(),
        }
    }

    /// One line per earlier decision, as the console shows it, with its theme style.
    pub fn earlier_lines(&self, ctx: &Ctx) -> Vec<(String, &'static str)> {
        let Some(v) = &self.view else {
            return Vec::new();
        };
        self.earlier_decisions()
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let deputy = c.item.deputy_id.map_or("", |d| v.name(d));
                let style = if c.overdue { "flag.late" } else { "base" };
                (
                    format!("{}. {}", n + 1, i18n::carried_item(ctx.lang, c, deputy)),
                    style,
                )
            })
            .collect()
    }

    /// The whole list on a page over the console (read-only).
    pub(super) fn show_earlier(&mut self, ctx: &mut Ctx) {
        self.read_earlier(ctx);
        let lines = self.earlier_lines(ctx);
        if lines.is_empty() {
            let t = ctx.t(&i18n::NO_EARLIER_DECISIONS);
            return ctx.say(t);
        }
        ctx.open_page(Page {
            title: i18n::CARRIED_HEAD,
            lines,
            scroll: 0,
        });
    }
}
