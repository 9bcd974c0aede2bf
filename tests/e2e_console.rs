//! End-to-end tests of the console: the real `huiwu` binary in a pseudo-terminal, driven
//! by key presses the way the meeting's recorder drives it, checked by what is on screen,
//! what `huiwu export …` prints and what is in the database file.
//!
//! Every test uses its own temporary database, so they run in parallel.

mod common;

use std::path::Path;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{TIMEOUT, Term, huiwu_cmd_isolated, temp_db};

const PANE_TITLES: [&str; 4] = ["签到", "当前议题 / 候会", "议事程序", "决定"];
const DEMO_LOADED: &str = "数据库中还没有会议，已载入演示会议。";
/// The last words of the demo's step-1 entry (吴刚's report); the caret starts after them.
const DEMO_ENTRY_END: &str = "主要内容有三点：";
const UNKNOWN_KEY: &str = "此处无此按键";

// ------------------------------------------------------------------------------ helpers

fn db_arg(db: &Path) -> &str {
    db.to_str().expect("temp db path is UTF-8")
}

/// Start the console on `db` and wait until it is drawn.
fn start(db: &Path) -> Term {
    let t = Term::huiwu(&["--db", db_arg(db), "--operator", "测试员"], &[]);
    wait_console(&t);
    t
}

fn wait_console(t: &Term) {
    let mut needles = PANE_TITLES.to_vec();
    needles.push("操作员 测试员");
    // The footer is the last row: once it is there, the whole first frame is on screen.
    needles.push("C-q 退出");
    t.wait_for_all(&needles, TIMEOUT)
        .unwrap_or_else(|e| panic!("the console did not come up: {e}"));
}

/// Right after start nothing has been saved: the status line must not say it was.
fn assert_no_saved_claim(t: &Term) {
    let top = t.line(0);
    assert!(
        !top.contains("已保存"),
        "the status line claims a save before anything was saved: {top}"
    );
}

/// Panic with `what` and the current screen.
fn fail(t: &Term, what: &str) -> ! {
    panic!("{what}\n{}", t.dump())
}

/// A marker nobody else types: Chinese text plus digits unique to this run.
fn marker(prefix: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{prefix}{}", (nanos ^ std::process::id()) % 1_000_000)
}

/// Run `huiwu --db DB ARGS…` (not in a terminal) and return its stdout; panics unless it
/// succeeds.
fn huiwu_ok(db: &Path, args: &[&str]) -> String {
    let mut all = vec!["--db", db_arg(db)];
    all.extend_from_slice(args);
    let (mut cmd, _config) = huiwu_cmd_isolated(&all);
    let out = cmd.output().expect("run huiwu");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "huiwu {all:?} failed ({}):\nstdout:\n{stdout}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn export_record(db: &Path) -> String {
    huiwu_ok(
        db,
        &["export", "record", "--meeting", "latest", "--format", "md"],
    )
}

fn export_attendance(db: &Path) -> String {
    huiwu_ok(
        db,
        &[
            "export",
            "attendance",
            "--meeting",
            "latest",
            "--format",
            "md",
        ],
    )
}

/// Everything right of the 签到 pane (current topic, procedure, decision), row after row
/// with the borders and the blanks at the ends of rows removed, so that text the editor
/// wrapped over two rows reads as one string.
fn right_text(s: &vt100::Screen) -> String {
    let (_, cols) = s.size();
    // The 签到 pane takes the left 40 %; start a little left of that to be safe.
    let from = cols * 2 / 5 - 2;
    s.rows(from, cols - from)
        .map(|row| {
            let inner: String = row.chars().skip_while(|c| *c != '│' && *c != '┃').collect();
            inner
                .trim_matches(|c: char| c == '│' || c == '┃' || c.is_whitespace())
                .to_string()
        })
        .collect()
}

fn wait_right_text(t: &Term, needle: &str, what: &str) {
    t.wait_until(what, TIMEOUT, |s| right_text(s).contains(needle))
        .unwrap_or_else(|e| panic!("{e}\n(looked for {needle:?} in the procedure pane)"));
}

