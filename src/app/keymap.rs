//! One table of keys for the whole program, assembled from the global keys and each
//! screen's own table. The key handling, the footer and the F1 help are all read from it,
//! so they can never disagree (R9.3).
use crossterm::event::KeyEvent;

use super::action::{Action, GlobalAction};
use super::backoffice;
use super::console;
use super::followup;
use super::keyspec::KeySpec;
use crate::i18n::Tr;

/// Where a key applies: everywhere, a whole screen ("console"), or one pane of a screen
/// ("console.check_in").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Context(pub &'static str);

impl Context {
    pub const GLOBAL: Context = Context("global");
}

/// A default binding as a screen declares it.
pub struct KeyDef {
    pub context: Context,
    pub key: &'static str,
    pub action: Action,
    pub label: Tr,
    /// Shown in the footer (otherwise only in F1 help).
    pub footer: bool,
}

impl KeyDef {
    pub const fn new(
        context: Context,
        key: &'static str,
        action: Action,
        label: Tr,
        footer: bool,
    ) -> Self {
        Self {
            context,
            key,
            action,
            label,
            footer,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub context: Context,
    pub key: KeySpec,
    pub action: Action,
    pub label: Tr,
    pub footer: bool,
}

#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
    /// Every context with its title, in the order F1 help lists them.
    pub contexts: Vec<(Context, Tr)>,
}

const G: Context = Context::GLOBAL;

/// The keys that work on every screen.
const GLOBAL_KEYS: &[KeyDef] = {
    use GlobalAction as A;
    &[
        KeyDef::new(G, "F1", Action::Global(A::Help), Tr("帮助", "Help"), true),
        KeyDef::new(
            G,
            "F2",
            Action::Global(A::Console),
            Tr("会场", "Console"),
            false,
        ),
        KeyDef::new(
            G,
            "F3",
            Action::Global(A::BackOffice),
            Tr("会务准备", "Back office"),
            false,
        ),
        // The recorder's editor keeps F3 for its speakers: this one reaches the back
        // office from there too.
        KeyDef::new(
            G,
            "Ctrl-o",
            Action::Global(A::BackOffice),
            Tr("会务准备", "Back office"),
            false,
        ),
        KeyDef::new(
            G,
            "F4",
            Action::Global(A::FollowUp),
            Tr("会后落实", "After the meeting"),
            false,
        ),
        KeyDef::new(
            G,
            "Tab",
            Action::Global(A::NextPane),
            Tr("切换窗格", "Next pane"),
            true,
        ),
        KeyDef::new(
            G,
            "Shift-Tab",
            Action::Global(A::PrevPane),
            Tr("上一窗格", "Prev pane"),
            false,
        ),
        KeyDef::new(
            G,
            "F9",
            Action::Global(A::ToggleLang),
            Tr("中/EN", "中/EN"),
            false,
        ),
        KeyDef::new(
            G,
            "Ctrl-s",
            Action::Global(A::SaveNow),
            Tr("保存", "Save"),
            false,
        ),
        KeyDef::new(
            G,
            "Ctrl-q",
            Action::Global(A::Quit),
            Tr("退出", "Quit"),
            true,
        ),
        KeyDef::new(
            G,
            "Ctrl-c",
            Action::Global(A::Quit),
            Tr("退出", "Quit"),
            false,
        ),
        // After quitting in the footer: where the row is too narrow for both, the way
        // out stays in view; F1 help always lists it (issue 10).
        KeyDef::new(G, "F12", Action::Global(A::Lock), Tr("锁屏", "Lock"), true),
    ]
};

/// The default tables, global first, then one per screen.
fn default_tables() -> Vec<&'static [KeyDef]> {
    let mut tables = vec![GLOBAL_KEYS, console::KEYS];
    tables.extend_from_slice(backoffice::TABLES);
    tables.push(followup::KEYS);
    tables
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = default_tables()
            .into_iter()
            .flatten()
            .filter_map(|d| {
                Some(Binding {
                    context: d.context,
                    key: KeySpec::parse(d.key).ok()?,
                    action: d.action,
                    label: d.label,
                    footer: d.footer,
                })
            })
            .collect();
        let mut contexts = vec![(Context::GLOBAL, Tr("全局", "Everywhere"))];
        contexts.extend_from_slice(console::CONTEXTS);
        contexts.extend_from_slice(backoffice::CONTEXTS);
        contexts.extend_from_slice(followup::CONTEXTS);
        Self { bindings, contexts }
    }
}

/// Why a `[keys]` line of config.toml was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BindingProblem {
    UnknownAction(String),
    BadKey {
        action: String,
        why: String,
    },
    /// A plain printable key would be taken from the recorder's editor.
    TakesTyping {
        action: String,
        key: String,
    },
}

impl Keymap {
    /// The defaults with the user's `[keys]` applied: each named action gets the given
    /// key in place of its default ones. Returns the problems found, one per bad line.
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> (Self, Vec<(String, BindingProblem)>) {
        let mut map = Self::default();
        let mut problems = Vec::new();
        for (name, spec) in overrides {
            match map.rebind(name, spec) {
                Ok(()) => {}
                Err(p) => problems.push((name.clone(), p)),
            }
        }
        (map, problems)
    }

