//! After the meeting (F4, R7): the meetings with their closing and clocks on the left;
//! on the right one work pane at a time — 纪要 the minutes and their approval chain,
//! 记录整理 the tidied record, 督办 the decision register of all meetings, 归档 the
//! archive checklist and ledger, 图表 the charts. Each pane's verbs are in its own file;
//! the panes are listed once, in [`Pane::ORDER`].
mod archive;
mod ask;
mod charts;
mod draft_editor;
mod export;
mod keys;
mod meetings;
mod minutes;
pub mod model;
pub mod overdue;
mod record;
mod register;

use std::any::Any;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use self::ask::Ask;
pub use self::charts::{Charts, Group};
pub use self::draft_editor::DraftEditor;
pub use self::keys::{
    ARCHIVE, CHARTS, CONTEXTS, FollowUpAction, KEYS, MEETINGS, MINUTES, RECORD, REGISTER, SCREEN,
    types_text,
};
pub use self::register::RegisterView;

use self::model::MeetingModel;
use super::action::Action;
use super::console::FLUSH_EVERY;
use super::console::editor::EditorStyles;
use super::ctx::Ctx;
use super::keymap::Context;
use super::layer::{Reply, Verdict};
use super::screen::Screen;
use crate::domain::calendar::Calendar;
use crate::domain::followup::Item;
use crate::domain::meeting::Meeting;
use crate::domain::text_diff::DiffLine;
use crate::domain::{Id, Time};
use crate::i18n;
use crate::store::change::Change;

/// How often to look for commits (ours or another terminal's) to read again.
const POLL_EVERY: Duration = Duration::from_millis(500);

/// Meetings read at a time into the list (two years); more when the caret reaches the
/// last one read. Ten years of history is not read to show one screen (issue 11).
pub const MEETINGS_PAGE: usize = 104;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Meetings,
    Minutes,
    Record,
    Register,
    Archive,
    Charts,
}

impl Pane {
    /// The panes, in Tab order: the one place they are listed.
    pub const ORDER: [Pane; 6] = [
        Pane::Meetings,
        Pane::Minutes,
        Pane::Record,
        Pane::Register,
        Pane::Archive,
        Pane::Charts,
    ];

    pub fn context(self) -> Context {
        match self {
            Self::Meetings => MEETINGS,
            Self::Minutes => MINUTES,
            Self::Record => RECORD,
            Self::Register => REGISTER,
            Self::Archive => ARCHIVE,
            Self::Charts => CHARTS,
        }
    }

    pub fn title(self) -> i18n::Tr {
        match self {
            Self::Meetings => i18n::PANE_MEETINGS,
            Self::Minutes => i18n::PANE_MINUTES,
            Self::Record => i18n::PANE_TIDY,
            Self::Register => i18n::PANE_REGISTER,
            Self::Archive => i18n::PANE_ARCHIVE,
            Self::Charts => i18n::PANE_CHARTS,
        }
    }

    fn step(self, by: isize) -> Self {
        let i = Self::ORDER.iter().position(|p| *p == self).unwrap_or(0) as isize;
        let n = Self::ORDER.len() as isize;
        Self::ORDER[((i + by).rem_euclid(n)) as usize]
    }
}

/// A comparison of two versions of the minutes on screen.
pub struct Comparison {
    pub from: u32,
    pub to: u32,
    pub lines: Vec<DiffLine>,
}

pub struct FollowUp {
    pub focus: Pane,
    /// The work pane shown on the right (the last one focused).
    pub shown: Pane,
    /// The latest [`Self::meetings_limit`] meetings, newest first.
    pub meetings: Vec<Meeting>,
    pub meetings_limit: usize,
    pub selected: usize,
    pub model: Option<MeetingModel>,
    /// The register: every item still open, and every item of the meetings from
    /// 1 January of [`Self::register_from`] on.
    pub items: Vec<Item>,
    pub register_from: i32,
    pub register: RegisterView,
    pub editor: Option<DraftEditor>,
    /// The version of the minutes in view (none: the latest).
    pub shown_version: Option<u32>,
    pub compare: Option<Comparison>,
    pub record_selected: usize,
    /// Why the meeting could not be closed, as last checked.
    pub close_problems: Vec<String>,
    pub charts: Charts,
    /// The charts are to be built again when next shown (they read a month of meetings:
    /// not worth it on every reload while another pane is shown).
    charts_stale: bool,
    pub calendar: Calendar,
    export: Option<export::Pending>,
    export_queued: Option<export::Request>,
    styles: EditorStyles,
    loaded: bool,
    /// The meeting to show once the list is read (the console's, when F4 was opened
    /// from it).
    wanted: Option<Id>,
    stale: bool,
    data_version: i64,
    /// The record's version (`Store::record_version`) when last read.
    record_version: i64,
    last_poll: Instant,
    last_flush: Instant,
}

