//! What the user can do: events → Action → update → store → state.
pub mod action;
mod attendance;
pub mod data;
mod decision;
pub mod editor;
mod export_action;
pub mod form;
pub mod keymap;
pub mod keyspec;
mod procedure;
pub mod run;
mod saving;
mod tty;

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEvent, KeyEventKind};

use self::action::Action;
use self::data::MeetingData;
use self::editor::{EditorStyles, Procedure};
use self::form::{Form, FormEvent, Question};
use self::keymap::{Context, Keymap};
use crate::domain::decision::Decision;
use crate::domain::{Clock, Id, Time};
use crate::i18n::{self, Lang, Tr};
use crate::store::writer::Writer;
use crate::store::{Store, StoreError};
use crate::ui::theme::Theme;

/// The real clock, in local time.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Time {
        chrono::Local::now().fixed_offset()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    CheckIn,
    Topic,
    Procedure,
    Decision,
}

impl Pane {
    const ORDER: [Pane; 4] = [Pane::CheckIn, Pane::Topic, Pane::Procedure, Pane::Decision];

    pub fn context(self) -> Context {
        match self {
            Self::CheckIn => Context::CheckIn,
            Self::Topic => Context::Topic,
            Self::Procedure => Context::Procedure,
            Self::Decision => Context::Decision,
        }
    }

    fn step(self, by: isize) -> Self {
        let i = Self::ORDER.iter().position(|p| *p == self).unwrap_or(0) as isize;
        let n = Self::ORDER.len() as isize;
        Self::ORDER[((i + by).rem_euclid(n)) as usize]
    }
}

/// A line of feedback under the panes.
#[derive(Clone, Debug)]
pub struct Message {
    pub text: String,
    pub error: bool,
    pub at: Instant,
}

/// What the status line says about saving: never "saved" when it is not (R9.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved(Time),
    Saving,
    Failed(String),
}

pub enum Modal {
    Help,
    Form(Box<Form>),
    Confirm(Question),
    Picker(Box<procedure::Picker>),
}

/// The check-in pane's own state.
#[derive(Default)]
pub struct CheckInPane {
    pub selected: usize,
    pub filter: String,
    pub filtering: bool,
}

/// Options the program starts with.
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
    /// The background saver; none saves inline (in-memory databases, tests).
    pub writer: Option<Writer>,
}

pub struct App {
    pub store: Store,
    pub clock: Box<dyn Clock>,
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
    pub data: Option<MeetingData>,
    pub focus: Pane,
    pub checkin: CheckInPane,
    pub waiting_selected: usize,
    pub procedure: Procedure,
    pub decision: Option<Decision>,
    pub modal: Option<Modal>,
    pub message: Option<Message>,
    pub save_state: SaveState,
    pub quit: bool,
    /// Set when a save failed: when to try again.
    retry_at: Option<Instant>,
    writer: Option<Writer>,
    generation: u64,
    last_flush: Instant,
    last_poll: Instant,
    last_roster: Instant,
    data_version: i64,
    session_dirty: bool,
    editor_styles: EditorStyles,
}

/// How often typed text goes to the disk while it changes (R9.1: within 200 ms).
pub const FLUSH_EVERY: Duration = Duration::from_millis(150);
/// How often to look for another terminal's changes.
const POLL_EVERY: Duration = Duration::from_millis(500);

impl App {
    pub fn new(
        store: Store,
        settings: Settings,
        clock: Box<dyn Clock>,
    ) -> Result<Self, StoreError> {
        let editor_styles = EditorStyles {
            text: settings.theme.style("editor.text"),
            cursor_line: settings.theme.style("editor.cursorline"),
            selection: settings.theme.style("editor.selection"),
            search: settings.theme.style("editor.search"),
        };
        let now = clock.now();
        let data_version = store.data_version()?;
        let mut app = Self {
            store,
            clock,
            lang: settings.lang,
            theme: settings.theme,
            keymap: settings.keymap,
            data: None,
            focus: Pane::Procedure,
            checkin: CheckInPane::default(),
            waiting_selected: 0,
            procedure: Procedure::default(),
            decision: None,
            modal: None,
            message: None,
            save_state: SaveState::Saved(now),
            quit: false,
            retry_at: None,
            writer: settings.writer,
            generation: 0,
            last_flush: Instant::now(),
            last_poll: Instant::now(),
            last_roster: Instant::now(),
            data_version,
            session_dirty: false,
            editor_styles,
        };
        app.open_latest()?;
        Ok(app)
    }

