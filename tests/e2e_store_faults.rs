//! The storage faults of issue 10, each with the message the user reads and the data
//! kept (R9.1): the disk full while typing and while editing other records, a folder that
//! cannot be written, a lock held past the busy timeout while typing, and files that are
//! not SQLite, damaged, or made by a newer huiwu. (A closed terminal, a locked or full
//! database at start, a read-only file and a damaged one under check are in
//! e2e_faults.rs; the deleted -wal in e2e_wal_loss.rs.)
mod common;

use std::path::Path;
use std::time::Duration;

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

fn start(db: &Path) -> Term {
    let t = Term::huiwu(&["--db", db_arg(db), "--operator", "测试员"], &[]);
    t.wait_for_all(&["议事程序", "C-q 退出"], TIMEOUT)
        .unwrap_or_else(|e| panic!("the console did not come up: {e}\n{}", t.dump()));
    t
}

/// A system tool the test needs (mount, chattr): false when it cannot be used here.
fn tool(cmd: &str, args: &[&str]) -> bool {
    std::process::Command::new(cmd)
        .args(args)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `cmd args` when dropped (unmount, chattr -i), whatever happened.
struct Undo(&'static str, Vec<String>);

impl Drop for Undo {
    fn drop(&mut self) {
        let _ = std::process::Command::new(self.0).args(&self.1).status();
    }
}

/// What the demo meeting's current topic holds: its texts, its decision's outcome, and
/// who signed in.
fn stored(db: &Path) -> (String, Option<String>, Vec<String>) {
    let c = rusqlite::Connection::open(db).expect("open");
    let texts: String = c
        .query_row("SELECT group_concat(text, '\n') FROM entry", [], |r| {
            r.get(0)
        })
        .expect("texts");
    let outcome: Option<String> = c
        .query_row(
            "SELECT outcome FROM decision WHERE outcome IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .ok();
    let mut st = c
        .prepare(
            "SELECT p.name FROM attendance_event a JOIN person p ON p.id = a.person_id
             WHERE a.kind = 'check_in'",
        )
        .expect("prepare");
    let names = st
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<rusqlite::Result<Vec<String>>>()
        .expect("names");
    (texts, outcome, names)
}

#[test]
fn a_full_disk_while_typing_and_editing_other_records_keeps_everything_until_there_is_room() {
    let dir = tempfile::tempdir().expect("dir");
    let mnt = dir.path().join("small");
    std::fs::create_dir(&mnt).expect("mkdir");
    let m = db_arg(&mnt).to_string();
    if !tool("mount", &["-t", "tmpfs", "-o", "size=4m", "tmpfs", &m]) {
        eprintln!("SKIP: cannot mount a small tmpfs here (needs root)");
        return;
    }
    let _unmount = Undo("umount", vec![m.clone()]);
    let db = mnt.join("huiwu.db");
    let (code, _, err) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0), "{err}");
    let mut t = start(&db);
    let filler = mnt.join("filler");
    let _ = std::process::Command::new("dd")
        .args(["if=/dev/zero", &format!("of={}", filler.display()), "bs=4k"])
        .stderr(std::process::Stdio::null())
        .status();
    // Typing, the decision's outcome, a check-in: all refused by the disk, all kept.
    t.type_text("磁盘满时写下的话");
    t.wait_for("磁盘已满", TIMEOUT)
        .unwrap_or_else(|e| panic!("the full disk is not said: {e}\n{}", t.dump()));
    assert!(t.line(0).contains("保存失败"), "{}", t.line(0));
    t.key("Tab");
    t.wait_for("o 结果", TIMEOUT).expect("decision pane");
    t.key("o");
    t.key("Tab");
    t.wait_for("Enter 签到", TIMEOUT).expect("check-in pane");
    t.key("/");
    t.type_text("冯建华");
    t.key("Enter");
    t.wait_for("磁盘已满", TIMEOUT).expect("still said");
    assert!(!t.screen().contains("disk I/O error"));
    let (texts, outcome, names) = stored(&db);
    assert!(!texts.contains("磁盘满时写下的话") && outcome.is_none());
    assert!(!names.contains(&"冯建华".to_string()));
    // Room again: everything is saved, and the record is sound.
    std::fs::remove_file(&filler).expect("free");
    t.wait_for("已保存", Duration::from_secs(15))
        .unwrap_or_else(|e| panic!("not saved after the disk had room: {e}\n{}", t.dump()));
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0), "{}", t.dump());
    let (texts, outcome, names) = stored(&db);
    assert!(texts.contains("磁盘满时写下的话"), "{texts}");
    assert!(outcome.is_some(), "the decision's outcome was kept");
    assert!(names.contains(&"冯建华".to_string()), "{names:?}");
    let (code, out, err) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!(code, Some(0), "{out}{err}");
}

