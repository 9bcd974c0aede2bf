//! The console (F2): the meeting in the room. Four panes — 签到 check-in, 当前议题 / 候会
//! the topic and the waiting room, 议事程序 the recorder's editor, 决定 the decision — each
//! with its verbs in its own file. The panes are listed once, in [`Pane::ORDER`].
mod ask;
mod checkin;
mod classified;
mod decision;
mod earlier;
pub mod editor;
mod export;
mod keys;
mod procedure;
mod speaker;
mod waiting;

use std::any::Any;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use self::ask::Ask;
pub use self::checkin::CheckInPane;
pub use self::keys::{
    CHECK_IN, CONTEXTS, ConsoleAction, DECISION, KEYS, PROCEDURE, SCREEN, TOPIC, types_text,
};

use self::editor::{EditorStyles, Procedure};
use super::action::Action;
use super::ctx::Ctx;
use super::keymap::Context;
use super::layer::{Reply, Verdict};
use super::screen::Screen;
use crate::domain::decision::Decision;
use crate::domain::meeting::console_meeting;
use crate::domain::{Id, Time};
use crate::i18n;
use crate::store::change::Change;
use crate::store::lease::LeaseKey;
use crate::store::view::MeetingView;
use crate::store::{SessionState, StoreError};

/// How often typed text goes to the disk while it changes (R9.1: within 200 ms).
pub const FLUSH_EVERY: Duration = Duration::from_millis(150);
/// How often to look for another terminal's changes.
const POLL_EVERY: Duration = Duration::from_millis(500);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    CheckIn,
    Topic,
    Procedure,
    Decision,
}

impl Pane {
    /// The panes, in Tab order: the one place they are listed.
    pub const ORDER: [Pane; 4] = [Pane::CheckIn, Pane::Topic, Pane::Procedure, Pane::Decision];

    pub fn context(self) -> Context {
        match self {
            Self::CheckIn => CHECK_IN,
            Self::Topic => TOPIC,
            Self::Procedure => PROCEDURE,
            Self::Decision => DECISION,
        }
    }

    /// The name kept in the operator's session, so a terminal reopens on its pane.
    pub fn code(self) -> &'static str {
        self.context().0
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ORDER.into_iter().find(|p| p.code() == code)
    }

    fn step(self, by: isize) -> Self {
        let i = Self::ORDER.iter().position(|p| *p == self).unwrap_or(0) as isize;
        let n = Self::ORDER.len() as isize;
        Self::ORDER[((i + by).rem_euclid(n)) as usize]
    }
}

pub struct Console {
    /// The meeting shown, with changes not yet on the disk laid over it.
    pub view: Option<MeetingView>,
    pub focus: Pane,
    pub checkin: CheckInPane,
    pub waiting_selected: usize,
    pub procedure: Procedure,
    pub decision: Option<Decision>,
    /// The decisions of earlier meetings open on this meeting's day, heard first (R7.3):
    /// read through the register's indexes when the meeting is (re)loaded, and only when
    /// the view's count says there are some.
    pub earlier: Vec<crate::domain::followup::Item>,
    session_dirty: bool,
    last_flush: Instant,
    last_poll: Instant,
    last_roster: Instant,
    data_version: i64,
    others_mark: i64,
    editor_styles: EditorStyles,
    /// F5 was pressed while changes were still on their way: export once they are saved.
    export_waiting: bool,
}

impl Console {
    /// Open the meeting the operator was last in (or the latest), at the same topic,
    /// step, entry, caret and pane (R9.1).
    pub fn open(ctx: &mut Ctx) -> Result<Self, StoreError> {
        let theme = &ctx.theme;
        let editor_styles = EditorStyles {
            text: theme.style("editor.text"),
            cursor_line: theme.style("editor.cursorline"),
            selection: theme.style("editor.selection"),
            search: theme.style("editor.search"),
        };
        let mut console = Self {
            view: None,
            focus: Pane::Procedure,
            checkin: CheckInPane::default(),
            waiting_selected: 0,
            procedure: Procedure::default(),
            decision: None,
            earlier: Vec::new(),
            session_dirty: false,
            last_flush: Instant::now(),
            last_poll: Instant::now(),
            last_roster: Instant::now(),
            data_version: ctx.store.data_version()?,
            others_mark: ctx.store.others_mark()?,
            editor_styles,
            export_waiting: false,
        };
        let session = ctx.store.session()?;
        if let Some(pane) = session
            .as_ref()
            .and_then(|s| s.pane.as_deref())
            .and_then(Pane::from_code)
        {
            console.focus = pane;
        }
        // The meeting in progress, else the next, else the latest; a demo never hides a
        // real meeting (R3).
        let now = ctx.now();
        let candidates = ctx.store.console_candidates(&now)?;
        if let Some(m) = console_meeting(&candidates, now) {
            let id = m.id;
            console.open_meeting_at(ctx, id, session)?;
        }
        Ok(console)
    }

