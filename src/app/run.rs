//! The terminal loop: draw, wait for a key or a tick, update. Generic over the backend so
//! tests and the benchmark drive the same code on a TestBackend.
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;

use super::App;
use crate::ui;

/// How long to wait for a key before the next tick.
const TICK: Duration = Duration::from_millis(50);

/// Why the loop ended.
pub enum Ended {
    Quit,
    /// SIGHUP / SIGTERM / SIGINT: the terminal closed or the system is stopping.
    Signal,
    /// The terminal went away (input failed).
    TerminalGone(io::Error),
    Panic(String),
}

/// Run the console in the real terminal until the user quits. The terminal is restored
/// whatever happens, and the text is saved whatever happens (R9.1).
pub fn run(app: &mut App) -> io::Result<Ended> {
    let stop = Arc::new(AtomicBool::new(false));
    // Ctrl-C in the terminal is a key (raw mode); SIGINT sent from elsewhere is a signal
    // like SIGTERM: save, then leave.
    for sig in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    // ratatui::init installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    super::tty::keep_newline_translation();
    if let Ok(size) = terminal.size() {
        app.resized(size.width, size.height);
    }
    let result = catch_unwind(AssertUnwindSafe(|| event_loop(app, &mut terminal, &stop)));
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    match result {
        Ok(r) => r,
        Err(payload) => {
            let text = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Ok(Ended::Panic(text))
        }
    }
}

fn event_loop(
    app: &mut App,
    terminal: &mut ratatui::DefaultTerminal,
    stop: &AtomicBool,
) -> io::Result<Ended> {
    loop {
        terminal.draw(|f| ui::render(f, app))?;
        // Wait for the terminal ourselves: crossterm 0.29's poll spins without returning
        // once the terminal is gone, so a hang-up would never be noticed or saved for.
        if let Wait::HungUp = wait_for_input(TICK) {
            return Ok(Ended::TerminalGone(io::Error::other("terminal hung up")));
        }
        // Take everything that is waiting before drawing again: an input method or a
        // fast typist sends many keys at once, and each should show in the next frame.
        let mut rearmed = false;
        loop {
            let waiting = match wait_for_input(Duration::ZERO) {
                Wait::HungUp => {
                    return Ok(Ended::TerminalGone(io::Error::other("terminal hung up")));
                }
                Wait::Ready => true,
                Wait::Quiet => false,
            };
            match event::poll(Duration::ZERO) {
                Ok(true) => {
                    rearmed = false;
                    match event::read() {
                        Ok(ev) => {
                            debug_panic(&ev);
                            app.handle_event(ev)
                        }
                        Err(e) => return Ok(Ended::TerminalGone(e)),
                    }
                }
                // crossterm says nothing is waiting while the terminal holds input: its
                // edge-triggered reader stopped after one read of 1 KiB (see
                // `tty::rearm_input`). Wake it, once per read, instead of leaving the rest
                // of a burst in the terminal until the next key.
                Ok(false) if waiting && !rearmed => {
                    rearmed = true;
                    super::tty::rearm_input();
                }
                Ok(false) => break,
                Err(e) => return Ok(Ended::TerminalGone(e)),
            }
        }
        app.tick();
        // Checked after the input is taken: what was typed before the signal counts,
        // even a paste still arriving.
        if stop.load(Ordering::Relaxed) {
            take_the_rest(app);
            return Ok(Ended::Signal);
        }
        if app.quit() {
            return Ok(Ended::Quit);
        }
    }
}

/// Tests of what a panic loses (issue 10: nothing) need one: in a debug build only,
/// `HUIWU_DEBUG_PANIC_KEY=F11` makes that key panic in the middle of the event loop.
/// Release builds have no such key.
fn debug_panic(ev: &event::Event) {
    #[cfg(debug_assertions)]
    if let event::Event::Key(k) = ev
        && let Ok(name) = std::env::var("HUIWU_DEBUG_PANIC_KEY")
        && crate::app::keyspec::KeySpec::parse(&name).is_ok_and(|spec| spec.matches(k))
    {
        panic!("debug panic key {name} pressed");
    }
    #[cfg(not(debug_assertions))]
    let _ = ev;
}

/// Before ending on a signal: take what is still arriving (the rest of a paste), for a
/// short while, unless the terminal is gone.
fn take_the_rest(app: &mut App) {
    let until = std::time::Instant::now() + Duration::from_millis(300);
    while std::time::Instant::now() < until {
        if let Wait::HungUp = wait_for_input(Duration::from_millis(50)) {
            return;
        }
        match event::poll(Duration::ZERO) {
            Ok(true) => match event::read() {
                Ok(ev) => app.handle_event(ev),
                Err(_) => return,
            },
            Ok(false) => {
                if let Wait::Quiet = wait_for_input(Duration::from_millis(50)) {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}

enum Wait {
    Ready,
    /// Nothing arrived in the time given.
    Quiet,
    HungUp,
}

/// Wait up to `limit` for input on the terminal; report a hang-up.
#[cfg(unix)]
fn wait_for_input(limit: Duration) -> Wait {
    let mut fds = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = limit.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: one valid pollfd for the duration of the call.
    let n = unsafe { libc::poll(&mut fds, 1, ms) };
    if n > 0 && fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Wait::HungUp;
    }
    if n == 0 {
        return Wait::Quiet;
    }
    // Timeout, input, or EINTR (a resize or a signal): all mean "go round again".
    Wait::Ready
}

#[cfg(not(unix))]
fn wait_for_input(limit: Duration) -> Wait {
    let _ = event::poll(limit);
    Wait::Ready
}
