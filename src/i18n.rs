//! Every text the user sees, in Chinese (default) and English (R9.3).
//!
//! A text is a pair; the screen picks one with `lang.t(&X)`. Texts that take values are
//! functions here too, so a translator finds everything in one file.
use crate::domain::attendance::Punctuality;
use crate::store::StoreError;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "中文" => Some(Self::Zh),
            "en" | "english" => Some(Self::En),
            _ => None,
        }
    }

    pub fn t(self, text: &Tr) -> &'static str {
        match self {
            Self::Zh => text.0,
            Self::En => text.1,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Self::Zh => Self::En,
            Self::En => Self::Zh,
        }
    }

    fn pick(self, zh: String, en: String) -> String {
        match self {
            Self::Zh => zh,
            Self::En => en,
        }
    }
}

/// A text in (Chinese, English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub &'static str, pub &'static str);

// Panes and screens.
pub const PANE_CHECK_IN: Tr = Tr("签到", "Check-in");
pub const PANE_TOPIC: Tr = Tr("当前议题 / 候会", "Current topic / Waiting room");
pub const PANE_PROCEDURE: Tr = Tr("议事程序", "Procedure");
pub const PANE_DECISION: Tr = Tr("决定", "Decision");
pub const HELP_TITLE: Tr = Tr("按键一览（F1 关闭）", "All keys (F1 to close)");

// Roles and groups.
pub const ROLE_ATTENDING: Tr = Tr("出席", "Attending");
pub const ROLE_SITTING_IN: Tr = Tr("列席", "Sitting in");
pub const ROLE_STAFF: Tr = Tr("工作人员", "Staff");
pub const WHOLE_MEETING: Tr = Tr("全程", "whole meeting");
pub const RECORDER: Tr = Tr("记录员", "recorder");

// Presence.
pub const P_EXPECTED: Tr = Tr("未到", "not here");
pub const P_WAITING: Tr = Tr("候会", "waiting");
pub const P_CALLED: Tr = Tr("已叫入", "called in");
pub const P_PRESENT: Tr = Tr("已签到", "signed in");
pub const P_LEAVE: Tr = Tr("请假", "on leave");
pub const P_ABSENT: Tr = Tr("旷会", "absent");
pub const P_LEFT: Tr = Tr("中途退席", "left early");
pub const P_GONE: Tr = Tr("已离场", "gone");
pub const P_IN_ROOM: Tr = Tr("已在会场", "in the room");
pub const P_EXCUSED: Tr = Tr("不到会", "excused");

// Counts.
pub const C_EXPECTED: Tr = Tr("应到", "expected");
pub const C_PRESENT: Tr = Tr("实到", "present");
pub const C_LATE: Tr = Tr("迟到", "late");
pub const C_LEAVE: Tr = Tr("请假", "leave");
pub const C_ABSENT: Tr = Tr("旷会", "absent");

// Topic pane.
pub const NO_CURRENT_TOPIC: Tr = Tr("尚未开始议题", "No topic under way");
pub const MEETING_CLOSED: Tr = Tr("全部议题已结束", "All topics done");
pub const NEXT_TOPIC: Tr = Tr("下一议题", "Next topic");
pub const NO_NEXT_TOPIC: Tr = Tr("没有下一议题", "No next topic");
pub const DEPUTY: Tr = Tr("分管", "Deputy");
pub const DEPARTMENT: Tr = Tr("汇报部门", "Department");
pub const ELAPSED: Tr = Tr("已进行", "elapsed");
pub const NOBODY: Tr = Tr("（无列席人员）", "(nobody sitting in)");

// Procedure.
pub const STEP_NAMES: [Tr; 5] = [
    Tr("汇报", "Report"),
    Tr("说明", "Explanation"),
    Tr("局领导意见", "Leaders' views"),
    Tr("列席人员意见", "Sitting-in views"),
    Tr("局长决定", "Director decides"),
];
pub const NO_ENTRY: Tr = Tr(
    "（本步骤尚无记录：直接输入即开始，F3 选择发言人）",
    "(No entry in this step: just type, or F3 to pick a speaker)",
);
pub const SPEAKER_UNSET: Tr = Tr("（未指定发言人）", "(speaker not set)");
pub const OFF_LIST: Tr = Tr("名单外", "not on list");
pub const PICK_SPEAKER: Tr = Tr("选择发言人", "Pick the speaker");
pub const SEARCH: Tr = Tr("查找", "Search");

