//! Topics in the back office (R1, R2.1): the registration form, the stage, the review
//! checklist, and a topic's place on a meeting's agenda. The console's own columns
//! (status, times) are left to it; a topic's `discussed` and `decided` stages are read
//! from them, so the console never has to know about stages.
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::fields::{Fields, audit_fields, flag};
use super::intake_read::read;
use super::time::time_text;
use super::tx::{Audit, Tx};
use super::{Result, StoreError};
use crate::domain::agenda::Urgency;
use crate::domain::intake::TopicRegistration;
use crate::domain::review::{ReviewEntry, Verdict};
use crate::domain::topic_stage::TopicStage;
use crate::domain::{Id, Time};

/// A topic as the back office sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisteredTopic {
    pub id: Id,
    pub registration: TopicRegistration,
    /// Where the topic stands (discussed / decided as the console recorded it).
    pub stage: TopicStage,
    /// The meeting whose agenda it is on.
    pub meeting_id: Option<Id>,
    /// 1-based place on that agenda.
    pub seq: u32,
    pub urgency: Urgency,
    /// When it was put on the agenda.
    pub added_at: Option<Time>,
    /// Put on the agenda after the Friday 12:00 cut-off, through the urgent form.
    pub after_cutoff: bool,
    /// The topic this one continues, carried over from an earlier meeting.
    pub carried_from: Option<Id>,
    /// The later meeting this topic was carried over to (顺延), as F4 named it.
    pub carried_to: Option<Id>,
}

/// A change to a topic, as the back office makes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum TopicChange {
    /// Register a topic (an id chosen by the screen) or change its form, leaving it at
    /// `stage`.
    Save {
        topic_id: Id,
        registration: TopicRegistration,
        stage: TopicStage,
    },
    Stage {
        topic_id: Id,
        from: TopicStage,
        to: TopicStage,
    },
    /// One item of the checklist recorded (R1.4).
    Review {
        entry_id: Id,
        topic_id: Id,
        entry: ReviewEntry,
    },
    /// Put on a meeting's agenda at place `seq` (R2.1).
    Schedule {
        topic_id: Id,
        meeting_id: Id,
        seq: u32,
        urgency: Urgency,
        added_at: Time,
        after_cutoff: bool,
    },
    /// Taken off its meeting's agenda: ready again; its sitting-in people and materials
    /// not yet handed out go with it.
    Unschedule {
        topic_id: Id,
        meeting_id: Id,
    },
    /// The agenda's order, first to last.
    Order {
        meeting_id: Id,
        topics: Vec<Id>,
    },
    Urgency {
        topic_id: Id,
        urgency: Urgency,
    },
    /// A discussed topic not decided, registered again (a copy with its checklist) to be
    /// scheduled on a later meeting; the original stays with its meeting's record.
    CarryOver {
        from: Id,
        topic_id: Id,
    },
}

