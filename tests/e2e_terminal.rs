//! Terminals as they come (issue 10): any size down to 1×1, a storm of resizes, and a C
//! locale — the real binary in a pseudo-terminal, never a panic, the words still saved.
mod common;
mod crash;

use std::io::Write;
use std::time::Duration;

use common::{TIMEOUT, Term, temp_db};
use crash::{Rng, all_entry_texts, db_arg, seen, start};

#[test]
fn a_storm_of_resizes_down_to_1x1_neither_crashes_nor_loses_a_word() {
    // A plain pseudo-terminal that only drains what the program writes: the harness's
    // emulator (vt100 0.16) itself panics on wide characters in 1-column or 1-row screens
    // and after some shrinks, which would hide what the program does.
    let (_dir, db) = temp_db();
    let mut t = Drained::start(&db);
    let mut rng = Rng::new("resize storm");
    t.wait_output(Duration::from_secs(10));
    t.type_text("风暴之前");
    std::thread::sleep(Duration::from_millis(400));
    for i in 0..400 {
        let (w, h) = match i % 4 {
            0 => (1, 1),
            1 => (rng.range(1, 12) as u16, rng.range(1, 6) as u16),
            _ => (rng.range(1, 220) as u16, rng.range(1, 70) as u16),
        };
        t.resize(w, h);
        if i % 50 == 0 {
            std::thread::sleep(Duration::from_millis(30));
        }
    }
    t.resize(120, 36);
    std::thread::sleep(Duration::from_millis(300));
    assert!(t.running(), "died in the storm:\n{}", t.output_tail());
    t.type_text("暴之后");
    std::thread::sleep(Duration::from_millis(500));
    t.type_text("\x11"); // Ctrl-Q
    let code = t.wait_exit(TIMEOUT);
    assert_eq!(code, Some(0), "{}", t.output_tail());
    assert!(!t.output_tail().contains("panicked"));
    let stored = all_entry_texts(&db);
    assert!(stored.contains("风暴之前暴之后"), "{stored}");
}

/// The program in a pseudo-terminal whose output is only collected, not emulated.
struct Drained {
    master: Box<dyn portable_pty::MasterPty + Send>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    out: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    _home: tempfile::TempDir,
}

