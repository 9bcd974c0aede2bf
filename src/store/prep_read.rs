//! Reading a meeting's preparation back: the booking, notices, replies, packages,
//! classified copies and the reason a copy may stay out (see `prep.rs` for the writes).

use super::prep::{PrepChange, StoredCopy, StoredPackage};
use super::time::{opt_time, parse_time};
use super::window::Window;
use super::{Result, Store, StoreError};
use crate::domain::Id;
use crate::domain::booking::RoomBooking;
use crate::domain::classified::{ClassifiedCopy, HandedOut};
use crate::domain::materials::{Delivery, DeliveryWay, MaterialPackage};
use crate::domain::notice::{Notice, NoticeChannel, Reply};

/// What a meeting's preparation holds in the database.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredPrep {
    pub bookings: Vec<(Id, RoomBooking)>,
    pub notices: Vec<(Id, Id, Notice)>,
    pub replies: Vec<(Id, Id, Reply)>,
    pub packages: Vec<StoredPackage>,
    pub copies: Vec<StoredCopy>,
    pub out_reasons: Vec<(Id, String)>,
}

fn bad(what: &str, id: Id) -> StoreError {
    StoreError::BadData(format!("{what} {id}"))
}

impl Store {
    /// The preparation of the meetings of the back office's window.
    pub fn stored_prep(&self, since: &Window<'_>) -> Result<StoredPrep> {
        let ids = since.ids();
        let c = self.conn();
        let mut out = StoredPrep::default();
        let mut st = c.prepare_cached(&format!(
            "SELECT meeting_id, room, waiting_room, booked_by, booked_at FROM room_booking
             WHERE meeting_id IN ({ids})"
        ))?;
        for r in st.query_map([since.param()], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })? {
            let (id, room, waiting_room, booked_by, at) = r?;
            let booked_at = parse_time(&at).ok_or_else(|| bad("room booking", id))?;
            out.bookings.push((
                id,
                RoomBooking {
                    room,
                    waiting_room,
                    booked_by,
                    booked_at,
                },
            ));
        }
        let mut st = c.prepare_cached(&format!(
            "SELECT id, meeting_id, department, to_whom, channel, sent_by, sent_at FROM notice
             WHERE meeting_id IN ({ids}) ORDER BY id"
        ))?;
        for r in st.query_map([since.param()], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                [
                    r.get::<_, String>(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ],
            ))
        })? {
            let (id, meeting, [department, to_whom, channel, sent_by, at]) = r?;
            let (Some(channel), Some(sent_at)) =
                (NoticeChannel::from_code(&channel), parse_time(&at))
            else {
                return Err(bad("notice", id));
            };
            out.notices.push((
                id,
                meeting,
                Notice {
                    department,
                    to_whom,
                    channel,
                    sent_by,
                    sent_at,
                },
            ));
        }
        let mut st = c.prepare_cached(&format!(
            "SELECT id, meeting_id, department, at, attendees FROM notice_reply
             WHERE meeting_id IN ({ids}) ORDER BY id"
        ))?;
        for r in st.query_map([since.param()], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })? {
            let (id, meeting, department, at, attendees) = r?;
            let at = parse_time(&at).ok_or_else(|| bad("notice reply", id))?;
            let attendees = attendees.lines().map(str::to_string).collect();
            out.replies.push((
                id,
                meeting,
                Reply {
                    department,
                    at,
                    attendees,
                },
            ));
        }
        out.packages = packages(c, since)?;
        out.copies = copies_since(c, since)?;
        let mut st = c.prepare_cached(&format!(
            "SELECT meeting_id, reason FROM classified_out_reason WHERE meeting_id IN ({ids})"
        ))?;
        for r in st.query_map([since.param()], |r| Ok((r.get(0)?, r.get(1)?)))? {
            out.out_reasons.push(r?);
        }
        Ok(out)
    }
}

