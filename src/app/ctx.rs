//! What every screen shares: the store (the screen's reads) and the save queue (every
//! write), the clock, language, theme and keymap, the status and message lines, and the
//! stack of layers.
use std::any::Any;
use std::time::{Duration, Instant};

use super::form::Form;
use super::keymap::Keymap;
use super::layer::{LayerKind, Layers, Owner, Page, Question};
use super::lease::Leases;
use super::picker::Picker;
use super::saver::{SaveState, Saver};
use super::screen::ScreenId;
use crate::domain::calendar::Calendar;
use crate::domain::{Clock, Time};
use crate::i18n::{self, Lang, Tr};
use crate::store::change::Change;
use crate::store::writer::Writer;
use crate::store::{Store, StoreError};
use crate::theme::Theme;

/// A line of feedback under the panes. It describes the latest action and goes when it
/// no longer holds.
#[derive(Clone, Debug)]
pub struct Message {
    pub text: String,
    pub error: bool,
    pub at: Instant,
}

/// What a screen asks of the app: things beyond its own state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Show another screen.
    Show(ScreenId),
    /// Open this meeting in the console (the back office prepared it, say).
    OpenMeeting(crate::domain::Id),
}

/// Options the program starts with.
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
    /// The background saver; none saves inline (in-memory databases, tests).
    pub writer: Option<Writer>,
}

pub struct Ctx {
    pub store: Store,
    pub saver: Saver,
    pub clock: Box<dyn Clock>,
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
    pub message: Option<Message>,
    pub layers: Layers,
    /// The store could not be written at start (a read-only file or folder).
    pub read_only: bool,
    pub quit: bool,
    /// The screen whose layers are being opened (set by the app around each call).
    pub(crate) screen: ScreenId,
    /// What the screens have asked of the app, taken after each event.
    pub requests: Vec<Request>,
    /// The terminal's size, when known (none on a test backend).
    pub size: Option<(u16, u16)>,
    /// Working days (R7): the official calendar with the office's own on top, read at
    /// start and kept current by the back office, for every screen's deadlines.
    pub calendar: Calendar,
    /// The edit leases this terminal holds, and those of others (issue 10).
    pub leases: Leases,
    /// Lock the screen after this long without a key (None: never).
    pub lock_after: Option<Duration>,
    /// When the last key or paste came.
    pub last_input: Instant,
    /// The automatic backups' thread (issue 10), when the database can be written.
    pub backups: Option<crate::store::keeper::Keeper>,
}

impl Ctx {
    pub fn new(store: Store, settings: Settings, clock: Box<dyn Clock>) -> Self {
        Self {
            store,
            saver: Saver::new(settings.writer),
            clock,
            lang: settings.lang,
            theme: settings.theme,
            keymap: settings.keymap,
            message: None,
            layers: Layers::default(),
            read_only: false,
            quit: false,
            screen: ScreenId::Console,
            requests: Vec::new(),
            size: None,
            calendar: Calendar::official(),
            leases: Leases::default(),
            lock_after: Some(super::lock::DEFAULT_LOCK_AFTER),
            last_input: Instant::now(),
            backups: None,
        }
    }

    pub fn now(&self) -> Time {
        self.clock.now()
    }

    pub fn t(&self, text: &Tr) -> &'static str {
        self.lang.t(text)
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
            at: Instant::now(),
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
            at: Instant::now(),
        });
    }

    /// A store read failed: say so in the user's language.
    pub fn store_failed(&mut self, e: &StoreError) {
        let text = i18n::store_error(self.lang, e);
        self.warn(text);
    }

    /// Say on the message line when an automatic backup failed (issue 10).
    pub fn backup_news(&mut self) {
        if let Some(e) = self.backups.as_ref().and_then(|k| k.failure()) {
            let text = i18n::backup_failed(self.lang, &e);
            self.warn(text);
        }
    }

    /// Hand changes made now to the save queue, as one transaction. On a read-only
    /// database nothing is queued: every edit was refused before it came here, and where
    /// the caret is cannot be kept.
    pub fn save(&mut self, changes: Vec<Change>) -> u64 {
        if self.read_only {
            return 0;
        }
        let now = self.now();
        self.saver.submit(&mut self.store, now, changes)
    }

    pub fn save_state(&self, unsent: bool) -> SaveState<'_> {
        self.saver.state(unsent)
    }

    pub fn open_form(&mut self, form: Form, purpose: impl Any) {
        self.message = None;
        self.layers.push(
            LayerKind::Form(Box::new(form)),
            Owner::Screen(self.screen),
            Box::new(purpose),
        );
    }

    pub fn ask(&mut self, text: String, purpose: impl Any) {
        self.message = None;
        self.layers.push(
            LayerKind::Confirm(Question { text }),
            Owner::Screen(self.screen),
            Box::new(purpose),
        );
    }

    /// Lines to read, over the screen; they answer nothing.
    pub fn open_page(&mut self, page: Page) {
        self.message = None;
        self.layers.push(
            LayerKind::Page(Box::new(page)),
            Owner::Screen(self.screen),
            Box::new(()),
        );
    }

    pub fn open_picker(&mut self, picker: Picker, purpose: impl Any) {
        self.message = None;
        self.layers.push(
            LayerKind::Picker(Box::new(picker)),
            Owner::Screen(self.screen),
            Box::new(purpose),
        );
    }
}
