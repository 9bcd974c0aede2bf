//! The tamper-evident audit trail (issue 10, R9.4): every row chained to the one before,
//! the chain linear with two terminals writing, rows from before the chain chained once;
//! what the chain alone cannot see (a rewritten, extended or shortened tail) named by the
//! head file beside the database. Rows edited, inserted or deleted by hand: audit_tamper.rs.
mod chain_support;

use rusqlite::Connection;
use tempfile::TempDir;

use chain_support::*;
use huiwu::store::verify::{Break, HeadState};
use huiwu::store::{Store, head};

#[test]
fn every_change_is_chained_and_the_head_file_follows() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let report = verify(&db);
    assert!(report.chained);
    assert_eq!(report.first_break, None);
    assert_eq!(report.rows, rows(&db));
    assert!(report.rows > 10, "the demo writes audit rows");
    let end = report.head.expect("a head");
    assert_eq!(end.row, report.rows);
    assert_eq!(end.short().len(), 12);
    assert!(end.short().bytes().all(|b| b.is_ascii_hexdigit()));
    // The head file beside the database names the same end, and is private.
    assert_eq!(head_state(&db), HeadState::Holds);
    let file = head::read(&db).expect("head file");
    assert_eq!(file.latest(), &end);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(head::path(&db))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    // What the signed minutes print.
    let store = Store::open_read_only(&db, "检查").expect("open");
    assert_eq!(store.audit_head().expect("head"), Some(end));
}

#[test]
fn two_terminals_writing_at_once_keep_one_linear_chain() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let before = rows(&db);
    let writers: Vec<_> = ["甲", "乙"]
        .into_iter()
        .map(|who| {
            let db = db.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&db, who).expect("open");
                s.set_writer_id(who);
                for i in 0..40 {
                    s.insert_person(&person(&format!("{who}{i}")))
                        .expect("insert");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer");
    }
    let report = verify(&db);
    assert_eq!(report.first_break, None, "{report:?}");
    assert_eq!(report.rows, before + 80);
    assert_eq!(head_state(&db), HeadState::Holds);
}

#[test]
fn rows_from_before_the_chain_are_chained_once_on_first_open() {
    let dir = TempDir::new().expect("dir");
    let db = dir.path().join("old.db");
    {
        let c = Connection::open(&db).expect("open");
        c.execute_batch(include_str!("../src/store/migrations/0001_initial.sql"))
            .expect("v1");
        c.execute_batch(include_str!("../src/store/migrations/0002_changes.sql"))
            .expect("v2");
        c.execute_batch(
            "PRAGMA user_version = 2;
             INSERT INTO audit (at, operator, action, entity, entity_id, old, new, field, writer)
             VALUES ('2026-11-18T09:00:00+08:00', '高敏', 'create', 'person', 1, NULL, '王建国', NULL, 'w'),
                    ('2026-11-18T09:01:00+08:00', '高敏', 'edit', 'entry', 7, '来', '后', 'text@3', 'w');",
        )
        .expect("old rows");
    }
    // Read only, an older database is not changed: there is simply no chain yet.
    assert!(!verify(&db).chained);
    let mut s = Store::open(&db, "高敏").expect("migrate");
    s.insert_person(&person("新人")).expect("a new change");
    drop(s);
    let report = verify(&db);
    assert!(report.chained);
    assert_eq!(report.first_break, None, "{report:?}");
    assert_eq!(report.rows, 3);
    // Once chained, an unhashed row is a forgery and is never chained over.
    let c = forger(&db);
    c.execute(
        "INSERT INTO audit (at, operator, action, entity) VALUES ('x', 'y', 'z', 'w')",
        [],
    )
    .expect("forge");
    c.execute(
        "UPDATE app_meta SET value = 'pending' WHERE key = 'audit_chain'",
        [],
    )
    .expect("reset the marker");
    drop(c);
    drop(Store::open(&db, "高敏").expect("reopen"));
    assert_eq!(verify(&db).first_break, Some(Break::Unhashed { id: 4 }));
}

