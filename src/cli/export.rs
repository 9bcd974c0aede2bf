//! `huiwu export PAPER --meeting ID|latest | --year Y | --month Y-M --format md|txt|docx
//! [-o FILE]`: every paper from the document model, written owner-only (R8.1, R9.5).
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::domain::Time;
use crate::export::paper::{Kind, Of, build};
use crate::export::{self, Format, paper_bytes, write_private};
use crate::i18n::{self, Lang};
use crate::store::Store;

#[derive(clap::Args)]
pub struct ExportArgs {
    /// A meeting id, `latest` (the most recent by date; the default), or a date
    /// YYYY-MM-DD (the meeting held that day, not a demo one).
    #[arg(long, conflicts_with_all = ["year", "month"])]
    meeting: Option<String>,
    /// A whole year (decisions, ledger).
    #[arg(long, conflicts_with = "month")]
    year: Option<i32>,
    /// A month as YYYY-MM (attendance).
    #[arg(long)]
    month: Option<String>,
    /// md, txt or docx.
    #[arg(long, default_value = "md")]
    format: String,
    /// Write to this file instead of stdout (required for docx on a terminal).
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
    /// For the notice: the one department it is for (else every department, R4.3).
    #[arg(long)]
    department: Option<String>,
}

fn month(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.trim().split_once('-')?;
    let m: u32 = m.parse().ok()?;
    (1..=12).contains(&m).then_some((y.parse().ok()?, m))
}

pub fn run(store: &Store, kind: Kind, args: ExportArgs, lang: Lang, now: Time) -> ExitCode {
    let Some(format) = Format::parse(&args.format) else {
        eprintln!("huiwu: {}", i18n::bad_format(lang, &args.format));
        return ExitCode::from(2);
    };
    let of = match (&args.year, &args.month) {
        (Some(y), _) => Of::Year(*y),
        (None, Some(m)) => match month(m) {
            Some((y, m)) => Of::Month(y, m),
            None => {
                eprintln!("huiwu: {}", i18n::bad_month(lang, m));
                return ExitCode::from(2);
            }
        },
        (None, None) => {
            let which = args.meeting.as_deref().unwrap_or("latest");
            match export::resolve_meeting(store, which) {
                Ok(Some(m)) => Of::Meeting(m.id),
                Ok(None) => {
                    eprintln!("huiwu: {}", i18n::no_meeting(lang, which));
                    return ExitCode::FAILURE;
                }
                Err(e) => {
                    eprintln!("huiwu: {}", i18n::store_error(lang, &e));
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    let doc = match (kind, of, &args.department) {
        (Kind::Notice, Of::Meeting(id), Some(d)) => {
            match export::notice_departments(store, id, now) {
                Ok(all) if all.iter().any(|x| x == d) => {}
                Ok(_) => {
                    eprintln!("huiwu: {}", i18n::no_department(lang, d));
                    return ExitCode::FAILURE;
                }
                Err(e) => {
                    eprintln!("huiwu: {}", i18n::store_error(lang, &e));
                    return ExitCode::FAILURE;
                }
            }
            export::notice_doc(store, id, Some(d), lang, now).map_err(Into::into)
        }
        _ => build(store, kind, of, lang, now),
    };
    let doc = match doc {
        Ok(d) => d,
        Err(e) => {
            eprintln!("huiwu: {}", i18n::paper_error(lang, &e));
            return ExitCode::FAILURE;
        }
    };
    let bytes = match paper_bytes(&doc, format) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("huiwu: {e}");
            return ExitCode::FAILURE;
        }
    };
    match args.output {
        None if format == Format::Docx && std::io::stdout().is_terminal() => {
            eprintln!("huiwu: {}", lang.t(&i18n::DOCX_NEEDS_FILE));
            ExitCode::from(2)
        }
        None => match std::io::stdout().write_all(&bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        },
        Some(path) => match write_private(&path, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                let p = path.display().to_string();
                eprintln!("huiwu: {}", i18n::export_failed(lang, &p, &e.to_string()));
                ExitCode::FAILURE
            }
        },
    }
}
