//! Two real terminals on one database, killed at random (issue 10, R9.1): the recorder
//! types in one, the staff admit and sign people in in the other; each is killed with
//! -9 at random moments, many times, and started again. Afterwards every word the
//! recorder saw on screen 200 ms before its kill, and every admission the staff saw
//! confirmed 200 ms before theirs, is in the database; nothing one terminal wrote was
//! overwritten by the other (each typed chunk and each name is a unique marker); the
//! database is never damaged.
//!
//! CI: 10 kills of each terminal (about 25 s). Longer: `HUIWU_KILL_ROUNDS=100 cargo test
//! --test e2e_two_terminals` (`HUIWU_KILL_SEED=N` repeats a run).
mod common;
mod crash;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{TIMEOUT, Term, huiwu_cmd_isolated, temp_db};
use crash::{Rng, all_entry_texts, damage, db_arg, rounds, seen, start};

const WITHIN: Duration = Duration::from_millis(200);

/// What one terminal did: each marker with when it was confirmed on screen, and when
/// that terminal was killed after it.
#[derive(Default)]
struct Log {
    /// (marker, shown at, killed at)
    done: Vec<(String, Instant, Instant)>,
    kills: usize,
}

impl Log {
    fn killed(&mut self, round: &mut Vec<(String, Instant)>) {
        let at = Instant::now();
        self.done
            .extend(round.drain(..).map(|(m, shown)| (m, shown, at)));
        self.kills += 1;
    }
}

fn recorder(db: PathBuf, n: usize, mut rng: Rng) -> Log {
    let mut log = Log::default();
    for round in 0..n {
        let mut t = start(&db, "记录员");
        let until = Instant::now() + rng.millis(500, 4000);
        let mut this_round = Vec::new();
        let mut chunk = 0;
        while Instant::now() < until {
            let marker = format!("记{round:03}录{chunk:03}员");
            chunk += 1;
            t.type_text(&marker);
            if Instant::now() + Duration::from_millis(300) >= until && rng.chance(40) {
                break; // killed while the words are on their way in
            }
            match seen(&t, &marker, TIMEOUT) {
                Some(at) => this_round.push((marker, at)),
                None => panic!("recorder: {marker} never shown\n{}", t.dump()),
            }
            std::thread::sleep(rng.millis(0, 150));
        }
        t.kill9();
        log.killed(&mut this_round);
    }
    log
}

fn focus_check_in(t: &mut Term) {
    for _ in 0..5 {
        if t.find("┏ 签到").is_some() {
            return;
        }
        t.key("Tab");
        let _ = t.wait_for("┏", Duration::from_millis(300));
        std::thread::sleep(Duration::from_millis(80));
    }
    assert!(t.find("┏ 签到").is_some(), "no 签到 pane\n{}", t.dump());
}

fn staff(db: PathBuf, n: usize, mut rng: Rng) -> Log {
    let mut log = Log::default();
    for round in 0..n {
        let mut t = start(&db, "杨帆");
        focus_check_in(&mut t);
        let until = Instant::now() + rng.millis(800, 5000);
        let mut this_round = Vec::new();
        let mut k = 0;
        while Instant::now() < until {
            // Someone not on the list, admitted with a reason and who allowed it (R5.1).
            let name = format!("临时{round:03}号{k:02}");
            k += 1;
            t.key("/");
            t.type_text(&name);
            t.key("Enter");
            if t.wait_for("准许名单外人员入场", TIMEOUT).is_err() {
                panic!("staff: no admission form for {name}\n{}", t.dump());
            }
            t.keys(&["Tab", "Tab"]);
            t.type_text("临时参会");
            t.key("Tab");
            t.type_text("王建国");
            if rng.chance(15) {
                break; // killed with the form open
            }
            t.key("Ctrl-s");
            let confirmed = format!("{name}（名单外）已于");
            match t.wait_for(&confirmed, TIMEOUT) {
                Ok(()) => this_round.push((name, Instant::now())),
                Err(e) => panic!("staff: {name} not confirmed: {e}"),
            }
            std::thread::sleep(rng.millis(0, 200));
        }
        t.kill9();
        log.killed(&mut this_round);
    }
    log
}

/// The names admitted and signed in, as the database has them.
fn admitted(db: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open");
    let mut st = c
        .prepare(
            "SELECT p.name FROM person p JOIN admission a ON a.person_id = p.id
             WHERE EXISTS (SELECT 1 FROM attendance_event e WHERE e.person_id = p.id)",
        )
        .expect("prepare");
    st.query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}

fn check(what: &str, log: &Log, stored: &dyn Fn(&str) -> bool) -> (usize, usize) {
    let (mut kept, mut lost_young) = (0, 0);
    for (marker, shown, killed) in &log.done {
        if stored(marker) {
            kept += 1;
            continue;
        }
        let age = killed.saturating_duration_since(*shown);
        assert!(
            age < WITHIN,
            "{what}: {marker}, confirmed on screen {age:?} before its kill -9, is lost"
        );
        lost_young += 1;
    }
    (kept, lost_young)
}

#[test]
fn two_terminals_killed_at_random_lose_and_overwrite_nothing() {
    let (_dir, db) = temp_db();
    let (mut cmd, _cfg) = huiwu_cmd_isolated(&["--db", db_arg(&db), "demo"]);
    assert!(cmd.status().expect("demo").success());
    let n = rounds(10);
    let (rec_rng, staff_rng) = (Rng::new("recorder"), Rng::new("staff"));
    let (d1, d2) = (db.clone(), db.clone());
    let rec = std::thread::spawn(move || recorder(d1, n, rec_rng));
    let stf = std::thread::spawn(move || staff(d2, n, staff_rng));
    let rec = rec.join().expect("recorder thread");
    let stf = stf.join().expect("staff thread");

    let problems = damage(&db);
    assert!(problems.is_empty(), "damaged: {problems:?}");
    let texts = all_entry_texts(&db);
    let (kept, young) = check("recorder", &rec, &|m| texts.contains(m));
    // The kept chunks stand whole and in the order typed: nothing of theirs was
    // overwritten or cut by a reload of the other terminal's changes.
    let mut at = 0;
    for (m, _, _) in rec
        .done
        .iter()
        .filter(|(m, _, _)| texts.contains(m.as_str()))
    {
        let found = texts[at..].find(m.as_str());
        assert!(found.is_some(), "{m} is out of order in:\n{texts}");
        at += found.unwrap_or(0) + m.len();
    }
    let names = admitted(&db);
    let (admits, young_admits) = check("staff", &stf, &|m| names.iter().any(|n| n == m));
    eprintln!(
        "recorder: {} kills, {kept} chunks kept, {young} typed <200 ms before a kill lost; \
         staff: {} kills, {admits} admissions kept, {young_admits} lost <200 ms before a kill",
        rec.kills, stf.kills
    );
    assert!(kept >= n && admits >= 1, "too little was done to judge");
}
