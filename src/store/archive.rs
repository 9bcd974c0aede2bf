//! The archive (R7.4): the ledger (登记造册) and which meetings have been filed — those are
//! read-only from then on (the triggers of migration 0004 refuse every change).
use rusqlite::{OptionalExtension, params};

use super::after::LedgerRow;
use super::time::{parse_time, time_text};
use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::archive::{LedgerEntry, LedgerItem, Paper};
use crate::domain::{Id, Time};

impl Store {
    /// Every ledger entry, by number, with its items.
    pub fn ledger(&self) -> Result<Vec<LedgerEntry>> {
        self.ledger_where("", [])
    }

    /// One meeting's ledger entry, if it has one.
    pub fn ledger_of(&self, meeting_id: Id) -> Result<Option<LedgerEntry>> {
        Ok(self
            .ledger_where("WHERE l.meeting_id = ?1", [meeting_id.to_string()])?
            .pop())
    }

    /// The entries numbered in `year` ("2026-001"…), through the number's index.
    pub fn ledger_of_year(&self, year: i32) -> Result<Vec<LedgerEntry>> {
        self.ledger_where(
            "WHERE l.number >= ?1 AND l.number < ?2 AND m.is_demo = 0",
            [format!("{year}-"), format!("{year}.")],
        )
    }

    fn ledger_where<const N: usize>(
        &self,
        filter: &str,
        args: [String; N],
    ) -> Result<Vec<LedgerEntry>> {
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT l.meeting_id, l.number, m.title, m.starts_at, l.registered_by,
                    l.registered_at
             FROM ledger_entry l JOIN meeting m ON m.id = l.meeting_id {filter}
             ORDER BY l.number"
        ))?;
        let rows = st.query_map(rusqlite::params_from_iter(args), |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (meeting_id, number, title, starts, by, at) = row?;
            let (Some(starts), Some(at)) = (parse_time(&starts), parse_time(&at)) else {
                return Err(StoreError::BadData(format!("ledger entry {number}")));
            };
            out.push(LedgerEntry {
                number,
                meeting_id,
                meeting_title: title,
                meeting_date: starts.date_naive(),
                items: self.ledger_items(meeting_id)?,
                registered_by: by,
                registered_at: at,
            });
        }
        Ok(out)
    }

    fn ledger_items(&self, meeting_id: Id) -> Result<Vec<LedgerItem>> {
        let mut st = self.conn().prepare_cached(
            "SELECT paper, title, pages, copies FROM ledger_item WHERE meeting_id = ?1",
        )?;
        let rows = st.query_map([meeting_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, u32>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (paper, title, pages, copies) = row?;
            let paper = Paper::from_code(&paper)
                .ok_or_else(|| StoreError::BadData(format!("ledger paper {paper}")))?;
            out.push(LedgerItem {
                paper,
                title,
                pages,
                copies,
            });
        }
        out.sort_by_key(|i| i.paper);
        Ok(out)
    }

    /// When a meeting was archived, and into which folder; none while it is not.
    pub fn archived(&self, meeting_id: Id) -> Result<Option<(Time, String)>> {
        let row: Option<(String, String)> = self
            .conn()
            .prepare_cached(
                "SELECT archived_at, folder FROM archived_meeting WHERE meeting_id = ?1",
            )?
            .query_row([meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.and_then(|(at, folder)| parse_time(&at).map(|t| (t, folder))))
    }

    /// Is the meeting archived (and so read-only)?
    pub fn is_archived(&self, meeting_id: Id) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM archived_meeting WHERE meeting_id = ?1)")?
            .query_row([meeting_id], |r| r.get(0))?)
    }
}

pub(super) fn register(
    tx: &Tx<'_>,
    meeting_id: Id,
    number: &str,
    items: &[LedgerRow],
) -> Result<()> {
    let old: Option<String> = tx
        .query_row(
            "SELECT number FROM ledger_entry WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )
        .optional()?;
    tx.execute(
        "INSERT INTO ledger_entry (meeting_id, number, registered_by, registered_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (meeting_id) DO UPDATE SET number = excluded.number,
           registered_by = excluded.registered_by, registered_at = excluded.registered_at",
        params![meeting_id, number, tx.operator(), time_text(&tx.at())],
    )?;
    tx.execute(
        "DELETE FROM ledger_item WHERE meeting_id = ?1",
        [meeting_id],
    )?;
    let mut what = number.to_string();
    for i in items {
        Paper::from_code(&i.paper)
            .ok_or_else(|| StoreError::BadData(format!("ledger paper {}", i.paper)))?;
        tx.execute(
            "INSERT INTO ledger_item (meeting_id, paper, title, pages, copies)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![meeting_id, i.paper, i.title, i.pages, i.copies],
        )?;
        what.push_str(&format!("; {} {}p×{}", i.paper, i.pages, i.copies));
    }
    tx.audit(
        Audit::new("register", "ledger_entry", Some(meeting_id))
            .values(old.as_deref(), Some(&what)),
    )
}

pub(super) fn archived(tx: &Tx<'_>, meeting_id: Id, folder: &str) -> Result<()> {
    let at = time_text(&tx.at());
    tx.execute(
        "INSERT INTO archived_meeting (meeting_id, archived_at, archived_by, folder)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (meeting_id) DO UPDATE SET archived_at = excluded.archived_at,
           archived_by = excluded.archived_by, folder = excluded.folder",
        params![meeting_id, at, tx.operator(), folder],
    )?;
    tx.audit(
        Audit::new("archive", "meeting", Some(meeting_id))
            .field("folder")
            .values(None, Some(folder)),
    )
}
