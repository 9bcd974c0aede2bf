//! `huiwu check` (issue 10): every row `integrity_check` reports, the foreign keys, the
//! audit chain and the head file beside the database — read only.
use super::verify::{ChainReport, HeadState};
use super::{Result, Store};

/// Everything `huiwu check` looks at.
#[derive(Clone, Debug)]
pub struct Health {
    /// Rows of `PRAGMA integrity_check` other than "ok", and foreign keys that point
    /// nowhere.
    pub problems: Vec<String>,
    pub chain: ChainReport,
    pub head: HeadState,
}

impl Health {
    /// All is well: the only case `huiwu check` exits 0.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty() && self.chain.first_break.is_none() && !self.head.is_problem()
    }
}

impl Store {
    /// The whole check, read only.
    pub fn health(&self) -> Result<Health> {
        Ok(Health {
            problems: self.check()?,
            chain: self.verify_chain()?,
            head: self.head_state()?,
        })
    }

    /// SQLite's own checks: an empty list means the file and its references are sound.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut st = self.conn().prepare("PRAGMA integrity_check")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        let mut st = self.conn().prepare("PRAGMA foreign_key_check")?;
        let rows = st.query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            problems.push(row?);
        }
        Ok(problems)
    }
}