    /// Show another meeting (the back office asked for it): at its current topic.
    pub fn open_meeting(&mut self, ctx: &mut Ctx, id: Id) -> Result<(), StoreError> {
        self.flush_texts(ctx, true);
        self.open_meeting_at(ctx, id, None)?;
        self.session_dirty = true;
        Ok(())
    }

    /// Show a meeting; where the operator was in it last (R9.1), if `session` says so.
    fn open_meeting_at(
        &mut self,
        ctx: &mut Ctx,
        id: Id,
        session: Option<SessionState>,
    ) -> Result<(), StoreError> {
        self.view = MeetingView::load(&ctx.store, id, ctx.now())?;
        self.load_earlier(ctx);
        self.checkin = CheckInPane::default();
        self.waiting_selected = 0;
        let restore = session.filter(|s| s.meeting_id == Some(id));
        let current = self
            .view
            .as_ref()
            .and_then(|d| d.current_topic())
            .map(|t| t.id);
        let topic = restore.as_ref().and_then(|s| s.topic_id).or(current);
        self.load_procedure(ctx, topic)?;
        if let Some(s) = restore.filter(|s| s.topic_id == topic) {
            self.restore_position(&s);
        }
        Ok(())
    }

    pub fn meeting_id(&self) -> Option<Id> {
        self.view.as_ref().map(|d| d.meeting.id)
    }

    /// Record an edit to the meeting: show it at once, and hand it to the save queue.
    fn record(&mut self, ctx: &mut Ctx, changes: Vec<Change>) {
        if self.refuse_archived(ctx) {
            return;
        }
        let now = ctx.now();
        if let Some(view) = &mut self.view {
            let mut touched = false;
            for c in &changes {
                touched |= view.apply(c, now);
            }
            if touched {
                view.refresh_roster(now);
            }
        }
        ctx.save(changes);
        self.clamp_selection();
    }

    /// Read the meeting again (another terminal changed it), with our own changes that
    /// are not on the disk yet laid over it.
    pub(crate) fn reload(&mut self, ctx: &mut Ctx) {
        let Some(id) = self.meeting_id() else {
            return;
        };
        let now = ctx.now();
        match MeetingView::load(&ctx.store, id, now) {
            Ok(Some(mut view)) => {
                for job in ctx.saver.pending() {
                    for c in &job.changes {
                        view.apply(c, job.at);
                    }
                }
                view.refresh_roster(now);
                self.view = Some(view);
                self.load_earlier(ctx);
            }
            Ok(None) => {}
            Err(e) => ctx.store_failed(&e),
        }
        self.clamp_selection();
    }

    fn poll_other_terminals(&mut self, ctx: &mut Ctx) {
        // data_version moves on any other connection's commit (our own saver's too);
        // the commit marks tell whether the commit was another terminal's.
        let Ok(v) = ctx.store.data_version() else {
            return;
        };
        if v == self.data_version {
            return;
        }
        self.data_version = v;
        let Ok(mark) = ctx.store.others_mark() else {
            return;
        };
        if mark == self.others_mark {
            return;
        }
        self.others_mark = mark;
        let before = self.view.as_ref().and_then(|d| d.meeting.current_topic_id);
        self.reload(ctx);
        let after = self.view.as_ref().and_then(|d| d.meeting.current_topic_id);
        if before != after && self.procedure.topic_id == before {
            // Another terminal advanced the meeting: follow it.
            self.flush_texts(ctx, true);
            if let Err(e) = self.load_procedure(ctx, after) {
                ctx.store_failed(&e);
            }
        } else {
            self.merge_other_entries(ctx);
            self.refresh_decision(ctx);
        }
    }

    /// An archived meeting is read-only (R7.4): say so; true when it is.
    fn refuse_archived(&self, ctx: &mut Ctx) -> bool {
        let archived = self.view.as_ref().is_some_and(|v| v.archived);
        if archived {
            let t = ctx.t(&i18n::ARCHIVED_READ_ONLY);
            ctx.warn(t);
        }
        archived
    }

    fn change_pane(&mut self, ctx: &mut Ctx, to: Pane) {
        self.flush_texts(ctx, false);
        if to != self.focus {
            self.focus = to;
            self.session_dirty = true;
            // A message about the pane left behind no longer holds.
            if ctx.message.as_ref().is_some_and(|m| m.error) {
                ctx.message = None;
            }
        }
        self.checkin.filtering = false;
    }

    /// The terminal changed size: the editors' views are recomputed for the new height.
    pub fn resized(&mut self) {
        for ed in &mut self.procedure.editors {
            ed.refit();
        }
    }

    fn now(ctx: &Ctx) -> Time {
        ctx.now()
    }
}

impl Screen for Console {
    fn contexts(&self) -> Vec<Context> {
        vec![self.focus.context(), SCREEN]
    }

