//! Speed at scale (issue 11): the figures for one and for ten years of generated history,
//! each beside its budget with ✓ or ✗.
//!
//! ```sh
//! cargo bench --bench scale                      # everything, 4-5 minutes
//! cargo bench --bench scale -- start rss 10y     # only some parts / sizes
//! ```
//!
//! Words pick what runs (several of a kind are alternatives): parts `start` `switch`
//! `typing` `export` `rss`; sizes `1y` `10y`; entry sizes for `typing`: `1k` `10k` `100k`.
//! Options: `seed=N` (default 1), `runs=N` (starts per size, default 11), `pace=MS` (the loop
//! at rest after each screen switch, default 550), `as-generated` (keep the history flagged as
//! demo, as `huiwu demo --years` leaves it), `regen` (generate the databases again).
//!
//! * The databases are made once by the release binary (`huiwu demo --years N --seed S`)
//!   and cached in `target/bench-data/`; every part works on its own copy. `huiwu demo`
//!   marks its generated meetings and people as demo, which the back office (F3) leaves
//!   out of its lists (they would be empty); the copies clear that mark, so F3 lists ten
//!   years of topics like a bureau's own database would (`as-generated` keeps it).
//! * **start**: the release binary in a real pseudo-terminal (120×36), from just before
//!   the spawn until the reader thread sees the console's first frame complete (its status
//!   line and its footer, the last row drawn). One unmeasured start first warms the page
//!   cache. Then the same in-process, in parts: `Store::open`, the writer, each screen's
//!   load in `App::new`, the first draw.
//! * **switch / filter**: `App` on a `TestBackend` of 120×36, each key timed as
//!   `handle_event` + `tick` + draw — the work between a key and its frame, in wall and
//!   thread CPU time. After each screen switch the loop runs at rest for `pace` as a person
//!   would leave it (a tick and a frame every 50 ms, as run.rs does with no key): its
//!   slowest frame is reported, since a screen may load what it shows on a later tick and
//!   the half-second polls reload after a commit; a key typed then waits for it. The
//!   reloads are also timed alone.
//! * **typing**: the keystroke measurement of `benches/typing.rs` on the ten-year database.
//! * **export**: a year's minutes and records of every meeting (md and docx), built as
//!   `huiwu export` builds each paper; the year's decision register; and the year's
//!   archive by the release binary (`huiwu archive --year Y -o DIR`), process included.
//! * **rss**: the release binary in a pseudo-terminal, through F2/F3/F4 and every pane,
//!   the topics unfiltered and scrolled, the register scrolled and filtered: VmHWM from
//!   /proc/PID/status.
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Datelike;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::{App, Ctx, SystemClock};
use huiwu::domain::Clock;
use huiwu::export::paper::{Kind, Of, build};
use huiwu::export::{Format, paper_bytes};
use huiwu::i18n::Lang;
use huiwu::store::Store;

use common::data::{counts, generated, huiwu_bin, private_env, working_copy};
use common::pty::{Pty, key as pty_key};
use common::typing::{
    Term, app_on, draw, measure, print_header, print_row, runs, settings, typing_gap,
};
use common::{Res, Samples, arg_value, args, fmt, load_line, mark, thread_cpu};

const SIZE: (u16, u16) = (120, 36);
const OPERATOR: &str = "测试员";

/// Budgets of issue 11.
const START_BUDGET: Duration = Duration::from_millis(150);
const START_GROWTH: f64 = 1.2;
const FRAME_BUDGET: Duration = Duration::from_millis(16);
const KEY_P99_10K: Duration = Duration::from_millis(4);
const KEY_FLAT: f64 = 1.5;
const RSS_BUDGET_KB: u64 = 50 * 1024;
const EXPORT_BUDGET: Duration = Duration::from_secs(1);

struct Opts {
    words: Vec<String>,
    seed: u64,
    runs: usize,
    pace: Duration,
    real: bool,
    regen: bool,
}

impl Opts {
    fn parse() -> Opts {
        let a = args();
        let num = |name: &str, default: u64| {
            arg_value(&a, name)
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        };
        Opts {
            seed: num("seed", 1),
            runs: num("runs", 11) as usize,
            pace: Duration::from_millis(num("pace", 550)),
            real: !a.iter().any(|w| w == "as-generated"),
            regen: a.iter().any(|w| w == "regen"),
            words: a,
        }
    }

    /// Is `word` chosen among the alternatives `all` (none of them named: all are)?
    fn picks(&self, word: &str, all: &[&str]) -> bool {
        let named = all.iter().any(|w| self.words.iter().any(|x| x == w));
        !named || self.words.iter().any(|x| x == word)
    }
}

/// A line of the summary: what, the figure, the budget, within it.
struct Verdict {
    what: String,
    figure: String,
    budget: String,
    ok: bool,
}

#[derive(Default)]
struct Summary(Vec<Verdict>);

impl Summary {
    fn add(&mut self, what: impl Into<String>, figure: String, budget: &str, ok: bool) {
        self.0.push(Verdict {
            what: what.into(),
            figure,
            budget: budget.into(),
            ok,
        });
    }
}

/// A history database of `years`, ready: generated (or cached) and described.
struct Data {
    years: u32,
    cached: PathBuf,
}

impl Data {
    fn label(&self) -> String {
        format!("{}y", self.years)
    }