/// Every piece of screen between two vertical borders that mentions `name` (a person can be
/// listed in the 签到 pane and in the waiting room).
fn cells_with(t: &Term, name: &str) -> Vec<String> {
    t.lines()
        .iter()
        .flat_map(|l| {
            l.split(['│', '┃', '║'])
                .map(str::trim)
                .filter(|c| c.contains(name))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The value after `label` on the status line (e.g. "已保存 " → "16:52:37").
fn status_field(t: &Term, label: &str) -> Option<String> {
    let line = t.line(0);
    let at = line.find(label)? + label.len();
    Some(line[at..].chars().take(8).collect())
}

/// The clock on the status line, HH:MM:SS.
fn screen_clock(t: &Term) -> String {
    let line = t.line(0);
    line.split('│')
        .nth(1)
        .and_then(|s| s.split_whitespace().nth(1))
        .unwrap_or_else(|| fail(t, "no clock on the status line"))
        .to_string()
}

/// The heading (a line starting with `prefix`) that `text` comes under, in `doc`.
fn heading_before<'a>(doc: &'a str, text: &str, prefix: &str) -> Option<&'a str> {
    let at = doc.find(text)?;
    doc[..at].lines().rev().find(|l| l.starts_with(prefix))
}

/// Assert that the export shows `text` appended to 吴刚's report in step 1 of topic 1.
fn assert_in_wu_gang_report(record: &str, text: &str) {
    let appended = format!("{DEMO_ENTRY_END}{text}");
    assert!(
        record.contains(&appended),
        "the record should show {text:?} right after the demo's words {DEMO_ENTRY_END:?} \
         (appended to 吴刚's entry):\n{record}"
    );
    let topic = heading_before(record, &appended, "## ");
    let step = heading_before(record, &appended, "### ");
    let speaker = heading_before(record, &appended, "#### ");
    assert!(
        topic.is_some_and(|h| h.starts_with("## 议题1 ")),
        "{text:?} should be under topic 1, found under {topic:?}:\n{record}"
    );
    assert!(
        step.is_some_and(|h| h.starts_with("### 1 汇报")),
        "{text:?} should be under step 1 汇报, found under {step:?}:\n{record}"
    );
    assert!(
        speaker.is_some_and(|h| h.starts_with("#### 吴刚 ")),
        "{text:?} should be under the speaker 吴刚, found under {speaker:?}:\n{record}"
    );
}

/// Go from the procedure pane (where the console starts) to the 签到 pane.
fn focus_check_in(t: &mut Term) {
    t.keys(&["Shift-Tab", "Shift-Tab"]);
    t.wait_for_all(&["┏ 签到", "/ 筛选"], TIMEOUT)
        .unwrap_or_else(|e| panic!("Shift-Tab twice should focus the 签到 pane: {e}"));
}

/// The person rows of the 签到 pane, top to bottom (group headings and counts left out).
fn check_in_rows(t: &Term) -> Vec<String> {
    t.lines()
        .iter()
        .skip(1)
        .filter_map(|l| {
            let cell = l.split(['│', '┃']).nth(1)?.trim_end();
            let person = cell.starts_with(' ') && !cell.trim().is_empty();
            person.then(|| cell.trim().to_string())
        })
        .collect()
}

/// Type `text` into the editor (the console starts there, caret after 吴刚's words) and wait
/// until it shows.
fn type_into_step1(t: &mut Term, text: &str) {
    t.type_text(text);
    wait_right_text(t, &format!("{DEMO_ENTRY_END}{text}"), "typed text appended");
}

fn is_hhmm(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit())
}

// -------------------------------------------------------------------------------- tests

