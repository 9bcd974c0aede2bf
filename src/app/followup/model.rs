//! What F4 shows of one meeting, read from the store in one go: its closing, decisions,
//! carried-over topics, minutes, tidied record, ledger entry and archive state.
use chrono::NaiveDate;

use crate::domain::Time;
use crate::domain::archive::{LedgerEntry, Paper};
use crate::domain::calendar::{Calendar, Deadline};
use crate::domain::deadline::Progress;
use crate::domain::decision::Decision;
use crate::domain::minutes::{self, Minutes};
use crate::domain::procedure::Entry;
use crate::domain::record_tidy::{self, TidiedEntry};
use crate::domain::{Id, minutes::VersionStatus};
use crate::store::prep::StoredCopy;
use crate::store::view::MeetingView;
use crate::store::{CarryOver, Closing, Result, Store};

pub struct MeetingModel {
    pub view: MeetingView,
    pub closing: Option<Closing>,
    pub carried: Vec<CarryOver>,
    /// Each topic's decision, in agenda order.
    pub decisions: Vec<Option<Decision>>,
    pub minutes: Option<Minutes>,
    /// Every verbatim entry of the meeting, in the record's order.
    pub entries: Vec<Entry>,
    pub tidied: Vec<TidiedEntry>,
    pub tidy_finished: Option<(Time, String)>,
    pub ledger: Option<LedgerEntry>,
    pub archived: Option<(Time, String)>,
    /// The back office's numbered classified copies of this meeting (R4.2).
    pub copies: Vec<StoredCopy>,
    /// Why copies are still out, when the director let them go (R4.2).
    pub copies_out_reason: Option<String>,
    /// The back office listed material packages for this meeting (R4.2).
    pub has_materials: bool,
    /// The decisions of earlier meetings still open on this meeting's day (R7.3).
    pub carried_items: Vec<crate::domain::followup::Item>,
}

impl MeetingModel {
    pub fn load(store: &Store, id: Id, now: Time) -> Result<Option<Self>> {
        let Some(view) = MeetingView::load(store, id, now)? else {
            return Ok(None);
        };
        let mut decisions = Vec::new();
        let mut entries = Vec::new();
        for t in &view.topics {
            decisions.push(store.decision(t.id)?);
            entries.extend(store.entries(t.id)?);
        }
        let ledger = store.ledger_of(id)?;
        Ok(Some(Self {
            closing: store.closing(id)?,
            carried: store.carry_overs(id)?,
            minutes: store.minutes(id)?,
            tidied: store.tidied(id)?,
            tidy_finished: store.tidied_finished(id)?,
            archived: store.archived(id)?,
            copies: store.classified_copies(id)?,
            copies_out_reason: store.classified_out_reason(id)?,
            has_materials: store.meeting_has_materials(id)?,
            carried_items: store.followup_items_open_on(view.meeting.starts_at.date_naive())?,
            decisions,
            entries,
            ledger,
            view,
        }))
    }

    pub fn id(&self) -> Id {
        self.view.meeting.id
    }

    /// The day the clocks count from: the day the meeting was closed ("会后").
    pub fn closed_on(&self) -> Option<NaiveDate> {
        self.closing.as_ref().map(|c| c.closed_at.date_naive())
    }

    /// The one-week clock of the minutes (R7.1), once the meeting is closed.
    pub fn minutes_clock(&self, now: Time) -> Option<(NaiveDate, Progress)> {
        let day = self.closed_on()?;
        let progress = match &self.minutes {
            Some(m) => m.progress(day, now),
            None => Progress::of(minutes::due(day), None, now),
        };
        Some((minutes::due(day), progress))
    }

    /// The 3-working-day clock of the tidied record (R7.2), with the calendar's warning
    /// when it ran through a year it does not cover.
    pub fn record_clock(&self, cal: &Calendar, now: Time) -> Option<(Deadline, Progress)> {
        let day = self.closed_on()?;
        let due = cal.deadline_after(day, record_tidy::RECORD_DUE_WORKING_DAYS);
        let finished = self.tidy_finished.as_ref().map(|(t, _)| t.date_naive());
        Some((due, record_tidy::progress(cal, day, finished, now)))
    }

    /// The papers of §7.4 at hand. The agenda is taken as present when the meeting has
    /// topics, the reports (materials) when the back office listed packages of them for
    /// this meeting or the ledger lists them.
    pub fn papers_present(&self) -> Vec<Paper> {
        let mut out = Vec::new();
        if !self.view.topics.is_empty() {
            out.push(Paper::Agenda);
        }
        if !self.view.parts.is_empty() {
            out.push(Paper::AttendeeList);
        }
        if self.has_materials
            || self
                .ledger
                .as_ref()
                .is_some_and(|l| l.items.iter().any(|i| i.paper == Paper::Materials))
        {
            out.push(Paper::Materials);
        }
        if self.tidy_finished.is_some() {
            out.push(Paper::TidiedRecord);
        }
        if self.minutes.is_some() {
            out.push(Paper::MinutesDraft);
        }
        if self.minutes.as_ref().is_some_and(|m| {
            m.versions()
                .iter()
                .any(|v| v.status() == VersionStatus::Signed)
        }) {
            out.push(Paper::SignedMinutes);
        }
        out
    }

    pub fn is_archived(&self) -> bool {
        self.archived.is_some()
    }
}
