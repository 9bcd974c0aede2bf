//! A program in a real pseudo-terminal (portable-pty, as tests/common does) whose output a
//! reader thread feeds into a vt100 screen. The point for benchmarks: a *watch* — a test on
//! the screen that the reader thread runs after every chunk of output, noting the instant
//! it first holds. Times are therefore those of the output reaching the terminal, not of
//! a polling loop.
//!
//! The reader answers the queries a real xterm answers (cursor position, device
//! attributes, colours), so that neither huiwu nor vim waits for a reply.
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::Res;

/// vt100 callbacks: collects replies to terminal queries.
#[derive(Default)]
struct Responder {
    pending: Vec<u8>,
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
        let reply = match (i1, i2, c, param(params, 0)) {
            (None, None, 'n', Some(6)) => Some(format!("\x1b[{};{}R", row + 1, col + 1)),
            (Some(b'?'), None, 'n', Some(6)) => Some(format!("\x1b[?{};{};1R", row + 1, col + 1)),
            (None, None, 'n', Some(5)) => Some("\x1b[0n".to_owned()),
            (None, None, 'c', None | Some(0)) => Some("\x1b[?62;22c".to_owned()),
            (Some(b'>'), None, 'c', None | Some(0)) => Some("\x1b[>0;276;0c".to_owned()),
            (None, None, 't', Some(18)) => Some(format!("\x1b[8;{rows};{cols}t")),
            _ => None,
        };
        if let Some(r) = reply {
            self.pending.extend_from_slice(r.as_bytes());
        }
    }

    fn unhandled_osc(&mut self, _screen: &mut vt100::Screen, params: &[&[u8]]) {
        match params {
            [b"10", b"?"] => self
                .pending
                .extend_from_slice(b"\x1b]10;rgb:ffff/ffff/ffff\x1b\\"),
            [b"11", b"?"] => self
                .pending
                .extend_from_slice(b"\x1b]11;rgb:0000/0000/0000\x1b\\"),
            _ => {}
        }
    }
}

type Test = Box<dyn FnMut(&vt100::Screen) -> bool + Send>;

struct Shared {
    parser: vt100::Parser<Responder>,
    /// The test the reader runs after each chunk, and when it first held.
    watch: Option<Test>,
    seen: Option<Instant>,
    last_output: Instant,
    eof: bool,
}

type Writer = Arc<Mutex<Box<dyn Write + Send>>>;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

pub struct Pty {
    shared: Arc<(Mutex<Shared>, Condvar)>,
    writer: Writer,
    _master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    pid: u32,
    /// Just before the process was spawned.
    pub started: Instant,
    reader: Option<thread::JoinHandle<()>>,
}

impl Pty {
    /// Start `program args…` in a `cols`×`rows` terminal (TERM=xterm-256color, the
    /// given environment on top of ours). `first` is watched from the first byte on (e.g.
    /// the first frame), so its time counts from the spawn.
    pub fn spawn(
        program: &Path,
        args: &[&str],
        env: &[(String, String)],
        size: (u16, u16),
        first: Option<Test>,
    ) -> Res<Pty> {
        let (cols, rows) = size;
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
        let pair = native_pty_system().openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let shared = Arc::new((
            Mutex::new(Shared {
                parser: vt100::Parser::new_with_callbacks(rows, cols, 0, Responder::default()),
                watch: first,
                seen: None,
                last_output: Instant::now(),
                eof: false,
            }),
            Condvar::new(),
        ));
        let reader = pair.master.try_clone_reader()?;
        let writer: Writer = Arc::new(Mutex::new(pair.master.take_writer()?));
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd)?;
        drop(pair.slave);
        let pid = child.process_id().unwrap_or_default();
        let handle = {
            let shared = Arc::clone(&shared);
            let writer = Arc::clone(&writer);
            thread::Builder::new()
                .name(format!("pty-{pid}"))
                .spawn(move || reader_loop(reader, &shared, &writer))?
        };
        Ok(Pty {
            shared,
            writer,
            _master: pair.master,
            child,
            pid,
            started,
            reader: Some(handle),
        })
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// Write bytes to the program's terminal input.
    pub fn write(&self, bytes: &[u8]) {
        let mut w = lock(&self.writer);
        let _ = w.write_all(bytes);
        let _ = w.flush();
    }

    /// The screen as text (rows joined by newlines, a wide character once).
    pub fn contents(&self) -> String {
        lock(&self.shared.0).parser.screen().contents()
    }

    /// How often `needle` is on the screen now.
    pub fn count(&self, needle: &str) -> usize {
        self.contents().matches(needle).count()
    }