#[test]
fn empty_database_opens_the_demo_with_all_panes() {
    let (_dir, db) = temp_db();
    let t = start(&db);
    t.wait_for(DEMO_LOADED, TIMEOUT)
        .unwrap_or_else(|e| panic!("the demo-loaded message should be shown: {e}"));
    for title in PANE_TITLES {
        if t.find(&format!(" {title} ")).is_none() {
            fail(&t, &format!("pane title {title:?} missing"));
        }
    }
    // The editor has focus (heavy border) and shows 吴刚's demo entry.
    if t.find("┏ 议事程序").is_none() {
        fail(&t, "the 议事程序 pane should have the focus at start");
    }
    wait_right_text(&t, DEMO_ENTRY_END, "the demo's first entry");

    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&db)
        .expect("the database file exists")
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o777,
        0o600,
        "the database holds the official record: only its owner may read it (mode {:o})",
        mode & 0o777
    );
    // SQLite's companion files hold the same text: they must be as private.
    for suffix in ["-wal", "-shm"] {
        let side = db.with_file_name(format!("huiwu.db{suffix}"));
        if let Ok(meta) = std::fs::metadata(&side) {
            assert_eq!(
                meta.permissions().mode() & 0o777,
                0o600,
                "{} should be private too",
                side.display()
            );
        }
    }
}

#[test]
fn signing_in_survives_kill9_and_shows_in_the_attendance_sheet() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    // 何勇 sits in for topic 2 and has not come yet.
    let before = cells_with(&t, "何勇");
    assert!(
        before.iter().any(|c| c.contains("未到")),
        "the demo should show 何勇 as not here yet: {before:?}\n{}",
        t.dump()
    );
    focus_check_in(&mut t);
    t.key("/");
    t.type_text("hy");
    t.wait_until("the filter keeps only 何勇", TIMEOUT, |s| {
        s.contents().contains("/ hy") && !s.contents().contains("王建国")
    })
    .unwrap();
    t.key("Enter");
    t.wait_for("何勇 已于", TIMEOUT)
        .unwrap_or_else(|e| panic!("Enter should sign 何勇 in: {e}"));
    let message = t
        .lines()
        .into_iter()
        .find(|l| l.contains("何勇 已于"))
        .unwrap();
    let hhmm: String = message
        .split("已于 ")
        .nth(1)
        .map(|s| s.chars().take(5).collect())
        .unwrap_or_default();
    assert!(is_hhmm(&hhmm), "no HH:MM in the message {message:?}");
    let cells = cells_with(&t, "何勇");
    assert!(
        cells
            .iter()
            .any(|c| c.contains(&hhmm) && !c.contains("未到")),
        "何勇's line should show the time {hhmm}: {cells:?}\n{}",
        t.dump()
    );

    t.kill9();
    let t = start(&db);
    let cells = cells_with(&t, "何勇");
    assert!(
        !cells.is_empty()
            && cells
                .iter()
                .all(|c| c.contains(&hhmm) && !c.contains("未到")),
        "after kill -9 and a restart every line of 何勇 should still show {hhmm}: {cells:?}\n{}",
        t.dump()
    );
    drop(t);

    let sheet = export_attendance(&db);
    let row = sheet.lines().find(|l| l.starts_with("| 何勇 |"));
    assert!(
        row.is_some_and(|r| r.contains(&format!("| {hhmm} |"))),
        "the attendance sheet should list 何勇 signed in at {hhmm}, got {row:?}:\n{sheet}"
    );
}

#[test]
fn typed_text_survives_kill9() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    let text = marker("测试记录甲乙丙");
    type_into_step1(&mut t, &text);
    // R9.1: typed text reaches the disk within 200 ms.
    std::thread::sleep(Duration::from_millis(300));
    t.kill9();

    let t = start(&db);
    wait_right_text(
        &t,
        &format!("{DEMO_ENTRY_END}{text}"),
        "the text typed before kill -9, after a restart",
    );
    drop(t);
    assert_in_wu_gang_report(&export_record(&db), &text);
}

