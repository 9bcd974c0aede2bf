use huiwu::theme::*;
use ratatui::style::{Color, Modifier, Style};

const NAMES: &[&str] = &[
    "base",
    "border",
    "border.focused",
    "title",
    "title.focused",
    "header",
    "selected",
    "muted",
    "statusbar",
    "statusbar.saved",
    "statusbar.saving",
    "statusbar.failed",
    "footer.key",
    "footer.text",
    "message.info",
    "message.error",
    "flag.ok",
    "flag.warn",
    "flag.late",
    "flag.leave",
    "flag.absent",
    "flag.left",
    "waiting.expected",
    "waiting.arrived",
    "waiting.missing",
    "waiting.called",
    "topic.current",
    "topic.done",
    "step.current",
    "step.done",
    "step.pending",
    "editor.text",
    "editor.cursorline",
    "editor.selection",
    "editor.search",
    "speaker",
    "timestamp",
    "modal.border",
    "modal.title",
    "help.key",
    "help.text",
];

fn is_plain(c: Option<Color>) -> bool {
    matches!(c, None | Some(Color::Reset))
}

#[test]
fn every_builtin_parses_and_defines_every_style() {
    for (name, text) in BUILTIN {
        let theme = match Theme::parse(text) {
            Ok(t) => t,
            Err(e) => panic!("built-in theme {name} does not parse: {e}"),
        };
        for style in NAMES {
            assert!(theme.defines(style), "theme {name} does not define {style}");
        }
        assert_eq!(
            Theme::builtin(name).map(|t| t.name().to_string()),
            Some(name.to_string())
        );
    }
}

#[test]
fn flags_look_different_from_each_other_in_every_builtin() {
    let groups: &[&[&str]] = &[
        &[
            "flag.ok",
            "flag.warn",
            "flag.late",
            "flag.leave",
            "flag.absent",
            "flag.left",
        ],
        &[
            "waiting.expected",
            "waiting.arrived",
            "waiting.missing",
            "waiting.called",
        ],
        &["step.current", "step.done", "step.pending"],
    ];
    for (name, _) in BUILTIN {
        let theme = Theme::builtin(name).unwrap();
        for group in groups {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    assert_ne!(theme.style(a), theme.style(b), "{name}: {a} looks like {b}");
                }
            }
        }
    }
}

#[test]
fn mono_uses_no_colour_at_all() {
    let mono = Theme::builtin("mono").unwrap();
    for (key, style) in mono.styles() {
        assert!(is_plain(style.fg), "mono {key} has fg {:?}", style.fg);
        assert!(is_plain(style.bg), "mono {key} has bg {:?}", style.bg);
        assert!(
            is_plain(style.underline_color),
            "mono {key} has underline colour"
        );
    }
    // The states people must tell apart still differ, through modifiers alone.
    assert!(
        mono.style("flag.late")
            .add_modifier
            .contains(Modifier::REVERSED)
    );
    assert!(
        mono.style("selected")
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn default_is_dark() {
    let theme = Theme::default();
    assert_eq!(theme.name(), "dark");
    assert_eq!(
        theme.style("flag.late"),
        Theme::builtin("dark").unwrap().style("flag.late")
    );
    assert!(theme.style("base").bg.is_some());
}

#[test]
fn lookup_falls_back_along_the_dots() {
    let theme = Theme::parse(
        r##"
        [palette]
        red = "#ff0000"
        [styles]
        base = { fg = "white" }
        flag = "red"
        "flag.late" = { fg = "red", modifiers = ["bold"] }
        "##,
    )
    .unwrap();
    let red = Color::Rgb(255, 0, 0);
    assert_eq!(theme.style("flag.late").add_modifier, Modifier::BOLD);
    assert_eq!(theme.style("flag.late.very").fg, Some(red));
    assert_eq!(theme.style("flag.late.very").add_modifier, Modifier::BOLD);
    assert_eq!(theme.style("flag.warn"), Style::default().fg(red));
    assert_eq!(
        theme.style("nothing.like.this"),
        Style::default().fg(Color::White)
    );
    assert_eq!(theme.style(""), Style::default().fg(Color::White));
    assert_eq!(theme.style("..."), Style::default().fg(Color::White));
}

#[test]
fn unquoted_dotted_keys_mean_the_same_as_quoted_ones() {
    let theme = Theme::parse(
        "[styles]\nbase = \"white\"\nflag.late = \"red\"\n[styles.step]\ndone = { modifiers = \"dim\" }\n",
    )
    .unwrap();
    assert_eq!(theme.style("flag.late").fg, Some(Color::Red));
    // `flag` itself was not defined, so a sibling falls back to base.
    assert_eq!(theme.style("flag.ok").fg, Some(Color::White));
    assert_eq!(theme.style("step.done").add_modifier, Modifier::DIM);
}

#[test]
fn user_override_of_one_key_changes_only_that_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dark.toml"),
        "[styles]\n\"flag.late\" = { fg = \"magenta\" }\n",
    )
    .unwrap();
    let user = Theme::load("dark", Some(dir.path())).unwrap();
    let dark = Theme::builtin("dark").unwrap();
    assert_eq!(user.style("flag.late"), Style::default().fg(Color::Magenta));
    for name in NAMES.iter().filter(|n| **n != "flag.late") {
        assert_eq!(user.style(name), dark.style(name), "{name} changed");
    }
}

