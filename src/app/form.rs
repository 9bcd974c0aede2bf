//! Declared forms: a form is a list of fields, each with a name, a label and a kind; a
//! screen reads the values by name, never by position, and a domain function says what
//! is wrong with them, field by field. The problem is shown next to its field.
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

pub use super::form_keys::{CHOICE_KEYS, HELP_KEYS, MULTILINE_KEYS, SUGGEST_KEYS, TEXT_KEYS};
use crate::domain::validate::FieldProblem;
use crate::i18n::{self, Lang, Tr};

/// One option of a choice or a suggestion of a person or department field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// What the form returns.
    pub value: String,
    /// What the list shows.
    pub label: String,
    /// Extra words the filter matches (pinyin initials, department).
    pub keys: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            keys: String::new(),
        }
    }

    pub fn with_keys(mut self, keys: impl Into<String>) -> Self {
        self.keys = keys.into();
        self
    }

    fn matches(&self, typed: &str) -> bool {
        let t = typed.trim().to_lowercase();
        t.is_empty()
            || self.label.to_lowercase().contains(&t)
            || self.value.to_lowercase().contains(&t)
            || self
                .keys
                .to_lowercase()
                .split(' ')
                .any(|k| k.starts_with(&t))
    }
}

/// What a field holds, and so how it is typed into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// Several lines: Enter adds a line.
    MultiLine,
    /// One of a fixed list: Enter opens the list, typing filters it, ↑↓ choose.
    Choice(Vec<Choice>),
    /// YYYY-MM-DD (or MM-DD).
    Date,
    /// HH:MM.
    Time,
    /// A person's name: suggestions from the roster as you type; a name not on the list
    /// may still be typed.
    Person(Vec<Choice>),
    /// A department: suggestions as you type; another name may still be typed.
    Department(Vec<Choice>),
}

impl FieldKind {
    fn suggestions(&self) -> Option<&[Choice]> {
        match self {
            Self::Choice(c) | Self::Person(c) | Self::Department(c) => Some(c),
            _ => None,
        }
    }
}

pub struct Field {
    pub name: &'static str,
    pub label: Tr,
    pub kind: FieldKind,
    pub input: TextArea<'static>,
    /// The highlighted option of the list (choices) or the suggestions (people).
    pub selected: Option<usize>,
    /// The choice list is open.
    pub open: bool,
    /// What is wrong with the value, in the user's language.
    pub problem: Option<String>,
    /// The value the form opened with: Esc asks before dropping anything typed since.
    initial: String,
}

impl Field {
    pub fn new(name: &'static str, label: Tr, kind: FieldKind, value: &str) -> Self {
        let mut input = if value.is_empty() {
            TextArea::default()
        } else {
            TextArea::new(value.split('\n').map(str::to_string).collect())
        };
        if kind == FieldKind::MultiLine {
            input.set_wrap_mode(WrapMode::WordOrGlyph);
        }
        input.move_cursor(CursorMove::Bottom);
        input.move_cursor(CursorMove::End);
        let selected = match &kind {
            FieldKind::Choice(options) => options.iter().position(|c| c.value == value),
            _ => None,
        };
        let mut field = Self {
            name,
            label,
            kind,
            input,
            selected,
            open: false,
            problem: None,
            initial: value.to_string(),
        };
        if matches!(field.kind, FieldKind::Choice(_)) {
            // A choice shows its label, not what was typed.
            field.input = TextArea::default();
        }
        field
    }

    pub fn text(name: &'static str, label: Tr, value: &str) -> Self {
        Self::new(name, label, FieldKind::Text, value)
    }

    pub fn multiline(name: &'static str, label: Tr, value: &str) -> Self {
        Self::new(name, label, FieldKind::MultiLine, value)
    }

    pub fn time(name: &'static str, label: Tr, value: &str) -> Self {
        Self::new(name, label, FieldKind::Time, value)
    }

