//! The after-meeting screen's verbs and its default keys, per pane (F1 help and the
//! footer read them).
use crate::app::action::{Action, actions};
use crate::app::keymap::{Context, KeyDef};
use crate::i18n::{self, Tr};

actions! {
    /// What can be done after the meeting (F4).
    pub enum FollowUpAction {
        Up = "followup.up",
        Down = "followup.down",
        PageUp = "followup.page_up",
        PageDown = "followup.page_down",
        Export = "followup.export",
        Close = "meetings.close",
        CarryOver = "meetings.carry_over",
        Draft = "minutes.draft",
        Edit = "minutes.edit",
        Correct = "minutes.correct",
        Review = "minutes.review",
        SignOff = "minutes.sign_off",
        Compare = "minutes.compare",
        PrevVersion = "minutes.prev_version",
        NextVersion = "minutes.next_version",
        TidyStart = "record.start",
        TidyEdit = "record.edit",
        TidyMode = "record.detailed",
        TidyFinish = "record.finish",
        FilterStatus = "register.filter_status",
        FilterUnit = "register.filter_unit",
        FilterDeputy = "register.filter_deputy",
        FilterMonth = "register.filter_month",
        FilterClear = "register.filter_clear",
        Earlier = "register.earlier",
        Note = "register.note",
        Done = "register.done",
        Stalled = "register.stalled",
        Reopen = "register.reopen",
        Problem = "register.problem",
        Reply = "register.reply",
        Flag = "register.flag",
        Register = "archive.register",
    }
}

/// Keys that work in every pane of the screen.
pub const SCREEN: Context = Context("followup");
pub const MEETINGS: Context = Context("followup.meetings");
pub const MINUTES: Context = Context("followup.minutes");
pub const RECORD: Context = Context("followup.record");
pub const REGISTER: Context = Context("followup.register");
pub const ARCHIVE: Context = Context("followup.archive");
pub const CHARTS: Context = Context("followup.charts");

/// The screen's contexts with their titles, as F1 help lists them.
pub const CONTEXTS: &[(Context, Tr)] = &[
    (SCREEN, i18n::SCREEN_FOLLOWUP),
    (MEETINGS, i18n::PANE_MEETINGS),
    (MINUTES, i18n::PANE_MINUTES),
    (RECORD, i18n::PANE_TIDY),
    (REGISTER, i18n::PANE_REGISTER),
    (ARCHIVE, i18n::PANE_ARCHIVE),
    (CHARTS, i18n::PANE_CHARTS),
];

/// Where text is typed (the minutes editor): a plain character must reach the text.
pub fn types_text(ctx: Context) -> bool {
    ctx == MINUTES || ctx == SCREEN
}

const fn k(ctx: Context, key: &'static str, a: FollowUpAction, label: Tr, footer: bool) -> KeyDef {
    KeyDef::new(ctx, key, Action::FollowUp(a), label, footer)
}

/// The screen's default keys (context, key, verb, label, shown in the footer).
pub const KEYS: &[KeyDef] = {
    use FollowUpAction as A;
    &[
        k(SCREEN, "F5", A::Export, Tr("导出文书", "Export"), true),
        k(SCREEN, "Up", A::Up, Tr("上移", "Up"), false),
        k(SCREEN, "Down", A::Down, Tr("下移", "Down"), false),
        k(SCREEN, "PageUp", A::PageUp, Tr("上页", "Page up"), false),
        k(
            SCREEN,
            "PageDown",
            A::PageDown,
            Tr("下页", "Page down"),
            false,
        ),
        k(
            MEETINGS,
            "c",
            A::Close,
            Tr("结束会议", "Close meeting"),
            true,
        ),
        k(
            MEETINGS,
            "o",
            A::CarryOver,
            Tr("议题顺延", "Carry over"),
            true,
        ),
        k(MINUTES, "d", A::Draft, Tr("起草纪要", "Draft"), true),
        k(MINUTES, "Enter", A::Edit, Tr("编辑", "Edit"), true),
        k(MINUTES, "n", A::Correct, Tr("更正稿", "Correction"), true),
        k(MINUTES, "r", A::Review, Tr("审核", "Review"), true),
        k(MINUTES, "s", A::SignOff, Tr("签发", "Sign off"), true),
        k(MINUTES, "v", A::Compare, Tr("比较版本", "Compare"), true),
        k(
            MINUTES,
            "[",
            A::PrevVersion,
            Tr("上一稿", "Prev version"),
            false,
        ),
        k(
            MINUTES,
            "]",
            A::NextVersion,
            Tr("下一稿", "Next version"),
            false,
        ),
        k(
            RECORD,
            "t",
            A::TidyStart,
            Tr("开始整理", "Start tidying"),
            true,
        ),
        k(
            RECORD,
            "Enter",
            A::TidyEdit,
            Tr("改写摘要", "Edit summary"),
            true,
        ),
        k(RECORD, "m", A::TidyMode, Tr("详细整理", "In full"), true),
        k(RECORD, "f", A::TidyFinish, Tr("整理完成", "Finished"), true),
        k(
            REGISTER,
            "f",
            A::FilterStatus,
            Tr("状态筛选", "Status"),
            true,
        ),
        k(REGISTER, "u", A::FilterUnit, Tr("单位", "Unit"), false),
        k(REGISTER, "l", A::FilterDeputy, Tr("分管", "Deputy"), false),
        k(REGISTER, "m", A::FilterMonth, Tr("月份", "Month"), false),
        k(
            REGISTER,
            "0",
            A::FilterClear,
            Tr("清除筛选", "Clear filters"),
            false,
        ),
        k(
            REGISTER,
            "[",
            A::Earlier,
            Tr("再早一年", "A year earlier"),
            false,
        ),
        k(REGISTER, "n", A::Note, Tr("进展", "Note"), true),
        k(REGISTER, "d", A::Done, Tr("已落实", "Done"), true),
        k(REGISTER, "s", A::Stalled, Tr("搁置", "Stalled"), false),
        k(REGISTER, "o", A::Reopen, Tr("恢复落实", "Reopen"), false),
        k(
            REGISTER,
            "r",
            A::Problem,
            Tr("报告问题", "Report problem"),
            false,
        ),
        k(REGISTER, "y", A::Reply, Tr("局长批示", "Reply"), false),
        k(REGISTER, "!", A::Flag, Tr("纪律标记", "Discipline"), true),
        k(ARCHIVE, "g", A::Register, Tr("登记造册", "Register"), true),
    ]
};
