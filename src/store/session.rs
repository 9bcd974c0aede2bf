//! Where each operator was: the console reopens there after a restart (R9.1).
use rusqlite::{OptionalExtension, params};

use super::time::time_text;
use super::{Result, Store};
use crate::domain::{Id, Time};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionState {
    pub meeting_id: Option<Id>,
    pub topic_id: Option<Id>,
    pub step: Option<u8>,
    pub entry_id: Option<Id>,
    pub cursor_row: usize,
    pub cursor_col: usize,
}

impl Store {
    pub fn session(&self) -> Result<Option<SessionState>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT meeting_id, topic_id, step, entry_id, cursor_row, cursor_col
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
                    })
                },
            )
            .optional()?)
    }

    /// Not audited: where the caret is is not a change to the record.
    pub fn save_session(&mut self, s: &SessionState, at: Time) -> Result<()> {
        self.write(|tx, op| {
            tx.execute(
                "INSERT INTO session (operator, meeting_id, topic_id, step, entry_id,
                                      cursor_row, cursor_col, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (operator) DO UPDATE SET
                   meeting_id = excluded.meeting_id, topic_id = excluded.topic_id,
                   step = excluded.step, entry_id = excluded.entry_id,
                   cursor_row = excluded.cursor_row, cursor_col = excluded.cursor_col,
                   updated_at = excluded.updated_at",
                params![
                    op,
                    s.meeting_id,
                    s.topic_id,
                    s.step,
                    s.entry_id,
                    s.cursor_row as i64,
                    s.cursor_col as i64,
                    time_text(&at)
                ],
            )?;
            Ok(())
        })
    }
}