    pub fn date(name: &'static str, label: Tr, value: &str) -> Self {
        Self::new(name, label, FieldKind::Date, value)
    }

    /// What was typed (for a choice: the filter).
    pub fn typed(&self) -> String {
        self.input.lines().join("\n")
    }

    /// The value the form returns for this field.
    pub fn value(&self) -> String {
        match &self.kind {
            FieldKind::Choice(options) => self
                .selected
                .and_then(|i| options.get(i))
                .map(|c| c.value.clone())
                .unwrap_or_default(),
            _ => self.typed(),
        }
    }

    /// The options the list shows now: all of a choice while nothing is typed, else the
    /// ones that match what was typed.
    pub fn options(&self) -> Vec<(usize, &Choice)> {
        let Some(all) = self.kind.suggestions() else {
            return Vec::new();
        };
        let typed = self.typed();
        if matches!(self.kind, FieldKind::Person(_) | FieldKind::Department(_))
            && typed.trim().is_empty()
        {
            return Vec::new();
        }
        all.iter()
            .enumerate()
            .filter(|(_, c)| c.matches(&typed))
            .collect()
    }

    /// The label of a choice's chosen option.
    pub fn shown(&self) -> String {
        match &self.kind {
            FieldKind::Choice(options) => self
                .selected
                .and_then(|i| options.get(i))
                .map(|c| c.label.clone())
                .unwrap_or_default(),
            _ => self.typed(),
        }
    }

    /// Does the list (choices or suggestions) show under the field now?
    pub fn list_open(&self) -> bool {
        match self.kind {
            FieldKind::Choice(_) => self.open,
            FieldKind::Person(_) | FieldKind::Department(_) => !self.options().is_empty(),
            _ => false,
        }
    }

    fn move_in_list(&mut self, by: isize) {
        let shown: Vec<usize> = self.options().into_iter().map(|(i, _)| i).collect();
        if shown.is_empty() {
            return;
        }
        let pos = self
            .selected
            .and_then(|s| shown.iter().position(|i| *i == s))
            .map(|p| p as isize + by)
            .unwrap_or(if by > 0 { 0 } else { shown.len() as isize - 1 });
        let pos = pos.clamp(0, shown.len() as isize - 1) as usize;
        self.selected = shown.get(pos).copied();
    }

    /// Take the highlighted suggestion into a person or department field.
    fn accept_suggestion(&mut self) -> bool {
        // A choice keeps its option: only typed names take a suggestion.
        if matches!(self.kind, FieldKind::Choice(_)) {
            return false;
        }
        let chosen = self
            .selected
            .and_then(|i| self.kind.suggestions()?.get(i))
            .map(|c| c.value.clone());
        match chosen {
            Some(v) if v != self.typed() => {
                self.take(v);
                true
            }
            _ => false,
        }
    }

    /// Enter on a typed name with suggestions shown and none highlighted: the first
    /// suggestion, unless what was typed is a name on the list already. (Ctrl-S keeps a
    /// name that is not on the list.)
    fn take_first_suggestion(&mut self) -> bool {
        let typed = self.typed();
        if typed.trim().is_empty() || matches!(self.kind, FieldKind::Choice(_)) {
            return false;
        }
        let options = self.options();
        if options.iter().any(|(_, c)| c.value == typed.trim()) {
            return false;
        }
        match options.first().map(|(_, c)| c.value.clone()) {
            Some(v) => {
                self.take(v);
                true
            }
            None => false,
        }
    }

    fn take(&mut self, value: String) {
        self.input = TextArea::new(vec![value]);
        self.input.move_cursor(CursorMove::End);
        self.selected = None;
        // The value changed: what was wrong with the old one no longer stands.
        self.problem = None;
    }
}

/// What a key did to a form.
pub enum FormEvent {
    Submit,
    Cancel,
    Handled,
}

