//! The five steps of §6 and the entries the recorder types into them (R5.2, R6).
use super::people::{Participation, Person, Role};
use super::topic::Topic;
use super::{Id, Time};

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Step {
    /// 1 汇报: the lead department's head reports.
    Report = 1,
    /// 2 说明: the deputy in charge explains and proposes.
    Explanation = 2,
    /// 3 局领导意见: each attending leader.
    LeadersViews = 3,
    /// 4 列席人员意见: each sitting-in person.
    SittingInViews = 4,
    /// 5 局长决定: the director forms the resolution and decides.
    Decision = 5,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Report,
        Step::Explanation,
        Step::LeadersViews,
        Step::SittingInViews,
        Step::Decision,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Option<Self> {
        Self::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn next(self) -> Option<Self> {
        Self::from_number(self.number() + 1)
    }

    pub fn prev(self) -> Option<Self> {
        Self::from_number(self.number().checked_sub(1)?)
    }
}

/// When a step of a topic was entered and left.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StepRecord {
    pub topic_id: Id,
    pub step: Step,
    pub started_at: Option<Time>,
    pub ended_at: Option<Time>,
}

/// One speaker's words within a step.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Entry {
    pub id: Id,
    pub topic_id: Id,
    pub step: Step,
    /// Order within the step.
    pub seq: u32,
    pub speaker_id: Option<Id>,
    /// The speaker as shown; typed in by hand when not on the list.
    pub speaker_name: String,
    /// The speaker was typed in, not picked from the people of this step.
    pub off_list: bool,
    pub started_at: Time,
    pub text: String,
}

/// Who may speak in a step (R6): the people the speaker picker offers first.
pub fn speaker_pool<'a>(
    step: Step,
    topic: &Topic,
    chair_id: Option<Id>,
    people: &'a [Person],
    parts: &[Participation],
) -> Vec<&'a Person> {
    let find = |id: Id| people.iter().find(|p| p.id == id);
    let mut ids: Vec<Id> = Vec::new();
    let sitting_in_of_topic = parts
        .iter()
        .filter(|p| p.role == Role::SittingIn && p.topic_id == Some(topic.id));
    match step {
        Step::Report => {
            // The submitting department's people first, then the rest of the topic's.
            let (own, other): (Vec<_>, Vec<_>) = sitting_in_of_topic
                .partition(|p| find(p.person_id).is_some_and(|x| x.department == topic.department));
            ids.extend(own.iter().chain(other.iter()).map(|p| p.person_id));
        }
        Step::Explanation => ids.extend(topic.deputy_id),
        Step::LeadersViews => ids.extend(
            parts
                .iter()
                .filter(|p| p.role == Role::Attending)
                .map(|p| p.person_id),
        ),
        Step::SittingInViews => {
            ids.extend(sitting_in_of_topic.map(|p| p.person_id));
            ids.extend(
                parts
                    .iter()
                    .filter(|p| p.role == Role::SittingIn && p.topic_id.is_none())
                    .map(|p| p.person_id),
            );
        }
        Step::Decision => ids.extend(chair_id),
    }
    let mut seen = Vec::new();
    ids.into_iter()
        .filter(|id| {
            let new = !seen.contains(id);
            seen.push(*id);
            new
        })
        .filter_map(find)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbered_as_in_the_regulation() {
        assert_eq!(Step::from_number(1), Some(Step::Report));
        assert_eq!(Step::from_number(5), Some(Step::Decision));
        assert_eq!(Step::from_number(0), None);
        assert_eq!(Step::from_number(6), None);
        assert_eq!(Step::Decision.next(), None);
        assert_eq!(Step::Report.prev(), None);
    }
}
