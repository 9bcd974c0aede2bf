//! Who comes to a meeting, by role (R2.2, §2.1.1): attending (the leadership team),
//! sitting in (meeting-wide: party committee members and the head of the inspection &
//! legal brigade; per topic: the submitting department and the heads of the departments
//! the topic involves, plus anyone added by title or name), staff (1–2 from the office,
//! one of them the recorder).
use super::Id;
use super::people::{Participation, Person, Role};

/// Department names under which the roster lists the bureau's leadership team.
pub const LEADERSHIP_DEPARTMENTS: &[&str] = &["局领导", "旗局领导", "局领导班子"];
/// The bureau office, which serves the meeting.
pub const OFFICE_DEPARTMENT: &str = "办公室";
/// Title of the party committee members who sit in throughout.
pub const PARTY_COMMITTEE_TITLE: &str = "党委委员";
/// Part of the inspection & legal brigade's department name.
pub const LEGAL_DEPARTMENT_MARK: &str = "督察法制";
/// At most this many staff (§2.1.1 "1-2名工作人员").
pub const STAFF_MAX: usize = 2;

pub fn is_leadership(p: &Person) -> bool {
    LEADERSHIP_DEPARTMENTS.contains(&p.department.trim())
}

/// The head (主要负责人) of a department, read from the title: a title ending in 长 or 主任
/// (大队长, 所长, 主任…) that is not a deputy's (副…). Anything in brackets after the
/// title is ignored. A heuristic: the office adds by name whom it misses.
pub fn is_department_head(p: &Person) -> bool {
    let title = p.title.split(['（', '(']).next().unwrap_or("").trim();
    !title.contains('副') && (title.ends_with('长') || title.ends_with("主任"))
}

/// The heads of `department`.
pub fn department_heads(people: &[Person], department: &str) -> Vec<Id> {
    people
        .iter()
        .filter(|p| p.department == department && is_department_head(p))
        .map(|p| p.id)
        .collect()
}

/// People whose title contains `title` (adding sitting-in people by role).
pub fn by_title(people: &[Person], title: &str) -> Vec<Id> {
    let title = title.trim();
    if title.is_empty() {
        return Vec::new();
    }
    people
        .iter()
        .filter(|p| p.title.contains(title))
        .map(|p| p.id)
        .collect()
}

/// Why a person sits in for a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SittingInBasis {
    SubmittingDepartment,
    InvolvedDepartment,
    ByTitle,
    ByName,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SittingInPick {
    pub person_id: Id,
    pub basis: SittingInBasis,
}

/// The people of one meeting, by role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingPeople {
    pub attending: Vec<Id>,
    /// Sitting in for every topic.
    pub sitting_in_all: Vec<Id>,
    /// Sitting in for one topic: (topic id, people).
    pub sitting_in: Vec<(Id, Vec<SittingInPick>)>,
    pub staff: Vec<Id>,
    /// One of the staff.
    pub recorder: Option<Id>,
}

/// What is wrong with the staff of a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffProblem {
    NoStaff,
    TooMany(usize),
    NoRecorder,
    /// The recorder is not among the staff.
    RecorderNotStaff,
    /// This staff member is not from the office.
    NotFromOffice(Id),
}

impl MeetingPeople {
    /// The defaults of §2.1.1: the leadership team attending; party committee members and
    /// the head of the inspection & legal brigade sitting in throughout (unless they are
    /// leaders already). Staff are chosen by the office.
    pub fn defaults(people: &[Person]) -> MeetingPeople {
        let attending: Vec<Id> = people
            .iter()
            .filter(|p| is_leadership(p))
            .map(|p| p.id)
            .collect();
        let sitting_in_all = people
            .iter()
            .filter(|p| !attending.contains(&p.id))
            .filter(|p| {
                p.title.contains(PARTY_COMMITTEE_TITLE)
                    || (p.department.contains(LEGAL_DEPARTMENT_MARK) && is_department_head(p))
            })
            .map(|p| p.id)
            .collect();
        MeetingPeople {
            attending,
            sitting_in_all,
            ..MeetingPeople::default()
        }
    }

    /// [`Self::defaults`], with the staff of the previous meeting (R2.2, §2.1.1: the same
    /// 1–2 office people serve from week to week) when there was one.
    pub fn defaults_after(people: &[Person], previous: Option<&MeetingPeople>) -> MeetingPeople {
        let mut mp = Self::defaults(people);
        if let Some(previous) = previous {
            mp.take_staff(previous, people);
        }
        mp
    }

    /// The staff of `previous` who are on the list `people` now, and its recorder if still
    /// among them. Nothing is chosen beyond what the office chose then: the staff check
    /// judges the result as it judges any.
    pub fn take_staff(&mut self, previous: &MeetingPeople, people: &[Person]) {
        self.staff = previous
            .staff
            .iter()
            .copied()
            .filter(|id| people.iter().any(|p| p.id == *id))
            .collect();
        self.recorder = previous.recorder.filter(|r| self.staff.contains(r));
    }

