//! Offline, ever (R9.2, issue 10): the dependency tree holds no crate that opens
//! connections, and — where strace can watch — a console session, an export and a check
//! make no network system call but `socketpair`.
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TIMEOUT, Term, huiwu_bin, temp_db};

/// Crates whose purpose is to talk over a network.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "h2",
    "h3",
    "quinn",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "minreq",
    "http-req",
    "ehttp",
    "tokio",
    "async-std",
    "smol",
    "async-net",
    "async-io",
    "socket2",
    "tungstenite",
    "tokio-tungstenite",
    "websocket",
    "native-tls",
    "rustls",
    "tokio-rustls",
    "openssl",
    "trust-dns-resolver",
    "hickory-resolver",
    "libssh2-sys",
    "ssh2",
    "lettre",
    "tonic",
];

/// Features that add sockets to crates we use, and who alone may ask for them: crossterm's
/// signal-hook-mio wakes its poll on a resize through a Unix socketpair (local, allowed).
const NETWORK_FEATURES: &[(&str, &str, &[&str])] =
    &[("mio", "net", &["signal-hook-mio"]), ("tokio", "net", &[])];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_lock_file_has_no_crate_that_opens_connections() {
    let lock = std::fs::read_to_string(manifest_dir().join("Cargo.lock")).expect("Cargo.lock");
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(names.contains(&"rusqlite"), "the lock file was read");
    let found: Vec<&&str> = names
        .iter()
        .filter(|n| NETWORK_CRATES.contains(n))
        .collect();
    assert!(
        found.is_empty(),
        "crates that open network connections are in the dependency tree (R9.2): {found:?}"
    );
}

/// The crates that ask for `krate`'s `feature` in `cargo tree -e features -i krate`.
fn requesters(tree: &str, krate: &str, feature: &str) -> Vec<String> {
    let indent = |l: &str| l.chars().take_while(|c| !c.is_alphanumeric()).count();
    let wanted = format!("{krate} feature \"{feature}\"");
    let lines: Vec<&str> = tree.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.ends_with(&wanted) {
            continue;
        }
        let own = indent(line);
        for child in &lines[i + 1..] {
            let depth = indent(child);
            if depth <= own {
                break;
            }
            if depth == own + 4 {
                let name = child.trim_start_matches(|c: char| !c.is_alphanumeric());
                out.push(name.split(' ').next().unwrap_or_default().to_string());
            }
        }
    }
    out
}

#[test]
fn no_crate_we_build_has_its_network_features_on() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for (krate, feature, allowed) in NETWORK_FEATURES {
        let out = Command::new(&cargo)
            .args(["tree", "--offline", "-e", "features", "-i", krate])
            .current_dir(manifest_dir())
            .output();
        let tree = match out {
            Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
            // Not in the tree at all.
            Ok(o) if String::from_utf8_lossy(&o.stderr).contains("did not match") => continue,
            Ok(o) => {
                eprintln!(
                    "SKIP: cargo tree failed here ({}); the lock file test still runs",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                return;
            }
            Err(e) => {
                eprintln!("SKIP: cargo is not runnable here ({e}); the lock file test still runs");
                return;
            }
        };
        let who = requesters(&tree, krate, feature);
        let unexpected: Vec<&String> = who
            .iter()
            .filter(|w| !allowed.contains(&w.as_str()))
            .collect();
        assert!(
            unexpected.is_empty(),
            "{krate}'s {feature} feature is asked for by {unexpected:?} (R9.2)"
        );
    }
}

#[test]
fn the_feature_reader_finds_who_asks() {
    let tree = "mio v1.2.5\n├── mio feature \"net\"\n│   └── signal-hook-mio v0.2.5 (*)\n│       └── x v1\n└── mio feature \"os-poll\"\n    └── crossterm v0.29.0 (*)\n";
    assert_eq!(
        requesters(tree, "mio", "net"),
        vec!["signal-hook-mio".to_string()]
    );
    assert_eq!(
        requesters(tree, "mio", "os-poll"),
        vec!["crossterm".to_string()]
    );
}

/// strace, if it runs here (it needs ptrace); else why not.
fn strace() -> Result<(), String> {
    match Command::new("strace")
        .args(["-o", "/dev/null", "true"])
        .output()
    {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(format!(
            "strace cannot trace here: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Err(e) => Err(format!("strace is not installed ({e})")),
    }
}

fn traced_args<'a>(log: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["-f", "-qq", "-e", "trace=%network", "-o", log];
    args.extend_from_slice(rest);
    args
}

/// Every network system call in a strace log but `socketpair`.
fn network_calls(log: &Path) -> Vec<String> {
    std::fs::read_to_string(log)
        .expect("strace log")
        .lines()
        .filter(|l| !l.contains("socketpair("))
        .filter(|l| l.contains('('))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_console_session_an_export_and_a_check_make_no_network_call() {
    if let Err(why) = strace() {
        eprintln!("SKIP: {why}");
        return;
    }
    let (dir, db) = temp_db();
    let db_s = db.to_str().expect("UTF-8 path").to_string();
    let bin = huiwu_bin();
    let bin_s = bin.to_str().expect("UTF-8 path").to_string();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).expect("home");
    let home_s = home.to_str().expect("UTF-8").to_string();
    let env = [
        ("HOME", home_s.as_str()),
        ("HUIWU_CONFIG_DIR", home_s.as_str()),
        ("LANG", "C.UTF-8"),
        ("LC_ALL", "C.UTF-8"),
    ];

    // A console session: start, type, look at help, quit.
    let log = dir.path().join("console.strace");
    let log_s = log.to_str().expect("UTF-8").to_string();
    let args = traced_args(&log_s, &[&bin_s, "--db", &db_s, "--operator", "测试员"]);
    let mut t = Term::spawn(Path::new("strace"), &args, &env, 120, 36);
    t.wait_for_all(&["议事程序", "C-q 退出"], TIMEOUT)
        .unwrap_or_else(|e| panic!("the console did not come up under strace: {e}"));
    t.type_text("离线记录");
    t.wait_for("已保存", TIMEOUT).expect("saved");
    t.key("F1");
    t.key("Esc");
    t.key("Ctrl-q");
    assert_eq!(t.wait_exit(TIMEOUT), Some(0), "{}", t.dump());
    let calls = network_calls(&log);
    assert!(
        calls.is_empty(),
        "the console made network calls: {calls:?}"
    );

    for (name, rest) in [
        ("export", vec!["export", "record"]),
        ("check", vec!["check"]),
        ("backup", vec!["backup"]),
    ] {
        let log = dir.path().join(format!("{name}.strace"));
        let log_s = log.to_str().expect("UTF-8").to_string();
        let mut all = vec![bin_s.as_str(), "--db", db_s.as_str()];
        all.extend(rest.iter().copied());
        let status = Command::new("strace")
            .args(traced_args(&log_s, &all))
            .envs(env)
            .output()
            .expect("run under strace");
        assert!(status.status.success(), "{name}: {status:?}");
        let calls = network_calls(&log);
        assert!(calls.is_empty(), "{name} made network calls: {calls:?}");
    }
}
