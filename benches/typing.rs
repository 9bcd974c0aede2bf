//! Typing benchmark: replays keystrokes into the console on ratatui's TestBackend and
//! prints the time per keystroke (handling + tick/save + render) for entries of 1k, 10k
//! and 100k Chinese characters, and the time to open the console on the demo.
//!
//! Run with `cargo bench --bench typing` (release build). Figures go to stdout; see
//! BENCHMARKS.md for how to read them.
//!
//! The app is built as in production: a database file on disk (WAL, fsync), the demo
//! loaded into it, and the background writer thread saving typed text.
mod common;

use std::time::Instant;

use common::typing::{
    HEIGHT, WIDTH, demo_app, draw, measure, print_header, print_row, runs, settings,
};
use common::{Res, Samples, args, fmt};
use huiwu::app::{App, SystemClock};
use huiwu::domain::Clock;
use huiwu::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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
    let filter = args();
    if cfg!(debug_assertions) {
        println!("warning: debug build; figures are meaningless (use cargo bench)");
    }
    println!(
        "huiwu typing benchmark: TestBackend {WIDTH}x{HEIGHT}, on-disk database with background writer"
    );
    println!(
        "per keystroke = handle_key + tick (+ save) + draw; 'burst' = keys back to back \
         (saved by the 150 ms timer), 'typing' = each key saved, keys {} ms apart (not counted)",
        common::typing::typing_gap().as_millis()
    );
    println!();
    print_header();
    for run in &runs(&[(1_000, 2_000), (10_000, 2_000), (100_000, 1_000)]) {
        if !filter.is_empty() && !filter.contains(&run.label()) {
            continue;
        }
        let r = measure(run, &demo_app)?;
        print_row(run, &r);
    }
    open_console(9)?;
    Ok(())
}
