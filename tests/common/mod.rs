//! Pseudo-terminal harness for end-to-end tests.
//!
//! Use from an integration test file with `mod common;` and then
//! `use common::{Term, keys::*, ...}`.
//!
//! A [`Term`] is a child process running inside a real PTY. A background reader thread
//! continuously drains the PTY master (so the child never blocks on a full buffer), feeds the
//! bytes into a [`vt100::Parser`] and answers the terminal queries a real xterm would answer:
//!
//! | query            | meaning                              | reply                         |
//! |------------------|--------------------------------------|-------------------------------|
//! | `ESC[6n`         | cursor position report (DSR 6)       | `ESC[{row};{col}R` (1-based)  |
//! | `ESC[?6n`        | extended cursor position (DECXCPR)   | `ESC[?{row};{col};1R`         |
//! | `ESC[5n`         | device status                        | `ESC[0n`                      |
//! | `ESC[c`/`ESC[0c` | primary device attributes (DA1)      | `ESC[?62;22c`                 |
//! | `ESC[>c`         | secondary device attributes (DA2)    | `ESC[>0;276;0c`               |
//! | `ESC[18t`        | text area size in characters         | `ESC[8;{rows};{cols}t`        |
//! | `OSC 10/11 ; ?`  | default foreground/background colour | `OSC 1x;rgb:…ST`              |
//!
//! `ESC[?u` (kitty keyboard protocol flags) is deliberately *not* answered, exactly like xterm:
//! crossterm's `supports_keyboard_enhancement()` sends `ESC[?u ESC[c`, gets only the DA1 reply
//! and concludes "not supported" immediately instead of waiting for its 2 s timeout.
//!
//! What crossterm 0.29 / ratatui 0.30 actually query:
//! * `ratatui::init()` (raw mode + alternate screen + `Terminal::new`, fullscreen viewport) sends
//!   **no** query; the size comes from the `TIOCGWINSZ` ioctl, which the PTY answers.
//! * `Terminal::clear()` and `crossterm::cursor::position()` send `ESC[6n` and wait up to 2 s for
//!   the reply (an inline viewport also does this at start-up and on resize). A fullscreen
//!   `Terminal::resize`/`autoresize` after SIGWINCH does *not* query.
//! * `crossterm::terminal::supports_keyboard_enhancement()` sends `ESC[?u ESC[c` (see above).
//!
//! Every answered query is recorded; see [`Term::queries`].

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// A generous default timeout for `wait_*` calls in end-to-end tests.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Default size used by [`Term::huiwu`].
pub const HUIWU_COLS: u16 = 120;
pub const HUIWU_ROWS: u16 = 36;

/// Pause inserted after a lone `Esc` key so the application reads it as its own event
/// instead of as an `Alt-` prefix of whatever is written next.
const ESC_PAUSE: Duration = Duration::from_millis(60);

const POLL: Duration = Duration::from_millis(15);

/// vt100 callbacks: collects replies to terminal queries.
#[derive(Default)]
struct Responder {
    /// Bytes to write back to the child after the current `process()` call.
    pending: Vec<u8>,
    /// Human-readable log of the queries that were answered, in order.
    log: Vec<String>,
}

fn param(params: &[&[u16]], i: usize) -> Option<u16> {
    params.get(i).and_then(|p| p.first().copied())
}

impl vt100::Callbacks for Responder {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let (row, col) = screen.cursor_position();
        let (rows, cols) = screen.size();
        let p0 = param(params, 0);
        let reply = match (i1, i2, c, p0) {
            (None, None, 'n', Some(6)) => {
                Some(("CPR ESC[6n", format!("\x1b[{};{}R", row + 1, col + 1)))
            }
            (Some(b'?'), None, 'n', Some(6)) => Some((
                "DECXCPR ESC[?6n",
                format!("\x1b[?{};{};1R", row + 1, col + 1),
            )),
            (None, None, 'n', Some(5)) => Some(("DSR ESC[5n", "\x1b[0n".to_owned())),
            (None, None, 'c', None | Some(0)) => Some(("DA1 ESC[c", "\x1b[?62;22c".to_owned())),
            (Some(b'>'), None, 'c', None | Some(0)) => {
                Some(("DA2 ESC[>c", "\x1b[>0;276;0c".to_owned()))
            }
            (None, None, 't', Some(18)) => Some(("size ESC[18t", format!("\x1b[8;{rows};{cols}t"))),
            (Some(b'?'), None, 'u', _) => {
                self.log.push("kitty ESC[?u (not answered)".to_owned());
                None
            }
            _ => None,
        };
        if let Some((what, bytes)) = reply {
            self.log.push(what.to_owned());
            self.pending.extend_from_slice(bytes.as_bytes());
        }
    }

    fn unhandled_osc(&mut self, _screen: &mut vt100::Screen, params: &[&[u8]]) {
        match params {
            [b"10", b"?"] => {
                self.log.push("OSC 10 ? (foreground)".to_owned());
                self.pending
                    .extend_from_slice(b"\x1b]10;rgb:ffff/ffff/ffff\x1b\\");
            }
            [b"11", b"?"] => {
                self.log.push("OSC 11 ? (background)".to_owned());
                self.pending
                    .extend_from_slice(b"\x1b]11;rgb:0000/0000/0000\x1b\\");
            }
            _ => {}
        }
    }
}

