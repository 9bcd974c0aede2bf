//! Reading the audit trail back for people (`huiwu audit show`, R9.4): who, when, what,
//! which field, old → new — all of it, or one meeting's, or since a day.
use chrono::NaiveDate;
use rusqlite::params;

use super::time::parse_time;
use super::{Result, Store};
use crate::domain::Id;

/// Audit entities whose id is the meeting's own.
const MEETING_ENTITIES: &[&str] = &[
    "meeting",
    "agenda",
    "room_booking",
    "minutes",
    "tidied_record",
    "ledger_entry",
    "classified_out_reason",
];

/// One audit row as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditLine {
    pub id: i64,
    pub at: String,
    pub operator: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<Id>,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Which rows to list.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// Only the rows of this meeting: itself, its topics and decisions, their entries and
    /// tidied text, its attendance and participants, its preparation (notices, replies,
    /// packages, classified copies, press exceptions) and its register items.
    pub meeting: Option<Id>,
    /// Only rows made on or after this day (in the time's own offset).
    pub since: Option<NaiveDate>,
}

impl Store {
    /// The audit rows the filter selects, oldest first.
    pub fn audit_lines(&self, filter: &AuditFilter) -> Result<Vec<AuditLine>> {
        let meeting_entities = MEETING_ENTITIES
            .iter()
            .map(|e| format!("'{e}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT id, at, operator, action, entity, entity_id, field, old, new FROM audit a
             WHERE ?1 IS NULL
                OR (a.entity IN ({meeting_entities}) AND a.entity_id = ?1)
                OR (a.entity IN ('topic', 'decision')
                    AND a.entity_id IN (SELECT id FROM topic WHERE meeting_id = ?1))
                OR (a.entity = 'entry' AND a.entity_id IN
                    (SELECT e.id FROM entry e JOIN topic t ON t.id = e.topic_id
                     WHERE t.meeting_id = ?1))
                OR (a.entity = 'attendance_event' AND a.entity_id IN
                    (SELECT id FROM attendance_event WHERE meeting_id = ?1))
                OR (a.entity = 'participation' AND a.entity_id IN
                    (SELECT id FROM participation WHERE meeting_id = ?1))
                OR (a.entity = 'tidied_entry' AND a.entity_id IN
                    (SELECT e.id FROM entry e JOIN topic t ON t.id = e.topic_id
                     WHERE t.meeting_id = ?1))
                OR (a.entity = 'review_entry' AND a.entity_id IN
                    (SELECT r.id FROM review_entry r JOIN topic t ON t.id = r.topic_id
                     WHERE t.meeting_id = ?1))
                OR (a.entity = 'notice' AND a.entity_id IN
                    (SELECT id FROM notice WHERE meeting_id = ?1))
                OR (a.entity = 'notice_reply' AND a.entity_id IN
                    (SELECT id FROM notice_reply WHERE meeting_id = ?1))
                OR (a.entity = 'coverage_exception' AND a.entity_id IN
                    (SELECT id FROM coverage_exception WHERE meeting_id = ?1))
                OR (a.entity = 'material_package' AND a.entity_id IN
                    (SELECT id FROM material_package WHERE meeting_id = ?1))
                OR (a.entity = 'classified_copy' AND a.entity_id IN
                    (SELECT id FROM classified_copy WHERE meeting_id = ?1))
                OR (a.entity = 'followup_item' AND a.entity_id IN
                    (SELECT id FROM followup_item WHERE meeting_id = ?1))
             ORDER BY id"
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(params![filter.meeting], |r| {
            Ok(AuditLine {
                id: r.get(0)?,
                at: r.get(1)?,
                operator: r.get(2)?,
                action: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                field: r.get(6)?,
                old: r.get(7)?,
                new: r.get(8)?,
            })
        })?;
        let mut out = Vec::new();
        for row in rows {
            let row = row?;
            let day = parse_time(&row.at).map(|t| t.date_naive());
            if filter.since.is_some_and(|s| day.is_none_or(|d| d < s)) {
                continue;
            }
            out.push(row);
        }
        Ok(out)
    }
}
