//! Typing through a real terminal, huiwu beside vim (issue 11).
//!
//! ```sh
//! cargo bench --bench terminal                # 3 runs of each measurement
//! cargo bench --bench terminal -- runs=5 10y  # more runs; huiwu on ten years of history
//! ```
//!
//! Both programs run at once, each in its own pseudo-terminal of 120×36 (portable-pty, a
//! vt100 screen fed by a reader thread): the release huiwu on the demo meeting, the
//! recorder's pane focused, the caret at the end of the first entry; and
//! `/usr/bin/vim -u NONE -N` on a scratch file, in insert mode. A character counts as on
//! the screen when the reader thread, after processing a chunk of output, finds it on the
//! vt100 screen; the time is taken there, so no polling interval is added.
//!
//! * **(a) key to screen**: one Chinese character at a recorder's pace — a key to each
//!   program every 300 ms, the two interleaved 150 ms apart — from the write into the
//!   terminal to the character on the screen; median of 15 per run. Goal: huiwu ≤ vim +
//!   5 ms.
//! * **(b) a burst**: 2,000 Chinese characters written in chunks of 20 (as an input method
//!   commits phrases, faster than frames), back to back (`gap=MS` puts a pause between
//!   chunks); the time from the first write until the last character is on the screen.
//!   Each run starts a new line in both. Goal: huiwu ≤ vim.
//! * At the end both programs save and quit, and the bench checks that every burst
//!   arrived whole: in huiwu's record (`huiwu export record`) and in vim's file.
//!
//! Options: `runs=N` (default 3), `gap=MS` (default 0), `10y` (huiwu on a copy of the
//! ten-year history of benches/scale.rs instead of the demo alone).
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::data::{generated, huiwu_bin, private_env, working_copy};
use common::pty::{Pty, key};
use common::{Res, Samples, TYPED, arg_value, args, fmt, load_line, mark};

const SIZE: (u16, u16) = (120, 36);
const VIM: &str = "/usr/bin/vim";
/// A key to each program this often.
const PACE: Duration = Duration::from_millis(300);
const KEYS: usize = 15;
const BURST: usize = 2_000;
const CHUNK: usize = 20;
/// Characters typed one at a time, each new to both screens.
const SINGLE: &str = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥鼠牛虎兔龙蛇马羊猴鸡狗猪";
/// The last character of each burst, one per run: on neither screen otherwise.
const MARKERS: &str = "囍龘靐齉爨麤鱻灩鬱驫";

struct Program {
    name: &'static str,
    pty: Pty,
}

fn start_huiwu(dir: &Path, years: Option<u32>) -> Res<Program> {
    let db = match years {
        Some(y) => working_copy(&generated(y, 1, false)?, dir, true)?,
        None => dir.join("huiwu.db"),
    };
    let env = private_env(dir);
    let db = db.to_str().ok_or("database path is not UTF-8")?.to_string();
    let pty = Pty::spawn(
        &huiwu_bin(),
        &["--db", &db, "--operator", "测试员"],
        &env,
        SIZE,
        None,
    )?;
    // The recorder's pane has the focus (heavy border) and the first frame is whole.
    pty.wait_for("┏ 议事程序", Duration::from_secs(20))?;
    pty.wait_for("C-q 退出", Duration::from_secs(5))?;
    pty.wait_quiet(Duration::from_millis(300), Duration::from_secs(3));
    Ok(Program { name: "huiwu", pty })
}

fn start_vim(dir: &Path) -> Res<Program> {
    let file = dir.join("scratch.txt");
    std::fs::write(&file, "")?;
    let env = private_env(dir);
    let file = file.to_str().ok_or("path is not UTF-8")?.to_string();
    let pty = Pty::spawn(
        Path::new(VIM),
        &["-u", "NONE", "-N", &file],
        &env,
        SIZE,
        None,
    )?;
    pty.wait_for("scratch.txt", Duration::from_secs(10))?;
    pty.wait_quiet(Duration::from_millis(200), Duration::from_secs(3));
    pty.write(b"i");
    pty.wait_for("-- INSERT --", Duration::from_secs(5))?;
    pty.wait_quiet(Duration::from_millis(200), Duration::from_secs(3));
    Ok(Program { name: "vim", pty })
}

