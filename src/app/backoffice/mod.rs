//! The back office (F3): preparing the meeting in the week before it, from topic intake
//! to the room being ready (R1–R4, issue 8). Nine panes, each with its verbs in its own
//! file: 会议 meetings, 进度 the preparation dashboard, 议题 topics, 议程 the agenda, 人员
//! the meeting's people, 呈报 the approval chain, 会务 room / notices / materials, 名册 the
//! roster, 日历 working days. The panes are listed once, in [`Pane::ORDER`].
mod agenda;
mod approval;
mod ask;
mod classified;
pub mod dashboard;
mod dispatch;
mod import;
mod intake;
mod keys;
mod lists;
mod meetings;
mod notices;
mod people;
mod prep;
mod review;
mod roster;
mod secrecy;
mod topics;
mod workdays;

use std::any::Any;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent};

pub use self::ask::Ask;
pub use self::import::ImportState;
pub use self::keys::{
    AGENDA, APPROVAL, BackOfficeAction, CALENDAR, CONTEXTS, DASHBOARD, IMPORT, MEETINGS, PEOPLE,
    PREP, ROSTER, SCREEN, TABLES, TOPICS,
};
pub use self::lists::TextFilter;
pub use self::people::{PeopleRow, Section};
pub use self::prep::PrepRow;
pub use self::topics::TopicFilter;
pub use self::workdays::CalendarRow;

use super::action::Action;
use super::ctx::Ctx;
use super::keymap::Context;
use super::layer::{Reply, Verdict};
use super::screen::Screen;
use crate::domain::Id;
use crate::domain::calendar::Calendar;
use crate::domain::meeting::Meeting;
use crate::i18n;
use crate::store::change::Change;
use crate::store::office_view::OfficeView;
use crate::store::{Store, StoreError};

/// How often to look for another terminal's changes.
const POLL_EVERY: Duration = Duration::from_millis(500);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Meetings,
    Dashboard,
    Topics,
    Agenda,
    People,
    Approval,
    Prep,
    Roster,
    Calendar,
}

impl Pane {
    /// The panes, in Tab order: the one place they are listed.
    pub const ORDER: [Pane; 9] = [
        Pane::Meetings,
        Pane::Dashboard,
        Pane::Topics,
        Pane::Agenda,
        Pane::People,
        Pane::Approval,
        Pane::Prep,
        Pane::Roster,
        Pane::Calendar,
    ];

    pub fn context(self) -> Context {
        match self {
            Self::Meetings => MEETINGS,
            Self::Dashboard => DASHBOARD,
            Self::Topics => TOPICS,
            Self::Agenda => AGENDA,
            Self::People => PEOPLE,
            Self::Approval => APPROVAL,
            Self::Prep => PREP,
            Self::Roster => ROSTER,
            Self::Calendar => CALENDAR,
        }
    }

