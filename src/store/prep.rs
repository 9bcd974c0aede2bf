//! Preparing the room, the papers and the people (R4): the booking, material packages
//! and their delivery, numbered classified copies, notices and replies.
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::Result;
use super::fields::{Fields, audit_fields, flag, opt_text};
use super::time::time_text;
use super::tx::{Audit, Tx};
use crate::domain::booking::RoomBooking;
use crate::domain::classified::{ClassifiedCopy, HandedOut};
use crate::domain::materials::{Delivery, DeliveryWay, MaterialPackage};
use crate::domain::notice::{Notice, Reply};
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
