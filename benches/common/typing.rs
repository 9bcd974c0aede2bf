//! The console as production builds it (database file on disk with WAL and fsync, the
//! background writer, `SystemClock`) on ratatui's `TestBackend`, and the keystroke
//! measurement of `benches/typing.rs`: paste an entry of a given size, wait until it is
//! saved, then time each keystroke as handle_key + tick (+ flush) + draw.
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

use super::{Res, Samples, TYPED, notes, thread_cpu};

pub type Term = Terminal<TestBackend>;

pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 36;

pub fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

pub fn draw(term: &mut Term, app: &App) -> Res<()> {
    term.draw(|f| huiwu::ui::render(f, app))?;
    Ok(())
}

/// The settings the console runs with, its writer on `path`.
pub fn settings(path: &Path) -> Res<Settings> {
    let writer = Writer::spawn(path, "bench", DEFAULT_BUSY_TIMEOUT)?;
    Ok(Settings {
        lang: Lang::Zh,
        theme: Theme::default(),
        keymap: Keymap::default(),
        writer: Some(writer),
    })
}

/// A console on the database at `path` (already there), with its background writer.
pub fn app_on(path: &Path) -> Res<(App, Term)> {
    let store = Store::open(path, "bench")?;
    let app = App::new(store, settings(path)?, Box::new(SystemClock))?;
    let term = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
    Ok((app, term))
}

/// A console on a fresh on-disk database in `dir` holding the demo, with its writer.
pub fn demo_app(dir: &Path) -> Res<(App, Term)> {
    let path = dir.join("bench.db");
    let mut store = Store::open(&path, "bench")?;
    huiwu::demo::load(&mut store, SystemClock.now())?;
    drop(store);
    app_on(&path)
}

/// Tick until everything typed is on disk (and another terminal poll has passed, so
/// the writer's commits have been noticed).
pub fn settle(app: &mut App, term: &mut Term) -> Res<()> {
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

/// The pause before each key in `typing` mode, not counted: 200 keys a second, about
/// twenty times a fast typist. `HUIWU_BENCH_GAP_MS=0` types them back to back instead,
/// which saves a 300 KB entry thousands of times a second: the saver and the disk are
/// then never idle, and the figures measure how the screen's thread fares beside them
/// (see BENCHMARKS.md), not a keystroke at typing speed.
pub fn typing_gap() -> Duration {
    let ms = std::env::var("HUIWU_BENCH_GAP_MS")
        .ok()
        .and_then(|g| g.parse::<u64>().ok())
        .unwrap_or(5);
    Duration::from_millis(ms)
}

/// One measured configuration.
pub struct Run {
    pub size: usize,
    pub newlines: bool,
    /// `typing`: each key saved at once, as a tick does when the 150 ms save timer is
    /// due (the normal case at human typing speed), keys [`typing_gap`] apart; `burst`:
    /// keys back to back, saved by the timer.
    pub flush_each: bool,
    pub keys: usize,
}

impl Run {
    pub fn label(&self) -> String {
        format!("{}k", self.size / 1000)
    }

    pub fn text(&self) -> &'static str {
        if self.newlines {
            "paragraphs"
        } else {
            "one-line"
        }
    }

    pub fn mode(&self) -> &'static str {
        if self.flush_each { "typing" } else { "burst" }
    }
}

/// Every configuration for the given sizes: (size, keys) × paragraphs/one-line ×
/// burst/typing.
pub fn runs(sizes: &[(usize, usize)]) -> Vec<Run> {
    let mut runs = Vec::new();
    for &(size, keys) in sizes {
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
    runs
}

#[derive(Default)]
pub struct Measured {
    pub total: Samples,
    /// The same keystrokes in CPU time of the main thread.
    pub cpu: Samples,
    pub handle: Samples,
    pub tick: Samples,
    pub render: Samples,
    /// A tick at rest after ≥500 ms: save timer and other-terminal poll both due.
    pub idle_tick: Samples,
}

/// Paste the run's text into the focused entry of a console `make` builds in a fresh
/// temp dir, let it be saved, then time each keystroke.
pub fn measure(run: &Run, make: &dyn Fn(&Path) -> Res<(App, Term)>) -> Res<Measured> {
    let dir = tempfile::tempdir_in(std::env::temp_dir())?;
    let (mut app, mut term) = make(dir.path())?;
    draw(&mut term, &app)?;
    let before = app
        .console
        .procedure
        .focused_ref()
        .map(|e| e.text().chars().count())
        .ok_or("the console has no entry focused to type into")?;
    app.handle_event(Event::Paste(notes(run.size, run.newlines)));
    draw(&mut term, &app)?;
    settle(&mut app, &mut term)?;
    let typed: Vec<char> = TYPED.chars().collect();
    let mut r = Measured::default();
    // A few keystrokes to warm caches, not measured.
    for c in typed.iter().take(10) {
        app.handle_key(key(*c));
        app.tick();
        draw(&mut term, &app)?;
    }
    let gap = typing_gap();
    for i in 0..run.keys {
        if run.flush_each && !gap.is_zero() {
            std::thread::sleep(gap);
        }
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
    let want = before + run.size + 10 + run.keys + 4;
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

/// The header of the keystroke table (`print_row` prints its rows).
pub fn print_header() {
    println!(
        "{:>5} {:<10} {:<6} {:>5} | {:>9} {:>9} {:>9} {:>9} | {:>19} | {:>19} {:>17} {:>17} | {:>9}",
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
}

pub fn print_row(run: &Run, r: &Measured) {
    use super::fmt;
    println!(
        "{:>5} {:<10} {:<6} {:>5} | {:>9} {:>9} {:>9} {:>9} | {:>19} | {:>19} {:>17} {:>17} | {:>9}",
        run.label(),
        run.text(),
        run.mode(),
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
