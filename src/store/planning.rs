//! Planning a meeting in the back office: creating it, postponing it with the link kept
//! (R3.1), its chair (R3.2), who comes (R2.2), the agenda's own record (R2.1), press and
//! photos (R2.3) and the approval chain (R2.4).
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::Result;
use super::fields::{Fields, audit_fields, audit_removed, flag, opt_text};
use super::time::time_text;
use super::tx::{Audit, Tx};
use crate::domain::coverage::CoverageException;
use crate::domain::meeting::Meeting;
use crate::domain::people::Participation;
use crate::domain::secrecy::Secrecy;
use crate::domain::submission::SubmissionEvent;
use crate::domain::{Id, Time};

/// A change to a meeting's plan, as the back office makes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum MeetingChange {
    /// A new meeting (an id chosen by the screen) with its default people.
    Create {
        meeting: Meeting,
        people: Vec<Participation>,
    },
    /// Title, start, rooms and chair as they are now.
    Edit {
        meeting: Meeting,
    },
    /// The original marked postponed; the replacement created, linked to it, with the
    /// agenda, the people and any press exception moved to it (R3.1).
    Postpone {
        original: Id,
        replacement: Meeting,
    },
    AddPerson {
        participation: Participation,
    },
    RemovePerson {
        participation_id: Id,
    },
    /// Which staff member types the minutes (none: nobody yet).
    Recorder {
        meeting_id: Id,
        person_id: Option<Id>,
    },
    /// The office puts the agenda forward (due Friday 12:00, R2.1).
    ProposeAgenda {
        meeting_id: Id,
        at: Time,
        by: String,
    },
    /// Why more than 5 topics are allowed (R2.1).
    OverNormReason {
        meeting_id: Id,
        reason: String,
    },
    Coverage {
        id: Id,
        meeting_id: Id,
        exception: CoverageException,
    },
    Submission {
        id: Id,
        meeting_id: Id,
        event: SubmissionEvent,
    },
    /// The papers' 密级★期限 (none: no level stated, R8.1).
    Secrecy {
        meeting_id: Id,
        secrecy: Option<Secrecy>,
    },
}

impl MeetingChange {
    pub(super) fn apply(&self, tx: &Tx<'_>) -> Result<()> {
        match self {
            Self::Create { meeting, people } => {
                insert_meeting(tx, meeting)?;
                for p in people {
                    insert_part(tx, p)?;
                }
                Ok(())
            }
            Self::Edit { meeting } => {
                super::lease::guard(tx, super::lease::MEETING, meeting.id)?;
                edit(tx, meeting)
            }
            Self::Postpone {
                original,
                replacement,
            } => postpone(tx, *original, replacement),
            Self::AddPerson { participation } => insert_part(tx, participation),
            Self::RemovePerson { participation_id } => {
                let old = part_fields(tx, *participation_id)?;
                tx.execute(
                    "DELETE FROM participation WHERE id = ?1",
                    [participation_id],
                )?;
                audit_removed(tx, "participation", *participation_id, &old)
            }
            Self::Recorder {
                meeting_id,
                person_id,
            } => recorder(tx, *meeting_id, *person_id),
            Self::ProposeAgenda { meeting_id, at, by } => {
                tx.execute(
                    "INSERT INTO agenda (meeting_id, proposed_at, proposed_by) VALUES (?1, ?2, ?3)
                     ON CONFLICT (meeting_id) DO UPDATE SET proposed_at = excluded.proposed_at,
                       proposed_by = excluded.proposed_by",
                    params![meeting_id, time_text(at), by],
                )?;
                tx.audit(
                    Audit::new("propose", "agenda", Some(*meeting_id))
                        .field("proposed_at")
                        .values(None, Some(&format!("{} {by}", time_text(at)))),
                )
            }
            Self::OverNormReason { meeting_id, reason } => {
                let old: Option<String> = tx
                    .query_row(
                        "SELECT over_norm_reason FROM agenda WHERE meeting_id = ?1",
                        [meeting_id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .flatten();
                tx.execute(
                    "INSERT INTO agenda (meeting_id, over_norm_reason) VALUES (?1, ?2)
                     ON CONFLICT (meeting_id) DO UPDATE SET
                       over_norm_reason = excluded.over_norm_reason",
                    params![meeting_id, reason],
                )?;
                tx.audit(
                    Audit::new("edit", "agenda", Some(*meeting_id))
                        .field("over_norm_reason")
                        .values(old.as_deref(), Some(reason)),
                )
            }
            Self::Coverage {
                id,
                meeting_id,
                exception: e,
            } => {
                tx.execute(
                    "INSERT INTO coverage_exception (id, meeting_id, press, video, photos,
                                                     ordered_by, at, note)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        id,
                        meeting_id,
                        e.allows.press,
                        e.allows.video,
                        e.allows.photos,
                        e.ordered_by,
                        time_text(&e.at),
                        e.note
                    ],
                )?;
                let what = format!(
                    "meeting={meeting_id}; press={} video={} photos={}; ordered_by={}",
                    flag(e.allows.press),
                    flag(e.allows.video),
                    flag(e.allows.photos),
                    e.ordered_by
                );
                tx.audit(
                    Audit::new("create", "coverage_exception", Some(*id)).values(None, Some(&what)),
                )
            }
            Self::Submission {
                id,
                meeting_id,
                event,
            } => submission(tx, *id, *meeting_id, event),
            Self::Secrecy {
                meeting_id,
                secrecy,
            } => {
                super::lease::guard(tx, super::lease::MEETING, *meeting_id)?;
                super::secrecy::set(tx, *meeting_id, *secrecy)
            }
        }
    }
}

