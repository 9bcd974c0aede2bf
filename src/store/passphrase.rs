//! Each operator's screen-lock passphrase, as an Argon2id hash (issue 10). Setting or
//! removing it is audited (R9.4); the hash itself never goes into the audit trail.
use rusqlite::{OptionalExtension, params};

use super::time::time_text;
use super::tx::Audit;
use super::{Result, Store};

impl Store {
    /// The passphrase hash of `operator` (PHC string), if one is set.
    pub fn passphrase_hash(&self, operator: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT hash FROM operator_passphrase WHERE operator = ?1",
                [operator],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Set (Some) or remove (None) this store's operator's passphrase hash.
    pub fn set_passphrase_hash(&mut self, hash: Option<&str>) -> Result<()> {
        self.transact(|tx| {
            let operator = tx.operator().to_string();
            match hash {
                Some(h) => {
                    tx.execute(
                        "INSERT INTO operator_passphrase (operator, hash, set_at) VALUES (?1, ?2, ?3)
                         ON CONFLICT (operator) DO UPDATE SET hash = excluded.hash,
                           set_at = excluded.set_at",
                        params![operator, h, time_text(&tx.at())],
                    )?;
                }
                None => {
                    tx.execute(
                        "DELETE FROM operator_passphrase WHERE operator = ?1",
                        [&operator],
                    )?;
                }
            }
            let what = if hash.is_some() { "set" } else { "cleared" };
            tx.audit(Audit::new("passphrase", "operator", None).values(None, Some(what)))
        })
    }
}