impl FollowUp {
    pub fn new(ctx: &Ctx) -> Self {
        let theme = &ctx.theme;
        Self {
            focus: Pane::Meetings,
            shown: Pane::Minutes,
            meetings: Vec::new(),
            meetings_limit: MEETINGS_PAGE,
            selected: 0,
            model: None,
            items: Vec::new(),
            // This year and the last.
            register_from: chrono::Datelike::year(&ctx.now()) - 1,
            register: RegisterView::default(),
            editor: None,
            shown_version: None,
            compare: None,
            record_selected: 0,
            close_problems: Vec::new(),
            charts: Charts::default(),
            charts_stale: true,
            calendar: Calendar::official(),
            export: None,
            export_queued: None,
            styles: EditorStyles {
                text: theme.style("editor.text"),
                cursor_line: theme.style("editor.cursorline"),
                selection: theme.style("editor.selection"),
                search: theme.style("editor.search"),
            },
            loaded: false,
            wanted: None,
            stale: true,
            data_version: -1,
            record_version: -1,
            last_poll: Instant::now(),
            last_flush: Instant::now(),
        }
    }

    pub fn meeting_id(&self) -> Option<Id> {
        self.meetings.get(self.selected).map(|m| m.id)
    }

    /// Show `id` (the meeting the console was on): F4 opened from the console is about
    /// the meeting just held, not the latest one that began (that may be the demo).
    pub fn focus_meeting(&mut self, ctx: &mut Ctx, id: Id) {
        if !self.loaded {
            self.wanted = Some(id);
            return;
        }
        match self.meetings.iter().position(|m| m.id == id) {
            Some(at) if at != self.selected => {
                self.selected = at;
                self.load_selected(ctx);
                self.refresh_charts(ctx);
            }
            Some(_) => {}
            None => {
                self.wanted = Some(id);
                self.stale = true;
            }
        }
    }

    /// Read everything again: the meetings, the selected meeting, the register.
    pub fn reload(&mut self, ctx: &mut Ctx) {
        let now = ctx.now();
        let keep = self.wanted.take().or(self.meeting_id());
        let meetings = match ctx.store.latest_meetings(self.meetings_limit) {
            Ok(m) => m,
            Err(e) => return ctx.store_failed(&e),
        };
        self.meetings = meetings;
        self.selected = match keep {
            Some(id) => self.meetings.iter().position(|m| m.id == id).unwrap_or(0),
            // The latest meeting that has begun; a planned one only when there is no other.
            None => self
                .meetings
                .iter()
                .position(|m| m.starts_at <= now)
                .unwrap_or(0),
        };
        self.load_selected(ctx);
        match ctx
            .store
            .followup_items_since(&format!("{:04}-01-01", self.register_from))
        {
            Ok(items) => self.items = items,
            Err(e) => ctx.store_failed(&e),
        }
        self.register.clamp(&self.items, now);
        self.refresh_charts(ctx);
        if let Ok(v) = ctx.store.data_version() {
            self.data_version = v;
        }
        if let Ok(v) = ctx.store.record_version() {
            self.record_version = v;
        }
        self.loaded = true;
        self.stale = false;
    }

    fn load_selected(&mut self, ctx: &mut Ctx) {
        let now = ctx.now();
        self.model = match self.meeting_id() {
            Some(id) => match MeetingModel::load(&ctx.store, id, now) {
                Ok(m) => m,
                Err(e) => {
                    ctx.store_failed(&e);
                    None
                }
            },
            None => None,
        };
        let n = self.model.as_ref().map_or(0, |m| m.entries.len());
        self.record_selected = self.record_selected.min(n.saturating_sub(1));
    }

    /// Hand changes to the save queue and read the screen again once they are in.
    fn save(&mut self, ctx: &mut Ctx, changes: Vec<Change>) {
        ctx.save(changes);
        self.stale = true;
        if ctx.saver.idle() {
            self.reload(ctx);
        }
    }

    /// An archived meeting is read-only (R7.4): say so and refuse.
    fn refuse_if_archived(&self, ctx: &mut Ctx) -> bool {
        let archived = self.model.as_ref().is_some_and(MeetingModel::is_archived);
        if archived {
            let t = ctx.t(&i18n::ARCHIVED_READ_ONLY);
            ctx.warn(t);
        }
        archived
    }

    fn now(ctx: &Ctx) -> Time {
        ctx.now()
    }

    fn change_pane(&mut self, ctx: &mut Ctx, to: Pane) {
        self.stop_editing(ctx);
        self.focus = to;
        if to != Pane::Meetings {
            self.shown = to;
        }
        if self.shown == Pane::Charts && self.charts_stale {
            self.refresh_charts(ctx);
        }
    }

    /// Build the charts now if they are on screen, else when they next are.
    fn refresh_charts(&mut self, ctx: &mut Ctx) {
        if self.shown == Pane::Charts {
            self.charts = Charts::build(ctx, self.model.as_ref(), &self.items);
            self.charts_stale = false;
        } else {
            self.charts_stale = true;
        }
    }

