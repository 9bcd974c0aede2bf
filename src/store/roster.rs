//! The roster (the back office's people list): adding, editing, retiring and importing
//! people, each audited field by field. Retired people stay on the record, since old
//! meetings name them; the demo's people are never on the roster.
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::fields::{Fields, audit_fields};
use super::time::{opt_time, time_text};
use super::tx::{Audit, Tx};
use super::{Result, Store};
use crate::domain::people::Person;
use crate::domain::{Id, Time};

/// A person as the roster knows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterPerson {
    /// `initials` are the ones used: the person's own correction, else computed.
    pub person: Person,
    /// The person's own correction of the initials ("" when the computed ones are right).
    pub own_initials: String,
    pub retired_at: Option<Time>,
}

impl RosterPerson {
    pub fn is_active(&self) -> bool {
        self.retired_at.is_none()
    }
}

/// A change to the roster, as the back office makes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum PeopleChange {
    /// Add (an id not yet stored, chosen by the screen) or edit a person.
    Save { person: RosterPerson },
    /// Retire a person (`retired_at`), or put them back on the list (none).
    Retire {
        person_id: Id,
        retired_at: Option<Time>,
    },
    /// The people of an imported file: all in this one transaction, or none.
    Import { people: Vec<RosterPerson> },
}

impl PeopleChange {
    pub(super) fn apply(&self, tx: &Tx<'_>) -> Result<()> {
        match self {
            Self::Save { person } => {
                super::lease::guard(tx, super::lease::PERSON, person.person.id)?;
                save(tx, person)
            }
            Self::Retire {
                person_id,
                retired_at,
            } => retire(tx, *person_id, *retired_at),
            Self::Import { people } => {
                for p in people {
                    save(tx, p)?;
                }
                tx.audit(
                    Audit::new("import", "person", None)
                        .values(None, Some(&format!("{} people", people.len()))),
                )
            }
        }
    }
}

fn fields(p: &RosterPerson) -> Fields {
    vec![
        ("name", p.person.name.clone()),
        ("title", p.person.title.clone()),
        ("department", p.person.department.clone()),
        ("phone", p.person.phone.clone()),
        ("initials", p.person.initials.clone()),
        ("own_initials", p.own_initials.clone()),
    ]
}

fn read(conn: &rusqlite::Connection, id: Id) -> Result<Option<RosterPerson>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM person WHERE id = ?1"),
            [id],
            row,
        )
        .optional()?)
}

fn save(tx: &Tx<'_>, p: &RosterPerson) -> Result<()> {
    let old = read(tx, p.person.id)?;
    let q = &p.person;
    tx.execute(
        "INSERT INTO person (id, name, title, department, phone, initials, own_initials)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title,
           department = excluded.department, phone = excluded.phone,
           initials = excluded.initials, own_initials = excluded.own_initials",
        params![
            q.id,
            q.name,
            q.title,
            q.department,
            q.phone,
            q.initials,
            p.own_initials
        ],
    )?;
    audit_fields(
        tx,
        "person",
        q.id,
        old.as_ref().map(fields).as_ref(),
        &fields(p),
    )
}

fn retire(tx: &Tx<'_>, id: Id, at: Option<Time>) -> Result<()> {
    let old: Option<String> =
        tx.query_row("SELECT retired_at FROM person WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    let new = at.as_ref().map(time_text);
    tx.execute(
        "UPDATE person SET retired_at = ?2 WHERE id = ?1",
        params![id, new],
    )?;
    tx.audit(
        Audit::new(
            if at.is_some() { "retire" } else { "restore" },
            "person",
            Some(id),
        )
        .field("retired_at")
        .values(old.as_deref(), new.as_deref()),
    )
}

const COLUMNS: &str = "id, name, title, department, phone, initials, own_initials, retired_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RosterPerson> {
    Ok(RosterPerson {
        person: Person {
            id: r.get(0)?,
            name: r.get(1)?,
            title: r.get(2)?,
            department: r.get(3)?,
            phone: r.get(4)?,
            initials: r.get(5)?,
        },
        own_initials: r.get(6)?,
        retired_at: opt_time(r.get(7)?),
    })
}

impl Store {
    /// Everyone on the roster, retired people too, in the order they were added; never
    /// the demo's people.
    pub fn roster(&self) -> Result<Vec<RosterPerson>> {
        let mut st = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM person WHERE is_demo = 0 ORDER BY id"
        ))?;
        let rows = st.query_map([], row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Mark people as the demo's (the demo loader): they stay off the roster.
    pub fn mark_demo_people(&mut self, ids: &[Id]) -> Result<()> {
        self.transact(|tx| {
            for id in ids {
                tx.execute("UPDATE person SET is_demo = 1 WHERE id = ?1", [id])?;
            }
            tx.audit(
                Audit::new("demo", "person", None)
                    .values(None, Some(&format!("{} demo people", ids.len()))),
            )
        })
    }
}
