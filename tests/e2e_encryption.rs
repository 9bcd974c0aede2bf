//! Encryption at rest, chosen at run time (issue 10, R8.1): `huiwu encrypt` asks twice and
//! leaves nothing readable in the file; every command then asks for the passphrase and a
//! wrong one says "口令错误或不是 huiwu 数据库" (and in English) with nothing of SQLCipher's
//! own; the console asks on a screen of its own and its writer thread gets the key;
//! backups stay encrypted; `huiwu decrypt` makes it plain again.
#![cfg(feature = "encryption")]
mod common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::{TIMEOUT, Term, huiwu_cmd_isolated, temp_db};

const PASS: &str = "冬季 治安 2026";

fn db_arg(db: &Path) -> &str {
    db.to_str().expect("temp db path is UTF-8")
}

/// Run huiwu with `input` on its standard input (a script, not a terminal).
fn run_with(args: &[&str], input: &str) -> (Option<i32>, String, String) {
    let (mut cmd, _dir) = huiwu_cmd_isolated(args);
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run huiwu");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input.as_bytes());
    }
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn encrypted_demo(db: &Path) {
    let (code, _, err) = run_with(&["--db", db_arg(db), "demo"], "");
    assert_eq!(code, Some(0), "{err}");
    let (code, out, err) = run_with(
        &["--db", db_arg(db), "encrypt"],
        &format!("{PASS}\n{PASS}\n"),
    );
    assert_eq!(code, Some(0), "{out}{err}");
}

fn readable(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn an_encrypted_database_leaves_nothing_readable_and_every_command_asks() {
    let (_dir, db) = temp_db();
    encrypted_demo(&db);
    let bytes = std::fs::read(&db).expect("read");
    assert!(!bytes.starts_with(b"SQLite format 3"));
    for plain in ["入冬以来", "王建国", "huiwu", "CREATE TABLE"] {
        assert!(!readable(&bytes, plain), "{plain} is readable in the file");
    }
    // A wrong passphrase, in both languages, and nothing of SQLCipher's own log.
    let (code, out, err) = run_with(&["--db", db_arg(&db), "check"], "错的\n");
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("口令错误或不是 huiwu 数据库"), "{err}");
    assert!(
        !err.to_lowercase().contains("hmac") && !err.contains("ERROR"),
        "{err}"
    );
    let (_, _, err) = run_with(
        &["--db", db_arg(&db), "--lang", "en", "export", "record"],
        "wrong\n",
    );
    assert!(
        err.contains("Wrong passphrase, or not a huiwu database"),
        "{err}"
    );
    // The right one: check, export, audit, backup.
    let (code, out, err) = run_with(&["--db", db_arg(&db), "check"], &format!("{PASS}\n"));
    assert_eq!(code, Some(0), "{out}{err}");
    let (code, out, _) = run_with(
        &["--db", db_arg(&db), "export", "record"],
        &format!("{PASS}\n"),
    );
    assert_eq!(code, Some(0));
    assert!(out.contains("入冬以来"));
    let (_, out, _) = run_with(
        &["--db", db_arg(&db), "audit", "show"],
        &format!("{PASS}\n"),
    );
    assert!(
        out.contains("encrypt database"),
        "the trail records it: {out}"
    );
    let (code, out, err) = run_with(&["--db", db_arg(&db), "backup"], &format!("{PASS}\n"));
    assert_eq!(code, Some(0), "{out}{err}");
    let backups = huiwu::store::backup::list(&db);
    assert_eq!(backups.len(), 1);
    let copy = std::fs::read(&backups[0]).expect("read");
    assert!(!copy.starts_with(b"SQLite format 3") && !readable(&copy, "入冬以来"));
    let (code, out, err) = run_with(
        &["--db", db_arg(&backups[0]), "check"],
        &format!("{PASS}\n"),
    );
    assert_eq!(
        code,
        Some(0),
        "the backup opens with the passphrase: {out}{err}"
    );
}

#[test]
fn encrypt_asks_twice_and_changes_nothing_when_they_differ() {
    let (_dir, db) = temp_db();
    let (code, _, _) = run_with(&["--db", db_arg(&db), "demo"], "");
    assert_eq!(code, Some(0));
    let before = std::fs::read(&db).expect("read");
    let (code, _, err) = run_with(&["--db", db_arg(&db), "encrypt"], "一\n二\n\n\n甲\n乙\n");
    assert_eq!(code, Some(1));
    assert!(
        err.contains("两次输入的口令不一致") && err.contains("口令不能为空"),
        "{err}"
    );
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn the_console_asks_on_its_own_screen_and_its_writer_gets_the_key() {
    let (_dir, db) = temp_db();
    encrypted_demo(&db);
    let mut t = Term::huiwu(&["--db", db_arg(&db), "--operator", "测试员"], &[]);
    t.wait_for("已加密，请输入口令", TIMEOUT)
        .unwrap_or_else(|e| panic!("no passphrase screen: {e}\n{}", t.dump()));
    t.type_text("不对");
    t.wait_for("口令：••", TIMEOUT).expect("dots, not the text");
    assert!(!t.screen().contains("不对"));
    t.key("Enter");
    t.wait_for("口令错误或不是 huiwu 数据库", TIMEOUT)
        .expect("a wrong passphrase is said");
    assert!(!t.output_contains("hmac") && !t.output_contains("ERROR CORE"));
    t.type_text(PASS);
    t.key("Enter");
    t.wait_for_all(&["议事程序", "C-q 退出"], TIMEOUT)
        .unwrap_or_else(|e| panic!("the console did not open: {e}\n{}", t.dump()));
    t.type_text("加密库中写下的话");
    t.wait_for("已保存", TIMEOUT)
        .expect("the writer thread saves");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0), "{}", t.dump());
    assert!(!readable(
        &std::fs::read(&db).expect("read"),
        "加密库中写下的话"
    ));
    let (_, out, _) = run_with(
        &["--db", db_arg(&db), "export", "record"],
        &format!("{PASS}\n"),
    );
    assert!(out.contains("加密库中写下的话"));
    // The automatic backup at start is encrypted too.
    for b in huiwu::store::backup::list(&db) {
        assert!(
            !std::fs::read(&b)
                .expect("read")
                .starts_with(b"SQLite format 3")
        );
    }
    // Esc leaves, changing nothing.
    let before = std::fs::read(&db).expect("read");
    let mut t = Term::huiwu(&["--db", db_arg(&db)], &[]);
    t.wait_for("已加密，请输入口令", TIMEOUT).expect("asked");
    t.key("Esc");
    assert_eq!(t.wait_exit(TIMEOUT), Some(1));
    let after = std::fs::read(&db).expect("read");
    let wal = db.with_file_name("huiwu.db-wal");
    assert!(
        after == before,
        "Esc changed the file: {} -> {} bytes, first difference at {:?}; wal {:?}",
        before.len(),
        after.len(),
        before.iter().zip(&after).position(|(a, b)| a != b),
        std::fs::metadata(&wal).map(|m| m.len())
    );
}

