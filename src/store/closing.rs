//! Closing a meeting (R7): the end time, the topics carried over to a later meeting, the
//! next regular meeting planned for them, and the register items the close creates.
use rusqlite::{OptionalExtension, params};

use super::decision::read_decision;
use super::time::{parse_time, time_text};
use super::topic::advance;
use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError, followup, intake};
use crate::domain::followup::from_decision;
use crate::domain::{Id, Time};

/// When and by whom a meeting was closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closing {
    pub meeting_id: Id,
    pub closed_at: Time,
    pub closed_by: String,
}

/// A topic carried over to a later meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarryOver {
    pub topic_id: Id,
    pub to_meeting: Id,
    pub reason: String,
}

impl Store {
    pub fn closing(&self, meeting_id: Id) -> Result<Option<Closing>> {
        let row: Option<(String, String)> = self
            .conn()
            .prepare_cached(
                "SELECT closed_at, closed_by FROM meeting_closing WHERE meeting_id = ?1",
            )?
            .query_row([meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        row.map(|(at, by)| {
            parse_time(&at)
                .map(|closed_at| Closing {
                    meeting_id,
                    closed_at,
                    closed_by: by,
                })
                .ok_or_else(|| StoreError::BadData(format!("closing of meeting {meeting_id}")))
        })
        .transpose()
    }

    /// The topics of a meeting carried over, by topic.
    pub fn carry_overs(&self, meeting_id: Id) -> Result<Vec<CarryOver>> {
        let mut st = self.conn().prepare_cached(
            "SELECT c.topic_id, c.to_meeting, c.reason FROM carry_over c
             JOIN topic t ON t.id = c.topic_id WHERE t.meeting_id = ?1 ORDER BY t.seq",
        )?;
        let rows = st.query_map([meeting_id], |r| {
            Ok(CarryOver {
                topic_id: r.get(0)?,
                to_meeting: r.get(1)?,
                reason: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// Close: end the topic still under way, mark the meeting closed, record the end time and
/// who closed it, and put every decided topic in the follow-up register.
pub(super) fn close(tx: &Tx<'_>, meeting_id: Id) -> Result<()> {
    let already: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM meeting_closing WHERE meeting_id = ?1)",
        [meeting_id],
        |r| r.get(0),
    )?;
    if already {
        return Err(StoreError::BadData(format!(
            "meeting {meeting_id} is already closed"
        )));
    }
    let (current, status, starts): (Option<Id>, String, String) = tx.query_row(
        "SELECT current_topic_id, status, starts_at FROM meeting WHERE id = ?1",
        [meeting_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    if current.is_some() || status != "closed" {
        advance(tx, meeting_id, current, None, &[])?;
    }
    let at = time_text(&tx.at());
    tx.execute(
        "INSERT INTO meeting_closing (meeting_id, closed_at, closed_by) VALUES (?1, ?2, ?3)",
        params![meeting_id, at, tx.operator()],
    )?;
    tx.audit(
        Audit::new("close", "meeting", Some(meeting_id))
            .field("closed_at")
            .values(None, Some(&at)),
    )?;
    let date = parse_time(&starts)
        .map(|t| t.date_naive())
        .ok_or_else(|| StoreError::BadData(format!("meeting {meeting_id}: start {starts}")))?;
    let topics: Vec<(Id, String)> = tx
        .prepare_cached("SELECT id, title FROM topic WHERE meeting_id = ?1 ORDER BY seq, id")?
        .query_map([meeting_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (topic_id, title) in topics {
        let Some(d) = read_decision(tx, topic_id)? else {
            continue;
        };
        if let Some(item) = from_decision(0, meeting_id, date, &title, &d) {
            followup::insert_item(tx, &item)?;
        }
    }
    Ok(())
}

/// A topic not decided goes to a named later meeting: the carry-over row (the closing
/// check reads it; the original meeting's record says 顺延) and, in the same transaction,
/// the topic on that meeting's agenda by the back office's own carry-over (`carried_as`
/// its new id; none in a change written before it had one).
pub(super) fn carry_over(
    tx: &Tx<'_>,
    topic_id: Id,
    to_meeting: Id,
    reason: &str,
    carried_as: Option<Id>,
) -> Result<()> {
    let old: Option<Id> = tx
        .query_row(
            "SELECT to_meeting FROM carry_over WHERE topic_id = ?1",
            [topic_id],
            |r| r.get(0),
        )
        .optional()?;
    tx.execute(
        "INSERT INTO carry_over (topic_id, to_meeting, reason) VALUES (?1, ?2, ?3)
         ON CONFLICT (topic_id) DO UPDATE SET to_meeting = excluded.to_meeting,
                                              reason = excluded.reason",
        params![topic_id, to_meeting, reason],
    )?;
    let new = format!("{to_meeting}; {reason}");
    tx.audit(
        Audit::new("carry_over", "topic", Some(topic_id))
            .field("to_meeting")
            .values(old.map(|o| o.to_string()).as_deref(), Some(&new)),
    )?;
    let copy = carried_as.unwrap_or_else(super::new_id);
    intake::carry_to(tx, topic_id, copy, to_meeting)
}

/// A planned meeting at `starts_at` like `from`: room, waiting room, chair, and the people
/// who attend every meeting (attending leaders, whole-meeting sitting-in); its staff are
/// those of the previous real meeting (R2.2), the demo's own in the demo.
pub(super) fn plan_next(
    tx: &Tx<'_>,
    meeting_id: Id,
    from: Id,
    starts_at: Time,
    title: &str,
) -> Result<()> {
    let start = time_text(&starts_at);
    tx.execute(
        "INSERT INTO meeting (id, title, starts_at, room, waiting_room, chair_id, status,
                              postponed_from, current_topic_id, is_demo)
         SELECT ?1, ?2, ?3, room, waiting_room, chair_id, 'planned', NULL, NULL, is_demo
         FROM meeting WHERE id = ?4",
        params![meeting_id, title, start, from],
    )?;
    tx.execute(
        "INSERT INTO participation (meeting_id, person_id, role, topic_id, is_recorder)
         SELECT ?1, person_id, role, NULL, is_recorder FROM participation
         WHERE meeting_id = ?2 AND topic_id IS NULL AND role <> 'staff'",
        params![meeting_id, from],
    )?;
    let demo: bool = tx.query_row("SELECT is_demo FROM meeting WHERE id = ?1", [from], |r| {
        r.get(0)
    })?;
    let staff_from = if demo {
        Some(from)
    } else {
        previous_staff(tx, meeting_id, &start)?
    };
    if let Some(staff_from) = staff_from {
        copy_staff(tx, staff_from, meeting_id)?;
    }
    let what = format!("{title} {start}; planned after meeting {from}");
    tx.audit(Audit::new("create", "meeting", Some(meeting_id)).values(None, Some(&what)))
}

/// The latest real (not demo) meeting before `start` (other than `meeting_id`) that has
/// staff: whose office people serve a new meeting by default (R2.2). Through the
/// meeting window's index, newest first, stopping at the first with staff.
pub(super) fn previous_staff(tx: &Tx<'_>, meeting_id: Id, start: &str) -> Result<Option<Id>> {
    Ok(tx
        .query_row(
            "SELECT m.id FROM meeting m
             WHERE m.is_demo = 0 AND m.starts_at < ?2 AND m.id <> ?1
               AND EXISTS (SELECT 1 FROM participation p
                           WHERE p.meeting_id = m.id AND p.role = 'staff')
             ORDER BY m.starts_at DESC LIMIT 1",
            params![meeting_id, start],
            |r| r.get(0),
        )
        .optional()?)
}

/// `from`'s staff and recorder serve `to` too, those retired since left out.
fn copy_staff(tx: &Tx<'_>, from: Id, to: Id) -> Result<()> {
    tx.execute(
        "INSERT INTO participation (meeting_id, person_id, role, topic_id, is_recorder)
         SELECT ?2, p.person_id, 'staff', NULL, p.is_recorder
         FROM participation p JOIN person x ON x.id = p.person_id
         WHERE p.meeting_id = ?1 AND p.role = 'staff' AND x.retired_at IS NULL
         ORDER BY p.id",
        params![from, to],
    )?;
    Ok(())
}
