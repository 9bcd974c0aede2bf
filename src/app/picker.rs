//! A list to pick one person from, filtered as you type (name, pinyin initials or
//! department); a name not on the list may be typed when the picker allows it.
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::form::FormEvent;
use crate::domain::Id;
use crate::domain::people::match_rank;
use crate::i18n::Tr;

/// One person the picker offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickItem {
    pub id: Id,
    pub name: String,
    /// Department and title, shown after the name.
    pub info: String,
    pub initials: String,
    /// One of the people expected here (shown first, in full colour).
    pub own: bool,
}

pub struct Picker {
    pub title: Tr,
    pub filter: TextArea<'static>,
    pub items: Vec<PickItem>,
    pub selected: usize,
    /// A name that matches nobody may be given (then marked as not on the list).
    pub allow_free: bool,
    /// What the footer says to do.
    pub hint: Tr,
}

/// What the picker answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Person {
        id: Id,
        name: String,
    },
    /// A name typed that is not on the list.
    Free(String),
}

impl Picker {
    pub fn new(title: Tr, items: Vec<PickItem>, allow_free: bool) -> Self {
        Self {
            title,
            filter: TextArea::default(),
            items,
            selected: 0,
            allow_free,
            hint: if allow_free {
                crate::i18n::PICKER_HINT
            } else {
                crate::i18n::PICKER_HINT_PEOPLE
            },
        }
    }

    /// A list of things, not people (a channel, a topic): the footer says so.
    pub fn of_items(mut self) -> Self {
        self.hint = crate::i18n::PICKER_HINT_ITEMS;
        self
    }

    pub fn typed(&self) -> String {
        self.filter.lines().join("").trim().to_string()
    }

    /// The people that match what was typed, best first (an exact name or initials
    /// first), keeping list order among equals.
    pub fn matches(&self) -> Vec<&PickItem> {
        let typed = self.typed();
        let mut ranked: Vec<(u8, usize, &PickItem)> = self
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                match_rank(&typed, &p.name, &p.initials, &[&p.info]).map(|r| (r, i, p))
            })
            .collect();
        ranked.sort_by_key(|(r, i, _)| (*r, *i));
        ranked.into_iter().map(|(_, _, p)| p).collect()
    }

    /// The answer Enter would give now.
    pub fn choice(&self) -> Option<Picked> {
        match self.matches().get(self.selected) {
            Some(p) => Some(Picked::Person {
                id: p.id,
                name: p.name.clone(),
            }),
            None if self.allow_free && !self.typed().is_empty() => Some(Picked::Free(self.typed())),
            None => None,
        }
    }

    pub fn key(&mut self, ev: KeyEvent) -> FormEvent {
        let n = self.matches().len();
        match ev.code {
            KeyCode::Esc => return FormEvent::Cancel,
            KeyCode::Enter => return FormEvent::Submit,
            KeyCode::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            _ => {
                if self.filter.input(ev) {
                    self.selected = 0;
                }
            }
        }
        FormEvent::Handled
    }

    pub fn paste(&mut self, text: &str) {
        self.filter.insert_str(text.replace(['\r', '\n'], " "));
        self.selected = 0;
    }
}
