//! What the console must survive, end to end in a pseudo-terminal (R9.1): a closed
//! terminal, a database that will not take the text, an emergency file that cannot be
//! written either, and databases that are missing, empty, damaged or locked.
mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{TIMEOUT, Term, huiwu_cmd_isolated, temp_db};

fn db_arg(db: &Path) -> &str {
    db.to_str().expect("temp db path is UTF-8")
}

fn start(db: &Path) -> Term {
    let t = Term::huiwu(&["--db", db_arg(db), "--operator", "测试员"], &[]);
    t.wait_for_all(&["议事程序", "操作员 测试员", "C-q 退出"], TIMEOUT)
        .unwrap_or_else(|e| panic!("the console did not come up: {e}"));
    t
}

/// Another program's write lock on `db`, held until dropped.
fn hold_lock(db: &Path) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(db).expect("open with rusqlite");
    c.execute_batch("BEGIN EXCLUSIVE;").expect("take the lock");
    c
}

fn emergency_files(db: &Path) -> Vec<PathBuf> {
    huiwu::emergency::find(db)
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

/// The text of the entry the recorder types into (the demo's first entry), as stored.
fn stored_texts(db: &Path) -> String {
    let s = huiwu::store::Store::open_read_only(db, "检查").expect("open");
    let m = s.latest_meeting().expect("read").expect("a meeting");
    let topic = m.current_topic_id.expect("a topic");
    s.entries(topic)
        .expect("entries")
        .into_iter()
        .map(|e| e.text)
        .collect::<Vec<_>>()
        .join("\n")
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

#[test]
fn a_closed_terminal_while_the_database_is_locked_ends_at_once_and_keeps_the_text() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    let lock = hold_lock(&db);
    t.type_text("锁定时写下的话");
    t.wait_for("锁定时写下的话", TIMEOUT).expect("typed");
    std::thread::sleep(Duration::from_millis(300));
    let closed = Instant::now();
    t.hang_up();
    let code = t.wait_exit(Duration::from_secs(2));
    assert!(
        code.is_some(),
        "still running 2 s after the terminal closed"
    );
    assert_ne!(code, Some(0), "the text did not reach the database: say so");
    assert!(closed.elapsed() < Duration::from_secs(2));
    drop(lock);
    // The text is in the private emergency file beside the database.
    let files = emergency_files(&db);
    assert_eq!(files.len(), 1, "{files:?}");
    let dir = files[0].parent().expect("folder");
    assert_eq!(mode(dir), 0o700);
    assert_eq!(mode(&files[0]), 0o600);
    let body = std::fs::read_to_string(&files[0]).expect("read");
    assert!(body.contains("锁定时写下的话"), "{body}");
}

#[test]
fn a_closed_terminal_during_a_paste_or_a_picker_loses_nothing() {
    for during_picker in [false, true] {
        let (_dir, db) = temp_db();
        let mut t = start(&db);
        let text: String = "冬季治安防范".repeat(300);
        t.paste(&text);
        if during_picker {
            t.wait_for("冬季治安防范冬季", TIMEOUT).expect("pasted");
            t.key("F3");
            t.wait_for("选择发言人", TIMEOUT).expect("picker open");
        }
        t.hang_up();
        assert!(
            t.wait_exit(Duration::from_secs(2)).is_some(),
            "still running 2 s after the terminal closed"
        );
        assert!(
            stored_texts(&db).contains(&text),
            "the pasted text was lost (picker open: {during_picker})"
        );
    }
}

#[test]
fn the_next_start_offers_the_emergency_file_back_into_its_entry() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    let lock = hold_lock(&db);
    t.type_text("要找回的一句话");
    t.wait_for("要找回的一句话", TIMEOUT).expect("typed");
    t.signal(15);
    assert_ne!(t.wait_exit(Duration::from_secs(3)), Some(0));
    drop(lock);
    assert!(!stored_texts(&db).contains("要找回的一句话"));
    assert_eq!(emergency_files(&db).len(), 1);

    let mut t = Term::huiwu(&["--db", db_arg(&db), "--operator", "测试员"], &[]);
    t.wait_for("发现上次未能存入数据库的内容", TIMEOUT)
        .expect("the emergency file is offered");
    t.key("r");
    t.wait_for("已保存", TIMEOUT).expect("restored and saved");
    assert!(stored_texts(&db).contains("要找回的一句话"));
    assert!(
        emergency_files(&db).is_empty(),
        "the file is set aside once restored"
    );
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    let s = huiwu::store::Store::open_read_only(&db, "检查").expect("open");
    let trail = s.audit_trail().expect("audit");
    assert!(
        trail.iter().any(|a| a.action == "restore"),
        "restoring is audited"
    );
}

