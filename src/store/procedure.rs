//! The recorder's entries and the times of each step (R6).
use rusqlite::{OptionalExtension, Row, params};

use super::time::{parse_time, time_text};
use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::procedure::{Entry, Step, StepRecord};
use crate::domain::{Id, Time};

/// A new entry, before it has an id.
pub struct NewEntry<'a> {
    pub topic_id: Id,
    pub step: Step,
    pub speaker_id: Option<Id>,
    pub speaker_name: &'a str,
    pub off_list: bool,
    pub started_at: Time,
}

impl Store {
    /// Start a new entry at the end of its step.
    pub fn insert_entry(&mut self, e: &NewEntry<'_>) -> Result<Entry> {
        self.transact_at(e.started_at, |tx| {
            let seq: u32 = tx.query_row(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM entry WHERE topic_id = ?1 AND step = ?2",
                params![e.topic_id, e.step.number()],
                |r| r.get(0),
            )?;
            let mut entry = Entry {
                id: 0,
                topic_id: e.topic_id,
                step: e.step,
                seq,
                speaker_id: e.speaker_id,
                speaker_name: e.speaker_name.to_string(),
                off_list: e.off_list,
                started_at: e.started_at,
                text: String::new(),
            };
            entry.id = insert_entry(tx, &entry, false)?;
            Ok(entry)
        })
    }

    /// Save the text of several entries in one transaction: either all of them reach the
    /// disk or none does, so the database always holds a complete version (R9.1).
    pub fn save_entry_texts(&mut self, items: &[(Id, String)], at: Time) -> Result<()> {
        self.transact_at(at, |tx| {
            for (id, text) in items {
                save_text(tx, *id, text)?;
            }
            Ok(())
        })
    }

    pub fn entries(&self, topic_id: Id) -> Result<Vec<Entry>> {
        let mut st = self.conn().prepare_cached(
            "SELECT id, topic_id, step, seq, speaker_id, speaker_name, off_list, started_at, text
             FROM entry WHERE topic_id = ?1 ORDER BY step, seq, id",
        )?;
        let rows = st.query_map([topic_id], entry_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }

    /// The text of one entry as it is on the disk.
    pub fn entry_text(&self, entry_id: Id) -> Result<Option<String>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT text FROM entry WHERE id = ?1")?
            .query_row([entry_id], |r| r.get(0))
            .optional()?)
    }

    pub fn step_records(&self, topic_id: Id) -> Result<Vec<StepRecord>> {
        let mut st = self.conn().prepare_cached(
            "SELECT topic_id, step, started_at, ended_at FROM step_record
             WHERE topic_id = ?1 ORDER BY step",
        )?;
        let rows = st.query_map([topic_id], |r| {
            let step: u8 = r.get(1)?;
            let started: Option<String> = r.get(2)?;
            let ended: Option<String> = r.get(3)?;
            Ok((r.get::<_, Id>(0)?, step, started, ended))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (topic_id, n, started, ended) = row?;
            // A step or time that cannot be read is reported, never shown as blank: this
            // is the official record.
            let bad = || StoreError::BadData(format!("step record {topic_id}/{n}"));
            let step = Step::from_number(n).ok_or_else(bad)?;
            let time = |t: Option<String>| match t {
                None => Ok(None),
                Some(t) => parse_time(&t).map(Some).ok_or_else(bad),
            };
            out.push(StepRecord {
                topic_id,
                step,
                started_at: time(started)?,
                ended_at: time(ended)?,
            });
        }
        Ok(out)
    }

    /// Leave one step and enter another: the end time of the first, the start time of
    /// the second (kept from the first time it was entered).
    pub fn change_step(
        &mut self,
        topic_id: Id,
        leave: Option<Step>,
        enter: Option<Step>,
        at: Time,
    ) -> Result<()> {
        self.transact_at(at, |tx| change_step(tx, topic_id, leave, enter))
    }

    /// Name the speaker of an entry (the recorder started typing before picking one).
    pub fn set_entry_speaker(
        &mut self,
        entry_id: Id,
        speaker_id: Option<Id>,
        speaker_name: &str,
        off_list: bool,
    ) -> Result<()> {
        self.transact(|tx| set_speaker(tx, entry_id, speaker_id, speaker_name, off_list))
    }
}

