//! Databases of generated history (`huiwu demo --years N --seed S`), made once by the
//! release binary and cached under `target/bench-data/` by years and seed; each
//! measurement works on its own copy.
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use super::Res;

/// The huiwu binary Cargo built for this bench run (target/release/huiwu under
/// `cargo bench`).
pub fn huiwu_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_huiwu"))
}

/// target/bench-data (next to the profile folder the binary is in).
pub fn cache_dir() -> PathBuf {
    let bin = huiwu_bin();
    bin.parent()
        .and_then(Path::parent)
        .map(|t| t.join("bench-data"))
        .unwrap_or_else(|| std::env::temp_dir().join("huiwu-bench-data"))
}

/// An environment that keeps the user's config and data out of a run: HOME, XDG folders
/// and the config folder inside `dir`.
pub fn private_env(dir: &Path) -> Vec<(String, String)> {
    let mut env = Vec::new();
    for (k, sub) in [
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "xdg-config"),
        ("XDG_DATA_HOME", "xdg-data"),
        ("XDG_STATE_HOME", "xdg-state"),
        ("XDG_CACHE_HOME", "xdg-cache"),
        ("HUIWU_CONFIG_DIR", "config"),
    ] {
        let p = dir.join(sub);
        let _ = std::fs::create_dir_all(&p);
        env.push((k.to_string(), p.display().to_string()));
    }
    env.push(("LANG".into(), "C.UTF-8".into()));
    env.push(("LC_ALL".into(), "C.UTF-8".into()));
    env
}

/// The cached database of `years` of history from `seed`, generated if it is not there
/// (`regen`: generated again in any case).
pub fn generated(years: u32, seed: u64, regen: bool) -> Res<PathBuf> {
    let dir = cache_dir();
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("history-{years}y-seed{seed}.db"));
    if path.exists() && !regen {
        return Ok(path);
    }
    let part = dir.join(format!(
        "history-{years}y-seed{seed}.part{}",
        std::process::id()
    ));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", part.display()));
    }
    let sandbox = tempfile::tempdir()?;
    let t0 = Instant::now();
    let out = Command::new(huiwu_bin())
        .args(["demo", "--years", &years.to_string(), "--seed"])
        .arg(seed.to_string())
        .arg("--db")
        .arg(&part)
        .args(["--operator", "bench"])
        .envs(private_env(sandbox.path()))
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "huiwu demo --years {years} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    println!(
        "  generated {years} years (seed {seed}) in {:.1} s: {}",
        t0.elapsed().as_secs_f64(),
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
    );
    // Everything into the main file, so that one file is the whole database.
    {
        let conn = rusqlite::Connection::open(&part)?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", part.display()));
    }
    std::fs::rename(&part, &path)?;
    Ok(path)
}

/// A copy of `src` as `dir/huiwu.db`, opened once by the store (so a migration added
/// since the cache was made is not timed). `real`: the generated history is made the
/// bureau's own — `huiwu demo` marks every generated meeting and person as demo, which
/// the back office (F3) leaves out of its lists; cleared, F3 lists all ten years.
pub fn working_copy(src: &Path, dir: &Path, real: bool) -> Res<PathBuf> {
    let path = dir.join("huiwu.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::copy(src, &path)?;
    if real {
        let conn = rusqlite::Connection::open(&path)?;
        conn.execute_batch(
            "UPDATE meeting SET is_demo = 0 WHERE is_demo <> 0;
             UPDATE person SET is_demo = 0 WHERE is_demo <> 0;",
        )?;
    }
    drop(huiwu::store::Store::open(&path, "bench")?);
    Ok(path)
}

/// What a database holds, for the report.
pub fn counts(path: &Path) -> Res<String> {
    let conn = rusqlite::Connection::open(path)?;
    let n = |sql: &str| -> Res<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    Ok(format!(
        "{} meetings, {} topics, {} entries ({} characters), {} decisions, {} register items, {} people",
        n("SELECT count(*) FROM meeting")?,
        n("SELECT count(*) FROM topic")?,
        n("SELECT count(*) FROM entry")?,
        n("SELECT COALESCE(sum(length(text)), 0) FROM entry")?,
        n("SELECT count(*) FROM decision")?,
        n("SELECT count(*) FROM followup_item")?,
        n("SELECT count(*) FROM person")?,
    ))
}
