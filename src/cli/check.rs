//! `huiwu check` (issue 10): every row `integrity_check` reports, the foreign keys, the
//! audit chain and the head file beside the database; exit 0 only when all is well.
//! Read only: it never creates or changes anything.
use std::process::ExitCode;

use super::Env;
use crate::i18n;
use crate::store::verify::HeadState;
use crate::store::{StoreError, integrity_report};

pub fn run(env: &Env) -> ExitCode {
    let lang = env.lang;
    let store = match super::with_passphrase(&env.db, lang, || {
        crate::store::Store::open_read_only(&env.db, &env.operator)
    }) {
        Some(Ok(store)) => store,
        // A damaged database is still examined, and its damage listed.
        Some(Err(e @ StoreError::Corrupt(_))) => {
            eprintln!("huiwu: {}", i18n::store_error(lang, &e));
            for line in integrity_report(&env.db) {
                println!("{line}");
            }
            return ExitCode::FAILURE;
        }
        Some(Err(e)) => return env.fail(&e),
        None => {
            eprintln!("huiwu: {}", lang.t(&i18n::CANCELLED));
            return ExitCode::FAILURE;
        }
    };
    let health = match store.health() {
        Ok(h) => h,
        Err(e) => return env.fail(&e),
    };
    // What is wrong goes to the standard output (as `ok` does when nothing is); what is
    // merely said about the database goes to the standard error.
    for line in &health.problems {
        println!("{line}");
    }
    let chain = i18n::chain_summary(lang, &health.chain);
    if health.chain.first_break.is_some() {
        println!("{chain}");
    } else {
        eprintln!("{chain}");
    }
    match &health.head {
        HeadState::NoFile => eprintln!("{}", lang.t(&i18n::NO_HEAD_FILE)),
        state => {
            if let Some(problem) = i18n::head_problem(lang, state) {
                println!("{problem}");
            }
        }
    }
    // Earlier findings stay on record: said, though they do not fail the check.
    for incident in store.chain_incidents().unwrap_or_default() {
        eprintln!("{}", i18n::chain_incident(lang, &incident));
    }
    if health.is_ok() {
        println!("ok");
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