#[test]
fn when_neither_the_database_nor_the_emergency_file_can_be_written_quitting_asks() {
    let (dir, db) = temp_db();
    let mut t = start(&db);
    let lock = hold_lock(&db);
    // Where the emergency folder would go there is a file: it cannot be written.
    std::fs::write(dir.path().join("huiwu.db.unsaved"), b"not a folder").expect("block");
    t.type_text("无处可存");
    t.wait_for("无处可存", TIMEOUT).expect("typed");
    t.key("Ctrl-q");
    t.wait_for("都无法写入", Duration::from_secs(10))
        .expect("quitting says the text cannot be kept, instead of leaving");
    assert!(t.is_running(), "it did not leave with the text unsaved");
    // Discarding asks once more, naming how much is lost.
    t.key("d");
    t.wait_for("4 字将永久丢失", TIMEOUT)
        .expect("names what is lost");
    t.key("y");
    let code = t.wait_exit(Duration::from_secs(5));
    assert!(code.is_some_and(|c| c != 0), "exit {code:?}");
    drop(lock);
}

#[test]
fn check_and_export_never_create_or_change_anything() {
    let (dir, db) = temp_db();
    let missing = dir.path().join("no").join("such.db");
    let (code, _, err) = run(&["--db", db_arg(&missing), "check"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("没有这个数据库"), "{err}");
    assert!(!missing.exists() && !missing.parent().expect("dir").exists());
    let (code, _, _) = run(&["--db", db_arg(&missing), "export", "record"]);
    assert_eq!(code, Some(1));
    assert!(!missing.exists());
    // A 0-byte file stays 0 bytes.
    std::fs::write(&db, b"").expect("empty file");
    let (code, _, err) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("空文件"), "{err}");
    assert_eq!(std::fs::metadata(&db).expect("meta").len(), 0);
}

