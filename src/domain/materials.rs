//! Meeting materials (R4.2, §4.2): packaged per topic and per department and labelled with
//! the department's name, copies counted from the people list, delivered 1 working day
//! before the meeting, or by another way when that cannot be done ("确实无法送达的，可通过
//! 其他形式通知"). Classified materials are not delivered ahead: see `classified.rs`.
use chrono::NaiveDate;

use super::calendar::{Calendar, Deadline};
use super::people::Person;
use super::validate::{Checked, Problems};
use super::{Id, Time};

/// How a package reached its department.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DeliveryWay {
    /// Handed over (送达).
    Delivered,
    /// Could not be delivered; the department was told another way, described here.
    Fallback(String),
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Delivery {
    pub at: Time,
    pub by: String,
    pub way: DeliveryWay,
}

pub mod field {
    pub const BY: &str = "by";
    pub const FALLBACK: &str = "fallback";
}

impl Delivery {
    /// Who is required; a fallback must say what was done instead.
    pub fn new(at: Time, by: &str, way: DeliveryWay) -> Checked<Self> {
        let mut p = Problems::default();
        p.require(field::BY, by);
        let way = match way {
            DeliveryWay::Fallback(how) => {
                p.require(field::FALLBACK, &how);
                DeliveryWay::Fallback(how.trim().to_string())
            }
            w => w,
        };
        p.into_result(Delivery {
            at,
            by: by.trim().to_string(),
            way,
        })
    }
}

/// One topic's materials for one department.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MaterialPackage {
    pub topic_id: Id,
    /// The label on the package.
    pub department: String,
    pub copies: u32,
    /// Classified: handed out in the meeting and collected, never delivered ahead.
    pub classified: bool,
    pub delivery: Option<Delivery>,
}

/// The packages of a topic: one per department of the people present for it (see
/// `MeetingPeople::present_for`), as many copies as people, in the order first met.
pub fn packages_for(
    topic_id: Id,
    classified: bool,
    present: &[Id],
    people: &[Person],
) -> Vec<MaterialPackage> {
    let mut out: Vec<MaterialPackage> = Vec::new();
    for id in present {
        let Some(p) = people.iter().find(|p| p.id == *id) else {
            continue;
        };
        match out.iter_mut().find(|m| m.department == p.department) {
            Some(m) => m.copies += 1,
            None => out.push(MaterialPackage {
                topic_id,
                department: p.department.clone(),
                copies: 1,
                classified,
                delivery: None,
            }),
        }
    }
    out
}

/// When materials are due: 1 working day before the meeting day (§4.2), with the
/// calendar's warning when the count runs through a year it does not cover.
pub fn delivery_due(meeting_day: NaiveDate, cal: &Calendar) -> Deadline {
    cal.deadline_before(meeting_day, 1)
}

/// Delivered (or the fallback used) no later than the due day.
pub fn delivered_in_time(package: &MaterialPackage, due: NaiveDate) -> bool {
    package
        .delivery
        .as_ref()
        .is_some_and(|d| d.at.date_naive() <= due)
}
