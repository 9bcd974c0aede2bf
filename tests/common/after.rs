//! A demo meeting recorded to its end, for the after-meeting tests: every topic decided
//! with units and a deadline, everybody's attendance settled, the director's words in
//! step 5 of the first topic.
use chrono::{Duration, NaiveDate};

use huiwu::domain::attendance::{EventKind, Place, Presence};
use huiwu::domain::decision::{Decision, Outcome};
use huiwu::domain::procedure::Step;
use huiwu::domain::roster::Line;
use huiwu::domain::{Id, Time};
use huiwu::store::Store;
use huiwu::store::procedure::NewEntry;
use huiwu::store::view::MeetingView;

/// The decided texts, one per demo topic, in agenda order.
pub const DECIDED: [&str; 4] = [
    "同意冬季治安防范专项行动方案，采纳方案一，全旗统一部署",
    "同意刑侦大队侦办意见，集中警力尽快破案",
    "原则同意撤案及变更强制措施，由法制部门再行审核",
    "同意元旦春节安保工作方案",
];

/// Load the demo at `now` and record it to the end; returns the meeting id. Deadlines:
/// topic 1 is due `first_deadline`, the others a month after the meeting.
pub fn decided_demo(store: &mut Store, now: Time, first_deadline: NaiveDate) -> Id {
    let id = huiwu::demo::load(store, now).expect("demo");
    let view = MeetingView::load(store, id, now)
        .expect("view")
        .expect("meeting");
    let later = now.date_naive() + Duration::days(30);
    for (i, t) in view.topics.iter().enumerate() {
        let mut d = store
            .decision(t.id)
            .expect("decision")
            .unwrap_or_else(|| Decision::empty(t.id, t.deputy_id));
        d.outcome = Some(if i == 2 {
            Outcome::ApprovedInPrinciple
        } else {
            Outcome::Approved
        });
        d.text = DECIDED[i].to_string();
        d.units = t.department.clone();
        d.deadline = Some(if i == 0 { first_deadline } else { later });
        d.decided_at = Some(now);
        store.save_decision(&d).expect("save decision");
    }
    if let Some(first) = view.topics.first() {
        let e = store
            .insert_entry(&NewEntry {
                topic_id: first.id,
                step: Step::Decision,
                speaker_id: view.meeting.chair_id,
                speaker_name: "王建国",
                off_list: false,
                started_at: now,
            })
            .expect("entry");
        store
            .save_entry_texts(&[(e.id, "这个方案我同意，讲三点意见。".into())], now)
            .expect("text");
    }
    // Everybody not yet settled signs in (or, 何勇, is absent).
    let unsettled: Vec<(Id, String)> = view
        .roster
        .lines
        .iter()
        .filter(|l: &&Line| {
            matches!(
                l.state.presence,
                Presence::Expected | Presence::Waiting { .. } | Presence::CalledIn { .. }
            )
        })
        .map(|l| (l.person_id, view.name(l.person_id).to_string()))
        .collect();
    for (p, name) in unsettled {
        let kind = if name == "何勇" {
            EventKind::Absent
        } else {
            EventKind::CheckIn { place: Place::Room }
        };
        store
            .record_attendance(id, p, &kind, now, "")
            .expect("attendance");
    }
    id
}
