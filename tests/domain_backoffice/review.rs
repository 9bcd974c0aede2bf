//! The office's review checklist and the gate before scheduling (R1.4).
use huiwu::domain::review::*;
use huiwu::domain::topic_stage::*;
use huiwu::domain::validate::{FieldProblem, Problem};

use crate::t;

const ALL_NEEDED: ReviewNeeds = ReviewNeeds {
    several_departments: true,
    legal_review: true,
};

fn pass(item: ReviewItem) -> ReviewEntry {
    ReviewEntry::new(
        item,
        "马丽",
        t("2026-03-03T10:00:00+08:00"),
        Verdict::Pass,
        "",
    )
    .unwrap()
}

fn passed(items: &[ReviewItem]) -> ReviewChecklist {
    let mut c = ReviewChecklist::default();
    for i in items {
        c.record(pass(*i));
    }
    c
}

#[test]
fn the_legal_review_gate() {
    use ReviewItem::*;
    let c = passed(&[WithinScope, Coordinated, SolutionClear, DeputyReviewed]);
    // A criminal case without the legal brigade's review is not scheduled.
    assert_eq!(can_schedule(ALL_NEEDED, &c), Err(LegalReviewed));
    // A topic touching no legal matter needs none.
    let plain = ReviewNeeds {
        several_departments: true,
        legal_review: false,
    };
    assert_eq!(can_schedule(plain, &c), Ok(()));
    let mut c = c;
    c.record(pass(LegalReviewed));
    assert_eq!(can_schedule(ALL_NEEDED, &c), Ok(()));
}

#[test]
fn coordination_is_needed_only_with_several_departments() {
    use ReviewItem::*;
    let c = passed(&[WithinScope, SolutionClear, DeputyReviewed]);
    assert_eq!(can_schedule(ReviewNeeds::default(), &c), Ok(()));
    assert_eq!(
        can_schedule(
            ReviewNeeds {
                several_departments: true,
                legal_review: false
            },
            &c
        ),
        Err(Coordinated)
    );
    assert_eq!(
        c.state(Coordinated, ReviewNeeds::default()),
        ItemState::NotRequired
    );
}

#[test]
fn the_first_missing_item_is_named_in_the_regulations_order() {
    use ReviewItem::*;
    assert_eq!(
        can_schedule(ALL_NEEDED, &ReviewChecklist::default()),
        Err(WithinScope)
    );
    let c = passed(&[WithinScope, Coordinated, DeputyReviewed, LegalReviewed]);
    assert_eq!(can_schedule(ALL_NEEDED, &c), Err(SolutionClear));
}

#[test]
fn a_failed_item_blocks_until_it_passes_again() {
    use ReviewItem::*;
    let mut c = passed(&[WithinScope, SolutionClear, LegalReviewed, Coordinated]);
    let fail = ReviewEntry::new(
        DeputyReviewed,
        "刘卫东",
        t("2026-03-03T11:00:00+08:00"),
        Verdict::Fail,
        "与刑侦大队意见不一致",
    )
    .unwrap();
    c.record(fail.clone());
    assert_eq!(can_schedule(ALL_NEEDED, &c), Err(DeputyReviewed));
    assert_eq!(
        c.state(DeputyReviewed, ALL_NEEDED),
        ItemState::Failed(&fail)
    );
    c.record(pass(DeputyReviewed));
    assert_eq!(can_schedule(ALL_NEEDED, &c), Ok(()));
    // The failure stays on the record.
    assert_eq!(c.entries.len(), 6);
}

#[test]
fn a_review_entry_names_who_and_a_failure_says_why() {
    let at = t("2026-03-03T11:00:00+08:00");
    let e = ReviewEntry::new(ReviewItem::WithinScope, " ", at, Verdict::Fail, "").unwrap_err();
    assert!(e.contains(&FieldProblem::new(field::BY, Problem::Required)));
    assert!(e.contains(&FieldProblem::new(field::NOTE, Problem::Required)));
    assert_eq!(
        ReviewItem::from_code("legal_reviewed"),
        Some(ReviewItem::LegalReviewed)
    );
}

#[test]
fn the_topic_lifecycle() {
    use TopicStage::*;
    let ok = Ok(());
    let missing = Err(ReviewItem::LegalReviewed);
    assert_eq!(advance(Proposed, UnderReview, missing), Ok(UnderReview));
    assert_eq!(
        advance(UnderReview, Ready, missing),
        Err(StageRefused::Review(ReviewItem::LegalReviewed))
    );
    assert_eq!(advance(UnderReview, Ready, ok), Ok(Ready));
    assert_eq!(advance(Ready, Scheduled, ok), Ok(Scheduled));
    assert_eq!(advance(Scheduled, Discussed, missing), Ok(Discussed));
    assert_eq!(advance(Discussed, Decided, ok), Ok(Decided));
    // No skipping the review, no return from a decision.
    assert_eq!(
        advance(Proposed, Scheduled, ok),
        Err(StageRefused::NotAllowed {
            from: Proposed,
            to: Scheduled
        })
    );
    assert!(advance(Decided, Ready, ok).is_err());
    // Not decided at this meeting: back to ready for another one.
    assert_eq!(advance(Discussed, Ready, ok), Ok(Ready));
    assert_eq!(TopicStage::from_code("under_review"), Some(UnderReview));
}
