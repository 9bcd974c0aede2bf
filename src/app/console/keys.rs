//! The console's verbs and its default keys, per pane (F1 help and the footer read them).
use crate::app::action::{Action, actions};
use crate::app::keymap::{Context, KeyDef};
use crate::i18n::{self, Tr};

actions! {
    /// What can be done on the console.
    pub enum ConsoleAction {
        Up = "up",
        Down = "down",
        PageUp = "page_up",
        PageDown = "page_down",
        CheckInNow = "check_in.now",
        CheckInAt = "check_in.at_time",
        Leave = "check_in.leave",
        Absent = "check_in.absent",
        LeftEarly = "check_in.left_early",
        ClearAttendance = "check_in.clear",
        Filter = "check_in.filter",
        WaitingCheckIn = "waiting.check_in",
        CallIn = "waiting.call_in",
        CallInAll = "waiting.call_in_all",
        NextTopic = "topic.next",
        EarlierDecisions = "topic.earlier_decisions",
        PickSpeaker = "procedure.pick_speaker",
        NextStep = "procedure.next_step",
        PrevStep = "procedure.prev_step",
        Step1 = "procedure.step1",
        Step2 = "procedure.step2",
        Step3 = "procedure.step3",
        Step4 = "procedure.step4",
        Step5 = "procedure.step5",
        NextEntry = "procedure.next_entry",
        PrevEntry = "procedure.prev_entry",
        Search = "procedure.search",
        SearchNext = "procedure.search_next",
        Undo = "procedure.undo",
        Redo = "procedure.redo",
        CycleOutcome = "decision.outcome",
        EditDecisionText = "decision.text",
        EditDecisionFields = "decision.fields",
        PickAlternative = "decision.alternative",
        MarkDecided = "decision.mark_decided",
        ExportRecord = "export.record",
        HandOutCopy = "check_in.classified",
    }
}

impl ConsoleAction {
    /// Does this verb change the record (refused on a read-only database)?
    pub fn edits(self) -> bool {
        use ConsoleAction as A;
        !matches!(
            self,
            A::Up
                | A::Down
                | A::PageUp
                | A::PageDown
                | A::Filter
                | A::Search
                | A::SearchNext
                | A::NextEntry
                | A::PrevEntry
                | A::ExportRecord
                | A::EarlierDecisions
        )
    }
}

/// Keys that work in every pane of the console.
pub const SCREEN: Context = Context("console");
pub const CHECK_IN: Context = Context("console.check_in");
pub const TOPIC: Context = Context("console.topic");
pub const PROCEDURE: Context = Context("console.procedure");
pub const DECISION: Context = Context("console.decision");

/// The console's contexts with their titles, as F1 help lists them.
pub const CONTEXTS: &[(Context, Tr)] = &[
    (SCREEN, Tr("会场", "Console")),
    (CHECK_IN, i18n::PANE_CHECK_IN),
    (TOPIC, i18n::PANE_TOPIC),
    (PROCEDURE, i18n::PANE_PROCEDURE),
    (DECISION, i18n::PANE_DECISION),
];

/// Contexts where the recorder types: a plain character must reach the text there.
pub fn types_text(ctx: Context) -> bool {
    ctx == PROCEDURE || ctx == SCREEN
}

const fn k(ctx: Context, key: &'static str, a: ConsoleAction, label: Tr, footer: bool) -> KeyDef {
    KeyDef::new(ctx, key, Action::Console(a), label, footer)
}

