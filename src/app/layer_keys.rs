//! The top layer takes every key (help, a page, a form, a picker, a question, the screen
//! lock), and its answer goes back to whoever opened it: the app, a screen, or the form
//! beneath.
use crossterm::event::{KeyCode, KeyEvent};

use super::App;
use super::form::FormEvent;
use super::layer::{self, LayerKind, Owner, Reply, Verdict};
use super::leaving;

impl App {
    /// The top layer takes the key.
    pub(super) fn layer_key(&mut self, key: KeyEvent) {
        let Some(top) = self.ctx.layers.top_mut() else {
            return;
        };
        let event = match &mut top.kind {
            LayerKind::Lock(_) => return self.lock_key(key),
            // Any key closes help; F1 and Esc are the ones the footer names.
            LayerKind::Help => FormEvent::Cancel,
            // A page scrolls with the arrows; any other key closes it, as help.
            LayerKind::Page(p) => {
                let by = match key.code {
                    KeyCode::Up => -1,
                    KeyCode::Down => 1,
                    KeyCode::PageUp => -10,
                    KeyCode::PageDown => 10,
                    _ => 0,
                };
                if by == 0 {
                    FormEvent::Cancel
                } else {
                    p.scroll_by(by);
                    FormEvent::Handled
                }
            }
            LayerKind::Form(f) => f.key(key),
            LayerKind::Picker(p) => p.key(key),
            LayerKind::Confirm(_) => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => FormEvent::Submit,
                KeyCode::Char('n' | 'N') | KeyCode::Esc => FormEvent::Cancel,
                _ => FormEvent::Handled,
            },
            LayerKind::Choices(c) => match key.code {
                KeyCode::Esc => FormEvent::Cancel,
                KeyCode::Char(k) if c.options.iter().any(|(o, _)| *o == k) => {
                    c.chosen = Some(k);
                    FormEvent::Submit
                }
                _ => FormEvent::Handled,
            },
        };
        match event {
            FormEvent::Handled => {}
            FormEvent::Cancel => {
                // A form with something typed into it asks before it is dropped.
                if matches!(&top.kind, LayerKind::Form(f) if f.typed_into()) {
                    let text = self.ctx.t(&crate::i18n::DISCARD_FORM).to_string();
                    self.ctx.layers.push(
                        LayerKind::Confirm(layer::Question { text }),
                        Owner::App,
                        Box::new(leaving::AppAsk::DiscardForm),
                    );
                    return;
                }
                let Some(layer) = self.ctx.layers.pop() else {
                    return;
                };
                // A question says no to its owner; forms and pickers just close.
                if let (LayerKind::Confirm(_), Owner::Screen(id)) = (&layer.kind, layer.owner) {
                    let (screen, ctx) = self.parts(id);
                    screen.answer(ctx, layer.purpose.as_ref(), Reply::No);
                }
            }
            FormEvent::Submit => self.submit_top(),
        }
    }

    /// The top layer was answered: give the answer to its owner.
    pub(super) fn submit_top(&mut self) {
        let index = self.ctx.layers.len().saturating_sub(1);
        let Some(mut layer) = self.ctx.layers.pop() else {
            return;
        };
        let owner = match layer.owner {
            Owner::App => {
                let Some(ask) = layer.purpose.downcast_ref::<leaving::AppAsk>().cloned() else {
                    return;
                };
                let verdict = match &mut layer.kind {
                    LayerKind::Form(form) => self.app_answer(&ask, Reply::Form(form)),
                    LayerKind::Choices(c) => match c.chosen {
                        Some(k) => self.app_answer(&ask, Reply::Chose(k)),
                        None => Verdict::Done,
                    },
                    _ => self.app_answer(&ask, Reply::Yes),
                };
                if verdict == Verdict::Keep {
                    self.ctx.layers.insert(index, layer);
                }
                return;
            }
            Owner::Screen(id) => id,
            Owner::Below => {
                // Yes to a question about the form beneath: answer that form again.
                if let Some(LayerKind::Form(f)) = self.ctx.layers.top_mut().map(|l| &mut l.kind) {
                    f.confirmed = true;
                    self.submit_top();
                }
                return;
            }
        };
        let (screen, ctx) = self.parts(owner);
        let verdict = match &mut layer.kind {
            LayerKind::Form(form) => screen.answer(ctx, layer.purpose.as_ref(), Reply::Form(form)),
            LayerKind::Picker(p) => screen.answer(ctx, layer.purpose.as_ref(), Reply::Picked(p)),
            LayerKind::Confirm(_) => screen.answer(ctx, layer.purpose.as_ref(), Reply::Yes),
            LayerKind::Choices(c) => match c.chosen {
                Some(k) => screen.answer(ctx, layer.purpose.as_ref(), Reply::Chose(k)),
                None => Verdict::Done,
            },
            LayerKind::Help | LayerKind::Page(_) | LayerKind::Lock(_) => Verdict::Done,
        };
        match verdict {
            Verdict::Done => {}
            Verdict::Keep => self.ctx.layers.insert(index, layer),
            Verdict::Ask(text) => {
                if let LayerKind::Form(f) = &mut layer.kind {
                    f.confirmed = false;
                }
                self.ctx.layers.insert(index, layer);
                self.ctx.layers.push(
                    LayerKind::Confirm(layer::Question { text }),
                    Owner::Below,
                    Box::new(()),
                );
            }
        }
    }
}
