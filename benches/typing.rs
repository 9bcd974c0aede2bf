//! Typing benchmark: replays keystrokes into the console on ratatui's TestBackend and
//! prints the time per keystroke (handling + tick/save + render) for entries of 1k, 10k
//! and 100k Chinese characters, and the time to open the console on the demo.
//!
//! Run with `cargo bench --bench typing` (release build). Figures go to stdout; see
//! BENCHMARKS.md for how to read them.
//!
//! The app is built as in production: a database file on disk (WAL, fsync), the demo
//! loaded into it, and the background writer thread saving typed text.
use std::error::Error;
use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use huiwu::app::keymap::Keymap;
use huiwu::app::{App, SaveState, Settings, SystemClock};
use huiwu::domain::Clock;
use huiwu::i18n::Lang;
use huiwu::store::writer::Writer;
use huiwu::store::{DEFAULT_BUSY_TIMEOUT, Store};
use huiwu::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

type Res<T> = Result<T, Box<dyn Error>>;
type Term = Terminal<TestBackend>;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 36;

/// Sentences a recorder might take down at the meeting; joined pseudo-randomly.
const SENTENCES: &[&str] = &[
    "关于辖区电信网络诈骗案件高发的情况，刑侦大队已会同各派出所开展集中研判。",
    "本月共立案四十七起，同比下降百分之十二，破案十九起，抓获犯罪嫌疑人二十三名。",
    "下一步要加强重点人员的排查管控，落实“一案一档”，确保线索不漏、责任到人。",
    "治安大队汇报了节日期间大型活动安保方案，涉及警力三百二十人次，车辆四十台。",
    "王局长指出：安全是底线，各单位要压实责任，主要领导要亲自研究、亲自部署。",
    "看守所提出监区改造经费缺口约一百八十万元，请求局党委研究解决。",
    "法制大队认为，该案证据链尚不完整，建议补充侦查后再提请批准逮捕。",
    "交管大队通报：今年以来辖区发生道路交通事故一百零三起，死亡七人，较去年同期持平。",
    "会议同意按程序报批，由办公室牵头，督察法制大队配合，十日内形成书面意见。",
    "各参会人员围绕议题充分发表意见，一致认为方案可行，但需细化应急处置预案。",
    "禁毒大队建议在重点场所增设检测点位，并对易制毒化学品企业开展专项检查。",
    "李政委强调，要坚持依法办案，严格执行执法办案场所管理规定，杜绝违规行为。",
];

/// What the recorder types during the measurement, one character per keystroke.
const TYPED: &str = "经研究决定，由刑侦大队牵头成立专案组，抽调精干警力，限期破案。\
                     同时要做好舆情应对和群众工作，重大情况及时向局党委报告！";

/// Deterministic pseudo-random numbers (the bench must be repeatable).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

/// About `chars` characters of Chinese meeting notes: paragraphs of about 200 characters
/// separated by newlines, or (`newlines == false`) one single paragraph.
fn notes(chars: usize, newlines: bool) -> String {
    let mut rng = Lcg(42);
    let mut out = String::with_capacity(chars * 3 + 64);
    let mut total = 0;
    let mut para = 0;
    while total < chars {
        let s = SENTENCES[rng.next() % SENTENCES.len()];
        let n = s.chars().count();
        let s: String = s.chars().take(chars - total).collect();
        let n = n.min(chars - total);
        if newlines && para >= 200 {
            out.push('\n');
            para = 0;
        }
        out.push_str(&s);
        total += n;
        para += n;
    }
    out
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// CPU time of the calling thread: separates the work done from time lost to other
/// processes on a busy machine.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn draw(term: &mut Term, app: &App) -> Res<()> {
    term.draw(|f| huiwu::ui::render(f, app))?;
    Ok(())
}

fn settings(path: &Path) -> Res<Settings> {
    let writer = Writer::spawn(path, "bench", DEFAULT_BUSY_TIMEOUT)?;
    Ok(Settings {
        lang: Lang::Zh,
        theme: Theme::default(),
        keymap: Keymap::default(),
        writer: Some(writer),
    })
}