// Decision.
pub const OUTCOMES: [Tr; 5] = [
    Tr("通过", "Approved"),
    Tr("原则通过", "Approved in principle"),
    Tr("不通过", "Not approved"),
    Tr("暂缓", "Deferred"),
    Tr("另行研究", "Further study"),
];
pub const D_OUTCOME: Tr = Tr("结果", "Outcome");
pub const D_TEXT: Tr = Tr("决定内容", "Decided text");
pub const D_ALTERNATIVE: Tr = Tr("采纳方案", "Alternative chosen");
pub const D_DEPUTY: Tr = Tr("分管局领导", "Deputy in charge");
pub const D_UNITS: Tr = Tr("责任单位", "Responsible units");
pub const D_DEADLINE: Tr = Tr("完成时限", "Deadline");
pub const D_SUPERVISOR: Tr = Tr("督办", "Supervisor");
pub const D_DISSENT: Tr = Tr("不同意见（内部）", "Dissent (internal)");
pub const D_DECIDED: Tr = Tr("已决定", "Decided");
pub const D_UNDECIDED: Tr = Tr("未决定", "Not decided");
pub const NOT_SET: Tr = Tr("—", "—");

// Forms.
pub const F_TIME: Tr = Tr("签到时间（HH:MM）", "Time signed in (HH:MM)");
pub const F_REASON: Tr = Tr("事由", "Reason");
pub const F_APPROVER: Tr = Tr("批准人", "Approved by");
pub const F_LEFT_AT: Tr = Tr("退席时间（HH:MM）", "Left at (HH:MM)");
pub const FORM_LEAVE: Tr = Tr("请假", "Leave");
pub const FORM_LEFT: Tr = Tr("中途退席", "Left early");
pub const FORM_AT_TIME: Tr = Tr("补录签到时间", "Sign in at a time");
pub const CONFIRM_HINT: Tr = Tr(
    "y / Enter 确定 · n / Esc 取消",
    "y / Enter confirm · n / Esc cancel",
);
pub const CONFIRM_TITLE: Tr = Tr("请确认", "Please confirm");

// Status line.
pub const SAVED: Tr = Tr("已保存", "Saved");
pub const SAVING: Tr = Tr("保存中…", "Saving…");
pub const SAVE_FAILED: Tr = Tr("保存失败，正在重试", "SAVE FAILED, retrying");
pub const READ_ONLY: Tr = Tr("只读", "Read-only");
pub const FORM_KEYS: Tr = Tr("表单", "Forms");
pub const EXPORT_WAITING: Tr = Tr(
    "正在保存，保存完成后导出",
    "Saving first: the export follows when everything is on the disk",
);
pub const NO_EXPORT_DIR: Tr = Tr(
    "内存数据库无处导出",
    "An in-memory database has nowhere to export to",
);
pub const MEETING_ELAPSED: Tr = Tr("会议", "Meeting");
pub const TOPIC_ELAPSED: Tr = Tr("本议题", "Topic");
pub const OPERATOR: Tr = Tr("操作员", "Operator");
pub const DEMO_LOADED: Tr = Tr(
    "数据库中还没有会议，已载入演示会议。",
    "The database had no meeting yet: the demo meeting is loaded.",
);
pub const UNKNOWN_KEY: Tr = Tr(
    "此处无此按键，按 F1 查看全部按键",
    "No such key here: F1 shows all keys",
);
pub const BAD_TIME: Tr = Tr(
    "时间格式应为 HH:MM，例如 08:52",
    "Time must be HH:MM, e.g. 08:52",
);
pub const REASON_NEEDED: Tr = Tr("请填写事由", "A reason is needed");
pub const NOTHING_SELECTED: Tr = Tr("没有选中人员", "Nobody selected");
pub const ALREADY_IN: Tr = Tr("此人已签到", "Already signed in");

/// The words shown when the window is too small, the longest that fits in `width`
/// columns: the full sentence, then shorter, down to the size alone.
pub fn too_small(lang: Lang, w: u16, h: u16, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let long = lang.pick(
        format!("窗口太小，至少需要 {w}×{h}"),
        format!("Window too small: at least {w}×{h} needed"),
    );
    let short = lang.pick(format!("至少 {w}×{h}"), format!("need {w}×{h}"));
    let bare = format!("{w}×{h}");
    [long, short, bare]
        .into_iter()
        .find(|s| s.width() <= width)
        .unwrap_or_default()
}

