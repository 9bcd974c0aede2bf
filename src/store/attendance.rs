//! Attendance events: appended, never changed, so the record of the room is complete.
use rusqlite::{Row, params};

use super::time::{parse_time, time_text};
use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::attendance::{AttendanceEvent, EventKind, Place};
use crate::domain::{Id, Time};

impl Store {
    pub fn record_attendance(
        &mut self,
        meeting_id: Id,
        person_id: Id,
        kind: &EventKind,
        at: Time,
        note: &str,
    ) -> Result<Id> {
        self.transact_at(at, |tx| {
            insert_event(tx, meeting_id, person_id, kind, at, note)
        })
    }

    /// All attendance events of a meeting, oldest first.
    pub fn attendance_events(&self, meeting_id: Id) -> Result<Vec<AttendanceEvent>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, meeting_id, person_id, kind, place, reason, approver, at, note
             FROM attendance_event WHERE meeting_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([meeting_id], event_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }
}

pub(super) fn insert_event(
    tx: &Tx<'_>,
    meeting_id: Id,
    person_id: Id,
    kind: &EventKind,
    at: Time,
    note: &str,
) -> Result<Id> {
    let (place, reason, approver) = match kind {
        EventKind::CheckIn { place } => (Some(place.code()), "", ""),
        EventKind::Leave { reason, approver } => (None, reason.as_str(), approver.as_str()),
        EventKind::LeftEarly { reason } => (None, reason.as_str(), ""),
        _ => (None, "", ""),
    };
    let at_text = time_text(&at);
    tx.execute(
        "INSERT INTO attendance_event (meeting_id, person_id, kind, place, reason, approver, at, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![meeting_id, person_id, kind.code(), place, reason, approver, at_text, note],
    )?;
    let id = tx.last_insert_rowid();
    // The whole event, readable: who, what, where, when, why, approved by, note.
    let mut what = format!("person {person_id} {} {at_text}", kind.code());
    for (label, value) in [
        ("place", place.unwrap_or("")),
        ("reason", reason),
        ("approver", approver),
        ("note", note),
    ] {
        if !value.is_empty() {
            what.push_str(&format!("; {label}={value}"));
        }
    }
    tx.audit(Audit::new(kind.code(), "attendance_event", Some(id)).values(None, Some(&what)))?;
    Ok(id)
}

fn event_row(r: &Row<'_>) -> rusqlite::Result<Result<AttendanceEvent>> {
    let id: Id = r.get(0)?;
    let code: String = r.get(3)?;
    let place: Option<String> = r.get(4)?;
    let reason: String = r.get(5)?;
    let approver: String = r.get(6)?;
    let at: String = r.get(7)?;
    let kind = match code.as_str() {
        "check_in" => place
            .as_deref()
            .and_then(Place::from_code)
            .map(|place| EventKind::CheckIn { place }),
        "called_in" => Some(EventKind::CalledIn),
        "entered" => Some(EventKind::Entered),
        "leave" => Some(EventKind::Leave { reason, approver }),
        "absent" => Some(EventKind::Absent),
        "left_early" => Some(EventKind::LeftEarly { reason }),
        "topic_ended" => Some(EventKind::TopicEnded),
        "cleared" => Some(EventKind::Cleared),
        _ => None,
    };
    let (Some(kind), Some(at)) = (kind, parse_time(&at)) else {
        return Ok(Err(StoreError::BadData(format!(
            "attendance event {id}: {code} at {at}"
        ))));
    };
    Ok(Ok(AttendanceEvent {
        id,
        meeting_id: r.get(1)?,
        person_id: r.get(2)?,
        kind,
        at,
        note: r.get(8)?,
    }))
}
