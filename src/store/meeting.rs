//! Meetings.
use rusqlite::{OptionalExtension, Row, params};

use super::time::{parse_time, time_text};
use super::tx::Audit;
use super::{Result, Store, StoreError};
use crate::domain::Id;
use crate::domain::meeting::{Meeting, MeetingStatus};

const COLUMNS: &str = "id, title, starts_at, room, waiting_room, chair_id, status, postponed_from,
                       current_topic_id, is_demo";

impl Store {
    pub fn insert_meeting(&mut self, m: &Meeting) -> Result<Id> {
        self.transact(|tx| {
            tx.execute(
                "INSERT INTO meeting (title, starts_at, room, waiting_room, chair_id, status,
                                      postponed_from, current_topic_id, is_demo)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    m.title,
                    time_text(&m.starts_at),
                    m.room,
                    m.waiting_room,
                    m.chair_id,
                    m.status.code(),
                    m.postponed_from,
                    m.current_topic_id,
                    m.is_demo
                ],
            )?;
            let id = tx.last_insert_rowid();
            let what = format!(
                "{} {} {}; chair={}; demo={}",
                m.title,
                time_text(&m.starts_at),
                m.room,
                m.chair_id.map(|c| c.to_string()).unwrap_or_default(),
                m.is_demo
            );
            tx.audit(Audit::new("create", "meeting", Some(id)).values(None, Some(&what)))?;
            Ok(id)
        })
    }

    pub fn meeting(&self, id: Id) -> Result<Option<Meeting>> {
        let sql = format!("SELECT {COLUMNS} FROM meeting WHERE id = ?1");
        self.conn()
            .query_row(&sql, [id], meeting_row)
            .optional()?
            .transpose()
    }

    /// The most recent meeting by date: what `--meeting latest` means.
    pub fn latest_meeting(&self) -> Result<Option<Meeting>> {
        let sql = format!("SELECT {COLUMNS} FROM meeting ORDER BY starts_at DESC, id DESC LIMIT 1");
        self.conn()
            .query_row(&sql, [], meeting_row)
            .optional()?
            .transpose()
    }

    /// The latest demo meeting: the demo itself (`demo --years` writes its generated
    /// history before it).
    pub fn latest_demo_meeting(&self) -> Result<Option<Meeting>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM meeting WHERE is_demo = 1 ORDER BY starts_at DESC, id DESC LIMIT 1"
        );
        self.conn()
            .query_row(&sql, [], meeting_row)
            .optional()?
            .transpose()
    }

    /// The meetings the console might open on at `now` (see
    /// `domain::meeting::console_meeting`): those in progress, those planned from today
    /// on, and the latest real and demo ones — never all of history.
    pub fn console_candidates(&self, now: &crate::domain::Time) -> Result<Vec<Meeting>> {
        let today = now
            .date_naive()
            .and_hms_opt(0, 0, 0)
            .and_then(|d| d.and_local_timezone(*now.offset()).single())
            .map(|d| time_text(&d))
            .unwrap_or_default();
        let sql = format!(
            "SELECT {COLUMNS} FROM meeting WHERE id IN (
                SELECT id FROM meeting WHERE status = 'in_progress'
                UNION SELECT id FROM meeting WHERE status = 'planned' AND starts_at >= ?1
                UNION SELECT id FROM (SELECT id FROM meeting WHERE is_demo = 0
                                      AND status <> 'postponed'
                                      ORDER BY starts_at DESC LIMIT 1)
                UNION SELECT id FROM (SELECT id FROM meeting WHERE is_demo = 1
                                      ORDER BY starts_at DESC LIMIT 1)
                UNION SELECT id FROM meeting
                      WHERE starts_at = (SELECT MAX(starts_at) FROM meeting))
             ORDER BY starts_at, id"
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([today], meeting_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }

    /// The meetings held on the days `from` up to but not including `to` (dates as the
    /// meetings' own clock reads them), earliest first, through the start-time index.
    pub fn meetings_between(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<Meeting>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM meeting WHERE starts_at >= ?1 AND starts_at < ?2
             ORDER BY starts_at, id"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let rows = st.query_map([day(from), day(to)], meeting_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }

    /// The latest `n` meetings, latest first: F4's list, read a page at a time.
    pub fn latest_meetings(&self, n: usize) -> Result<Vec<Meeting>> {
        let sql =
            format!("SELECT {COLUMNS} FROM meeting ORDER BY starts_at DESC, id DESC LIMIT ?1");
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([i64::try_from(n).unwrap_or(i64::MAX)], meeting_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }

    pub fn meetings(&self) -> Result<Vec<Meeting>> {
        let sql = format!("SELECT {COLUMNS} FROM meeting ORDER BY starts_at, id");
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([], meeting_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }

    /// The meetings of the back office's window (see `window.rs`), earliest first.
    pub fn meetings_since(&self, since: &super::window::Window<'_>) -> Result<Vec<Meeting>> {
        let ids = since.ids();
        let sql =
            format!("SELECT {COLUMNS} FROM meeting WHERE id IN ({ids}) ORDER BY starts_at, id");
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map([since.param()], meeting_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }

    /// How many meetings there are before `t`.
    pub fn meetings_before(&self, t: crate::domain::Time) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM meeting WHERE starts_at < ?1",
            [time_text(&t)],
            |r| r.get(0),
        )?)
    }

    pub fn has_demo(&self) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM meeting WHERE is_demo = 1)",
            [],
            |r| r.get(0),
        )?)
    }

    pub fn set_meeting_status(&mut self, id: Id, status: MeetingStatus) -> Result<()> {
        self.transact(|tx| {
            let old: String =
                tx.query_row("SELECT status FROM meeting WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            tx.execute(
                "UPDATE meeting SET status = ?2 WHERE id = ?1",
                params![id, status.code()],
            )?;
            tx.audit(
                Audit::new("status", "meeting", Some(id))
                    .field("status")
                    .values(Some(&old), Some(status.code())),
            )
        })
    }
}

/// A meeting read on any connection (inside a transaction too).
pub(super) fn read_meeting(conn: &rusqlite::Connection, id: Id) -> Result<Option<Meeting>> {
    let sql = format!("SELECT {COLUMNS} FROM meeting WHERE id = ?1");
    conn.query_row(&sql, [id], meeting_row)
        .optional()?
        .transpose()
}

fn meeting_row(r: &Row<'_>) -> rusqlite::Result<Result<Meeting>> {
    let starts: String = r.get(2)?;
    let status: String = r.get(6)?;
    let (Some(starts_at), Some(status)) = (parse_time(&starts), MeetingStatus::from_code(&status))
    else {
        return Ok(Err(StoreError::BadData(format!(
            "meeting {}: start {starts} / status {status}",
            r.get::<_, i64>(0)?
        ))));
    };
    Ok(Ok(Meeting {
        id: r.get(0)?,
        title: r.get(1)?,
        starts_at,
        room: r.get(3)?,
        waiting_room: r.get(4)?,
        chair_id: r.get(5)?,
        status,
        postponed_from: r.get(7)?,
        current_topic_id: r.get(8)?,
        is_demo: r.get(9)?,
    }))
}
