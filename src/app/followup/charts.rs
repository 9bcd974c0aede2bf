//! 图表: what people would rather look at than read — the month's attendance per meeting
//! (on time / late / leave / absent) and the year's decisions by status per month. The
//! figures are counted here when the screen reads the store, not on every frame.
use chrono::Datelike;

use super::model::MeetingModel;
use crate::app::ctx::Ctx;
use crate::domain::attendance::{Presence, Punctuality};
use crate::domain::followup::{Item, Status};
use crate::export::month_views;

/// One group of bars: its label and its four values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    pub label: String,
    pub values: [u64; 4],
}

#[derive(Clone, Debug, Default)]
pub struct Charts {
    pub year: i32,
    pub month: u32,
    /// Per meeting of the month: on time, late, on leave, absent.
    pub attendance: Vec<Group>,
    /// Per month of the year: in progress, done, overdue, stalled.
    pub decisions: Vec<Group>,
}

impl Charts {
    pub fn build(ctx: &mut Ctx, model: Option<&MeetingModel>, items: &[Item]) -> Self {
        let Some(m) = model else {
            return Self::default();
        };
        let start = m.view.meeting.starts_at;
        let (year, month) = (start.year(), start.month());
        let now = ctx.now();
        let views = match month_views(&ctx.store, year, month, now) {
            Ok(v) => v,
            Err(e) => {
                ctx.store_failed(&e);
                Vec::new()
            }
        };
        let attendance = views
            .iter()
            // A meeting not yet begun has no attendance to show.
            .filter(|v| v.meeting.starts_at <= now)
            .map(|v| {
                let mut values = [0u64; 4];
                for l in &v.roster.lines {
                    let i = match (&l.state.presence, l.punctuality) {
                        (Presence::OnLeave { .. }, _) => 2,
                        (Presence::Absent, _) => 3,
                        (_, Some(Punctuality::Late { .. })) => 1,
                        (_, Some(_)) => 0,
                        _ => continue,
                    };
                    values[i] += 1;
                }
                Group {
                    label: v.meeting.starts_at.format("%m-%d").to_string(),
                    values,
                }
            })
            .collect();
        let mut decisions: Vec<Group> = Vec::new();
        for i in items.iter().filter(|i| i.meeting_date.year() == year) {
            let label = format!("{:02}", i.meeting_date.month());
            let k = if i.status == Status::Done {
                1
            } else if i.is_overdue(now) {
                2
            } else if i.status == Status::Stalled {
                3
            } else {
                0
            };
            match decisions.iter_mut().find(|g| g.label == label) {
                Some(g) => g.values[k] += 1,
                None => {
                    let mut g = Group {
                        label,
                        values: [0; 4],
                    };
                    g.values[k] = 1;
                    decisions.push(g);
                }
            }
        }
        decisions.sort_by(|a, b| a.label.cmp(&b.label));
        Self {
            year,
            month,
            attendance,
            decisions,
        }
    }
}