/// What is wrong with a field's value, in words.
pub fn problem(lang: Lang, p: &crate::domain::validate::Problem) -> String {
    use crate::domain::validate::Problem as P;
    match p {
        P::Required => lang.t(&Tr("必填", "Required")).to_string(),
        P::BadTime => lang.t(&BAD_TIME).to_string(),
        P::BadDate => lang.t(&BAD_DATE).to_string(),
        P::BadNumber => lang.t(&Tr("应为数字", "Must be a number")).to_string(),
        P::NotAChoice => lang
            .t(&Tr("请从列表中选择", "Choose from the list"))
            .to_string(),
        P::NotOnList => lang.t(&Tr("不在名单中", "Not on the list")).to_string(),
        P::InFuture => lang
            .t(&Tr("时间晚于现在", "This time is in the future"))
            .to_string(),
        P::InPast => lang
            .t(&Tr("该时间已过", "That time has passed"))
            .to_string(),
        P::TooLong { max } => lang.pick(
            format!("不超过 {max} 字"),
            format!("At most {max} characters"),
        ),
        P::Rule(code) => code.to_string(),
    }
}

/// The status line's word for a failed save: a refusal that may pass is retried; one
/// that cannot is kept for the emergency file.
pub fn save_failed_short(lang: Lang, e: &StoreError) -> String {
    if e.is_transient() {
        lang.t(&SAVE_FAILED).to_string()
    } else {
        lang.t(&Tr("未能保存", "NOT SAVED")).to_string()
    }
}

pub fn punctuality(lang: Lang, p: Punctuality) -> Option<String> {
    match p {
        Punctuality::OnTime => None,
        Punctuality::NotEarly { .. } => Some(lang.pick("未提前到会".into(), "not early".into())),
        Punctuality::Late { minutes } => Some(lang.pick(
            format!("迟到 {minutes} 分钟"),
            format!("late {minutes} min"),
        )),
    }
}

pub fn overdue(lang: Lang, minutes: i64) -> String {
    lang.pick(
        format!("已迟 {minutes} 分钟"),
        format!("{minutes} min overdue"),
    )
}

pub fn signed_in(lang: Lang, name: &str, hhmm: &str, flag: Option<&str>) -> String {
    let flag_zh = flag.map(|f| format!("（{f}）")).unwrap_or_default();
    let flag_en = flag.map(|f| format!(" ({f})")).unwrap_or_default();
    lang.pick(
        format!("{name} 已于 {hhmm} 签到{flag_zh}"),
        format!("{name} signed in at {hhmm}{flag_en}"),
    )
}

pub fn sign_in_not_open(lang: Lang, opens: &str) -> String {
    lang.pick(
        format!("签到于 {opens} 开始；已照常记录"),
        format!("Sign-in opens at {opens}; recorded all the same"),
    )
}

pub fn missing_before_advance(lang: Lang, names: &str) -> String {
    lang.pick(
        format!("下一议题人员未到齐：{names}。仍要进入下一议题吗？"),
        format!("Not all of the next topic's people are in: {names}. Advance anyway?"),
    )
}

pub fn advance_confirm(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("结束当前议题，进入“{title}”？"),
        format!("End the current topic and begin “{title}”?"),
    )
}

pub fn close_meeting_confirm(lang: Lang) -> String {
    lang.pick(
        "这是最后一个议题。结束议题并散会？".into(),
        "This is the last topic. End it and close the meeting?".into(),
    )
}

pub fn called_in(lang: Lang, names: &str) -> String {
    lang.pick(format!("已叫入：{names}"), format!("Called in: {names}"))
}

pub fn clear_confirm(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("撤销 {name} 今天的签到记录（更正）？原记录仍留在审计日志中。"),
        format!(
            "Undo {name}'s attendance today (a correction)? The audit log keeps the old record."
        ),
    )
}

pub fn saved_at(lang: Lang, hms: &str) -> String {
    format!("{} {hms}", lang.t(&SAVED))
}

