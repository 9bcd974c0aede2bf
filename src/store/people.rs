//! People and their participation in meetings.
use rusqlite::{Row, params};

use super::time::{parse_time, time_text};
use super::tx::{Audit, Tx};
use super::{Result, Store, StoreError};
use crate::domain::Id;
use crate::domain::attendance::{EventKind, Place};
use crate::domain::people::{Admission, Participation, Person, Role};

impl Store {
    pub fn insert_person(&mut self, p: &Person) -> Result<Id> {
        self.transact(|tx| {
            tx.execute(
                "INSERT INTO person (name, title, department, phone, initials)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![p.name, p.title, p.department, p.phone, p.initials],
            )?;
            let id = tx.last_insert_rowid();
            let what = format!(
                "{}; {}; {}; {}; {}",
                p.name, p.title, p.department, p.phone, p.initials
            );
            tx.audit(Audit::new("create", "person", Some(id)).values(None, Some(&what)))?;
            Ok(id)
        })
    }

    pub fn people(&self) -> Result<Vec<Person>> {
        let mut st = self.conn().prepare(
            "SELECT id, name, title, department, phone, initials FROM person ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
                title: r.get(2)?,
                department: r.get(3)?,
                phone: r.get(4)?,
                initials: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn insert_participation(&mut self, p: &Participation) -> Result<Id> {
        self.transact(|tx| {
            tx.execute(
                "INSERT INTO participation (meeting_id, person_id, role, topic_id, is_recorder)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    p.meeting_id,
                    p.person_id,
                    p.role.code(),
                    p.topic_id,
                    p.is_recorder
                ],
            )?;
            let id = tx.last_insert_rowid();
            let what = format!(
                "person {} as {}; topic={}; recorder={}",
                p.person_id,
                p.role.code(),
                p.topic_id.map(|t| t.to_string()).unwrap_or_default(),
                p.is_recorder
            );
            tx.audit(Audit::new("create", "participation", Some(id)).values(None, Some(&what)))?;
            Ok(id)
        })
    }

    pub fn participations(&self, meeting_id: Id) -> Result<Vec<Participation>> {
        let mut st = self.conn().prepare(
            "SELECT id, meeting_id, person_id, role, topic_id, is_recorder
             FROM participation WHERE meeting_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([meeting_id], participation_row)?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row??);
        }
        Ok(out)
    }
}

fn participation_row(r: &Row<'_>) -> rusqlite::Result<Result<Participation>> {
    let role: String = r.get(3)?;
    let Some(role) = Role::from_code(&role) else {
        return Ok(Err(StoreError::BadData(format!("unknown role {role}"))));
    };
    Ok(Ok(Participation {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        person_id: r.get(2)?,
        role,
        topic_id: r.get(4)?,
        is_recorder: r.get(5)?,
    }))
}

impl Store {
    /// The people admitted to a meeting from outside its list.
    pub fn admissions(&self, meeting_id: Id) -> Result<Vec<Admission>> {
        let mut st = self.conn().prepare_cached(
            "SELECT meeting_id, person_id, reason, allowed_by, at FROM admission
             WHERE meeting_id = ?1 ORDER BY at, person_id",
        )?;
        let rows = st.query_map([meeting_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, Id>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (meeting_id, person_id, reason, allowed_by, at) = row?;
            let at = parse_time(&at)
                .ok_or_else(|| StoreError::BadData(format!("admission {person_id}: {at}")))?;
            out.push(Admission {
                meeting_id,
                person_id,
                reason,
                allowed_by,
                at,
            });
        }
        Ok(out)
    }
}

/// Admit someone not on the list (R5.1): the person (new to the roster, with the id the
/// console chose), their part in the meeting, the admission with its reason and who
/// allowed it, and their sign-in — all in one transaction.
pub(super) fn admit(tx: &Tx<'_>, person: &Person, a: &Admission) -> Result<()> {
    tx.execute(
        "INSERT INTO person (id, name, title, department, phone, initials)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            person.id,
            person.name,
            person.title,
            person.department,
            person.phone,
            person.initials
        ],
    )?;
    let what = format!("{}; {}; {}", person.name, person.title, person.department);
    tx.audit(Audit::new("create", "person", Some(person.id)).values(None, Some(&what)))?;
    tx.execute(
        "INSERT INTO participation (meeting_id, person_id, role, topic_id, is_recorder)
         VALUES (?1, ?2, 'sitting_in', NULL, 0)",
        params![a.meeting_id, person.id],
    )?;
    tx.execute(
        "INSERT INTO admission (meeting_id, person_id, reason, allowed_by, at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            a.meeting_id,
            person.id,
            a.reason,
            a.allowed_by,
            time_text(&a.at)
        ],
    )?;
    let what = format!(
        "{} admitted; reason={}; allowed_by={}",
        person.name, a.reason, a.allowed_by
    );
    tx.audit(Audit::new("admit", "meeting", Some(a.meeting_id)).values(None, Some(&what)))?;
    let note = format!("{}；{}", a.reason, a.allowed_by);
    super::attendance::insert_event(
        tx,
        a.meeting_id,
        person.id,
        &EventKind::CheckIn { place: Place::Room },
        a.at,
        &note,
    )?;
    Ok(())
}