    /// Watch for `test` to hold (checked now and after every chunk of output).
    pub fn watch(&self, mut test: Test) {
        let mut s = lock(&self.shared.0);
        s.seen = test(s.parser.screen()).then(Instant::now);
        s.watch = if s.seen.is_some() { None } else { Some(test) };
    }

    /// Watch for the screen to hold `needle` at least `times` times.
    pub fn watch_count(&self, needle: &str, times: usize) {
        let needle = needle.to_string();
        self.watch(Box::new(move |s| {
            s.contents().matches(&needle).count() >= times
        }));
    }

    /// When the watched test first held, waiting up to `timeout`; None when it did not.
    pub fn wait_seen(&self, timeout: Duration) -> Option<Instant> {
        let (m, cv) = &*self.shared;
        let deadline = Instant::now() + timeout;
        let mut s = lock(m);
        loop {
            if let Some(t) = s.seen {
                return Some(t);
            }
            let now = Instant::now();
            if now >= deadline || s.eof {
                s.watch = None;
                return None;
            }
            s = cv
                .wait_timeout(s, deadline - now)
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
    }

    /// Wait for `needle` on the screen; the screen is returned when it does not come.
    pub fn wait_for(&self, needle: &str, timeout: Duration) -> Res<Instant> {
        self.watch_count(needle, 1);
        self.wait_seen(timeout).ok_or_else(|| {
            format!(
                "{needle:?} did not appear in {timeout:?}; screen:\n{}",
                self.contents()
            )
            .into()
        })
    }

    /// Wait until nothing has been written for `quiet` (at most `timeout`).
    pub fn wait_quiet(&self, quiet: Duration, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let (last, eof) = {
                let s = lock(&self.shared.0);
                (s.last_output, s.eof)
            };
            if eof || last.elapsed() >= quiet || Instant::now() >= deadline {
                return;
            }
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// A field of /proc/PID/status in kB (e.g. VmHWM, VmRSS).
    pub fn status_kb(&self, field: &str) -> Option<u64> {
        let text = std::fs::read_to_string(format!("/proc/{}/status", self.pid)).ok()?;
        text.lines()
            .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
    }

    /// Wait for the program to end by itself; killed when it does not in `timeout`.
    /// True when it ended by itself.
    pub fn wait_exit(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                return false;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader ends at EOF once the child and its terminal are gone.
        if let Some(h) = self.reader.take() {
            let (m, _) = &*self.shared;
            let deadline = Instant::now() + Duration::from_secs(2);
            while !lock(m).eof && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(5));
            }
            if lock(m).eof {
                let _ = h.join();
            }
        }
    }
}

fn reader_loop(
    mut reader: Box<dyn Read + Send>,
    shared: &(Mutex<Shared>, Condvar),
    writer: &Writer,
) {
    let (m, cv) = shared;
    let mut buf = [0u8; 16 * 1024];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let now = Instant::now();
        let replies = {
            let mut s = lock(m);
            s.parser.process(&buf[..n]);
            s.last_output = now;
            let mut test = s.watch.take();
            if let Some(t) = test.as_mut()
                && t(s.parser.screen())
            {
                s.seen = Some(now);
                test = None;
                cv.notify_all();
            }
            s.watch = test;
            std::mem::take(&mut s.parser.callbacks_mut().pending)
        };
        if !replies.is_empty() {
            let mut w = lock(writer);
            let _ = w.write_all(&replies);
            let _ = w.flush();
        }
    }
    lock(m).eof = true;
    cv.notify_all();
}

/// The bytes xterm sends for a few keys (cursor keys in normal mode).
pub fn key(name: &str) -> Vec<u8> {
    match name {
        "F1" => b"\x1bOP".to_vec(),
        "F2" => b"\x1bOQ".to_vec(),
        "F3" => b"\x1bOR".to_vec(),
        "F4" => b"\x1bOS".to_vec(),
        "Tab" => b"\t".to_vec(),
        "Enter" => b"\r".to_vec(),
        "Esc" => b"\x1b".to_vec(),
        "Up" => b"\x1b[A".to_vec(),
        "Down" => b"\x1b[B".to_vec(),
        "Right" => b"\x1b[C".to_vec(),
        "Left" => b"\x1b[D".to_vec(),
        "PageUp" => b"\x1b[5~".to_vec(),
        "PageDown" => b"\x1b[6~".to_vec(),
        "Ctrl-q" => vec![0x11],
        "Ctrl-s" => vec![0x13],
        s if s.starts_with("Alt-") => {
            let mut v = vec![0x1b];
            v.extend_from_slice(&s.as_bytes()["Alt-".len()..]);
            v
        }
        s => s.as_bytes().to_vec(),
    }
}