/// State shared between the test thread and the reader thread.
struct Shared {
    parser: vt100::Parser<Responder>,
    /// Every byte the child ever wrote (the raw transcript).
    raw: Vec<u8>,
    /// Time the last chunk of output arrived.
    last_output: Instant,
    /// The reader hit EOF / EIO: every slave fd is closed (normally: the child exited).
    eof: bool,
}

type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

/// A child process in a PTY plus a vt100 screen that mirrors its output.
pub struct Term {
    shared: Arc<Mutex<Shared>>,
    writer: Writer,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    pid: u32,
    exit: Option<ExitStatus>,
    reader: Option<thread::JoinHandle<()>>,
    stop: Arc<AtomicBool>,
    /// Temp dirs owned by this terminal (e.g. the sandbox made by [`Term::huiwu`]).
    temp_dirs: Vec<tempfile::TempDir>,
    config_dir: Option<PathBuf>,
    program: String,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking test thread must not make Drop / other accessors panic too.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Term {
    /// Spawn `program args…` in a new `cols`×`rows` PTY.
    ///
    /// The child inherits the test's environment, except `COLUMNS`/`LINES` (removed so that the
    /// PTY size is authoritative), with `TERM=xterm-256color` by default; `env` entries are
    /// applied last and override everything. The working directory is the test's current
    /// directory (portable-pty would otherwise default to `$HOME`).
    ///
    /// Panics if the PTY cannot be opened or the program cannot be started.
    pub fn spawn(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Term {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        if let Ok(cwd) = std::env::current_dir() {
            cmd.cwd(cwd);
        }
        cmd.env_remove("COLUMNS");
        cmd.env_remove("LINES");
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Self::spawn_command(cmd, program.display().to_string(), cols, rows)
    }

    fn spawn_command(cmd: CommandBuilder, program: String, cols: u16, rows: u16) -> Term {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system()
            .openpty(size)
            .unwrap_or_else(|e| panic!("openpty failed: {e:#}"));
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("cannot spawn {program} in a PTY: {e:#}"));
        // Close our copy of the slave so the reader sees EOF once the child is gone.
        drop(pair.slave);
        let pid = child.process_id().expect("child has a pid");

        let reader = pair
            .master
            .try_clone_reader()
            .unwrap_or_else(|e| panic!("PTY reader: {e:#}"));
        let writer: Writer = Arc::new(Mutex::new(
            pair.master
                .take_writer()
                .unwrap_or_else(|e| panic!("PTY writer: {e:#}")),
        ));
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new_with_callbacks(rows, cols, 0, Responder::default()),
            raw: Vec::new(),
            last_output: Instant::now(),
            eof: false,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let handle = {
            let shared = Arc::clone(&shared);
            let writer = Arc::clone(&writer);
            let stop = Arc::clone(&stop);
            thread::Builder::new()
                .name(format!("pty-reader-{pid}"))
                .spawn(move || reader_loop(reader, &shared, &writer, &stop))
                .expect("spawn PTY reader thread")
        };

        Term {
            shared,
            writer,
            master: pair.master,
            child,
            pid,
            exit: None,
            reader: Some(handle),
            stop,
            temp_dirs: Vec::new(),
            config_dir: None,
            program,
        }
    }

    /// Spawn the `huiwu` binary built by Cargo for this test run in a 120×36 terminal.
    ///
    /// Environment (applied in this order, later wins):
    /// * inherited environment minus `COLUMNS`, `LINES` and every `HUIWU_*` variable;
    /// * `TERM=xterm-256color`, `LANG=C.UTF-8`, `LC_ALL=C.UTF-8`;
    /// * a private sandbox temp dir: `HOME`, `XDG_CONFIG_HOME`, `XDG_DATA_HOME`,
    ///   `XDG_STATE_HOME`, `XDG_CACHE_HOME` point inside it, so nothing can touch the real home;
    /// * `HUIWU_CONFIG_DIR` = a fresh, existing, empty directory inside the sandbox
    ///   (see [`Term::config_dir`]);
    /// * `env` (so callers can override any of the above, including `HUIWU_CONFIG_DIR`).
    ///
    /// The sandbox lives as long as the `Term`.
    pub fn huiwu(args: &[&str], env: &[(&str, &str)]) -> Term {
        Self::huiwu_sized(args, env, HUIWU_COLS, HUIWU_ROWS)
    }

    /// [`Term::huiwu`] with an explicit terminal size.
    pub fn huiwu_sized(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Term {
        let program = huiwu_bin();
        let sandbox = tempfile::Builder::new()
            .prefix("huiwu-e2e-")
            .tempdir()
            .expect("create sandbox temp dir");
        let root = sandbox.path();
        let config_dir = root.join("config");
        for sub in [
            "config",
            "home",
            "xdg-config",
            "xdg-data",
            "xdg-state",
            "xdg-cache",
        ] {
            std::fs::create_dir_all(root.join(sub)).expect("create sandbox dir");
        }

        let mut cmd = CommandBuilder::new(&program);
        cmd.args(args);
        if let Ok(cwd) = std::env::current_dir() {
            cmd.cwd(cwd);
        }
        let inherited: Vec<String> = cmd
            .iter_full_env_as_str()
            .map(|(k, _)| k.to_owned())
            .filter(|k| k.starts_with("HUIWU_"))
            .collect();
        for k in inherited {
            cmd.env_remove(k);
        }
        cmd.env_remove("COLUMNS");
        cmd.env_remove("LINES");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("LC_ALL", "C.UTF-8");
        cmd.env("HOME", root.join("home"));
        cmd.env("XDG_CONFIG_HOME", root.join("xdg-config"));
        cmd.env("XDG_DATA_HOME", root.join("xdg-data"));
        cmd.env("XDG_STATE_HOME", root.join("xdg-state"));
        cmd.env("XDG_CACHE_HOME", root.join("xdg-cache"));
        cmd.env("HUIWU_CONFIG_DIR", &config_dir);
        let mut effective_config = config_dir;
        for (k, v) in env {
            cmd.env(k, v);
            if *k == "HUIWU_CONFIG_DIR" {
                effective_config = PathBuf::from(v);
            }
        }

        let mut term = Self::spawn_command(cmd, program.display().to_string(), cols, rows);
        term.temp_dirs.push(sandbox);
        term.config_dir = Some(effective_config);
        term
    }

    /// The `HUIWU_CONFIG_DIR` given to the child by [`Term::huiwu`] (None for [`Term::spawn`]).
    pub fn config_dir(&self) -> Option<&Path> {
        self.config_dir.as_deref()
    }

    /// Keep `dir` alive (not deleted) for as long as this terminal lives.
    pub fn keep_alive(&mut self, dir: tempfile::TempDir) {
        self.temp_dirs.push(dir);
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    // ------------------------------------------------------------------ screen

    /// Run `f` on the current vt100 screen (cells, colours, cursor, modes …).
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        let shared = lock(&self.shared);
        f(shared.parser.screen())
    }

    /// The whole screen as text (`vt100::Screen::contents`): rows joined by `\n`, trailing
    /// blanks trimmed. Wide (CJK) characters appear once.
    pub fn screen(&self) -> String {
        self.with_screen(vt100::Screen::contents)
    }

    /// Every screen row as text (trailing blanks trimmed), exactly `rows` entries.
    pub fn lines(&self) -> Vec<String> {
        self.with_screen(|s| {
            let (_, cols) = s.size();
            s.rows(0, cols).collect()
        })
    }

    /// One screen row as text (0-based; empty string if out of range).
    pub fn line(&self, row: u16) -> String {
        self.lines()
            .into_iter()
            .nth(usize::from(row))
            .unwrap_or_default()
    }

    /// The text of the cell at (`row`, `col`), 0-based. A wide character occupies its first
    /// cell; the second cell ("wide continuation") reads as `""`.
    pub fn cell(&self, row: u16, col: u16) -> Option<String> {
        self.with_screen(|s| s.cell(row, col).map(|c| c.contents().to_owned()))
    }

    /// (row, col) of the column where `needle` starts on the first row containing it,
    /// counted in terminal cells (a CJK character is 2 columns wide).
    pub fn find(&self, needle: &str) -> Option<(u16, u16)> {
        self.with_screen(|s| {
            let (rows, cols) = s.size();
            (0..rows).find_map(|r| {
                // Rebuild the row cell by cell so we can map byte offsets to columns.
                let mut text = String::new();
                let mut col_of_byte = Vec::new();
                for c in 0..cols {
                    let Some(cell) = s.cell(r, c) else { continue };
                    if cell.is_wide_continuation() {
                        continue;
                    }
                    let content = cell.contents();
                    let content = if content.is_empty() { " " } else { content };
                    for _ in 0..content.len() {
                        col_of_byte.push(c);
                    }
                    text.push_str(content);
                }
                text.find(needle).map(|i| (r, col_of_byte[i]))
            })
        })
    }

    /// Cursor position (row, col), 0-based.
    pub fn cursor(&self) -> (u16, u16) {
        self.with_screen(vt100::Screen::cursor_position)
    }

    /// Screen size as (cols, rows).
    pub fn size(&self) -> (u16, u16) {
        self.with_screen(|s| {
            let (rows, cols) = s.size();
            (cols, rows)
        })
    }

    /// Whether the child has switched to the alternate screen (`ESC[?1049h`).
    pub fn alternate_screen(&self) -> bool {
        self.with_screen(vt100::Screen::alternate_screen)
    }

    /// Whether the child enabled bracketed paste (`ESC[?2004h`).
    pub fn bracketed_paste_enabled(&self) -> bool {
        self.with_screen(vt100::Screen::bracketed_paste)
    }

    /// Everything the child wrote so far, raw bytes.
    pub fn output(&self) -> Vec<u8> {
        lock(&self.shared).raw.clone()
    }

    /// Whether the raw transcript contains `needle` (e.g. `"\x1b[?1049l"`).
    pub fn output_contains(&self, needle: &str) -> bool {
        let shared = lock(&self.shared);
        let needle = needle.as_bytes();
        !needle.is_empty() && shared.raw.windows(needle.len()).any(|w| w == needle)
    }

    /// The terminal queries answered (or deliberately ignored) so far, e.g. `"CPR ESC[6n"`.
    pub fn queries(&self) -> Vec<String> {
        lock(&self.shared).parser.callbacks().log.clone()
    }

    /// True once every slave side of the PTY is closed (normally: the child exited).
    pub fn output_closed(&self) -> bool {
        lock(&self.shared).eof
    }

    /// A framed dump of the screen for assertion messages: row numbers, `|` borders so trailing
    /// blanks are visible, cursor position, and whether the child is still alive.
    pub fn dump(&self) -> String {
        let lines = self.lines();
        let (cols, rows) = self.size();
        let (cr, cc) = self.cursor();
        let eof = self.output_closed();
        let mut out = format!(
            "--- screen of `{}` (pid {}) {cols}x{rows}, cursor row {cr} col {cc}{} ---\n",
            self.program,
            self.pid,
            if eof {
                ", OUTPUT CLOSED (child exited)"
            } else {
                ""
            },
        );
        let width = usize::from(cols);
        for (i, l) in lines.iter().enumerate() {
            let w = display_width(l);
            let pad = " ".repeat(width.saturating_sub(w));
            let _ = writeln!(out, "{i:>3}|{l}{pad}|");
        }
        out.push_str("--- end of screen ---");
        out
    }

    // ------------------------------------------------------------------- waiting

    /// Poll until `pred(screen)` holds. On timeout (or if the child exited and the screen can no
    /// longer change) returns `Err` with `what` and the screen dump.
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        mut pred: impl FnMut(&vt100::Screen) -> bool,
    ) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            let (ok, eof) = {
                let shared = lock(&self.shared);
                (pred(shared.parser.screen()), shared.eof)
            };
            if ok {
                return Ok(());
            }
            if eof {
                return Err(format!("child exited before: {what}\n{}", self.dump()));
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "timed out after {timeout:?} waiting for: {what}\n{}",
                    self.dump()
                ));
            }
            thread::sleep(POLL);
        }
    }

    /// Wait until the screen text contains `needle`.
    pub fn wait_for(&self, needle: &str, timeout: Duration) -> Result<(), String> {
        self.wait_until(&format!("screen contains {needle:?}"), timeout, |s| {
            s.contents().contains(needle)
        })
    }

    /// Wait until the screen text contains every one of `needles`.
    pub fn wait_for_all(&self, needles: &[&str], timeout: Duration) -> Result<(), String> {
        self.wait_until(
            &format!("screen contains all of {needles:?}"),
            timeout,
            |s| {
                let c = s.contents();
                needles.iter().all(|n| c.contains(n))
            },
        )
    }

    /// Wait until the screen text no longer contains `needle`.
    pub fn wait_for_gone(&self, needle: &str, timeout: Duration) -> Result<(), String> {
        self.wait_until(
            &format!("screen no longer contains {needle:?}"),
            timeout,
            |s| !s.contents().contains(needle),
        )
    }

    /// Wait until the child has produced no output for `quiet` (e.g. 150 ms): useful before
    /// taking a snapshot of a screen that is still being drawn. Succeeds immediately-ish if the
    /// child has exited.
    pub fn wait_stable(&self, quiet: Duration, timeout: Duration) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            let (last, eof) = {
                let shared = lock(&self.shared);
                (shared.last_output, shared.eof)
            };
            if eof || last.elapsed() >= quiet {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "timed out after {timeout:?} waiting for {quiet:?} of quiet\n{}",
                    self.dump()
                ));
            }
            thread::sleep(POLL);
        }
    }

    // --------------------------------------------------------------------- input

    /// Write raw bytes to the child's terminal input.
    pub fn write_raw(&mut self, bytes: &[u8]) {
        let mut w = lock(&self.writer);
        // Ignore errors: the child may already be gone, which the test will notice itself.
        let _ = w.write_all(bytes);
        let _ = w.flush();
    }

    /// Type UTF-8 text (CJK included) in one write. `\n` is sent as-is; use `key("Enter")`
    /// (`\r`) to press Enter in a raw-mode application.
    pub fn type_text(&mut self, s: &str) {
        self.write_raw(s.as_bytes());
    }

    /// Type `s` one character at a time, sleeping `per_char` after each.
    pub fn type_text_slowly(&mut self, s: &str, per_char: Duration) {
        let mut buf = [0u8; 4];
        for ch in s.chars() {
            self.write_raw(ch.encode_utf8(&mut buf).as_bytes());
            thread::sleep(per_char);
        }
    }

    /// Bracketed paste: `ESC[200~` s `ESC[201~` (sent even if the child did not enable
    /// bracketed paste mode). The text is sent verbatim; note that real terminals usually
    /// turn newlines into `\r` when pasting.
    pub fn paste(&mut self, s: &str) {
        let mut bytes = Vec::with_capacity(s.len() + 12);
        bytes.extend_from_slice(b"\x1b[200~");
        bytes.extend_from_slice(s.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.write_raw(&bytes);
    }

    /// Press a named key, as xterm would encode it. See [`key_bytes`] for the names.
    /// After a bare `Esc` the harness pauses briefly so the child does not merge it with the
    /// next input into an `Alt-` chord.
    pub fn key(&mut self, k: &str) {
        let app_cursor = self.with_screen(vt100::Screen::application_cursor);
        let bytes = key_bytes(k, app_cursor);
        self.write_raw(&bytes);
        if bytes == b"\x1b" {
            thread::sleep(ESC_PAUSE);
        }
    }

    /// Press several named keys in order.
    pub fn keys(&mut self, ks: &[&str]) {
        for k in ks {
            self.key(k);
        }
    }

    // -------------------------------------------------------------- process control

    /// Resize the PTY (the kernel sends SIGWINCH to the child) and the vt100 screen.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.shared).parser.screen_mut().set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap_or_else(|e| panic!("PTY resize to {cols}x{rows}: {e:#}"));
    }

    /// Send signal number `sig` (e.g. 1 = SIGHUP, 15 = SIGTERM) to the child via `kill(1)`.
    pub fn signal(&mut self, sig: i32) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(self.pid.to_string())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("run kill(1)");
        // Failure just means the child is already gone.
        let _ = status;
    }

    /// Close the terminal as a user does by ending the tmux session or dropping the SSH
    /// connection: the kernel sends SIGHUP to the program. (The writer is left open:
    /// portable-pty's writer sends "\n" and EOF when dropped, which a program in raw mode
    /// reads as Ctrl-J and Ctrl-D keys — not what a closed terminal sends.)
    pub fn hang_up(&mut self) {
        self.signal(1);
    }

    /// SIGKILL the child and reap it (waits up to 5 s).
    pub fn kill9(&mut self) {
        if self.try_status().is_some() {
            return;
        }
        self.signal(9);
        let st = self.wait_exit_status(Duration::from_secs(5));
        assert!(st.is_some(), "child {} survived SIGKILL", self.pid);
    }

    /// Non-blocking: the exit status if the child has exited (reaping it).
    pub fn try_status(&mut self) -> Option<ExitStatus> {
        if self.exit.is_none()
            && let Ok(Some(st)) = self.child.try_wait()
        {
            self.exit = Some(st);
        }
        self.exit.clone()
    }

    pub fn is_running(&mut self) -> bool {
        self.try_status().is_none()
    }

    /// Wait for the child to exit; `None` if it is still running after `timeout`.
    pub fn wait_exit_status(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(st) = self.try_status() {
                return Some(st);
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(POLL);
        }
    }

    /// Wait for the child to exit and return its exit code; `None` if it is still running
    /// after `timeout`. Death by signal is reported shell-style as `128 + signo`
    /// (SIGKILL → 137, SIGTERM → 143, SIGHUP → 129); `-1` for an unrecognised signal.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<i32> {
        self.wait_exit_status(timeout).map(|st| exit_code(&st))
    }

    /// Wait for exit and for the reader thread to have drained all remaining output, so that
    /// [`Term::screen`] shows the final state. Returns the exit code as [`Term::wait_exit`].
    pub fn wait_exit_drained(&mut self, timeout: Duration) -> Option<i32> {
        let deadline = Instant::now() + timeout;
        let code = self.wait_exit(timeout)?;
        while !self.output_closed() && Instant::now() < deadline {
            thread::sleep(POLL);
        }
        Some(code)
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.try_status().is_none() {
            self.signal(9);
            let _ = self.wait_exit_status(Duration::from_secs(5));
        }
        self.stop.store(true, Ordering::Relaxed);
        // Join the reader only if it is already finished (a grandchild could keep the slave
        // open forever; never hang a test in Drop).
        if let Some(h) = self.reader.take() {
            let deadline = Instant::now() + Duration::from_millis(500);
            while !h.is_finished() && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(5));
            }
            if h.is_finished() {
                let _ = h.join();
            }
        }
    }
}