    fn rebind(&mut self, name: &str, spec: &str) -> Result<(), BindingProblem> {
        let action =
            Action::from_name(name).ok_or_else(|| BindingProblem::UnknownAction(name.into()))?;
        let key = KeySpec::parse(spec).map_err(|why| BindingProblem::BadKey {
            action: name.into(),
            why,
        })?;
        // A plain character typed anywhere the editor listens would never reach the
        // record: only pane keys of panes without text input may be plain characters.
        let takes_typing = key.is_printable()
            && self
                .bindings
                .iter()
                .filter(|b| b.action == action)
                .any(|b| {
                    b.context == Context::GLOBAL
                        || console::types_text(b.context)
                        || followup::types_text(b.context)
                });
        if takes_typing {
            return Err(BindingProblem::TakesTyping {
                action: name.into(),
                key: spec.into(),
            });
        }
        let mut first = true;
        self.bindings.retain_mut(|b| {
            if b.action != action {
                return true;
            }
            if first {
                first = false;
                b.key = key;
                return true;
            }
            false
        });
        Ok(())
    }

    /// The action for a key: the first context that binds it (a pane, then its screen),
    /// then the global keys.
    pub fn lookup(&self, contexts: &[Context], ev: &KeyEvent) -> Option<Action> {
        contexts
            .iter()
            .chain(std::iter::once(&Context::GLOBAL))
            .find_map(|ctx| {
                self.bindings
                    .iter()
                    .find(|b| b.context == *ctx && b.key.matches(ev))
                    .map(|b| b.action)
            })
    }

    /// What the footer shows: the keys of the contexts in order, then the global ones. A
    /// key a pane takes for itself hides the global verb of the same key (it does not
    /// work there), and each verb shows once.
    pub fn footer(&self, contexts: &[Context]) -> Vec<&Binding> {
        let mut out: Vec<&Binding> = Vec::new();
        let all = contexts.iter().chain(std::iter::once(&Context::GLOBAL));
        for ctx in all {
            for b in self.bindings.iter().filter(|b| b.context == *ctx) {
                let shadowed =
                    self.bindings.iter().any(|o| {
                        o.key == b.key && contexts.contains(&o.context) && o.context != *ctx
                    }) && *ctx == Context::GLOBAL;
                if b.footer && !shadowed && !out.iter().any(|o| o.action == b.action) {
                    out.push(b);
                }
            }
        }
        out
    }

    /// The first key bound to an action, for messages like "press n again".
    pub fn key_for(&self, action: Action) -> Option<KeySpec> {
        self.bindings
            .iter()
            .find(|b| b.action == action)
            .map(|b| b.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::console::ConsoleAction;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn every_default_key_parses() {
        let n: usize = default_tables().iter().map(|t| t.len()).sum();
        assert_eq!(Keymap::default().bindings.len(), n);
    }

    #[test]
    fn every_action_has_a_default_key() {
        let km = Keymap::default();
        for a in Action::all() {
            assert!(km.key_for(a).is_some(), "{} has no key", a.name());
        }
    }

    #[test]
    fn pane_keys_come_before_global_ones() {
        let km = Keymap::default();
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            km.lookup(&[console::CHECK_IN, console::SCREEN], &enter),
            Some(ConsoleAction::CheckInNow.into())
        );
        assert_eq!(
            km.lookup(&[console::TOPIC, console::SCREEN], &enter),
            Some(ConsoleAction::WaitingCheckIn.into())
        );
        let l = key(KeyCode::Char('l'), KeyModifiers::NONE);
        assert_eq!(km.lookup(&[console::PROCEDURE, console::SCREEN], &l), None);
        let tab = key(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(
            km.lookup(&[console::PROCEDURE, console::SCREEN], &tab),
            Some(GlobalAction::NextPane.into())
        );
    }

    #[test]
    fn an_override_replaces_the_key_everywhere_it_shows() {
        let keys = [("check_in.now".to_string(), "s".to_string())];
        let (km, problems) = Keymap::with_overrides(keys.iter().map(|(a, b)| (a, b)));
        assert!(problems.is_empty(), "{problems:?}");
        let s = key(KeyCode::Char('s'), KeyModifiers::NONE);
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        let ctx = [console::CHECK_IN, console::SCREEN];
        assert_eq!(km.lookup(&ctx, &s), Some(ConsoleAction::CheckInNow.into()));
        assert_eq!(km.lookup(&ctx, &enter), None);
        let footer = km.footer(&ctx);
        let shown = footer
            .iter()
            .find(|b| b.action == ConsoleAction::CheckInNow.into());
        assert_eq!(shown.map(|b| b.key.to_string()), Some("s".to_string()));
    }

    #[test]
    fn bad_overrides_are_reported_not_fatal() {
        let keys = [
            ("no.such.action".to_string(), "x".to_string()),
            ("quit".to_string(), "Ctrl-Banana".to_string()),
            ("quit".to_string(), "q".to_string()),
        ];
        let (km, problems) = Keymap::with_overrides(keys.iter().map(|(a, b)| (a, b)));
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(matches!(problems[0].1, BindingProblem::UnknownAction(_)));
        assert!(matches!(problems[2].1, BindingProblem::TakesTyping { .. }));
        assert_eq!(
            km.key_for(GlobalAction::Quit.into()).map(|k| k.to_string()),
            Some("C-q".to_string())
        );
    }
}
