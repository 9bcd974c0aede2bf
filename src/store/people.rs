//! People and their participation in meetings.
use rusqlite::{Row, params};

use super::tx::Audit;
use super::{Result, Store, StoreError};
use crate::domain::Id;
use crate::domain::people::{Participation, Person, Role};

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