    pub fn now(&self) -> Time {
        self.clock.now()
    }

    /// Open the meeting the operator was last in (or the latest), at the same topic,
    /// step, entry and caret (R9.1).
    fn open_latest(&mut self) -> Result<(), StoreError> {
        let session = self.store.session()?;
        let latest = self.store.latest_meeting()?;
        let meeting_id = session
            .as_ref()
            .and_then(|s| s.meeting_id)
            .filter(|id| self.store.meeting(*id).ok().flatten().is_some())
            .or(latest.map(|m| m.id));
        let Some(meeting_id) = meeting_id else {
            return Ok(());
        };
        self.data = MeetingData::load(&self.store, meeting_id, self.now())?;
        let restore = session.filter(|s| s.meeting_id == Some(meeting_id));
        let topic = restore.as_ref().and_then(|s| s.topic_id).or_else(|| {
            self.data
                .as_ref()
                .and_then(|d| d.current_topic())
                .map(|t| t.id)
        });
        self.load_procedure(topic)?;
        if let Some(s) = restore.filter(|s| s.topic_id == topic) {
            self.restore_position(&s);
        }
        Ok(())
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

    pub fn t(&self, text: &Tr) -> &'static str {
        self.lang.t(text)
    }

    /// Report a store failure in the user's language; the action did not happen.
    pub fn store_failed(&mut self, e: &StoreError) {
        let text = i18n::store_error(self.lang, e);
        self.warn(text);
    }