/// A console on a fresh on-disk database holding the demo, with its background writer.
fn demo_app(dir: &Path) -> Res<(App, Term)> {
    let path = dir.join("bench.db");
    let mut store = Store::open(&path, "bench")?;
    huiwu::demo::load(&mut store, SystemClock.now())?;
    let app = App::new(store, settings(&path)?, Box::new(SystemClock))?;
    let term = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
    Ok((app, term))
}

/// Tick until everything typed is on disk (and another terminal poll has passed, so
/// the writer's commits have been noticed).
fn settle(app: &mut App, term: &mut Term) -> Res<()> {
    app.flush(true);
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        app.tick();
        let saved =
            matches!(app.save_state(), SaveState::Saved(_)) && app.console.procedure.all_saved();
        if saved && start.elapsed() > Duration::from_millis(600) {
            break;
        }
        if start.elapsed() > Duration::from_secs(30) {
            return Err("the writer did not settle in 30 s".into());
        }
    }
    app.tick();
    draw(term, app)
}

/// Durations of one kind, for percentiles.
#[derive(Default)]
struct Samples(Vec<Duration>);

impl Samples {
    fn push(&mut self, d: Duration) {
        self.0.push(d);
    }

    fn pct(&self, p: f64) -> Duration {
        let mut v = self.0.clone();
        v.sort_unstable();
        if v.is_empty() {
            return Duration::ZERO;
        }
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        v[i.min(v.len() - 1)]
    }

    fn max(&self) -> Duration {
        self.0.iter().copied().max().unwrap_or_default()
    }
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.0} µs")
    }
}

/// One measured configuration.
struct Run {
    size: usize,
    newlines: bool,
    /// Flush to the writer on every keystroke, as a tick does when the 150 ms save
    /// timer is due (the normal case at human typing speed).
    flush_each: bool,
    keys: usize,
}

struct Measured {
    total: Samples,
    /// The same keystrokes in CPU time of the main thread.
    cpu: Samples,
    handle: Samples,
    tick: Samples,
    render: Samples,
    /// A tick at rest after ≥500 ms: save timer and other-terminal poll both due.
    idle_tick: Samples,
}

fn measure(run: &Run) -> Res<Measured> {
    let dir = tempfile::tempdir_in(std::env::temp_dir())?;
    let (mut app, mut term) = demo_app(dir.path())?;
    draw(&mut term, &app)?;
    app.handle_event(Event::Paste(notes(run.size, run.newlines)));
    draw(&mut term, &app)?;
    settle(&mut app, &mut term)?;
    let typed: Vec<char> = TYPED.chars().collect();
    let mut r = Measured {
        total: Samples::default(),
        cpu: Samples::default(),
        handle: Samples::default(),
        tick: Samples::default(),
        render: Samples::default(),
        idle_tick: Samples::default(),
    };
    // A few keystrokes to warm caches, not measured.
    for c in typed.iter().take(10) {
        app.handle_key(key(*c));
        app.tick();
        draw(&mut term, &app)?;
    }
    for i in 0..run.keys {
        let c = typed[i % typed.len()];
        let c0 = thread_cpu();
        let t0 = Instant::now();
        app.handle_key(key(c));
        let t1 = Instant::now();
        if run.flush_each {
            app.flush(false);
        }
        app.tick();
        let t2 = Instant::now();
        draw(&mut term, &app)?;
        let t3 = Instant::now();
        r.cpu.push(thread_cpu().saturating_sub(c0));
        r.handle.push(t1 - t0);
        r.tick.push(t2 - t1);
        r.render.push(t3 - t2);
        r.total.push(t3 - t0);
    }
    // Ticks at rest with a change pending and the poll due (what a keystroke may have to
    // wait behind in the real loop).
    for i in 0..4 {
        app.handle_key(key(typed[i % typed.len()]));
        draw(&mut term, &app)?;
        std::thread::sleep(Duration::from_millis(520));
        let t0 = Instant::now();
        app.tick();
        r.idle_tick.push(t0.elapsed());
    }
    settle(&mut app, &mut term)?;
    let want = run.size + 10 + run.keys + 4;
    let got = app
        .console
        .procedure
        .focused_ref()
        .map(|e| e.text().chars().count())
        .unwrap_or_default();
    if got < want {
        return Err(format!("entry has {got} characters, expected at least {want}").into());
    }
    Ok(r)
}

