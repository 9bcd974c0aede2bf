//! Self-tests of the PTY harness in `tests/common/mod.rs`, run against ordinary programs
//! (`/bin/cat`, `sh -c …`) and against a tiny ratatui/crossterm app (this very test binary
//! re-executed in "child mode"), so the harness is proven independently of `huiwu` itself.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{TIMEOUT, Term, key_bytes};

fn sh(script: &str, cols: u16, rows: u16) -> Term {
    Term::spawn(Path::new("/bin/sh"), &["-c", script], &[], cols, rows)
}

#[test]
fn cat_echoes_chinese_text_aligned() {
    let mut t = Term::spawn(Path::new("/bin/cat"), &[], &[("LC_ALL", "C.UTF-8")], 40, 10);
    t.type_text("你好, world 中文");
    t.key("Enter");
    // Line 0: the tty's echo of what we typed; line 1: cat's copy.
    t.wait_until("cat printed the line", TIMEOUT, |s| {
        s.contents().matches("你好, world 中文").count() == 2
    })
    .unwrap();
    assert_eq!(t.line(0), "你好, world 中文");
    assert_eq!(t.line(1), "你好, world 中文");
    // Wide characters take two cells: 你=0-1 好=2-3 ,=4 ' '=5 world=6-10 ' '=11 中=12-13.
    assert_eq!(t.cell(1, 0).as_deref(), Some("你"));
    assert_eq!(t.cell(1, 1).as_deref(), Some(""), "wide continuation cell");
    assert_eq!(t.cell(1, 2).as_deref(), Some("好"));
    assert_eq!(t.cell(1, 4).as_deref(), Some(","));
    assert_eq!(t.cell(1, 12).as_deref(), Some("中"));
    assert_eq!(t.cell(1, 14).as_deref(), Some("文"));
    assert_eq!(t.find("world"), Some((0, 6)));
    assert_eq!(t.find("中文"), Some((0, 12)));
    assert_eq!(t.cursor(), (2, 0));

    t.type_text_slowly("慢慢打字", Duration::from_millis(5));
    t.key("Enter");
    t.wait_until("slow text echoed", TIMEOUT, |s| {
        s.contents().matches("慢慢打字").count() == 2
    })
    .unwrap();

    // Ctrl-d on an empty line = EOF for cat.
    t.key("Ctrl-d");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn resize_is_seen_by_the_child() {
    let mut t = sh(
        "trap 'echo \"WINCH $(stty size)\"' WINCH; stty size; echo ready; \
         while :; do sleep 0.02; done",
        40,
        10,
    );
    t.wait_for_all(&["10 40", "ready"], TIMEOUT).unwrap();
    t.resize(100, 30);
    t.wait_for("WINCH 30 100", TIMEOUT).unwrap();
    assert_eq!(t.size(), (100, 30));
    t.resize(60, 20);
    t.wait_for("WINCH 20 60", TIMEOUT).unwrap();
    assert_eq!(t.size(), (60, 20));
}

#[test]
fn kill9_ends_the_child() {
    let mut t = sh("echo ready; exec sleep 100", 40, 10);
    t.wait_for("ready", TIMEOUT).unwrap();
    assert!(t.is_running());
    let start = Instant::now();
    t.kill9();
    assert!(start.elapsed() < Duration::from_secs(5));
    assert!(!t.is_running());
    assert_eq!(t.wait_exit(Duration::ZERO), Some(128 + 9));
}

#[test]
fn signals_are_delivered_and_reported() {
    // A trapped SIGHUP lets the script choose its exit code…
    let mut t = sh(
        "trap 'echo got-hup; exit 7' HUP; echo ready; while :; do sleep 0.02; done",
        40,
        10,
    );
    t.wait_for("ready", TIMEOUT).unwrap();
    t.signal(1);
    assert_eq!(t.wait_exit_drained(TIMEOUT), Some(7));
    assert!(t.screen().contains("got-hup"), "{}", t.dump());

    // …an untrapped SIGTERM kills it: reported shell-style as 128 + 15.
    let mut t = sh("echo ready; exec sleep 100", 40, 10);
    t.wait_for("ready", TIMEOUT).unwrap();
    t.signal(15);
    assert_eq!(t.wait_exit(TIMEOUT), Some(143));
}

#[test]
fn exit_code_is_captured() {
    let mut t = sh("echo bye; exit 42", 40, 10);
    assert_eq!(t.wait_exit_drained(TIMEOUT), Some(42));
    assert!(t.screen().contains("bye"));
    assert!(t.output_closed());

    let mut t = sh("exit 0", 40, 10);
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn wait_exit_times_out_and_drop_kills() {
    let pid;
    {
        let mut t = sh("exec sleep 100", 40, 10);
        pid = t.pid();
        assert_eq!(t.wait_exit(Duration::from_millis(200)), None);
    }
    // After Drop the process is gone (killed and reaped).
    let alive = std::process::Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
        .success();
    assert!(!alive, "pid {pid} still alive after Term was dropped");
}

#[test]
fn wait_for_errors_carry_the_screen_dump() {
    let t = sh("echo hello-there; sleep 5", 40, 10);
    t.wait_for("hello-there", TIMEOUT).unwrap();
    let err = t
        .wait_for("never-shown", Duration::from_millis(200))
        .unwrap_err();
    assert!(err.contains("timed out"), "{err}");
    assert!(err.contains("never-shown"), "{err}");
    assert!(err.contains("hello-there"), "{err}");

    // If the child exits, waiting fails fast instead of running into the timeout.
    let t = sh("echo short-lived", 40, 10);
    let start = Instant::now();
    let err = t
        .wait_for("never-shown", Duration::from_secs(20))
        .unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(err.contains("exited"), "{err}");
    assert!(err.contains("short-lived"), "{err}");
}

#[test]
fn cursor_position_query_is_answered() {
    // Move to row 3 (1-based), print "abc" → cursor at column 4 (1-based), then ask.
    let script = r#"stty raw -echo
printf '\n\nabc\033[6n'
reply=$(head -c 6)
stty sane
printf '\nCPR=%s=\n' "$(printf '%s' "$reply" | tr '\033' E)""#;
    let mut t = sh(script, 40, 10);
    t.wait_for("CPR=E[3;4R=", TIMEOUT).unwrap();
    assert_eq!(t.wait_exit(TIMEOUT), Some(0));
    assert!(
        t.queries().iter().any(|q| q.contains("6n")),
        "{:?}",
        t.queries()
    );
}

#[test]
fn device_attributes_answered_kitty_query_ignored() {
    // crossterm's keyboard-enhancement probe: ESC[?u ESC[c. Only DA1 must come back.
    let script = r#"stty raw -echo
printf '\033[?u\033[c'
reply=$(head -c 9)
stty sane
printf '\nDA=%s=\n' "$(printf '%s' "$reply" | tr '\033' E)""#;
    let mut t = sh(script, 40, 10);
    t.wait_for("DA=E[?62;22c", TIMEOUT).unwrap();
    t.wait_exit(TIMEOUT);
    let q = t.queries();
    assert_eq!(q, ["kitty ESC[?u (not answered)", "DA1 ESC[c"]);
}

#[test]
fn paste_and_keys_reach_the_child_byte_exact() {
    let script = r"stty raw -echo
printf 'ready\r\n'
head -c 28 | od -An -tx1 | tr -d ' \n'
stty sane
printf '\nDONE\n'";
    let mut t = sh(script, 80, 10);
    t.wait_for("ready", TIMEOUT).unwrap();
    t.paste("中文"); // 6 + 6 + 6 bytes
    t.key("Ctrl-s"); // 1
    t.key("Alt-x"); // 2
    t.key("Shift-Up"); // 6
    t.key("Tab"); // 1
    t.wait_for("DONE", TIMEOUT).unwrap();
    let expected = concat!(
        "1b5b3230307e",
        "e4b8ade69687",
        "1b5b3230317e",
        "13",
        "1b78",
        "1b5b313b3241",
        "09"
    );
    assert!(t.screen().contains(expected), "{}", t.dump());
}

#[test]
fn key_names_encode_like_xterm() {
    let k = |n: &str| key_bytes(n, false);
    assert_eq!(k("Enter"), b"\r");
    assert_eq!(k("Tab"), b"\t");
    assert_eq!(k("BackTab"), b"\x1b[Z");
    assert_eq!(k("Shift-Tab"), b"\x1b[Z");
    assert_eq!(k("Esc"), b"\x1b");
    assert_eq!(k("Backspace"), b"\x7f");
    assert_eq!(k("Delete"), b"\x1b[3~");
    assert_eq!(k("Home"), b"\x1b[H");
    assert_eq!(k("End"), b"\x1b[F");
    assert_eq!(k("PageUp"), b"\x1b[5~");
    assert_eq!(k("PageDown"), b"\x1b[6~");
    assert_eq!(k("Up"), b"\x1b[A");
    assert_eq!(k("Down"), b"\x1b[B");
    assert_eq!(k("Right"), b"\x1b[C");
    assert_eq!(k("Left"), b"\x1b[D");
    assert_eq!(k("F1"), b"\x1bOP");
    assert_eq!(k("F4"), b"\x1bOS");
    assert_eq!(k("F5"), b"\x1b[15~");
    assert_eq!(k("F10"), b"\x1b[21~");
    assert_eq!(k("F12"), b"\x1b[24~");
    assert_eq!(k("Ctrl-c"), [3]);
    assert_eq!(k("Ctrl-C"), [3]);
    assert_eq!(k("Ctrl-s"), [0x13]);
    assert_eq!(k("Ctrl-Space"), [0]);
    assert_eq!(k("Alt-x"), b"\x1bx");
    assert_eq!(k("Alt-中"), "\x1b中".as_bytes());
    assert_eq!(k("Alt--"), b"\x1b-");
    assert_eq!(k("Alt-Enter"), b"\x1b\r");
    assert_eq!(k("Ctrl-Alt-x"), b"\x1b\x18");
    assert_eq!(k("Ctrl-Right"), b"\x1b[1;5C");
    assert_eq!(k("Ctrl-Shift-Left"), b"\x1b[1;6D");
    assert_eq!(k("Alt-Up"), b"\x1b[1;3A");
    assert_eq!(k("Ctrl-PageDown"), b"\x1b[6;5~");
    assert_eq!(k("Shift-F1"), b"\x1b[1;2P");
    assert_eq!(k("Shift-a"), b"A");
    assert_eq!(k("-"), b"-");
    // DECCKM (application cursor keys)
    assert_eq!(key_bytes("Up", true), b"\x1bOA");
    assert_eq!(key_bytes("Ctrl-Up", true), b"\x1b[1;5A");
}

#[test]
#[should_panic(expected = "unknown key name")]
fn unknown_key_names_panic() {
    key_bytes("Ctrl-Hyper", false);
}

#[test]
fn temp_db_is_a_fresh_path() {
    let (dir, db) = common::temp_db();
    assert!(dir.path().is_dir());
    assert!(db.starts_with(dir.path()));
    assert!(!db.exists());
    assert!(common::huiwu_bin().is_file());
}

// ---------------------------------------------------------------------------------------------
// A real ratatui/crossterm program in the PTY: this test binary, re-executed in child mode.

const CHILD_ENV: &str = "PTY_HARNESS_CHILD";

/// Child mode: only does something when re-executed by `ratatui_app_runs_in_the_harness`.
#[test]
#[ignore = "child process for ratatui_app_runs_in_the_harness"]
fn ratatui_child_app() {
    use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode};
    use ratatui::widgets::Paragraph;

    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }

    let mut terminal = ratatui::init();
    crossterm::execute!(std::io::stdout(), EnableBracketedPaste).unwrap();
    // Both of these block (up to 2 s each) unless the terminal answers.
    let t0 = Instant::now();
    let pos = crossterm::cursor::position();
    let kbd = crossterm::terminal::supports_keyboard_enhancement();
    let probe = format!(
        "pos={pos:?} kbd={kbd:?} probe_ms={}",
        t0.elapsed().as_millis()
    );
    let mut last = String::from("none");
    loop {
        let size = terminal.size().unwrap();
        terminal
            .draw(|f| {
                let text = format!(
                    "你好 ratatui\n{probe}\nsize={}x{}\nlast={last}",
                    size.width, size.height
                );
                f.render_widget(Paragraph::new(text), f.area());
            })
            .unwrap();
        match event::read().unwrap() {
            Event::Key(k) if k.code == KeyCode::Char('q') => break,
            Event::Key(k) if k.code == KeyCode::Char('c') => {
                let t = Instant::now();
                terminal.clear().unwrap();
                last = format!("cleared_ms={} ", t.elapsed().as_millis());
            }
            Event::Key(k) => last = format!("{:?}+{:?}", k.code, k.modifiers),
            Event::Paste(p) => last = format!("paste:{p}"),
            Event::Resize(w, h) => last = format!("resize:{w}x{h}"),
            other => last = format!("{other:?}"),
        }
    }
    crossterm::execute!(std::io::stdout(), DisableBracketedPaste).unwrap();
    ratatui::restore();
    println!("child-bye");
    std::process::exit(3);
}

