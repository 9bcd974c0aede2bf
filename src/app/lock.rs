//! The screen lock (issue 10): F12, or no key for `lock_after_minutes`, puts a layer over
//! everything that hides the record (the ui draws only the clock and 已锁定). It takes
//! every key; unlocking needs the operator's passphrase when one is set (an Argon2id hash
//! in the database), any key otherwise. It is a layer like any other: what is beneath —
//! an open form, text not yet saved — stays as it was, and the save queue goes on
//! working under it (the app's tick does not stop).
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::App;
use super::action::{Action, GlobalAction};
use super::layer::{LayerKind, Owner};
use crate::i18n;

/// The default of `lock_after_minutes`.
pub const DEFAULT_LOCK_AFTER: Duration = Duration::from_secs(10 * 60);

/// The lock layer's state.
#[derive(Debug, Default)]
pub struct Lock {
    /// What has been typed of the passphrase (never drawn, only counted).
    pub typed: String,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// The operator's passphrase hash as read when locking: used if it cannot be read
    /// again at unlock time.
    hash: Option<String>,
    /// A passphrase is needed (or it could not be told whether one is set).
    pub needs_passphrase: bool,
}

impl App {
    /// Lock the screen now (on top of whatever is open).
    pub fn lock(&mut self) {
        if self.ctx.layers.locked() {
            return;
        }
        let mut lock = Lock::default();
        match self.ctx.store.passphrase_hash(self.ctx.store.operator()) {
            Ok(hash) => {
                lock.needs_passphrase = hash.is_some();
                lock.hash = hash;
            }
            // Cannot tell: stay on the safe side.
            Err(e) => {
                lock.needs_passphrase = true;
                lock.error = Some(i18n::passphrase_unreadable(self.ctx.lang, &e.to_string()));
            }
        }
        // Typed text goes to the save queue now, not a key later.
        self.flush(false);
        self.ctx
            .layers
            .push(LayerKind::Lock(Box::new(lock)), Owner::App, Box::new(()));
    }

    /// The screen-lock key works over any layer (a form left open is locked with it).
    pub(super) fn is_lock_key(&self, key: &KeyEvent) -> bool {
        key.kind != KeyEventKind::Release
            && self.ctx.keymap.lookup(&[], key) == Some(Action::Global(GlobalAction::Lock))
    }

    pub fn locked(&self) -> bool {
        self.ctx.layers.locked()
    }

    /// No key for `lock_after`: lock (called by the tick).
    pub(super) fn lock_when_idle(&mut self) {
        if let Some(after) = self.ctx.lock_after
            && !self.locked()
            && self.ctx.last_input.elapsed() >= after
        {
            self.lock();
        }
    }

    /// A key while locked.
    pub(super) fn lock_key(&mut self, key: KeyEvent) {
        let stored = self.ctx.store.passphrase_hash(self.ctx.store.operator());
        let lang = self.ctx.lang;
        let Some(lock) = self.lock_mut() else { return };
        // A passphrase set (or removed) meanwhile counts from now; one that cannot be
        // read now is the one read when locking; none known at all keeps the lock.
        let hash = match stored {
            Ok(h) => {
                lock.hash = h.clone();
                Some(h)
            }
            Err(_) if lock.hash.is_some() || !lock.needs_passphrase => Some(lock.hash.clone()),
            Err(e) => {
                lock.error = Some(i18n::passphrase_unreadable(lang, &e.to_string()));
                None
            }
        };
        let hash = match hash {
            Some(None) => return self.unlock(),
            Some(Some(h)) => Some(h),
            None => None,
        };
        lock.needs_passphrase = true;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => lock.typed.clear(),
            KeyCode::Char(c) if !ctrl => lock.typed.push(c),
            KeyCode::Backspace => {
                lock.typed.pop();
            }
            KeyCode::Esc => {
                lock.typed.clear();
                lock.error = None;
            }
            KeyCode::Enter => {
                let typed = std::mem::take(&mut lock.typed);
                match hash {
                    Some(h) if crate::passphrase::verify(&typed, &h) => self.unlock(),
                    Some(_) => lock.error = Some(lang.t(&i18n::WRONG_PASSPHRASE).to_string()),
                    // Unreadable: already said so.
                    None => {}
                }
            }
            _ => {}
        }
    }

    /// Pasted while locked: part of the passphrase (line breaks dropped).
    pub(super) fn lock_paste(&mut self, text: &str) {
        if let Some(lock) = self.lock_mut()
            && lock.needs_passphrase
        {
            lock.typed
                .extend(text.chars().filter(|c| *c != '\n' && *c != '\r'));
        }
    }

    fn lock_mut(&mut self) -> Option<&mut Lock> {
        self.ctx.layers.iter_mut().find_map(|l| match &mut l.kind {
            LayerKind::Lock(lock) => Some(lock.as_mut()),
            _ => None,
        })
    }

    fn unlock(&mut self) {
        self.ctx.layers.remove_lock();
        self.ctx.last_input = Instant::now();
    }
}