#[test]
fn a_damaged_database_is_told_from_a_foreign_file_and_check_lists_the_damage() {
    let (dir, db) = temp_db();
    let (code, _, _) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0));
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).expect("copy");
    let mut bytes = std::fs::read(&copy).expect("read");
    for (i, b) in bytes.iter_mut().skip(8192).take(2000).enumerate() {
        *b = (i * 37 % 251) as u8;
    }
    std::fs::write(&copy, bytes).expect("damage");
    let (code, out, err) = run(&["--db", db_arg(&copy), "check"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        !err.contains("不是会务"),
        "a damaged huiwu database is not a foreign file: {err}"
    );
    assert!(err.contains("损坏") && err.contains("备份"), "{err}");
    assert!(
        !out.trim().is_empty(),
        "check lists what integrity_check found"
    );
    let (code, _, err) = run(&["--db", db_arg(&copy), "export", "record"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("损坏"), "{err}");
}

#[test]
fn a_database_locked_at_start_says_so_without_promising_a_retry() {
    let (_dir, db) = temp_db();
    let other = rusqlite::Connection::open(&db).expect("open with rusqlite");
    other
        .execute_batch("CREATE TABLE t(x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);")
        .expect("take the exclusive lock");
    let (code, _, err) = run(&["--db", db_arg(&db)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("锁定"), "{err}");
    assert!(
        !err.contains("重试"),
        "no retry is made, none is promised: {err}"
    );
    other.execute_batch("ROLLBACK").expect("release");
}

#[test]
fn exports_and_the_data_folder_are_owner_only() {
    let (dir, _) = temp_db();
    let db = dir.path().join("new").join("folder").join("huiwu.db");
    let (code, _, _) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0));
    assert_eq!(mode(db.parent().expect("folder")), 0o700);
    assert_eq!(mode(&db), 0o600);
    let out = dir.path().join("record.md");
    std::fs::write(&out, b"old").expect("an older file there");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let (code, _, err) = run(&["--db", db_arg(&db), "export", "record", "-o", db_arg(&out)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(mode(&out), 0o600);
    // Never through a symlink.
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(dir.path().join("elsewhere.md"), &link).expect("symlink");
    let (code, _, _) = run(&["--db", db_arg(&db), "export", "record", "-o", db_arg(&link)]);
    assert_eq!(code, Some(1));
    assert!(!dir.path().join("elsewhere.md").exists());
}

/// Run a system tool the fault tests need (chattr, mount); false when it cannot be used
/// here (not root, a filesystem without the feature): the test then says why it skips.
fn tool(cmd: &str, args: &[&str]) -> bool {
    std::process::Command::new(cmd)
        .args(args)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_database_that_cannot_be_written_opens_read_only_and_says_so_at_once() {
    let (_dir, db) = temp_db();
    let (code, _, err) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0), "{err}");
    let file = db_arg(&db).to_string();
    if !tool("chattr", &["+i", &file]) {
        eprintln!("SKIP: chattr +i is not available here (needs root and ext4/xfs)");
        return;
    }
    // Undo the immutable flag whatever happens below.
    struct Undo(String);
    impl Drop for Undo {
        fn drop(&mut self) {
            let _ = std::process::Command::new("chattr")
                .args(["-i", &self.0])
                .status();
        }
    }
    let _undo = Undo(file);
    let before = std::fs::read(&db).expect("read");
    let (code, out, err) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!(code, Some(0), "{out}{err}");
    let (code, out, _) = run(&["--db", db_arg(&db), "export", "record"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("入冬以来"));
    let mut t = Term::huiwu(&["--db", db_arg(&db), "--operator", "测试员"], &[]);
    t.wait_for_all(&["议事程序", "只读"], TIMEOUT)
        .expect("the status line says read-only at once");
    assert!(!t.line(0).contains("已保存"));
    t.type_text("不能写入");
    t.wait_for("不能修改", TIMEOUT)
        .expect("typing is refused, and says why");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    assert_eq!(std::fs::read(&db).expect("read"), before, "nothing changed");
}

#[test]
fn a_full_disk_at_start_is_called_a_full_disk() {
    let dir = tempfile::tempdir().expect("dir");
    let mnt = dir.path().join("small");
    std::fs::create_dir(&mnt).expect("mkdir");
    let m = db_arg(&mnt).to_string();
    if !tool("mount", &["-t", "tmpfs", "-o", "size=8m", "tmpfs", &m]) {
        eprintln!("SKIP: cannot mount a small tmpfs here (needs root)");
        return;
    }
    struct Unmount(String);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let _u = Unmount(m);
    let db = mnt.join("huiwu.db");
    let (code, _, err) = run(&["--db", db_arg(&db), "demo"]);
    assert_eq!(code, Some(0), "{err}");
    // Fill the disk to the last byte.
    let _ = std::process::Command::new("dd")
        .args([
            "if=/dev/zero",
            &format!("of={}/filler", mnt.display()),
            "bs=4k",
        ])
        .stderr(std::process::Stdio::null())
        .status();
    let t = Term::huiwu(&["--db", db_arg(&db), "--operator", "测试员"], &[]);
    let seen = t.wait_for("磁盘已满", TIMEOUT);
    let mut t = t;
    if seen.is_err() {
        // It may have opened (the WAL was there already): typing must then say full.
        t.type_text("满");
        t.wait_for("磁盘已满", TIMEOUT)
            .unwrap_or_else(|e| panic!("a full disk is not called so: {e}\n{}", t.dump()));
    }
    assert!(!t.screen().contains("disk I/O error"));
    t.kill9();
}
