//! The follow-up register (R7.3): items with their dated notes, problems reported and the
//! discipline flag. Every change goes through the domain's rules on the stored item.
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::followup::{DisciplineFlag, Item, Note, ProblemReport, Status};
use crate::domain::{Id, Time};

const DAY: &str = "%Y-%m-%d";

fn day_text(d: NaiveDate) -> String {
    d.format(DAY).to_string()
}

fn day(s: Option<String>) -> std::result::Result<Option<NaiveDate>, String> {
    match s {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, DAY).map(Some).map_err(|_| s),
    }
}

const ITEM_COLUMNS: &str = "i.id, i.meeting_id, m.starts_at, i.topic_id, i.item, i.deputy_id,
    i.units, i.deadline, i.supervisor, i.status, i.done_on, i.flag_on, i.flag_by, i.flag_note";

fn item_row(r: &Row<'_>) -> rusqlite::Result<Result<Item>> {
    let id: Id = r.get(0)?;
    let bad = |what: String| StoreError::BadData(format!("follow-up item {id}: {what}"));
    let starts: String = r.get(2)?;
    let status: String = r.get(9)?;
    let meeting_date = super::time::parse_time(&starts).map(|t| t.date_naive());
    let (Some(meeting_date), Some(status)) = (meeting_date, Status::from_code(&status)) else {
        return Ok(Err(bad(format!("{starts} / {status}"))));
    };
    let dates = (day(r.get(7)?), day(r.get(10)?), day(r.get(11)?));
    let (Ok(deadline), Ok(done_on), Ok(flag_on)) = dates else {
        return Ok(Err(bad("a date".into())));
    };
    let units: String = r.get(6)?;
    let flag_by: Option<String> = r.get(12)?;
    let flag_note: Option<String> = r.get(13)?;
    Ok(Ok(Item {
        id,
        meeting_id: r.get(1)?,
        meeting_date,
        topic_id: r.get(3)?,
        item: r.get(4)?,
        deputy_id: r.get(5)?,
        units: units.lines().map(str::to_string).collect(),
        deadline,
        supervisor: r.get(8)?,
        status,
        done_on,
        notes: Vec::new(),
        problems: Vec::new(),
        discipline: flag_on.map(|on| DisciplineFlag {
            on,
            by: flag_by.unwrap_or_default(),
            note: flag_note.unwrap_or_default(),
        }),
    }))
}

/// Fill in an item's notes and problems.
fn with_notes(conn: &Connection, item: Item) -> Result<Item> {
    let mut one = [item];
    attach_notes(conn, &mut one)?;
    let [item] = one;
    Ok(item)
}