/// The console's default keys (context, key, verb, label, shown in the footer).
pub const KEYS: &[KeyDef] = {
    use ConsoleAction as A;
    &[
        k(
            SCREEN,
            "F6",
            A::NextTopic,
            Tr("下一议题", "Next topic"),
            true,
        ),
        k(
            SCREEN,
            "F5",
            A::ExportRecord,
            Tr("导出记录", "Export record"),
            false,
        ),
        k(CHECK_IN, "Up", A::Up, Tr("上移", "Up"), false),
        k(CHECK_IN, "Down", A::Down, Tr("下移", "Down"), false),
        k(CHECK_IN, "PageUp", A::PageUp, Tr("上页", "Page up"), false),
        k(
            CHECK_IN,
            "PageDown",
            A::PageDown,
            Tr("下页", "Page down"),
            false,
        ),
        k(
            CHECK_IN,
            "Enter",
            A::CheckInNow,
            Tr("签到", "Sign in"),
            true,
        ),
        k(CHECK_IN, "t", A::CheckInAt, Tr("补录时间", "At time"), true),
        k(CHECK_IN, "l", A::Leave, Tr("请假", "Leave"), true),
        k(CHECK_IN, "a", A::Absent, Tr("旷会", "Absent"), true),
        k(
            CHECK_IN,
            "o",
            A::LeftEarly,
            Tr("中途退席", "Left early"),
            true,
        ),
        k(CHECK_IN, "u", A::ClearAttendance, Tr("更正", "Undo"), true),
        k(CHECK_IN, "/", A::Filter, Tr("筛选", "Filter"), true),
        k(
            CHECK_IN,
            "m",
            A::HandOutCopy,
            Tr("涉密材料发放/收回", "Classified copy out/back"),
            false,
        ),
        k(TOPIC, "Up", A::Up, Tr("上移", "Up"), false),
        k(TOPIC, "Down", A::Down, Tr("下移", "Down"), false),
        k(
            TOPIC,
            "Enter",
            A::WaitingCheckIn,
            Tr("候会签到", "Sign in (waiting)"),
            true,
        ),
        k(TOPIC, "c", A::CallIn, Tr("叫入", "Call in"), true),
        k(
            TOPIC,
            "C",
            A::CallInAll,
            Tr("全部叫入", "Call all in"),
            true,
        ),
        k(TOPIC, "n", A::NextTopic, Tr("下一议题", "Next topic"), true),
        k(
            TOPIC,
            "d",
            A::EarlierDecisions,
            Tr("上次决定事项", "Earlier decisions"),
            true,
        ),
        k(
            PROCEDURE,
            "F3",
            A::PickSpeaker,
            Tr("发言人", "Speaker"),
            true,
        ),
        k(
            PROCEDURE,
            "F8",
            A::NextStep,
            Tr("下一步骤", "Next step"),
            true,
        ),
        k(
            PROCEDURE,
            "F7",
            A::PrevStep,
            Tr("上一步骤", "Prev step"),
            true,
        ),
        k(
            PROCEDURE,
            "Alt-Right",
            A::NextStep,
            Tr("下一步骤", "Next step"),
            false,
        ),
        k(
            PROCEDURE,
            "Alt-Left",
            A::PrevStep,
            Tr("上一步骤", "Prev step"),
            false,
        ),
        k(PROCEDURE, "Alt-1", A::Step1, Tr("步骤1", "Step 1"), true),
        k(PROCEDURE, "Alt-2", A::Step2, Tr("步骤2", "Step 2"), false),
        k(PROCEDURE, "Alt-3", A::Step3, Tr("步骤3", "Step 3"), false),
        k(PROCEDURE, "Alt-4", A::Step4, Tr("步骤4", "Step 4"), false),
        k(PROCEDURE, "Alt-5", A::Step5, Tr("步骤5", "Step 5"), false),
        k(
            PROCEDURE,
            "Alt-Down",
            A::NextEntry,
            Tr("下一发言", "Next entry"),
            true,
        ),
        k(
            PROCEDURE,
            "Alt-Up",
            A::PrevEntry,
            Tr("上一发言", "Prev entry"),
            false,
        ),
        k(PROCEDURE, "Ctrl-f", A::Search, Tr("查找", "Search"), true),
        k(
            PROCEDURE,
            "Ctrl-g",
            A::SearchNext,
            Tr("查找下一个", "Find next"),
            false,
        ),
        k(PROCEDURE, "Ctrl-z", A::Undo, Tr("撤销", "Undo"), false),
        k(PROCEDURE, "Ctrl-y", A::Redo, Tr("重做", "Redo"), false),
        k(DECISION, "o", A::CycleOutcome, Tr("结果", "Outcome"), true),
        k(
            DECISION,
            "Enter",
            A::EditDecisionText,
            Tr("决定内容", "Decided text"),
            true,
        ),
        k(
            DECISION,
            "e",
            A::EditDecisionFields,
            Tr("责任/时限", "Owners/deadline"),
            true,
        ),
        k(
            DECISION,
            "p",
            A::PickAlternative,
            Tr("采纳方案", "Alternative"),
            true,
        ),
        k(
            DECISION,
            "m",
            A::MarkDecided,
            Tr("确认决定", "Mark decided"),
            true,
        ),
    ]
};