#[test]
fn a_rewritten_or_extended_tail_is_caught_by_the_head_file() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let n = rows(&db);
    let c = forger(&db);
    // Rewrite the last two rows and re-chain them: the chain alone holds.
    c.execute("UPDATE audit SET new = '改写' WHERE id = ?1", [n - 1])
        .expect("edit");
    for id in [n - 1, n] {
        let prev = hash_of(&c, id - 1);
        let h = forged_hash(&c, id, &prev);
        c.execute(
            "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
            rusqlite::params![prev, h, id],
        )
        .expect("re-chain");
    }
    assert_eq!(verify(&db).first_break, None);
    assert!(
        matches!(head_state(&db), HeadState::Rewritten { .. }),
        "{:?}",
        head_state(&db)
    );
    // Append a well-chained forged row.
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let n = rows(&db);
    let c = forger(&db);
    c.execute(
        "INSERT INTO audit (id, at, operator, action, entity, writer)
         VALUES (?1, '2026-11-25T16:40:00+08:00', '王建国', 'edit', 'decision', 'w')",
        [n + 1],
    )
    .expect("append");
    let prev = hash_of(&c, n);
    let h = forged_hash(&c, n + 1, &prev);
    c.execute(
        "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
        rusqlite::params![prev, h, n + 1],
    )
    .expect("chain it");
    assert_eq!(verify(&db).first_break, None);
    match head_state(&db) {
        HeadState::Unvouched { first, last, .. } => assert_eq!((first, last), (n + 1, n + 1)),
        other => panic!("expected unvouched rows, got {other:?}"),
    }
}

#[test]
fn an_older_copy_in_place_is_caught_and_recorded_at_the_next_start() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let copy = dir.path().join("copy.db");
    std::fs::File::create(&copy).expect("create");
    Store::open_read_only(&db, "检查")
        .expect("open")
        .backup_into(&copy)
        .expect("copy");
    let mut s = Store::open(&db, "高敏").expect("open");
    for i in 0..10 {
        s.insert_person(&person(&format!("新{i}"))).expect("insert");
    }
    let end = s.audit_head().expect("head").expect("an end");
    drop(s);
    std::fs::copy(&copy, &db).expect("older copy in place");
    match head_state(&db) {
        HeadState::Lost {
            file,
            db: Some(now),
        } => {
            assert_eq!(file, end);
            assert_eq!(now.row, end.row - 10);
        }
        other => panic!("expected lost commits, got {other:?}"),
    }
    // The next read-write start records the loss in the trail and starts a new head.
    let mut s = Store::open(&db, "高敏").expect("open");
    assert!(matches!(
        s.settle_head().expect("settle"),
        HeadState::Lost { .. }
    ));
    assert_eq!(s.head_state().expect("head"), HeadState::Holds);
    let trail = s.audit_trail().expect("trail");
    let last = trail.last().expect("a row");
    assert_eq!(last.action, "lost");
    assert_eq!(last.old.as_deref(), Some(end.label().as_str()));
    assert_eq!(verify(&db).first_break, None);
}

#[test]
fn the_head_file_is_never_written_through_a_symlink() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let elsewhere = dir.path().join("elsewhere.txt");
    std::fs::write(&elsewhere, "不要动我").expect("write");
    let head_file = head::path(&db);
    std::fs::remove_file(&head_file).expect("remove");
    std::os::unix::fs::symlink(&elsewhere, &head_file).expect("symlink");
    let mut s = Store::open(&db, "高敏").expect("open");
    s.insert_person(&person("又一人")).expect("insert");
    drop(s);
    assert_eq!(
        std::fs::read_to_string(&elsewhere).expect("read"),
        "不要动我"
    );
    let meta = std::fs::symlink_metadata(&head_file).expect("meta");
    assert!(
        meta.file_type().is_file(),
        "the link was replaced by a file"
    );
    assert_eq!(head_state(&db), HeadState::Holds);
}