/// A database problem, in words the user can act on.
pub fn store_error(lang: Lang, e: &StoreError) -> String {
    match e {
        StoreError::CannotCreate { path, source } => lang.pick(
            format!("无法创建或打开数据库 {}：{source}", path.display()),
            format!("Cannot create or open the database {}: {source}", path.display()),
        ),
        StoreError::NotHuiwu { path } => lang.pick(
            format!("{} 不是会务（huiwu）数据库，未做任何改动", path.display()),
            format!("{} is not a huiwu database; nothing was changed", path.display()),
        ),
        StoreError::TooNew { path, found, known } => lang.pick(
            format!("{} 由更新版本的程序写入（结构 {found}，本程序支持 {known}），请升级程序", path.display()),
            format!("{} was written by a newer huiwu (schema {found}, this knows {known}): please upgrade", path.display()),
        ),
        StoreError::Locked => lang.pick(
            "数据库被其他程序锁定，稍后重试；已输入的内容保留在内存中".into(),
            "The database is locked by another program; retrying, your text is kept in memory".into(),
        ),
        StoreError::ReadOnly(m) => lang.pick(
            format!("数据库无法写入（{m}）；内容保留在内存中，正在重试"),
            format!("The database cannot be written ({m}); text kept in memory, retrying"),
        ),
        StoreError::DiskFull => lang.pick(
            "磁盘已满；内容保留在内存中，正在重试".into(),
            "The disk is full; text kept in memory, retrying".into(),
        ),
        StoreError::Corrupt(m) => lang.pick(
            format!("数据库已损坏：{m}。请用备份恢复"),
            format!("The database is damaged: {m}. Restore from a backup"),
        ),
        StoreError::BadData(m) => lang.pick(
            format!("数据有误：{m}；未能保存的内容将在退出时写入应急文件"),
            format!("Bad data: {m}; what could not be saved goes to the emergency file on exit"),
        ),
        StoreError::Sqlite(m) => lang.pick(format!("数据库错误：{m}"), format!("Database error: {m}")),
        StoreError::Migration(m) => lang.pick(
            format!("数据库结构升级失败：{m}"),
            format!("Schema upgrade failed: {m}"),
        ),
    }
}

// --- export texts ---
// Papers a person can file (R9.5): the attendance report and the verbatim record.
pub const X_ATTENDANCE_TITLE: Tr = Tr("签到表", "Attendance report");
pub const X_RECORD_TITLE: Tr = Tr("会议记录", "Verbatim record");
pub const X_MEETING: Tr = Tr("会议", "Meeting");
pub const X_WHEN: Tr = Tr("时间", "Date and time");
pub const X_ROOM: Tr = Tr("会议室", "Room");
pub const X_WAITING_ROOM: Tr = Tr("候会室", "Waiting room");
pub const X_CHAIR: Tr = Tr("主持人", "Chair");
pub const X_RECORDER: Tr = Tr("记录员", "Recorder");
pub const X_COUNTS: Tr = Tr("出席情况", "Attendance");
pub const X_EXPORTED: Tr = Tr("导出时间", "Exported at");
pub const X_COL_NAME: Tr = Tr("姓名", "Name");
pub const X_COL_TITLE: Tr = Tr("职务／部门", "Title / department");
pub const X_COL_STATE: Tr = Tr("状态", "State");
pub const X_COL_TIME: Tr = Tr("签到时间", "Signed in");
pub const X_COL_FLAG: Tr = Tr("备注", "Remarks");
pub const X_NOBODY: Tr = Tr("（无）", "(none)");
pub const X_NO_TOPICS: Tr = Tr("（本次会议无议题）", "(no topics on the agenda)");
pub const X_TOPIC_TIME: Tr = Tr("起止时间", "Time");
pub const X_NOT_STARTED: Tr = Tr("未开始", "not started");
pub const X_NO_RECORD: Tr = Tr("（无记录）", "(no record)");
pub const X_EMPTY_TEXT: Tr = Tr("（内容为空）", "(empty)");
pub const X_DECISION: Tr = Tr("决定事项", "Decision");
pub const X_NOT_DECIDED: Tr = Tr("未作决定", "No decision taken");
pub const X_DRAFT: Tr = Tr(
    "（草稿，尚未标记为已决定）",
    "(draft, not yet marked decided)",
);
pub const X_DECIDED_AT: Tr = Tr("决定时间", "Decided at");
pub const X_NONE: Tr = Tr("无", "none");
pub const X_VERBATIM_NOTE: Tr = Tr(
    "发言内容按原文照录，置于代码块中，未作任何改动。",
    "Speeches are reproduced exactly as typed, inside code blocks, unaltered.",
);

/// "议题N 标题" / "Topic N: title".
pub fn x_topic(lang: Lang, seq: u32, title: &str) -> String {
    lang.pick(
        format!("议题{seq} {title}"),
        format!("Topic {seq}: {title}"),
    )
}