    /// A working copy in `dir`.
    fn copy(&self, dir: &Path, opts: &Opts) -> Res<PathBuf> {
        working_copy(&self.cached, dir, opts.real)
    }
}

// ------------------------------------------------------------------------------ start

/// The console's first frame is complete: the status line and the footer (the last row
/// ratatui writes) are on the screen.
fn first_frame(s: &vt100::Screen) -> bool {
    let c = s.contents();
    c.contains("会务 huiwu") && c.contains("C-q 退出")
}

/// Start the release binary on `db` in a pseudo-terminal and wait for the first frame.
fn start_console(db: &Path, env: &[(String, String)]) -> Res<(Pty, Duration)> {
    let db = db.to_str().ok_or("database path is not UTF-8")?;
    let p = Pty::spawn(
        &huiwu_bin(),
        &["--db", db, "--operator", OPERATOR],
        env,
        SIZE,
        Some(Box::new(first_frame)),
    )?;
    let seen = p
        .wait_seen(Duration::from_secs(20))
        .ok_or_else(|| format!("no first frame in 20 s; screen:\n{}", p.contents()))?;
    let took = seen - p.started;
    Ok((p, took))
}

fn quit(mut p: Pty) {
    p.wait_quiet(Duration::from_millis(50), Duration::from_secs(1));
    p.write(&pty_key("Ctrl-q"));
    if !p.wait_exit(Duration::from_secs(10)) {
        println!("    (the console did not end on Ctrl-Q in 10 s: killed)");
    }
}

fn start_times(db: &Path, runs: usize) -> Res<Samples> {
    let sandbox = tempfile::tempdir()?;
    let env = private_env(sandbox.path());
    let mut s = Samples::default();
    for i in 0..=runs {
        let (p, took) = start_console(db, &env)?;
        quit(p);
        if i > 0 {
            s.push(took);
        }
    }
    Ok(s)
}

/// The same start in-process, in parts (median of `runs`).
fn start_parts(db: &Path, runs: usize) -> Res<Vec<(&'static str, Samples)>> {
    let mut parts: Vec<(&'static str, Samples)> = [
        "Store::open",
        "Writer::spawn",
        "App::new (all)",
        "  Console::open",
        "  BackOffice::open",
        "first draw",
    ]
    .into_iter()
    .map(|n| (n, Samples::default()))
    .collect();
    for _ in 0..runs {
        let t0 = Instant::now();
        let store = Store::open(db, "bench")?;
        let t1 = Instant::now();
        let set = settings(db)?;
        let t2 = Instant::now();
        let app = App::new(store, set, Box::new(SystemClock))?;
        let t3 = Instant::now();
        let mut term = Term::new(ratatui::backend::TestBackend::new(SIZE.0, SIZE.1))?;
        draw(&mut term, &app)?;
        let t4 = Instant::now();
        drop(app);
        // The two screens that read at start, alone.
        let mut ctx = Ctx::new(
            Store::open(db, "bench")?,
            settings(db)?,
            Box::new(SystemClock),
        );
        let c0 = Instant::now();
        let console = huiwu::app::console::Console::open(&mut ctx)?;
        let c1 = Instant::now();
        let office = huiwu::app::backoffice::BackOffice::open(&mut ctx)?;
        let c2 = Instant::now();
        drop((console, office, ctx));
        for (i, d) in [t1 - t0, t2 - t1, t3 - t2, c1 - c0, c2 - c1, t4 - t3]
            .into_iter()
            .enumerate()
        {
            parts[i].1.push(d);
        }
    }
    Ok(parts)
}

fn part_start(data: &[Data], opts: &Opts, sum: &mut Summary) -> Res<()> {
    println!(
        "\n== Start to first frame: release binary in a pseudo-terminal {}x{}, {} runs after one warm-up ({})",
        SIZE.0,
        SIZE.1,
        opts.runs,
        load_line()
    );
    println!(
        "{:>5} | {:>9} {:>9} {:>9} {:>9} | budget",
        "data", "median", "min", "p90", "max"
    );
    let mut medians = Vec::new();
    for d in data {
        let dir = tempfile::tempdir()?;
        let db = d.copy(dir.path(), opts)?;
        let s = start_times(&db, opts.runs)?;
        let m = s.median();
        println!(
            "{:>5} | {:>9} {:>9} {:>9} {:>9} | ≤ {} {}",
            d.label(),
            fmt(m),
            fmt(s.min()),
            fmt(s.pct(0.9)),
            fmt(s.max()),
            fmt(START_BUDGET),
            mark(m <= START_BUDGET)
        );
        medians.push((d.years, m));
        if d.years >= 10 {
            sum.add(
                format!("start to first frame, {} (median)", d.label()),
                format!("{} (min {}, p90 {})", fmt(m), fmt(s.min()), fmt(s.pct(0.9))),
                "≤ 150 ms",
                m <= START_BUDGET,
            );
        } else {
            sum.add(
                format!("start to first frame, {} (median)", d.label()),
                format!("{} (min {}, p90 {})", fmt(m), fmt(s.min()), fmt(s.pct(0.9))),
                "(reference)",
                true,
            );
        }
        let parts = start_parts(&db, 5)?;
        let line: Vec<String> = parts
            .iter()
            .map(|(n, s)| format!("{} {}", n.trim(), fmt(s.median())))
            .collect();
        println!("        in-process, median of 5: {}", line.join(" · "));
    }
    // The same ten years as `huiwu demo` leaves them: flagged demo, so the back office
    // reads none of them at start. The difference is what F3's load costs the start.
    if let Some(d) = data.iter().find(|d| d.years == 10).filter(|_| opts.real) {
        let dir = tempfile::tempdir()?;
        let db = working_copy(&d.cached, dir.path(), false)?;
        let s = start_times(&db, opts.runs)?;
        println!(
            "{:>5} | {:>9} {:>9} {:>9} {:>9} | the 10y history flagged demo, as generated: F3 reads none of it",
            "10y*",
            fmt(s.median()),
            fmt(s.min()),
            fmt(s.pct(0.9)),
            fmt(s.max()),
        );
        let parts = start_parts(&db, 5)?;
        let line: Vec<String> = parts
            .iter()
            .map(|(n, s)| format!("{} {}", n.trim(), fmt(s.median())))
            .collect();
        println!("        in-process, median of 5: {}", line.join(" · "));
    }
    let one = medians.iter().find(|(y, _)| *y == 1).map(|(_, m)| *m);
    let ten = medians.iter().find(|(y, _)| *y == 10).map(|(_, m)| *m);
    if let (Some(one), Some(ten)) = (one, ten) {
        let r = ten.as_secs_f64() / one.as_secs_f64().max(1e-9);
        let ok = r <= START_GROWTH;
        println!("  10y / 1y = {r:.2} (budget ≤ {START_GROWTH}) {}", mark(ok));
        sum.add("start, 10y / 1y", format!("{r:.2}"), "≤ 1.2", ok);
    }
    Ok(())
}

