//! Topic intake (R1.1–R1.3, §1.1): the registration form of a topic and its checks.
//!
//! The form holds what the user typed; [`TopicForm::check`] turns it into a
//! [`TopicRegistration`] or names every field's problem (see `validate.rs`). The console's
//! [`super::topic::Topic`] is unchanged: a registration is the back office's fuller record.
use chrono::{Datelike, NaiveDate};

use super::people::Person;
use super::review::ReviewNeeds;
use super::topic::{Channel, Scope};
use super::validate::{Checked, Problem, Problems};
use super::{Id, Time};

/// Field names of the form, as `FieldProblem::field` reports them.
pub mod field {
    pub const TITLE: &str = "title";
    pub const DEPARTMENT: &str = "department";
    pub const DEPUTY: &str = "deputy";
    pub const CHANNEL: &str = "channel";
    pub const SCOPE: &str = "scope";
    pub const SUMMARY: &str = "summary";
    pub const ALTERNATIVES: &str = "alternatives";
    pub const LEGAL_BASIS: &str = "legal_basis";
    pub const BACKGROUND: &str = "background";
    pub const INVOLVED_DEPARTMENTS: &str = "involved_departments";
    pub const LEGAL_MATTERS: &str = "legal_matters";
    pub const MATERIAL_COPIES: &str = "material_copies";
    pub const CLASSIFIED: &str = "classified";
    pub const SUBMITTED_ON: &str = "submitted_on";
}

/// Rule codes of `Problem::Rule` raised by the form.
pub mod rule {
    /// Scope 3 (major criminal / public-order cases) and 4 (case decisions) are case
    /// matters: tick at least one legal matter, so the legal review gate applies (§1.2.4).
    pub const CASES_NEED_LEGAL_REVIEW: &str = "intake.cases_need_legal_review";
    /// Classified materials need at least one copy to hand out and collect (§4.2).
    pub const CLASSIFIED_NEEDS_COPIES: &str = "intake.classified_needs_copies";
}

/// The longest title accepted, in characters.
pub const TITLE_MAX: usize = 100;
/// The most material copies accepted.
pub const COPIES_MAX: u32 = 999;

/// What makes a legal review by the inspection & legal brigade required (§1.2.4:
/// "涉及刑事、治安案件及执行法律法规问题").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LegalMatters {
    /// 刑事案件
    pub criminal: bool,
    /// 治安案件
    pub public_order: bool,
    /// 执行法律法规
    pub law_enforcement: bool,
}

impl LegalMatters {
    pub fn any(self) -> bool {
        self.criminal || self.public_order || self.law_enforcement
    }
}

/// The registration form as typed (R1.3). Choices arrive as codes or numbers in text,
/// lists as one entry per element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TopicForm {
    pub title: String,
    /// Submitting (lead) department.
    pub department: String,
    /// Name of the deputy leader in charge.
    pub deputy: String,
    /// A [`Channel`] code, e.g. `registration_form`.
    pub channel: String,
    /// The scope number of §1.1.2: 1–5 or 7–9.
    pub scope: String,
    pub summary: String,
    /// One or several proposed solutions for the meeting to choose from (§1.2.3).
    pub alternatives: Vec<String>,
    pub legal_basis: String,
    pub background: String,
    /// Other departments the topic involves.
    pub involved_departments: Vec<String>,
    pub legal_matters: LegalMatters,
    /// Copies of the materials the department provides; empty means none.
    pub material_copies: String,
    pub classified: bool,
    /// YYYY-MM-DD, or MM-DD in the current year.
    pub submitted_on: String,
}

/// The lists a form is checked against: known departments and the deputy leaders.
#[derive(Clone, Copy, Debug)]
pub struct IntakeLists<'a> {
    pub departments: &'a [String],
    pub deputies: &'a [Person],
}

/// A checked registration (R1.3).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TopicRegistration {
    pub title: String,
    pub department: String,
    pub deputy_id: Id,
    pub channel: Channel,
    pub scope: Scope,
    pub summary: String,
    pub alternatives: Vec<String>,
    pub legal_basis: String,
    pub background: String,
    /// Other departments involved, without the submitting one, without repeats.
    pub involved_departments: Vec<String>,
    pub legal_matters: LegalMatters,
    pub material_copies: u32,
    pub classified: bool,
    pub submitted_on: NaiveDate,
}

impl TopicRegistration {
    /// Legal review by the inspection & legal brigade is required (§1.2.4).
    pub fn needs_legal_review(&self) -> bool {
        self.legal_matters.any()
    }

    /// Several departments are involved: coordination must be checked (§1.2.2).
    pub fn involves_several_departments(&self) -> bool {
        !self.involved_departments.is_empty()
    }

    /// What the office's checklist must cover for this topic (R1.4).
    pub fn review_needs(&self) -> ReviewNeeds {
        ReviewNeeds {
            several_departments: self.involves_several_departments(),
            legal_review: self.needs_legal_review(),
        }
    }
}