pub struct Form {
    pub title: Tr,
    /// Whom or what the form is about (a person's name), shown under the title.
    pub subject: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A problem with the whole form, shown at its foot.
    pub error: Option<String>,
    /// The user said yes to the question the form's answer raised.
    pub confirmed: bool,
    /// Esc asks first when something was typed (not for a search or a filter).
    pub asks_before_discarding: bool,
}

impl Form {
    pub fn new(title: Tr, subject: impl Into<String>, fields: Vec<Field>) -> Self {
        Self {
            title,
            subject: subject.into(),
            fields,
            focus: 0,
            error: None,
            confirmed: false,
            asks_before_discarding: true,
        }
    }

    /// A form whose typing is cheap to lose (a search, a filter): Esc just closes it.
    pub fn quiet(mut self) -> Self {
        self.asks_before_discarding = false;
        self
    }

    /// Something was typed that Esc would lose: a field not a choice whose value is no
    /// longer the one the form opened with.
    pub fn typed_into(&self) -> bool {
        self.asks_before_discarding
            && self.fields.iter().any(|f| {
                !matches!(f.kind, FieldKind::Choice(_)) && f.value().trim() != f.initial.trim()
            })
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The value of the field called `name` ("" when there is none).
    pub fn get(&self, name: &str) -> String {
        self.field(name).map(Field::value).unwrap_or_default()
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// Show each problem next to its field, in `lang`; focus the first field with one.
    pub fn set_problems(&mut self, lang: Lang, problems: &[FieldProblem]) {
        for f in &mut self.fields {
            f.problem = None;
        }
        let mut first = None;
        for p in problems {
            if let Some(i) = self.fields.iter().position(|f| f.name == p.field) {
                first.get_or_insert(i);
                if let Some(f) = self.fields.get_mut(i) {
                    f.problem = Some(i18n::problem(lang, &p.problem));
                }
            }
        }
        if let Some(i) = first {
            self.focus = i;
        }
        self.confirmed = false;
    }

    pub fn key(&mut self, ev: KeyEvent) -> FormEvent {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let n = self.fields.len().max(1);
        let Some(f) = self.fields.get_mut(self.focus) else {
            return match ev.code {
                KeyCode::Esc => FormEvent::Cancel,
                _ => FormEvent::Submit,
            };
        };
        let kind = f.kind.clone();
        let multiline = kind == FieldKind::MultiLine;
        match ev.code {
            KeyCode::Esc if f.open => f.open = false,
            KeyCode::Esc => return FormEvent::Cancel,
            KeyCode::Char('s') if ctrl => return FormEvent::Submit,
            KeyCode::Enter if ctrl => return FormEvent::Submit,
            KeyCode::Enter => match kind {
                FieldKind::MultiLine => {
                    f.input.input(ev);
                }
                FieldKind::Choice(_) => {
                    f.open = !f.open;
                    if f.open && f.selected.is_none() {
                        f.move_in_list(1);
                    }
                    if !f.open {
                        f.input = TextArea::default();
                    }
                }
                FieldKind::Person(_) | FieldKind::Department(_) => {
                    if !f.accept_suggestion() && !f.take_first_suggestion() {
                        return FormEvent::Submit;
                    }
                }
                _ => return FormEvent::Submit,
            },
            KeyCode::Tab => {
                f.accept_suggestion();
                f.open = false;
                self.focus = (self.focus + 1) % n;
            }
            KeyCode::BackTab => {
                f.open = false;
                self.focus = (self.focus + n - 1) % n;
            }
            KeyCode::Down | KeyCode::Up if f.list_open() => {
                f.move_in_list(if ev.code == KeyCode::Down { 1 } else { -1 });
            }
            KeyCode::Down if !multiline => self.focus = (self.focus + 1) % n,
            KeyCode::Up if !multiline => self.focus = (self.focus + n - 1) % n,
            KeyCode::Left | KeyCode::Right if matches!(kind, FieldKind::Choice(_)) && !f.open => {
                f.move_in_list(if ev.code == KeyCode::Right { 1 } else { -1 });
            }
            _ => {
                if f.input.input(ev) {
                    f.problem = None;
                    self.error = None;
                    if let FieldKind::Choice(_) = kind {
                        f.open = true;
                        f.selected = f.options().first().map(|(i, _)| *i);
                    } else if f.kind.suggestions().is_some() {
                        f.selected = None;
                    }
                }
            }
        }
        FormEvent::Handled
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            let text = if f.kind == FieldKind::MultiLine {
                text.replace("\r\n", "\n").replace('\r', "\n")
            } else {
                text.replace(['\r', '\n'], " ")
            };
            f.input.insert_str(text);
        }
    }

    /// The keys of the focused field, for the footer and F1 help: one truth for both.
    pub fn hints(&self) -> &'static [(&'static str, Tr)] {
        match self.focused().map(|f| &f.kind) {
            Some(FieldKind::MultiLine) => MULTILINE_KEYS,
            Some(FieldKind::Choice(_)) => CHOICE_KEYS,
            Some(FieldKind::Person(_) | FieldKind::Department(_)) => SUGGEST_KEYS,
            _ => TEXT_KEYS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn values_are_read_by_name_and_choices_return_their_value() {
        let options = vec![Choice::new("a", "甲"), Choice::new("b", "乙")];
        let mut form = Form::new(
            Tr("表", "Form"),
            "",
            vec![
                Field::text("reason", Tr("事由", "Reason"), "开会"),
                Field::new("pick", Tr("选", "Pick"), FieldKind::Choice(options), "a"),
            ],
        );
        assert_eq!(form.get("reason"), "开会");
        assert_eq!(form.get("pick"), "a");
        form.focus = 1;
        form.key(key(KeyCode::Right));
        assert_eq!(form.get("pick"), "b");
        assert_eq!(form.get("nothing"), "");
    }

    #[test]
    fn enter_in_a_multiline_field_adds_a_line_and_ctrl_s_submits() {
        let mut form = Form::new(
            Tr("表", "Form"),
            "",
            vec![Field::multiline("text", Tr("内容", "Text"), "甲")],
        );
        assert!(matches!(form.key(key(KeyCode::Enter)), FormEvent::Handled));
        form.key(key(KeyCode::Char('乙')));
        assert_eq!(form.get("text"), "甲\n乙");
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert!(matches!(form.key(ctrl_s), FormEvent::Submit));
    }

    #[test]
    fn tab_through_a_choice_keeps_what_it_holds() {
        let options = vec![Choice::new("a", "甲"), Choice::new("b", "乙")];
        let mut form = Form::new(
            Tr("表", "Form"),
            "",
            vec![
                Field::new("pick", Tr("选", "Pick"), FieldKind::Choice(options), "b"),
                Field::text("next", Tr("下", "Next"), ""),
            ],
        );
        form.key(key(KeyCode::Tab));
        form.key(key(KeyCode::BackTab));
        form.key(key(KeyCode::Tab));
        assert_eq!(form.get("pick"), "b");
    }

    #[test]
    fn a_person_field_suggests_and_takes_a_name() {
        let people = vec![
            Choice::new("王建国", "王建国 局长").with_keys("wjg"),
            Choice::new("吴刚", "吴刚 治安大队").with_keys("wg"),
        ];
        let mut form = Form::new(
            Tr("表", "Form"),
            "",
            vec![Field::new(
                "approver",
                Tr("批准人", "Approver"),
                FieldKind::Person(people),
                "",
            )],
        );
        form.key(key(KeyCode::Char('w')));
        form.key(key(KeyCode::Char('j')));
        assert_eq!(form.fields[0].options().len(), 1);
        form.key(key(KeyCode::Down));
        assert!(matches!(form.key(key(KeyCode::Enter)), FormEvent::Handled));
        assert_eq!(form.get("approver"), "王建国");
        assert!(matches!(form.key(key(KeyCode::Enter)), FormEvent::Submit));
    }
}
