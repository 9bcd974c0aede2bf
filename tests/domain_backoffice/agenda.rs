//! The agenda (R2.1): urgency order, moving, the Friday 12:00 cut-off, the 5-topic norm.
use huiwu::domain::agenda::*;
use huiwu::domain::review::ReviewItem;
use huiwu::domain::topic::Channel;

use crate::t;

const MONDAY: &str = "2026-03-09T09:00:00+08:00";

fn ready(topic_id: i64, urgency: Urgency) -> Candidate {
    Candidate {
        topic_id,
        channel: Channel::RegistrationForm,
        urgency,
        review: Ok(()),
    }
}

#[test]
fn the_cutoff_is_friday_noon_before_a_monday_meeting() {
    assert_eq!(cutoff(t(MONDAY)), Some(t("2026-03-06T12:00:00+08:00")));
    // An extra meeting on a Wednesday has none.
    assert_eq!(cutoff(t("2026-03-11T15:00:00+08:00")), None);
}

#[test]
fn friday_1159_is_in_time_1201_needs_the_urgent_form() {
    let mut a = Agenda::default();
    let added = a
        .add(
            ready(1, Urgency::Routine),
            t(MONDAY),
            t("2026-03-06T11:59:00+08:00"),
            None,
        )
        .unwrap();
    assert!(!added.after_cutoff);
    assert_eq!(
        a.add(
            ready(2, Urgency::Routine),
            t(MONDAY),
            t("2026-03-06T12:01:00+08:00"),
            None
        ),
        Err(AgendaRefused::AfterCutoff {
            cutoff: t("2026-03-06T12:00:00+08:00")
        })
    );
    let urgent = Candidate {
        channel: Channel::UrgentForm,
        ..ready(2, Urgency::Urgent)
    };
    let added = a
        .add(urgent, t(MONDAY), t("2026-03-06T12:01:00+08:00"), None)
        .unwrap();
    assert!(added.after_cutoff);
    assert_eq!(a.late_topics(), vec![2]);
}

#[test]
fn five_topics_are_fine_a_sixth_needs_a_recorded_reason() {
    let now = t("2026-03-04T10:00:00+08:00");
    let mut a = Agenda::default();
    for id in 1..=5 {
        let added = a
            .add(ready(id, Urgency::Routine), t(MONDAY), now, None)
            .unwrap();
        assert!(!added.over_norm);
    }
    assert!(!a.over_norm());
    assert_eq!(
        a.add(ready(6, Urgency::Routine), t(MONDAY), now, Some("  ")),
        Err(AgendaRefused::OverNorm { count: 6 })
    );
    let added = a
        .add(
            ready(6, Urgency::Routine),
            t(MONDAY),
            now,
            Some("年底集中研究"),
        )
        .unwrap();
    assert!(added.over_norm);
    assert!(a.over_norm());
    assert_eq!(a.over_norm_reason.as_deref(), Some("年底集中研究"));
}

#[test]
fn a_topic_not_ready_is_refused_with_the_missing_item() {
    let mut a = Agenda::default();
    let c = Candidate {
        review: Err(ReviewItem::LegalReviewed),
        ..ready(1, Urgency::Urgent)
    };
    assert_eq!(
        a.add(c, t(MONDAY), t("2026-03-04T10:00:00+08:00"), None),
        Err(AgendaRefused::NotReady(ReviewItem::LegalReviewed))
    );
    assert!(a.items.is_empty());
}

#[test]
fn ordered_by_urgency_then_moved_by_hand() {
    let now = t("2026-03-04T10:00:00+08:00");
    let mut a = Agenda::default();
    a.add(ready(1, Urgency::Routine), t(MONDAY), now, None)
        .unwrap();
    a.add(ready(2, Urgency::Urgent), t(MONDAY), now, None)
        .unwrap();
    a.add(ready(3, Urgency::Important), t(MONDAY), now, None)
        .unwrap();
    a.add(ready(4, Urgency::Urgent), t(MONDAY), now, None)
        .unwrap();
    assert_eq!(
        a.add(ready(4, Urgency::Urgent), t(MONDAY), now, None),
        Err(AgendaRefused::AlreadyOnAgenda)
    );
    a.sort_by_urgency();
    let order = |a: &Agenda| a.items.iter().map(|i| i.topic_id).collect::<Vec<_>>();
    assert_eq!(order(&a), vec![2, 4, 3, 1]);
    assert!(a.move_up(3));
    assert_eq!(order(&a), vec![2, 3, 4, 1]);
    assert!(!a.move_up(2), "the first cannot go up");
    assert!(!a.move_down(1), "the last cannot go down");
    assert!(a.move_down(2));
    assert_eq!(order(&a), vec![3, 2, 4, 1]);
    assert_eq!(a.seq_of(4), Some(3));
    assert!(a.remove(4));
    assert_eq!(a.seq_of(1), Some(3));
}