fn meeting_fields(m: &Meeting) -> Fields {
    vec![
        ("title", m.title.clone()),
        ("starts_at", time_text(&m.starts_at)),
        ("room", m.room.clone()),
        ("waiting_room", opt_text(m.waiting_room.as_deref())),
        (
            "chair_id",
            m.chair_id.map(|c| c.to_string()).unwrap_or_default(),
        ),
        ("status", m.status.code().to_string()),
        (
            "postponed_from",
            m.postponed_from.map(|c| c.to_string()).unwrap_or_default(),
        ),
    ]
}

fn insert_meeting(tx: &Tx<'_>, m: &Meeting) -> Result<()> {
    tx.execute(
        "INSERT INTO meeting (id, title, starts_at, room, waiting_room, chair_id, status,
                              postponed_from, current_topic_id, is_demo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, 0)",
        params![
            m.id,
            m.title,
            time_text(&m.starts_at),
            m.room,
            m.waiting_room,
            m.chair_id,
            m.status.code(),
            m.postponed_from
        ],
    )?;
    audit_fields(tx, "meeting", m.id, None, &meeting_fields(m))
}

fn edit(tx: &Tx<'_>, m: &Meeting) -> Result<()> {
    let old = tx.meeting_in(m.id)?;
    tx.execute(
        "UPDATE meeting SET title = ?2, starts_at = ?3, room = ?4, waiting_room = ?5,
                chair_id = ?6 WHERE id = ?1",
        params![
            m.id,
            m.title,
            time_text(&m.starts_at),
            m.room,
            m.waiting_room,
            m.chair_id
        ],
    )?;
    // Only what this change may change is compared: status and link stay as stored.
    let new = old.as_ref().map(|o| Meeting {
        status: o.status,
        postponed_from: o.postponed_from,
        ..m.clone()
    });
    audit_fields(
        tx,
        "meeting",
        m.id,
        old.as_ref().map(meeting_fields).as_ref(),
        &meeting_fields(new.as_ref().unwrap_or(m)),
    )
}