#[test]
fn sighup_saves_everything_and_exits() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    let text = marker("挂断测试丁戊己");
    type_into_step1(&mut t, &text);
    // No pause: the hang-up itself must save what is typed.
    t.signal(1);
    let code = t.wait_exit_drained(TIMEOUT);
    match code {
        None => fail(&t, "huiwu should exit by itself after SIGHUP"),
        Some(129) => fail(
            &t,
            "huiwu was killed by SIGHUP instead of saving and exiting",
        ),
        Some(_) => {}
    }
    if !t.output_contains("\x1b[?1049l") {
        fail(
            &t,
            "the terminal's normal screen should be restored on SIGHUP",
        );
    }

    let t = start(&db);
    wait_right_text(
        &t,
        &format!("{DEMO_ENTRY_END}{text}"),
        "the text typed before SIGHUP, after a restart",
    );
    drop(t);
    assert_in_wu_gang_report(&export_record(&db), &text);
}

#[test]
fn ctrl_q_quits_cleanly_and_saves() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    let text = marker("退出测试庚辛壬");
    type_into_step1(&mut t, &text);
    t.key("Ctrl-q");
    let code = t.wait_exit_drained(TIMEOUT);
    if code != Some(0) {
        fail(
            &t,
            &format!("Ctrl-Q should quit with exit code 0, got {code:?}"),
        );
    }
    assert!(
        t.output_contains("\x1b[?1049l"),
        "Ctrl-Q should leave the alternate screen"
    );
    assert_in_wu_gang_report(&export_record(&db), &text);
    assert_eq!(huiwu_ok(&db, &["check"]).trim(), "ok", "huiwu check");
}

#[test]
fn pasting_5000_characters_is_saved_whole() {
    const N: usize = 5000;
    const SET: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    assert_no_saved_claim(&t);
    let pasted: String = (0..N).map(|i| SET[(i * 7 + i / 10) % SET.len()]).collect();
    assert_eq!(pasted.chars().count(), N);

    // Paste in a later second than the start-up save, so "已保存 <time>" is news.
    std::thread::sleep(Duration::from_millis(1100));
    let before = screen_clock(&t);
    t.paste(&pasted);
    let tail: String = pasted.chars().skip(N - 12).collect();
    wait_right_text(&t, &tail, "the end of the pasted text in the editor");
    t.wait_until(
        "the status line says 已保存 again after the paste",
        TIMEOUT,
        |s| {
            let top = s.rows(0, s.size().1).next().unwrap_or_default();
            let saved = top
                .split("已保存 ")
                .nth(1)
                .map(|x| x.chars().take(8).collect::<String>());
            !top.contains("保存中") && saved.is_some_and(|at| at >= before)
        },
    )
    .unwrap();
    let saved_at = status_field(&t, "已保存 ").unwrap_or_default();

    // Read while the console is still running: it must be on disk already.
    let record = export_record(&db);
    let count = record.chars().filter(|c| SET.contains(c)).count();
    assert_eq!(
        count, N,
        "the record should hold all {N} pasted characters once the status said 已保存 {saved_at}"
    );
    assert!(
        record.contains(&format!("{DEMO_ENTRY_END}{pasted}")),
        "the pasted text should be in the record exactly as pasted, after 吴刚's words"
    );
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0), "Ctrl-Q after the paste");
}

/// Keys typed faster than frames — an input method's phrases, a fast typist — wait in the
/// terminal several KiB at a time. They must all be taken and shown at once, not when the
/// next key arrives: crossterm reads 1 KiB per wake-up of its edge-triggered poll, and the
/// rest used to stay in the terminal, off the screen and unsaved (issue 11).
#[test]
fn a_burst_of_keys_beyond_one_read_is_taken_at_once() {
    const N: usize = 1200; // 3,600 bytes waiting at once: several reads of crossterm's
    const SET: [char; 10] = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉'];
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    let mut typed: String = (0..N - 1)
        .map(|i| SET[(i * 3 + i / 7) % SET.len()])
        .collect();
    typed.push('囍');
    // One write: everything is in the terminal before the console reads any of it.
    t.write_raw(typed.as_bytes());
    let tail: String = typed.chars().skip(N - 12).collect();
    wait_right_text(&t, &tail, "the end of the burst, with no further key");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0), "Ctrl-Q after the burst");
    assert!(
        export_record(&db).contains(&format!("{DEMO_ENTRY_END}{typed}")),
        "the record should hold the burst whole, after 吴刚's words"
    );
}

