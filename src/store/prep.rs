//! Preparing the room, the papers and the people (R4): the booking, material packages
//! and their delivery, numbered classified copies, notices and replies.
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::fields::{Fields, audit_fields, flag, opt_text};
use super::time::{opt_time, parse_time, time_text};
use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::booking::RoomBooking;
use crate::domain::classified::{ClassifiedCopy, HandedOut};
use crate::domain::materials::{Delivery, DeliveryWay, MaterialPackage};
use crate::domain::notice::{Notice, NoticeChannel, Reply};
use crate::domain::{Id, Time};

/// A material package as stored: its id and meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredPackage {
    pub id: Id,
    pub meeting_id: Id,
    pub package: MaterialPackage,
}

/// A classified copy as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCopy {
    pub id: Id,
    pub meeting_id: Id,
    pub copy: ClassifiedCopy,
}

/// A change to a meeting's preparation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum PrepChange {
    Booking {
        meeting_id: Id,
        booking: RoomBooking,
    },
    Notice {
        id: Id,
        meeting_id: Id,
        notice: Notice,
    },
    Reply {
        id: Id,
        meeting_id: Id,
        reply: Reply,
    },
    /// Packages listed (or their copies counted again, by topic and department).
    Packages {
        packages: Vec<StoredPackage>,
    },
    Delivery {
        package_id: Id,
        delivery: Delivery,
    },
    /// More numbered copies prepared.
    Copies {
        copies: Vec<StoredCopy>,
    },
    HandOut {
        copy_id: Id,
        holder: Id,
        at: Time,
        how: HandedOut,
    },
    Collect {
        copy_id: Id,
        at: Time,
    },
    /// Why the meeting may close with a copy still out (R4.2).
    OutReason {
        meeting_id: Id,
        reason: String,
        at: Time,
    },
}

impl PrepChange {
    pub(super) fn apply(&self, tx: &Tx<'_>) -> Result<()> {
        match self {
            Self::Booking {
                meeting_id,
                booking: b,
            } => {
                tx.execute(
                    "INSERT INTO room_booking (meeting_id, room, waiting_room, booked_by, booked_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (meeting_id) DO UPDATE SET room = excluded.room,
                       waiting_room = excluded.waiting_room, booked_by = excluded.booked_by,
                       booked_at = excluded.booked_at",
                    params![
                        meeting_id,
                        b.room,
                        b.waiting_room,
                        b.booked_by,
                        time_text(&b.booked_at)
                    ],
                )?;
                let what = format!(
                    "{}; waiting={}; {}",
                    b.room,
                    opt_text(b.waiting_room.as_deref()),
                    b.booked_by
                );
                tx.audit(
                    Audit::new("book", "room_booking", Some(*meeting_id)).values(None, Some(&what)),
                )
            }
            Self::Notice {
                id,
                meeting_id,
                notice: n,
            } => {
                tx.execute(
                    "INSERT INTO notice (id, meeting_id, department, to_whom, channel, sent_by, sent_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        id,
                        meeting_id,
                        n.department,
                        n.to_whom,
                        n.channel.code(),
                        n.sent_by,
                        time_text(&n.sent_at)
                    ],
                )?;
                let what = format!(
                    "meeting={meeting_id}; {}; {}; {}; {}",
                    n.department,
                    n.to_whom,
                    n.channel.code(),
                    n.sent_by
                );
                tx.audit(Audit::new("create", "notice", Some(*id)).values(None, Some(&what)))
            }
            Self::Reply {
                id,
                meeting_id,
                reply: r,
            } => {
                tx.execute(
                    "INSERT INTO notice_reply (id, meeting_id, department, at, attendees)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        id,
                        meeting_id,
                        r.department,
                        time_text(&r.at),
                        r.attendees.join("\n")
                    ],
                )?;
                let what = format!(
                    "meeting={meeting_id}; {}; {}",
                    r.department,
                    r.attendees.join("、")
                );
                tx.audit(Audit::new("create", "notice_reply", Some(*id)).values(None, Some(&what)))
            }
            Self::Packages { packages } => {
                for p in packages {
                    package(tx, p)?;
                }
                Ok(())
            }
            Self::Delivery {
                package_id,
                delivery: d,
            } => {
                let fallback = match &d.way {
                    DeliveryWay::Delivered => None,
                    DeliveryWay::Fallback(how) => Some(how.as_str()),
                };
                tx.execute(
                    "UPDATE material_package SET delivered_at = ?2, delivered_by = ?3,
                            fallback = ?4 WHERE id = ?1",
                    params![package_id, time_text(&d.at), d.by, fallback],
                )?;
                let what = format!("{}; {}; {}", time_text(&d.at), d.by, opt_text(fallback));
                tx.audit(
                    Audit::new("deliver", "material_package", Some(*package_id))
                        .values(None, Some(&what)),
                )
            }
            Self::Copies { copies } => {
                for c in copies {
                    tx.execute(
                        "INSERT INTO classified_copy (id, meeting_id, topic_id, number)
                         VALUES (?1, ?2, ?3, ?4)",
                        params![c.id, c.meeting_id, c.copy.topic_id, c.copy.number],
                    )?;
                    let what = format!("topic={}; number={}", c.copy.topic_id, c.copy.number);
                    tx.audit(
                        Audit::new("create", "classified_copy", Some(c.id))
                            .values(None, Some(&what)),
                    )?;
                }
                Ok(())
            }
            Self::HandOut {
                copy_id,
                holder,
                at,
                how,
            } => {
                tx.execute(
                    "UPDATE classified_copy SET holder_id = ?2, handed_out_at = ?3,
                            handed_out_how = ?4 WHERE id = ?1",
                    params![copy_id, holder, time_text(at), how_code(*how)],
                )?;
                tx.audit(
                    Audit::new("hand_out", "classified_copy", Some(*copy_id))
                        .field("holder_id")
                        .values(None, Some(&holder.to_string())),
                )
            }
            Self::Collect { copy_id, at } => {
                tx.execute(
                    "UPDATE classified_copy SET returned_at = ?2 WHERE id = ?1",
                    params![copy_id, time_text(at)],
                )?;
                tx.audit(
                    Audit::new("collect", "classified_copy", Some(*copy_id))
                        .field("returned_at")
                        .values(None, Some(&time_text(at))),
                )
            }
            Self::OutReason {
                meeting_id,
                reason,
                at,
            } => {
                tx.execute(
                    "INSERT INTO classified_out_reason (meeting_id, reason, recorded_at)
                     VALUES (?1, ?2, ?3)
                     ON CONFLICT (meeting_id) DO UPDATE SET reason = excluded.reason,
                       recorded_at = excluded.recorded_at",
                    params![meeting_id, reason, time_text(at)],
                )?;
                tx.audit(
                    Audit::new("edit", "classified_out_reason", Some(*meeting_id))
                        .field("reason")
                        .values(None, Some(reason)),
                )
            }
        }
    }
}

