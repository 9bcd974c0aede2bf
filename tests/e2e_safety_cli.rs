//! The commands that keep the record safe, as a user runs them (issue 10): `check` and
//! `audit verify` name a row edited by hand; `audit show` lists who, when, what, old →
//! new, for one meeting or since a day; `backup -o` writes a new private file only;
//! `restore` checks the file, asks, keeps the current database aside, and refuses while a
//! console has the database open.
mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{TIMEOUT, Term, huiwu_bin, huiwu_cmd_isolated, temp_db};

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

fn demo(db: &Path) {
    let (code, _, err) = run(&["--db", db_arg(db), "demo"]);
    assert_eq!(code, Some(0), "{err}");
}

fn people(db: &Path) -> Vec<String> {
    huiwu::store::Store::open_read_only(db, "检查")
        .expect("open")
        .people()
        .expect("people")
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// `huiwu restore FILE` on a terminal, answering `answer`.
fn restore(db: &Path, file: &Path, answer: &str) -> (Option<i32>, String) {
    let config = common::temp_dir();
    let config = db_arg(config.path()).to_string();
    let mut t = Term::spawn(
        &huiwu_bin(),
        &[
            "--db",
            db_arg(db),
            "--operator",
            "测试员",
            "restore",
            db_arg(file),
        ],
        &[
            ("LANG", "C.UTF-8"),
            ("LC_ALL", "C.UTF-8"),
            ("HUIWU_CONFIG_DIR", &config),
        ],
        120,
        36,
    );
    if t.wait_for("输入 yes 确认", TIMEOUT).is_ok() {
        t.type_text(answer);
        t.key("Enter");
    }
    let code = t.wait_exit(TIMEOUT);
    (code, t.screen())
}

#[test]
fn check_and_verify_name_a_row_edited_by_hand() {
    let (_dir, db) = temp_db();
    demo(&db);
    let (code, out, err) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!((code, out.as_str()), (Some(0), "ok\n"), "{err}");
    assert!(
        err.contains("审计链：") && err.contains("条记录完好"),
        "{err}"
    );
    let c = rusqlite::Connection::open(&db).expect("open");
    c.execute_batch(
        "DROP TRIGGER audit_no_update;
         UPDATE audit SET operator = '别人' WHERE id = 12;",
    )
    .expect("edit by hand");
    drop(c);
    let (code, out, _) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("审计记录 #12") && out.contains("被修改"),
        "{out}"
    );
    let (code, out, _) = run(&["--db", db_arg(&db), "--lang", "en", "audit", "verify"]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("Audit row #12 does not match its hash"),
        "{out}"
    );
}

