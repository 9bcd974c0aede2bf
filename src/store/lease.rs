//! Edit leases (issue 10, R9.1): a record open for editing in one terminal is read-only in
//! the others, so two terminals never overwrite each other's text.
//!
//! A lease names a record by (entity, id) and the process that edits it. The holder takes
//! it through the save queue ([`super::change::Change::Lease`]) and renews it every few
//! seconds while it edits; one not renewed for [`STALE_AFTER_MS`] may be taken over, after
//! a confirmation, naming the exact renewal it replaces (so a holder that was only slow,
//! and renewed meanwhile, keeps it). The write itself is guarded too ([`guard`]): a text
//! or a decision is refused while another terminal holds a fresh lease on it, whatever
//! the screen believed — the refused change stays with its terminal (emergency file).
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::tx::Tx;
use super::{Result, Store, StoreError};
use crate::domain::{Id, Time};

/// A lease not renewed for this long (30 s) may be taken over, after a confirmation.
pub const STALE_AFTER_MS: i64 = 30_000;

/// The entry of the recorder's pane (id: the entry's).
pub const ENTRY: &str = "entry";
/// The decision of a topic (id: the topic's).
pub const DECISION: &str = "decision";
/// A topic's registration form in the back office (id: the topic's).
pub const TOPIC: &str = "topic";
/// A meeting's own form in the back office (id: the meeting's).
pub const MEETING: &str = "meeting";
/// A person on the roster (id: the person's).
pub const PERSON: &str = "person";
/// The draft of a meeting's minutes in F4 (id: the meeting's).
pub const MINUTES: &str = "minutes";
/// The tidied text of one entry in F4 (id: the entry's).
pub const TIDIED: &str = "tidied_entry";

/// The record a lease is on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LeaseKey {
    pub entity: String,
    pub id: Id,
}

impl LeaseKey {
    pub fn new(entity: &str, id: Id) -> Self {
        Self {
            entity: entity.to_string(),
            id,
        }
    }

    pub fn entry(id: Id) -> Self {
        Self::new(ENTRY, id)
    }

    pub fn decision(topic_id: Id) -> Self {
        Self::new(DECISION, topic_id)
    }
}

/// A lease as the table holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeaseRow {
    pub key: LeaseKey,
    /// The process holding it (its writer id).
    pub holder: String,
    /// Where that process runs (see [`host_id`]).
    pub host: String,
    /// Who is shown as editing.
    pub operator: String,
    pub taken_at: i64,
    pub renewed_at: i64,
}

impl LeaseRow {
    /// Not renewed for [`STALE_AFTER_MS`] by `now_ms`.
    pub fn stale(&self, now_ms: i64) -> bool {
        now_ms - self.renewed_at >= STALE_AFTER_MS
    }
}

/// What a lease change does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum LeaseOp {
    /// Take the lease (or keep it, if ours). `replace`: the holder and renewal time of a
    /// lease judged stale or abandoned; it is replaced only if it is still exactly that.
    Take { replace: Option<(String, i64)> },
    /// Still editing: renew it, if it is still ours.
    Renew,
    /// Done: let it go, if it is still ours.
    Release,
}

/// Milliseconds since 1970, as lease times are kept.
pub fn millis(t: Time) -> i64 {
    t.timestamp_millis()
}

/// Where this process runs: the host name and the pid namespace, so that a lease whose
/// process is gone can be recognised by another process on the same machine (and only
/// there: a process elsewhere cannot be asked).
pub fn host_id() -> &'static str {
    use std::sync::OnceLock;
    static HOST: OnceLock<String> = OnceLock::new();
    HOST.get_or_init(|| {
        let ns = std::fs::read_link("/proc/self/ns/pid")
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        format!("{}/{ns}", hostname())
    })
}

