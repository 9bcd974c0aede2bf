//! What the back office's forms and pickers offer: people, leaders, departments, and a
//! filter typed into a list; and the small readings of typed dates and times they share.
use chrono::{NaiveDate, NaiveTime, TimeZone};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::BackOffice;
use crate::app::form::Choice;
use crate::app::picker::PickItem;
use crate::domain::Time;
use crate::domain::intake::{ascii_digits, parse_date};
use crate::domain::meeting_people::is_leadership;
use crate::domain::people::Person;
use crate::domain::validate::{FieldProblem, Problem, parse_hhmm};
use crate::i18n::Lang;

/// A filter typed into a list (`/`, then the text; Esc clears it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextFilter {
    pub text: String,
    pub typing: bool,
}

impl TextFilter {
    pub fn start(&mut self) {
        self.typing = true;
    }

    /// Keys while typing; Esc clears a filter that is set. True when taken.
    pub fn key(&mut self, ev: KeyEvent) -> bool {
        if !self.typing {
            if ev.code == KeyCode::Esc && !self.text.is_empty() {
                self.text.clear();
                return true;
            }
            return false;
        }
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Char(c) if !ctrl => self.text.push(c),
            KeyCode::Backspace => {
                self.text.pop();
            }
            KeyCode::Esc => {
                self.text.clear();
                self.typing = false;
            }
            KeyCode::Enter => self.typing = false,
            _ => return false,
        }
        true
    }

    pub fn paste(&mut self, text: &str) {
        self.typing = true;
        self.text.push_str(text.trim());
    }
}

/// A person as a form's suggestion: name, title and department shown, initials matched.
pub fn person_choice(p: &Person) -> Choice {
    Choice::new(
        p.name.clone(),
        format!("{} {} {}", p.name, p.department, p.title),
    )
    .with_keys(format!("{} {}", p.initials, p.department))
}

pub fn pick_item(p: &Person, own: bool) -> PickItem {
    PickItem {
        id: p.id,
        name: p.name.clone(),
        info: format!("{} {}", p.department, p.title),
        initials: p.initials.clone(),
        own,
    }
}

impl BackOffice {
    /// Everyone on the list now, as suggestions.
    pub(super) fn people_choices(&self) -> Vec<Choice> {
        self.view
            .active_people()
            .iter()
            .map(person_choice)
            .collect()
    }

    /// The bureau's leaders (the deputies in charge, the director), as suggestions.
    pub(super) fn leader_choices(&self) -> Vec<Choice> {
        self.view
            .active_people()
            .iter()
            .filter(|p| is_leadership(p))
            .map(person_choice)
            .collect()
    }

    pub(super) fn department_choices(&self) -> Vec<Choice> {
        self.view
            .departments()
            .into_iter()
            .map(|d| Choice::new(d.clone(), d))
            .collect()
    }

    /// A person on the list by name.
    pub(super) fn person_named(&self, name: &str) -> Option<Person> {
        let name = name.trim();
        self.view
            .active_people()
            .into_iter()
            .find(|p| p.name == name)
    }
}

/// A date and time typed in two fields (date YYYY-MM-DD or MM-DD, time HH:MM) as a time
/// in `now`'s offset, or the problems of each field.
pub fn typed_time(
    date_field: &'static str,
    date: &str,
    time_field: &'static str,
    time: &str,
    now: Time,
) -> Result<Time, Vec<FieldProblem>> {
    use chrono::Datelike;
    let d = parse_date(date, now.year());
    let t = parse_hhmm(&ascii_digits(time));
    let mut problems = Vec::new();
    if d.is_none() {
        problems.push(FieldProblem::new(date_field, Problem::BadDate));
    }
    if t.is_none() {
        problems.push(FieldProblem::new(time_field, Problem::BadTime));
    }
    match (d, t) {
        (Some(d), Some(t)) => Ok(at(now, d, t)),
        _ => Err(problems),
    }
}

/// `date` at `time` in the offset of `zone_of`.
pub fn at(zone_of: Time, date: NaiveDate, time: NaiveTime) -> Time {
    zone_of
        .offset()
        .from_local_datetime(&date.and_time(time))
        .single()
        .unwrap_or(zone_of)
}

/// A yes/no choice field's options.
pub fn yes_no(lang: Lang) -> Vec<Choice> {
    use crate::i18n::{NO, YES};
    vec![
        Choice::new("0", lang.t(&NO)),
        Choice::new("1", lang.t(&YES)),
    ]
}
