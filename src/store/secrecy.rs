//! The classification of a meeting's papers (R8.1): written by the one transaction type,
//! audited old → new, read when a paper is made.
use rusqlite::{OptionalExtension, params};

use super::tx::{Audit, Tx};
use super::window::Window;
use super::{Result, Store};
use crate::domain::Id;
use crate::domain::secrecy::{Secrecy, SecrecyLevel};

/// How the audit log shows a classification: "secret/1", "top_secret/-".
fn text(s: &Secrecy) -> String {
    let years = s.years.map_or_else(|| "-".to_string(), |y| y.to_string());
    format!("{}/{years}", s.level.code())
}

fn read(conn: &rusqlite::Connection, meeting_id: Id) -> Result<Option<Secrecy>> {
    let row: Option<(String, Option<u32>)> = conn
        .query_row(
            "SELECT level, years FROM meeting_secrecy WHERE meeting_id = ?1",
            [meeting_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(row.and_then(|(level, years)| {
        SecrecyLevel::from_code(&level).map(|level| Secrecy { level, years })
    }))
}

pub(super) fn set(tx: &Tx<'_>, meeting_id: Id, new: Option<Secrecy>) -> Result<()> {
    let old = read(tx, meeting_id)?;
    if old == new {
        return Ok(());
    }
    match new {
        Some(s) => tx.execute(
            "INSERT INTO meeting_secrecy (meeting_id, level, years) VALUES (?1, ?2, ?3)
             ON CONFLICT (meeting_id) DO UPDATE SET level = excluded.level,
               years = excluded.years",
            params![meeting_id, s.level.code(), s.years],
        )?,
        None => tx.execute(
            "DELETE FROM meeting_secrecy WHERE meeting_id = ?1",
            [meeting_id],
        )?,
    };
    let (old, new) = (old.as_ref().map(text), new.as_ref().map(text));
    tx.audit(
        Audit::new("edit", "meeting", Some(meeting_id))
            .field("secrecy")
            .values(old.as_deref(), new.as_deref()),
    )
}

impl Store {
    /// The classifications of the window's meetings: (meeting id, secrecy).
    pub fn secrecies(&self, since: &Window<'_>) -> Result<Vec<(Id, Secrecy)>> {
        let ids = since.ids();
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT meeting_id, level, years FROM meeting_secrecy WHERE meeting_id IN ({ids})"
        ))?;
        let rows = st.query_map([since.param()], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<u32>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, level, years) = row?;
            if let Some(level) = SecrecyLevel::from_code(&level) {
                out.push((id, Secrecy { level, years }));
            }
        }
        Ok(out)
    }

    /// The level and period the office set for a meeting's papers, if any.
    pub fn meeting_secrecy(&self, meeting_id: Id) -> Result<Option<Secrecy>> {
        read(self.conn(), meeting_id)
    }
}
