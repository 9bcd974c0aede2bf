//! A row of the audit trail edited, inserted or deleted outside the program — even by
//! someone who drops the append-only triggers first and knows the encoding — is named by
//! `verify` (issue 10, R9.4).
mod chain_support;

use rusqlite::Connection;
use tempfile::TempDir;

use chain_support::*;
use huiwu::store::verify::Break;

#[test]
fn the_triggers_refuse_an_edit_or_a_delete_by_hand() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let c = Connection::open(&db).expect("open");
    let edit = c.execute("UPDATE audit SET operator = '别人' WHERE id = 3", []);
    assert!(edit.is_err_and(|e| e.to_string().contains("append-only")));
    let delete = c.execute("DELETE FROM audit WHERE id = 3", []);
    assert!(delete.is_err_and(|e| e.to_string().contains("append-only")));
    let insert = c.execute(
        "INSERT INTO audit (at, operator, action, entity) VALUES ('x', 'y', 'z', 'w')",
        [],
    );
    assert!(insert.is_err());
    assert_eq!(verify(&db).first_break, None);
}

#[test]
fn an_edited_row_is_named_even_with_the_triggers_dropped() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let c = forger(&db);
    c.execute("UPDATE audit SET new = '伪造' WHERE id = 5", [])
        .expect("edit");
    assert_eq!(verify(&db).first_break, Some(Break::Altered { id: 5 }));
    // A value as a blob is another value, though it reads alike.
    c.execute("UPDATE audit SET new = NULL WHERE id = 5", [])
        .expect("edit");
    c.execute("UPDATE audit SET at = CAST(at AS BLOB) WHERE id = 9", [])
        .expect("edit");
    c.execute(
        "UPDATE audit SET new = (SELECT new FROM audit WHERE id = 4) WHERE id = 5",
        [],
    )
    .expect("edit");
    assert!(matches!(
        verify(&db).first_break,
        Some(Break::Altered { id: 5 })
    ));
}

#[test]
fn an_edit_with_a_recomputed_hash_breaks_the_link_to_the_next_row() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let c = forger(&db);
    c.execute("UPDATE audit SET operator = '别人' WHERE id = 5", [])
        .expect("edit");
    let prev = hash_of(&c, 4);
    let h = forged_hash(&c, 5, &prev);
    c.execute("UPDATE audit SET hash = ?1 WHERE id = 5", [h])
        .expect("rehash");
    assert_eq!(
        verify(&db).first_break,
        Some(Break::Broken {
            after: Some(5),
            at: 6
        })
    );
}

#[test]
fn a_deleted_row_is_named_even_with_the_triggers_dropped() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let c = forger(&db);
    c.execute("DELETE FROM audit WHERE id = 7", [])
        .expect("delete");
    assert_eq!(
        verify(&db).first_break,
        Some(Break::Broken {
            after: Some(6),
            at: 8
        })
    );
    // The first rows too.
    c.execute("DELETE FROM audit WHERE id < 3", [])
        .expect("delete");
    assert_eq!(
        verify(&db).first_break,
        Some(Break::Broken { after: None, at: 3 })
    );
}

#[test]
fn an_inserted_row_is_named_even_with_the_triggers_dropped() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let n = rows(&db);
    let c = forger(&db);
    // Without a hash, at the end.
    c.execute(
        "INSERT INTO audit (id, at, operator, action, entity, entity_id, new)
         VALUES (?1, '2026-11-25T16:40:00+08:00', '高敏', 'edit', 'decision', 1, '通过')",
        [n + 1],
    )
    .expect("insert");
    assert_eq!(verify(&db).first_break, Some(Break::Unhashed { id: n + 1 }));
    c.execute("DELETE FROM audit WHERE id = ?1", [n + 1])
        .expect("undo");
    // With a hash computed as the program would, in the middle: the rows after it move
    // up by one to make room.
    for id in (11..=n).rev() {
        c.execute("UPDATE audit SET id = id + 1 WHERE id = ?1", [id])
            .expect("renumber");
    }
    c.execute(
        "INSERT INTO audit (id, at, operator, action, entity, entity_id, new, writer)
         VALUES (11, '2026-11-25T16:40:00+08:00', '高敏', 'edit', 'decision', 1, '通过', 'w')",
        [],
    )
    .expect("insert");
    let prev = hash_of(&c, 10);
    let h = forged_hash(&c, 11, &prev);
    c.execute(
        "UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE id = 11",
        [prev, h],
    )
    .expect("forge the hash");
    assert_eq!(verify(&db).first_break, Some(Break::Inserted { id: 11 }));
}