fn postpone(tx: &Tx<'_>, original: Id, r: &Meeting) -> Result<()> {
    tx.execute(
        "UPDATE meeting SET status = 'postponed' WHERE id = ?1",
        [original],
    )?;
    tx.audit(
        Audit::new("postpone", "meeting", Some(original))
            .field("status")
            .values(Some("planned"), Some("postponed")),
    )?;
    insert_meeting(tx, r)?;
    for sql in [
        "UPDATE topic SET meeting_id = ?2 WHERE meeting_id = ?1 AND stage = 'scheduled'",
        "UPDATE participation SET meeting_id = ?2 WHERE meeting_id = ?1",
        "UPDATE agenda SET meeting_id = ?2 WHERE meeting_id = ?1",
        "UPDATE coverage_exception SET meeting_id = ?2 WHERE meeting_id = ?1",
        "UPDATE meeting_secrecy SET meeting_id = ?2 WHERE meeting_id = ?1",
    ] {
        tx.execute(sql, params![original, r.id])?;
    }
    tx.audit(
        Audit::new("move_agenda", "meeting", Some(r.id))
            .field("postponed_from")
            .values(None, Some(&original.to_string())),
    )
}

fn part_fields(tx: &Tx<'_>, id: Id) -> Result<Fields> {
    let row = tx
        .query_row(
            "SELECT meeting_id, person_id, role, topic_id, is_recorder FROM participation
             WHERE id = ?1",
            [id],
            |r| {
                Ok(vec![
                    ("meeting_id", r.get::<_, Id>(0)?.to_string()),
                    ("person_id", r.get::<_, Id>(1)?.to_string()),
                    ("role", r.get::<_, String>(2)?),
                    (
                        "topic_id",
                        r.get::<_, Option<Id>>(3)?
                            .map(|t| t.to_string())
                            .unwrap_or_default(),
                    ),
                    ("is_recorder", flag(r.get(4)?)),
                ])
            },
        )
        .optional()?;
    Ok(row.unwrap_or_default())
}

fn insert_part(tx: &Tx<'_>, p: &Participation) -> Result<()> {
    tx.execute(
        "INSERT INTO participation (id, meeting_id, person_id, role, topic_id, is_recorder)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            p.id,
            p.meeting_id,
            p.person_id,
            p.role.code(),
            p.topic_id,
            p.is_recorder
        ],
    )?;
    let new = part_fields(tx, p.id)?;
    audit_fields(tx, "participation", p.id, None, &new)
}

fn recorder(tx: &Tx<'_>, meeting_id: Id, person: Option<Id>) -> Result<()> {
    let old: Option<Id> = tx
        .query_row(
            "SELECT person_id FROM participation WHERE meeting_id = ?1 AND is_recorder = 1",
            [meeting_id],
            |r| r.get(0),
        )
        .optional()?;
    tx.execute(
        "UPDATE participation SET is_recorder = (role = 'staff' AND person_id IS ?2)
         WHERE meeting_id = ?1",
        params![meeting_id, person],
    )?;
    tx.audit(
        Audit::new("recorder", "meeting", Some(meeting_id))
            .field("recorder")
            .values(
                old.map(|o| o.to_string()).as_deref(),
                person.map(|p| p.to_string()).as_deref(),
            ),
    )
}

fn submission(tx: &Tx<'_>, id: Id, meeting_id: Id, e: &SubmissionEvent) -> Result<()> {
    let (kind, step, by, at, text) = match e {
        SubmissionEvent::Signed(s) => ("signed", s.step, &s.by, s.at, &s.opinion),
        SubmissionEvent::SentBack {
            at_step,
            by,
            at,
            reason,
        } => ("sent_back", *at_step, by, *at, reason),
    };
    tx.execute(
        "INSERT INTO submission_event (id, meeting_id, kind, step, signer, at, opinion)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, meeting_id, kind, step.code(), by, time_text(&at), text],
    )?;
    let what = format!("meeting={meeting_id}; {kind} {}; {by}; {text}", step.code());
    tx.audit(Audit::new(kind, "submission_event", Some(id)).values(None, Some(&what)))
}

/// A meeting read inside a transaction.
trait MeetingIn {
    fn meeting_in(&self, id: Id) -> Result<Option<Meeting>>;
}

impl MeetingIn for Tx<'_> {
    fn meeting_in(&self, id: Id) -> Result<Option<Meeting>> {
        super::meeting::read_meeting(self, id)
    }
}