#[test]
fn user_palette_override_recolours_every_style_using_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dark.toml"),
        "[palette]\nred = \"#aa0000\"\n",
    )
    .unwrap();
    let user = Theme::load("dark", Some(dir.path())).unwrap();
    assert_eq!(user.style("flag.late").fg, Some(Color::Rgb(0xaa, 0, 0)));
    assert_eq!(
        user.style("statusbar.failed").bg,
        Some(Color::Rgb(0xaa, 0, 0))
    );
    assert_eq!(
        user.style("flag.ok"),
        Theme::builtin("dark").unwrap().style("flag.ok")
    );
}

#[test]
fn new_user_theme_inherits_what_it_names_or_dark() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.toml"),
        "[styles]\nspeaker = \"blue\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("paper.toml"),
        "inherits = \"light\"\n[styles]\nspeaker = \"blue\"\n",
    )
    .unwrap();
    let mine = Theme::load("mine", Some(dir.path())).unwrap();
    assert_eq!(mine.name(), "mine");
    assert_eq!(mine.style("speaker").fg, Some(Color::Blue));
    assert_eq!(
        mine.style("base"),
        Theme::builtin("dark").unwrap().style("base")
    );
    let paper = Theme::load("paper", Some(dir.path())).unwrap();
    assert_eq!(
        paper.style("base"),
        Theme::builtin("light").unwrap().style("base")
    );
}

#[test]
fn builtin_used_when_user_dir_has_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let light = Theme::load("light", Some(dir.path())).unwrap();
    assert_eq!(
        light.style("base"),
        Theme::builtin("light").unwrap().style("base")
    );
    assert_eq!(Theme::load("mono", None).unwrap().name(), "mono");
}

#[test]
fn unknown_theme_names_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["solarized", "", "../dark", ".hidden"] {
        match Theme::load(name, Some(dir.path())) {
            Err(ThemeError::Unknown(n)) => assert_eq!(n, name),
            other => panic!("{name}: expected Unknown, got {other:?}"),
        }
    }
    assert!(Theme::builtin("solarized").is_none());
}

#[test]
fn syntax_error_reports_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dark.toml");
    std::fs::write(&path, "[palette]\nred = \"#ff0000\"\n\n[styles\n").unwrap();
    let err = Theme::load("dark", Some(dir.path())).unwrap_err();
    assert_eq!(err.line(), Some(4));
    assert_eq!(err.path(), Some(path.as_path()));
    let shown = err.to_string();
    assert!(shown.contains(&format!("{}:4:", path.display())), "{shown}");
}

#[test]
fn bad_colour_is_reported_with_its_key_and_line() {
    let err = Theme::parse("[styles]\nbase = \"white\"\n\"flag.late\" = { fg = \"redd\" }\n")
        .unwrap_err();
    match &err {
        ThemeError::BadColour { key, value, .. } => {
            assert_eq!(key, "styles.flag.late.fg");
            assert_eq!(value, "redd");
        }
        other => panic!("expected BadColour, got {other:?}"),
    }
    assert_eq!(err.line(), Some(3));
    assert!(err.to_string().contains("styles.flag.late.fg"));

    let err = Theme::parse("[palette]\naccent = \"#12345\"\n").unwrap_err();
    assert!(matches!(&err, ThemeError::BadColour { key, .. } if key == "palette.accent"));
    assert_eq!(err.line(), Some(2));
}

#[test]
fn bad_modifier_and_bad_shape_are_reported() {
    let err = Theme::parse("[styles]\nbase = { modifiers = [\"blod\"] }\n").unwrap_err();
    assert!(
        matches!(&err, ThemeError::BadModifier { key, value, .. } if key == "base.modifiers" && value == "blod")
    );
    let err = Theme::parse("[styles]\nbase = 3\n").unwrap_err();
    assert!(matches!(&err, ThemeError::BadStyle { key, .. } if key == "base"));
    assert_eq!(err.line(), Some(2));
    let err = Theme::parse("colours = 1\n").unwrap_err();
    assert!(err.to_string().contains("colours"), "{err}");
    assert_eq!(err.line(), Some(1));
}

#[test]
fn bad_inherits_is_reported() {
    let err = Theme::parse("\ninherits = \"nope\"\n").unwrap_err();
    assert!(matches!(&err, ThemeError::UnknownParent { parent, .. } if parent == "nope"));
    assert_eq!(err.line(), Some(2));
}
