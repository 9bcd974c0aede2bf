//! Topics on the agenda, and moving the meeting from one to the next.
use rusqlite::{Row, params};

use super::attendance::insert_event;
use super::time::{opt_time, time_text};
use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::attendance::EventKind;
use crate::domain::topic::{Channel, Scope, Topic, TopicStatus};
use crate::domain::{Id, Time};

impl Store {
    pub fn insert_topic(&mut self, t: &Topic) -> Result<Id> {
        self.transact(|tx| {
            tx.execute(
                "INSERT INTO topic (meeting_id, seq, title, department, deputy_id, channel, scope,
                                    needs_legal_review, alternatives, status, started_at, ended_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    t.meeting_id,
                    t.seq,
                    t.title,
                    t.department,
                    t.deputy_id,
                    t.channel.code(),
                    t.scope.number(),
                    t.needs_legal_review,
                    t.alternatives.join("\n"),
                    t.status.code(),
                    t.started_at.as_ref().map(time_text),
                    t.ended_at.as_ref().map(time_text),
                ],
            )?;
            let id = tx.last_insert_rowid();
            let what = format!(
                "{}; meeting={}; seq={}; {}; deputy={}; {}; scope={}; legal={}",
                t.title,
                t.meeting_id.map(|m| m.to_string()).unwrap_or_default(),
                t.seq,
                t.department,
                t.deputy_id.map(|d| d.to_string()).unwrap_or_default(),
                t.channel.code(),
                t.scope.number(),
                t.needs_legal_review
            );
            tx.audit(Audit::new("create", "topic", Some(id)).values(None, Some(&what)))?;
            Ok(id)
        })
    }

    /// The agenda of a meeting, in order.
    pub fn topics(&self, meeting_id: Id) -> Result<Vec<Topic>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, meeting_id, seq, title, department, deputy_id, channel, scope,
                    needs_legal_review, alternatives, status, started_at, ended_at
             FROM topic WHERE meeting_id = ?1 ORDER BY seq, id",
        )?;
        let rows = st.query_map([meeting_id], topic_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }

    /// End the current topic (if any) and begin the next (if any), with the attendance
    /// events that go with it (R5.3) — all in one transaction, so a crash never leaves
    /// the meeting between two topics.
    pub fn advance_topic(
        &mut self,
        meeting_id: Id,
        from: Option<Id>,
        to: Option<Id>,
        at: Time,
        events: &[(Id, EventKind)],
    ) -> Result<()> {
        self.transact_at(at, |tx| advance(tx, meeting_id, from, to, events))
    }
}

/// See [`Store::advance_topic`]; the time is the transaction's.
pub(super) fn advance(
    tx: &Tx<'_>,
    meeting_id: Id,
    from: Option<Id>,
    to: Option<Id>,
    events: &[(Id, EventKind)],
) -> Result<()> {
    let at = tx.at();
    let at_text = time_text(&at);
    if let Some(from) = from {
        tx.execute(
            "UPDATE topic SET status = 'done', ended_at = ?2 WHERE id = ?1",
            params![from, at_text],
        )?;
        tx.audit(
            Audit::new("end", "topic", Some(from))
                .field("status")
                .values(Some("current"), Some("done")),
        )?;
    }
    if let Some(to) = to {
        tx.execute(
            "UPDATE topic SET status = 'current', started_at = COALESCE(started_at, ?2)
             WHERE id = ?1",
            params![to, at_text],
        )?;
        tx.audit(
            Audit::new("start", "topic", Some(to))
                .field("status")
                .values(Some("pending"), Some("current")),
        )?;
    }
    let status = if to.is_some() {
        "in_progress"
    } else {
        "closed"
    };
    tx.execute(
        "UPDATE meeting SET current_topic_id = ?2, status = ?3 WHERE id = ?1",
        params![meeting_id, to, status],
    )?;
    tx.audit(
        Audit::new("current_topic", "meeting", Some(meeting_id))
            .field("current_topic_id")
            .values(
                from.map(|x| x.to_string()).as_deref(),
                to.map(|x| x.to_string()).as_deref(),
            ),
    )?;
    for (person, kind) in events {
        insert_event(tx, meeting_id, *person, kind, at, "")?;
    }
    Ok(())
}

fn topic_row(r: &Row<'_>) -> rusqlite::Result<Result<Topic>> {
    let id: Id = r.get(0)?;
    let channel: String = r.get(6)?;
    let scope: u8 = r.get(7)?;
    let status: String = r.get(10)?;
    let alternatives: String = r.get(9)?;
    let (Some(channel), Some(scope), Some(status)) = (
        Channel::from_code(&channel),
        Scope::new(scope),
        TopicStatus::from_code(&status),
    ) else {
        return Ok(Err(StoreError::BadData(format!(
            "topic {id}: channel {channel} / scope {scope} / status {status}"
        ))));
    };
    Ok(Ok(Topic {
        id,
        meeting_id: r.get(1)?,
        seq: r.get(2)?,
        title: r.get(3)?,
        department: r.get(4)?,
        deputy_id: r.get(5)?,
        channel,
        scope,
        needs_legal_review: r.get(8)?,
        alternatives: alternatives
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect(),
        status,
        started_at: opt_time(r.get(11)?),
        ended_at: opt_time(r.get(12)?),
    }))
}
