//! The keys of a form, per kind of field (the footer) and all at once (F1 help): one
//! table for both, so they never disagree.
use crate::i18n::Tr;

/// Every form key once, with what it does in each kind of field: F1 help.
pub const HELP_KEYS: &[(&str, Tr)] = &[
    ("Tab/S-Tab", Tr("下一项/上一项", "Next/previous field")),
    (
        "Enter",
        Tr(
            "单行：确定 · 多行：换行 · 选项：展开/选定 · 人员/部门：取建议",
            "One line: OK · several lines: new line · choice: open/choose · person/department: take the suggestion",
        ),
    ),
    (
        "↑↓",
        Tr("在展开的选项/建议中选择", "Choose in an open list"),
    ),
    ("←→", Tr("选项：换一项", "Choice: the next option")),
    ("C-s", Tr("确定（任一项中）", "OK (from any field)")),
    (
        "Esc",
        Tr(
            "取消（已填写内容时先确认）",
            "Cancel (asks first when something was typed)",
        ),
    ),
];

/// Keys of a one-line field.
pub const TEXT_KEYS: &[(&str, Tr)] = &[
    ("Enter", Tr("确定", "OK")),
    ("Tab", Tr("下一项", "Next field")),
    ("Esc", Tr("取消", "Cancel")),
];
/// Keys of a multi-line field.
pub const MULTILINE_KEYS: &[(&str, Tr)] = &[
    ("Enter", Tr("换行", "New line")),
    ("C-s", Tr("确定", "OK")),
    ("Tab", Tr("下一项", "Next field")),
    ("Esc", Tr("取消", "Cancel")),
];
/// Keys of a choice.
pub const CHOICE_KEYS: &[(&str, Tr)] = &[
    ("Enter", Tr("展开/选定", "Open/choose")),
    ("↑↓", Tr("选择", "Choose")),
    ("C-s", Tr("确定", "OK")),
    ("Tab", Tr("下一项", "Next field")),
    ("Esc", Tr("取消", "Cancel")),
];
/// Keys of a person or department field.
pub const SUGGEST_KEYS: &[(&str, Tr)] = &[
    ("↑↓", Tr("选择提示", "Pick a suggestion")),
    ("Enter", Tr("选定/确定", "Take/OK")),
    ("C-s", Tr("确定", "OK")),
    ("Tab", Tr("下一项", "Next field")),
    ("Esc", Tr("取消", "Cancel")),
];