    pub fn index(self) -> usize {
        Self::ORDER.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The panes the work area on the right shows (the left column holds the others on
    /// a wide terminal).
    pub fn is_work(self) -> bool {
        !matches!(self, Self::Meetings | Self::Dashboard)
    }

    fn step(self, by: isize) -> Self {
        let n = Self::ORDER.len() as isize;
        Self::ORDER[((self.index() as isize + by).rem_euclid(n)) as usize]
    }
}

pub struct BackOffice {
    pub view: OfficeView,
    pub focus: Pane,
    /// The work pane shown on the right while the focus is on the left column.
    pub work: Pane,
    /// The meeting being prepared.
    pub meeting_id: Option<Id>,
    /// The selected row of each pane, by [`Pane::index`].
    pub selected: [usize; 9],
    pub topic_filter: TopicFilter,
    pub roster_filter: TextFilter,
    /// A CSV file read and shown for checking before it is imported.
    pub import: Option<ImportState>,
    /// Today, as the clock said at the last tick (which years deadlines fall in).
    pub today: chrono::NaiveDate,
    last_poll: Instant,
    data_version: i64,
    others_mark: i64,
}

impl BackOffice {
    /// Read everything the back office shows; the meeting to prepare is the coming one.
    pub fn open(ctx: &mut Ctx) -> Result<Self, StoreError> {
        let view = OfficeView::load_at(&ctx.store, ctx.now())?;
        let mut office = Self {
            view,
            focus: Pane::Dashboard,
            work: Pane::Topics,
            meeting_id: None,
            selected: [0; 9],
            topic_filter: TopicFilter::default(),
            roster_filter: TextFilter::default(),
            import: None,
            today: ctx.now().date_naive(),
            last_poll: Instant::now(),
            data_version: ctx.store.data_version()?,
            others_mark: ctx.store.others_mark()?,
        };
        office.set_calendar(ctx);
        let now = ctx.now();
        office.meeting_id = office
            .view
            .coming(now)
            .or(office.view.meetings.last())
            .map(|m| m.id);
        office.select_meeting_row();
        if office.meeting_id.is_none() {
            office.focus = Pane::Meetings;
        }
        Ok(office)
    }

    pub fn meeting(&self) -> Option<&Meeting> {
        self.meeting_id.and_then(|id| self.view.meeting(id))
    }

    /// The meeting being prepared, or a word that there is none.
    fn need_meeting(&self, ctx: &mut Ctx) -> Option<Meeting> {
        let m = self.meeting().cloned();
        if m.is_none() {
            let t = ctx.t(&i18n::NO_MEETING_YET);
            ctx.warn(t);
        }
        m
    }

    /// Show an edit at once and hand it to the save queue (one transaction).
    fn record(&mut self, ctx: &mut Ctx, changes: Vec<Change>) {
        let calendar = changes.iter().any(|c| matches!(c, Change::Calendar(_)));
        for c in &changes {
            self.view.apply(c);
        }
        ctx.save(changes);
        if calendar {
            self.set_calendar(ctx);
        }
        self.clamp();
    }

    /// The calendar both screens count working days by: the official one with the
    /// office's own on top (R7).
    fn set_calendar(&self, ctx: &mut Ctx) {
        let mut cal = Calendar::official();
        cal.merge(&self.view.calendar.to_calendar());
        ctx.calendar = cal;
    }

    /// Read everything again, with our own changes not yet on the disk laid over it.
    pub fn reload(&mut self, ctx: &mut Ctx) {
        match OfficeView::load_at(&ctx.store, ctx.now()) {
            Ok(mut view) => {
                for job in ctx.saver.pending() {
                    for c in &job.changes {
                        view.apply(c);
                    }
                }
                self.view = view;
            }
            Err(e) => ctx.store_failed(&e),
        }
        if self.meeting().is_none() {
            let now = ctx.now();
            self.meeting_id = self.view.coming(now).map(|m| m.id);
        }
        self.set_calendar(ctx);
        self.clamp();
    }

    fn poll_other_terminals(&mut self, ctx: &mut Ctx) {
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
        if mark != self.others_mark {
            self.others_mark = mark;
            self.reload(ctx);
        }
    }

    pub fn sel(&self, pane: Pane) -> usize {
        self.selected[pane.index()]
    }

    fn set_sel(&mut self, pane: Pane, v: usize) {
        self.selected[pane.index()] = v;
    }

    /// How many rows a pane lists now.
    fn rows(&self, pane: Pane) -> usize {
        match pane {
            Pane::Meetings => self.view.meetings.len(),
            Pane::Dashboard => dashboard::STAGE_COUNT,
            Pane::Topics => self.visible_topics().len(),
            Pane::Agenda => self
                .meeting_id
                .map_or(0, |m| self.view.agenda_topics(m).len()),
            Pane::People => self.people_rows().len(),
            Pane::Approval => 0,
            Pane::Prep => self.prep_rows().len(),
            Pane::Roster => self.visible_people().len(),
            Pane::Calendar => self.calendar_rows().len(),
        }
    }

    fn clamp(&mut self) {
        for pane in Pane::ORDER {
            let n = self.rows(pane);
            let s = self.sel(pane).min(n.saturating_sub(1));
            self.set_sel(pane, s);
        }
    }

    fn move_selection(&mut self, by: isize) {
        if let (Pane::Roster, Some(state)) = (self.focus, &mut self.import) {
            return state.scroll_by(by);
        }
        let pane = self.focus;
        let n = self.rows(pane);
        let s = (self.sel(pane) as isize + by).clamp(0, n.saturating_sub(1) as isize) as usize;
        self.set_sel(pane, s);
        if pane == Pane::Meetings {
            self.meeting_from_row();
        }
    }

    fn go(&mut self, to: Pane) {
        self.focus = to;
        if to.is_work() {
            self.work = to;
        }
        if to == Pane::Meetings {
            self.select_meeting_row();
        }
    }

    /// The store, to read (a picker's lists, a file's people).
    pub fn store(ctx: &Ctx) -> &Store {
        &ctx.store
    }
}

impl Screen for BackOffice {
    fn contexts(&self) -> Vec<Context> {
        if self.focus == Pane::Roster && self.import.is_some() {
            return vec![IMPORT, SCREEN];
        }
        vec![self.focus.context(), SCREEN]
    }

    fn key(&mut self, _ctx: &mut Ctx, key: KeyEvent) -> bool {
        if self.focus == Pane::Roster && self.import.is_none() {
            return self.roster_filter.key(key);
        }
        if self.focus == Pane::Topics && key.code == KeyCode::Esc && self.topic_filter.is_set() {
            self.topic_filter = TopicFilter::default();
            self.clamp();
            return true;
        }
        false
    }

    fn action(&mut self, ctx: &mut Ctx, action: Action) {
        let Action::BackOffice(a) = action else {
            return;
        };
        self.act(ctx, a);
    }

    fn unbound(&mut self, ctx: &mut Ctx, _key: KeyEvent) {
        let t = ctx.t(&i18n::UNKNOWN_KEY);
        ctx.warn(t);
    }

    fn paste(&mut self, _ctx: &mut Ctx, text: &str) {
        if self.focus == Pane::Roster {
            self.roster_filter.paste(text);
        }
    }

    fn answer(&mut self, ctx: &mut Ctx, purpose: &dyn Any, reply: Reply<'_>) -> Verdict {
        match purpose.downcast_ref::<Ask>() {
            Some(ask) => self.answered(ctx, ask, reply),
            None => Verdict::Done,
        }
    }

    fn tick(&mut self, ctx: &mut Ctx) {
        self.today = ctx.now().date_naive();
        if self.last_poll.elapsed() >= POLL_EVERY {
            self.last_poll = Instant::now();
            self.poll_other_terminals(ctx);
        }
    }

    fn flush(&mut self, _ctx: &mut Ctx, _force: bool) {}

    fn saved(&mut self, _ctx: &Ctx) {}

    fn unsent(&self) -> bool {
        false
    }

    fn cycle_pane(&mut self, _ctx: &mut Ctx, by: isize) {
        let to = self.focus.step(by);
        self.go(to);
    }
}
