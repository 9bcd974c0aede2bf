//! 进度: the preparation dashboard — every stage of the regulation for the meeting being
//! prepared, with its state and deadline and what is missing (the domain's `prep`), and a
//! key that jumps to where each is fixed.
use super::{BackOffice, Pane, PrepRow};
use crate::app::ctx::Ctx;
use crate::domain::Id;
use crate::domain::booking::waiting_room_needed;
use crate::domain::materials::MaterialPackage;
use crate::domain::prep::{Missing, PrepFacts, Stage, StageKind, TopicFacts, dashboard};

/// The dashboard always lists every stage.
pub const STAGE_COUNT: usize = 8;

impl BackOffice {
    /// The stages of the meeting being prepared, at `now`; none without a meeting.
    pub fn stages(&self, ctx: &Ctx) -> Vec<Stage> {
        let Some(m) = self.meeting() else {
            return Vec::new();
        };
        let v = &self.view;
        let agenda = v.agenda(m.id);
        let mp = v.meeting_people(m.id);
        let people = v.active_people();
        let topics: Vec<TopicFacts> = agenda
            .items
            .iter()
            .filter_map(|i| v.topic(i.topic_id))
            .map(|t| TopicFacts {
                topic_id: t.id,
                review: v.review_result(t.id),
                classified: t.registration.classified,
                copies_needed: self.copies_needed(m.id, t.id),
            })
            .collect();
        let ids: Vec<Id> = agenda.items.iter().map(|i| i.topic_id).collect();
        let submission = v.submission(m.id);
        let booking = v
            .prep
            .bookings
            .iter()
            .find(|(x, _)| *x == m.id)
            .map(|(_, b)| b);
        let departments = self.notice_departments();
        let notices: Vec<_> = v
            .prep
            .notices
            .iter()
            .filter(|(_, x, _)| *x == m.id)
            .map(|(_, _, n)| n.clone())
            .collect();
        let replies: Vec<_> = v
            .prep
            .replies
            .iter()
            .filter(|(_, x, _)| *x == m.id)
            .map(|(_, _, r)| r.clone())
            .collect();
        let materials: Vec<MaterialPackage> = v
            .prep
            .packages
            .iter()
            .filter(|p| p.meeting_id == m.id)
            .map(|p| p.package.clone())
            .collect();
        let copies: Vec<_> = v
            .prep
            .copies
            .iter()
            .filter(|c| c.meeting_id == m.id)
            .map(|c| c.copy.clone())
            .collect();
        let facts = PrepFacts {
            meeting_starts_at: m.starts_at,
            agenda: &agenda,
            topics: &topics,
            submission: &submission,
            attending: mp.attending.len(),
            staff: mp.check_staff(&people),
            booking,
            waiting_room_needed: waiting_room_needed(&ids, &mp),
            departments: &departments,
            notices: &notices,
            replies: &replies,
            materials: &materials,
            classified_copies: &copies,
        };
        dashboard(&facts, ctx.now(), &ctx.calendar)
    }

    /// Go where the selected stage is fixed, with the cursor on the first thing missing.
    pub(super) fn jump(&mut self, ctx: &mut Ctx) {
        let stages = self.stages(ctx);
        let Some(stage) = stages.get(self.sel(Pane::Dashboard)) else {
            return self.go(Pane::Meetings);
        };
        let first = stage.missing.first().cloned();
        match stage.kind {
            StageKind::TopicsReady => {
                self.go(Pane::Topics);
                match first {
                    Some(Missing::TopicNotReady { topic_id, .. }) => {
                        self.topic_filter = super::TopicFilter::default();
                        self.select_topic(topic_id);
                    }
                    _ => self.go(Pane::Agenda),
                }
            }
            StageKind::Agenda => match first {
                Some(Missing::NoAttending | Missing::Staff(_)) => self.go(Pane::People),
                _ => self.go(Pane::Agenda),
            },
            StageKind::Approval => self.go(Pane::Approval),
            StageKind::Room => self.jump_prep(|r| *r == PrepRow::Room),
            StageKind::Notices | StageKind::Replies => match first {
                Some(Missing::Notice { department } | Missing::Reply { department }) => {
                    self.jump_prep(|r| *r == PrepRow::Department(department.clone()))
                }
                Some(Missing::NoDepartments) => self.go(Pane::People),
                _ => self.jump_prep(|r| matches!(r, PrepRow::Department(_))),
            },
            StageKind::Materials => match first {
                Some(Missing::MaterialsNotListed { topic_id }) => {
                    self.jump_prep(|r| *r == PrepRow::Topic(topic_id))
                }
                Some(Missing::Delivery {
                    topic_id,
                    department,
                }) => {
                    let id = self
                        .view
                        .prep
                        .packages
                        .iter()
                        .find(|p| {
                            p.package.topic_id == topic_id && p.package.department == department
                        })
                        .map(|p| p.id);
                    self.jump_prep(|r| Some(r) == id.map(PrepRow::Package).as_ref())
                }
                _ => self.jump_prep(|r| matches!(r, PrepRow::Topic(_))),
            },
            StageKind::ClassifiedCopies => match first {
                Some(Missing::ClassifiedCopies { topic_id, .. }) => {
                    self.jump_prep(|r| *r == PrepRow::Classified(topic_id))
                }
                _ => self.jump_prep(|r| matches!(r, PrepRow::Classified(_))),
            },
        }
    }

    fn jump_prep(&mut self, is: impl Fn(&PrepRow) -> bool) {
        self.go(Pane::Prep);
        if let Some(i) = self.prep_rows().iter().position(is) {
            self.set_sel(Pane::Prep, i);
        }
    }
}
