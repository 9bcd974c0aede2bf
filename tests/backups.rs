//! Backups (issue 10): online copies through SQLite's backup API that open as the same
//! database, made while another connection writes; a private folder beside the database
//! keeping the newest 20; automatic backups at start and while a meeting is in progress;
//! a restore that keeps the current database aside and is audited.
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tempfile::TempDir;

use huiwu::domain::Time;
use huiwu::domain::meeting::MeetingStatus;
use huiwu::domain::people::Person;
use huiwu::store::keeper::Keeper;
use huiwu::store::verify::HeadState;
use huiwu::store::{Store, backup, head, replace};

fn now() -> Time {
    chrono::DateTime::parse_from_rfc3339("2026-11-25T16:30:00+08:00").expect("time")
}

fn at(minute: u32) -> Time {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-25T17:{minute:02}:00+08:00"))
        .expect("time")
}

fn demo_db(dir: &TempDir) -> PathBuf {
    let db = dir.path().join("huiwu.db");
    let mut store = Store::open(&db, "高敏").expect("open");
    huiwu::demo::load(&mut store, now()).expect("demo");
    db
}

fn person(name: &str) -> Person {
    Person {
        id: 0,
        name: name.into(),
        title: String::new(),
        department: "治安大队".into(),
        phone: String::new(),
        initials: String::new(),
    }
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("meta").permissions().mode() & 0o777
}

fn people(db: &Path) -> Vec<String> {
    Store::open_read_only(db, "检查")
        .expect("open")
        .people()
        .expect("people")
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn a_backup_is_the_same_database_private_and_sound() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let path = backup::make(&db, now()).expect("backup");
    assert_eq!(path.parent(), Some(backup::folder(&db).as_path()));
    assert_eq!(
        path.file_name().and_then(|n| n.to_str()),
        Some("huiwu-20261125-163000.db")
    );
    assert_eq!(mode(&backup::folder(&db)), 0o700);
    assert_eq!(mode(&path), 0o600);
    let copy = Store::open_read_only(&path, "检查").expect("a huiwu database");
    assert!(copy.health().expect("health").problems.is_empty());
    assert_eq!(copy.verify_chain().expect("chain").first_break, None);
    assert_eq!(people(&path), people(&db));
    // A second in the same second does not overwrite the first.
    let second = backup::make(&db, now()).expect("backup");
    assert_ne!(second, path);
    assert!(path.exists() && second.exists());
}

#[test]
fn a_backup_made_while_another_terminal_writes_is_whole() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let writer = {
        let db = db.clone();
        std::thread::spawn(move || {
            let mut s = Store::open(&db, "乙").expect("open");
            for i in 0..150 {
                s.insert_person(&person(&format!("写入{i}")))
                    .expect("insert");
            }
        })
    };
    let mut copies = Vec::new();
    for minute in 0..5 {
        copies.push(backup::make(&db, at(minute)).expect("backup"));
    }
    writer.join().expect("writer");
    for copy in copies {
        let s = Store::open_read_only(&copy, "检查").expect("open");
        assert!(s.check().expect("check").is_empty());
        assert_eq!(s.verify_chain().expect("chain").first_break, None);
    }
}

#[test]
fn the_newest_twenty_are_kept_and_nothing_else_is_touched() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let folder = backup::folder(&db);
    let mine = backup::make(&db, at(0)).expect("backup");
    let kept_aside = folder.join("huiwu-before-restore-20261101-090000.db");
    let other = folder.join("notes.txt");
    std::fs::write(&kept_aside, b"x").expect("write");
    std::fs::write(&other, b"x").expect("write");
    for minute in 1..=24 {
        backup::make(&db, at(minute)).expect("backup");
    }
    let left = backup::list(&db);
    assert_eq!(left.len(), backup::KEEP);
    assert!(left[0].ends_with("huiwu-20261125-172400.db"), "{left:?}");
    assert!(left[19].ends_with("huiwu-20261125-170500.db"), "{left:?}");
    assert!(!mine.exists(), "the oldest went");
    assert!(kept_aside.exists() && other.exists());
}

#[test]
fn backups_are_made_at_start_and_while_a_meeting_is_in_progress() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    // The demo meeting is in progress.
    let keeper = Keeper::start(&db, Duration::from_millis(300));
    std::thread::sleep(Duration::from_millis(1300));
    let news = keeper.news();
    drop(keeper);
    assert!(news.iter().all(|n| n.is_ok()), "{news:?}");
    assert!(news.len() >= 2, "at start, then again: {news:?}");
    // No meeting in progress: only the one at start (unless one was made a moment ago).
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let mut s = Store::open(&db, "高敏").expect("open");
    for m in s.meetings().expect("meetings") {
        s.set_meeting_status(m.id, MeetingStatus::Closed)
            .expect("close");
    }
    drop(s);
    let keeper = Keeper::start(&db, Duration::from_millis(300));
    std::thread::sleep(Duration::from_millis(1300));
    let news = keeper.news();
    drop(keeper);
    assert_eq!(news.len(), 1, "{news:?}");
}

#[test]
fn a_failing_backup_is_reported_and_costs_nothing_else() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    // Where the folder would go there is a file.
    std::fs::write(backup::folder(&db), b"not a folder").expect("block");
    let keeper = Keeper::start(&db, Duration::from_secs(600));
    std::thread::sleep(Duration::from_millis(500));
    assert!(keeper.failure().is_some());
    let mut s = Store::open(&db, "高敏").expect("still opens");
    s.insert_person(&person("照常")).expect("and saves");
}

#[test]
fn a_restore_keeps_the_current_database_aside_and_is_audited() {
    let dir = TempDir::new().expect("dir");
    let db = demo_db(&dir);
    let good = backup::make(&db, at(0)).expect("backup");
    let mut s = Store::open(&db, "高敏").expect("open");
    s.insert_person(&person("备份之后")).expect("insert");
    drop(s);
    let source = Store::open_read_only(&good, "检查").expect("open");
    let aside = replace::restore(&source, &db, "高敏", at(5))
        .expect("restore")
        .expect("kept aside");
    assert_eq!(mode(&aside), 0o600);
    assert!(aside.starts_with(backup::folder(&db)));
    assert!(!people(&db).contains(&"备份之后".to_string()));
    assert!(
        people(&aside).contains(&"备份之后".to_string()),
        "nothing lost"
    );
    let restored = Store::open_read_only(&db, "检查").expect("open");
    let trail = restored.audit_trail().expect("trail");
    let last = trail.last().expect("a row");
    assert_eq!(
        (last.action.as_str(), last.operator.as_str()),
        ("restore", "高敏")
    );
    assert_eq!(restored.verify_chain().expect("chain").first_break, None);
    // The head file now follows the restored chain; the old one went with the old database.
    assert_eq!(restored.head_state().expect("head"), HeadState::Holds);
    assert!(head::path(&aside).exists());
    assert_eq!(mode(&db), 0o600);
}