impl Drained {
    fn start(db: &std::path::Path) -> Self {
        use portable_pty::{CommandBuilder, PtySize, native_pty_system};
        let size = PtySize {
            rows: 36,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).expect("openpty");
        let home = tempfile::tempdir().expect("home");
        let mut cmd = CommandBuilder::new(common::huiwu_bin());
        cmd.args(["--db", db_arg(db), "--operator", "记录员"]);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("HOME", home.path());
        cmd.env("HUIWU_CONFIG_DIR", home.path());
        cmd.env_remove("COLUMNS");
        cmd.env_remove("LINES");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let out = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&out);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = std::io::Read::read(&mut reader, &mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut o) = sink.lock() {
                    o.extend_from_slice(&buf[..n]);
                }
            }
        });
        Self {
            master: pair.master,
            writer,
            child,
            out,
            _home: home,
        }
    }

    fn wait_output(&self, limit: Duration) {
        let until = std::time::Instant::now() + limit;
        while std::time::Instant::now() < until {
            let all = self.out.lock().map(|o| o.clone()).unwrap_or_default();
            if String::from_utf8_lossy(&all).contains("huiwu") {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the console never drew");
    }

    fn type_text(&mut self, s: &str) {
        let _ = self.writer.write_all(s.as_bytes());
        let _ = self.writer.flush();
    }

    fn resize(&self, cols: u16, rows: u16) {
        let _ = self.master.resize(portable_pty::PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        });
    }

    fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    fn wait_exit(&mut self, limit: Duration) -> Option<u32> {
        let until = std::time::Instant::now() + limit;
        while std::time::Instant::now() < until {
            if let Ok(Some(st)) = self.child.try_wait() {
                return Some(st.exit_code());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// The last of what the program wrote, as text.
    fn output_tail(&self) -> String {
        let o = self.out.lock().map(|o| o.clone()).unwrap_or_default();
        let from = o.len().saturating_sub(4000);
        String::from_utf8_lossy(&o[from..]).into_owned()
    }
}

impl Drop for Drained {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn started_in_a_1x1_terminal_it_waits_for_room() {
    let (_dir, db) = temp_db();
    let mut t = Term::huiwu_sized(&["--db", db_arg(&db), "--operator", "记录员"], &[], 1, 1);
    std::thread::sleep(Duration::from_millis(800));
    assert!(t.is_running(), "died at 1×1\n{}", t.dump());
    for (w, h) in [(3, 3), (79, 23), (80, 24)] {
        t.resize(w, h);
        std::thread::sleep(Duration::from_millis(60));
    }
    t.wait_for_all(&["议事程序", "操作员 记录员"], TIMEOUT)
        .unwrap_or_else(|e| panic!("no console once there is room: {e}"));
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn a_c_locale_still_shows_and_saves_chinese() {
    // The program writes UTF-8 whatever the locale says (Rust does not consult it);
    // a terminal really set to ASCII would show the bytes as it likes — not our crash.
    let (_dir, db) = temp_db();
    let env = [("LANG", "C"), ("LC_ALL", "C"), ("LC_CTYPE", "C")];
    let mut t = Term::huiwu(&["--db", db_arg(&db), "--operator", "记录员"], &env);
    t.wait_for_all(&["议事程序", "操作员 记录员", "C-q 退出"], TIMEOUT)
        .unwrap_or_else(|e| panic!("no console under LANG=C: {e}"));
    t.type_text("区域设置为C时输入的中文");
    seen(&t, "区域设置为C时输入的中文", TIMEOUT).unwrap_or_else(|| panic!("{}", t.dump()));
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    assert!(all_entry_texts(&db).contains("区域设置为C时输入的中文"));
}

#[test]
fn f12_locks_the_real_terminal_and_the_passphrase_command_sets_what_unlocks_it() {
    let (_dir, db) = temp_db();
    let mut t = start(&db, "记录员");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    // Asked twice (here from a pipe: no terminal to hide the echo of).
    let (mut cmd, _cfg) =
        common::huiwu_cmd_isolated(&["--db", db_arg(&db), "--operator", "记录员", "passphrase"]);
    let out = run_with_input(&mut cmd, "开会 2026\n开会 2026\n");
    assert!(out.0, "{}", out.1);
    assert!(
        out.1.contains("已为操作员 记录员 设置锁屏口令"),
        "{}",
        out.1
    );
    let (mut cmd, _cfg) =
        common::huiwu_cmd_isolated(&["--db", db_arg(&db), "--operator", "记录员", "passphrase"]);
    let out = run_with_input(&mut cmd, "甲\n乙\n");
    assert!(!out.0 && out.1.contains("两次输入不一致"), "{}", out.1);

    let mut t = start(&db, "记录员");
    t.type_text("锁屏前");
    seen(&t, "锁屏前", TIMEOUT).expect("typed");
    t.key("F12");
    t.wait_for("已锁定", TIMEOUT).expect("locked");
    for hidden in ["锁屏前", "入冬以来", "议事程序", "记录员", "已保存"] {
        assert!(
            !t.screen().contains(hidden),
            "{hidden} shows:\n{}",
            t.dump()
        );
    }
    t.type_text("开会 2025");
    t.key("Enter");
    t.wait_for("口令错误", TIMEOUT).expect("refused");
    t.type_text("开会 2026");
    t.key("Enter");
    t.wait_for("议事程序", TIMEOUT).expect("unlocked");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    assert!(all_entry_texts(&db).contains("锁屏前"));
}

/// Run a command with `input` on stdin: (success, stdout and stderr).
fn run_with_input(cmd: &mut std::process::Command, input: &str) -> (bool, String) {
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}