fn packages(c: &rusqlite::Connection, since: &Window<'_>) -> Result<Vec<StoredPackage>> {
    let ids = since.ids();
    let mut st = c.prepare_cached(&format!(
        "SELECT id, meeting_id, topic_id, department, copies, classified, delivered_at,
                delivered_by, fallback FROM material_package
         WHERE meeting_id IN ({ids}) ORDER BY id"
    ))?;
    let rows = st.query_map([since.param()], |r| {
        let delivered_at: Option<String> = r.get(6)?;
        let by: Option<String> = r.get(7)?;
        let fallback: Option<String> = r.get(8)?;
        let delivery = opt_time(delivered_at).map(|at| Delivery {
            at,
            by: by.unwrap_or_default(),
            way: fallback.map_or(DeliveryWay::Delivered, DeliveryWay::Fallback),
        });
        Ok(StoredPackage {
            id: r.get(0)?,
            meeting_id: r.get(1)?,
            package: MaterialPackage {
                topic_id: r.get(2)?,
                department: r.get(3)?,
                copies: r.get(4)?,
                classified: r.get(5)?,
                delivery,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

const COPY_COLUMNS: &str = "id, meeting_id, topic_id, number, holder_id, handed_out_at,
    handed_out_how, returned_at";

/// The classified copies of one meeting.
fn copies(c: &rusqlite::Connection, meeting: Id) -> Result<Vec<StoredCopy>> {
    let mut st = c.prepare_cached(&format!(
        "SELECT {COPY_COLUMNS} FROM classified_copy WHERE meeting_id = ?1
         ORDER BY topic_id, number"
    ))?;
    let rows = st.query_map([meeting], copy_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The classified copies of the window's meetings.
fn copies_since(c: &rusqlite::Connection, since: &Window<'_>) -> Result<Vec<StoredCopy>> {
    let ids = since.ids();
    let mut st = c.prepare_cached(&format!(
        "SELECT {COPY_COLUMNS} FROM classified_copy WHERE meeting_id IN ({ids})
         ORDER BY meeting_id, topic_id, number"
    ))?;
    let rows = st.query_map([since.param()], copy_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn copy_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredCopy> {
    let how: Option<String> = r.get(6)?;
    let how = match how.as_deref() {
        Some("in_meeting") => HandedOut::InMeeting,
        _ => HandedOut::AtCheckIn,
    };
    Ok(StoredCopy {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        copy: ClassifiedCopy {
            topic_id: r.get(2)?,
            number: r.get(3)?,
            holder: r.get(4)?,
            handed_out: opt_time(r.get(5)?).map(|t| (t, how)),
            returned_at: opt_time(r.get(7)?),
        },
    })
}

impl Store {
    /// Whether a meeting involves classified material (R4.2): a topic's material marked
    /// classified, a classified package, or numbered copies. Its papers are then marked.
    pub fn meeting_is_classified(&self, meeting_id: Id) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM topic WHERE meeting_id = ?1 AND classified = 1)
                 OR EXISTS (SELECT 1 FROM material_package WHERE meeting_id = ?1 AND classified = 1)
                 OR EXISTS (SELECT 1 FROM classified_copy WHERE meeting_id = ?1)",
            [meeting_id],
            |r| r.get(0),
        )?)
    }

    /// Whether the back office listed material packages for a meeting.
    pub fn meeting_has_materials(&self, meeting_id: Id) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM material_package WHERE meeting_id = ?1)",
            [meeting_id],
            |r| r.get(0),
        )?)
    }

    /// The classified copies of one meeting (the console hands them out).
    pub fn classified_copies(&self, meeting_id: Id) -> Result<Vec<StoredCopy>> {
        copies(self.conn(), meeting_id)
    }
}

impl StoredCopy {
    /// Lay a change not yet committed over copies read from the database (the console
    /// hands copies out between its reads).
    pub fn lay_over(copies: &mut Vec<StoredCopy>, change: &super::change::Change) {
        let super::change::Change::Prep(c) = change else {
            return;
        };
        match c {
            PrepChange::Copies { copies: new } => copies.extend(new.iter().cloned()),
            PrepChange::HandOut {
                copy_id,
                holder,
                at,
                how,
            } => {
                if let Some(x) = copies.iter_mut().find(|x| x.id == *copy_id) {
                    x.copy.holder = Some(*holder);
                    x.copy.handed_out = Some((*at, *how));
                }
            }
            PrepChange::Collect { copy_id, at } => {
                if let Some(x) = copies.iter_mut().find(|x| x.id == *copy_id) {
                    x.copy.returned_at = Some(*at);
                }
            }
            _ => {}
        }
    }
}

impl Store {
    /// Why the meeting may close with a classified copy out, if the office said.
    pub fn classified_out_reason(&self, meeting_id: Id) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn()
            .query_row(
                "SELECT reason FROM classified_out_reason WHERE meeting_id = ?1",
                [meeting_id],
                |r| r.get(0),
            )
            .optional()?)
    }
}
