//! The tidied record (R7.2): per verbatim entry a summary or the words in full, and when
//! the tidying was finished.
use rusqlite::{OptionalExtension, params};

use super::after::TidyRow;
use super::time::{parse_time, time_text};
use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::procedure::Step;
use crate::domain::record_tidy::{Mode, TidiedEntry};
use crate::domain::{Id, Time};

pub fn mode_of(code: &str) -> Option<Mode> {
    [Mode::Summary, Mode::Detailed]
        .into_iter()
        .find(|m| m.code() == code)
}

impl Store {
    /// The tidied entries of a meeting, in the order of the record.
    pub fn tidied(&self, meeting_id: Id) -> Result<Vec<TidiedEntry>> {
        let mut st = self.conn().prepare_cached(
            "SELECT e.id, e.topic_id, e.step, e.speaker_name, d.mode, d.text
             FROM tidied_entry d JOIN entry e ON e.id = d.entry_id
             JOIN topic t ON t.id = e.topic_id
             WHERE t.meeting_id = ?1 ORDER BY t.seq, e.step, e.seq, e.id",
        )?;
        let rows = st.query_map([meeting_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                r.get::<_, u8>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (entry_id, topic_id, step, speaker, mode, text) = row?;
            let (Some(step), Some(mode)) = (Step::from_number(step), mode_of(&mode)) else {
                return Err(StoreError::BadData(format!("tidied entry {entry_id}")));
            };
            out.push(TidiedEntry {
                entry_id,
                topic_id,
                step,
                speaker,
                mode,
                text,
            });
        }
        Ok(out)
    }

    /// When the tidied record was finished, and by whom.
    pub fn tidied_finished(&self, meeting_id: Id) -> Result<Option<(Time, String)>> {
        let row: Option<(Option<String>, Option<String>)> = self
            .conn()
            .prepare_cached(
                "SELECT finished_at, finished_by FROM tidied_record WHERE meeting_id = ?1",
            )?
            .query_row([meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(match row {
            Some((Some(at), by)) => parse_time(&at).map(|t| (t, by.unwrap_or_default())),
            _ => None,
        })
    }
}

pub(super) fn start(tx: &Tx<'_>, meeting_id: Id, rows: &[TidyRow]) -> Result<()> {
    for r in rows {
        mode_of(&r.mode).ok_or_else(|| StoreError::BadData(format!("mode {}", r.mode)))?;
        let n = tx.execute(
            "INSERT OR IGNORE INTO tidied_entry (entry_id, mode, text) VALUES (?1, ?2, ?3)",
            params![r.entry_id, r.mode, r.text],
        )?;
        if n > 0 {
            tx.audit(
                Audit::new("create", "tidied_entry", Some(r.entry_id))
                    .field(&r.mode)
                    .values(None, Some(&r.text)),
            )?;
        }
    }
    tx.execute(
        "INSERT OR IGNORE INTO tidied_record (meeting_id) VALUES (?1)",
        [meeting_id],
    )?;
    Ok(())
}

pub(super) fn save_entry(tx: &Tx<'_>, entry_id: Id, mode: &str, text: &str) -> Result<()> {
    mode_of(mode).ok_or_else(|| StoreError::BadData(format!("mode {mode}")))?;
    let old: Option<(String, String)> = tx
        .query_row(
            "SELECT mode, text FROM tidied_entry WHERE entry_id = ?1",
            [entry_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    tx.execute(
        "INSERT INTO tidied_entry (entry_id, mode, text) VALUES (?1, ?2, ?3)
         ON CONFLICT (entry_id) DO UPDATE SET mode = excluded.mode, text = excluded.text",
        params![entry_id, mode, text],
    )?;
    let (old_mode, old_text) = old.unzip();
    if old_mode.as_deref() != Some(mode) {
        tx.audit(
            Audit::new("edit", "tidied_entry", Some(entry_id))
                .field("mode")
                .values(old_mode.as_deref(), Some(mode)),
        )?;
    }
    if old_text.as_deref() != Some(text) {
        tx.audit(
            Audit::new("edit", "tidied_entry", Some(entry_id))
                .field("text")
                .values(old_text.as_deref(), Some(text)),
        )?;
    }
    Ok(())
}

pub(super) fn finish(tx: &Tx<'_>, meeting_id: Id, finished: bool) -> Result<()> {
    let at = finished.then(|| time_text(&tx.at()));
    let by = finished.then(|| tx.operator().to_string());
    tx.execute(
        "INSERT INTO tidied_record (meeting_id, finished_at, finished_by) VALUES (?1, ?2, ?3)
         ON CONFLICT (meeting_id) DO UPDATE SET finished_at = excluded.finished_at,
                                                finished_by = excluded.finished_by",
        params![meeting_id, at, by],
    )?;
    tx.audit(
        Audit::new("finish", "tidied_record", Some(meeting_id))
            .field("finished_at")
            .values(None, Some(at.as_deref().unwrap_or("reopened"))),
    )
}