// ----------------------------------------------------------------- switch and filter

fn k(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    k(KeyCode::Char(c))
}

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// (wall-clock time, CPU time of the thread) of one key or frame.
type WallCpu = (Duration, Duration);

/// A kind of row for the summary: its name, and which labels belong to it.
type RowKind<'a> = (&'a str, &'a dyn Fn(&str) -> bool);

/// Wall and CPU time of one measured thing.
#[derive(Default, Clone)]
struct Timed {
    wall: Samples,
    cpu: Samples,
}

impl Timed {
    fn push(&mut self, t: WallCpu) {
        self.wall.push(t.0);
        self.cpu.push(t.1);
    }
}

/// Timed keys by label, in the order first met; first visits apart.
#[derive(Default)]
struct Steps {
    rows: Vec<(String, Timed)>,
    /// A screen's first visit: (label, key to frame, slowest frame after it).
    cold: Vec<(String, WallCpu, WallCpu)>,
}

impl Steps {
    fn add(&mut self, label: &str, t: WallCpu) {
        match self.rows.iter_mut().find(|(l, _)| l == label) {
            Some((_, s)) => s.push(t),
            None => {
                let mut s = Timed::default();
                s.push(t);
                self.rows.push((label.to_string(), s));
            }
        }
    }
}

/// One key to its frame: handle_event + tick + draw; (wall, CPU of this thread).
fn step(app: &mut App, term: &mut Term, ev: KeyEvent) -> Res<WallCpu> {
    let c0 = thread_cpu();
    let t0 = Instant::now();
    app.handle_event(Event::Key(ev));
    app.tick();
    draw(term, app)?;
    Ok((t0.elapsed(), thread_cpu().saturating_sub(c0)))
}

/// The loop at rest for `pause`: a tick and a frame every 50 ms, as run.rs does with no
/// key. The slowest of them (a screen loading what it shows after the switch, a poll
/// reloading after a commit): the time a key typed then would wait.
fn idle(app: &mut App, term: &mut Term, pause: Duration) -> Res<WallCpu> {
    let until = Instant::now() + pause;
    let mut worst = (Duration::ZERO, Duration::ZERO);
    while Instant::now() < until {
        std::thread::sleep(Duration::from_millis(50));
        let c0 = thread_cpu();
        let t0 = Instant::now();
        app.tick();
        draw(term, app)?;
        let t = (t0.elapsed(), thread_cpu().saturating_sub(c0));
        if t.0 > worst.0 {
            worst = t;
        }
    }
    Ok(worst)
}

fn screen_name(app: &App) -> &'static str {
    match app.screen {
        huiwu::app::screen::ScreenId::Console => "F2",
        huiwu::app::screen::ScreenId::BackOffice => "F3",
        huiwu::app::screen::ScreenId::FollowUp => "F4",
    }
}

fn focus_name(app: &App) -> String {
    match app.screen {
        huiwu::app::screen::ScreenId::Console => format!("{:?}", app.console.focus),
        huiwu::app::screen::ScreenId::BackOffice => format!("{:?}", app.backoffice.focus),
        huiwu::app::screen::ScreenId::FollowUp => format!("{:?}", app.followup.focus),
    }
}

/// A screen switch at a person's pace: the key to its frame, then the loop at rest for
/// `pace` (its slowest frame recorded as "… then").
fn switch(
    app: &mut App,
    term: &mut Term,
    steps: &mut Steps,
    to: u8,
    opts: &Opts,
    first: bool,
) -> Res<()> {
    let from = screen_name(app);
    let t = step(app, term, k(KeyCode::F(to)))?;
    let label = format!("{from} → {}", screen_name(app));
    let later = idle(app, term, opts.pace)?;
    if first && !steps.cold.iter().any(|(l, _, _)| l.starts_with(&label)) {
        steps
            .cold
            .push((format!("{label} (first visit)"), t, later));
    } else {
        steps.add(&label, t);
        steps.add(
            &format!(
                "{label}, slowest frame in the {} ms after",
                opts.pace.as_millis()
            ),
            later,
        );
    }
    Ok(())
}