/// Read the notes and problem reports of many items in one query (a list of hundreds of
/// items asked one query each was most of what F4 spent reading its register).
fn attach_notes(conn: &Connection, items: &mut [Item]) -> Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    let ids = items
        .iter()
        .map(|i| i.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let mut st = conn.prepare_cached(
        "SELECT item_id, kind, on_day, by_name, text, reply FROM followup_note
         WHERE item_id IN (SELECT value FROM json_each(?1)) ORDER BY item_id, on_day, id",
    )?;
    let rows = st.query_map([format!("[{ids}]")], |r| {
        Ok((
            r.get::<_, Id>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let index: std::collections::HashMap<Id, usize> =
        items.iter().enumerate().map(|(n, i)| (i.id, n)).collect();
    for row in rows {
        let (item_id, kind, on, by, text, reply) = row?;
        let Some(&n) = index.get(&item_id) else {
            continue;
        };
        let on = NaiveDate::parse_from_str(&on, DAY)
            .map_err(|_| StoreError::BadData(format!("note of item {item_id}: {on}")))?;
        let item = &mut items[n];
        if kind == "problem" {
            item.problems.push(ProblemReport {
                on,
                by,
                text,
                reply,
            });
        } else {
            item.notes.push(Note { on, by, text });
        }
    }
    Ok(())
}

fn read_item(conn: &Connection, id: Id) -> Result<Item> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM followup_item i JOIN meeting m ON m.id = i.meeting_id
         WHERE i.id = ?1"
    );
    let item = conn
        .query_row(&sql, [id], item_row)
        .optional()?
        .ok_or_else(|| StoreError::BadData(format!("follow-up item {id} is gone")))??;
    with_notes(conn, item)
}

impl Store {
    /// Every item of the register, oldest meeting first, with notes and problems.
    pub fn followup_items(&self) -> Result<Vec<Item>> {
        self.followup_items_since("")
    }

    /// The register as F4 shows it: every item still open (in progress or stalled),
    /// whenever decided, and every item of the meetings from `since` (a stored time; ""
    /// for all) — through the status and meeting indexes, not all of history (issue 11).
    pub fn followup_items_since(&self, since: &str) -> Result<Vec<Item>> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM followup_item i JOIN meeting m ON m.id = i.meeting_id
             WHERE i.id IN (
                 SELECT id FROM followup_item WHERE status IN ('in_progress', 'stalled')
                 UNION SELECT f.id FROM meeting n JOIN followup_item f ON f.meeting_id = n.id
                       WHERE n.starts_at >= ?1 AND n.starts_at < '9999')
             ORDER BY m.starts_at, i.id"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([since], item_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        attach_notes(self.conn(), &mut out)?;
        Ok(out)
    }

    /// The items of meetings before `day` still open on that day (open now, or done only
    /// after it): what a meeting on `day` hears first (R7.3). Through the status and
    /// done-day indexes, not the years of items done long ago.
    pub fn followup_items_open_on(&self, day: NaiveDate) -> Result<Vec<Item>> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM followup_item i JOIN meeting m ON m.id = i.meeting_id
             WHERE i.id IN (
                 SELECT id FROM followup_item WHERE status IN ('in_progress', 'stalled')
                 UNION SELECT id FROM followup_item WHERE done_on > ?1 AND status = 'done')
               AND substr(m.starts_at, 1, 10) < ?1
             ORDER BY m.starts_at, i.id"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([day_text(day)], item_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        attach_notes(self.conn(), &mut out)?;
        Ok(out)
    }

    /// The register items of one meeting.
    pub fn followup_items_of(&self, meeting_id: Id) -> Result<Vec<Item>> {
        let sql = format!(
            "SELECT {ITEM_COLUMNS} FROM followup_item i JOIN meeting m ON m.id = i.meeting_id
             WHERE i.meeting_id = ?1 ORDER BY i.id"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([meeting_id], item_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        attach_notes(self.conn(), &mut out)?;
        Ok(out)
    }

    /// Decisions of meetings before `day` (other than `meeting_id`) open on that day, and
    /// how many of them were overdue then: the console's line about earlier decisions.
    pub fn carried_count(&self, meeting_id: Id, day: NaiveDate) -> Result<super::view::Carried> {
        let d = day_text(day);
        let (open, overdue): (i64, i64) = self
            .conn()
            .prepare_cached(
                // Open on that day: still open now, or done only after it. Both through
                // an index; no walk over the years of items done long ago.
                "SELECT count(*), COALESCE(SUM(i.deadline < ?2), 0)
                 FROM (SELECT meeting_id, deadline FROM followup_item
                       WHERE status IN ('in_progress', 'stalled')
                       UNION ALL
                       SELECT meeting_id, deadline FROM followup_item
                       WHERE done_on > ?2 AND status = 'done') i
                 JOIN meeting m ON m.id = i.meeting_id
                 WHERE i.meeting_id <> ?1 AND substr(m.starts_at, 1, 10) < ?2",
            )?
            .query_row(params![meeting_id, d], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(super::view::Carried {
            open: usize::try_from(open).unwrap_or_default(),
            overdue: usize::try_from(overdue).unwrap_or_default(),
        })
    }

    /// How many items are open and past their deadline on `today`: one index range, so
    /// the status line of every screen can ask it (R7.3).
    pub fn overdue_count(&self, today: NaiveDate) -> Result<usize> {
        let n: i64 = self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM followup_item
                 WHERE status IN ('in_progress', 'stalled') AND deadline < ?1",
            )?
            .query_row([day_text(today)], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }
}

pub(super) fn insert_item(tx: &Tx<'_>, item: &Item) -> Result<()> {
    let n = tx.execute(
        "INSERT OR IGNORE INTO followup_item (meeting_id, topic_id, item, deputy_id, units,
                                    deadline, supervisor, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            item.meeting_id,
            item.topic_id,
            item.item,
            item.deputy_id,
            item.units.join("\n"),
            item.deadline.map(day_text),
            item.supervisor,
            item.status.code()
        ],
    )?;
    if n > 0 {
        let id = tx.last_insert_rowid();
        tx.audit(Audit::new("create", "followup_item", Some(id)).values(None, Some(&item.item)))?;
    }
    Ok(())
}

fn refused(e: crate::domain::followup::FollowUpError) -> StoreError {
    StoreError::BadData(format!("follow-up: {}", e.code()))
}

pub(super) fn set_status(
    tx: &Tx<'_>,
    item_id: Id,
    status: &str,
    on: NaiveDate,
    by: &str,
    note: &str,
) -> Result<()> {
    let mut item = read_item(tx, item_id)?;
    let old = item.status;
    match Status::from_code(status) {
        Some(Status::Done) => item.mark_done(on, by, note),
        Some(Status::Stalled) => item.mark_stalled(on, by, note),
        Some(Status::InProgress) => item.reopen(on, by, note),
        None => return Err(StoreError::BadData(format!("status {status}"))),
    }
    .map_err(refused)?;
    tx.execute(
        "UPDATE followup_item SET status = ?2, done_on = ?3 WHERE id = ?1",
        params![item_id, item.status.code(), item.done_on.map(day_text)],
    )?;
    tx.audit(
        Audit::new("status", "followup_item", Some(item_id))
            .field("status")
            .values(Some(old.code()), Some(item.status.code())),
    )?;
    insert_note(tx, crate::store::new_id(), item_id, "note", on, by, note)
}

fn insert_note(
    tx: &Tx<'_>,
    note_id: Id,
    item_id: Id,
    kind: &str,
    on: NaiveDate,
    by: &str,
    text: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO followup_note (id, item_id, kind, on_day, by_name, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![note_id, item_id, kind, day_text(on), by.trim(), text.trim()],
    )?;
    tx.audit(
        Audit::new(kind, "followup_item", Some(item_id))
            .field(kind)
            .values(None, Some(text)),
    )
}

pub(super) fn add_note(
    tx: &Tx<'_>,
    note_id: Id,
    item_id: Id,
    kind: &str,
    on: NaiveDate,
    by: &str,
    text: &str,
) -> Result<()> {
    let mut item = read_item(tx, item_id)?;
    match kind {
        "note" => item.add_note(on, by, text),
        "problem" => item.report_problem(on, by, text),
        _ => return Err(StoreError::BadData(format!("note kind {kind}"))),
    }
    .map_err(refused)?;
    insert_note(tx, note_id, item_id, kind, on, by, text)
}

pub(super) fn reply(tx: &Tx<'_>, item_id: Id, reply: &str) -> Result<()> {
    let note: Option<Id> = tx
        .query_row(
            "SELECT id FROM followup_note WHERE item_id = ?1 AND kind = 'problem'
             AND reply IS NULL ORDER BY on_day DESC, id DESC LIMIT 1",
            [item_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(note) = note else {
        return Err(StoreError::BadData(format!(
            "follow-up item {item_id} has no problem awaiting a reply"
        )));
    };
    tx.execute(
        "UPDATE followup_note SET reply = ?2 WHERE id = ?1",
        params![note, reply.trim()],
    )?;
    tx.audit(
        Audit::new("reply", "followup_note", Some(note))
            .field("reply")
            .values(None, Some(reply)),
    )
}

pub(super) fn flag(tx: &Tx<'_>, item_id: Id, on: NaiveDate, by: &str, note: &str) -> Result<()> {
    let mut item = read_item(tx, item_id)?;
    // The flag is judged on its own day: overdue then, or refused/stalled.
    let noon = on
        .and_hms_opt(12, 0, 0)
        .and_then(|t| t.and_local_timezone(*tx.at().offset()).single())
        .unwrap_or_else(|| tx.at());
    let now: Time = noon;
    item.flag_discipline(now, by, note).map_err(refused)?;
    tx.execute(
        "UPDATE followup_item SET flag_on = ?2, flag_by = ?3, flag_note = ?4 WHERE id = ?1",
        params![item_id, day_text(on), by.trim(), note.trim()],
    )?;
    tx.audit(
        Audit::new("flag", "followup_item", Some(item_id))
            .field("discipline")
            .values(None, Some(note)),
    )
}