    /// Adds the default sitting-in people of a topic: the heads of the submitting
    /// department and of each involved department. Returns how many were added.
    pub fn add_topic_defaults(
        &mut self,
        topic_id: Id,
        department: &str,
        involved: &[String],
        people: &[Person],
    ) -> usize {
        let mut added = 0;
        for id in department_heads(people, department) {
            added += usize::from(self.add_sitting_in(
                topic_id,
                id,
                SittingInBasis::SubmittingDepartment,
            ));
        }
        for d in involved {
            for id in department_heads(people, d) {
                added += usize::from(self.add_sitting_in(
                    topic_id,
                    id,
                    SittingInBasis::InvolvedDepartment,
                ));
            }
        }
        added
    }

    /// Adds a person sitting in for a topic; false when they are already there for it,
    /// attending, or sitting in throughout.
    pub fn add_sitting_in(&mut self, topic_id: Id, person_id: Id, basis: SittingInBasis) -> bool {
        if self.attending.contains(&person_id) || self.sitting_in_all.contains(&person_id) {
            return false;
        }
        let pos = match self.sitting_in.iter().position(|(t, _)| *t == topic_id) {
            Some(p) => p,
            None => {
                self.sitting_in.push((topic_id, Vec::new()));
                self.sitting_in.len() - 1
            }
        };
        let Some((_, picks)) = self.sitting_in.get_mut(pos) else {
            return false;
        };
        if picks.iter().any(|p| p.person_id == person_id) {
            return false;
        }
        picks.push(SittingInPick { person_id, basis });
        true
    }

    pub fn remove_sitting_in(&mut self, topic_id: Id, person_id: Id) -> bool {
        let mut removed = false;
        for (t, picks) in &mut self.sitting_in {
            if *t == topic_id {
                let before = picks.len();
                picks.retain(|p| p.person_id != person_id);
                removed |= picks.len() != before;
            }
        }
        removed
    }

    /// The sitting-in people of one topic.
    pub fn sitting_in_for(&self, topic_id: Id) -> Vec<SittingInPick> {
        self.sitting_in
            .iter()
            .filter(|(t, _)| *t == topic_id)
            .flat_map(|(_, picks)| picks.iter().copied())
            .collect()
    }

    /// Everyone in the room for a topic: attending, sitting in throughout, sitting in for
    /// it, staff; each once.
    pub fn present_for(&self, topic_id: Id) -> Vec<Id> {
        let mut ids: Vec<Id> = Vec::new();
        let topic = self.sitting_in_for(topic_id);
        for id in self
            .attending
            .iter()
            .chain(&self.sitting_in_all)
            .copied()
            .chain(topic.iter().map(|p| p.person_id))
            .chain(self.staff.iter().copied())
        {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// Staff: 1–2, from the office, one of them the recorder (§2.1.1, §5.2).
    pub fn check_staff(&self, people: &[Person]) -> Result<(), StaffProblem> {
        if self.staff.is_empty() {
            return Err(StaffProblem::NoStaff);
        }
        if self.staff.len() > STAFF_MAX {
            return Err(StaffProblem::TooMany(self.staff.len()));
        }
        for id in &self.staff {
            let office = people
                .iter()
                .find(|p| p.id == *id)
                .is_some_and(|p| p.department.trim() == OFFICE_DEPARTMENT);
            if !office {
                return Err(StaffProblem::NotFromOffice(*id));
            }
        }
        match self.recorder {
            None => Err(StaffProblem::NoRecorder),
            Some(r) if !self.staff.contains(&r) => Err(StaffProblem::RecorderNotStaff),
            Some(_) => Ok(()),
        }
    }

    /// The participations to store for `meeting_id` (ids 0, to be given by the store).
    pub fn participations(&self, meeting_id: Id) -> Vec<Participation> {
        let part = |person_id, role, topic_id, is_recorder| Participation {
            id: 0,
            meeting_id,
            person_id,
            role,
            topic_id,
            is_recorder,
        };
        let mut out: Vec<Participation> = Vec::new();
        out.extend(
            self.attending
                .iter()
                .map(|id| part(*id, Role::Attending, None, false)),
        );
        out.extend(
            self.sitting_in_all
                .iter()
                .map(|id| part(*id, Role::SittingIn, None, false)),
        );
        for (topic_id, picks) in &self.sitting_in {
            out.extend(
                picks
                    .iter()
                    .map(|p| part(p.person_id, Role::SittingIn, Some(*topic_id), false)),
            );
        }
        out.extend(
            self.staff
                .iter()
                .map(|id| part(*id, Role::Staff, None, self.recorder == Some(*id))),
        );
        out
    }
}