#[test]
fn restart_reopens_at_the_same_place() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    let first = marker("第一段");
    type_into_step1(&mut t, &first);
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0), "first Ctrl-Q");

    let mut t = start(&db);
    if t.find("┏ 议事程序").is_none() {
        fail(
            &t,
            "after a restart the 议事程序 pane should have the focus again",
        );
    }
    let second = marker("第二段");
    t.type_text(&second);
    wait_right_text(
        &t,
        &format!("{DEMO_ENTRY_END}{first}{second}"),
        "text typed after a restart continues where the caret was",
    );
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0), "second Ctrl-Q");

    let record = export_record(&db);
    assert_in_wu_gang_report(&record, &format!("{first}{second}"));
}

#[test]
fn too_small_terminal_says_so_until_resized() {
    let (_dir, db) = temp_db();
    let mut t = Term::huiwu_sized(&["--db", db_arg(&db)], &[], 60, 20);
    t.wait_for("窗口太小，至少需要 80×24", TIMEOUT)
        .unwrap_or_else(|e| panic!("a 60×20 terminal should get the too-small message: {e}"));
    t.resize(120, 36);
    t.wait_for_all(&PANE_TITLES, TIMEOUT)
        .unwrap_or_else(|e| panic!("after resizing to 120×36 the console should come back: {e}"));
    if t.screen().contains("窗口太小") {
        fail(&t, "the too-small message should be gone at 120×36");
    }
    // And the other way round, while it runs.
    t.resize(79, 24);
    t.wait_for("窗口太小", TIMEOUT)
        .unwrap_or_else(|e| panic!("79×24 is below the minimum: {e}"));
    t.resize(80, 24);
    t.wait_for_all(&PANE_TITLES, TIMEOUT)
        .unwrap_or_else(|e| panic!("80×24 is the minimum and should show the console: {e}"));
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn a_file_that_is_not_a_huiwu_database_is_refused_untouched() {
    let (dir, db) = temp_db();
    // Deterministic "random" bytes (xorshift), not whole pages: whole pages of random
    // bytes may be an encrypted database, which asks for its passphrase instead
    // (tests/e2e_encryption.rs).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..8000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&db, &bytes).unwrap();
    let names = |d: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    let files_before = names(dir.path());

    // The console, in a terminal: it must stop before taking the screen over.
    let mut t = Term::huiwu(&["--db", db_arg(&db)], &[]);
    let code = t.wait_exit_drained(TIMEOUT);
    if code != Some(1) {
        fail(&t, &format!("the console should exit 1, got {code:?}"));
    }
    if !t.screen().contains("不是会务（huiwu）数据库") {
        fail(
            &t,
            "the console should say the file is not a huiwu database",
        );
    }

    // A subcommand, with stderr captured.
    let (mut cmd, _config) = huiwu_cmd_isolated(&[
        "--db",
        db_arg(&db),
        "export",
        "record",
        "--meeting",
        "latest",
    ]);
    let out = cmd.output().expect("run huiwu export");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "export: stderr {stderr}");
    assert!(
        stderr.contains("不是会务（huiwu）数据库"),
        "stderr should say the file is not a huiwu database: {stderr:?}"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout");

    assert!(
        std::fs::read(&db).unwrap() == bytes,
        "the foreign file must be left byte for byte as it was"
    );
    assert_eq!(
        names(dir.path()),
        files_before,
        "no journal or other file should appear next to the foreign file"
    );
}

#[test]
fn a_database_locked_by_another_program_is_reported() {
    let (_dir, db) = temp_db();
    // A database another program is writing to in rollback-journal mode, holding the lock.
    let other = rusqlite::Connection::open(&db).expect("open with rusqlite");
    other
        .execute_batch("CREATE TABLE t(x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);")
        .expect("take the exclusive lock");
    let (mut cmd, _config) = huiwu_cmd_isolated(&["--db", db_arg(&db), "check"]);
    let started = Instant::now();
    let out = cmd.output().expect("run huiwu check");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a locked database: exit 1 (stderr {stderr:?})"
    );
    assert!(
        stderr.contains("锁定"),
        "stderr should say the database is locked: {stderr:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(12),
        "gave up after {:?}; the busy timeout is 5 s",
        started.elapsed()
    );
    other.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn an_unknown_key_in_check_in_only_shows_a_hint() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    focus_check_in(&mut t);
    // Let the roster settle (it is refreshed every second), then compare it around the key.
    std::thread::sleep(Duration::from_millis(1200));
    let normalise = |rows: Vec<String>| -> Vec<String> {
        // "已迟 N 分钟" counts up with the clock; everything else must stay put.
        rows.into_iter()
            .map(|r| match r.find("已迟") {
                Some(i) => r[..i].to_string(),
                None => r,
            })
            .collect()
    };
    let before = normalise(check_in_rows(&t));
    let sheet_before = export_attendance(&db);
    t.key("z");
    t.wait_for(UNKNOWN_KEY, TIMEOUT)
        .unwrap_or_else(|e| panic!("an unknown key should show the hint {UNKNOWN_KEY:?}: {e}"));
    let after = normalise(check_in_rows(&t));
    if before != after {
        fail(
            &t,
            &format!("`z` changed the 签到 pane:\nbefore {before:#?}\nafter {after:#?}"),
        );
    }
    if t.find("┏ 签到").is_none() {
        fail(&t, "`z` should leave the focus in the 签到 pane");
    }
    if t.screen().contains("/ z") {
        fail(&t, "`z` should not start a filter");
    }
    let strip = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.starts_with("- 导出时间"))
            .map(|l| match l.find("已迟") {
                Some(i) => l[..i].to_string(),
                None => l.to_string(),
            })
            .collect()
    };
    assert_eq!(
        strip(&sheet_before),
        strip(&export_attendance(&db)),
        "`z` must not change any attendance record"
    );
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn leave_with_reason_and_approver_is_shown_and_kept() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    focus_check_in(&mut t);
    // 冯建华 (看守所, sitting in for topic 3) has not come; find his row and go there.
    let rows = check_in_rows(&t);
    let Some(index) = rows.iter().position(|r| r.starts_with("冯建华")) else {
        fail(&t, &format!("冯建华 should be listed in 签到: {rows:?}"))
    };
    for _ in 0..index {
        t.key("Down");
    }
    t.key("l");
    t.wait_for_all(&["事由", "批准人", "冯建华"], TIMEOUT)
        .unwrap_or_else(|e| panic!("`l` should open the leave form for 冯建华: {e}"));
    t.type_text("外出办案");
    t.key("Tab");
    t.type_text("王建国");
    t.key("Enter");
    t.wait_until("the form closes", TIMEOUT, |s| {
        !s.contents().contains("批准人")
    })
    .unwrap();
    let shown = |t: &Term| {
        cells_with(t, "冯建华")
            .iter()
            .any(|c| c.contains("请假（外出办案"))
    };
    t.wait_until("冯建华 shows 请假（外出办案）", TIMEOUT, |s| {
        s.contents().contains("请假（外出办案")
    })
    .unwrap();
    if !shown(&t) {
        fail(&t, "the leave should be shown on 冯建华's line");
    }
    // 陈明 is still the only other one on leave.
    let leave_lines: Vec<String> = check_in_rows(&t)
        .into_iter()
        .filter(|r| r.contains("请假（"))
        .collect();
    assert_eq!(
        leave_lines.len(),
        2,
        "exactly 陈明 and 冯建华 should be on leave: {leave_lines:?}\n{}",
        t.dump()
    );

    t.kill9();
    let t = start(&db);
    if !shown(&t) {
        fail(
            &t,
            "after kill -9 and a restart 冯建华 should still be on leave",
        );
    }
    drop(t);
    let sheet = export_attendance(&db);
    let row = sheet.lines().find(|l| l.starts_with("| 冯建华 |"));
    assert!(
        row.is_some_and(|r| r.contains("请假（外出办案，王建国）")),
        "the attendance sheet should give 冯建华's leave with reason and approver, got {row:?}:\n{sheet}"
    );
}

