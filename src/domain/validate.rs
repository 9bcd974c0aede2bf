//! What is wrong with what a person entered, field by field.
//!
//! A form is validated by a domain function that returns the problem of each field by the
//! field's name; the screen shows each problem next to its field, in the user's language
//! (the words are in i18n, never here: the domain knows no language).

/// One problem with one field's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Must not be empty.
    Required,
    /// Not a time (HH:MM).
    BadTime,
    /// Not a date (YYYY-MM-DD or MM-DD).
    BadDate,
    /// Not a whole number (or out of range).
    BadNumber,
    /// Not one of the choices offered.
    NotAChoice,
    /// A person or department that is not on the list.
    NotOnList,
    /// The time lies in the future.
    InFuture,
    /// Longer than allowed.
    TooLong { max: usize },
    /// Refused by a rule of the regulation; the text names the rule in the user's words
    /// through i18n (see `rule` codes where the rule is defined).
    Rule(&'static str),
    /// The time lies in the past (a meeting cannot be planned there).
    InPast,
}

/// A problem and the name of the field it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub problem: Problem,
}

impl FieldProblem {
    pub fn new(field: &'static str, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// The result of validating a form: the value it describes, or every problem found.
pub type Checked<T> = Result<T, Vec<FieldProblem>>;

/// Collects problems while a form is checked.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<FieldProblem>);

impl Problems {
    pub fn add(&mut self, field: &'static str, problem: Problem) {
        self.0.push(FieldProblem::new(field, problem));
    }

    /// Adds `Required` when `value` is blank.
    pub fn require(&mut self, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.add(field, Problem::Required);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was found.
    pub fn into_result<T>(self, value: T) -> Checked<T> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

/// A time typed as HH:MM (or HHMM, H:MM, with a full-width colon).
pub fn parse_hhmm(s: &str) -> Option<chrono::NaiveTime> {
    let s = s.trim().replace('：', ":");
    let (h, m) = match s.split_once(':') {
        Some((h, m)) => (h.to_string(), m.to_string()),
        None if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) => {
            (s[..2].to_string(), s[2..].to_string())
        }
        None => return None,
    };
    chrono::NaiveTime::from_hms_opt(h.trim().parse().ok()?, m.trim().parse().ok()?, 0)
}

/// A date typed as YYYY-MM-DD (or with / or .), or MM-DD in `year`.
pub fn parse_date(s: &str, year: i32) -> Option<chrono::NaiveDate> {
    let s = s.trim().replace(['/', '.'], "-");
    chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .ok()
        .or_else(|| chrono::NaiveDate::parse_from_str(&format!("{year}-{s}"), "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_the_ways_people_type_them() {
        let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_hhmm("08:52"), t(8, 52));
        assert_eq!(parse_hhmm("8:05"), t(8, 5));
        assert_eq!(parse_hhmm("0852"), t(8, 52));
        assert_eq!(parse_hhmm("08：52"), t(8, 52));
        assert_eq!(parse_hhmm("25:00"), None);
        assert_eq!(parse_hhmm("八点"), None);
        assert_eq!(parse_hhmm(""), None);
    }

    #[test]
    fn dates_with_or_without_the_year() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 31);
        assert_eq!(parse_date("2026-12-31", 2025), d);
        assert_eq!(parse_date("12/31", 2026), d);
        assert_eq!(parse_date("31日", 2026), None);
    }
}