/// Tab through every pane of the screen showing.
fn tabs(app: &mut App, term: &mut Term, steps: &mut Steps, n: usize) -> Res<()> {
    for _ in 0..n {
        let t = step(app, term, k(KeyCode::Tab))?;
        let label = format!("{} Tab → {}", screen_name(app), focus_name(app));
        steps.add(&label, t);
    }
    Ok(())
}

fn switches(app: &mut App, term: &mut Term, opts: &Opts, repeats: usize) -> Res<Steps> {
    let mut steps = Steps::default();
    // F3 in the recorder's pane picks the speaker: start from the check-in pane.
    while app.console.focus != huiwu::app::console::Pane::CheckIn {
        step(app, term, k(KeyCode::Tab))?;
    }
    idle(app, term, opts.pace)?;
    for r in 0..repeats {
        let first = r == 0;
        tabs(app, term, &mut steps, 4)?;
        switch(app, term, &mut steps, 3, opts, first)?;
        tabs(app, term, &mut steps, 9)?;
        switch(app, term, &mut steps, 2, opts, first)?;
        switch(app, term, &mut steps, 4, opts, first)?;
        tabs(app, term, &mut steps, 6)?;
        switch(app, term, &mut steps, 3, opts, first)?;
        switch(app, term, &mut steps, 4, opts, first)?;
        switch(app, term, &mut steps, 2, opts, first)?;
    }
    Ok(steps)
}

/// What a screen reads when it is shown (F3) or after a commit (F4), alone.
fn reloads(app: &mut App, runs: usize) -> Steps {
    let mut steps = Steps::default();
    for _ in 0..runs {
        let c0 = thread_cpu();
        let t0 = Instant::now();
        app.backoffice.reload(&mut app.ctx);
        steps.add(
            "BackOffice::reload (every F3 visit)",
            (t0.elapsed(), thread_cpu().saturating_sub(c0)),
        );
        let c0 = thread_cpu();
        let t0 = Instant::now();
        app.followup.reload(&mut app.ctx);
        steps.add(
            "FollowUp::reload (F4 after any commit)",
            (t0.elapsed(), thread_cpu().saturating_sub(c0)),
        );
    }
    steps
}

fn filters(app: &mut App, term: &mut Term, repeats: usize) -> Res<(Steps, Vec<String>)> {
    let mut steps = Steps::default();
    let mut notes = Vec::new();
    // F4's decision register.
    step(app, term, k(KeyCode::F(4)))?;
    idle(app, term, Duration::from_millis(600))?;
    while app.followup.focus != huiwu::app::followup::Pane::Register {
        step(app, term, k(KeyCode::Tab))?;
    }
    let now = SystemClock.now();
    notes.push(format!(
        "register: {} items; {} shown unfiltered",
        app.followup.items.len(),
        app.followup.register.shown(&app.followup.items, now).len()
    ));
    for _ in 0..repeats {
        for (c, n, label) in [
            ('f', 7, "register: status filter (f)"),
            ('u', 3, "register: unit filter (u)"),
            ('0', 1, "register: clear filters (0)"),
            ('l', 3, "register: deputy filter (l)"),
            ('0', 1, "register: clear filters (0)"),
            ('m', 3, "register: month filter (m)"),
            ('0', 1, "register: clear filters (0)"),
        ] {
            for _ in 0..n {
                let t = step(app, term, ch(c))?;
                steps.add(label, t);
            }
        }
        for (code, label) in [
            (KeyCode::PageDown, "register: PageDown"),
            (KeyCode::Down, "register: Down"),
            (KeyCode::PageUp, "register: PageUp"),
        ] {
            for _ in 0..10 {
                let t = step(app, term, k(code))?;
                steps.add(label, t);
            }
        }
    }
    // The back office's topic list: all topics, then those in hand again.
    step(app, term, k(KeyCode::F(3)))?;
    idle(app, term, Duration::from_millis(600))?;
    step(app, term, alt('3'))?;
    let in_hand = app.backoffice.visible_topics().len();
    let mut all = 0;
    for _ in 0..repeats {
        for (ev, label) in [
            (ch('f'), "topics: open the filter (f)"),
            (k(KeyCode::Right), "topics: filter form, next stage (→)"),
            (ctrl('s'), "topics: filter applied: all (C-s)"),
        ] {
            let t = step(app, term, ev)?;
            steps.add(label, t);
        }
        all = app.backoffice.visible_topics().len();
        for _ in 0..10 {
            let t = step(app, term, k(KeyCode::PageDown))?;
            steps.add("topics: PageDown (all)", t);
        }
        for (ev, label) in [
            (ch('f'), "topics: open the filter (f)"),
            (k(KeyCode::Left), "topics: filter form, previous stage (←)"),
            (ctrl('s'), "topics: filter applied: in hand (C-s)"),
        ] {
            let t = step(app, term, ev)?;
            steps.add(label, t);
        }
    }
    notes.push(format!(
        "topics: {all} listed with the filter 'all', {in_hand} 'in hand' (the default); the roster lists {} people",
        app.backoffice.view.people.len()
    ));
    // The roster, filtered as typed.
    step(app, term, alt('8'))?;
    for _ in 0..repeats {
        let t = step(app, term, ch('/'))?;
        steps.add("roster: start the filter (/)", t);
        for c in "大队长".chars() {
            let t = step(app, term, ch(c))?;
            steps.add("roster: filter, a character typed", t);
        }
        for _ in 0..3 {
            let t = step(app, term, k(KeyCode::Backspace))?;
            steps.add("roster: filter, Backspace", t);
        }
        let t = step(app, term, k(KeyCode::Esc))?;
        steps.add("roster: filter cleared (Esc)", t);
    }
    Ok((steps, notes))
}