#[test]
fn next_topic_names_who_is_missing_and_advances() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    t.key("Shift-Tab");
    t.wait_for("┏ 当前议题 / 候会", TIMEOUT)
        .unwrap_or_else(|e| panic!("Shift-Tab should focus the topic pane: {e}"));
    t.key("n");
    // The footer's hint comes last in the frame: wait for it so the whole question is there.
    t.wait_for_all(&["请确认", "尚未到达", "y / Enter 确定"], TIMEOUT)
        .unwrap_or_else(|e| panic!("`n` should ask before advancing, naming who is missing: {e}"));
    // Who waits outside uncalled and who has not come are told apart.
    let question: String = t
        .lines()
        .into_iter()
        .map(|l| l.replace(['║', ' '], ""))
        .collect();
    assert!(
        question.contains("尚未叫入：周强") && question.contains("尚未到达：何勇"),
        "the question should name 周强 as waiting uncalled and 何勇 as not arrived:\n{}",
        t.dump()
    );
    t.key("y");
    t.wait_for("议题 2/4 · 关于“11·08”", TIMEOUT)
        .unwrap_or_else(|e| panic!("after `y` topic 2 should be the current topic: {e}"));
    t.wait_for("议事程序 · 议题 2", TIMEOUT)
        .unwrap_or_else(|e| panic!("the procedure pane should be on topic 2: {e}"));
    // The frame that shows topic 2 may still be arriving: wait for the question to go
    // rather than read the screen in the middle of a frame.
    if t.wait_for_gone("请确认", TIMEOUT).is_err() {
        fail(&t, "the question should be gone after `y`");
    }
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));

    let record = export_record(&db);
    let topic2 = record
        .split("## 议题2 ")
        .nth(1)
        .and_then(|s| s.lines().find(|l| l.starts_with("- 起止时间")))
        .unwrap_or_default();
    assert!(
        !topic2.contains("未开始") && !topic2.is_empty(),
        "the record should give topic 2 a start time, got {topic2:?}"
    );
}

