//! What the user can do: events → Action → screen → save queue → state.
//!
//! - A **screen** ([`screen::Screen`]) owns the state of its panes, the key contexts of
//!   those panes, what its forms and questions are for, and (in `ui/`) its render
//!   function. The console ([`console`]) is the first screen. Adding a pane is work in its
//!   screen's folder plus one line where the screen lists its panes; adding a screen is a
//!   folder plus one line in [`screen::ScreenId`], [`action::Action`] and the keymap's
//!   tables.
//! - A **layer** ([`layer`]) is drawn over a screen and takes keys first: help, a form, a
//!   question, a picker. The top layer gets every key. An answer goes back to whoever
//!   opened the layer — the screen, together with what it was for (a value of the
//!   screen's own type), or the layer beneath (a question asked over a form returns to
//!   the form).
//! - [`Ctx`] is what every screen shares: store and save queue, clock, language, theme,
//!   keymap, message line, the layers. [`App`] holds the context, the screens and which
//!   one is showing.
//! - Every edit takes one durable path: a [`crate::store::change::Change`] handed to the
//!   save queue ([`saver`]), committed in the background, retried while the database
//!   refuses, shown unsaved until it is on the disk. No key waits for the disk.
pub mod action;
pub mod backoffice;
pub mod console;
pub mod ctx;
pub mod db_passphrase;
pub mod followup;
pub mod form;
mod form_keys;
pub mod keymap;
pub mod keyspec;
pub mod layer;
mod layer_keys;
pub mod lease;
pub mod leaving;
pub mod lock;
pub mod picker;
pub mod run;
pub mod saver;
pub mod screen;
mod tty;

use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{Event, KeyEvent, KeyEventKind};

pub use self::ctx::{Ctx, Message, Request, Settings};
pub use self::saver::SaveState;
pub use crate::clock::SystemClock;

use self::action::{Action, GlobalAction};
use self::backoffice::BackOffice;
use self::console::Console;
use self::followup::FollowUp;
use self::followup::overdue::Overdue;
use self::layer::{LayerKind, Owner};
use self::screen::{Screen, ScreenId};
use crate::domain::meeting::{MeetingStatus, console_meeting};
use crate::domain::{Clock, Id};
use crate::store::writer::Job;
use crate::store::{Store, StoreError};

/// How long a read of the screen may wait for the database: the screen reads (WAL readers
/// are not blocked by writers), so this only bounds the rare case, and no key ever waits
/// long. Writes go through the save queue and wait there instead.
pub const UI_BUSY_TIMEOUT: Duration = Duration::from_millis(50);

/// How long quitting waits for the database to take what is still queued.
pub const FINISH_WAIT: Duration = Duration::from_secs(10);

pub struct App {
    pub ctx: Ctx,
    pub console: Console,
    pub backoffice: BackOffice,
    pub followup: FollowUp,
    pub screen: ScreenId,
    /// Quitting: waiting for the save queue, or what became of the unsaved text.
    pub leaving: leaving::Leaving,
    /// Overdue decisions, for every screen's status line (R7.3).
    pub overdue: Overdue,
    /// The meeting the back office asked the console to show: it stays, even if another
    /// would be chosen by date.
    console_pinned: Option<Id>,
    /// The console is to look again at which meeting it shows, once the back office's
    /// changes are on the disk.
    console_stale: bool,
}

impl App {
    pub fn new(
        store: Store,
        settings: Settings,
        clock: Box<dyn Clock>,
    ) -> Result<Self, StoreError> {
        let mut ctx = Ctx::new(store, settings, clock);
        let console = Console::open(&mut ctx)?;
        let backoffice = BackOffice::open(&mut ctx)?;
        let followup = FollowUp::new(&ctx);
        ctx.store.set_busy_timeout(UI_BUSY_TIMEOUT)?;
        let mut overdue = Overdue::default();
        overdue.refresh(&ctx);
        let mut app = Self {
            ctx,
            console,
            backoffice,
            followup,
            screen: ScreenId::Console,
            leaving: leaving::Leaving::default(),
            overdue,
            console_pinned: None,
            console_stale: false,
        };
        app.offer_restore();
        Ok(app)
    }

    /// The screen showing and the shared context, borrowed together.
    fn parts(&mut self, id: ScreenId) -> (&mut dyn Screen, &mut Ctx) {
        self.ctx.screen = id;
        match id {
            ScreenId::Console => (&mut self.console, &mut self.ctx),
            ScreenId::BackOffice => (&mut self.backoffice, &mut self.ctx),
            ScreenId::FollowUp => (&mut self.followup, &mut self.ctx),
        }
    }

