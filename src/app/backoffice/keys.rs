//! The back office's verbs and default keys, per pane (F1 help and the footer read them).
use crate::app::action::{Action, actions};
use crate::app::keymap::{Context, KeyDef};
use crate::i18n::{self, Tr};

actions! {
    /// What can be done in the back office.
    pub enum BackOfficeAction {
        Up = "office.up",
        Down = "office.down",
        PageUp = "office.page_up",
        PageDown = "office.page_down",
        GoMeetings = "office.go_meetings",
        GoDashboard = "office.go_dashboard",
        GoTopics = "office.go_topics",
        GoAgenda = "office.go_agenda",
        GoPeople = "office.go_people",
        GoApproval = "office.go_approval",
        GoPrep = "office.go_prep",
        GoRoster = "office.go_roster",
        GoCalendar = "office.go_calendar",
        NewMeeting = "meeting.new",
        ExtraMeeting = "meeting.extra",
        EditMeeting = "meeting.edit",
        Secrecy = "meeting.secrecy",
        Chair = "meeting.chair",
        Postpone = "meeting.postpone",
        OpenInConsole = "meeting.open",
        Jump = "dashboard.jump",
        NewTopic = "topic.new",
        EditTopic = "topic.edit",
        Review = "topic.review",
        Schedule = "topic.schedule",
        ReturnTopic = "topic.return",
        Withdraw = "topic.withdraw",
        CarryOver = "topic.carry_over",
        FilterTopics = "topic.filter",
        AddToAgenda = "agenda.add",
        RemoveFromAgenda = "agenda.remove",
        MoveUp = "agenda.move_up",
        MoveDown = "agenda.move_down",
        Urgency = "agenda.urgency",
        SortByUrgency = "agenda.sort",
        ProposeAgenda = "agenda.propose",
        OverNormReason = "agenda.over_norm_reason",
        AddPerson = "people.add",
        AddByTitle = "people.add_by_title",
        RemovePerson = "people.remove",
        Recorder = "people.recorder",
        DefaultPeople = "people.defaults",
        Sign = "approval.sign",
        SendBack = "approval.send_back",
        Coverage = "approval.coverage",
        Book = "prep.book",
        Notice = "prep.notice",
        Reply = "prep.reply",
        ListMaterials = "prep.materials",
        Deliver = "prep.deliver",
        PrepareCopies = "prep.copies",
        HandOut = "prep.hand_out",
        Collect = "prep.collect",
        OutReason = "prep.out_reason",
        AddPersonToRoster = "roster.add",
        EditPerson = "roster.edit",
        Retire = "roster.retire",
        Import = "roster.import",
        FilterRoster = "roster.filter",
        ImportConfirm = "roster.import_confirm",
        ImportCancel = "roster.import_cancel",
        AddDay = "calendar.add_day",
        RemoveDay = "calendar.remove_day",
        DeclareYear = "calendar.year",
        ImportCalendar = "calendar.import",
    }
}

/// Keys that work in every pane of the back office.
pub const SCREEN: Context = Context("office");
pub const MEETINGS: Context = Context("office.meetings");
pub const DASHBOARD: Context = Context("office.dashboard");
pub const TOPICS: Context = Context("office.topics");
pub const AGENDA: Context = Context("office.agenda");
pub const PEOPLE: Context = Context("office.people");
pub const APPROVAL: Context = Context("office.approval");
pub const PREP: Context = Context("office.prep");
pub const ROSTER: Context = Context("office.roster");
pub const CALENDAR: Context = Context("office.calendar");
/// The roster while a file's people are shown before import.
pub const IMPORT: Context = Context("office.roster.import");

/// The back office's contexts with their titles, as F1 help lists them.
pub const CONTEXTS: &[(Context, Tr)] = &[
    (SCREEN, i18n::SCREEN_OFFICE),
    (MEETINGS, i18n::PANE_MEETINGS),
    (DASHBOARD, i18n::PANE_DASHBOARD),
    (TOPICS, i18n::PANE_TOPICS),
    (AGENDA, i18n::PANE_AGENDA),
    (PEOPLE, i18n::PANE_PEOPLE),
    (APPROVAL, i18n::PANE_APPROVAL),
    (PREP, i18n::PANE_PREP),
    (ROSTER, i18n::PANE_ROSTER),
    (IMPORT, i18n::IMPORT_PREVIEW),
    (CALENDAR, i18n::PANE_CALENDAR),
];

const fn k(
    ctx: Context,
    key: &'static str,
    a: BackOfficeAction,
    label: Tr,
    footer: bool,
) -> KeyDef {
    KeyDef::new(ctx, key, Action::BackOffice(a), label, footer)
}

