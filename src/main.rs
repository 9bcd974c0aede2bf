//! huiwu: the command line. Opens the store, then runs the console or a subcommand.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use huiwu::app::keymap::Keymap;
use huiwu::app::run::{Ended, run};
use huiwu::app::{App, Settings, SystemClock};
use huiwu::cli::Env;
use huiwu::cli::archive::{ArchiveArgs, ArchiveCommand};
use huiwu::cli::audit::AuditCommand;
use huiwu::cli::backup::{BackupArgs, RestoreArgs};
use huiwu::cli::export::ExportArgs;
use huiwu::config::{self, Config};
use huiwu::domain::Clock;
use huiwu::export::paper::Kind;
use huiwu::i18n::{self, Lang};
use huiwu::store::writer::Writer;
use huiwu::store::{Access, Store, access, cipher};
use huiwu::theme::Theme;

#[derive(Parser)]
#[command(
    name = "huiwu",
    version,
    about = "会务：局长办公例会 — the director's weekly office meeting, in a terminal"
)]
struct Cli {
    /// The database file (default: the platform data directory, e.g. ~/.local/share/huiwu/huiwu.db).
    #[arg(long, env = "HUIWU_DB", global = true)]
    db: Option<PathBuf>,
    /// Colour theme: dark (default), light, high-contrast, mono, or a file in the config directory.
    #[arg(long, global = true)]
    theme: Option<String>,
    /// Screen language: zh (default) or en.
    #[arg(long, global = true)]
    lang: Option<String>,
    /// Who is at the keyboard; recorded with every change (default: the OS user).
    #[arg(long, global = true)]
    operator: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Load the demo meeting into the database (does nothing if it is there already);
    /// with --years, also that many years of weekly meetings before it (for benchmarks
    /// and for trying the program on a bureau's history).
    Demo {
        /// Years of generated weekly meetings before the demo meeting.
        #[arg(long)]
        years: Option<u32>,
        /// The generator's seed: the same seed gives the same history.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Check the database: integrity, foreign keys, the audit chain and its head file;
    /// prints ok or what is wrong (exit 0 / 1).
    Check,
    /// The audit trail: verify its hash chain, or list it readably.
    Audit {
        #[command(subcommand)]
        what: AuditCommand,
    },
    /// Back the database up now (into the backups folder beside it, or -o FILE).
    Backup(BackupArgs),
    /// Put a backup in the database's place (checked and asked first; the current
    /// database is kept in the backups folder).
    Restore(RestoreArgs),
    /// Encrypt the database with a passphrase (asked twice, not shown).
    Encrypt,
    /// Remove the database's encryption.
    Decrypt,
    /// Write one of the papers to stdout or a file (owner-only).
    Export {
        #[command(subcommand)]
        paper: Paper,
    },
    /// Write the year's archive with its manifest, or `archive verify DIR` (R7.4).
    Archive(ArchiveArgs),
    /// Set the operator's screen-lock passphrase (asked twice, not shown), or remove it.
    Passphrase {
        /// Remove the passphrase: any key then unlocks the screen.
        #[arg(long)]
        clear: bool,
    },
}

#[derive(Subcommand)]
enum Paper {
    /// The sign-in sheet and attendance report, per meeting or per month (R5.1, R8.2).
    Attendance(ExportArgs),
    /// The verbatim record: five steps per topic, speakers, times, decisions (R5.2, R6).
    Record(ExportArgs),
    /// The summary minutes (R7.1): the signed version, else the latest draft.
    Minutes(ExportArgs),
    /// The tidied record (R7.2).
    Tidied(ExportArgs),
    /// The decision register, per meeting or per year (R7.3).
    Decisions(ExportArgs),
    /// The archive ledger, per meeting or per year (R7.4).
    Ledger(ExportArgs),
    /// The agenda: topics in order with departments, deputies, sitting-in people, and
    /// the decisions of earlier meetings still open (R2.1, R7.3).
    Agenda(ExportArgs),
    /// The blank sign-in sheet: names by role, columns for time and signature (R5.1).
    SigninSheet(ExportArgs),
    /// The meeting notice for a department (--department), or all departments (R4.3).
    Notice(ExportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut notes: Vec<String> = Vec::new();
    // A bad line costs only itself: every good setting is kept and the bad one named.
    let config_path = config::config_path();
    let config = match &config_path {
        Some(p) => {
            let (config, problems) = Config::load_lenient(p);
            notes.extend(problems.iter().map(|e| format!("config.toml: {e}")));
            config
        }
        None => Config::default(),
    };
    let lang = cli
        .lang
        .as_deref()
        .or(config.lang.as_deref())
        .and_then(Lang::parse)
        .unwrap_or_default();
    let operator = cli
        .operator
        .clone()
        .or(config.operator.clone())
        .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "operator".into());
    // Verifying an archive needs no database.
    if let Some(Command::Archive(ArchiveArgs {
        verify: Some(ArchiveCommand::Verify { dir }),
        ..
    })) = &cli.command
    {
        return huiwu::cli::archive::verify(dir, lang);
    }
    let Some(db) = cli.db.clone().or_else(default_db) else {
        eprintln!("{}", lang.t(&i18n::NO_DATA_DIR));
        return ExitCode::FAILURE;
    };
    let clock = SystemClock;
    let env = Env {
        db: db.clone(),
        operator: operator.clone(),
        lang,
    };
    match cli.command {
        Some(Command::Demo { years, seed }) => {
            let mut store = match env.read_write() {
                Ok(s) => s,
                Err(code) => return code,
            };
            let id = match huiwu::demo::load(&mut store, clock.now()) {
                Ok(id) => id,
                Err(e) => return fail_open(lang, &e),
            };
            if let Some(years) = years.filter(|y| *y > 0)
                && let Err(code) = huiwu::cli::history::generate(&mut store, id, years, seed, lang)
            {
                return code;
            }
            println!("{}", i18n::demo_ready(lang, id));
            ExitCode::SUCCESS
        }
        // Checking, exporting and backing up read only: they never create or change anything.
        Some(Command::Check) => huiwu::cli::check::run(&env),
        Some(Command::Audit { what }) => huiwu::cli::audit::run(&env, what),
        Some(Command::Backup(args)) => huiwu::cli::backup::backup(&env, &args),
        Some(Command::Restore(args)) => huiwu::cli::backup::restore(&env, &args),
        Some(Command::Encrypt) => huiwu::cli::cipher::encrypt(&env),
        Some(Command::Decrypt) => huiwu::cli::cipher::decrypt(&env),
        Some(Command::Export { paper }) => {
            let (kind, args) = match paper {
                Paper::Attendance(a) => (Kind::Attendance, a),
                Paper::Record(a) => (Kind::Record, a),
                Paper::Minutes(a) => (Kind::Minutes, a),
                Paper::Tidied(a) => (Kind::Tidied, a),
                Paper::Decisions(a) => (Kind::Decisions, a),
                Paper::Ledger(a) => (Kind::Ledger, a),
                Paper::Agenda(a) => (Kind::Agenda, a),
                Paper::SigninSheet(a) => (Kind::SigninSheet, a),
                Paper::Notice(a) => (Kind::Notice, a),
            };
            match env.read_only() {
                Ok(store) => huiwu::cli::export::run(&store, kind, args, lang, clock.now()),
                Err(code) => code,
            }
        }
        Some(Command::Archive(ArchiveArgs {
            year: Some(year),
            output: Some(dir),
            ..
        })) => match env.read_write() {
            Ok(mut store) => huiwu::cli::archive::write(&mut store, year, &dir, lang, clock.now()),
            Err(code) => code,
        },
        Some(Command::Archive(_)) => {
            eprintln!("huiwu: {}", lang.t(&i18n::ARCHIVE_USAGE));
            ExitCode::from(2)
        }
        Some(Command::Passphrase { clear }) => match env.read_write() {
            Ok(mut store) => match huiwu::passphrase::command(&mut store, lang, clear) {
                Ok(done) => {
                    println!("{done}");
                    ExitCode::SUCCESS
                }
                Err(why) => {
                    eprintln!("huiwu: {why}");
                    ExitCode::FAILURE
                }
            },
            Err(code) => code,
        },
        None => {
            let read_only = access(&db) == Access::ReadOnly;
            let open = || {
                if read_only {
                    Store::open_read_only(&db, &operator)
                } else {
                    Store::open(&db, &operator)
                }
            };
            // An encrypted database asks for its passphrase on a screen of its own.
            let opened = if cipher::may_be_encrypted(&db) {
                match huiwu::app::db_passphrase::ask(lang, &db, |pass| {
                    cipher::remember(&db, pass);
                    open()
                }) {
                    Some(opened) => opened,
                    None => return ExitCode::FAILURE,
                }
            } else {
                open()
            };
            match opened {
                Ok(store) => {
                    let who = Who {
                        db: &db,
                        lang,
                        operator: &operator,
                        read_only,
                    };
                    console(store, &who, &cli, &config, notes)
                }
                Err(e) => fail_open(lang, &e),
            }
        }
    }
}

fn default_db() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "huiwu").map(|d| d.data_dir().join("huiwu.db"))
}