fn print_steps(what: &str, steps: &Steps) {
    println!(
        "{:<58} | {:>4} {:>9} {:>9} {:>9} | {:>19} | p99 ≤ 16 ms",
        what, "n", "median", "p99", "max", "cpu med/p99"
    );
    for (label, t, later) in &steps.cold {
        println!(
            "{:<58} | {:>4} {:>9} {:>9} {:>9} | {:>19} | {}",
            label,
            1,
            fmt(t.0),
            "",
            "",
            fmt(t.1),
            mark(t.0 <= FRAME_BUDGET)
        );
        println!(
            "{:<58} | {:>4} {:>9} {:>9} {:>9} | {:>19} | {}",
            "  then the slowest frame at rest",
            1,
            fmt(later.0),
            "",
            "",
            fmt(later.1),
            mark(later.0 <= FRAME_BUDGET)
        );
    }
    for (label, t) in &steps.rows {
        let p99 = t.wall.pct(0.99);
        println!(
            "{:<58} | {:>4} {:>9} {:>9} {:>9} | {:>19} | {}",
            label,
            t.wall.len(),
            fmt(t.wall.median()),
            fmt(p99),
            fmt(t.wall.max()),
            format!("{}/{}", fmt(t.cpu.median()), fmt(t.cpu.pct(0.99))),
            mark(p99 <= FRAME_BUDGET)
        );
    }
}

