//! Where each operator was: the console reopens there after a restart (R9.1).
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::time::time_text;
use super::tx::Tx;
use super::{Result, Store};
use crate::domain::Id;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionState {
    pub meeting_id: Option<Id>,
    pub topic_id: Option<Id>,
    pub step: Option<u8>,
    pub entry_id: Option<Id>,
    pub cursor_row: usize,
    pub cursor_col: usize,
    /// The pane the operator last worked in (a screen's own name for it).
    #[serde(default)]
    pub pane: Option<String>,
}

impl Store {
    pub fn session(&self) -> Result<Option<SessionState>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT meeting_id, topic_id, step, entry_id, cursor_row, cursor_col, pane
                 FROM session WHERE operator = ?1",
                [self.operator()],
                |r| {
                    Ok(SessionState {
                        meeting_id: r.get(0)?,
                        topic_id: r.get(1)?,
                        step: r.get(2)?,
                        entry_id: r.get(3)?,
                        cursor_row: r.get::<_, i64>(4)?.max(0) as usize,
                        cursor_col: r.get::<_, i64>(5)?.max(0) as usize,
                        pane: r.get(6)?,
                    })
                },
            )
            .optional()?)
    }

    /// Not audited: where the caret is is not a change to the record.
    pub fn save_session(&mut self, s: &SessionState) -> Result<()> {
        self.transact(|tx| save_session(tx, s))
    }
}

pub(super) fn save_session(tx: &Tx<'_>, s: &SessionState) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO session (operator, meeting_id, topic_id, step, entry_id,
                              cursor_row, cursor_col, pane, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (operator) DO UPDATE SET
           meeting_id = excluded.meeting_id, topic_id = excluded.topic_id,
           step = excluded.step, entry_id = excluded.entry_id,
           cursor_row = excluded.cursor_row, cursor_col = excluded.cursor_col,
           pane = excluded.pane, updated_at = excluded.updated_at",
    )?
    .execute(params![
        tx.operator(),
        s.meeting_id,
        s.topic_id,
        s.step,
        s.entry_id,
        s.cursor_row as i64,
        s.cursor_col as i64,
        s.pane,
        time_text(&tx.at())
    ])?;
    Ok(())
}
