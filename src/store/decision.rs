//! The director's decision on each topic (R6.5).
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::time::{parse_time, time_text};
use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::Id;
use crate::domain::decision::{Decision, Outcome};

impl Store {
    pub fn decision(&self, topic_id: Id) -> Result<Option<Decision>> {
        read_decision(self.conn(), topic_id)
    }

    pub fn save_decision(&mut self, d: &Decision) -> Result<()> {
        self.transact(|tx| save_decision(tx, d))
    }
}

pub(super) fn read_decision(conn: &rusqlite::Connection, topic_id: Id) -> Result<Option<Decision>> {
    conn.prepare_cached(
        "SELECT topic_id, outcome, text, alternative, deputy_id, units, deadline,
                    supervisor, dissent, decided_at
             FROM decision WHERE topic_id = ?1",
    )?
    .query_row([topic_id], |r| {
        let outcome: Option<String> = r.get(1)?;
        let deadline: Option<String> = r.get(6)?;
        let decided: Option<String> = r.get(9)?;
        let d = Decision {
            topic_id: r.get(0)?,
            outcome: outcome.as_deref().and_then(Outcome::from_code),
            text: r.get(2)?,
            alternative: r.get(3)?,
            deputy_id: r.get(4)?,
            units: r.get(5)?,
            deadline: deadline
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            supervisor: r.get(7)?,
            dissent: r.get(8)?,
            decided_at: decided.as_deref().and_then(parse_time),
        };
        // What is stored but cannot be read is reported, never shown as unset.
        let unreadable = (outcome.is_some() && d.outcome.is_none())
            || (deadline.is_some() && d.deadline.is_none())
            || (decided.is_some() && d.decided_at.is_none());
        Ok((d, unreadable))
    })
    .optional()?
    .map(|(d, unreadable)| {
        if unreadable {
            Err(StoreError::BadData(format!("decision of topic {topic_id}")))
        } else {
            Ok(d)
        }
    })
    .transpose()
}

/// Each field of a decision as the audit shows it: (name, value).
fn fields(d: &Decision) -> [(&'static str, String); 9] {
    let opt = |s: Option<String>| s.unwrap_or_default();
    [
        ("outcome", opt(d.outcome.map(|o| o.code().to_string()))),
        ("text", d.text.clone()),
        ("alternative", opt(d.alternative.map(|a| a.to_string()))),
        ("deputy_id", opt(d.deputy_id.map(|a| a.to_string()))),
        ("units", d.units.clone()),
        (
            "deadline",
            opt(d.deadline.map(|x| x.format("%Y-%m-%d").to_string())),
        ),
        ("supervisor", d.supervisor.clone()),
        ("dissent", d.dissent.clone()),
        ("decided_at", opt(d.decided_at.as_ref().map(time_text))),
    ]
}

/// Write a decision; one audit row per field that changed, with its old and new value.
pub(super) fn save_decision(tx: &Tx<'_>, d: &Decision) -> Result<()> {
    let old = read_decision(tx, d.topic_id)?;
    tx.execute(
        "INSERT INTO decision (topic_id, outcome, text, alternative, deputy_id, units,
                               deadline, supervisor, dissent, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (topic_id) DO UPDATE SET
           outcome = excluded.outcome, text = excluded.text,
           alternative = excluded.alternative, deputy_id = excluded.deputy_id,
           units = excluded.units, deadline = excluded.deadline,
           supervisor = excluded.supervisor, dissent = excluded.dissent,
           decided_at = excluded.decided_at",
        params![
            d.topic_id,
            d.outcome.map(Outcome::code),
            d.text,
            d.alternative,
            d.deputy_id,
            d.units,
            d.deadline.map(|x| x.format("%Y-%m-%d").to_string()),
            d.supervisor,
            d.dissent,
            d.decided_at.as_ref().map(time_text),
        ],
    )?;
    let new = fields(d);
    let action = if old.is_some() { "save" } else { "create" };
    let before = old.as_ref().map(fields);
    let mut any = false;
    for (i, (name, value)) in new.iter().enumerate() {
        let was = before
            .as_ref()
            .and_then(|b| b.get(i))
            .map(|(_, v)| v.as_str());
        if was == Some(value.as_str()) || (was.is_none() && value.is_empty()) {
            continue;
        }
        any = true;
        tx.audit(
            Audit::new(action, "decision", Some(d.topic_id))
                .field(name)
                .values(was, Some(value)),
        )?;
    }
    if !any && old.is_none() {
        // A new, empty decision is still a change to the record.
        tx.audit(Audit::new(action, "decision", Some(d.topic_id)))?;
    }
    Ok(())
}