impl TopicChange {
    pub(super) fn apply(&self, tx: &Tx<'_>) -> Result<()> {
        match self {
            Self::Save {
                topic_id,
                registration,
                stage,
            } => {
                super::lease::guard(tx, super::lease::TOPIC, *topic_id)?;
                save(tx, *topic_id, registration, *stage)
            }
            Self::Stage { topic_id, from, to } => {
                tx.execute(
                    "UPDATE topic SET stage = ?2 WHERE id = ?1",
                    params![topic_id, to.code()],
                )?;
                tx.audit(
                    Audit::new("stage", "topic", Some(*topic_id))
                        .field("stage")
                        .values(Some(from.code()), Some(to.code())),
                )
            }
            Self::Review {
                entry_id,
                topic_id,
                entry,
            } => review(tx, *entry_id, *topic_id, entry),
            Self::Schedule {
                topic_id,
                meeting_id,
                seq,
                urgency,
                added_at,
                after_cutoff,
            } => {
                tx.execute(
                    "UPDATE topic SET meeting_id = ?2, seq = ?3, urgency = ?4, added_at = ?5,
                            after_cutoff = ?6, stage = 'scheduled', status = 'pending'
                     WHERE id = ?1",
                    params![
                        topic_id,
                        meeting_id,
                        seq,
                        urgency.code(),
                        time_text(added_at),
                        after_cutoff
                    ],
                )?;
                let what = format!(
                    "meeting={meeting_id}; seq={seq}; urgency={}; after_cutoff={}",
                    urgency.code(),
                    flag(*after_cutoff)
                );
                tx.audit(Audit::new("schedule", "topic", Some(*topic_id)).values(None, Some(&what)))
            }
            Self::Unschedule {
                topic_id,
                meeting_id,
            } => unschedule(tx, *topic_id, *meeting_id),
            Self::Order { meeting_id, topics } => {
                let before: Vec<String> = read_order(tx, *meeting_id)?;
                for (i, t) in topics.iter().enumerate() {
                    tx.execute(
                        "UPDATE topic SET seq = ?3 WHERE id = ?1 AND meeting_id = ?2",
                        params![t, meeting_id, (i + 1) as i64],
                    )?;
                }
                let after: Vec<String> = topics.iter().map(Id::to_string).collect();
                tx.audit(
                    Audit::new("order", "agenda", Some(*meeting_id))
                        .field("topics")
                        .values(Some(&before.join(",")), Some(&after.join(","))),
                )
            }
            Self::Urgency { topic_id, urgency } => {
                let old: String =
                    tx.query_row("SELECT urgency FROM topic WHERE id = ?1", [topic_id], |r| {
                        r.get(0)
                    })?;
                tx.execute(
                    "UPDATE topic SET urgency = ?2 WHERE id = ?1",
                    params![topic_id, urgency.code()],
                )?;
                tx.audit(
                    Audit::new("edit", "topic", Some(*topic_id))
                        .field("urgency")
                        .values(Some(&old), Some(urgency.code())),
                )
            }
            Self::CarryOver { from, topic_id } => carry_over(tx, *from, *topic_id, None),
        }
    }
}

fn read_order(tx: &Tx<'_>, meeting_id: Id) -> Result<Vec<String>> {
    let mut st = tx.prepare("SELECT id FROM topic WHERE meeting_id = ?1 ORDER BY seq, id")?;
    let ids = st.query_map([meeting_id], |r| r.get::<_, Id>(0))?;
    Ok(ids
        .map(|r| r.map(|i| i.to_string()))
        .collect::<rusqlite::Result<_>>()?)
}

fn fields(r: &TopicRegistration) -> Fields {
    vec![
        ("title", r.title.clone()),
        ("department", r.department.clone()),
        ("deputy_id", r.deputy_id.to_string()),
        ("channel", r.channel.code().to_string()),
        ("scope", r.scope.number().to_string()),
        ("summary", r.summary.clone()),
        ("alternatives", r.alternatives.join("\n")),
        ("legal_basis", r.legal_basis.clone()),
        ("background", r.background.clone()),
        ("involved_departments", r.involved_departments.join("\n")),
        ("legal_criminal", flag(r.legal_matters.criminal)),
        ("legal_public_order", flag(r.legal_matters.public_order)),
        (
            "legal_law_enforcement",
            flag(r.legal_matters.law_enforcement),
        ),
        ("material_copies", r.material_copies.to_string()),
        ("classified", flag(r.classified)),
        (
            "submitted_on",
            r.submitted_on.format("%Y-%m-%d").to_string(),
        ),
    ]
}

