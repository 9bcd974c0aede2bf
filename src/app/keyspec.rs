//! Key specs such as "Ctrl-s", "Shift-Tab" or "F2": parsed from the config file, matched
//! against crossterm key events and shown in the footer as short labels ("C-s", "S-Tab").
//!
//! Specs are normalised so that a spec and the event a terminal sends for it compare
//! equal: SHIFT is dropped for character keys (the character already carries the case),
//! Shift-Tab is always `BackTab` without SHIFT, and Ctrl+letter is lower case because
//! terminals cannot report Ctrl-Shift-letter separately.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// Named keys: accepted spellings (lower case) and the label shown for them.
const NAMED: &[(&[&str], KeyCode, &str)] = &[
    (&["enter", "return", "ret", "cr"], KeyCode::Enter, "Enter"),
    (&["esc", "escape"], KeyCode::Esc, "Esc"),
    (&["tab"], KeyCode::Tab, "Tab"),
    (&["backtab"], KeyCode::BackTab, "S-Tab"),
    (&["space", "spc"], KeyCode::Char(' '), "Space"),
    (&["backspace", "bksp", "bs"], KeyCode::Backspace, "Bksp"),
    (&["delete", "del"], KeyCode::Delete, "Del"),
    (&["insert", "ins"], KeyCode::Insert, "Ins"),
    (&["up", "↑"], KeyCode::Up, "↑"),
    (&["down", "↓"], KeyCode::Down, "↓"),
    (&["left", "←"], KeyCode::Left, "←"),
    (&["right", "→"], KeyCode::Right, "→"),
    (&["pageup", "pgup"], KeyCode::PageUp, "PgUp"),
    (&["pagedown", "pgdn", "pgdown"], KeyCode::PageDown, "PgDn"),
    (&["home"], KeyCode::Home, "Home"),
    (&["end"], KeyCode::End, "End"),
];

fn modifier(name: &str) -> Option<KeyModifiers> {
    match name.to_lowercase().as_str() {
        "ctrl" | "control" | "c" => Some(KeyModifiers::CONTROL),
        "alt" | "meta" | "option" | "opt" | "a" | "m" => Some(KeyModifiers::ALT),
        "shift" | "s" => Some(KeyModifiers::SHIFT),
        "super" | "cmd" | "win" => Some(KeyModifiers::SUPER),
        _ => None,
    }
}

fn is_sep(c: char) -> bool {
    c == '-' || c == '+'
}

fn key_code(name: &str) -> Option<KeyCode> {
    // Names first: "↑" is a label for Up, not a character key.
    let lower = name.to_lowercase();
    if let Some((_, code, _)) = NAMED
        .iter()
        .find(|(names, _, _)| names.contains(&lower.as_str()))
    {
        return Some(*code);
    }
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=24).contains(&n).then_some(KeyCode::F(n))
}

impl KeySpec {
    /// Parses "a", "Ctrl-s", "Shift-Tab", "F2", "Alt-1", "Ctrl-Shift-Up", "PageDown", "?"…
    /// Names and modifiers are case-insensitive; "-" or "+" separate them ("Ctrl--" is
    /// Ctrl and the minus key). The error names the part that was not understood.
    pub fn parse(s: &str) -> Result<KeySpec, String> {
        let s = s.trim();
        if s.is_empty() {
            return Err("empty key".to_string());
        }
        // The key is the last part; a trailing separator is itself the key when it stands
        // alone or follows another separator ("-", "Ctrl--", "Alt-+").
        let (prefix, key) = match s.char_indices().next_back() {
            Some((i, c)) if is_sep(c) => {
                let before = &s[..i];
                match before.chars().next_back() {
                    None => ("", &s[i..]),
                    Some(p) if is_sep(p) => (&before[..before.len() - p.len_utf8()], &s[i..]),
                    Some(_) => return Err(format!("missing key after `{before}` in `{s}`")),
                }
            }
            _ => match s.rfind(is_sep) {
                Some(i) => (&s[..i], &s[i + 1..]),
                None => ("", s),
            },
        };
        let mut mods = KeyModifiers::NONE;
        if !prefix.is_empty() {
            for part in prefix.split(is_sep) {
                mods |=
                    modifier(part).ok_or_else(|| format!("unknown modifier `{part}` in `{s}`"))?;
            }
        }
        let code = key_code(key).ok_or_else(|| format!("unknown key `{key}` in `{s}`"))?;
        Ok(KeySpec { code, mods }.normalised())
    }