// Pop-ups drawn over Chinese text must keep their frame (a wide character straddling the
// left border used to swallow the ║).
#[test]
fn help_box_is_framed_on_every_row_and_any_key_closes_it() {
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    t.key("F1");
    t.wait_for_all(&["按键一览", "任意键关闭帮助"], TIMEOUT)
        .unwrap_or_else(|e| panic!("F1 should open the help: {e}"));
    let Some((top, left)) = t.find("╔") else {
        fail(&t, "the help box has no top-left corner")
    };
    let Some((bottom, _)) = t.find("╚") else {
        fail(&t, "the help box has no bottom-left corner")
    };
    let broken: Vec<u16> = (top + 1..bottom)
        .filter(|&r| t.cell(r, left).as_deref() != Some("║"))
        .collect();
    if !broken.is_empty() {
        fail(
            &t,
            &format!("the help box's left border (column {left}) is missing on rows {broken:?}"),
        );
    }
    t.key("x");
    t.wait_for_gone("按键一览", TIMEOUT)
        .unwrap_or_else(|e| panic!("any key should close the help: {e}"));
}

/// Wait for `needle`, and say how long it took (None when it never came in `limit`).
fn time_to(t: &Term, needle: &str, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    t.wait_for(needle, limit).ok().map(|()| start.elapsed())
}