#[cfg(unix)]
fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most buf.len() bytes into the buffer given.
    let ok = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0;
    if !ok {
        return String::new();
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

#[cfg(not(unix))]
fn hostname() -> String {
    String::new()
}

/// Apply a lease change in `tx`, for the process writing.
pub(super) fn apply(tx: &Tx<'_>, key: &LeaseKey, op: &LeaseOp) -> Result<()> {
    let at = millis(tx.at());
    match op {
        LeaseOp::Take { replace } => {
            let (old_holder, old_renewed) = replace.clone().unwrap_or_default();
            tx.prepare_cached(
                "INSERT INTO lease (entity, entity_id, holder, host, operator, taken_at, renewed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                 ON CONFLICT (entity, entity_id) DO UPDATE SET
                   taken_at = CASE WHEN lease.holder = excluded.holder
                                   THEN lease.taken_at ELSE excluded.taken_at END,
                   renewed_at = CASE WHEN lease.holder = excluded.holder
                                   THEN max(lease.renewed_at, excluded.renewed_at)
                                   ELSE excluded.renewed_at END,
                   holder = excluded.holder, host = excluded.host,
                   operator = excluded.operator
                 WHERE lease.holder = excluded.holder
                    OR (lease.holder = ?7 AND lease.renewed_at = ?8)",
            )?
            .execute(params![
                key.entity,
                key.id,
                tx.writer(),
                host_id(),
                tx.operator(),
                at,
                old_holder,
                old_renewed
            ])?;
        }
        LeaseOp::Renew => {
            tx.prepare_cached(
                "UPDATE lease SET renewed_at = max(renewed_at, ?4)
                 WHERE entity = ?1 AND entity_id = ?2 AND holder = ?3",
            )?
            .execute(params![key.entity, key.id, tx.writer(), at])?;
        }
        LeaseOp::Release => {
            tx.prepare_cached(
                "DELETE FROM lease WHERE entity = ?1 AND entity_id = ?2 AND holder = ?3",
            )?
            .execute(params![key.entity, key.id, tx.writer()])?;
        }
    }
    Ok(())
}

/// Before writing the record `(entity, id)`: refuse while another process holds a lease
/// on it that was fresh when the change was made; renew our own.
pub(super) fn guard(tx: &Tx<'_>, entity: &str, id: Id) -> Result<()> {
    let at = millis(tx.at());
    let row: Option<(String, String, i64)> = tx
        .prepare_cached(
            "SELECT holder, operator, renewed_at FROM lease WHERE entity = ?1 AND entity_id = ?2",
        )?
        .query_row(params![entity, id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    match row {
        Some((holder, operator, renewed))
            if holder != tx.writer() && renewed >= at - STALE_AFTER_MS =>
        {
            return Err(StoreError::Leased { operator });
        }
        // Another's lease, gone stale: its holder stopped answering.
        Some((holder, _, _)) if holder != tx.writer() => {}
        Some(_) => {
            tx.prepare_cached(
                "UPDATE lease SET renewed_at = max(renewed_at, ?3)
                 WHERE entity = ?1 AND entity_id = ?2",
            )?
            .execute(params![entity, id, at])?;
        }
        None => {}
    }
    Ok(())
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LeaseRow> {
    Ok(LeaseRow {
        key: LeaseKey {
            entity: r.get(0)?,
            id: r.get(1)?,
        },
        holder: r.get(2)?,
        host: r.get(3)?,
        operator: r.get(4)?,
        taken_at: r.get(5)?,
        renewed_at: r.get(6)?,
    })
}

const COLUMNS: &str = "entity, entity_id, holder, host, operator, taken_at, renewed_at";

impl Store {
    /// The lease on one record, if any.
    pub fn lease(&self, key: &LeaseKey) -> Result<Option<LeaseRow>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM lease WHERE entity = ?1 AND entity_id = ?2"
            ))?
            .query_row(params![key.entity, key.id], row)
            .optional()?)
    }

    /// Every lease, held by anyone.
    pub fn leases(&self) -> Result<Vec<LeaseRow>> {
        let mut st = self
            .conn()
            .prepare_cached(&format!("SELECT {COLUMNS} FROM lease"))?;
        let rows = st.query_map([], row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
