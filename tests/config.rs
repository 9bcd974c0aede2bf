use huiwu::config::*;
use std::ffi::OsString;
use std::path::PathBuf;

#[test]
fn good_file_is_read() {
    let cfg = Config::parse(
        "lang = \"zh\"\ntheme = \"mono\"\noperator = \"王秘书\"\n\n[keys]\n\"check_in.now\" = \"Ctrl-n\"\nquit = \"q\"\n",
    )
    .unwrap();
    assert_eq!(cfg.lang.as_deref(), Some("zh"));
    assert_eq!(cfg.theme.as_deref(), Some("mono"));
    assert_eq!(cfg.operator.as_deref(), Some("王秘书"));
    assert_eq!(
        cfg.keys.get("check_in.now").map(String::as_str),
        Some("Ctrl-n")
    );
    assert_eq!(cfg.keys.get("quit").map(String::as_str), Some("q"));
}

#[test]
fn empty_and_missing_files_give_defaults() {
    let cfg = Config::parse("").unwrap();
    assert!(cfg.lang.is_none() && cfg.theme.is_none() && cfg.keys.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let cfg = Config::load(&dir.path().join("config.toml")).unwrap();
    assert!(cfg.lang.is_none() && cfg.operator.is_none() && cfg.keys.is_empty());
}

#[test]
fn loads_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "theme = \"light\"\n").unwrap();
    assert_eq!(Config::load(&path).unwrap().theme.as_deref(), Some("light"));
}

#[test]
fn syntax_error_on_line_3_reports_line_3_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "lang = \"en\"\ntheme = \"dark\"\noperator = \"Li\n").unwrap();
    let err = Config::load(&path).unwrap_err();
    assert_eq!(err.line(), Some(3));
    assert_eq!(err.path(), Some(path.as_path()));
    assert!(
        err.to_string().contains(&format!("{}:3:", path.display())),
        "{err}"
    );
}

#[test]
fn wrong_type_reports_its_line() {
    let err = Config::parse("lang = \"en\"\n[keys]\nquit = 5\n").unwrap_err();
    assert!(matches!(err, ConfigError::Syntax { .. }));
    assert_eq!(err.line(), Some(3));
}

#[test]
fn unknown_key_is_named_with_its_line() {
    let err = Config::parse("lang = \"en\"\n\ncolour = \"red\"\n").unwrap_err();
    match &err {
        ConfigError::UnknownKey { key, line, .. } => {
            assert_eq!(key, "colour");
            assert_eq!(*line, Some(3));
        }
        other => panic!("expected UnknownKey, got {other:?}"),
    }
    assert!(err.to_string().contains("colour"));
    // An unknown table is reported the same way.
    let err = Config::parse("[key]\nquit = \"q\"\n").unwrap_err();
    assert!(matches!(&err, ConfigError::UnknownKey { key, .. } if key == "key"));
    assert_eq!(err.line(), Some(1));
}

#[test]
fn config_dir_honours_the_environment() {
    let dir = config_dir_from(Some(OsString::from("/tmp/huiwu-test"))).unwrap();
    assert_eq!(dir, PathBuf::from("/tmp/huiwu-test"));
    // Unset or empty: the platform directory, which ends in huiwu wherever it is.
    if let Some(dir) = config_dir_from(Some(OsString::new())) {
        assert!(dir.to_string_lossy().to_lowercase().contains("huiwu"));
    }
    assert_eq!(
        config_dir_from(None),
        config_dir_from(Some(OsString::new()))
    );
}

/// Every config example the user is shown (README, the module docs) works when copied:
/// it parses, and each of its key bindings is taken without a problem.
#[test]
fn the_documented_examples_work_when_copied() {
    let readme = include_str!("../README.md");
    let module = include_str!("../src/config.rs");
    let mut examples = Vec::new();
    for (text, start, prefix) in [(readme, "```toml\n", ""), (module, "//! ```toml\n", "//! ")] {
        let mut rest = text;
        while let Some(i) = rest.find(start) {
            let body = &rest[i + start.len()..];
            let end = body.find(&format!("{prefix}```")).unwrap_or(body.len());
            let example: String = body[..end]
                .lines()
                .map(|l| {
                    l.strip_prefix(prefix.trim_end())
                        .unwrap_or(l)
                        .trim_start_matches(' ')
                })
                .collect::<Vec<_>>()
                .join("\n");
            examples.push(example);
            rest = &body[end..];
        }
    }
    assert!(examples.len() >= 2, "no examples found");
    for ex in examples {
        let cfg = Config::parse(&ex).unwrap_or_else(|e| panic!("{e}\n{ex}"));
        let (_, problems) = huiwu::app::keymap::Keymap::with_overrides(&cfg.keys);
        assert!(problems.is_empty(), "{problems:?} in\n{ex}");
        assert!(!cfg.keys.is_empty(), "the example binds a key:\n{ex}");
    }
}

/// One bad line costs only itself: the operator, the language and the good bindings are
/// kept, and the bad one is named with its line.
#[test]
fn a_bad_line_keeps_every_good_setting() {
    let text = "operator = \"高敏\"\nlang = \"en\"\ncolour = \"red\"\n[keys]\n\"check_in.now\" = \"s\"\nquit = 5\n";
    let (cfg, problems) = Config::parse_lenient(text);
    assert_eq!(cfg.operator.as_deref(), Some("高敏"));
    assert_eq!(cfg.lang.as_deref(), Some("en"));
    assert_eq!(cfg.keys.get("check_in.now").map(String::as_str), Some("s"));
    let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line()).collect();
    assert_eq!(lines, vec![Some(3), Some(6)], "{problems:?}");
    // A file that does not even read as TOML keeps its good lines too.
    let broken = "operator = \"高敏\"\ntheme = \"mono\n[keys]\nquit = \"Ctrl-x\"\n";
    let (cfg, problems) = Config::parse_lenient(broken);
    assert_eq!(cfg.operator.as_deref(), Some("高敏"));
    assert_eq!(cfg.keys.get("quit").map(String::as_str), Some("Ctrl-x"));
    assert_eq!(cfg.key_lines.get("quit"), Some(&4));
    assert!(problems.iter().any(|p| p.line() == Some(2)), "{problems:?}");
}

/// A plain letter bound to quit would quit while the recorder types it: refused, named
/// with its line, and the default key kept.
#[test]
fn a_binding_that_would_take_typing_from_the_editor_is_refused_with_its_line() {
    let text = "[keys]\n\"check_in.now\" = \"s\"\nquit = \"q\"\n";
    let (cfg, _) = Config::parse_lenient(text);
    let (km, problems) = huiwu::app::keymap::Keymap::with_overrides(&cfg.keys);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let (name, _) = &problems[0];
    assert_eq!(name, "quit");
    assert_eq!(cfg.key_lines.get(name), Some(&3));
    assert_eq!(
        km.key_for(huiwu::app::action::GlobalAction::Quit.into())
            .map(|k| k.to_string()),
        Some("C-q".to_string())
    );
}