/// Write one character; the time until the screen shows it once more than before.
fn one_key(p: &Program, c: char) -> Res<Duration> {
    let s = c.to_string();
    let before = p.pty.count(&s);
    p.pty.watch_count(&s, before + 1);
    let t0 = Instant::now();
    p.pty.write(s.as_bytes());
    let seen = p
        .pty
        .wait_seen(Duration::from_secs(5))
        .ok_or_else(|| format!("{}: {c} did not appear in 5 s", p.name))?;
    Ok(seen.saturating_duration_since(t0))
}

/// The text of burst `run`: the recorder's sentence over and over, the run's marker last.
fn burst_text(run: usize) -> String {
    let mut t: String = TYPED.chars().cycle().take(BURST - 1).collect();
    let markers: Vec<char> = MARKERS.chars().collect();
    t.push(markers[run % markers.len()]);
    t
}

/// How long a burst may take before it counts as stalled.
const STALL: Duration = Duration::from_secs(30);

/// Write the burst in chunks; the time until its last character is on the screen (None:
/// not there after [`STALL`]).
fn burst(p: &Program, text: &str, gap: Duration) -> Res<Option<Duration>> {
    // A new line first, so that every burst starts a line of its own.
    p.pty.write(b"\r");
    p.pty
        .wait_quiet(Duration::from_millis(200), Duration::from_secs(3));
    let m = text.chars().last().unwrap_or(' ').to_string();
    let before = p.pty.count(&m);
    p.pty.watch_count(&m, before + 1);
    let chars: Vec<char> = text.chars().collect();
    let t0 = Instant::now();
    for chunk in chars.chunks(CHUNK) {
        let s: String = chunk.iter().collect();
        p.pty.write(s.as_bytes());
        if !gap.is_zero() {
            std::thread::sleep(gap);
        }
    }
    Ok(p.pty
        .wait_seen(STALL)
        .map(|seen| seen.saturating_duration_since(t0)))
}

fn fmt_burst(d: Option<Duration>) -> String {
    match d {
        Some(d) => fmt(d),
        None => format!("> {} s", STALL.as_secs()),
    }
}

/// huiwu / vim, and whether huiwu is within vim's time.
fn burst_ratio(h: Option<Duration>, v: Option<Duration>) -> (String, bool) {
    match (h, v) {
        (Some(h), Some(v)) => (
            format!("{:.2}", h.as_secs_f64() / v.as_secs_f64().max(1e-9)),
            h <= v,
        ),
        (None, _) => ("stalled".into(), false),
        (Some(_), None) => ("(vim stalled)".into(), true),
    }
}