fn reader_loop(
    mut reader: Box<dyn Read + Send>,
    shared: &Mutex<Shared>,
    writer: &Mutex<Box<dyn Write + Send>>,
    stop: &AtomicBool,
) {
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) | Err(_) => break, // EOF, or EIO once the slave side is closed (Linux)
            Ok(n) => n,
        };
        let replies = {
            let mut s = lock(shared);
            s.raw.extend_from_slice(&buf[..n]);
            s.last_output = Instant::now();
            // vt100 invokes the Responder callbacks at the exact point of each query, so the
            // cursor position in a CPR reply reflects everything written before the query.
            s.parser.process(&buf[..n]);
            std::mem::take(&mut s.parser.callbacks_mut().pending)
        };
        if !replies.is_empty() && !stop.load(Ordering::Relaxed) {
            let mut w = lock(writer);
            let _ = w.write_all(&replies);
            let _ = w.flush();
        }
    }
    lock(shared).eof = true;
}

/// Exit code, with signal deaths mapped to `128 + signo` (see [`Term::wait_exit`]).
pub fn exit_code(st: &ExitStatus) -> i32 {
    let Some(sig) = st.signal() else {
        return i32::try_from(st.exit_code()).unwrap_or(-1);
    };
    // portable-pty only gives us strsignal(3) text (glibc wording), or "Signal N".
    let known = [
        ("Hangup", 1),
        ("Interrupt", 2),
        ("Quit", 3),
        ("Illegal instruction", 4),
        ("Trace/breakpoint trap", 5),
        ("Aborted", 6),
        ("Bus error", 7),
        ("Floating point exception", 8),
        ("Killed", 9),
        ("User defined signal 1", 10),
        ("Segmentation fault", 11),
        ("User defined signal 2", 12),
        ("Broken pipe", 13),
        ("Alarm clock", 14),
        ("Terminated", 15),
    ];
    if let Some((_, n)) = known.iter().find(|(name, _)| sig.starts_with(name)) {
        return 128 + n;
    }
    sig.strip_prefix("Signal ")
        .and_then(|n| n.trim().parse::<i32>().ok())
        .map_or(-1, |n| 128 + n)
}

