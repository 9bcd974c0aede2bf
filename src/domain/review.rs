//! The office's review checklist on a topic's materials (R1.4, §1.2).
//!
//! Each item is recorded with who, when, the result and a note; the latest record of an
//! item counts, earlier ones stay on the record. A topic whose checklist is not complete
//! is not scheduled, and the refusal names the first item missing or failed.
use super::Time;
use super::validate::{Checked, Problem, Problems};

/// The items of §1.2, in the regulation's order.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum ReviewItem {
    /// §1.2.1 内容符合议题范围.
    WithinScope,
    /// §1.2.2 several departments: coordinated in advance, opinions basically agreed.
    /// Required only when other departments are involved.
    Coordinated,
    /// §1.2.3 solution clear, basis sufficient, background clear ("凡事前未经协商或征求意见的，
    /// 一律不予安排").
    SolutionClear,
    /// §1.2.4 reviewed by the deputy leader in charge, a unanimous opinion formed.
    DeputyReviewed,
    /// §1.2.4 criminal / public-order cases and law enforcement: reviewed by the inspection
    /// & legal department (督察法制). Required only for such topics.
    LegalReviewed,
}

impl ReviewItem {
    pub const ALL: [ReviewItem; 5] = [
        Self::WithinScope,
        Self::Coordinated,
        Self::SolutionClear,
        Self::DeputyReviewed,
        Self::LegalReviewed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::WithinScope => "within_scope",
            Self::Coordinated => "coordinated",
            Self::SolutionClear => "solution_clear",
            Self::DeputyReviewed => "deputy_reviewed",
            Self::LegalReviewed => "legal_reviewed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.code() == code)
    }

    /// Does this topic need the item?
    pub fn applies(self, needs: ReviewNeeds) -> bool {
        match self {
            Self::Coordinated => needs.several_departments,
            Self::LegalReviewed => needs.legal_review,
            _ => true,
        }
    }
}

/// What a topic needs beyond the items every topic needs; from
/// `TopicRegistration::{involves_several_departments, needs_legal_review}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReviewNeeds {
    pub several_departments: bool,
    pub legal_review: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Verdict {
    Pass,
    Fail,
}

/// One item checked: who, when, the result, a note.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReviewEntry {
    pub item: ReviewItem,
    /// Who reviewed (for `DeputyReviewed` the deputy, for `LegalReviewed` the legal
    /// department's reviewer), as recorded by the office.
    pub by: String,
    pub at: Time,
    pub verdict: Verdict,
    /// Why, required when the item fails.
    pub note: String,
}

/// Field names of a review entry.
pub mod field {
    pub const BY: &str = "by";
    pub const NOTE: &str = "note";
}

impl ReviewEntry {
    /// A checked entry: who is required, and a failure must say why.
    pub fn new(
        item: ReviewItem,
        by: &str,
        at: Time,
        verdict: Verdict,
        note: &str,
    ) -> Checked<ReviewEntry> {
        let mut p = Problems::default();
        p.require(field::BY, by);
        if verdict == Verdict::Fail && note.trim().is_empty() {
            p.add(field::NOTE, Problem::Required);
        }
        p.into_result(ReviewEntry {
            item,
            by: by.trim().to_string(),
            at,
            verdict,
            note: note.trim().to_string(),
        })
    }
}

/// Where an item stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState<'a> {
    /// Not needed for this topic.
    NotRequired,
    /// Needed, not recorded yet.
    Missing,
    Passed(&'a ReviewEntry),
    Failed(&'a ReviewEntry),
}

/// Every review record of one topic, in the order recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewChecklist {
    pub entries: Vec<ReviewEntry>,
}

impl ReviewChecklist {
    pub fn record(&mut self, entry: ReviewEntry) {
        self.entries.push(entry);
    }

    /// The latest record of `item`.
    pub fn latest(&self, item: ReviewItem) -> Option<&ReviewEntry> {
        self.entries.iter().rev().find(|e| e.item == item)
    }

    pub fn state(&self, item: ReviewItem, needs: ReviewNeeds) -> ItemState<'_> {
        if !item.applies(needs) {
            return ItemState::NotRequired;
        }
        match self.latest(item) {
            None => ItemState::Missing,
            Some(e) if e.verdict == Verdict::Pass => ItemState::Passed(e),
            Some(e) => ItemState::Failed(e),
        }
    }

    /// Every item with its state, in the regulation's order.
    pub fn items(&self, needs: ReviewNeeds) -> Vec<(ReviewItem, ItemState<'_>)> {
        ReviewItem::ALL
            .into_iter()
            .map(|i| (i, self.state(i, needs)))
            .collect()
    }
}

/// May the topic be scheduled? Names the first item, in the regulation's order, that is
/// needed and not passed (R1.4: "否则一律不予安排上会研究").
pub fn can_schedule(needs: ReviewNeeds, review: &ReviewChecklist) -> Result<(), ReviewItem> {
    match ReviewItem::ALL.into_iter().find(|i| {
        !matches!(
            review.state(*i, needs),
            ItemState::Passed(_) | ItemState::NotRequired
        )
    }) {
        Some(item) => Err(item),
        None => Ok(()),
    }
}