    pub fn t(&self, text: &crate::i18n::Tr) -> &'static str {
        self.ctx.t(text)
    }

    pub fn quit(&self) -> bool {
        self.ctx.quit
    }

    /// The screen showing, to read.
    pub fn current(&self) -> &dyn Screen {
        match self.screen {
            ScreenId::Console => &self.console,
            ScreenId::BackOffice => &self.backoffice,
            ScreenId::FollowUp => &self.followup,
        }
    }

    /// Every screen, to read (e.g. for typed text not yet handed over).
    pub fn screens(&self) -> [&dyn Screen; 3] {
        [&self.console, &self.backoffice, &self.followup]
    }

    /// What the status line says about saving.
    pub fn save_state(&self) -> SaveState<'_> {
        let unsent = self.screens().iter().any(|s| s.unsent());
        self.ctx.save_state(unsent)
    }

    pub fn handle_event(&mut self, ev: Event) {
        if matches!(ev, Event::Key(_) | Event::Paste(_)) {
            self.ctx.last_input = std::time::Instant::now();
        }
        match ev {
            Event::Resize(w, h) => self.resized(w, h),
            // Locked: every key and paste goes to the lock, at any size.
            Event::Key(k) if self.locked() && k.kind != KeyEventKind::Release => self.lock_key(k),
            Event::Key(_) if self.locked() => {}
            Event::Paste(text) if self.locked() => self.lock_paste(&text),
            Event::Key(k) if self.too_small() && self.is_lock_key(&k) => self.lock(),
            // While the screen is too small to be seen, only quitting acts: nothing may go
            // into the record unseen.
            Event::Key(k) if self.too_small() => {
                let quit = self
                    .ctx
                    .keymap
                    .lookup(&[], &k)
                    .is_some_and(|a| a == Action::Global(GlobalAction::Quit));
                if quit {
                    self.ask_quit();
                }
            }
            Event::Paste(_) if self.too_small() => {}
            Event::Key(k) if k.kind != KeyEventKind::Release => self.handle_key(k),
            Event::Paste(text) => self.handle_paste(&text),
            _ => {}
        }
        self.take_requests();
        self.sync_leases();
    }

    /// Is the terminal too small to show the screen?
    pub fn too_small(&self) -> bool {
        self.ctx
            .size
            .is_some_and(|(w, h)| crate::ui::too_small(w, h))
    }

    /// The terminal changed size: remember it, and let the screens fit their views.
    pub fn resized(&mut self, w: u16, h: u16) {
        self.ctx.size = Some((w, h));
        self.console.resized();
    }

    /// Do what the screens asked of the app.
    fn take_requests(&mut self) {
        for r in std::mem::take(&mut self.ctx.requests) {
            match r {
                Request::Show(id) => self.show(id),
                Request::OpenMeeting(id) => {
                    self.flush(true);
                    self.console_pinned = Some(id);
                    self.console_stale = false;
                    if let Err(e) = self.console.open_meeting(&mut self.ctx, id) {
                        self.ctx.store_failed(&e);
                    }
                    self.show(ScreenId::Console);
                }
            }
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if self.locked() {
            return self.lock_key(key);
        }
        if self.is_lock_key(&key) {
            return self.lock();
        }
        if !self.ctx.layers.is_empty() {
            return self.layer_key(key);
        }
        // A message describes the latest action: a new key makes it stale.
        self.ctx.message = None;
        let (screen, ctx) = self.parts(self.screen);
        if screen.key(ctx, key) {
            return;
        }
        let contexts = screen.contexts();
        match ctx.keymap.lookup(&contexts, &key) {
            Some(Action::Global(g)) => self.global(g),
            Some(action) => screen.action(ctx, action),
            None => screen.unbound(ctx, key),
        }
    }

    fn global(&mut self, action: GlobalAction) {
        use GlobalAction as G;
        match action {
            G::Help => {
                self.ctx
                    .layers
                    .push(LayerKind::Help, Owner::Screen(self.screen), Box::new(()))
            }
            G::Console => self.show(ScreenId::Console),
            G::BackOffice => self.show(ScreenId::BackOffice),
            G::FollowUp => self.show(ScreenId::FollowUp),
            G::NextPane | G::PrevPane => {
                let by = if action == G::NextPane { 1 } else { -1 };
                let (screen, ctx) = self.parts(self.screen);
                screen.cycle_pane(ctx, by);
            }
            G::ToggleLang => self.ctx.lang = self.ctx.lang.other(),
            G::SaveNow => self.flush(true),
            G::Quit => self.ask_quit(),
            G::Lock => self.lock(),
        }
    }

    fn show(&mut self, id: ScreenId) {
        if id != self.screen {
            self.flush(true);
            let from = self.screen;
            self.screen = id;
            match id {
                ScreenId::Console => {
                    self.console_stale = true;
                    self.refresh_console();
                }
                ScreenId::BackOffice => self.backoffice.reload(&mut self.ctx),
                ScreenId::FollowUp => {
                    if from == ScreenId::Console
                        && let Some(m) = self.console.meeting_id()
                    {
                        self.followup.focus_meeting(&mut self.ctx, m);
                    }
                }
            }
        }
    }

    /// The console looks again at what the back office changed, once it is on the disk:
    /// the meeting it opens on (in progress, else the next, else the latest; a real one
    /// before the demo, R3) unless one was opened on purpose or is under way, and the
    /// people and topics of the meeting it shows.
    fn refresh_console(&mut self) {
        if !self.console_stale || !self.ctx.saver.idle() {
            return;
        }
        self.console_stale = false;
        let now = self.ctx.now();
        let shown = self.console.meeting_id();
        let (chosen, under_way) = match self.ctx.store.console_candidates(&now) {
            // Under way as the disk has it: a meeting F4 has closed since the console
            // read it no longer holds the console (its next meeting does).
            Ok(c) => (
                console_meeting(&c, now).map(|m| m.id),
                c.iter().any(|m| {
                    Some(m.id) == shown && m.status == MeetingStatus::InProgress && !m.is_demo
                }),
            ),
            Err(e) => {
                self.ctx.store_failed(&e);
                (None, false)
            }
        };
        let pinned = shown.is_some() && self.console_pinned == shown;
        match chosen {
            Some(id) if Some(id) != shown && !under_way && !pinned => {
                if let Err(e) = self.console.open_meeting(&mut self.ctx, id) {
                    self.ctx.store_failed(&e);
                }
            }
            _ => self.console.reload(&mut self.ctx),
        }
    }

    fn handle_paste(&mut self, text: &str) {
        match self.ctx.layers.top_mut().map(|l| &mut l.kind) {
            Some(LayerKind::Form(f)) => f.paste(text),
            Some(LayerKind::Picker(p)) => p.paste(text),
            Some(LayerKind::Lock(_)) => self.lock_paste(text),
            Some(_) => {}
            None => {
                let (screen, ctx) = self.parts(self.screen);
                screen.paste(ctx, text);
            }
        }
    }

    /// Called about every 50 ms by the loop: take save reports, run the screens' timers,
    /// let stale messages go.
    pub fn tick(&mut self) {
        self.ctx.saver.poll(&mut self.ctx.store);
        self.ctx.backup_news();
        self.console.saved(&self.ctx);
        self.followup.saved(&self.ctx);
        self.overdue.refresh(&self.ctx);
        if self.screen == ScreenId::Console {
            self.refresh_console();
        }
        let (screen, ctx) = self.parts(self.screen);
        screen.tick(ctx);
        self.ctx.lease_tick();
        self.sync_leases();
        self.lock_when_idle();
        self.leaving_tick();
        if let Some(m) = &self.ctx.message
            && !m.error
            && m.at.elapsed() > Duration::from_secs(8)
        {
            self.ctx.message = None;
        }
    }

    /// Hand typed text to the save queue now (`force`: and where the caret is).
    pub fn flush(&mut self, force: bool) {
        let (screen, ctx) = self.parts(self.screen);
        screen.flush(ctx, force);
        self.ctx.saver.poll(&mut self.ctx.store);
        self.console.saved(&self.ctx);
    }

    /// On exit: hand everything over and wait (up to [`FINISH_WAIT`]) for the database.
    /// Returns the jobs that did not reach it, for the emergency file.
    pub fn finish(&mut self) -> Vec<Arc<Job>> {
        self.finish_within(FINISH_WAIT)
    }

    pub fn finish_within(&mut self, limit: Duration) -> Vec<Arc<Job>> {
        self.flush(true);
        self.ctx.release_all_leases();
        let mut left = self.ctx.saver.finish(&mut self.ctx.store, limit);
        self.console.saved(&self.ctx);
        // A lease not let go lapses by itself: it is nothing to keep.
        left.retain(|j| j.changes.iter().any(|c| !c.is_lease()));
        self.unsaved_jobs(left)
    }
}
