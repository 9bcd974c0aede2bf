//! The console (F2): four panes, one function each.
mod checkin;
mod decision;
mod procedure;
mod topic;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::Ctx;
use crate::app::console::Console;

pub fn render(frame: &mut Frame<'_>, ctx: &Ctx, c: &Console, main: Rect) {
    let left_width = (main.width * 2 / 5).clamp(36, 52);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Min(40)]).areas(main);
    let tall = main.height + 3 >= 30;
    let topic_height = if tall { 9 } else { 7 };
    let decision_height = if tall { 7 } else { 5 };
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
