//! `huiwu archive --year Y -o DIR` writes the year's archive (one folder per closed
//! meeting, every paper, a SHA-256 manifest, the year's ledger) with a progress bar on a
//! terminal, and marks each meeting filed — read-only from then on (R7.4).
//! `huiwu archive verify DIR` checks a bundle against its manifest and names every file
//! that differs, is missing or was added.
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};

use crate::domain::Time;
use crate::domain::manifest::Discrepancy;
use crate::export::archive_fs::{verify_dir, write_archive};
use crate::export::archive_year::build_year;
use crate::i18n::{self, Lang};
use crate::store::Store;
use crate::store::after::AfterChange;
use crate::store::change::Change;

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ArchiveArgs {
    #[command(subcommand)]
    pub verify: Option<ArchiveCommand>,
    /// The year whose meetings are filed.
    #[arg(long)]
    pub year: Option<i32>,
    /// The folder to write (created owner-only).
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
pub enum ArchiveCommand {
    /// Check an archive folder against its manifest.
    Verify { dir: PathBuf },
}

pub fn verify(dir: &Path, lang: Lang) -> ExitCode {
    match verify_dir(dir) {
        Ok(found) if found.is_empty() => {
            println!("{}", i18n::archive_ok(lang, &dir.display().to_string()));
            ExitCode::SUCCESS
        }
        Ok(found) => {
            for d in &found {
                let what = match d {
                    Discrepancy::Changed(_) => lang.t(&i18n::A_CHANGED),
                    Discrepancy::Missing(_) => lang.t(&i18n::A_MISSING),
                    Discrepancy::Extra(_) => lang.t(&i18n::A_EXTRA),
                };
                println!("{what}\t{}", d.path());
            }
            eprintln!("huiwu: {}", i18n::archive_differs(lang, found.len()));
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("huiwu: {e}");
            ExitCode::FAILURE
        }
    }
}

pub fn write(store: &mut Store, year: i32, dir: &Path, lang: Lang, now: Time) -> ExitCode {
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
            bar.set_style(style);
        }
        bar
    });
    let built = build_year(store, year, lang, now, |done, total, title| {
        if let Some(b) = &bar {
            b.set_length(total as u64);
            b.set_position(done as u64);
            b.set_message(title.to_string());
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let built = match built {
        Ok(b) => b,
        Err(e) => {
            eprintln!("huiwu: {e}");
            return ExitCode::FAILURE;
        }
    };
    for (_, title) in &built.not_closed {
        eprintln!("huiwu: {}", i18n::archive_not_closed(lang, title));
    }
    for (_, title) in &built.demo {
        eprintln!("huiwu: {}", i18n::archive_demo(lang, title));
    }
    let manifest = match write_archive(dir, &built.files) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("huiwu: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Every meeting filed becomes read-only in one transaction: all or none.
    let changes: Vec<Change> = built
        .meetings
        .iter()
        .map(|(id, folder)| Change::AfterMeeting {
            after: AfterChange::Archived {
                meeting_id: *id,
                folder: folder.clone(),
            },
        })
        .collect();
    if let Err(e) = store.transact_at(now, |tx| changes.iter().try_for_each(|c| c.apply(tx))) {
        eprintln!("huiwu: {}", i18n::store_error(lang, &e));
        return ExitCode::FAILURE;
    }
    println!(
        "{}",
        i18n::archive_written(
            lang,
            built.meetings.len(),
            manifest.lines().len(),
            &dir.display().to_string()
        )
    );
    ExitCode::SUCCESS
}