    /// Whether `ev` is this key being pressed (or auto-repeated). Releases never match, so
    /// terminals that report them do not trigger an action twice.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        ev.kind != KeyEventKind::Release && KeySpec::from_event(ev) == self.normalised()
    }

    /// The spec a key event corresponds to, normalised like parsed specs.
    pub fn from_event(ev: &KeyEvent) -> KeySpec {
        KeySpec {
            code: ev.code,
            mods: ev.modifiers,
        }
        .normalised()
    }

    /// A key that types a character where text is being written (no Ctrl, no Alt).
    pub fn is_printable(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER)
    }

    fn normalised(self) -> KeySpec {
        // Only these modifiers can be written in a spec; others (hyper, meta reported by
        // kitty) would make a binding impossible to hit.
        let mut mods = self.mods
            & (KeyModifiers::CONTROL
                | KeyModifiers::ALT
                | KeyModifiers::SHIFT
                | KeyModifiers::SUPER);
        let code = match self.code {
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Char(c) => {
                let shifted = mods.contains(KeyModifiers::SHIFT);
                mods.remove(KeyModifiers::SHIFT);
                let c = if mods.contains(KeyModifiers::CONTROL) {
                    // Terminals send Ctrl-S and Ctrl-s as the same byte.
                    c.to_lowercase().next().unwrap_or(c)
                } else if shifted && c.is_lowercase() {
                    // "Shift-a" is how a user may write "A".
                    c.to_uppercase().next().unwrap_or(c)
                } else {
                    c
                };
                KeyCode::Char(c)
            }
            other => other,
        };
        KeySpec { code, mods }
    }
}