#[test]
fn a_folder_that_cannot_be_written_opens_read_only_and_says_so() {
    let (dir, db) = temp_db();
    let (code, _, err) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0), "{err}");
    let folder = db_arg(dir.path()).to_string();
    if !tool("chattr", &["+i", &folder]) {
        eprintln!("SKIP: chattr +i is not available here (needs root and ext4/xfs)");
        return;
    }
    let _undo = Undo("chattr", vec!["-i".into(), folder]);
    let mut t = start(&db);
    t.wait_for("只读", TIMEOUT)
        .expect("read-only, said at once");
    t.type_text("写不进去");
    t.wait_for("不能修改", TIMEOUT)
        .expect("typing refused, and why");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    let (code, out, err) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!(code, Some(0), "check still reads it: {out}{err}");
}

#[test]
fn a_lock_held_past_the_busy_timeout_while_typing_is_said_and_the_text_saved_after() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    let lock = rusqlite::Connection::open(&db).expect("open");
    lock.execute_batch("BEGIN EXCLUSIVE;").expect("lock");
    t.type_text("锁住时写下的话");
    // The writer gives up after the busy timeout (5 s), says so, and keeps trying.
    t.wait_for("数据库被其他程序锁定", Duration::from_secs(12))
        .unwrap_or_else(|e| panic!("the lock is not said: {e}\n{}", t.dump()));
    assert!(t.line(0).contains("保存失败"), "{}", t.line(0));
    lock.execute_batch("COMMIT;").expect("unlock");
    drop(lock);
    t.wait_for("已保存", Duration::from_secs(10))
        .expect("saved after");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    assert!(stored(&db).0.contains("锁住时写下的话"));
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_unchanged() {
    let (dir, _) = temp_db();
    let path = dir.path().join("notes.db");
    let text = "会议记录草稿：这不是数据库。\n".repeat(50);
    std::fs::write(&path, &text).expect("write");
    let mut t = Term::huiwu(&["--db", db_arg(&path)], &[]);
    let code = t.wait_exit_drained(TIMEOUT);
    assert_eq!(code, Some(1));
    assert!(
        t.output_contains("不是会务（huiwu）数据库，未做任何改动"),
        "{}",
        t.dump()
    );
    let (code, _, err) = run(&["--db", db_arg(&path), "--lang", "en", "check"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("is not a huiwu database"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn a_damaged_database_at_start_says_restore_a_backup() {
    let (_dir, db) = temp_db();
    let (code, _, _) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0));
    let mut bytes = std::fs::read(&db).expect("read");
    for (i, b) in bytes.iter_mut().skip(4096).take(8192).enumerate() {
        *b = (i * 37 % 251) as u8;
    }
    std::fs::write(&db, bytes).expect("damage");
    let mut t = Term::huiwu(&["--db", db_arg(&db)], &[]);
    assert_eq!(t.wait_exit_drained(TIMEOUT), Some(1), "{}", t.dump());
    assert!(
        t.output_contains("损坏") && t.output_contains("备份"),
        "{}",
        t.dump()
    );
}

#[test]
fn a_database_from_a_newer_huiwu_says_upgrade() {
    let (_dir, db) = temp_db();
    let (code, _, _) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0));
    rusqlite::Connection::open(&db)
        .expect("open")
        .pragma_update(None, "user_version", 99)
        .expect("newer");
    let mut t = Term::huiwu(&["--db", db_arg(&db)], &[]);
    assert_eq!(t.wait_exit_drained(TIMEOUT), Some(1));
    assert!(t.output_contains("请升级程序"), "{}", t.dump());
    let (code, _, err) = run(&["--db", db_arg(&db), "--lang", "en", "check"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("newer huiwu") && err.contains("upgrade"),
        "{err}"
    );
}

#[test]
fn an_automatic_backup_that_fails_is_said_on_the_message_line() {
    let (dir, db) = temp_db();
    let (code, _, _) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0));
    // Where the backups folder would go there is a file.
    std::fs::write(dir.path().join("backups"), b"not a folder").expect("block");
    let mut t = start(&db);
    t.wait_for("自动备份失败", TIMEOUT)
        .unwrap_or_else(|e| panic!("a failed backup is not said: {e}\n{}", t.dump()));
    t.type_text("照常记录");
    t.wait_for("已保存", TIMEOUT)
        .expect("the record is still saved");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
}