/// Insert an entry. With `keep_id` the entry's own id is used (chosen by the console so
/// it can save text into the entry before this insert has reached the disk).
pub(super) fn insert_entry(tx: &Tx<'_>, e: &Entry, keep_id: bool) -> Result<Id> {
    // An entry brought back from an emergency file may be there already: keep it.
    let inserted = tx.execute(
        "INSERT INTO entry (id, topic_id, step, seq, speaker_id, speaker_name, off_list,
                            started_at, text, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8)
         ON CONFLICT (id) DO NOTHING",
        params![
            keep_id.then_some(e.id),
            e.topic_id,
            e.step.number(),
            e.seq,
            e.speaker_id,
            e.speaker_name,
            e.off_list,
            time_text(&e.started_at),
            e.text
        ],
    )?;
    if inserted == 0 {
        return Ok(e.id);
    }
    let id = tx.last_insert_rowid();
    let what = format!(
        "topic {} step {} #{}; speaker={}{}",
        e.topic_id,
        e.step.number(),
        e.seq,
        e.speaker_name,
        if e.off_list { " (off list)" } else { "" }
    );
    tx.audit(Audit::new("create", "entry", Some(id)).values(None, Some(&what)))?;
    Ok(id)
}

/// Save one entry's text; the audit row holds the part that changed, old → new, and
/// where it is ("text@N", N characters from the start).
pub(super) fn save_text(tx: &Tx<'_>, id: Id, text: &str) -> Result<()> {
    super::entry_text::save_entry_text(tx, id, &[super::entry_text::TextSave::Whole(text)], false)
}

pub(super) fn change_step(
    tx: &Tx<'_>,
    topic_id: Id,
    leave: Option<Step>,
    enter: Option<Step>,
) -> Result<()> {
    let at_text = time_text(&tx.at());
    if let Some(s) = leave {
        tx.execute(
            "INSERT INTO step_record (topic_id, step, started_at, ended_at)
             VALUES (?1, ?2, NULL, ?3)
             ON CONFLICT (topic_id, step) DO UPDATE SET ended_at = excluded.ended_at",
            params![topic_id, s.number(), at_text],
        )?;
    }
    if let Some(s) = enter {
        tx.execute(
            "INSERT INTO step_record (topic_id, step, started_at, ended_at)
             VALUES (?1, ?2, ?3, NULL)
             ON CONFLICT (topic_id, step) DO UPDATE
             SET started_at = COALESCE(started_at, excluded.started_at)",
            params![topic_id, s.number(), at_text],
        )?;
    }
    tx.audit(
        Audit::new("step", "topic", Some(topic_id))
            .field("step")
            .values(
                leave.map(|s| s.number().to_string()).as_deref(),
                enter.map(|s| s.number().to_string()).as_deref(),
            ),
    )
}

pub(super) fn set_speaker(
    tx: &Tx<'_>,
    entry_id: Id,
    speaker_id: Option<Id>,
    speaker_name: &str,
    off_list: bool,
) -> Result<()> {
    let old: String = tx.query_row(
        "SELECT speaker_name FROM entry WHERE id = ?1",
        [entry_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE entry SET speaker_id = ?2, speaker_name = ?3, off_list = ?4 WHERE id = ?1",
        params![entry_id, speaker_id, speaker_name, off_list],
    )?;
    tx.audit(
        Audit::new("speaker", "entry", Some(entry_id))
            .field("speaker_name")
            .values(Some(&old), Some(speaker_name)),
    )
}

fn entry_row(r: &Row<'_>) -> rusqlite::Result<Result<Entry>> {
    let id: Id = r.get(0)?;
    let step: u8 = r.get(2)?;
    let started: String = r.get(7)?;
    let (Some(step), Some(started_at)) = (Step::from_number(step), parse_time(&started)) else {
        return Ok(Err(StoreError::BadData(format!("entry {id}: step {step}"))));
    };
    Ok(Ok(Entry {
        id,
        topic_id: r.get(1)?,
        step,
        seq: r.get(3)?,
        speaker_id: r.get(4)?,
        speaker_name: r.get(5)?,
        off_list: r.get(6)?,
        started_at,
        text: r.get(8)?,
    }))
}