/// Moving in a list.
macro_rules! list_keys {
    ($ctx:expr) => {
        [
            k($ctx, "Up", A::Up, Tr("上移", "Up"), false),
            k($ctx, "Down", A::Down, Tr("下移", "Down"), false),
            k($ctx, "PageUp", A::PageUp, Tr("上页", "Page up"), false),
            k(
                $ctx,
                "PageDown",
                A::PageDown,
                Tr("下页", "Page down"),
                false,
            ),
        ]
    };
}

use BackOfficeAction as A;

const NAV: [KeyDef; 9] = [
    k(SCREEN, "Alt-1", A::GoMeetings, i18n::PANE_MEETINGS, false),
    k(SCREEN, "Alt-2", A::GoDashboard, i18n::PANE_DASHBOARD, false),
    k(SCREEN, "Alt-3", A::GoTopics, i18n::PANE_TOPICS, false),
    k(SCREEN, "Alt-4", A::GoAgenda, i18n::PANE_AGENDA, false),
    k(SCREEN, "Alt-5", A::GoPeople, i18n::PANE_PEOPLE, false),
    k(SCREEN, "Alt-6", A::GoApproval, i18n::PANE_APPROVAL, false),
    k(SCREEN, "Alt-7", A::GoPrep, i18n::PANE_PREP, false),
    k(SCREEN, "Alt-8", A::GoRoster, i18n::PANE_ROSTER, false),
    k(SCREEN, "Alt-9", A::GoCalendar, i18n::PANE_CALENDAR, false),
];

/// Moving in any list of the back office (one binding for every pane).
const LIST: [KeyDef; 4] = list_keys!(SCREEN);

const MEETING_KEYS: [KeyDef; 7] = [
    k(
        MEETINGS,
        "n",
        A::NewMeeting,
        Tr("下周一例会", "Next Monday"),
        true,
    ),
    k(
        MEETINGS,
        "x",
        A::ExtraMeeting,
        Tr("临时会议", "Extra meeting"),
        true,
    ),
    k(MEETINGS, "e", A::EditMeeting, Tr("修改", "Edit"), false),
    k(MEETINGS, "c", A::Chair, Tr("主持人", "Chair"), true),
    k(MEETINGS, "p", A::Postpone, Tr("顺延", "Postpone"), true),
    k(
        MEETINGS,
        "s",
        A::Secrecy,
        Tr("密级期限", "Classification"),
        false,
    ),
    k(
        MEETINGS,
        "Enter",
        A::OpenInConsole,
        Tr("到会场", "To console"),
        true,
    ),
];

const TOPIC_KEYS: [KeyDef; 9] = [
    k(TOPICS, "n", A::NewTopic, Tr("新议题", "New topic"), true),
    k(TOPICS, "Enter", A::EditTopic, Tr("修改", "Edit"), true),
    k(TOPICS, "r", A::Review, Tr("审核", "Review"), true),
    k(TOPICS, "a", A::Schedule, Tr("列入议程", "To agenda"), true),
    k(TOPICS, "f", A::FilterTopics, Tr("筛选", "Filter"), false),
    k(TOPICS, "b", A::ReturnTopic, Tr("退回部门", "Return"), false),
    k(TOPICS, "w", A::Withdraw, Tr("撤回", "Withdraw"), false),
    k(
        TOPICS,
        "c",
        A::CarryOver,
        Tr("再次上会", "Carry over"),
        false,
    ),
    k(TOPICS, "e", A::EditTopic, Tr("修改", "Edit"), false),
];

const AGENDA_KEYS: [KeyDef; 9] = [
    k(
        AGENDA,
        "a",
        A::AddToAgenda,
        Tr("添加议题", "Add topic"),
        true,
    ),
    k(AGENDA, "Shift-Up", A::MoveUp, Tr("上移", "Move up"), true),
    k(
        AGENDA,
        "Shift-Down",
        A::MoveDown,
        Tr("下移", "Move down"),
        true,
    ),
    k(AGENDA, "u", A::Urgency, Tr("缓急", "Urgency"), true),
    k(
        AGENDA,
        "s",
        A::SortByUrgency,
        Tr("按缓急排序", "Sort"),
        false,
    ),
    k(
        AGENDA,
        "f",
        A::ProposeAgenda,
        Tr("提出议程", "Propose"),
        true,
    ),
    k(AGENDA, "d", A::RemoveFromAgenda, Tr("撤下", "Remove"), true),
    k(
        AGENDA,
        "Delete",
        A::RemoveFromAgenda,
        Tr("撤下", "Remove"),
        false,
    ),
    k(
        AGENDA,
        "o",
        A::OverNormReason,
        Tr("超5项理由", "Over-5 reason"),
        false,
    ),
];

