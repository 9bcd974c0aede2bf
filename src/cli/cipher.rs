//! `huiwu encrypt` and `huiwu decrypt` (issue 10, R8.1): the same database re-written
//! under a passphrase (asked twice, not echoed) or without one. Only while no terminal
//! has the database open.
use std::process::ExitCode;

use super::{Env, ask};
use crate::clock::SystemClock;
use crate::domain::Clock;
use crate::i18n;
use crate::store::{StoreError, backup, cipher, replace};

pub fn encrypt(env: &Env) -> ExitCode {
    let lang = env.lang;
    if let Err(code) = can_convert(env) {
        return code;
    }
    if !cipher::is_plain(&env.db) {
        eprintln!("huiwu: {}", lang.t(&i18n::ALREADY_ENCRYPTED));
        return ExitCode::FAILURE;
    }
    let Some(pass) = ask::new_passphrase(lang) else {
        eprintln!("huiwu: {}", lang.t(&i18n::CANCELLED));
        return ExitCode::FAILURE;
    };
    match replace::convert(&env.db, Some(&pass), &env.operator, SystemClock.now()) {
        Ok(()) => {
            let plain = backup::list(&env.db)
                .iter()
                .filter(|b| cipher::is_plain(b))
                .count();
            println!(
                "{}",
                i18n::encrypted(lang, &env.db, plain, &backup::folder(&env.db))
            );
            ExitCode::SUCCESS
        }
        Err(e) => env.fail(&e),
    }
}

pub fn decrypt(env: &Env) -> ExitCode {
    let lang = env.lang;
    if let Err(code) = can_convert(env) {
        return code;
    }
    if cipher::is_plain(&env.db) {
        eprintln!("huiwu: {}", lang.t(&i18n::NOT_ENCRYPTED));
        return ExitCode::FAILURE;
    }
    // Asks for the passphrase, and proves it.
    if let Err(code) = env.read_only() {
        return code;
    }
    match replace::convert(&env.db, None, &env.operator, SystemClock.now()) {
        Ok(()) => {
            println!("{}", i18n::decrypted(lang, &env.db));
            ExitCode::SUCCESS
        }
        Err(e) => env.fail(&e),
    }
}

/// Encryption compiled in, the database there, and nobody else using it.
fn can_convert(env: &Env) -> Result<(), ExitCode> {
    if !cipher::AVAILABLE {
        return Err(env.fail(&StoreError::NoEncryption));
    }
    if !env.db.exists() {
        return Err(env.fail(&StoreError::NoSuchDatabase {
            path: env.db.clone(),
        }));
    }
    if replace::in_use(&env.db) {
        return Err(env.fail(&StoreError::InUse {
            path: env.db.clone(),
        }));
    }
    // An emergency file is sealed with the passphrase of its day (or plain): re-keying
    // now would leave it unreadable, or plain beside an encrypted database.
    let waiting = crate::emergency::find(&env.db);
    if let Some(first) = waiting.first() {
        eprintln!(
            "huiwu: {}",
            i18n::emergency_first(env.lang, waiting.len(), &first.display().to_string())
        );
        return Err(ExitCode::FAILURE);
    }
    Ok(())
}
