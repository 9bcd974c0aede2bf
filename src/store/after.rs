//! The after-meeting work (R7) as changes: data, not calls, like every edit of
//! [`super::change::Change`] (which carries these in one variant). Each is applied inside
//! the save queue's transaction by the store file of its aggregate, audited with old → new
//! values; being data, a change the database never took goes to the emergency file.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lease::{LeaseKey, MINUTES, TIDIED};
use super::tx::Tx;
use super::{Result, archive, closing, followup, minutes, tidy};
use crate::domain::{Id, Time};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "after", rename_all = "snake_case")]
pub enum AfterChange {
    /// Close the meeting (its checks passed): the end time is the change's time; the
    /// decided topics become items of the follow-up register (R7.3).
    Close { meeting_id: Id },
    /// A topic not decided goes to a named later meeting, and onto its agenda as the
    /// topic `carried_as` (an id the screen chose), with the link to where it came from.
    CarryOver {
        topic_id: Id,
        to_meeting: Id,
        reason: String,
        /// None in a change written before the carried topic had an id of its own.
        #[serde(default)]
        carried_as: Option<Id>,
    },
    /// Plan the next regular meeting (Monday 09:00 after this one) with the same room,
    /// chair, attending leaders and staff, so a topic can be carried over to it.
    PlanNext {
        meeting_id: Id,
        from: Id,
        starts_at: Time,
        title: String,
    },
    /// A version of the minutes: the first draft, or a correction of `corrects`.
    MinutesVersion {
        meeting_id: Id,
        number: u32,
        text: String,
        made_by: String,
        corrects: Option<u32>,
    },
    /// The whole text of a draft version as it is now.
    MinutesText {
        meeting_id: Id,
        number: u32,
        text: String,
    },
    /// Review (`review`) or sign-off (`sign_off`) of a version (R7.1).
    MinutesStep {
        meeting_id: Id,
        number: u32,
        kind: String,
        by: String,
        at: Time,
        opinion: String,
    },
    /// Start the tidied record: one row per verbatim entry (those that have none).
    TidyStart { meeting_id: Id, rows: Vec<TidyRow> },
    /// One entry of the tidied record: its mode and text.
    TidyEntry {
        entry_id: Id,
        mode: String,
        text: String,
    },
    /// The tidied record is finished (or reopened).
    TidyFinished { meeting_id: Id, finished: bool },
    /// A follow-up item's status, with the note saying why (done / stalled / reopened).
    FollowUpStatus {
        item_id: Id,
        status: String,
        on: NaiveDate,
        by: String,
        note: String,
    },
    /// A dated progress note (`note`) or a problem reported to the director (`problem`).
    FollowUpNote {
        note_id: Id,
        item_id: Id,
        kind: String,
        on: NaiveDate,
        by: String,
        text: String,
    },
    /// The director's reply to the latest problem of the item not yet answered.
    FollowUpReply { item_id: Id, reply: String },
    /// The supervisor's discipline flag (§7.3.2).
    FollowUpFlag {
        item_id: Id,
        on: NaiveDate,
        by: String,
        note: String,
    },
    /// Register the meeting's papers in the ledger (登记造册).
    Register {
        meeting_id: Id,
        number: String,
        items: Vec<LedgerRow>,
    },
    /// The meeting's papers were written to the archive: from now on it is read-only.
    Archived { meeting_id: Id, folder: String },
}

/// One entry of the tidied record as first drafted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TidyRow {
    pub entry_id: Id,
    pub mode: String,
    pub text: String,
}

/// One paper of a ledger entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerRow {
    pub paper: String,
    pub title: String,
    pub pages: u32,
    pub copies: u32,
}

impl AfterChange {
    pub fn apply(&self, tx: &Tx<'_>) -> Result<()> {
        match self {
            Self::Close { meeting_id } => closing::close(tx, *meeting_id),
            Self::CarryOver {
                topic_id,
                to_meeting,
                reason,
                carried_as,
            } => closing::carry_over(tx, *topic_id, *to_meeting, reason, *carried_as),
            Self::PlanNext {
                meeting_id,
                from,
                starts_at,
                title,
            } => closing::plan_next(tx, *meeting_id, *from, *starts_at, title),
            Self::MinutesVersion {
                meeting_id,
                number,
                text,
                made_by,
                corrects,
            } => minutes::insert_version(tx, *meeting_id, *number, text, made_by, *corrects),
            Self::MinutesText {
                meeting_id,
                number,
                text,
            } => {
                super::lease::guard(tx, super::lease::MINUTES, *meeting_id)?;
                minutes::save_text(tx, *meeting_id, *number, text)
            }
            Self::MinutesStep {
                meeting_id,
                number,
                kind,
                by,
                at,
                opinion,
            } => minutes::take_step(tx, *meeting_id, *number, kind, by, *at, opinion),
            Self::TidyStart { meeting_id, rows } => tidy::start(tx, *meeting_id, rows),
            Self::TidyEntry {
                entry_id,
                mode,
                text,
            } => {
                super::lease::guard(tx, super::lease::TIDIED, *entry_id)?;
                tidy::save_entry(tx, *entry_id, mode, text)
            }
            Self::TidyFinished {
                meeting_id,
                finished,
            } => tidy::finish(tx, *meeting_id, *finished),
            Self::FollowUpStatus {
                item_id,
                status,
                on,
                by,
                note,
            } => followup::set_status(tx, *item_id, status, *on, by, note),
            Self::FollowUpNote {
                note_id,
                item_id,
                kind,
                on,
                by,
                text,
            } => followup::add_note(tx, *note_id, *item_id, kind, *on, by, text),
            Self::FollowUpReply { item_id, reply } => followup::reply(tx, *item_id, reply),
            Self::FollowUpFlag {
                item_id,
                on,
                by,
                note,
            } => followup::flag(tx, *item_id, *on, by, note),
            Self::Register {
                meeting_id,
                number,
                items,
            } => archive::register(tx, *meeting_id, number, items),
            Self::Archived { meeting_id, folder } => archive::archived(tx, *meeting_id, folder),
        }
    }

    /// Text a person typed in this change, if any (for the emergency file).
    /// The edit lease this change is written under, if it is guarded by one.
    pub fn lease_key(&self) -> Option<LeaseKey> {
        match self {
            Self::MinutesText { meeting_id, .. } => Some(LeaseKey::new(MINUTES, *meeting_id)),
            Self::TidyEntry { entry_id, .. } => Some(LeaseKey::new(TIDIED, *entry_id)),
            _ => None,
        }
    }

    pub fn typed_text(&self) -> Option<&str> {
        match self {
            Self::MinutesVersion { text, .. }
            | Self::MinutesText { text, .. }
            | Self::TidyEntry { text, .. }
            | Self::FollowUpNote { text, .. } => Some(text),
            Self::FollowUpStatus { note, .. } | Self::FollowUpFlag { note, .. } => Some(note),
            Self::FollowUpReply { reply, .. } => Some(reply),
            _ => None,
        }
    }
}