fn save(tx: &Tx<'_>, id: Id, r: &TopicRegistration, stage: TopicStage) -> Result<()> {
    let old = read(tx, id)?;
    tx.execute(
        "INSERT INTO topic (id, seq, title, department, deputy_id, channel, scope,
                            needs_legal_review, alternatives, stage, summary, legal_basis,
                            background, involved_departments, legal_criminal,
                            legal_public_order, legal_law_enforcement, material_copies,
                            classified, submitted_on)
         VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title,
           department = excluded.department, deputy_id = excluded.deputy_id,
           channel = excluded.channel, scope = excluded.scope,
           needs_legal_review = excluded.needs_legal_review,
           alternatives = excluded.alternatives, stage = excluded.stage,
           summary = excluded.summary, legal_basis = excluded.legal_basis,
           background = excluded.background,
           involved_departments = excluded.involved_departments,
           legal_criminal = excluded.legal_criminal,
           legal_public_order = excluded.legal_public_order,
           legal_law_enforcement = excluded.legal_law_enforcement,
           material_copies = excluded.material_copies, classified = excluded.classified,
           submitted_on = excluded.submitted_on",
        params![
            id,
            r.title,
            r.department,
            // 0: a topic registered without a deputy (before the form had the field).
            (r.deputy_id != 0).then_some(r.deputy_id),
            r.channel.code(),
            r.scope.number(),
            r.needs_legal_review(),
            r.alternatives.join("\n"),
            stage.code(),
            r.summary,
            r.legal_basis,
            r.background,
            r.involved_departments.join("\n"),
            r.legal_matters.criminal,
            r.legal_matters.public_order,
            r.legal_matters.law_enforcement,
            r.material_copies,
            r.classified,
            r.submitted_on.format("%Y-%m-%d").to_string(),
        ],
    )?;
    let mut new = fields(r);
    new.push(("stage", stage.code().to_string()));
    let old = old.map(|t| {
        let mut f = fields(&t.registration);
        f.push(("stage", t.stage.code().to_string()));
        f
    });
    audit_fields(tx, "topic", id, old.as_ref(), &new)
}

fn review(tx: &Tx<'_>, entry_id: Id, topic_id: Id, e: &ReviewEntry) -> Result<()> {
    let verdict = verdict_code(e.verdict);
    tx.execute(
        "INSERT INTO review_entry (id, topic_id, item, reviewed_by, at, verdict, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            entry_id,
            topic_id,
            e.item.code(),
            e.by,
            time_text(&e.at),
            verdict,
            e.note
        ],
    )?;
    let what = format!("topic={topic_id}; {}; {}; {}", e.item.code(), verdict, e.by);
    tx.audit(Audit::new("create", "review_entry", Some(entry_id)).values(None, Some(&what)))
}

fn unschedule(tx: &Tx<'_>, topic_id: Id, meeting_id: Id) -> Result<()> {
    tx.execute(
        "UPDATE topic SET meeting_id = NULL, seq = 0, added_at = NULL, after_cutoff = 0,
                stage = 'ready' WHERE id = ?1",
        [topic_id],
    )?;
    tx.execute(
        "DELETE FROM participation WHERE meeting_id = ?1 AND topic_id = ?2",
        params![meeting_id, topic_id],
    )?;
    tx.execute(
        "DELETE FROM material_package WHERE meeting_id = ?1 AND topic_id = ?2",
        params![meeting_id, topic_id],
    )?;
    tx.execute(
        "DELETE FROM classified_copy WHERE meeting_id = ?1 AND topic_id = ?2
           AND handed_out_at IS NULL",
        params![meeting_id, topic_id],
    )?;
    tx.audit(
        Audit::new("unschedule", "topic", Some(topic_id))
            .field("meeting_id")
            .values(Some(&meeting_id.to_string()), None),
    )
}

/// Carry over a topic its meeting did not decide (R3, R7): the one way both screens do
/// it. A copy is registered again with the topic's form, urgency, checklist and the link
/// to where it came from; the original stays with its meeting's record. With `to` (F4
/// names the meeting) the copy is put last on that meeting's agenda with the topic's
/// sitting-in people, ready to be discussed there; without (F3) it waits, ready.
pub(super) fn carry_over(tx: &Tx<'_>, from: Id, topic_id: Id, to: Option<Id>) -> Result<()> {
    let Some(old) = read(tx, from)? else {
        return Err(StoreError::BadData(format!(
            "no topic {from} to carry over"
        )));
    };
    if let Some(copy) = copy_of(tx, from)? {
        return Err(StoreError::BadData(format!(
            "topic {from} is carried over already (topic {})",
            copy.id
        )));
    }
    save(tx, topic_id, &old.registration, TopicStage::Ready)?;
    tx.execute(
        "UPDATE topic SET carried_from = ?2, urgency = ?3 WHERE id = ?1",
        params![topic_id, from, old.urgency.code()],
    )?;
    tx.execute(
        "INSERT INTO review_entry (topic_id, item, reviewed_by, at, verdict, note)
         SELECT ?2, item, reviewed_by, at, verdict, note FROM review_entry
          WHERE topic_id = ?1 ORDER BY id",
        params![from, topic_id],
    )?;
    tx.audit(
        Audit::new("carry_over", "topic", Some(topic_id))
            .field("from")
            .values(None, Some(&from.to_string())),
    )?;
    match to {
        Some(meeting_id) => schedule_carried(tx, from, topic_id, meeting_id),
        None => Ok(()),
    }
}

