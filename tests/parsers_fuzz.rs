//! Every parser of outside files, on random input at every `cargo test` (issue 10): the
//! roster CSV, the calendar file, theme and config TOML, emergency files. The same calls
//! as the cargo-fuzz targets in fuzz/ (which run far longer, on nightly): none may panic,
//! and an emergency file that parses writes back to the same thing.
//! `PROPTEST_CASES=100000 cargo test --test parsers_fuzz` for a longer run.
use proptest::prelude::*;

use huiwu::app::keymap::Keymap;
use huiwu::config::Config;
use huiwu::domain::calendar::Calendar;
use huiwu::domain::people_import::parse_people_csv;
use huiwu::emergency::Emergency;
use huiwu::theme::Theme;

/// Text made of the pieces a file of this kind is made of, in any order, so the parser
/// gets past its first line; plus any characters at all.
fn text_of(pieces: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        1 => ".*",
        3 => prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(pieces).prop_map(str::to_string),
                1 => "[ -~]{0,8}",
                1 => "[一-龥]{0,4}",
            ],
            0..60
        )
        .prop_map(|v| v.concat()),
    ]
    .boxed()
}

/// A file of this kind, or any TOML.
fn toml_of(pieces: &'static [&'static str]) -> BoxedStrategy<String> {
    prop_oneof![3 => text_of(pieces), 1 => text_of(TOML)].boxed()
}

const TOML: &[&str] = &[
    "\n",
    " = ",
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "#",
    "\\",
    "\\u",
    "true",
    "1",
    "-1",
    "2026",
    "2026-10-01",
    "2026-10-01T09:00:00+08:00",
    "0x1f",
    "1e9",
    "nan",
    "\"\"\"",
    "'''",
];

const CSV: &[&str] = &[
    "\n",
    "\r\n",
    ",",
    "\"",
    "\"\"",
    "姓名",
    "职务",
    "部门",
    "电话",
    "王建国",
    "局长",
    "局领导",
    "0477-7512345",
    "\u{feff}",
    " ",
    "wjg",
    "name,title,department,phone\n",
];

const CALENDAR: &[&str] = &[
    "year = 2026\n",
    "source = \"国务院办公厅\"\n",
    "[[holiday]]\n",
    "[[makeup]]\n",
    "holidays = [",
    "makeup_days = [",
    "name = \"国庆节\"\n",
    "from = 2026-10-01\n",
    "to = 2026-10-08\n",
    "date = 2026-09-27\n",
    "2026-02-29",
    "]\n",
    "\"2026-10-01\"",
    ", ",
];

const THEME: &[&str] = &[
    "name = \"x\"\n",
    "inherits = \"dark\"\n",
    "inherits = \"nope\"\n",
    "[palette]\n",
    "[styles]\n",
    "base = ",
    "\"#ff0000\"",
    "\"red\"",
    "{ fg = \"red\", bg = \"blue\" }",
    "modifiers = [\"bold\", \"reversed\"]",
    "\"border.focused\" = ",
    "\n",
    "\"#zzz\"",
];

const CONFIG: &[&str] = &[
    "lang = \"zh\"\n",
    "theme = \"mono\"\n",
    "operator = \"高敏\"\n",
    "[keys]\n",
    "\"check_in.now\" = \"s\"\n",
    "quit = \"q\"\n",
    "\"a.b\" = \"C-x\"\n",
    "\"F13\"",
    "\"A-S-↓\"",
    "\"Ctrl-Alt-Delete\"",
    "\"\"",
    "\n",
    "idle_lock_minutes = 10\n",
];

const EMERGENCY: &[&str] = &[
    "database = \"/tmp/huiwu.db\"\n",
    "operator = \"高敏\"\n",
    "written_at = \"2026-11-25T16:52:23+08:00\"\n",
    "[[texts]]\n",
    "what = \"entry 1\"\n",
    "text = \"入冬以来\"\n",
    "[[jobs]]\n",
    "at = \"2026-11-25T16:52:23+08:00\"\n",
    "[[jobs.changes]]\n",
    "change = \"entry_text\"\n",
    "change = \"session\"\n",
    "entry_id = 7\n",
    "text = \"后\"\n",
    "[jobs.changes.session]\n",
    "cursor_row = 1\n",
    "cursor_col = 99999999999\n",
    "change = \"restored\"\n",
    "file = \"x\"\n",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_roster_csv_never_panics(text in text_of(CSV)) {
        let _ = parse_people_csv(&text, &[]);
    }

    #[test]
    fn a_calendar_file_never_panics(text in toml_of(CALENDAR)) {
        let _ = Calendar::parse(&text);
    }

    #[test]
    fn a_theme_file_never_panics(text in toml_of(THEME)) {
        let _ = Theme::parse(&text);
    }

    #[test]
    fn a_config_file_never_panics_and_its_keys_bind_or_are_refused(
        text in toml_of(CONFIG)
    ) {
        let (config, _problems) = Config::parse_lenient(&text);
        let _ = Keymap::with_overrides(&config.keys);
    }

    #[test]
    fn an_emergency_file_never_panics_and_writes_back_the_same(
        text in toml_of(EMERGENCY)
    ) {
        if let Ok(e) = Emergency::parse(&text)
            && let Ok(again) = e.to_toml()
        {
            prop_assert_eq!(Emergency::parse(&again).ok(), Some(e));
        }
    }
}

#[test]
fn the_pieces_reach_past_the_first_line() {
    // The generators are worth their name only if whole files come out of them.
    let ok = Emergency::parse(&EMERGENCY[..3].concat());
    assert!(ok.is_ok(), "{ok:?}");
    assert!(Config::parse(&CONFIG[..3].concat()).is_ok());
    assert!(Theme::parse(&THEME[..2].concat()).is_ok());
}