    /// Read again when the record changed — not when a terminal only saved where its
    /// caret is (every screen switch does), which used to reread the register each time.
    fn poll(&mut self, ctx: &mut Ctx) {
        let Ok(v) = ctx.store.data_version() else {
            return;
        };
        if v == self.data_version {
            return;
        }
        self.data_version = v;
        if ctx
            .store
            .record_version()
            .is_ok_and(|r| r != self.record_version)
        {
            self.stale = true;
        }
    }
}

impl Screen for FollowUp {
    fn contexts(&self) -> Vec<Context> {
        vec![self.focus.context(), SCREEN]
    }

    fn key(&mut self, ctx: &mut Ctx, key: KeyEvent) -> bool {
        if self.focus != Pane::Minutes || self.editor.is_none() {
            return false;
        }
        // The minutes editor takes the keys it types and moves with; function keys, Tab
        // and the global Ctrl keys go on to the keymap.
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                self.stop_editing(ctx);
                true
            }
            KeyCode::F(_) | KeyCode::Tab | KeyCode::BackTab => false,
            KeyCode::Char('q' | 'c' | 's') if ctrl => false,
            _ => {
                // Each key keeps the draft's lease; one taken over meanwhile stops it.
                let leased = self.editor.as_ref().map(|ed| {
                    crate::store::lease::LeaseKey::new(crate::store::lease::MINUTES, ed.meeting_id)
                });
                if leased.is_some_and(|k| !ctx.claim(&k)) {
                    return true;
                }
                self.type_key(key);
                true
            }
        }
    }

    fn action(&mut self, ctx: &mut Ctx, action: Action) {
        let Action::FollowUp(a) = action else {
            return;
        };
        use FollowUpAction as A;
        match a {
            A::Up | A::Down | A::PageUp | A::PageDown => self.move_selection(ctx, a),
            A::Export => self.open_export(ctx),
            A::Close => self.ask_close(ctx),
            A::CarryOver => self.open_carry_over(ctx),
            A::Draft => self.draft(ctx),
            A::Edit => self.start_editing(ctx),
            A::Correct => self.correct(ctx),
            A::Review => self.open_step(ctx, true),
            A::SignOff => self.open_step(ctx, false),
            A::Compare => self.open_compare(ctx),
            A::PrevVersion => self.show_version(-1),
            A::NextVersion => self.show_version(1),
            A::TidyStart => self.tidy_start(ctx),
            A::TidyEdit => self.open_tidy_edit(ctx),
            A::TidyMode => self.tidy_toggle(ctx),
            A::TidyFinish => self.tidy_finish(ctx),
            A::FilterStatus | A::FilterUnit | A::FilterDeputy | A::FilterMonth | A::FilterClear => {
                self.filter(ctx, a)
            }
            A::Earlier => {
                self.register_from -= 1;
                self.reload(ctx);
            }
            A::Note | A::Done | A::Stalled | A::Reopen | A::Problem | A::Reply | A::Flag => {
                self.open_item_form(ctx, a)
            }
            A::Register => self.open_register(ctx),
        }
    }

    fn unbound(&mut self, ctx: &mut Ctx, _key: KeyEvent) {
        let text = ctx.t(&i18n::UNKNOWN_KEY);
        ctx.warn(text);
    }

    fn paste(&mut self, _ctx: &mut Ctx, text: &str) {
        if self.focus == Pane::Minutes
            && let Some(ed) = &mut self.editor
        {
            ed.paste(text);
        }
    }

    fn answer(&mut self, ctx: &mut Ctx, purpose: &dyn Any, reply: Reply<'_>) -> Verdict {
        match purpose.downcast_ref::<Ask>() {
            Some(ask) => self.answered(ctx, ask, reply),
            None => Verdict::Done,
        }
    }

    fn tick(&mut self, ctx: &mut Ctx) {
        if self.last_flush.elapsed() >= FLUSH_EVERY {
            self.last_flush = Instant::now();
            self.flush_editor(ctx, false);
        }
        if self.last_poll.elapsed() >= POLL_EVERY {
            self.last_poll = Instant::now();
            self.poll(ctx);
        }
        if (!self.loaded || self.stale) && ctx.saver.idle() {
            self.reload(ctx);
        }
        self.poll_export(ctx);
    }

    fn flush(&mut self, ctx: &mut Ctx, force: bool) {
        self.flush_editor(ctx, force);
    }

    fn saved(&mut self, ctx: &Ctx) {
        if let Some(ed) = &mut self.editor {
            ed.settle(&ctx.saver);
        }
    }

    fn unsent(&self) -> bool {
        self.editor.as_ref().is_some_and(DraftEditor::needs_send)
    }

    /// The draft of the minutes while it is open in the editor (issue 10).
    fn leases(&self) -> Vec<crate::store::lease::LeaseKey> {
        self.editor
            .iter()
            .map(|ed| {
                crate::store::lease::LeaseKey::new(crate::store::lease::MINUTES, ed.meeting_id)
            })
            .collect()
    }

    fn cycle_pane(&mut self, ctx: &mut Ctx, by: isize) {
        let to = self.focus.step(by);
        self.change_pane(ctx, to);
    }
}