/// The heading of the group sitting in for the whole meeting.
pub fn x_sitting_in_all(lang: Lang) -> String {
    lang.pick(
        format!("{}（{}）", ROLE_SITTING_IN.0, WHOLE_MEETING.0),
        format!("{} ({})", ROLE_SITTING_IN.1, WHOLE_MEETING.1),
    )
}

/// The heading of the group sitting in for one topic.
pub fn x_sitting_in_topic(lang: Lang, seq: u32, title: &str) -> String {
    format!(
        "{} · {}",
        lang.t(&ROLE_SITTING_IN),
        x_topic(lang, seq, title)
    )
}

/// "应到 16 · 实到 12 · 迟到 1 · 请假 1 · 旷会 0".
pub fn x_counts(lang: Lang, c: crate::domain::attendance::Counts) -> String {
    format!(
        "{} {} · {} {} · {} {} · {} {} · {} {}",
        lang.t(&C_EXPECTED),
        c.expected,
        lang.t(&C_PRESENT),
        c.present,
        lang.t(&C_LATE),
        c.late,
        lang.t(&C_LEAVE),
        c.on_leave,
        lang.t(&C_ABSENT),
        c.absent
    )
}

/// 请假（事由，批准人）.
pub fn x_leave(lang: Lang, reason: &str, approver: &str) -> String {
    let reason = reason.trim();
    let approver = approver.trim();
    match (reason.is_empty(), approver.is_empty()) {
        (true, true) => lang.t(&P_LEAVE).to_string(),
        (false, true) => lang.pick(format!("请假（{reason}）"), format!("on leave ({reason})")),
        (true, false) => lang.pick(
            format!("请假（批准人：{approver}）"),
            format!("on leave (approved by {approver})"),
        ),
        (false, false) => lang.pick(
            format!("请假（{reason}，{approver}）"),
            format!("on leave ({reason}, approved by {approver})"),
        ),
    }
}

/// 中途退席 HH:MM 事由.
pub fn x_left_early(lang: Lang, hhmm: &str, reason: &str) -> String {
    let reason = reason.trim();
    let zh = format!("中途退席 {hhmm} {reason}");
    let en = format!("left early {hhmm} {reason}");
    lang.pick(zh.trim_end().to_string(), en.trim_end().to_string())
}

/// Joins several flags of one person.
pub fn x_flag_sep(lang: Lang) -> &'static str {
    lang.t(&Tr("；", "; "))
}

/// Joins several names.
pub fn x_name_sep(lang: Lang) -> &'static str {
    lang.t(&Tr("、", ", "))
}

/// A remark in brackets after a name: "（名单外）" / " (not on list)".
pub fn x_paren(lang: Lang, s: &str) -> String {
    lang.pick(format!("（{s}）"), format!(" ({s})"))
}

/// "局长，局领导" / "Director, Bureau leadership".
pub fn x_title_dept(lang: Lang, title: &str, department: &str) -> String {
    match (title.is_empty(), department.is_empty()) {
        (true, _) => department.to_string(),
        (false, true) => title.to_string(),
        (false, false) => lang.pick(
            format!("{title}，{department}"),
            format!("{title}, {department}"),
        ),
    }
}

/// "星期一" / "Monday".
pub fn x_weekday(lang: Lang, wd: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    let t = match wd {
        Mon => Tr("星期一", "Monday"),
        Tue => Tr("星期二", "Tuesday"),
        Wed => Tr("星期三", "Wednesday"),
        Thu => Tr("星期四", "Thursday"),
        Fri => Tr("星期五", "Friday"),
        Sat => Tr("星期六", "Saturday"),
        Sun => Tr("星期日", "Sunday"),
    };
    lang.t(&t)
}

/// "1 汇报" / "1 Report".
pub fn x_step(_lang: Lang, number: u8, name: &str) -> String {
    format!("{number} {name}")
}

/// The alternative chosen: "（1）方案一：…" / "(1) …".
pub fn x_alternative(lang: Lang, n: u32, text: &str) -> String {
    lang.pick(format!("（{n}）{text}"), format!("({n}) {text}"))
}

/// "标签：值" / "Label: value".
pub fn x_field(lang: Lang, label: &str, value: &str) -> String {
    lang.pick(format!("{label}：{value}"), format!("{label}: {value}"))
}