#[test]
fn audit_show_lists_who_when_what_and_old_to_new() {
    let (_dir, db) = temp_db();
    demo(&db);
    let mut s = huiwu::store::Store::open(&db, "高敏").expect("open");
    let m = s.latest_meeting().expect("read").expect("a meeting");
    s.set_meeting_status(m.id, huiwu::domain::meeting::MeetingStatus::Closed)
        .expect("close");
    drop(s);
    let (code, out, _) = run(&["--db", db_arg(&db), "audit", "show"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("编号  时间  操作员"), "{out}");
    let last = out.lines().rev().nth(1).expect("a row");
    assert!(
        last.contains("高敏  status meeting") && last.contains("→ 「closed」"),
        "{last}"
    );
    let all = out.lines().count();
    let (_, mine, _) = run(&[
        "--db",
        db_arg(&db),
        "audit",
        "show",
        "--meeting",
        &m.id.to_string(),
    ]);
    let n = mine.lines().count();
    assert!(
        n > 5 && n < all,
        "a meeting's rows are some of all: {n} of {all}"
    );
    assert!(
        !mine.contains("create person"),
        "people are no meeting's: {mine}"
    );
    let (_, none, _) = run(&["--db", db_arg(&db), "audit", "show", "--meeting", "999999"]);
    assert!(none.contains("共 0 条"), "{none}");
    let (_, later, _) = run(&[
        "--db",
        db_arg(&db),
        "audit",
        "show",
        "--since",
        "2999-01-01",
    ]);
    assert!(later.contains("共 0 条"), "{later}");
    let (code, _, err) = run(&["--db", db_arg(&db), "audit", "show", "--since", "昨天"]);
    assert_eq!(code, Some(2), "a bad date is a usage error: {err}");
}

#[test]
fn a_backup_to_a_file_is_new_private_and_never_through_a_symlink() {
    let (dir, db) = temp_db();
    demo(&db);
    let out = dir.path().join("会议备份.db");
    let (code, said, err) = run(&["--db", db_arg(&db), "backup", "-o", db_arg(&out)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(said.contains("已备份到"), "{said}");
    assert_eq!(
        std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(people(&out), people(&db));
    // Never over a file that is there (it could be the database itself).
    let before = std::fs::read(&out).expect("read");
    let (code, _, _) = run(&["--db", db_arg(&db), "backup", "-o", db_arg(&out)]);
    assert_eq!(code, Some(1));
    assert!(std::fs::read(&out).expect("read") == before);
    let (code, _, _) = run(&["--db", db_arg(&db), "backup", "-o", db_arg(&db)]);
    assert_eq!(code, Some(1));
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(dir.path().join("elsewhere.db"), &link).expect("symlink");
    let (code, _, _) = run(&["--db", db_arg(&db), "backup", "-o", db_arg(&link)]);
    assert_eq!(code, Some(1));
    assert!(!dir.path().join("elsewhere.db").exists());
}

#[test]
fn a_restore_asks_and_keeps_the_current_database_aside() {
    let (dir, db) = temp_db();
    demo(&db);
    let good = dir.path().join("good.db");
    let (code, _, err) = run(&["--db", db_arg(&db), "backup", "-o", db_arg(&good)]);
    assert_eq!(code, Some(0), "{err}");
    let mut s = huiwu::store::Store::open(&db, "高敏").expect("open");
    s.insert_person(&huiwu::domain::people::Person {
        id: 0,
        name: "备份后新增".into(),
        title: String::new(),
        department: String::new(),
        phone: String::new(),
        initials: String::new(),
    })
    .expect("insert");
    drop(s);
    // No is no.
    let (code, screen) = restore(&db, &good, "no");
    assert_eq!(code, Some(1), "{screen}");
    assert!(screen.contains("未恢复"), "{screen}");
    assert!(people(&db).contains(&"备份后新增".to_string()));
    // Yes restores, and the database it replaced is kept.
    let (code, screen) = restore(&db, &good, "yes");
    assert_eq!(code, Some(0), "{screen}");
    assert!(
        screen.contains("已恢复") && screen.contains("before-restore"),
        "{screen}"
    );
    assert!(!people(&db).contains(&"备份后新增".to_string()));
    let aside: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .expect("backups")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.to_string_lossy().contains("before-restore")
                && p.extension().is_some_and(|x| x == "db")
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(people(&aside[0]).contains(&"备份后新增".to_string()));
    let (code, out, _) = run(&["--db", db_arg(&db), "check"]);
    assert_eq!(code, Some(0), "{out}");
    let (_, out, _) = run(&["--db", db_arg(&db), "audit", "show"]);
    assert!(out.contains("测试员  restore database"), "{out}");
}

#[test]
fn a_restore_refuses_a_file_that_is_not_sound_or_a_database_in_use() {
    let (dir, db) = temp_db();
    demo(&db);
    let before = std::fs::read(&db).expect("read");
    let copy = |name: &str| {
        let p = dir.path().join(name);
        let (code, _, err) = run(&["--db", db_arg(&db), "backup", "-o", db_arg(&p)]);
        assert_eq!(code, Some(0), "{err}");
        p
    };
    let damaged = copy("damaged.db");
    let mut bytes = std::fs::read(&damaged).expect("read");
    for (i, b) in bytes.iter_mut().skip(8192).take(4096).enumerate() {
        *b = (i * 31 % 253) as u8;
    }
    std::fs::write(&damaged, bytes).expect("damage");
    let tampered = copy("tampered.db");
    rusqlite::Connection::open(&tampered)
        .expect("open")
        .execute_batch("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3;")
        .expect("tamper");
    let newer = copy("newer.db");
    rusqlite::Connection::open(&newer)
        .expect("open")
        .pragma_update(None, "user_version", 99)
        .expect("newer");
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .expect("open")
        .execute_batch("CREATE TABLE cases (id INTEGER PRIMARY KEY);")
        .expect("foreign");
    for (file, why) in [
        (&damaged, "损坏"),
        (&tampered, "审计链在 #2 与 #4 之间断开"),
        (&newer, "请升级程序"),
        (&foreign, "不是会务"),
    ] {
        let (code, screen) = restore(&db, file, "yes");
        assert_eq!(code, Some(1), "{screen}");
        assert!(
            screen.contains("不能用此文件恢复") && screen.contains(why),
            "{screen}"
        );
    }
    assert!(
        std::fs::read(&db).expect("read") == before,
        "nothing was replaced"
    );
    // A console on the database: nothing is replaced under it.
    let good = copy("good.db");
    let t = Term::huiwu(&["--db", db_arg(&db), "--operator", "测试员"], &[]);
    t.wait_for("议事程序", TIMEOUT).expect("console");
    let (code, screen) = restore(&db, &good, "yes");
    assert_eq!(code, Some(1), "{screen}");
    assert!(screen.contains("正被其他程序"), "{screen}");
}

/// The chain's end printed on a paper (signed minutes, the archive) is checked against
/// the trail: `audit verify --against "#ROW HASH"` agrees while the trail holds that hash
/// and says "与纸面不符" (exit 1) for a label the trail does not hold (issue 10, R9.4).
#[test]
fn audit_verify_checks_the_chain_end_printed_on_paper() {
    let (_dir, db) = temp_db();
    demo(&db);
    let head = huiwu::store::Store::open_read_only(&db, "检查")
        .expect("open")
        .audit_head()
        .expect("head")
        .expect("the demo wrote audit rows");
    let label = head.label();
    let (code, out, err) = run(&["--db", db_arg(&db), "audit", "verify", "--against", &label]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.trim_end().ends_with("ok"), "{out}");
    let forged = format!("#{} 0123456789ab", head.row);
    let (code, out, _) = run(&["--db", db_arg(&db), "audit", "verify", "--against", &forged]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("与纸面不符"), "{out}");
}
