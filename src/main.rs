//! huiwu: the command line. Opens the store, then runs the console or a subcommand.
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use huiwu::app::keymap::Keymap;
use huiwu::app::run::{Ended, run};
use huiwu::app::{App, Settings, SystemClock};
use huiwu::config::{self, Config};
use huiwu::domain::Clock;
use huiwu::export::{self, Format};
use huiwu::i18n::{self, Lang};
use huiwu::store::Store;
use huiwu::store::writer::Writer;
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
    /// Load the demo meeting into the database (does nothing if it is there already).
    Demo,
    /// Check the database's integrity: prints ok or what is wrong (exit 0 / 1).
    Check,
    /// Write one of the meeting's papers to stdout or a file.
    Export {
        #[command(subcommand)]
        paper: Paper,
    },
}

#[derive(Subcommand)]
enum Paper {
    /// The sign-in sheet and attendance report (R5.1, R8.2).
    Attendance(ExportArgs),
    /// The verbatim record: five steps per topic, speakers, times, decisions (R5.2, R6).
    Record(ExportArgs),
    /// The agenda: topics in order with departments, deputies, sitting-in people (R2.1).
    Agenda(ExportArgs),
    /// The blank sign-in sheet: names by role, columns for time and signature (R5.1).
    SigninSheet(ExportArgs),
    /// The meeting notice for a department (all departments when none is named, R4.3).
    Notice {
        #[command(flatten)]
        args: ExportArgs,
        /// The department the notice is for.
        #[arg(long)]
        department: Option<String>,
    },
}

#[derive(clap::Args)]
struct ExportArgs {
    /// A meeting id, `latest` (the most recent by date), or a date (YYYY-MM-DD).
    #[arg(long, default_value = "latest")]
    meeting: String,
    /// md or txt.
    #[arg(long, default_value = "md")]
    format: String,
    /// Write to this file instead of stdout.
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut notes: Vec<String> = Vec::new();
    let config = match config::config_path() {
        Some(p) => Config::load(&p).unwrap_or_else(|e| {
            notes.push(format!("config.toml: {e}"));
            Config::default()
        }),
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
    let Some(db) = cli.db.clone().or_else(default_db) else {
        eprintln!("{}", lang.t(&i18n::NO_DATA_DIR));
        return ExitCode::FAILURE;
    };
    let mut store = match Store::open(&db, &operator) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("huiwu: {}", i18n::store_error(lang, &e));
            return ExitCode::FAILURE;
        }
    };
    let clock = SystemClock;
    match cli.command {
        Some(Command::Demo) => match huiwu::demo::load(&mut store, clock.now()) {
            Ok(id) => {
                println!("{}", i18n::demo_ready(lang, id));
                ExitCode::SUCCESS
            }
            Err(e) => fail(lang, &e),
        },
        Some(Command::Check) => match store.check() {
            Ok(p) if p.is_empty() => {
                println!("ok");
                ExitCode::SUCCESS
            }
            Ok(p) => {
                for line in p {
                    println!("{line}");
                }
                ExitCode::FAILURE
            }
            Err(e) => fail(lang, &e),
        },
        Some(Command::Export { paper }) => export_paper(&store, paper, lang, clock.now()),
        None => console(store, &db, &cli, &config, lang, &operator, notes),
    }
}

fn default_db() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "huiwu").map(|d| d.data_dir().join("huiwu.db"))
}

fn fail(lang: Lang, e: &huiwu::store::StoreError) -> ExitCode {
    eprintln!("huiwu: {}", i18n::store_error(lang, e));
    ExitCode::FAILURE
}

fn export_paper(store: &Store, paper: Paper, lang: Lang, now: huiwu::domain::Time) -> ExitCode {
    let (args, department) = match &paper {
        Paper::Attendance(a) | Paper::Record(a) | Paper::Agenda(a) | Paper::SigninSheet(a) => {
            (a, None)
        }
        Paper::Notice { args, department } => (args, department.as_deref()),
    };
    let Some(format) = Format::parse(&args.format) else {
        eprintln!("huiwu: {}", i18n::bad_format(lang, &args.format));
        return ExitCode::from(2);
    };
    let meeting = match export::resolve_meeting(store, &args.meeting) {
        Ok(Some(m)) => m,
        Ok(None) => {
            eprintln!("huiwu: {}", i18n::no_meeting(lang, &args.meeting));
            return ExitCode::FAILURE;
        }
        Err(e) => return fail(lang, &e),
    };
    if let Some(d) = department {
        match export::notice_departments(store, meeting.id, now) {
            Ok(all) if all.iter().any(|x| x == d) => {}
            Ok(_) => {
                eprintln!("huiwu: {}", i18n::no_department(lang, d));
                return ExitCode::FAILURE;
            }
            Err(e) => return fail(lang, &e),
        }
    }
    let text = match &paper {
        Paper::Record(_) => export::record(store, meeting.id, lang, format, now),
        Paper::Attendance(_) => export::attendance(store, meeting.id, lang, format, now),
        Paper::Agenda(_) => export::agenda(store, meeting.id, lang, format, now),
        Paper::SigninSheet(_) => export::signin_sheet(store, meeting.id, lang, format, now),
        Paper::Notice { .. } => export::notice(store, meeting.id, department, lang, format, now),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => return fail(lang, &e),
    };
    match &args.output {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        // Papers are for their owner only (R8.1): 0600, never through a link.
        Some(path) => match export::write_private(path, text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!(
                    "huiwu: {}",
                    i18n::export_failed(lang, &path.display().to_string(), &e.to_string())
                );
                ExitCode::FAILURE
            }
        },
    }
}

fn console(
    mut store: Store,
    db: &std::path::Path,
    cli: &Cli,
    config: &Config,
    lang: Lang,
    operator: &str,
    mut notes: Vec<String>,
) -> ExitCode {
    let clock = SystemClock;
    let empty = matches!(store.latest_meeting(), Ok(None));
    if empty {
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
    notes.extend(
        problems
            .into_iter()
            .map(|(_, p)| format!("config.toml: {}", i18n::binding_problem(lang, &p))),
    );
    let writer = match Writer::spawn(db, operator, huiwu::store::DEFAULT_BUSY_TIMEOUT) {
        Ok(w) => Some(w),
        Err(e) => {
            notes.push(i18n::store_error(lang, &e));
            None
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
    if !notes.is_empty() {
        let error = notes
            .iter()
            .any(|n| n.starts_with("config") || n.starts_with("theme"));
        let text = notes.join(" · ");
        if error {
            app.ctx.warn(text)
        } else {
            app.ctx.say(text)
        }
    }
    let ended = run(&mut app);
    let unsaved = app.finish();
    let mut lost = false;
    if !unsaved.is_empty() {
        // The database would not take it: put it in a private file rather than lose it.
        let now = clock.now();
        let e = huiwu::emergency::Emergency::new(db, operator, now, &unsaved);
        match huiwu::emergency::write(db, &e) {
            Ok(path) => eprintln!(
                "huiwu: {}",
                i18n::unsaved_file(lang, &path.display().to_string())
            ),
            Err(_) => eprintln!("huiwu: {}", lang.t(&i18n::UNSAVED_LOST)),
        }
        lost = true;
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