/// The line before a speaker's words: "吴刚 09:02" (with the off-list mark when so).
pub fn x_speaker(lang: Lang, name: &str, off_list: bool, hhmm: &str) -> String {
    let mark = if off_list {
        x_paren(lang, lang.t(&OFF_LIST))
    } else {
        String::new()
    };
    format!("{name}{mark} {hhmm}")
}
// --- end of export texts ---

pub const LEAVE_NEEDS: Tr = Tr(
    "请假须填写事由和批准人",
    "Leave needs a reason and who approved it",
);
pub const NOBODY_WAITING: Tr = Tr(
    "候会室中没有待叫入的人员",
    "Nobody is waiting to be called in",
);
pub const NO_ALTERNATIVES: Tr = Tr(
    "该议题只有一个方案",
    "This topic proposed a single solution",
);
pub const NEED_OUTCOME: Tr = Tr("请先选择结果（o）", "Choose an outcome first (o)");
pub const NEED_TEXT: Tr = Tr(
    "请先填写决定内容（Enter）",
    "Write the decided text first (Enter)",
);
pub const BAD_DATE: Tr = Tr(
    "日期格式应为 YYYY-MM-DD 或 MM-DD",
    "Date must be YYYY-MM-DD or MM-DD",
);
pub const F_DEADLINE: Tr = Tr("完成时限（YYYY-MM-DD）", "Deadline (YYYY-MM-DD)");

pub fn exported(lang: Lang, path: &str) -> String {
    lang.pick(
        format!("会议记录已导出：{path}"),
        format!("Record exported: {path}"),
    )
}

pub fn export_failed(lang: Lang, path: &str, why: &str) -> String {
    lang.pick(
        format!("导出失败 {path}：{why}"),
        format!("Export failed {path}: {why}"),
    )
}
pub const CURRENT: Tr = Tr("当前", "now");
pub const TOPIC: Tr = Tr("议题", "Topic");
pub const HELP_CLOSE: Tr = Tr("任意键关闭帮助", "Any key closes help");
pub const PICKER_HINT: Tr = Tr(
    "输入姓名或拼音首字母筛选 · ↑↓ 选择 · Enter 确定（名单外：输入姓名后 Enter）· Esc 取消",
    "Type a name or initials · ↑↓ choose · Enter OK (not on the list: type the name, Enter) · Esc cancel",
);

pub const NO_DATA_DIR: Tr = Tr(
    "找不到数据目录：请用 --db 指定数据库文件",
    "No data directory found: name the database with --db",
);
pub const UNSAVED_LOST: Tr = Tr(
    "有内容未能保存，且无法写入应急文件",
    "Some text could not be saved, nor written to an emergency file",
);
pub const PANICKED: Tr = Tr(
    "程序内部错误，已退出；已输入的内容均已保存",
    "Internal error, the program stopped; everything typed was saved",
);

pub fn demo_ready(lang: Lang, id: i64) -> String {
    lang.pick(
        format!("演示会议已就绪（编号 {id}）"),
        format!("Demo meeting ready (id {id})"),
    )
}

pub fn bad_format(lang: Lang, f: &str) -> String {
    lang.pick(
        format!("未知格式 {f}：可用 md 或 txt"),
        format!("Unknown format {f}: use md or txt"),
    )
}

pub fn no_meeting(lang: Lang, which: &str) -> String {
    lang.pick(
        format!("没有这个会议：{which}"),
        format!("No such meeting: {which}"),
    )
}

pub fn unsaved_file(lang: Lang, path: &str) -> String {
    lang.pick(
        format!("数据库无法保存的内容已写入 {path}"),
        format!("Text the database would not take was written to {path}"),
    )
}

/// A `[keys]` line that was not used.
pub fn binding_problem(lang: Lang, p: &crate::app::keymap::BindingProblem) -> String {
    use crate::app::keymap::BindingProblem as B;
    match p {
        B::UnknownAction(a) => lang.pick(
            format!("[keys] {a}：没有这个操作"),
            format!("[keys] {a}: unknown action"),
        ),
        B::BadKey { action, why } => lang.pick(
            format!("[keys] {action}：按键无法识别（{why}）"),
            format!("[keys] {action}: {why}"),
        ),
        B::TakesTyping { action, key } => lang.pick(
            format!("[keys] {action} = \"{key}\"：单个字符键会抢走记录员的输入，未采用"),
            format!(
                "[keys] {action} = \"{key}\": a plain character would be taken from the recorder's typing; not used"
            ),
        ),
    }
}