/// The topic registered again from `from`, if it was carried over.
pub(super) struct CarriedCopy {
    pub id: Id,
    pub meeting_id: Option<Id>,
    /// Not begun at any meeting yet, and still on an agenda or ready for one.
    pub untouched: bool,
}

pub(super) fn copy_of(tx: &Tx<'_>, from: Id) -> Result<Option<CarriedCopy>> {
    Ok(tx
        .query_row(
            "SELECT id, meeting_id, status = 'pending' AND stage IN ('ready', 'scheduled')
             FROM topic WHERE carried_from = ?1",
            [from],
            |r| {
                Ok(CarriedCopy {
                    id: r.get(0)?,
                    meeting_id: r.get(1)?,
                    untouched: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// F4 names the meeting a topic goes to (or names another): its copy, new or made
/// earlier by F3, is put on that meeting's agenda — unless a meeting took it up already.
pub(super) fn carry_to(tx: &Tx<'_>, from: Id, new_copy: Id, to: Id) -> Result<()> {
    match copy_of(tx, from)? {
        None => carry_over(tx, from, new_copy, Some(to)),
        Some(c) if c.meeting_id == Some(to) => Ok(()),
        Some(c) if !c.untouched => Err(StoreError::BadData(format!(
            "topic {from}: its copy {} was taken up already",
            c.id
        ))),
        Some(c) => {
            if let Some(m) = c.meeting_id {
                unschedule(tx, c.id, m)?;
            }
            schedule_carried(tx, from, c.id, to)
        }
    }
}

/// The copy `topic_id` of `from` goes last on `meeting_id`'s agenda. The meeting itself
/// sent it there, so it is not a late request past the Friday cut-off; the people who sat
/// in for it come again (the office adds or removes them as for any topic).
fn schedule_carried(tx: &Tx<'_>, from: Id, topic_id: Id, meeting_id: Id) -> Result<()> {
    let seq: u32 = tx.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM topic WHERE meeting_id = ?1 AND id <> ?2",
        params![meeting_id, topic_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE topic SET meeting_id = ?2, seq = ?3, added_at = ?4, after_cutoff = 0,
                stage = 'scheduled', status = 'pending'
         WHERE id = ?1",
        params![topic_id, meeting_id, seq, time_text(&tx.at())],
    )?;
    tx.execute(
        "INSERT INTO participation (meeting_id, person_id, role, topic_id, is_recorder)
         SELECT ?1, p.person_id, 'sitting_in', ?2, 0
         FROM participation p JOIN topic t ON t.id = ?3
         WHERE p.meeting_id = t.meeting_id AND p.topic_id = ?3 AND p.role = 'sitting_in'
           AND NOT EXISTS (SELECT 1 FROM participation q
                           WHERE q.meeting_id = ?1 AND q.person_id = p.person_id
                             AND (q.topic_id IS NULL OR q.topic_id = ?2))
         ORDER BY p.id",
        params![meeting_id, topic_id, from],
    )?;
    let what = format!("meeting={meeting_id}; seq={seq}; carried_from={from}");
    tx.audit(Audit::new("schedule", "topic", Some(topic_id)).values(None, Some(&what)))
}

pub(super) fn verdict_code(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Fail => "fail",
    }
}