fn fail(lang: Lang, e: &huiwu::store::StoreError) -> ExitCode {
    eprintln!("huiwu: {}", i18n::store_error(lang, e));
    ExitCode::FAILURE
}

/// The database could not be opened: say why, without promising a retry.
fn fail_open(lang: Lang, e: &huiwu::store::StoreError) -> ExitCode {
    eprintln!("huiwu: {}", i18n::open_error(lang, e));
    ExitCode::FAILURE
}

/// The database the console runs on, and for whom.
struct Who<'a> {
    db: &'a std::path::Path,
    lang: Lang,
    operator: &'a str,
    /// The file or its folder cannot be written.
    read_only: bool,
}

fn console(
    mut store: Store,
    who: &Who<'_>,
    cli: &Cli,
    config: &Config,
    mut notes: Vec<String>,
) -> ExitCode {
    let (db, lang, operator, read_only) = (who.db, who.lang, who.operator, who.read_only);
    let clock = SystemClock;
    let empty = matches!(store.latest_meeting(), Ok(None));
    // The head file beside the database: commits lost since the last start (the -wal
    // deleted after a crash) or rows added outside the program are said at once.
    let head = if read_only {
        store.head_state()
    } else {
        store.settle_head()
    };
    let warnings: Vec<String> = match &head {
        Ok(state) => i18n::head_warning(lang, state).into_iter().collect(),
        Err(e) => vec![i18n::store_error(lang, e)],
    };
    if read_only {
        notes.insert(0, lang.t(&i18n::READ_ONLY_NOTE).to_string());
    } else if empty {
        match huiwu::demo::load(&mut store, clock.now()) {
            Ok(_) => notes.insert(0, lang.t(&i18n::DEMO_LOADED).to_string()),
            Err(e) => return fail(lang, &e),
        }
    }
    let theme_name = cli
        .theme
        .clone()
        .or(config.theme.clone())
        .unwrap_or_else(|| "dark".into());
    let theme = Theme::load(&theme_name, config::themes_dir().as_deref()).unwrap_or_else(|e| {
        notes.push(format!("theme: {e}"));
        Theme::default()
    });
    let (keymap, problems) = Keymap::with_overrides(&config.keys);
    let file = config::config_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "config.toml".into());
    notes.extend(problems.into_iter().map(|(name, p)| {
        let line = config
            .key_lines
            .get(&name)
            .map(|l| format!(":{l}"))
            .unwrap_or_default();
        format!(
            "config.toml: {file}{line}: {}",
            i18n::binding_problem(lang, &p)
        )
    }));
    let writer = if read_only {
        None
    } else {
        match Writer::spawn(db, operator, huiwu::store::DEFAULT_BUSY_TIMEOUT) {
            Ok(w) => Some(w),
            Err(e) => {
                notes.push(i18n::store_error(lang, &e));
                None
            }
        }
    };
    let settings = Settings {
        lang,
        theme,
        keymap,
        writer,
    };
    let mut app = match App::new(store, settings, Box::new(clock)) {
        Ok(a) => a,
        Err(e) => return fail(lang, &e),
    };
    app.ctx.read_only = read_only;
    app.ctx.lock_after = config.lock_after();
    if !read_only {
        // Automatic backups on a thread of their own (issue 10).
        let every = huiwu::store::keeper::EVERY;
        app.ctx.backups = Some(huiwu::store::keeper::Keeper::start(db, every));
    }
    if !notes.is_empty() || !warnings.is_empty() {
        let error = !warnings.is_empty()
            || notes
                .iter()
                .any(|n| n.starts_with("config") || n.starts_with("theme"));
        let text = warnings
            .into_iter()
            .chain(notes)
            .collect::<Vec<_>>()
            .join(" · ");
        if error {
            app.ctx.warn(text)
        } else {
            app.ctx.say(text)
        }
    }
    let ended = run(&mut app);
    // The user quit and waited; a signal or a closed terminal leaves no one to wait for.
    let settled = app.leaving.written.is_some() || app.leaving.discarded;
    let wait = match ended {
        Ok(Ended::Quit) if !settled => huiwu::app::FINISH_WAIT,
        _ => std::time::Duration::from_secs(1),
    };
    let unsaved = app.finish_within(wait);
    let lost = !unsaved.is_empty();
    match (&app.leaving.written, lost) {
        // Everything reached the database after all: the emergency file is not needed.
        (Some(path), false) => {
            let _ = std::fs::remove_file(path);
        }
        (Some(path), true) => eprintln!(
            "huiwu: {}",
            i18n::unsaved_file(lang, &path.display().to_string())
        ),
        (None, true) if app.leaving.discarded => {
            let n = huiwu::app::leaving::unsaved_chars(&app.ctx.store, &unsaved);
            eprintln!("huiwu: {}", i18n::discarded(lang, n))
        }
        (None, true) => match app.write_emergency(&unsaved) {
            Ok(path) => eprintln!(
                "huiwu: {}",
                i18n::unsaved_file(lang, &path.display().to_string())
            ),
            Err(_) => eprintln!("huiwu: {}", lang.t(&i18n::UNSAVED_LOST)),
        },
        (None, false) => {}
    }
    match ended {
        // Anything that did not reach the database makes the exit status say so.
        Ok(Ended::Quit | Ended::Signal | Ended::TerminalGone(_)) if lost => ExitCode::FAILURE,
        Ok(Ended::Quit | Ended::Signal | Ended::TerminalGone(_)) => ExitCode::SUCCESS,
        Ok(Ended::Panic(why)) => {
            eprintln!("huiwu: {} ({why})", lang.t(&i18n::PANICKED));
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("huiwu: {e}");
            ExitCode::FAILURE
        }
    }
}
