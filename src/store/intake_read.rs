//! Reading topics and their review records back (see `intake.rs` for the writes).
use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::intake::RegisteredTopic;
use super::time::opt_time;
use super::{Result, Store, StoreError};
use crate::domain::Id;
use crate::domain::agenda::Urgency;
use crate::domain::intake::{LegalMatters, TopicRegistration};
use crate::domain::review::{ReviewEntry, ReviewItem, Verdict};
use crate::domain::topic::{Channel, Scope};
use crate::domain::topic_stage::TopicStage;

/// The stage the back office reads: a scheduled topic the console has ended is
/// discussed, and decided once its decision is marked.
const COLUMNS: &str = "t.id, t.title, t.department, t.deputy_id, t.channel, t.scope,
    t.alternatives, t.summary, t.legal_basis, t.background, t.involved_departments,
    t.legal_criminal, t.legal_public_order, t.legal_law_enforcement, t.material_copies,
    t.classified, t.submitted_on,
    CASE WHEN t.stage = 'scheduled' AND d.decided_at IS NOT NULL THEN 'decided'
         WHEN t.stage = 'scheduled' AND t.status = 'done' THEN 'discussed'
         ELSE t.stage END,
    t.meeting_id, t.seq, t.urgency, t.added_at, t.after_cutoff, t.needs_legal_review,
    t.carried_from, c.to_meeting";

use super::window::Window;

const FROM: &str = "FROM topic t LEFT JOIN decision d ON d.topic_id = t.id
    LEFT JOIN carry_over c ON c.topic_id = t.id";

pub(super) fn read(conn: &rusqlite::Connection, id: Id) -> Result<Option<RegisteredTopic>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} {FROM} WHERE t.id = ?1"),
        [id],
        row,
    )
    .optional()?
    .transpose()
}

fn lines(s: String) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<RegisteredTopic>> {
    let id: Id = r.get(0)?;
    let channel: String = r.get(4)?;
    let scope: u8 = r.get(5)?;
    let stage: String = r.get(17)?;
    let urgency: String = r.get(20)?;
    let (Some(channel), Some(scope), Some(stage), Some(urgency)) = (
        Channel::from_code(&channel),
        Scope::new(scope),
        TopicStage::from_code(&stage),
        Urgency::from_code(&urgency),
    ) else {
        return Ok(Err(StoreError::BadData(format!(
            "topic {id}: channel {channel} / scope {scope} / stage {stage} / urgency {urgency}"
        ))));
    };
    let submitted: Option<String> = r.get(16)?;
    let legal_review: bool = r.get(23)?;
    let mut legal_matters = LegalMatters {
        criminal: r.get(11)?,
        public_order: r.get(12)?,
        law_enforcement: r.get(13)?,
    };
    // A topic registered before the form had these boxes keeps its legal review.
    if legal_review && !legal_matters.any() {
        legal_matters.law_enforcement = true;
    }
    Ok(Ok(RegisteredTopic {
        id,
        registration: TopicRegistration {
            title: r.get(1)?,
            department: r.get(2)?,
            deputy_id: r.get::<_, Option<Id>>(3)?.unwrap_or_default(),
            channel,
            scope,
            summary: r.get(7)?,
            alternatives: lines(r.get(6)?),
            legal_basis: r.get(8)?,
            background: r.get(9)?,
            involved_departments: lines(r.get(10)?),
            legal_matters,
            material_copies: r.get(14)?,
            classified: r.get(15)?,
            submitted_on: submitted
                .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
                .unwrap_or_default(),
        },
        stage,
        meeting_id: r.get(18)?,
        seq: r.get(19)?,
        urgency,
        added_at: opt_time(r.get(21)?),
        after_cutoff: r.get(22)?,
        carried_from: r.get(24)?,
        carried_to: r.get(25)?,
    }))
}

impl Store {
    /// The topics of the back office's window and every topic not on an agenda yet,
    /// registered first first.
    pub fn registered_topics(&self, since: &Window<'_>) -> Result<Vec<RegisteredTopic>> {
        let ids = since.ids();
        let sql = format!(
            "SELECT {COLUMNS} {FROM} WHERE t.id IN (
                 SELECT id FROM topic WHERE meeting_id IN ({ids})
                 UNION SELECT id FROM topic WHERE meeting_id IS NULL)
             ORDER BY t.rowid"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([since.param()], row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(r??);
        }
        Ok(out)
    }

    /// The review records of the topics `registered_topics` reads, oldest first:
    /// (entry id, topic id, entry).
    pub fn review_entries(&self, since: &Window<'_>) -> Result<Vec<(Id, Id, ReviewEntry)>> {
        let ids = since.ids();
        let sql = format!(
            "SELECT id, topic_id, item, reviewed_by, at, verdict, note FROM review_entry
             WHERE topic_id IN (SELECT id FROM topic WHERE meeting_id IN ({ids})
                                UNION SELECT id FROM topic WHERE meeting_id IS NULL)
             ORDER BY id"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([since.param()], |r| {
            let id: Id = r.get(0)?;
            let topic_id: Id = r.get(1)?;
            let item: String = r.get(2)?;
            let verdict: String = r.get(5)?;
            let at: String = r.get(4)?;
            let entry = match (
                ReviewItem::from_code(&item),
                super::time::parse_time(&at),
                verdict.as_str(),
            ) {
                (Some(item), Some(at), "pass" | "fail") => Ok(ReviewEntry {
                    item,
                    by: r.get(3)?,
                    at,
                    verdict: if verdict == "pass" {
                        Verdict::Pass
                    } else {
                        Verdict::Fail
                    },
                    note: r.get(6)?,
                }),
                _ => Err(StoreError::BadData(format!("review entry {id}"))),
            };
            Ok(entry.map(|e| (id, topic_id, e)))
        })?;
        let mut out = Vec::new();
        for r in rows {
            out.push(r??);
        }
        Ok(out)
    }
}