/// Opening the console on the demo: `App::new` + first draw (database already open).
fn open_console(runs: usize) -> Res<()> {
    let mut open = Samples::default();
    let mut new = Samples::default();
    let mut first = Samples::default();
    for _ in 0..runs {
        let dir = tempfile::tempdir_in(std::env::temp_dir())?;
        let path = dir.path().join("bench.db");
        {
            let mut store = Store::open(&path, "bench")?;
            huiwu::demo::load(&mut store, SystemClock.now())?;
        }
        let t0 = Instant::now();
        let store = Store::open(&path, "bench")?;
        let settings = settings(&path)?;
        let t1 = Instant::now();
        let app = App::new(store, settings, Box::new(SystemClock))?;
        let t2 = Instant::now();
        let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
        draw(&mut term, &app)?;
        let t3 = Instant::now();
        open.push(t1 - t0);
        new.push(t2 - t1);
        first.push(t3 - t2);
        drop(app);
    }
    let mut total = Samples::default();
    for i in 0..new.0.len() {
        total.push(new.0[i] + first.0[i]);
    }
    println!("\nOpening the console on the demo ({runs} runs, median / max):");
    println!(
        "  App::new + first draw     {:>10} / {}",
        fmt(total.pct(0.5)),
        fmt(total.max())
    );
    println!(
        "    App::new                {:>10} / {}",
        fmt(new.pct(0.5)),
        fmt(new.max())
    );
    println!(
        "    first draw              {:>10} / {}",
        fmt(first.pct(0.5)),
        fmt(first.max())
    );
    println!(
        "  (before: Store::open + Writer::spawn {} median)",
        fmt(open.pct(0.5))
    );
    Ok(())
}

fn main() -> Res<()> {
    // `cargo bench` passes `--bench`; a filter argument (e.g. `100k`) picks sizes.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if cfg!(debug_assertions) {
        println!("warning: debug build; figures are meaningless (use cargo bench)");
    }
    println!(
        "huiwu typing benchmark: TestBackend {WIDTH}x{HEIGHT}, on-disk database with background writer"
    );
    println!(
        "per keystroke = handle_key + tick (+ flush) + draw; 'burst' = keys back to back \
         (timer flush every 150 ms), 'flush' = flush on every key (typing at human speed)"
    );
    let mut runs = Vec::new();
    for (size, keys) in [(1_000, 2_000), (10_000, 2_000), (100_000, 1_000)] {
        for newlines in [true, false] {
            for flush_each in [false, true] {
                runs.push(Run {
                    size,
                    newlines,
                    flush_each,
                    keys,
                });
            }
        }
    }
    println!(
        "\n{:>5} {:<10} {:<5} {:>5} | {:>9} {:>9} {:>9} {:>9} | {:>19} | {:>19} {:>17} {:>17} | {:>9}",
        "chars",
        "text",
        "mode",
        "keys",
        "median",
        "p90",
        "p99",
        "max",
        "cpu med/p99",
        "handle med/p99",
        "tick med/p99",
        "render med/p99",
        "idle tick"
    );
    for run in &runs {
        let label = format!("{}k", run.size / 1000);
        if !filter.is_empty() && !filter.contains(&label) {
            continue;
        }
        let r = measure(run)?;
        println!(
            "{:>5} {:<10} {:<5} {:>5} | {:>9} {:>9} {:>9} {:>9} | {:>19} | {:>19} {:>17} {:>17} | {:>9}",
            label,
            if run.newlines {
                "paragraphs"
            } else {
                "one-line"
            },
            if run.flush_each { "flush" } else { "burst" },
            run.keys,
            fmt(r.total.pct(0.5)),
            fmt(r.total.pct(0.9)),
            fmt(r.total.pct(0.99)),
            fmt(r.total.max()),
            format!("{}/{}", fmt(r.cpu.pct(0.5)), fmt(r.cpu.pct(0.99))),
            format!("{}/{}", fmt(r.handle.pct(0.5)), fmt(r.handle.pct(0.99))),
            format!("{}/{}", fmt(r.tick.pct(0.5)), fmt(r.tick.pct(0.99))),
            format!("{}/{}", fmt(r.render.pct(0.5)), fmt(r.render.pct(0.99))),
            fmt(r.idle_tick.pct(0.5)),
        );
    }
    open_console(9)?;
    Ok(())
}