/// The worst row of each kind into the summary (judged on wall p99; CPU beside it).
fn summarize(sum: &mut Summary, label: &str, steps: &Steps, kinds: &[RowKind<'_>]) {
    for (cold, t, later) in &steps.cold {
        let worst = t.0.max(later.0);
        sum.add(
            format!("{label}: {cold}, key to frame / slowest frame after"),
            format!(
                "{} / {} (cpu {} / {})",
                fmt(t.0),
                fmt(later.0),
                fmt(t.1),
                fmt(later.1)
            ),
            "≤ 16 ms",
            worst <= FRAME_BUDGET,
        );
    }
    for (kind, pred) in kinds {
        let rows: Vec<&(String, Timed)> = steps.rows.iter().filter(|(l, _)| pred(l)).collect();
        let Some((worst, t)) = rows
            .iter()
            .map(|(l, t)| (l, t))
            .max_by_key(|(_, t)| t.wall.pct(0.99))
        else {
            continue;
        };
        let ok = rows.iter().all(|(_, t)| t.wall.pct(0.99) <= FRAME_BUDGET);
        sum.add(
            format!("{label}: {kind} (worst: {worst})"),
            format!(
                "median {}, p99 {} (cpu {}, {})",
                fmt(t.wall.median()),
                fmt(t.wall.pct(0.99)),
                fmt(t.cpu.median()),
                fmt(t.cpu.pct(0.99))
            ),
            "p99 ≤ 16 ms",
            ok,
        );
    }
}

fn part_switch(data: &[Data], opts: &Opts, sum: &mut Summary) -> Res<()> {
    for d in data {
        println!(
            "\n== Screen switches and list filters, {}: App on TestBackend {}x{}, key → handle_event + tick + draw; after each switch the loop at rest for {} ms (a tick and a frame every 50 ms) ({})",
            d.label(),
            SIZE.0,
            SIZE.1,
            opts.pace.as_millis(),
            load_line()
        );
        let dir = tempfile::tempdir()?;
        let db = d.copy(dir.path(), opts)?;
        let (mut app, mut term) = app_on(&db)?;
        app.resized(SIZE.0, SIZE.1);
        draw(&mut term, &app)?;
        let steps = switches(&mut app, &mut term, opts, 15)?;
        print_steps("switch (15 rounds)", &steps);
        let is_switch = |l: &str| l.contains(" → F") && !l.contains("slowest");
        let is_after = |l: &str| l.contains("slowest");
        let is_tab = |l: &str| l.contains("Tab");
        summarize(
            sum,
            &d.label(),
            &steps,
            &[
                ("screen switch, key to frame", &is_switch),
                ("screen switch, slowest frame after", &is_after),
                ("pane (Tab)", &is_tab),
            ],
        );
        let steps = reloads(&mut app, 5);
        println!();
        print_steps("what the screens read (5 runs)", &steps);
        let (steps, notes) = filters(&mut app, &mut term, 10)?;
        println!();
        print_steps("filter (10 rounds)", &steps);
        for n in notes {
            println!("  {n}");
        }
        let reg = |l: &str| l.starts_with("register:");
        let top = |l: &str| l.starts_with("topics:");
        let ros = |l: &str| l.starts_with("roster:");
        summarize(
            sum,
            &d.label(),
            &steps,
            &[
                ("F4 decision register filter/scroll", &reg),
                ("F3 topic list filter/scroll", &top),
                ("F3 roster filter", &ros),
            ],
        );
        app.finish_within(Duration::from_secs(10));
    }
    Ok(())
}

// ----------------------------------------------------------------------------- typing

fn part_typing(data: &[Data], opts: &Opts, sum: &mut Summary) -> Res<()> {
    let Some(d) = data.iter().max_by_key(|d| d.years) else {
        return Ok(());
    };
    println!(
        "\n== Keystroke to frame with the save, on the {} database (as benches/typing.rs: handle_key + tick (+ save) + draw; typing: keys {} ms apart, not counted) ({})",
        d.label(),
        typing_gap().as_millis(),
        load_line()
    );
    let sizes = ["1k", "10k", "100k"];
    let mut done: Vec<(String, &'static str, &'static str, Duration, Duration)> = Vec::new();
    print_header();
    for run in &runs(&[(1_000, 1_000), (10_000, 1_000), (100_000, 1_000)]) {
        if !opts.picks(&run.label(), &sizes) {
            continue;
        }
        let make = |dir: &Path| {
            let db = d.copy(dir, opts)?;
            app_on(&db)
        };
        let r = measure(run, &make)?;
        print_row(run, &r);
        done.push((
            run.label(),
            run.text(),
            run.mode(),
            r.total.pct(0.99),
            r.cpu.pct(0.99),
        ));
    }
    report_typing(&done, sum);
    Ok(())
}

fn report_typing(
    done: &[(String, &'static str, &'static str, Duration, Duration)],
    sum: &mut Summary,
) {
    let find = |size: &str, text: &str, mode: &str| {
        done.iter()
            .find(|(s, t, m, _, _)| s == size && *t == text && *m == mode)
            .map(|(_, _, _, p, c)| (*p, *c))
    };
    println!("  budget: p99 ≤ 4 ms at 10k; p99 at 100k ≤ 1.5 × p99 at 1k (wall; cpu beside)");
    for text in ["paragraphs", "one-line"] {
        for mode in ["burst", "typing"] {
            if let Some((p, c)) = find("10k", text, mode) {
                let ok = p <= KEY_P99_10K;
                println!(
                    "  10k {text:<10} {mode:<6}: p99 {} (cpu {}) {}",
                    fmt(p),
                    fmt(c),
                    mark(ok)
                );
                sum.add(
                    format!("keystroke p99 at 10k, {text} {mode} (10y)"),
                    format!("{} (cpu {})", fmt(p), fmt(c)),
                    "≤ 4 ms",
                    ok,
                );
            }
            if let (Some((p1, c1)), Some((p100, c100))) =
                (find("1k", text, mode), find("100k", text, mode))
            {
                let r = p100.as_secs_f64() / p1.as_secs_f64().max(1e-9);
                let rc = c100.as_secs_f64() / c1.as_secs_f64().max(1e-9);
                let ok = r <= KEY_FLAT;
                println!(
                    "  100k/1k {text:<10} {mode:<6}: p99 {} / {} = {r:.2} (cpu {rc:.2}) {}",
                    fmt(p100),
                    fmt(p1),
                    mark(ok)
                );
                sum.add(
                    format!("keystroke p99 100k / 1k, {text} {mode} (10y)"),
                    format!("{} / {} = {r:.2} (cpu {rc:.2})", fmt(p100), fmt(p1)),
                    "≤ 1.5",
                    ok,
                );
            }
        }
    }
}

// ----------------------------------------------------------------------------- export

/// The year with the most meetings (the latest of equals), and its meetings.
fn fullest_year(store: &Store) -> Res<(i32, Vec<huiwu::domain::Id>)> {
    let meetings = store.meetings()?;
    let mut years: Vec<i32> = meetings.iter().map(|m| m.starts_at.year()).collect();
    years.sort_unstable();
    years.dedup();
    let year = years
        .iter()
        .copied()
        .max_by_key(|y| {
            (
                meetings.iter().filter(|m| m.starts_at.year() == *y).count(),
                *y,
            )
        })
        .ok_or("no meetings")?;
    let ids = meetings
        .iter()
        .filter(|m| m.starts_at.year() == year)
        .map(|m| m.id)
        .collect();
    Ok((year, ids))
}

fn part_export(data: &[Data], opts: &Opts, sum: &mut Summary) -> Res<()> {
    for d in data {
        let dir = tempfile::tempdir()?;
        let db = d.copy(dir.path(), opts)?;
        let store = Store::open_read_only(&db, "bench")?;
        let (year, ids) = fullest_year(&store)?;
        println!(
            "\n== Exports of {year} ({} meetings) from the {} database, median of 3 ({})",
            ids.len(),
            d.label(),
            load_line()
        );
        println!(
            "{:<58} | {:>9} {:>9} {:>9} | {:>10} | budget ≤ 1 s",
            "paper", "median", "min", "max", "bytes"
        );
        let now = SystemClock.now();
        let row = |what: String, s: &Samples, bytes: usize, sum: &mut Summary| {
            let m = s.median();
            let ok = m <= EXPORT_BUDGET;
            println!(
                "{:<58} | {:>9} {:>9} {:>9} | {:>10} | {}",
                what,
                fmt(m),
                fmt(s.min()),
                fmt(s.max()),
                bytes,
                mark(ok)
            );
            sum.add(format!("{} export: {what}", d.label()), fmt(m), "≤ 1 s", ok);
        };
        for kind in [Kind::Minutes, Kind::Record] {
            for format in [Format::Md, Format::Docx] {
                let mut s = Samples::default();
                let mut bytes = 0;
                for _ in 0..3 {
                    bytes = 0;
                    let t0 = Instant::now();
                    for id in &ids {
                        let doc = build(&store, kind, Of::Meeting(*id), Lang::Zh, now)?;
                        bytes += paper_bytes(&doc, format)?.len();
                    }
                    s.push(t0.elapsed());
                }
                row(
                    format!(
                        "{} of every meeting of {year}, {}",
                        kind.code(),
                        format.extension()
                    ),
                    &s,
                    bytes,
                    sum,
                );
            }
        }
        // The other papers the year's archive holds for each meeting (Word), to show
        // which of them grows with the history.
        for kind in [
            Kind::Agenda,
            Kind::Attendance,
            Kind::Tidied,
            Kind::Decisions,
        ] {
            let mut s = Samples::default();
            let mut bytes = 0;
            for _ in 0..3 {
                bytes = 0;
                let t0 = Instant::now();
                for id in &ids {
                    let doc = build(&store, kind, Of::Meeting(*id), Lang::Zh, now)?;
                    bytes += paper_bytes(&doc, Format::Docx)?.len();
                }
                s.push(t0.elapsed());
            }
            row(
                format!("({} of every meeting, docx)", kind.code()),
                &s,
                bytes,
                sum,
            );
        }
        for format in [Format::Md, Format::Docx] {
            let mut s = Samples::default();
            let mut bytes = 0;
            for _ in 0..3 {
                let t0 = Instant::now();
                let doc = build(&store, Kind::Decisions, Of::Year(year), Lang::Zh, now)?;
                bytes = paper_bytes(&doc, format)?.len();
                s.push(t0.elapsed());
            }
            row(
                format!("decision register of {year}, {}", format.extension()),
                &s,
                bytes,
                sum,
            );
        }
        drop(store);
        // One paper by the command line, process included.
        let sandbox = tempfile::tempdir()?;
        let env = private_env(sandbox.path());
        let mut s = Samples::default();
        let mut cpu = Samples::default();
        let out = dir.path().join("record.docx");
        let id = ids.last().copied().unwrap_or_default().to_string();
        for _ in 0..3 {
            let _ = std::fs::remove_file(&out);
            let c0 = children_cpu();
            let t0 = Instant::now();
            let st = std::process::Command::new(huiwu_bin())
                .arg("--db")
                .arg(&db)
                .args([
                    "export",
                    "record",
                    "--meeting",
                    &id,
                    "--format",
                    "docx",
                    "-o",
                ])
                .arg(&out)
                .envs(env.iter().map(|(k, v)| (k, v)))
                .output()?;
            s.push(t0.elapsed());
            cpu.push(children_cpu().saturating_sub(c0));
            if !st.status.success() {
                return Err(format!(
                    "huiwu export failed: {}",
                    String::from_utf8_lossy(&st.stderr)
                )
                .into());
            }
        }
        let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0) as usize;
        row(
            format!(
                "huiwu export record (one meeting, docx; cpu {})",
                fmt(cpu.median())
            ),
            &s,
            bytes,
            sum,
        );
        // The year's archive by the command line, each run on a fresh copy (it files the
        // meetings).
        let mut s = Samples::default();
        let mut cpu = Samples::default();
        let mut files = 0;
        let mut bytes = 0;
        for i in 0..3 {
            let run_dir = tempfile::tempdir()?;
            let db = d.copy(run_dir.path(), opts)?;
            let out = run_dir.path().join(format!("archive-{i}"));
            let c0 = children_cpu();
            let t0 = Instant::now();
            let st = std::process::Command::new(huiwu_bin())
                .arg("--db")
                .arg(&db)
                .args(["archive", "--year", &year.to_string(), "-o"])
                .arg(&out)
                .envs(env.iter().map(|(k, v)| (k, v)))
                .output()?;
            s.push(t0.elapsed());
            cpu.push(children_cpu().saturating_sub(c0));
            if !st.status.success() {
                return Err(format!(
                    "huiwu archive failed: {}",
                    String::from_utf8_lossy(&st.stderr)
                )
                .into());
            }
            (files, bytes) = tree_size(&out);
        }
        row(
            format!(
                "huiwu archive --year {year} ({files} files; cpu {})",
                fmt(cpu.median())
            ),
            &s,
            bytes,
            sum,
        );
    }
    Ok(())
}

