//! What the audit chain tests share: a demo database, and a forger who knows the
//! encoding and has dropped the append-only triggers.
#![allow(dead_code)]
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::types::{Value, ValueRef};
use tempfile::TempDir;

use huiwu::domain::Time;
use huiwu::domain::people::Person;
use huiwu::store::Store;
use huiwu::store::chain;
use huiwu::store::verify::{ChainReport, HeadState};

pub fn now() -> Time {
    chrono::DateTime::parse_from_rfc3339("2026-11-25T16:30:00+08:00").expect("time")
}

pub fn demo_db(dir: &TempDir) -> PathBuf {
    let db = dir.path().join("huiwu.db");
    let mut store = Store::open(&db, "高敏").expect("open");
    huiwu::demo::load(&mut store, now()).expect("demo");
    db
}

pub fn person(name: &str) -> Person {
    Person {
        id: 0,
        name: name.into(),
        title: String::new(),
        department: "治安大队".into(),
        phone: String::new(),
        initials: String::new(),
    }
}

pub fn verify(db: &Path) -> ChainReport {
    Store::open_read_only(db, "检查")
        .expect("open")
        .verify_chain()
        .expect("verify")
}

pub fn head_state(db: &Path) -> HeadState {
    Store::open_read_only(db, "检查")
        .expect("open")
        .head_state()
        .expect("head")
}

/// A forger's connection, with every append-only trigger dropped.
pub fn forger(db: &Path) -> Connection {
    let c = Connection::open(db).expect("open by hand");
    c.execute_batch(
        "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;
         DROP TRIGGER audit_hashed_insert;",
    )
    .expect("drop the triggers");
    c
}

pub fn rows(db: &Path) -> i64 {
    Connection::open(db)
        .expect("open")
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .expect("count")
}

/// The hash a forger who knows the encoding computes for row `id` after `prev`.
pub fn forged_hash(c: &Connection, id: i64, prev: &str) -> String {
    let values: Vec<Value> = c
        .query_row(
            &format!("SELECT {} FROM audit WHERE id = ?1", chain::COLUMNS),
            [id],
            |r| (0..10).map(|i| r.get::<_, Value>(i)).collect(),
        )
        .expect("row");
    let refs: Vec<ValueRef<'_>> = values.iter().map(ValueRef::from).collect();
    chain::to_hex(&chain::row_hash(
        &chain::from_hex(prev).expect("hex"),
        &refs,
    ))
}

pub fn hash_of(c: &Connection, id: i64) -> String {
    c.query_row("SELECT hash FROM audit WHERE id = ?1", [id], |r| r.get(0))
        .expect("hash")
}
