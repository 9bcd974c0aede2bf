//! The fault of issue 10 that nothing inside the database can show: after a crash, the
//! -wal file is deleted, and every commit since the last checkpoint is gone — 10
//! sentences and their audit rows — while `integrity_check` still says ok. The head file
//! beside the database tells: `huiwu check` fails and says what happened, and the next
//! start says so on the message line and records it in the audit trail.
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{TIMEOUT, Term, huiwu_cmd_isolated, temp_db};

fn db_arg(db: &Path) -> &str {
    db.to_str().expect("temp db path is UTF-8")
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let (mut cmd, _dir) = huiwu_cmd_isolated(args);
    let out = cmd.output().expect("run huiwu");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Audit rows in the database as another reader sees them (through the -wal).
fn audit_rows(db: &Path) -> i64 {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open");
    c.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .expect("count")
}

fn wait_rows_above(db: &Path, n: i64) -> i64 {
    let until = Instant::now() + TIMEOUT;
    loop {
        let now = audit_rows(db);
        if now > n {
            return now;
        }
        assert!(Instant::now() < until, "the sentence was never committed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_wal_deleted_after_a_crash_is_told_by_check_and_at_start() {
    let (_dir, db) = temp_db();
    let (code, _, err) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0), "{err}");
    let (code, out, _) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!(code, Some(0), "{out}");

    let mut t = Term::huiwu(&["--db", db_arg(&db), "--operator", "测试员"], &[]);
    t.wait_for_all(&["议事程序", "C-q 退出"], TIMEOUT)
        .expect("the console came up");
    let mut rows = audit_rows(&db);
    let before = rows;
    // Ten sentences, each committed on its own.
    for i in 1..=10 {
        t.type_text(&format!("第{i}句记录。"));
        rows = wait_rows_above(&db, rows);
    }
    assert!(rows >= before + 10);
    // A crash before any checkpoint, and the -wal deleted by someone tidying up.
    t.kill9();
    let wal = db.with_file_name("huiwu.db-wal");
    assert!(wal.exists() && std::fs::metadata(&wal).expect("wal").len() > 0);
    std::fs::remove_file(&wal).expect("delete the -wal");
    let _ = std::fs::remove_file(db.with_file_name("huiwu.db-shm"));
    assert_eq!(audit_rows(&db), before, "the ten commits are gone");

    // SQLite alone finds nothing wrong; the head file does.
    let (code, out, err) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(!out.contains("\nok"), "{out}");
    assert!(
        out.contains("数据库缺少最近的") && out.contains("-wal") && out.contains("huiwu restore"),
        "check says what happened and what to do: {out}"
    );
    let (code, out, _) = run(&["--db", db_arg(&db), "--lang", "en", "audit", "verify"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("lacks its latest"), "{out}");

    // The next start says so on the message line, in the user's language.
    let mut t = Term::huiwu(&["--db", db_arg(&db), "--operator", "测试员"], &[]);
    t.wait_for("数据库缺少最近的更改", TIMEOUT)
        .unwrap_or_else(|e| panic!("no warning at start: {e}\n{}", t.dump()));
    assert!(t.screen().contains("-wal"));
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    // Recorded in the trail; the check is clean again but still names it.
    let (code, out, err) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!((code, out.as_str()), (Some(0), "ok\n"), "{err}");
    assert!(err.contains("发现更改丢失"), "{err}");
    let (_, out, _) = run(&["--db", db_arg(&db), "audit", "show"]);
    assert!(out.contains("测试员  lost audit"), "{out}");
}