#[test]
fn ratatui_app_runs_in_the_harness() {
    let exe = std::env::current_exe().unwrap();
    let mut t = Term::spawn(
        &exe,
        &[
            "--ignored",
            "--exact",
            "ratatui_child_app",
            "--nocapture",
            "--test-threads=1",
        ],
        &[(CHILD_ENV, "1"), ("LC_ALL", "C.UTF-8")],
        80,
        24,
    );
    t.wait_for("你好 ratatui", TIMEOUT).unwrap();
    assert!(t.alternate_screen());
    assert!(t.bracketed_paste_enabled());
    // The cursor query got a real answer and the keyboard probe did not hit its 2 s timeout.
    t.wait_for("pos=Ok(", TIMEOUT).unwrap();
    t.wait_for("kbd=Ok(false)", TIMEOUT).unwrap();
    let line = t.line(1);
    let ms: u64 = line
        .split("probe_ms=")
        .nth(1)
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| panic!("{}", t.dump()));
    assert!(
        ms < 1500,
        "terminal probes were slow ({ms} ms): {}",
        t.dump()
    );
    assert_eq!(t.find("ratatui"), Some((0, 5)), "你好 is 4 columns wide");

    let cases: &[(&str, &str)] = &[
        ("Ctrl-s", "last=Char('s')+KeyModifiers(CONTROL)"),
        ("Alt-x", "last=Char('x')+KeyModifiers(ALT)"),
        ("Shift-Up", "last=Up+KeyModifiers(SHIFT)"),
        ("BackTab", "last=BackTab+KeyModifiers(SHIFT)"),
        ("F5", "last=F(5)+KeyModifiers(0x0)"),
        ("Delete", "last=Delete+KeyModifiers(0x0)"),
        ("Home", "last=Home+KeyModifiers(0x0)"),
        ("PageDown", "last=PageDown+KeyModifiers(0x0)"),
        ("Enter", "last=Enter+KeyModifiers(0x0)"),
        ("Backspace", "last=Backspace+KeyModifiers(0x0)"),
        ("Esc", "last=Esc+KeyModifiers(0x0)"),
        ("Tab", "last=Tab+KeyModifiers(0x0)"),
    ];
    for (key, expect) in cases {
        t.key(key);
        t.wait_for(expect, TIMEOUT)
            .unwrap_or_else(|e| panic!("key {key}: {e}"));
    }
    t.type_text("中");
    t.wait_for("last=Char('中')", TIMEOUT).unwrap();
    t.paste("会务\r第二行");
    t.wait_for("last=paste:会务", TIMEOUT).unwrap();

    // Resize: the child gets SIGWINCH → Event::Resize, and ratatui's autoresize redraws at the
    // new size (a fullscreen resize sends no query).
    t.resize(100, 30);
    t.wait_for("last=resize:100x30", TIMEOUT).unwrap();
    t.key("Ctrl-a");
    t.wait_for("size=100x30", TIMEOUT).unwrap();

    // `Terminal::clear()` asks for the cursor position (ESC[6n) and must not stall.
    let cprs_before = t.queries().iter().filter(|q| q.contains("6n")).count();
    t.type_text("c");
    t.wait_for("cleared_ms=", TIMEOUT).unwrap();
    let cprs_after = t.queries().iter().filter(|q| q.contains("6n")).count();
    assert!(cprs_after > cprs_before, "{:?}", t.queries());
    let ms: u64 = t
        .screen()
        .split("cleared_ms=")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{}", t.dump()));
    assert!(ms < 1500, "Terminal::clear() was slow ({ms} ms)");

    t.type_text("q");
    assert_eq!(t.wait_exit_drained(TIMEOUT), Some(3), "{}", t.dump());
    assert!(!t.alternate_screen());
    assert!(t.screen().contains("child-bye"), "{}", t.dump());
    assert!(t.output_contains("\x1b[?1049l"));
}
