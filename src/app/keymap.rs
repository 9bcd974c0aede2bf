//! One table of keys per pane. The key handling, the footer and the F1 help are all read
//! from it, so they can never disagree (R9.3).
use crossterm::event::KeyEvent;

use super::action::Action;
use super::keyspec::KeySpec;
use crate::i18n::Tr;

/// Where a key applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    CheckIn,
    Topic,
    Procedure,
    Decision,
}

impl Context {
    pub const ALL: [Context; 5] = [
        Context::Global,
        Context::CheckIn,
        Context::Topic,
        Context::Procedure,
        Context::Decision,
    ];

    pub fn title(self) -> Tr {
        match self {
            Self::Global => Tr("全局", "Everywhere"),
            Self::CheckIn => crate::i18n::PANE_CHECK_IN,
            Self::Topic => crate::i18n::PANE_TOPIC,
            Self::Procedure => crate::i18n::PANE_PROCEDURE,
            Self::Decision => crate::i18n::PANE_DECISION,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Binding {
    pub context: Context,
    pub key: KeySpec,
    pub action: Action,
    pub label: Tr,
    /// Shown in the footer (otherwise only in F1 help).
    pub footer: bool,
}

#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

/// (context, key, action, label, in footer)
const DEFAULTS: &[(Context, &str, Action, Tr, bool)] = {
    use Action as A;
    use Context as C;
    &[
        (C::Global, "F1", A::Help, Tr("帮助", "Help"), true),
        (C::Global, "F2", A::Console, Tr("会场", "Console"), false),
        (
            C::Global,
            "Tab",
            A::NextPane,
            Tr("切换窗格", "Next pane"),
            true,
        ),
        (
            C::Global,
            "Shift-Tab",
            A::PrevPane,
            Tr("上一窗格", "Prev pane"),
            false,
        ),
        (
            C::Global,
            "F6",
            A::NextTopic,
            Tr("下一议题", "Next topic"),
            true,
        ),
        (
            C::Global,
            "F5",
            A::ExportRecord,
            Tr("导出记录", "Export record"),
            false,
        ),
        (C::Global, "F9", A::ToggleLang, Tr("中/EN", "中/EN"), false),
        (C::Global, "Ctrl-s", A::SaveNow, Tr("保存", "Save"), false),
        (C::Global, "Ctrl-q", A::Quit, Tr("退出", "Quit"), true),
        (C::Global, "Ctrl-c", A::Quit, Tr("退出", "Quit"), false),
        (C::CheckIn, "Up", A::Up, Tr("上移", "Up"), false),
        (C::CheckIn, "Down", A::Down, Tr("下移", "Down"), false),
        (
            C::CheckIn,
            "PageUp",
            A::PageUp,
            Tr("上页", "Page up"),
            false,
        ),
        (
            C::CheckIn,
            "PageDown",
            A::PageDown,
            Tr("下页", "Page down"),
            false,
        ),
        (
            C::CheckIn,
            "Enter",
            A::CheckInNow,
            Tr("签到", "Sign in"),
            true,
        ),
        (
            C::CheckIn,
            "t",
            A::CheckInAt,
            Tr("补录时间", "At time"),
            true,
        ),
        (C::CheckIn, "l", A::Leave, Tr("请假", "Leave"), true),
        (C::CheckIn, "a", A::Absent, Tr("旷会", "Absent"), true),
        (
            C::CheckIn,
            "o",
            A::LeftEarly,
            Tr("中途退席", "Left early"),
            true,
        ),
        (
            C::CheckIn,
            "u",
            A::ClearAttendance,
            Tr("更正", "Undo"),
            true,
        ),
        (C::CheckIn, "/", A::Filter, Tr("筛选", "Filter"), true),
        (C::Topic, "Up", A::Up, Tr("上移", "Up"), false),
        (C::Topic, "Down", A::Down, Tr("下移", "Down"), false),
        (
            C::Topic,
            "Enter",
            A::WaitingCheckIn,
            Tr("候会签到", "Sign in (waiting)"),
            true,
        ),
        (C::Topic, "c", A::CallIn, Tr("叫入", "Call in"), true),
        (
            C::Topic,
            "C",
            A::CallInAll,
            Tr("全部叫入", "Call all in"),
            true,
        ),
        (
            C::Topic,
            "n",
            A::NextTopic,
            Tr("下一议题", "Next topic"),
            true,
        ),
        (
            C::Procedure,
            "F3",
            A::PickSpeaker,
            Tr("发言人", "Speaker"),
            true,
        ),
        (
            C::Procedure,
            "F8",
            A::NextStep,
            Tr("下一步骤", "Next step"),
            true,
        ),
        (
            C::Procedure,
            "F7",
            A::PrevStep,
            Tr("上一步骤", "Prev step"),
            true,
        ),
        (
            C::Procedure,
            "Alt-Right",
            A::NextStep,
            Tr("下一步骤", "Next step"),
            false,
        ),
        (
            C::Procedure,
            "Alt-Left",
            A::PrevStep,
            Tr("上一步骤", "Prev step"),
            false,
        ),
        (C::Procedure, "Alt-1", A::Step1, Tr("步骤1", "Step 1"), true),
        (
            C::Procedure,
            "Alt-2",
            A::Step2,
            Tr("步骤2", "Step 2"),
            false,
        ),
        (
            C::Procedure,
            "Alt-3",
            A::Step3,
            Tr("步骤3", "Step 3"),
            false,
        ),
        (
            C::Procedure,
            "Alt-4",
            A::Step4,
            Tr("步骤4", "Step 4"),
            false,
        ),
        (
            C::Procedure,
            "Alt-5",
            A::Step5,
            Tr("步骤5", "Step 5"),
            false,
        ),
        (
            C::Procedure,
            "Alt-Down",
            A::NextEntry,
            Tr("下一发言", "Next entry"),
            true,
        ),
        (
            C::Procedure,
            "Alt-Up",
            A::PrevEntry,
            Tr("上一发言", "Prev entry"),
            false,
        ),
        (
            C::Procedure,
            "Ctrl-f",
            A::Search,
            Tr("查找", "Search"),
            true,
        ),
        (
            C::Procedure,
            "Ctrl-g",
            A::SearchNext,
            Tr("查找下一个", "Find next"),
            false,
        ),
        (C::Procedure, "Ctrl-z", A::Undo, Tr("撤销", "Undo"), false),
        (C::Procedure, "Ctrl-y", A::Redo, Tr("重做", "Redo"), false),
        (
            C::Decision,
            "o",
            A::CycleOutcome,
            Tr("结果", "Outcome"),
            true,
        ),
        (
            C::Decision,
            "Enter",
            A::EditDecisionText,
            Tr("决定内容", "Decided text"),
            true,
        ),
        (
            C::Decision,
            "e",
            A::EditDecisionFields,
            Tr("责任/时限", "Owners/deadline"),
            true,
        ),
        (
            C::Decision,
            "p",
            A::PickAlternative,
            Tr("采纳方案", "Alternative"),
            true,
        ),
        (
            C::Decision,
            "m",
            A::MarkDecided,
            Tr("确认决定", "Mark decided"),
            true,
        ),
    ]
};

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(context, key, action, label, footer)| {
                Some(Binding {
                    context: *context,
                    key: KeySpec::parse(key).ok()?,
                    action: *action,
                    label: *label,
                    footer: *footer,
                })
            })
            .collect();
        Self { bindings }
    }
}

