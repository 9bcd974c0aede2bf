//! The console's words: panes, roles, presence, the recorder's steps, the decision.
use super::Tr;

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
pub const P_GONE: Tr = Tr("议毕离场", "left after topic");
pub const P_IN_ROOM: Tr = Tr("已在会场", "in the room");
pub const P_EXCUSED: Tr = Tr("不到会", "excused");

// Counts.
pub const C_EXPECTED: Tr = Tr("应到", "expected");
pub const C_PRESENT: Tr = Tr("实到", "present");
pub const C_LATE: Tr = Tr("迟到", "late");
pub const C_LEAVE: Tr = Tr("请假", "leave");
pub const C_ABSENT: Tr = Tr("旷会", "absent");
pub const C_IN_ROOM: Tr = Tr("在场", "in room");
pub const GROUP_OFF_LIST: Tr = Tr("名单外（经准许入场）", "Not on the list (admitted)");
pub const FILTER_HINT: Tr = Tr(
    "Enter 签到 · ↑↓ 选定 · Esc 清除",
    "Enter sign in · ↑↓ choose · Esc clear",
);
pub const FILTER_KEPT_HINT: Tr = Tr(
    "t/l/a/o/u 作用于选中者 · / 继续输入 · Esc 清除",
    "t/l/a/o/u act on the highlighted · / type more · Esc clear",
);
pub const FILTER_ADMIT_HINT: Tr = Tr(
    "名单中无此人 · Enter 准许名单外人员入场 · Esc 清除",
    "Nobody on the list · Enter admits someone not on it · Esc clear",
);

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
pub const FORM_ADMIT: Tr = Tr("准许名单外人员入场", "Admit someone not on the list");
pub const ADMIT_WARNING: Tr = Tr(
    "此人不在本次会议名单上：须写明事由和准许人，记入审计日志",
    "Not on this meeting's list: give the reason and who allowed it (kept in the audit log)",
);
pub const F_NAME: Tr = Tr("姓名", "Name");
pub const F_UNIT: Tr = Tr("单位", "Unit");
pub const F_ALLOWED_BY: Tr = Tr("准许人", "Allowed by");
pub const FORM_AT_TIME: Tr = Tr("补录签到时间", "Sign in at a time");
pub const CONFIRM_HINT: Tr = Tr(
    "y / Enter 确定 · n / Esc 取消",
    "y / Enter confirm · n / Esc cancel",
);
pub const CONFIRM_TITLE: Tr = Tr("请确认", "Please confirm");
pub const DISCARD_FORM: Tr = Tr(
    "放弃已填写的内容？y 放弃 · n 继续填写",
    "Drop what you typed in this form? y drop · n go on",
);

/// A time typed that has not come yet.
pub fn future_time(lang: super::Lang, hhmm: &str) -> String {
    lang.pick(
        format!("{hhmm} 晚于现在。确定按这个时间记录吗？（n 返回修改）"),
        format!("{hhmm} is later than now. Record it with this time? (n to go back and change it)"),
    )
}

/// A figure with its word: "应到 15" / "expected 15".
pub fn count(_lang: super::Lang, label: &str, n: usize) -> String {
    format!("{label} {n}")
}

/// Gone after one topic, back for a later one: "议题1后离场，待议题4".
pub fn returns_for(lang: super::Lang, seq: u32, hhmm: &str) -> String {
    lang.pick(
        format!("{hhmm} 离场，待议题{seq}"),
        format!("out {hhmm}, back for topic {seq}"),
    )
}

/// "议题1、4" / "topics 1, 4".
pub fn topics_list(lang: super::Lang, seqs: &[u32]) -> String {
    let list: Vec<String> = seqs.iter().map(u32::to_string).collect();
    lang.pick(
        format!("议题{}", list.join("、")),
        format!("topics {}", list.join(", ")),
    )
}

/// Someone from outside the list was let in.
pub fn admitted(lang: super::Lang, name: &str, hhmm: &str) -> String {
    lang.pick(
        format!("{name}（名单外）已于 {hhmm} 准许入场并签到"),
        format!("{name} (not on the list) admitted and signed in at {hhmm}"),
    )
}

/// An attendance record made: "何勇：请假已记录".
pub fn recorded(lang: super::Lang, name: &str, what: &Tr) -> String {
    lang.pick(
        format!("{name}：{}，已记录", what.0),
        format!("{name}: {}, recorded", what.1),
    )
}

/// A correction made.
pub fn cleared(lang: super::Lang, name: &str) -> String {
    lang.pick(
        format!("已撤销 {name} 今天的签到记录（原记录保留在审计日志中）"),
        format!("{name}'s attendance today undone (the audit log keeps the old record)"),
    )
}

/// A search that found nothing.
pub fn not_found(lang: super::Lang, q: &str) -> String {
    lang.pick(
        format!("查找：未找到“{q}”"),
        format!("Search: “{q}” not found"),
    )
}
