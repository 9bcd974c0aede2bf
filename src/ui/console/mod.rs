//! The console (F2): four panes, one function each.
mod checkin;
mod decision;
mod procedure;
mod topic;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::Ctx;
use crate::app::console::Console;

/// At most this many earlier decisions listed in the topic pane; the key shows them all.
const EARLIER_ROWS: usize = 12;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, c: &Console, main: Rect) {
    let left_width = (main.width * 2 / 5).clamp(36, 52);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Min(40)]).areas(main);
    let tall = main.height + 3 >= 30;
    let decision_height = if tall { 7 } else { 5 };
    // Before the first topic the record is empty and the meeting hears the earlier
    // decisions still open (R7.3): the topic pane takes rows from it to list them.
    let earlier = if c.before_first_topic() {
        c.earlier_decisions().len().min(EARLIER_ROWS) as u16
    } else {
        0
    };
    let topic_height = (if tall { 9 } else { 7 } + earlier)
        .min(right.height.saturating_sub(decision_height + 5).max(7));
    let [topic, procedure, decision] = Layout::vertical([
        Constraint::Length(topic_height),
        Constraint::Min(5),
        Constraint::Length(decision_height),
    ])
    .areas(right);
    checkin::render(frame, ctx, c, left);
    topic::render(frame, ctx, c, topic);
    procedure::render(frame, ctx, c, procedure);
    decision::render(frame, ctx, c, decision);
}