impl fmt::Display for KeySpec {
    /// Short footer label: "C-s", "A-1", "S-Tab", "F2", "↑", "PgDn", "Space".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (m, label) in [
            (KeyModifiers::SUPER, "Super-"),
            (KeyModifiers::CONTROL, "C-"),
            (KeyModifiers::ALT, "A-"),
            (KeyModifiers::SHIFT, "S-"),
        ] {
            if self.mods.contains(m) {
                f.write_str(label)?;
            }
        }
        if let Some((_, _, label)) = NAMED.iter().find(|(_, code, _)| *code == self.code) {
            return f.write_str(label);
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn spec(s: &str) -> KeySpec {
        KeySpec::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn parses_plain_and_named_keys() {
        let none = KeyModifiers::NONE;
        let cases = [
            ("a", KeyCode::Char('a'), none),
            ("A", KeyCode::Char('A'), none),
            ("?", KeyCode::Char('?'), none),
            ("/", KeyCode::Char('/'), none),
            ("-", KeyCode::Char('-'), none),
            ("+", KeyCode::Char('+'), none),
            ("签", KeyCode::Char('签'), none),
            ("Enter", KeyCode::Enter, none),
            ("esc", KeyCode::Esc, none),
            ("TAB", KeyCode::Tab, none),
            ("Space", KeyCode::Char(' '), none),
            ("F1", KeyCode::F(1), none),
            ("f12", KeyCode::F(12), none),
            ("Up", KeyCode::Up, none),
            ("Down", KeyCode::Down, none),
            ("Left", KeyCode::Left, none),
            ("Right", KeyCode::Right, none),
            ("PageUp", KeyCode::PageUp, none),
            ("PageDown", KeyCode::PageDown, none),
            ("Home", KeyCode::Home, none),
            ("End", KeyCode::End, none),
            ("Backspace", KeyCode::Backspace, none),
            ("Delete", KeyCode::Delete, none),
        ];
        for (text, code, mods) in cases {
            assert_eq!(spec(text), KeySpec { code, mods }, "{text}");
        }
    }

    #[test]
    fn parses_modifiers_case_insensitively() {
        assert_eq!(
            spec("Ctrl-s"),
            KeySpec {
                code: KeyCode::Char('s'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert_eq!(spec("ctrl-S"), spec("Ctrl-s"));
        assert_eq!(spec("CONTROL+s"), spec("Ctrl-s"));
        assert_eq!(
            spec("Alt-1"),
            KeySpec {
                code: KeyCode::Char('1'),
                mods: KeyModifiers::ALT
            }
        );
        assert_eq!(
            spec("Ctrl-Shift-Up"),
            KeySpec {
                code: KeyCode::Up,
                mods: KeyModifiers::CONTROL | KeyModifiers::SHIFT
            }
        );
        assert_eq!(
            spec("Ctrl--"),
            KeySpec {
                code: KeyCode::Char('-'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert_eq!(spec("Shift-a"), spec("A"));
    }

    #[test]
    fn shift_tab_is_backtab_however_written() {
        let back = KeySpec {
            code: KeyCode::BackTab,
            mods: KeyModifiers::NONE,
        };
        assert_eq!(spec("Shift-Tab"), back);
        assert_eq!(spec("S-Tab"), back);
        assert_eq!(spec("BackTab"), back);
        assert!(back.matches(&key(KeyCode::BackTab, KeyModifiers::SHIFT)));
        assert!(back.matches(&key(KeyCode::BackTab, KeyModifiers::NONE)));
        assert!(back.matches(&key(KeyCode::Tab, KeyModifiers::SHIFT)));
        assert!(!back.matches(&key(KeyCode::Tab, KeyModifiers::NONE)));
    }

    #[test]
    fn errors_name_the_bad_part() {
        let err = KeySpec::parse("Crtl-s").unwrap_err();
        assert!(err.contains("`Crtl`"), "{err}");
        let err = KeySpec::parse("Ctrl-Foo").unwrap_err();
        assert!(err.contains("`Foo`"), "{err}");
        let err = KeySpec::parse("F13x").unwrap_err();
        assert!(err.contains("`F13x`"), "{err}");
        assert!(KeySpec::parse("F0").is_err());
        assert!(KeySpec::parse("").is_err());
        assert!(KeySpec::parse("Ctrl-").unwrap_err().contains("missing key"));
    }

    #[test]
    fn matching_ignores_shift_on_characters() {
        let upper = spec("A");
        assert!(upper.matches(&key(KeyCode::Char('A'), KeyModifiers::SHIFT)));
        assert!(upper.matches(&key(KeyCode::Char('A'), KeyModifiers::NONE)));
        assert!(!upper.matches(&key(KeyCode::Char('a'), KeyModifiers::NONE)));
        let question = spec("?");
        assert!(question.matches(&key(KeyCode::Char('?'), KeyModifiers::SHIFT)));
        let save = spec("Ctrl-s");
        assert!(save.matches(&key(KeyCode::Char('s'), KeyModifiers::CONTROL)));
        assert!(save.matches(&key(
            KeyCode::Char('S'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT
        )));
        assert!(!save.matches(&key(KeyCode::Char('s'), KeyModifiers::NONE)));
        assert!(!save.matches(&key(KeyCode::Char('s'), KeyModifiers::ALT)));
        // Shift still counts for keys that have no case.
        assert!(!spec("Up").matches(&key(KeyCode::Up, KeyModifiers::SHIFT)));
        assert!(spec("Shift-Up").matches(&key(KeyCode::Up, KeyModifiers::SHIFT)));
    }

    #[test]
    fn key_release_does_not_match() {
        let mut ev = key(KeyCode::Enter, KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert!(!spec("Enter").matches(&ev));
        ev.kind = KeyEventKind::Repeat;
        assert!(spec("Enter").matches(&ev));
    }

    #[test]
    fn from_event_normalises_like_parse() {
        assert_eq!(
            KeySpec::from_event(&key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            spec("Shift-Tab")
        );
        assert_eq!(
            KeySpec::from_event(&key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            spec("G")
        );
        assert_eq!(
            KeySpec::from_event(&key(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            spec("Ctrl-n")
        );
    }

    #[test]
    fn footer_labels_are_short() {
        let cases = [
            ("Enter", "Enter"),
            ("Tab", "Tab"),
            ("Shift-Tab", "S-Tab"),
            ("F2", "F2"),
            ("Ctrl-s", "C-s"),
            ("Alt-1", "A-1"),
            ("Up", "↑"),
            ("Down", "↓"),
            ("Left", "←"),
            ("Right", "→"),
            ("PageUp", "PgUp"),
            ("PageDown", "PgDn"),
            ("Esc", "Esc"),
            ("Space", "Space"),
            ("a", "a"),
            ("Ctrl-Shift-Up", "C-S-↑"),
        ];
        for (text, label) in cases {
            assert_eq!(spec(text).to_string(), label, "{text}");
        }
    }

    #[test]
    fn labels_parse_back_to_the_same_key() {
        for text in [
            "Enter",
            "Tab",
            "Shift-Tab",
            "F2",
            "F12",
            "Ctrl-s",
            "Alt-1",
            "Up",
            "Down",
            "Left",
            "Right",
            "PageUp",
            "PageDown",
            "Home",
            "End",
            "Esc",
            "Space",
            "a",
            "A",
            "?",
            "-",
            "Ctrl--",
            "Ctrl-Shift-Up",
            "Alt-Enter",
            "Backspace",
            "Delete",
            "Insert",
            "Super-k",
        ] {
            let original = spec(text);
            assert_eq!(
                spec(&original.to_string()),
                original,
                "{text} -> {original}"
            );
        }
    }
}