fn how_code(h: HandedOut) -> &'static str {
    match h {
        HandedOut::AtCheckIn => "at_check_in",
        HandedOut::InMeeting => "in_meeting",
    }
}

fn package_fields(p: &MaterialPackage) -> Fields {
    vec![
        ("topic_id", p.topic_id.to_string()),
        ("department", p.department.clone()),
        ("copies", p.copies.to_string()),
        ("classified", flag(p.classified)),
    ]
}

fn package(tx: &Tx<'_>, p: &StoredPackage) -> Result<()> {
    let old = tx
        .query_row(
            "SELECT copies, classified FROM material_package WHERE id = ?1",
            [p.id],
            |r| {
                Ok(MaterialPackage {
                    copies: r.get(0)?,
                    classified: r.get(1)?,
                    ..p.package.clone()
                })
            },
        )
        .ok();
    let m = &p.package;
    tx.execute(
        "INSERT INTO material_package (id, meeting_id, topic_id, department, copies, classified)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET copies = excluded.copies,
           classified = excluded.classified",
        params![
            p.id,
            p.meeting_id,
            m.topic_id,
            m.department,
            m.copies,
            m.classified
        ],
    )?;
    audit_fields(
        tx,
        "material_package",
        p.id,
        old.as_ref().map(package_fields).as_ref(),
        &package_fields(m),
    )
}

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
    /// The preparation of every meeting but the demo's.
    pub fn stored_prep(&self) -> Result<StoredPrep> {
        let c = self.conn();
        let mut out = StoredPrep::default();
        let mut st = c.prepare(
            "SELECT meeting_id, room, waiting_room, booked_by, booked_at FROM room_booking",
        )?;
        for r in st.query_map([], |r| {
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
        let mut st = c.prepare(
            "SELECT id, meeting_id, department, to_whom, channel, sent_by, sent_at FROM notice
             ORDER BY id",
        )?;
        for r in st.query_map([], |r| {
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
        let mut st = c.prepare(
            "SELECT id, meeting_id, department, at, attendees FROM notice_reply ORDER BY id",
        )?;
        for r in st.query_map([], |r| {
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
        out.packages = packages(c)?;
        out.copies = copies(c)?;
        let mut st = c.prepare("SELECT meeting_id, reason FROM classified_out_reason")?;
        for r in st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
            out.out_reasons.push(r?);
        }
        Ok(out)
    }
}

fn packages(c: &rusqlite::Connection) -> Result<Vec<StoredPackage>> {
    let mut st = c.prepare(
        "SELECT id, meeting_id, topic_id, department, copies, classified, delivered_at,
                delivered_by, fallback FROM material_package ORDER BY id",
    )?;
    let rows = st.query_map([], |r| {
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

fn copies(c: &rusqlite::Connection) -> Result<Vec<StoredCopy>> {
    let mut st = c.prepare(
        "SELECT id, meeting_id, topic_id, number, holder_id, handed_out_at, handed_out_how,
                returned_at FROM classified_copy ORDER BY topic_id, number",
    )?;
    let rows = st.query_map([], |r| {
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
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Store {
    /// The classified copies of one meeting (the console hands them out).
    pub fn classified_copies(&self, meeting_id: Id) -> Result<Vec<StoredCopy>> {
        Ok(copies(self.conn())?
            .into_iter()
            .filter(|c| c.meeting_id == meeting_id)
            .collect())
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
