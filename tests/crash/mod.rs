//! Helpers for the tests that kill real `huiwu` processes (issue 10): unique markers to
//! type, a small seeded random source, what the database holds, and its integrity.
#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use super::common::{TIMEOUT, Term};

pub fn db_arg(db: &Path) -> &str {
    db.to_str().expect("temp db path is UTF-8")
}

/// Start the console on `db` as `operator` and wait until it is drawn.
pub fn start(db: &Path, operator: &str) -> Term {
    start_with(db, operator, &[])
}

pub fn start_with(db: &Path, operator: &str, env: &[(&str, &str)]) -> Term {
    let t = Term::huiwu(&["--db", db_arg(db), "--operator", operator], env);
    t.wait_for_all(
        &["议事程序", &format!("操作员 {operator}"), "C-q 退出"],
        TIMEOUT,
    )
    .unwrap_or_else(|e| panic!("the console did not come up: {e}"));
    t
}

/// A small random source (xorshift), seeded from `HUIWU_KILL_SEED` or the clock; the seed
/// is printed so a failing run can be repeated.
pub struct Rng(u64);

impl Rng {
    pub fn new(what: &str) -> Self {
        let seed = std::env::var("HUIWU_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            })
            | 1;
        eprintln!("{what}: HUIWU_KILL_SEED={seed}");
        // Each user of one seed draws its own numbers.
        let salt = what
            .bytes()
            .fold(0u64, |h, b| h.rotate_left(5) ^ u64::from(b));
        Self((seed ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in lo..hi.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo).max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn millis(&mut self, lo: u64, hi: u64) -> Duration {
        Duration::from_millis(self.range(lo, hi))
    }
}

/// How many rounds: `HUIWU_KILL_ROUNDS`, else `default`.
pub fn rounds(default: usize) -> usize {
    std::env::var("HUIWU_KILL_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Everything right of the 签到 pane, rows with borders and blanks at their ends
/// removed, so text the editor wrapped over two rows reads as one string.
pub fn right_text(s: &vt100::Screen) -> String {
    let (_, cols) = s.size();
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

/// Wait until the recorder's pane shows `needle`; when it did, or None.
pub fn seen(t: &Term, needle: &str, limit: Duration) -> Option<Instant> {
    t.wait_until("typed text shown", limit, |s| {
        right_text(s).contains(needle)
    })
    .ok()
    .map(|()| Instant::now())
}

/// Every entry's text in the database, read only (as another program would).
pub fn all_entry_texts(db: &Path) -> String {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open");
    let mut st = c.prepare("SELECT text FROM entry").expect("prepare");
    st.query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `PRAGMA integrity_check` and the foreign keys: every row that is not "ok".
pub fn damage(db: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(db).expect("open");
    let mut out: Vec<String> = c
        .prepare("PRAGMA integrity_check")
        .expect("prepare")
        .query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .filter(|r| r != "ok")
        .collect();
    let fk: Vec<String> = c
        .prepare("PRAGMA foreign_key_check")
        .expect("prepare")
        .query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .map(|r| format!("foreign key: {}", r.expect("row")))
        .collect();
    out.extend(fk);
    out
}