#[test]
fn a_lock_held_by_another_program_neither_freezes_the_keys_nor_loses_the_edits() {
    const LOCK: Duration = Duration::from_secs(8);
    let (_dir, db) = temp_db();
    let mut t = start(&db);
    // Another program takes the write lock and keeps it for 8 s.
    let other = rusqlite::Connection::open(&db).expect("open with rusqlite");
    other
        .execute_batch("BEGIN EXCLUSIVE;")
        .expect("take the lock");
    let locked_at = Instant::now();
    let mut waits = Vec::new();

    // The decision: an outcome, then the decided text.
    t.key("Tab");
    t.key("o");
    waits.push(time_to(&t, "结果：通过", Duration::from_secs(2)));
    t.key("Enter");
    waits.push(time_to(&t, "C-s 确定", Duration::from_secs(2)));
    t.type_text("同意该方案");
    t.key("Ctrl-s");
    waits.push(time_to(&t, "决定内容：同意该方案", Duration::from_secs(2)));
    // Sign a person in: the next pane after 决定 is 签到.
    t.key("Tab");
    waits.push(time_to(&t, "┏ 签到", Duration::from_secs(2)));
    t.key("/");
    t.type_text("hy");
    t.key("Enter");
    waits.push(time_to(&t, "何勇 已于", Duration::from_secs(2)));
    eprintln!("key answers: {waits:?}");
    // Each key was answered at once (issue: within 100 ms), not after the database's
    // 5 s wait for the lock.
    for (i, w) in waits.iter().enumerate() {
        let w = w.unwrap_or_else(|| fail(&t, &format!("key {i} got no answer")));
        assert!(
            w < Duration::from_millis(100),
            "key {i} took {w:?} while the database was locked"
        );
    }
    // The clock keeps going and nothing claims to be saved while the lock is held.
    let clock = screen_clock(&t);
    while locked_at.elapsed() < LOCK {
        let top = t.line(0);
        assert!(
            !top.contains("已保存"),
            "said saved while another program held the lock: {top}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_ne!(screen_clock(&t), clock, "the clock stopped");
    other.execute_batch("COMMIT;").expect("release the lock");
    t.wait_for("已保存", Duration::from_secs(10))
        .unwrap_or_else(|e| fail(&t, &format!("never saved after the lock: {e}")));

    // All of it is in the database.
    let reader = huiwu::store::Store::open(&db, "检查").expect("open");
    let meeting = reader.latest_meeting().expect("read").expect("a meeting");
    let topic = meeting.current_topic_id.expect("a current topic");
    let d = reader.decision(topic).expect("read").expect("a decision");
    assert_eq!(d.outcome, Some(huiwu::domain::decision::Outcome::Approved));
    assert_eq!(d.text, "同意该方案");
    let he = reader
        .people()
        .expect("people")
        .into_iter()
        .find(|p| p.name == "何勇")
        .expect("何勇");
    let events = reader.attendance_events(meeting.id).expect("events");
    assert!(
        events.iter().any(|e| e.person_id == he.id
            && matches!(e.kind, huiwu::domain::attendance::EventKind::CheckIn { .. })),
        "the sign-in is in the database"
    );
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn each_operator_reopens_on_the_pane_they_worked_in() {
    let (_dir, db) = temp_db();
    // The staff member works in 签到 and quits.
    let mut t = Term::huiwu(&["--db", db_arg(&db), "--operator", "杨帆"], &[]);
    t.wait_for("操作员 杨帆", TIMEOUT).expect("up");
    focus_check_in(&mut t);
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    // The recorder's terminal opens on the record, the staff's on 签到.
    let mut r = start(&db);
    r.wait_for("┏ 议事程序", TIMEOUT)
        .expect("the recorder's pane");
    r.key("Ctrl-q");
    assert_eq!(r.wait_exit(TIMEOUT), Some(0));
    let mut s = Term::huiwu(&["--db", db_arg(&db), "--operator", "杨帆"], &[]);
    s.wait_for("┏ 签到", TIMEOUT)
        .unwrap_or_else(|e| panic!("the staff member's pane was not restored: {e}"));
    s.key("Ctrl-q");
    assert_eq!(s.wait_exit(TIMEOUT), Some(0));
}