#[test]
fn decrypt_makes_it_plain_again() {
    let (_dir, db) = temp_db();
    encrypted_demo(&db);
    let (code, out, err) = run_with(&["--db", db_arg(&db), "decrypt"], "错的\n");
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("口令错误"), "{err}");
    let (code, out, err) = run_with(&["--db", db_arg(&db), "decrypt"], &format!("{PASS}\n"));
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        std::fs::read(&db)
            .expect("read")
            .starts_with(b"SQLite format 3")
    );
    let (code, out, _) = run_with(&["--db", db_arg(&db), "check"], "");
    assert_eq!(code, Some(0), "opens without a passphrase: {out}");
    let (code, _, err) = run_with(&["--db", db_arg(&db), "decrypt"], "");
    assert_eq!(code, Some(1));
    assert!(err.contains("没有加密"), "{err}");
}

#[test]
fn nothing_is_converted_while_a_console_has_the_database_open() {
    let (_dir, db) = temp_db();
    let t = Term::huiwu(&["--db", db_arg(&db), "--operator", "测试员"], &[]);
    t.wait_for("议事程序", TIMEOUT).expect("console");
    let before = std::fs::read(&db).expect("read");
    let (code, _, err) = run_with(
        &["--db", db_arg(&db), "encrypt"],
        &format!("{PASS}\n{PASS}\n"),
    );
    assert_eq!(code, Some(1));
    assert!(err.contains("正被其他程序"), "{err}");
    assert!(
        std::fs::read(&db)
            .expect("read")
            .starts_with(b"SQLite format 3")
    );
    assert_eq!(std::fs::read(&db).expect("read").len(), before.len());
}

#[test]
fn a_file_of_whole_pages_that_no_passphrase_opens_is_left_as_it_is() {
    let (dir, _) = temp_db();
    let path = dir.path().join("noise.db");
    let noise: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(&path, &noise).expect("write");
    let mut t = Term::huiwu(&["--db", db_arg(&path)], &[]);
    t.wait_for("已加密，请输入口令", TIMEOUT)
        .expect("it may be encrypted: asked");
    t.type_text("任何口令");
    t.key("Enter");
    t.wait_for("口令错误或不是 huiwu 数据库", TIMEOUT)
        .expect("said");
    t.key("Esc");
    assert_eq!(t.wait_exit(TIMEOUT), Some(1));
    assert!(
        std::fs::read(&path).expect("read") == noise,
        "the file changed"
    );
}

/// An emergency file waiting beside the database would be left plain beside an encrypted
/// one (or sealed with a passphrase that no longer opens anything): `encrypt` and
/// `decrypt` refuse until it is brought back or moved away, and change nothing.
#[test]
fn converting_waits_for_the_emergency_files() {
    let (_dir, db) = temp_db();
    let (code, _, err) = run_with(&["--db", db_arg(&db), "demo"], "");
    assert_eq!(code, Some(0), "{err}");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:30:00+08:00").unwrap();
    let job = std::sync::Arc::new(huiwu::store::writer::Job {
        generation: 1,
        at,
        changes: vec![huiwu::store::change::Change::EntryText {
            entry_id: 1,
            text: "未存入的发言".into(),
        }],
    });
    let e = huiwu::emergency::Emergency::new(&db, "马丽", at, &[job]);
    let file = huiwu::emergency::write(&db, &e).unwrap();
    let (code, out, err) = run_with(
        &["--db", db_arg(&db), "encrypt"],
        &format!("{PASS}\n{PASS}\n"),
    );
    assert_ne!(code, Some(0), "{out}{err}");
    assert!(err.contains("应急文件"), "{err}");
    assert!(huiwu::store::cipher::is_plain(&db), "nothing converted");
    // Moved away: now it converts.
    std::fs::remove_file(&file).unwrap();
    let (code, out, err) = run_with(
        &["--db", db_arg(&db), "encrypt"],
        &format!("{PASS}\n{PASS}\n"),
    );
    assert_eq!(code, Some(0), "{out}{err}");
}