const PEOPLE_KEYS: [KeyDef; 6] = [
    k(
        PEOPLE,
        "a",
        A::AddPerson,
        Tr("添加人员", "Add person"),
        true,
    ),
    k(PEOPLE, "t", A::AddByTitle, Tr("按职务", "By title"), true),
    k(PEOPLE, "d", A::RemovePerson, Tr("移除", "Remove"), true),
    k(
        PEOPLE,
        "Delete",
        A::RemovePerson,
        Tr("移除", "Remove"),
        false,
    ),
    k(PEOPLE, "r", A::Recorder, Tr("记录员", "Recorder"), true),
    k(PEOPLE, "D", A::DefaultPeople, Tr("补齐", "Defaults"), true),
];

const APPROVAL_KEYS: [KeyDef; 3] = [
    k(APPROVAL, "s", A::Sign, Tr("签批", "Sign"), true),
    k(APPROVAL, "b", A::SendBack, Tr("退回", "Send back"), true),
    k(
        APPROVAL,
        "v",
        A::Coverage,
        Tr("报道/录像/拍照", "Press/video/photos"),
        true,
    ),
];

const PREP_KEYS: [KeyDef; 9] = [
    k(PREP, "b", A::Book, Tr("会场", "Rooms"), true),
    k(PREP, "n", A::Notice, Tr("通知", "Notice"), true),
    k(PREP, "r", A::Reply, Tr("回复", "Reply"), true),
    k(
        PREP,
        "m",
        A::ListMaterials,
        Tr("材料清单", "Materials"),
        true,
    ),
    k(PREP, "v", A::Deliver, Tr("送达", "Delivered"), true),
    k(
        PREP,
        "c",
        A::PrepareCopies,
        Tr("涉密编号", "Number copies"),
        false,
    ),
    k(PREP, "h", A::HandOut, Tr("发放", "Hand out"), false),
    k(PREP, "k", A::Collect, Tr("收回", "Collect"), false),
    k(
        PREP,
        "o",
        A::OutReason,
        Tr("未收回理由", "Reason out"),
        false,
    ),
];

const ROSTER_KEYS: [KeyDef; 6] = [
    k(ROSTER, "n", A::AddPersonToRoster, Tr("新增", "Add"), true),
    k(ROSTER, "Enter", A::EditPerson, Tr("修改", "Edit"), true),
    k(
        ROSTER,
        "x",
        A::Retire,
        Tr("退出/恢复", "Retire/restore"),
        true,
    ),
    k(ROSTER, "i", A::Import, Tr("导入CSV", "Import CSV"), true),
    k(ROSTER, "/", A::FilterRoster, Tr("筛选", "Filter"), true),
    k(ROSTER, "e", A::EditPerson, Tr("修改", "Edit"), false),
];

const IMPORT_KEYS: [KeyDef; 2] = [
    k(
        IMPORT,
        "Enter",
        A::ImportConfirm,
        Tr("全部导入", "Import all"),
        true,
    ),
    k(IMPORT, "Esc", A::ImportCancel, Tr("放弃", "Drop"), true),
];

const CALENDAR_KEYS: [KeyDef; 4] = [
    k(CALENDAR, "a", A::AddDay, Tr("增加日期", "Add a day"), true),
    k(CALENDAR, "d", A::RemoveDay, Tr("删除日期", "Remove"), true),
    k(
        CALENDAR,
        "y",
        A::DeclareYear,
        Tr("录入年份", "Declare a year"),
        true,
    ),
    k(
        CALENDAR,
        "i",
        A::ImportCalendar,
        Tr("导入文件", "Import file"),
        true,
    ),
];

const DASHBOARD_KEYS: [KeyDef; 1] = [k(
    DASHBOARD,
    "Enter",
    A::Jump,
    Tr("去处理", "Go and fix"),
    true,
)];

/// The back office's default keys, pane by pane (context, key, verb, label, footer).
pub const TABLES: &[&[KeyDef]] = &[
    &NAV,
    &LIST,
    &MEETING_KEYS,
    &DASHBOARD_KEYS,
    &TOPIC_KEYS,
    &AGENDA_KEYS,
    &PEOPLE_KEYS,
    &APPROVAL_KEYS,
    &PREP_KEYS,
    &ROSTER_KEYS,
    &IMPORT_KEYS,
    &CALENDAR_KEYS,
];