    fn key(&mut self, ctx: &mut Ctx, key: KeyEvent) -> bool {
        match self.focus {
            Pane::CheckIn => self.checkin_key(ctx, key),
            Pane::Procedure => {
                // The recorder's text sees a typed character before any binding does.
                let typing = match key.code {
                    KeyCode::Char(_) => !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT),
                    KeyCode::Enter => key.modifiers.is_empty(),
                    _ => false,
                };
                if typing && ctx.read_only {
                    let t = ctx.t(&i18n::READ_ONLY_REFUSED);
                    ctx.warn(t);
                } else if typing {
                    self.type_key(ctx, key);
                }
                typing
            }
            _ => false,
        }
    }

    fn action(&mut self, ctx: &mut Ctx, action: Action) {
        let Action::Console(a) = action else {
            return;
        };
        if ctx.read_only && a.edits() {
            let t = ctx.t(&i18n::READ_ONLY_REFUSED);
            return ctx.warn(t);
        }
        use ConsoleAction as A;
        match a {
            A::Up | A::Down | A::PageUp | A::PageDown => self.move_selection(a),
            A::CheckInNow => self.check_in_now(ctx),
            A::CheckInAt => self.open_check_in_at(ctx),
            A::Leave => self.open_leave(ctx),
            A::Absent => self.mark_absent(ctx),
            A::LeftEarly => self.open_left_early(ctx),
            A::ClearAttendance => self.ask_clear(ctx),
            A::Filter => self.checkin.filtering = true,
            A::WaitingCheckIn => self.waiting_check_in(ctx),
            A::CallIn => self.call_in(ctx, false),
            A::CallInAll => self.call_in(ctx, true),
            A::NextTopic => self.ask_advance(ctx),
            A::EarlierDecisions => self.show_earlier(ctx),
            A::PickSpeaker => self.open_picker(ctx),
            A::NextStep => self.step_by(ctx, 1),
            A::PrevStep => self.step_by(ctx, -1),
            A::Step1 => self.go_step(ctx, 1),
            A::Step2 => self.go_step(ctx, 2),
            A::Step3 => self.go_step(ctx, 3),
            A::Step4 => self.go_step(ctx, 4),
            A::Step5 => self.go_step(ctx, 5),
            A::NextEntry => self.entry_by(ctx, 1),
            A::PrevEntry => self.entry_by(ctx, -1),
            A::Search => self.open_search(ctx),
            A::SearchNext => self.search_next(ctx),
            A::Undo => self.undo(ctx, false),
            A::Redo => self.undo(ctx, true),
            A::CycleOutcome => self.cycle_outcome(ctx),
            A::EditDecisionText => self.open_decision_text(ctx),
            A::EditDecisionFields => self.open_decision_fields(ctx),
            A::PickAlternative => self.cycle_alternative(ctx),
            A::MarkDecided => self.mark_decided(ctx),
            A::ExportRecord => self.export_record(ctx),
            A::HandOutCopy => self.hand_out_copy(ctx),
        }
    }

    fn unbound(&mut self, ctx: &mut Ctx, key: KeyEvent) {
        if self.focus == Pane::Procedure && !ctx.read_only {
            self.type_key(ctx, key);
        } else {
            let text = ctx.t(&i18n::UNKNOWN_KEY);
            ctx.warn(text);
        }
    }

    fn paste(&mut self, ctx: &mut Ctx, text: &str) {
        if ctx.read_only && self.focus == Pane::Procedure {
            let t = ctx.t(&i18n::READ_ONLY_REFUSED);
            return ctx.warn(t);
        }
        match self.focus {
            Pane::Procedure => self.paste_text(ctx, text),
            Pane::CheckIn => self.paste_filter(text),
            _ => {}
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
            self.flush_texts(ctx, false);
        }
        if self.last_poll.elapsed() >= POLL_EVERY {
            self.last_poll = Instant::now();
            self.poll_other_terminals(ctx);
        }
        if self.last_roster.elapsed() >= Duration::from_secs(1) {
            self.last_roster = Instant::now();
            let now = Self::now(ctx);
            if let Some(d) = &mut self.view {
                d.refresh_roster(now);
            }
        }
        if self.export_waiting && ctx.saver.idle() {
            self.export_waiting = false;
            self.write_record(ctx);
        }
    }

    fn flush(&mut self, ctx: &mut Ctx, force: bool) {
        self.flush_texts(ctx, force);
    }

    fn saved(&mut self, ctx: &Ctx) {
        for ed in &mut self.procedure.editors {
            ed.settle(&ctx.saver);
        }
    }

    fn unsent(&self) -> bool {
        self.procedure.editors.iter().any(|e| e.needs_send())
    }

    fn cycle_pane(&mut self, ctx: &mut Ctx, by: isize) {
        let to = self.focus.step(by);
        self.change_pane(ctx, to);
    }

    /// The recorder's focused entry, while the recorder's pane has the focus: its lease
    /// is kept while it is typed into (issue 10).
    fn leases(&self) -> Vec<LeaseKey> {
        if self.focus != Pane::Procedure {
            return Vec::new();
        }
        self.procedure
            .focused_ref()
            .map(|e| vec![LeaseKey::entry(e.entry.id)])
            .unwrap_or_default()
    }
}