fn main() -> Res<()> {
    let a = args();
    let runs: usize = arg_value(&a, "runs")
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let gap = Duration::from_millis(
        arg_value(&a, "gap")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
    );
    let years = a.iter().any(|w| w == "10y").then_some(10);
    if !Path::new(VIM).exists() {
        return Err(format!("{VIM} is needed as the reference").into());
    }
    println!(
        "huiwu beside vim, through real pseudo-terminals {}x{}",
        SIZE.0, SIZE.1
    );
    println!(
        "  huiwu {} on {}; vim -u NONE -N, insert mode",
        huiwu_bin().display(),
        if years.is_some() {
            "ten years of history (the demo meeting in progress)"
        } else {
            "the demo meeting"
        }
    );
    println!("  {}", load_line());
    let hdir = tempfile::tempdir()?;
    let vdir = tempfile::tempdir()?;
    let huiwu = start_huiwu(hdir.path(), years)?;
    let vim = start_vim(vdir.path())?;

    println!(
        "\n(a) key to screen: one character to each every {} ms (interleaved), median of {KEYS}",
        PACE.as_millis()
    );
    println!(
        "{:>3} | {:>24} | {:>24} | {:>11} | goal huiwu ≤ vim + 5 ms",
        "run", "huiwu median (min–max)", "vim median (min–max)", "huiwu − vim"
    );
    let singles: Vec<char> = SINGLE.chars().collect();
    let mut a_ok = true;
    let mut a_rows = Vec::new();
    for run in 0..runs {
        let mut hs = Samples::default();
        let mut vs = Samples::default();
        for i in 0..KEYS {
            let c = singles[(run * KEYS + i) % singles.len()];
            for (p, s) in [(&huiwu, &mut hs), (&vim, &mut vs)] {
                let t = Instant::now();
                s.push(one_key(p, c)?);
                if let Some(rest) = (PACE / 2).checked_sub(t.elapsed()) {
                    std::thread::sleep(rest);
                }
            }
        }
        let (h, v) = (hs.median(), vs.median());
        let diff = h.as_secs_f64() * 1e3 - v.as_secs_f64() * 1e3;
        let ok = h <= v + Duration::from_millis(5);
        a_ok &= ok;
        println!(
            "{:>3} | {:>24} | {:>24} | {:>8.2} ms | {}",
            run + 1,
            format!("{} ({}–{})", fmt(h), fmt(hs.min()), fmt(hs.max())),
            format!("{} ({}–{})", fmt(v), fmt(vs.min()), fmt(vs.max())),
            diff,
            mark(ok)
        );
        a_rows.push((h, v));
    }

    println!(
        "\n(b) {BURST} characters in chunks of {CHUNK}{}: first write to the last character on the screen",
        if gap.is_zero() {
            ", back to back".to_string()
        } else {
            format!(", {} ms apart", gap.as_millis())
        }
    );
    println!(
        "{:>3} | {:>10} | {:>10} | {:>11} | goal huiwu ≤ vim",
        "run", "huiwu", "vim", "huiwu / vim"
    );
    let texts: Vec<String> = (0..runs).map(burst_text).collect();
    let mut b_ok = true;
    let mut b_rows = Vec::new();
    for (run, text) in texts.iter().enumerate() {
        let h = burst(&huiwu, text, gap)?;
        let v = burst(&vim, text, gap)?;
        let (r, ok) = burst_ratio(h, v);
        b_ok &= ok;
        println!(
            "{:>3} | {:>10} | {:>10} | {:>11} | {}",
            run + 1,
            fmt_burst(h),
            fmt_burst(v),
            r,
            mark(ok)
        );
        if h.is_none() {
            println!(
                "    huiwu stalled: the rest of the burst waits in the terminal until the next key"
            );
        }
        b_rows.push((h, v));
    }
    println!("  {}", load_line());

    // Everything typed must have arrived: huiwu's record and vim's file.
    let mut huiwu = huiwu;
    huiwu.pty.write(&key("Ctrl-q"));
    let ended = huiwu.pty.wait_exit(Duration::from_secs(15));
    let db = hdir.path().join("huiwu.db");
    let out = std::process::Command::new(huiwu_bin())
        .arg("--db")
        .arg(&db)
        .args(["export", "record", "--meeting", "latest", "--format", "md"])
        .envs(private_env(hdir.path()))
        .output()?;
    let record = String::from_utf8_lossy(&out.stdout);
    let mut vim = vim;
    vim.pty.write(b"\x1b");
    std::thread::sleep(Duration::from_millis(100));
    vim.pty.write(b":wq\r");
    vim.pty.wait_exit(Duration::from_secs(10));
    let file = std::fs::read_to_string(vdir.path().join("scratch.txt")).unwrap_or_default();
    let whole = |s: &str| texts.iter().filter(|t| s.contains(t.as_str())).count();
    println!(
        "\nchecked: huiwu {} on Ctrl-Q, its record holds {} of {runs} bursts whole; vim's file holds {} of {runs}",
        if ended { "ended" } else { "was killed" },
        whole(&record),
        whole(&file)
    );
    let arrived = whole(&record) == runs && whole(&file) == runs;
    if !arrived {
        println!("  ✗ not every burst arrived whole (see above)");
    }

    println!("\n== Summary\n");
    println!("| measure | huiwu | vim | goal | |");
    println!("|---|---|---|---|---|");
    for (i, (h, v)) in a_rows.iter().enumerate() {
        println!(
            "| key to screen, run {} (median of {KEYS}) | {} | {} | ≤ vim + 5 ms | {} |",
            i + 1,
            fmt(*h),
            fmt(*v),
            mark(*h <= *v + Duration::from_millis(5))
        );
    }
    for (i, (h, v)) in b_rows.iter().enumerate() {
        let (r, ok) = burst_ratio(*h, *v);
        println!(
            "| {BURST} characters in chunks of {CHUNK}, run {} | {} | {} | ≤ vim ({r}) | {} |",
            i + 1,
            fmt_burst(*h),
            fmt_burst(*v),
            mark(ok)
        );
    }
    println!(
        "\nkey to screen {}; burst {}",
        if a_ok { "within its goal" } else { "MISSED" },
        if b_ok { "within its goal" } else { "MISSED" }
    );
    Ok(())
}