/// CPU time (user + system) of the child processes waited for so far.
fn children_cpu() -> Duration {
    // SAFETY: getrusage fills the zeroed struct it is given.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) } != 0 {
        return Duration::ZERO;
    }
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(u.ru_utime) + tv(u.ru_stime)
}

/// Files and bytes under `dir`.
fn tree_size(dir: &Path) -> (usize, usize) {
    let mut files = 0;
    let mut bytes = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files += 1;
                bytes += e.metadata().map(|m| m.len()).unwrap_or(0) as usize;
            }
        }
    }
    (files, bytes)
}

// -------------------------------------------------------------------------------- rss

fn part_rss(data: &[Data], opts: &Opts, sum: &mut Summary) -> Res<()> {
    println!(
        "\n== Peak memory of the console (release binary in a pseudo-terminal; VmHWM from /proc) ({})",
        load_line()
    );
    println!(
        "{:>5} | {:>12} {:>12} {:>12} | budget ≤ 50 MB on 10y",
        "data", "first frame", "peak (HWM)", "RSS at end"
    );
    for d in data {
        let dir = tempfile::tempdir()?;
        let db = d.copy(dir.path(), opts)?;
        let sandbox = tempfile::tempdir()?;
        let env = private_env(sandbox.path());
        let (p, _) = start_console(&db, &env)?;
        p.wait_quiet(Duration::from_millis(100), Duration::from_secs(2));
        let at_start = p.status_kb("VmHWM").unwrap_or_default();
        let press = |name: &str, times: usize| {
            for _ in 0..times {
                p.write(&pty_key(name));
                p.wait_quiet(Duration::from_millis(30), Duration::from_secs(2));
            }
        };
        press("Tab", 1); // leave the recorder's pane (F3 there picks the speaker)
        press("F3", 1);
        press("Tab", 9);
        press("Alt-3", 1); // the topics, all of them, scrolled
        press("f", 1);
        press("Right", 1);
        press("Ctrl-s", 1);
        press("PageDown", 40);
        press("Alt-8", 1); // the roster
        press("F4", 1);
        press("Tab", 6);
        press("Tab", 3); // the decision register, scrolled and filtered
        press("PageDown", 150);
        press("f", 7);
        press("Tab", 1);
        press("PageDown", 20); // the archive pane
        press("Tab", 1); // the charts
        press("F2", 1);
        press("Tab", 4);
        std::thread::sleep(Duration::from_millis(600));
        let peak = p.status_kb("VmHWM").unwrap_or_default();
        let rss = p.status_kb("VmRSS").unwrap_or_default();
        let mb = |kb: u64| format!("{:.1} MB", kb as f64 / 1024.0);
        let ok = peak <= RSS_BUDGET_KB;
        println!(
            "{:>5} | {:>12} {:>12} {:>12} | {}",
            d.label(),
            mb(at_start),
            mb(peak),
            mb(rss),
            if d.years >= 10 { mark(ok) } else { "" }
        );
        if d.years >= 10 {
            sum.add(
                format!("peak RSS of the console, {}", d.label()),
                format!("{} (first frame {})", mb(peak), mb(at_start)),
                "≤ 50 MB",
                ok,
            );
        }
        quit(p);
    }
    Ok(())
}