impl TopicForm {
    /// Checks every field; `now` dates "MM-DD" and refuses a date in the future.
    pub fn check(&self, lists: IntakeLists<'_>, now: Time) -> Checked<TopicRegistration> {
        let mut p = Problems::default();
        let title = self.title.trim().to_string();
        p.require(field::TITLE, &title);
        if title.chars().count() > TITLE_MAX {
            p.add(field::TITLE, Problem::TooLong { max: TITLE_MAX });
        }
        let department = self.department.trim().to_string();
        if department.is_empty() {
            p.add(field::DEPARTMENT, Problem::Required);
        } else if !lists.departments.contains(&department) {
            p.add(field::DEPARTMENT, Problem::NotOnList);
        }
        let deputy = self.deputy.trim();
        let deputy_id = lists
            .deputies
            .iter()
            .find(|d| d.name == deputy)
            .map(|d| d.id);
        if deputy.is_empty() {
            p.add(field::DEPUTY, Problem::Required);
        } else if deputy_id.is_none() {
            p.add(field::DEPUTY, Problem::NotOnList);
        }
        let channel = Channel::from_code(self.channel.trim());
        if self.channel.trim().is_empty() {
            p.add(field::CHANNEL, Problem::Required);
        } else if channel.is_none() {
            p.add(field::CHANNEL, Problem::NotAChoice);
        }
        let scope = self.check_scope(&mut p);
        let summary = self.summary.trim().to_string();
        p.require(field::SUMMARY, &summary);
        let alternatives = non_blank(&self.alternatives);
        if alternatives.is_empty() {
            p.add(field::ALTERNATIVES, Problem::Required);
        }
        let legal_basis = self.legal_basis.trim().to_string();
        p.require(field::LEGAL_BASIS, &legal_basis);
        let background = self.background.trim().to_string();
        p.require(field::BACKGROUND, &background);
        let mut involved: Vec<String> = Vec::new();
        for d in non_blank(&self.involved_departments) {
            if d == department || involved.contains(&d) {
                continue;
            }
            if !lists.departments.contains(&d) {
                p.add(field::INVOLVED_DEPARTMENTS, Problem::NotOnList);
            }
            involved.push(d);
        }
        if scope.is_some_and(|s| matches!(s.number(), 3 | 4)) && !self.legal_matters.any() {
            p.add(
                field::LEGAL_MATTERS,
                Problem::Rule(rule::CASES_NEED_LEGAL_REVIEW),
            );
        }
        let copies = self.check_copies(&mut p);
        let submitted_on = self.check_submitted_on(&mut p, now);
        let (Some(deputy_id), Some(channel), Some(scope), Some(copies), Some(submitted_on)) =
            (deputy_id, channel, scope, copies, submitted_on)
        else {
            return Err(p.0);
        };
        p.into_result(TopicRegistration {
            title,
            department,
            deputy_id,
            channel,
            scope,
            summary,
            alternatives,
            legal_basis,
            background,
            involved_departments: involved,
            legal_matters: self.legal_matters,
            material_copies: copies,
            classified: self.classified,
            submitted_on,
        })
    }

    fn check_scope(&self, p: &mut Problems) -> Option<Scope> {
        let text = ascii_digits(self.scope.trim());
        if text.is_empty() {
            p.add(field::SCOPE, Problem::Required);
            return None;
        }
        match text.parse::<u8>() {
            // 6 is a number but not a category: the regulation has none (R1.2).
            Ok(n) => {
                let scope = Scope::new(n);
                if scope.is_none() {
                    p.add(field::SCOPE, Problem::NotAChoice);
                }
                scope
            }
            Err(_) => {
                p.add(field::SCOPE, Problem::BadNumber);
                None
            }
        }
    }

    fn check_copies(&self, p: &mut Problems) -> Option<u32> {
        let text = ascii_digits(self.material_copies.trim());
        let copies = if text.is_empty() {
            0
        } else {
            match text.parse::<u32>() {
                Ok(n) if n <= COPIES_MAX => n,
                _ => {
                    p.add(field::MATERIAL_COPIES, Problem::BadNumber);
                    return None;
                }
            }
        };
        if self.classified && copies == 0 {
            p.add(
                field::MATERIAL_COPIES,
                Problem::Rule(rule::CLASSIFIED_NEEDS_COPIES),
            );
        }
        Some(copies)
    }

    fn check_submitted_on(&self, p: &mut Problems, now: Time) -> Option<NaiveDate> {
        let text = self.submitted_on.trim();
        if text.is_empty() {
            p.add(field::SUBMITTED_ON, Problem::Required);
            return None;
        }
        let today = now.date_naive();
        let Some(date) = parse_date(text, today.year()) else {
            p.add(field::SUBMITTED_ON, Problem::BadDate);
            return None;
        };
        if date > today {
            p.add(field::SUBMITTED_ON, Problem::InFuture);
        }
        Some(date)
    }
}

/// Splits a typed list on new lines and the usual separators (、，,；;) into trimmed,
/// non-blank entries: for fields typed as one line of text.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(['\n', '、', '，', ',', '；', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn non_blank(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Full-width digits (typed with a Chinese input method) read as ASCII ones.
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (u32::from(c) - u32::from('０')) as u8),
            '－' => '-',
            '／' => '/',
            '．' => '.',
            _ => c,
        })
        .collect()
}

/// YYYY-MM-DD (also with / or .), 2026年3月4日, or MM-DD / 3月4日 in `year`.
pub fn parse_date(text: &str, year: i32) -> Option<NaiveDate> {
    let text = ascii_digits(text.trim());
    let text = text.replace('日', "").replace(['年', '月', '/', '.'], "-");
    let parts: Vec<&str> = text.split('-').map(str::trim).collect();
    let num = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] => {
            let y = i32::try_from(num(y)?).ok()?;
            NaiveDate::from_ymd_opt(y, num(m)?, num(d)?)
        }
        [m, d] => NaiveDate::from_ymd_opt(year, num(m)?, num(d)?),
        _ => None,
    }
}
