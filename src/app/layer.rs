//! Layers drawn over a screen — help, forms, questions, pickers, the screen lock.
//! They stack; the top one takes every key. A form or question answered returns to
//! whoever opened it: a screen, with what it was for (a value only that screen can read),
//! or the layer beneath (a question asked about a form returns to that form).
use std::any::Any;

use super::form::Form;
use super::lock::Lock;
use super::picker::Picker;
use super::screen::ScreenId;
use crate::i18n::Tr;
use crate::store::lease::LeaseKey;

/// A yes/no question.
pub struct Question {
    pub text: String,
}

/// A question answered with one of several keys.
pub struct Choices {
    pub text: String,
    /// Each key with what it does.
    pub options: Vec<(char, Tr)>,
    /// The key pressed, once answered.
    pub chosen: Option<char>,
}

/// Lines to read over a screen (the earlier decisions still open, R7.3): nothing to
/// answer; the arrows scroll, any other key closes it, as help.
pub struct Page {
    pub title: Tr,
    /// Each line with its theme style.
    pub lines: Vec<(String, &'static str)>,
    /// The first line shown.
    pub scroll: usize,
}

impl Page {
    pub fn scroll_by(&mut self, by: isize) {
        let last = self.lines.len().saturating_sub(1);
        self.scroll = self.scroll.saturating_add_signed(by).min(last);
    }
}

pub enum LayerKind {
    Help,
    Page(Box<Page>),
    Form(Box<Form>),
    Confirm(Question),
    Picker(Box<Picker>),
    Choices(Choices),
    /// The screen lock: hides everything, takes every key, discards nothing beneath.
    Lock(Box<Lock>),
}

/// Who gets the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// The app itself (leaving with unsaved text; an emergency file found at start).
    App,
    Screen(ScreenId),
    /// The layer beneath (a question about a form's answer).
    Below,
}

pub struct Layer {
    pub kind: LayerKind,
    pub owner: Owner,
    /// What the layer was opened for, in the owner's own terms.
    pub purpose: Box<dyn Any>,
    /// The record this layer edits: its edit lease is held while the layer is open.
    pub lease: Option<LeaseKey>,
}

/// The answer a layer gives its owner.
pub enum Reply<'a> {
    Form(&'a mut Form),
    Yes,
    No,
    Picked(&'a Picker),
    /// The key chosen in a [`Choices`].
    Chose(char),
}

impl<'a> Reply<'a> {
    /// A form's answer goes to `then`; any other answer (No, Esc) is nothing to do.
    /// With these, a screen's `answered` matches every purpose it has by name — no
    /// catch-all arm — and a purpose added without its answer does not compile.
    pub fn to_form(self, then: impl FnOnce(&'a mut Form) -> Verdict) -> Verdict {
        match self {
            Self::Form(f) => then(f),
            _ => Verdict::Done,
        }
    }

    /// A picker's answer goes to `then`.
    pub fn to_picker(self, then: impl FnOnce(&'a Picker)) -> Verdict {
        if let Self::Picked(p) = self {
            then(p);
        }
        Verdict::Done
    }

    /// Yes to a question runs `then`.
    pub fn on_yes(self, then: impl FnOnce()) -> Verdict {
        if matches!(self, Self::Yes) {
            then();
        }
        Verdict::Done
    }
}

/// What the owner makes of an answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Done: the layer goes.
    Done,
    /// The form stays open (its problems are shown next to its fields).
    Keep,
    /// Ask this first; on yes the form is answered again with `confirmed` set.
    Ask(String),
}

#[derive(Default)]
pub struct Layers {
    stack: Vec<Layer>,
}

impl Layers {
    pub fn push(&mut self, kind: LayerKind, owner: Owner, purpose: Box<dyn Any>) {
        self.stack.push(Layer {
            kind,
            owner,
            purpose,
            lease: None,
        });
    }

    /// The top layer edits this record: hold its lease while it is open.
    pub fn lease_top(&mut self, key: LeaseKey) {
        if let Some(l) = self.stack.last_mut() {
            l.lease = Some(key);
        }
    }

    /// The records the open layers edit.
    pub fn leases(&self) -> Vec<LeaseKey> {
        self.stack.iter().filter_map(|l| l.lease.clone()).collect()
    }

    /// Is the screen locked (a lock layer anywhere in the stack)?
    pub fn locked(&self) -> bool {
        self.stack
            .iter()
            .any(|l| matches!(l.kind, LayerKind::Lock(_)))
    }

    pub fn pop(&mut self) -> Option<Layer> {
        self.stack.pop()
    }

    /// Put a layer back at `index` (under any the owner opened meanwhile).
    pub fn insert(&mut self, index: usize, layer: Layer) {
        let i = index.min(self.stack.len());
        self.stack.insert(i, layer);
    }

    pub fn top(&self) -> Option<&Layer> {
        self.stack.last()
    }

    pub fn top_mut(&mut self) -> Option<&mut Layer> {
        self.stack.last_mut()
    }

    pub fn len(&self) -> usize {
        self.stack.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stack.is_empty()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Layer> {
        self.stack.iter_mut()
    }

    /// Take the screen lock away (wherever it is in the stack).
    pub fn remove_lock(&mut self) {
        self.stack.retain(|l| !matches!(l.kind, LayerKind::Lock(_)));
    }

    /// Bottom to top, as they are drawn.
    pub fn iter(&self) -> impl Iterator<Item = &Layer> {
        self.stack.iter()
    }

    pub fn clear(&mut self) {
        self.stack.clear();
    }
}
