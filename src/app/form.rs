//! Small modal forms and confirmations: a reason, an approver, a time typed in.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use crate::domain::Id;
use crate::i18n::Tr;

/// What a form is for: decides what happens on Enter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    CheckInAt(Id),
    Leave(Id),
    LeftEarly(Id),
    Search,
    SpeakerOffList,
    DecisionText,
    DecisionFields,
}

pub struct Field {
    pub label: Tr,
    pub input: TextArea<'static>,
    /// A multi-line field (the decided text): Enter adds a line, Ctrl-S submits.
    pub multiline: bool,
}

impl Field {
    pub fn new(label: Tr, value: &str) -> Self {
        let mut input = TextArea::new(value.lines().map(str::to_string).collect());
        if value.is_empty() {
            input = TextArea::default();
        }
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Self {
            label,
            input,
            multiline: false,
        }
    }

    pub fn multiline(mut self) -> Self {
        self.multiline = true;
        self.input
            .set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        self
    }

    pub fn value(&self) -> String {
        self.input.lines().join("\n")
    }
}

pub struct Form {
    pub title: Tr,
    pub subject: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub purpose: Purpose,
    /// A problem with what was entered, shown in the form.
    pub error: Option<String>,
}

pub enum FormEvent {
    Submit,
    Cancel,
    Handled,
}

impl Form {
    pub fn new(title: Tr, subject: String, purpose: Purpose, fields: Vec<Field>) -> Self {
        Self {
            title,
            subject,
            fields,
            focus: 0,
            purpose,
            error: None,
        }
    }

    pub fn value(&self, i: usize) -> String {
        self.fields.get(i).map(Field::value).unwrap_or_default()
    }

    pub fn key(&mut self, ev: KeyEvent) -> FormEvent {
        let multiline = self.fields.get(self.focus).is_some_and(|f| f.multiline);
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Esc => return FormEvent::Cancel,
            KeyCode::Enter if !multiline || ctrl => return FormEvent::Submit,
            KeyCode::Char('s') if ctrl => return FormEvent::Submit,
            KeyCode::Tab | KeyCode::Down if !multiline || ev.code == KeyCode::Tab => {
                self.focus = (self.focus + 1) % self.fields.len().max(1);
            }
            KeyCode::BackTab | KeyCode::Up if !multiline || ev.code == KeyCode::BackTab => {
                let n = self.fields.len().max(1);
                self.focus = (self.focus + n - 1) % n;
            }
            _ => {
                if let Some(f) = self.fields.get_mut(self.focus) {
                    f.input.input(ev);
                    self.error = None;
                }
            }
        }
        FormEvent::Handled
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            let text = if f.multiline {
                text.replace('\r', "\n")
            } else {
                text.replace(['\r', '\n'], " ")
            };
            f.input.insert_str(text);
        }
    }
}

/// A yes/no question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    Advance,
    Clear(Id),
}

pub struct Question {
    pub text: String,
    pub what: Confirm,
}

/// Parse a time typed as HH:MM (or HHMM, or H:MM).
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
}