// ------------------------------------------------------------------------------- main

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")?
                .split(':')
                .nth(1)
                .map(str::trim)
                .map(String::from)
        })
        .unwrap_or_default();
    let mem = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:").map(|v| v.trim().to_string()))
        .unwrap_or_default();
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpus} CPUs ({cpu}), {mem} memory")
}

fn main() -> Res<()> {
    let opts = Opts::parse();
    if cfg!(debug_assertions) {
        println!("warning: debug build; figures are meaningless (use cargo bench)");
    }
    let bin = huiwu_bin();
    if !bin.exists() {
        return Err(format!("{} is missing: run cargo build --release", bin.display()).into());
    }
    println!("huiwu scale benchmark (issue 11)");
    println!("  binary {}", bin.display());
    println!("  machine: {}", machine());
    println!("  {}", load_line());
    println!(
        "  history {} (seed {})",
        if opts.real {
            "made the bureau's own (demo mark cleared)"
        } else {
            "as generated (flagged demo)"
        },
        opts.seed
    );
    let mut data = Vec::new();
    for years in [1u32, 10] {
        if !opts.picks(&format!("{years}y"), &["1y", "10y"]) {
            continue;
        }
        let cached = generated(years, opts.seed, opts.regen)?;
        println!("  {years:>2}y: {} — {}", cached.display(), counts(&cached)?);
        data.push(Data { years, cached });
    }
    let parts = ["start", "switch", "typing", "export", "rss"];
    let mut sum = Summary::default();
    let started = Instant::now();
    if opts.picks("start", &parts) {
        part_start(&data, &opts, &mut sum)?;
    }
    if opts.picks("switch", &parts) {
        part_switch(&data, &opts, &mut sum)?;
    }
    if opts.picks("typing", &parts) {
        part_typing(&data, &opts, &mut sum)?;
    }
    if opts.picks("export", &parts) {
        part_export(&data, &opts, &mut sum)?;
    }
    if opts.picks("rss", &parts) {
        part_rss(&data, &opts, &mut sum)?;
    }
    println!(
        "\n== Summary ({:.0} s, {})\n",
        started.elapsed().as_secs_f64(),
        load_line()
    );
    println!("| what | figure | budget | |");
    println!("|---|---|---|---|");
    for v in &sum.0 {
        println!(
            "| {} | {} | {} | {} |",
            v.what,
            v.figure,
            v.budget,
            mark(v.ok)
        );
    }
    let missed = sum.0.iter().filter(|v| !v.ok).count();
    println!("\n{missed} of {} budgets missed", sum.0.len());
    Ok(())
}
