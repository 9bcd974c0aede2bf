//! The papers' words (R9.5): the attendance report and the verbatim record.
use super::console::*;
use super::{Lang, Tr};

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

/// 名单外（事由；准许：某某） — admitted from outside the list (R5.1).
pub fn x_admitted(lang: Lang, reason: &str, allowed_by: &str) -> String {
    lang.pick(
        format!("名单外（{reason}；准许：{allowed_by}）"),
        format!("not on the list ({reason}; allowed by {allowed_by})"),
    )
}

pub const X_AGENDA_TITLE: Tr = Tr(
    "局长办公例会议程",
    "Agenda of the director's office meeting",
);
pub const X_SIGNIN_TITLE: Tr = Tr("局长办公例会签到表", "Sign-in sheet");
pub const X_NOTICE_TITLE: Tr = Tr("会议通知", "Meeting notice");
pub const X_DEPARTMENT: Tr = Tr("汇报部门", "Department");
pub const X_URGENCY: Tr = Tr("轻重缓急", "Urgency");
pub const X_REMARK: Tr = Tr("备注", "Remark");
pub const X_COL_NUMBER: Tr = Tr("序号", "No.");
pub const X_COL_SIGNATURE: Tr = Tr("本人签名", "Signature");
pub const X_OFFICE: Tr = Tr("局办公室", "The bureau office");
pub const X_NOTICE_WHO: Tr = Tr("参会人员", "Who comes");

/// "治安大队：" / "To: 治安大队".
pub fn x_notice_to(lang: Lang, department: &str) -> String {
    lang.pick(format!("{department}："), format!("To: {department}"))
}

pub fn x_notice_body(lang: Lang, date: &str, room: &str, title: &str, topics: usize) -> String {
    lang.pick(
        format!("定于{date}在{room}召开{title}，研究以下{topics}项议题："),
        format!("The {title} meets on {date} in {room} to discuss {topics} topics:"),
    )
}

pub fn x_notice_for_topic(lang: Lang, seq: u32) -> String {
    lang.pick(
        format!("列席议题{seq}"),
        format!("sitting in for topic {seq}"),
    )
}

pub fn x_notice_waiting(lang: Lang, room: &str) -> String {
    lang.pick(
        format!("列席后续议题的同志请在{room}候会，由工作人员通知入场。"),
        format!("Those sitting in for a later topic wait in {room} until called in."),
    )
}

/// "请于…前反馈参会人员名单。" (R4.3: the day before the meeting), and arriving 5 minutes
/// early (R8.2).
pub fn x_notice_reply(lang: Lang, due: &str) -> String {
    lang.pick(
        format!("请于{due}前反馈参会人员名单；参会人员请提前5分钟到会。"),
        format!("Please reply with your attendees by {due}; attendees arrive 5 minutes early."),
    )
}
