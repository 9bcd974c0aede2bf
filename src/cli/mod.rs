//! The command line's subcommands beyond the console: papers, the year's archive,
//! generated history, and the commands that keep the record safe (issue 10): `check`,
//! `audit verify|show`, `backup`, `restore`, `encrypt`, `decrypt`. Each prints in the
//! user's language and returns the exit status; an encrypted database asks for its
//! passphrase first.
pub mod archive;
pub mod ask;
pub mod audit;
pub mod backup;
pub mod check;
pub mod cipher;
pub mod export;
pub mod history;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::{self, Lang};
use crate::store::{Store, StoreError, cipher as key};

/// Which database, who, in which language.
pub struct Env {
    pub db: PathBuf,
    pub operator: String,
    pub lang: Lang,
}

impl Env {
    /// Say what went wrong with the database; exit 1.
    pub fn fail(&self, e: &StoreError) -> ExitCode {
        eprintln!("huiwu: {}", i18n::open_error(self.lang, e));
        ExitCode::FAILURE
    }

    /// Open the database to read only, asking for its passphrase when it is encrypted.
    pub fn read_only(&self) -> Result<Store, ExitCode> {
        self.open(|| Store::open_read_only(&self.db, &self.operator))
    }

    /// Open the database to write, asking for its passphrase when it is encrypted.
    pub fn read_write(&self) -> Result<Store, ExitCode> {
        self.open(|| Store::open(&self.db, &self.operator))
    }

    fn open(&self, open: impl Fn() -> Result<Store, StoreError>) -> Result<Store, ExitCode> {
        match with_passphrase(&self.db, self.lang, open) {
            Some(Ok(store)) => Ok(store),
            Some(Err(e)) => Err(self.fail(&e)),
            None => {
                eprintln!("huiwu: {}", self.lang.t(&i18n::CANCELLED));
                Err(ExitCode::FAILURE)
            }
        }
    }
}

/// Open with `open`; when the file looks encrypted and no passphrase is known for it,
/// ask for one on the terminal first: no connection without the key touches an encrypted
/// file (closing one would fold its -wal into it). None: the user cancelled.
pub fn with_passphrase<T>(
    db: &Path,
    lang: Lang,
    open: impl Fn() -> Result<T, StoreError>,
) -> Option<Result<T, StoreError>> {
    if key::may_be_encrypted(db) && key::key_for(db).is_none() {
        let pass = ask::passphrase(&i18n::passphrase_prompt(lang, db))?;
        key::remember(db, pass);
    }
    Some(open())
}
