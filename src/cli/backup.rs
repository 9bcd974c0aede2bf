//! `huiwu backup [-o FILE]` and `huiwu restore FILE` (issue 10). A backup reads only; a
//! restore checks the file is a sound huiwu database of a schema this program knows, asks,
//! keeps the current database aside in the backups folder, and records itself in the
//! restored audit trail.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Env, ask};
use crate::clock::SystemClock;
use crate::domain::Clock;
use crate::i18n;
use crate::store::{Store, backup, cipher, private, replace};

#[derive(clap::Args)]
pub struct BackupArgs {
    /// Write the backup to this new file instead of the backups folder beside the database.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// The backup to put in the database's place.
    pub file: PathBuf,
}

pub fn backup(env: &Env, args: &BackupArgs) -> ExitCode {
    let store = match env.read_only() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let written = match &args.output {
        None => backup::make(&env.db, SystemClock.now()),
        Some(path) => to_file(&store, path),
    };
    match written {
        Ok(path) => {
            println!("{}", i18n::backup_written(env.lang, &path));
            ExitCode::SUCCESS
        }
        Err(e) => env.fail(&e),
    }
}

/// A backup into a file of the user's choosing: a new file, owner-only, never over
/// another (it could be the database itself) or through a symlink.
fn to_file(store: &Store, path: &Path) -> crate::store::Result<PathBuf> {
    private::create_new(path).map_err(|source| crate::store::StoreError::CannotCreate {
        path: path.to_path_buf(),
        source,
    })?;
    if let Err(e) = store.backup_into(path) {
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(path.to_path_buf())
}

pub fn restore(env: &Env, args: &RestoreArgs) -> ExitCode {
    let lang = env.lang;
    let file = &args.file;
    if same_file(file, &env.db) {
        eprintln!("huiwu: {}", lang.t(&i18n::RESTORE_SAME_FILE));
        return ExitCode::FAILURE;
    }
    let source =
        match super::with_passphrase(file, lang, || Store::open_read_only(file, &env.operator)) {
            Some(Ok(s)) => s,
            Some(Err(e)) => {
                eprintln!(
                    "huiwu: {}",
                    i18n::restore_refused(lang, &i18n::open_error(lang, &e))
                );
                return ExitCode::FAILURE;
            }
            None => {
                eprintln!("huiwu: {}", lang.t(&i18n::CANCELLED));
                return ExitCode::FAILURE;
            }
        };
    // Nothing is replaced by a file that is not sound.
    let health = match source.health() {
        Ok(h) => h,
        Err(e) => {
            eprintln!(
                "huiwu: {}",
                i18n::restore_refused(lang, &i18n::store_error(lang, &e))
            );
            return ExitCode::FAILURE;
        }
    };
    let mut problems = health.problems.clone();
    if let Some(b) = &health.chain.first_break {
        problems.push(i18n::chain_break(lang, b));
    }
    if !problems.is_empty() {
        eprintln!(
            "huiwu: {}",
            i18n::restore_refused(lang, &problems.join("; "))
        );
        return ExitCode::FAILURE;
    }
    if replace::in_use(&env.db) {
        return env.fail(&crate::store::StoreError::InUse {
            path: env.db.clone(),
        });
    }
    let latest = source.latest_meeting().ok().flatten();
    // Restoring a plain backup over an encrypted database un-encrypts it: say so first.
    if env.db.exists() && !cipher::is_plain(&env.db) && cipher::is_plain(file) {
        eprintln!("{}", lang.t(&i18n::RESTORE_UNENCRYPTED));
    }
    let question = i18n::restore_question(
        lang,
        file,
        &env.db,
        latest.as_ref(),
        health.chain.head.as_ref(),
    );
    if !ask::confirm(&question) {
        eprintln!("huiwu: {}", lang.t(&i18n::NOT_RESTORED));
        return ExitCode::FAILURE;
    }
    match replace::restore(&source, &env.db, &env.operator, SystemClock.now()) {
        Ok(aside) => {
            println!(
                "{}",
                i18n::database_restored(lang, &env.db, aside.as_deref())
            );
            ExitCode::SUCCESS
        }
        Err(e) => env.fail(&e),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