/// Display width in terminal cells (CJK and other East Asian wide characters count 2).
/// A small approximation sufficient for framing dumps.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let c = c as u32;
            let wide = (0x1100..=0x115F).contains(&c)
                || (0x2E80..=0xA4CF).contains(&c)
                || (0xAC00..=0xD7A3).contains(&c)
                || (0xF900..=0xFAFF).contains(&c)
                || (0xFE30..=0xFE4F).contains(&c)
                || (0xFF00..=0xFF60).contains(&c)
                || (0xFFE0..=0xFFE6).contains(&c)
                || (0x1F300..=0x1F64F).contains(&c)
                || (0x20000..=0x3FFFD).contains(&c);
            if wide { 2 } else { 1 }
        })
        .sum()
}

/// Encode a named key the way xterm does.
///
/// Names (case-insensitive): `Enter`/`Return`, `Tab`, `BackTab`, `Esc`/`Escape`, `Space`,
/// `Backspace`, `Delete`/`Del`, `Insert`/`Ins`, `Home`, `End`, `PageUp`/`PgUp`,
/// `PageDown`/`PgDn`, `Up`, `Down`, `Left`, `Right`, `F1`..`F12`, or any single character.
///
/// Modifier prefixes, combinable, in any order: `Ctrl-`/`C-`, `Alt-`/`M-`, `Shift-`/`S-`.
/// * `Ctrl-<letter>` → the control byte (`Ctrl-c` = 0x03, `Ctrl-s` = 0x13); also
///   `Ctrl-Space`/`Ctrl-@` (0x00), `Ctrl-[ \ ] ^ _`.
/// * `Alt-<x>` → `ESC` followed by `<x>`'s encoding (`Alt-x`, `Alt-Enter`, `Alt-Ctrl-x`).
/// * modifiers on cursor/editing/function keys use xterm's `;m` parameter
///   (`Shift-Up` = `ESC[1;2A`, `Ctrl-Right` = `ESC[1;5C`, `Ctrl-PageDown` = `ESC[6;5~`).
/// * `Shift-Tab` = `BackTab` = `ESC[Z`; `Shift-<letter>` = the upper-case letter.
///
/// `app_cursor`: the child enabled DECCKM (application cursor keys), in which case unmodified
/// arrows / Home / End are sent as `ESC O x` like xterm does.
///
/// Panics on an unknown name, so typos fail loudly.
pub fn key_bytes(name: &str, app_cursor: bool) -> Vec<u8> {
    let (mut ctrl, mut alt, mut shift) = (false, false, false);
    let mut rest = name;
    loop {
        let lower = rest.to_ascii_lowercase();
        // Keep at least one character after the prefix so "Alt--" / "C-" style keys work.
        let strip = |p: &str| lower.starts_with(p) && rest.len() > p.len();
        if strip("ctrl-") {
            ctrl = true;
            rest = &rest[5..];
        } else if strip("c-") {
            ctrl = true;
            rest = &rest[2..];
        } else if strip("alt-") {
            alt = true;
            rest = &rest[4..];
        } else if strip("m-") {
            alt = true;
            rest = &rest[2..];
        } else if strip("shift-") {
            shift = true;
            rest = &rest[6..];
        } else if strip("s-") {
            shift = true;
            rest = &rest[2..];
        } else {
            break;
        }
    }

    // xterm modifier parameter: 1 + shift(1) + alt(2) + ctrl(4).
    let m = 1 + u8::from(shift) + 2 * u8::from(alt) + 4 * u8::from(ctrl);
    let lower = rest.to_ascii_lowercase();

    // CSI-style keys: (final byte or "~" number, is_tilde, SS3 form when unmodified in DECCKM)
    let csi_letter = |c: char| -> Vec<u8> {
        if m > 1 {
            format!("\x1b[1;{m}{c}").into_bytes()
        } else if app_cursor {
            format!("\x1bO{c}").into_bytes()
        } else {
            format!("\x1b[{c}").into_bytes()
        }
    };
    let tilde = |n: u8| -> Vec<u8> {
        if m > 1 {
            format!("\x1b[{n};{m}~").into_bytes()
        } else {
            format!("\x1b[{n}~").into_bytes()
        }
    };
    let ss3 = |c: char| -> Vec<u8> {
        if m > 1 {
            format!("\x1b[1;{m}{c}").into_bytes()
        } else {
            format!("\x1bO{c}").into_bytes()
        }
    };
    let with_alt = |mut b: Vec<u8>| -> Vec<u8> {
        if alt {
            b.insert(0, 0x1b);
        }
        b
    };

    match lower.as_str() {
        "up" => return csi_letter('A'),
        "down" => return csi_letter('B'),
        "right" => return csi_letter('C'),
        "left" => return csi_letter('D'),
        "home" => return csi_letter('H'),
        "end" => return csi_letter('F'),
        "insert" | "ins" => return tilde(2),
        "delete" | "del" => return tilde(3),
        "pageup" | "pgup" => return tilde(5),
        "pagedown" | "pgdn" | "pagedn" => return tilde(6),
        "f1" => return ss3('P'),
        "f2" => return ss3('Q'),
        "f3" => return ss3('R'),
        "f4" => return ss3('S'),
        "f5" => return tilde(15),
        "f6" => return tilde(17),
        "f7" => return tilde(18),
        "f8" => return tilde(19),
        "f9" => return tilde(20),
        "f10" => return tilde(21),
        "f11" => return tilde(23),
        "f12" => return tilde(24),
        "backtab" => return with_alt(b"\x1b[Z".to_vec()),
        "tab" if shift => return with_alt(b"\x1b[Z".to_vec()),
        "tab" => return with_alt(b"\t".to_vec()),
        "enter" | "return" => return with_alt(b"\r".to_vec()),
        "esc" | "escape" => return with_alt(b"\x1b".to_vec()),
        "backspace" | "bs" => return with_alt(if ctrl { vec![0x08] } else { vec![0x7f] }),
        "space" if ctrl => return with_alt(vec![0]),
        "space" => return with_alt(b" ".to_vec()),
        _ => {}
    }

    let mut chars = rest.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        panic!("unknown key name {name:?}");
    };
    let c = if shift { c.to_ascii_uppercase() } else { c };
    let bytes = if ctrl {
        let b = match c.to_ascii_lowercase() {
            l @ 'a'..='z' => l as u8 - b'a' + 1,
            '@' | ' ' | '2' => 0,
            '[' | '3' => 0x1b,
            '\\' | '4' => 0x1c,
            ']' | '5' => 0x1d,
            '^' | '6' => 0x1e,
            '_' | '-' | '7' => 0x1f,
            '?' | '8' => 0x7f,
            _ => panic!("no control code for key {name:?}"),
        };
        vec![b]
    } else {
        let mut tmp = [0u8; 4];
        c.encode_utf8(&mut tmp).as_bytes().to_vec()
    };
    with_alt(bytes)
}

