//! Summary minutes (R7.1): every version and each step of its approval chain. The order
//! of the chain and the freezing of reviewed and signed versions are the domain's rules
//! ([`crate::domain::minutes`]), checked again here on what is stored.
use rusqlite::{Connection, params};

use super::time::{parse_time, time_text};
use super::tx::{Audit, Tx, text_change};
use super::{Result, Store, StoreError};
use crate::domain::minutes::{Approval, Minutes, MinutesError, StepKind, Version};
use crate::domain::{Id, Time};

impl Store {
    /// The minutes of a meeting, all versions, or none before the first draft.
    pub fn minutes(&self, meeting_id: Id) -> Result<Option<Minutes>> {
        read(self.conn(), meeting_id)
    }
}

fn step_kind(code: &str) -> Option<StepKind> {
    [StepKind::Review, StepKind::SignOff]
        .into_iter()
        .find(|k| k.code() == code)
}

fn read(conn: &Connection, meeting_id: Id) -> Result<Option<Minutes>> {
    let bad =
        |what: String| StoreError::BadData(format!("minutes of meeting {meeting_id}: {what}"));
    let mut st = conn.prepare_cached(
        "SELECT number, text, made_by, made_at, corrects FROM minutes_version
         WHERE meeting_id = ?1 ORDER BY number",
    )?;
    let rows = st.query_map([meeting_id], |r| {
        Ok((
            r.get::<_, u32>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<u32>>(4)?,
        ))
    })?;
    let mut versions = Vec::new();
    for row in rows {
        let (number, text, made_by, made_at, corrects) = row?;
        let made_at = parse_time(&made_at).ok_or_else(|| bad(made_at.clone()))?;
        versions.push(Version {
            number,
            text,
            made_by,
            made_at,
            corrects,
            approvals: Vec::new(),
        });
    }
    let mut st = conn.prepare_cached(
        "SELECT number, kind, by_name, at, opinion FROM minutes_approval
         WHERE meeting_id = ?1 ORDER BY number, at",
    )?;
    let rows = st.query_map([meeting_id], |r| {
        Ok((
            r.get::<_, u32>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (number, kind, by, at, opinion) = row?;
        let kind = step_kind(&kind).ok_or_else(|| bad(kind.clone()))?;
        let at = parse_time(&at).ok_or_else(|| bad(at.clone()))?;
        if let Some(v) = versions.iter_mut().find(|v| v.number == number) {
            v.approvals.push(Approval {
                kind,
                by,
                at,
                opinion,
            });
            v.approvals.sort_by_key(|a| a.kind);
        }
    }
    Ok(Minutes::from_versions(meeting_id, versions))
}

fn refused(e: MinutesError) -> StoreError {
    StoreError::BadData(format!("minutes: {}", e.code()))
}

pub(super) fn insert_version(
    tx: &Tx<'_>,
    meeting_id: Id,
    number: u32,
    text: &str,
    made_by: &str,
    corrects: Option<u32>,
) -> Result<()> {
    // A correction follows the latest version; the first draft is version 1.
    let latest = read(tx, meeting_id)?.map(|m| m.current().number);
    if number != latest.map_or(1, |n| n + 1) {
        return Err(StoreError::BadData(format!(
            "minutes of meeting {meeting_id}: version {number} is not the next"
        )));
    }
    tx.execute(
        "INSERT INTO minutes_version (meeting_id, number, text, made_by, made_at, corrects)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            meeting_id,
            number,
            text,
            made_by,
            time_text(&tx.at()),
            corrects
        ],
    )?;
    let field = format!("version {number}");
    tx.audit(
        Audit::new("create", "minutes", Some(meeting_id))
            .field(&field)
            .values(None, Some(text)),
    )
}

pub(super) fn save_text(tx: &Tx<'_>, meeting_id: Id, number: u32, text: &str) -> Result<()> {
    let Some(mut minutes) = read(tx, meeting_id)? else {
        return Err(StoreError::BadData(format!(
            "minutes of meeting {meeting_id} are gone"
        )));
    };
    let old = match minutes.version(number) {
        Some(v) if v.number == minutes.current().number => v.text.clone(),
        _ => {
            return Err(StoreError::BadData(format!(
                "minutes of meeting {meeting_id}: version {number} is not the current one"
            )));
        }
    };
    if old == text {
        return Ok(());
    }
    minutes.edit(text.to_string()).map_err(refused)?;
    tx.execute(
        "UPDATE minutes_version SET text = ?3 WHERE meeting_id = ?1 AND number = ?2",
        params![meeting_id, number, text],
    )?;
    let (offset, removed, inserted) = text_change(&old, text);
    let field = format!("version {number} text@{offset}");
    tx.audit(
        Audit::new("edit", "minutes", Some(meeting_id))
            .field(&field)
            .values(Some(&removed), Some(&inserted)),
    )
}

pub(super) fn take_step(
    tx: &Tx<'_>,
    meeting_id: Id,
    number: u32,
    kind: &str,
    by: &str,
    at: Time,
    opinion: &str,
) -> Result<()> {
    let kind = step_kind(kind).ok_or_else(|| StoreError::BadData(format!("step {kind}")))?;
    let Some(mut minutes) = read(tx, meeting_id)? else {
        return Err(StoreError::BadData(format!(
            "minutes of meeting {meeting_id} are gone"
        )));
    };
    if minutes.current().number != number {
        return Err(StoreError::BadData(format!(
            "minutes of meeting {meeting_id}: version {number} is not the current one"
        )));
    }
    match kind {
        StepKind::Review => minutes.review(by, at, opinion),
        StepKind::SignOff => minutes.sign_off(by, at, opinion),
    }
    .map_err(refused)?;
    let at_text = time_text(&at);
    tx.execute(
        "INSERT INTO minutes_approval (meeting_id, number, kind, by_name, at, opinion)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![meeting_id, number, kind.code(), by.trim(), at_text, opinion],
    )?;
    let field = format!("version {number} {}", kind.code());
    let new = format!("{} {at_text}: {opinion}", by.trim());
    tx.audit(
        Audit::new(kind.code(), "minutes", Some(meeting_id))
            .field(&field)
            .values(None, Some(&new)),
    )
}
