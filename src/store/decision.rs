//! The director's decision on each topic (R6.5).
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::time::{opt_time, time_text};
use super::{Result, Store, audit};
use crate::domain::Id;
use crate::domain::decision::{Decision, Outcome};

impl Store {
    pub fn decision(&self, topic_id: Id) -> Result<Option<Decision>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT topic_id, outcome, text, alternative, deputy_id, units, deadline,
                        supervisor, dissent, decided_at
                 FROM decision WHERE topic_id = ?1",
                [topic_id],
                |r| {
                    let outcome: Option<String> = r.get(1)?;
                    let deadline: Option<String> = r.get(6)?;
                    Ok(Decision {
                        topic_id: r.get(0)?,
                        outcome: outcome.as_deref().and_then(Outcome::from_code),
                        text: r.get(2)?,
                        alternative: r.get(3)?,
                        deputy_id: r.get(4)?,
                        units: r.get(5)?,
                        deadline: deadline
                            .as_deref()
                            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                        supervisor: r.get(7)?,
                        dissent: r.get(8)?,
                        decided_at: opt_time(r.get(9)?),
                    })
                },
            )
            .optional()?)
    }

    pub fn save_decision(&mut self, d: &Decision) -> Result<()> {
        self.write(|tx, op| {
            let old: Option<String> = tx
                .query_row(
                    "SELECT COALESCE(outcome, '') || ' ' || text FROM decision WHERE topic_id = ?1",
                    [d.topic_id],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute(
                "INSERT INTO decision (topic_id, outcome, text, alternative, deputy_id, units,
                                       deadline, supervisor, dissent, decided_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (topic_id) DO UPDATE SET
                   outcome = excluded.outcome, text = excluded.text,
                   alternative = excluded.alternative, deputy_id = excluded.deputy_id,
                   units = excluded.units, deadline = excluded.deadline,
                   supervisor = excluded.supervisor, dissent = excluded.dissent,
                   decided_at = excluded.decided_at",
                params![
                    d.topic_id,
                    d.outcome.map(Outcome::code),
                    d.text,
                    d.alternative,
                    d.deputy_id,
                    d.units,
                    d.deadline.map(|x| x.format("%Y-%m-%d").to_string()),
                    d.supervisor,
                    d.dissent,
                    d.decided_at.as_ref().map(time_text),
                ],
            )?;
            let new = format!("{} {}", d.outcome.map(Outcome::code).unwrap_or(""), d.text);
            audit(
                tx,
                op,
                "save",
                "decision",
                Some(d.topic_id),
                old.as_deref(),
                Some(&new),
            )
        })
    }
}