/// Path of the `huiwu` binary Cargo built for this test run.
pub fn huiwu_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_huiwu"))
}

/// A fresh temp dir and a database path inside it (the file is not created).
/// Keep the `TempDir` alive for as long as the database is used.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix("huiwu-db-")
        .tempdir()
        .expect("create temp dir");
    let db = dir.path().join("huiwu.db");
    (dir, db)
}

/// A fresh, existing, empty temp directory (e.g. for `HUIWU_CONFIG_DIR`).
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("huiwu-e2e-")
        .tempdir()
        .expect("create temp dir")
}

/// The `huiwu` binary as a plain (non-PTY) command, for subcommands such as `export`/`check`.
///
/// Sets `LANG`/`LC_ALL=C.UTF-8` and removes inherited `HUIWU_*` variables, but does **not**
/// isolate configuration: setting `HUIWU_CONFIG_DIR` (e.g. to a [`temp_dir`]) is the caller's
/// job — or use [`huiwu_cmd_isolated`], which does it for you.
pub fn huiwu_cmd(args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(huiwu_bin());
    cmd.args(args);
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("HUIWU_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("LANG", "C.UTF-8").env("LC_ALL", "C.UTF-8");
    cmd
}

/// [`huiwu_cmd`] with `HUIWU_CONFIG_DIR` set to a fresh empty temp dir (returned: keep it alive
/// until the command has finished).
pub fn huiwu_cmd_isolated(args: &[&str]) -> (std::process::Command, tempfile::TempDir) {
    let dir = temp_dir();
    let mut cmd = huiwu_cmd(args);
    cmd.env("HUIWU_CONFIG_DIR", dir.path());
    (cmd, dir)
}