    /// Reload the meeting after a change (ours or another terminal's).
    pub fn reload(&mut self) {
        let Some(id) = self.data.as_ref().map(|d| d.meeting.id) else {
            return;
        };
        match MeetingData::load(&self.store, id, self.now()) {
            Ok(Some(d)) => self.data = Some(d),
            Ok(None) => {}
            Err(e) => self.store_failed(&e),
        }
        self.clamp_selection();
    }

    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.handle_key(k),
            Event::Paste(text) => self.handle_paste(&text),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, ev: KeyEvent) {
        if let Some(modal) = self.modal.take() {
            self.modal_key(modal, ev);
            return;
        }
        if self.focus == Pane::CheckIn && self.checkin.filtering && self.filter_key(ev) {
            return;
        }
        if self.focus == Pane::CheckIn
            && ev.code == crossterm::event::KeyCode::Esc
            && !self.checkin.filter.is_empty()
        {
            self.checkin.filter.clear();
            return;
        }
        match self.keymap.lookup(self.focus.context(), &ev) {
            Some(action) => self.update(action),
            None if self.focus == Pane::Procedure => self.type_key(ev),
            None => {
                let text = self.t(&i18n::UNKNOWN_KEY);
                self.say(text);
            }
        }
    }

    fn handle_paste(&mut self, text: &str) {
        match &mut self.modal {
            Some(Modal::Form(f)) => f.paste(text),
            Some(Modal::Picker(p)) => p.paste(text),
            Some(_) => {}
            None if self.focus == Pane::Procedure => self.paste_text(text),
            None if self.focus == Pane::CheckIn => {
                self.checkin.filtering = true;
                self.checkin.filter.push_str(text.trim());
                self.checkin.selected = 0;
            }
            None => {}
        }
    }

    pub fn update(&mut self, action: Action) {
        use Action as A;
        match action {
            A::Help => self.modal = Some(Modal::Help),
            A::Console => self.focus = Pane::CheckIn,
            A::NextPane => self.change_pane(1),
            A::PrevPane => self.change_pane(-1),
            A::ToggleLang => self.lang = self.lang.other(),
            A::SaveNow => self.flush(true),
            A::Quit => self.quit = true,
            A::Up | A::Down | A::PageUp | A::PageDown => self.move_selection(action),
            A::CheckInNow => self.check_in_now(),
            A::CheckInAt => self.open_check_in_at(),
            A::Leave => self.open_leave(),
            A::Absent => self.mark_absent(),
            A::LeftEarly => self.open_left_early(),
            A::ClearAttendance => self.ask_clear(),
            A::Filter => {
                self.checkin.filtering = true;
            }
            A::WaitingCheckIn => self.waiting_check_in(),
            A::CallIn => self.call_in(false),
            A::CallInAll => self.call_in(true),
            A::NextTopic => self.ask_advance(),
            A::PickSpeaker => self.open_picker(),
            A::NextStep => self.step_by(1),
            A::PrevStep => self.step_by(-1),
            A::Step1 => self.go_step(1),
            A::Step2 => self.go_step(2),
            A::Step3 => self.go_step(3),
            A::Step4 => self.go_step(4),
            A::Step5 => self.go_step(5),
            A::NextEntry => self.entry_by(1),
            A::PrevEntry => self.entry_by(-1),
            A::Search => self.open_search(),
            A::SearchNext => self.search_next(),
            A::Undo => self.undo(false),
            A::Redo => self.undo(true),
            A::CycleOutcome => self.cycle_outcome(),
            A::EditDecisionText => self.open_decision_text(),
            A::EditDecisionFields => self.open_decision_fields(),
            A::PickAlternative => self.cycle_alternative(),
            A::MarkDecided => self.mark_decided(),
            A::ExportRecord => self.export_record(),
        }
    }

    fn change_pane(&mut self, by: isize) {
        self.flush(false);
        self.focus = self.focus.step(by);
        self.checkin.filtering = false;
    }

    fn modal_key(&mut self, modal: Modal, ev: KeyEvent) {
        match modal {
            Modal::Help => {
                // Any key closes help; F1 and Esc are the ones the footer names.
            }
            Modal::Form(mut form) => match form.key(ev) {
                FormEvent::Cancel => {}
                FormEvent::Handled => self.modal = Some(Modal::Form(form)),
                FormEvent::Submit => self.submit_form(*form),
            },
            Modal::Confirm(q) => {
                use crossterm::event::KeyCode;
                match ev.code {
                    KeyCode::Char('y' | 'Y') | KeyCode::Enter => self.confirmed(q.what),
                    KeyCode::Char('n' | 'N') | KeyCode::Esc => {}
                    _ => self.modal = Some(Modal::Confirm(q)),
                }
            }
            Modal::Picker(mut p) => match p.key(ev) {
                FormEvent::Cancel => {}
                FormEvent::Handled => self.modal = Some(Modal::Picker(p)),
                FormEvent::Submit => self.picked(*p),
            },
        }
    }

    /// Called about every 50 ms by the loop: save, notice other terminals, move clocks.
    pub fn tick(&mut self) {
        self.take_reports();
        let retry_due = self.retry_at.is_none_or(|t| Instant::now() >= t);
        if self.last_flush.elapsed() >= FLUSH_EVERY && retry_due {
            self.flush(false);
        }
        if self.last_poll.elapsed() >= POLL_EVERY {
            self.last_poll = Instant::now();
            self.poll_other_terminals();
        }
        if self.last_roster.elapsed() >= Duration::from_secs(1) {
            self.last_roster = Instant::now();
            let now = self.now();
            if let Some(d) = &mut self.data {
                d.refresh_roster(now);
            }
        }
        if let Some(m) = &self.message
            && !m.error
            && m.at.elapsed() > Duration::from_secs(8)
        {
            self.message = None;
        }
    }

    fn poll_other_terminals(&mut self) {
        let Ok(v) = self.store.data_version() else {
            return;
        };
        if v == self.data_version {
            return;
        }
        self.data_version = v;
        let before = self.data.as_ref().and_then(|d| d.meeting.current_topic_id);
        self.reload();
        let after = self.data.as_ref().and_then(|d| d.meeting.current_topic_id);
        if before != after && self.procedure.topic_id == before {
            // Another terminal advanced the meeting: follow it.
            self.flush(true);
            if let Err(e) = self.load_procedure(after) {
                self.store_failed(&e);
            }
        } else {
            self.merge_other_entries();
        }
    }

    pub fn meeting_id(&self) -> Option<Id> {
        self.data.as_ref().map(|d| d.meeting.id)
    }
}