impl Keymap {
    /// The defaults with the user's `[keys]` applied: each named action gets the given
    /// key in place of its default ones. Returns the problems found, one per bad line.
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> (Self, Vec<String>) {
        let mut map = Self::default();
        let mut problems = Vec::new();
        for (name, spec) in overrides {
            let Some(action) = Action::from_name(name) else {
                problems.push(format!("[keys] {name}: unknown action"));
                continue;
            };
            let key = match KeySpec::parse(spec) {
                Ok(k) => k,
                Err(e) => {
                    problems.push(format!("[keys] {name} = \"{spec}\": {e}"));
                    continue;
                }
            };
            let mut first = true;
            map.bindings.retain_mut(|b| {
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
        }
        (map, problems)
    }

    /// The action for a key in a pane: the pane's own keys first, then the global ones.
    pub fn lookup(&self, context: Context, ev: &KeyEvent) -> Option<Action> {
        [context, Context::Global].into_iter().find_map(|ctx| {
            self.bindings
                .iter()
                .find(|b| b.context == ctx && b.key.matches(ev))
                .map(|b| b.action)
        })
    }

    /// What the footer shows for a pane: its keys, then the global ones.
    pub fn footer(&self, context: Context) -> Vec<&Binding> {
        let mut out: Vec<&Binding> = Vec::new();
        for ctx in [context, Context::Global] {
            for b in self
                .bindings
                .iter()
                .filter(|b| b.context == ctx && b.footer)
            {
                if !out.iter().any(|o| o.action == b.action) {
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
    use crossterm::event::{KeyCode, KeyModifiers};

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn every_default_key_parses() {
        assert_eq!(Keymap::default().bindings.len(), DEFAULTS.len());
    }

    #[test]
    fn pane_keys_come_before_global_ones() {
        let km = Keymap::default();
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            km.lookup(Context::CheckIn, &enter),
            Some(Action::CheckInNow)
        );
        assert_eq!(
            km.lookup(Context::Topic, &enter),
            Some(Action::WaitingCheckIn)
        );
        // Typing in the editor is never taken by a pane key.
        let l = key(KeyCode::Char('l'), KeyModifiers::NONE);
        assert_eq!(km.lookup(Context::Procedure, &l), None);
        let tab = key(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(km.lookup(Context::Procedure, &tab), Some(Action::NextPane));
    }

    #[test]
    fn an_override_replaces_the_key_everywhere_it_shows() {
        let keys = [("check_in.now".to_string(), "s".to_string())];
        let (km, problems) = Keymap::with_overrides(keys.iter().map(|(a, b)| (a, b)));
        assert!(problems.is_empty());
        let s = key(KeyCode::Char('s'), KeyModifiers::NONE);
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(km.lookup(Context::CheckIn, &s), Some(Action::CheckInNow));
        assert_eq!(km.lookup(Context::CheckIn, &enter), None);
        let footer = km.footer(Context::CheckIn);
        let shown = footer.iter().find(|b| b.action == Action::CheckInNow);
        assert_eq!(shown.map(|b| b.key.to_string()), Some("s".to_string()));
    }

    #[test]
    fn bad_overrides_are_reported_not_fatal() {
        let keys = [
            ("no.such.action".to_string(), "x".to_string()),
            ("quit".to_string(), "Ctrl-Banana".to_string()),
        ];
        let (km, problems) = Keymap::with_overrides(keys.iter().map(|(a, b)| (a, b)));
        assert_eq!(problems.len(), 2);
        assert!(problems[0].contains("no.such.action"));
        assert!(km.key_for(Action::Quit).is_some());
    }
}
