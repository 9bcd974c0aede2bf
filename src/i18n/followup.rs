//! The after-meeting screen's words (F4): panes, forms, messages.
use super::{Lang, Tr};
use crate::domain::archive::Paper;
use crate::domain::closing::ClosingProblem;
use crate::domain::followup::Status;
use crate::domain::followup_query::{Carried, carried_line};
use crate::domain::minutes::MinutesError;
use crate::domain::record_tidy::TidyProblem;
use crate::export::paper::Kind;

pub const SCREEN_FOLLOWUP: Tr = Tr("会后落实", "After the meeting");
pub const PANE_MEETINGS: Tr = Tr("会议", "Meetings");
pub const PANE_MINUTES: Tr = Tr("纪要", "Minutes");
pub const PANE_TIDY: Tr = Tr("记录整理", "Tidied record");
pub const PANE_REGISTER: Tr = Tr("督办", "Decision register");

/// What the register holds: open items of any year, and the rest from a year on.
pub fn register_scope(lang: Lang, from: i32) -> String {
    lang.pick(
        format!("未落实的全部 + 自{from}年起（[ 再早一年）"),
        format!("open: all; others since {from} ([ earlier)"),
    )
}
pub const PANE_ARCHIVE: Tr = Tr("归档", "Archive");
pub const PANE_CHARTS: Tr = Tr("图表", "Charts");

// Status line and states.
pub const OVERDUE_STATUS: Tr = Tr("督办逾期", "Overdue");
pub const ARCHIVED_READ_ONLY: Tr = Tr("该会议已归档，只读", "This meeting is archived: read-only");
pub const DEMO_NOT_FILED: Tr = Tr(
    "演示会议不登记造册、不归档",
    "A demo meeting is not registered or filed",
);
pub const NOT_CLOSED: Tr = Tr("未结束", "not closed");
pub const CLOSED: Tr = Tr("已结束", "closed");
pub const ARCHIVED: Tr = Tr("已归档", "archived");
pub const PLANNED: Tr = Tr("计划", "planned");
pub const CLOSED_CLOCKS: Tr = Tr(
    "会议已结束：纪要一周内签发，会议记录3个工作日内整理完毕",
    "Meeting closed: minutes due in a week, the tidied record in 3 working days",
);
pub const CARRIED_HEAD: Tr = Tr("上次会议决定事项落实情况", "Earlier decisions still open");
pub const CLOSE_PROBLEMS: Tr = Tr("尚不能结束会议：", "Cannot close yet:");
pub const CLOSE_HINT: Tr = Tr(
    "c 结束会议（检查议题、涉密材料、考勤）",
    "c closes the meeting (topics, classified copies, attendance are checked)",
);
pub const DUE: Tr = Tr("期限", "due");
pub const DONE_ON_TIME: Tr = Tr("按期完成", "done on time");
pub const DONE_LATE: Tr = Tr("逾期完成", "done late");
pub const CALENDAR_UNCOVERED: Tr = Tr(
    "日历未收录该年节假日，按周一至周五估算",
    "the calendar lacks that year: counted Monday–Friday",
);

// Meetings pane.
pub const NOTHING_TO_CARRY: Tr = Tr("没有未决定的议题", "No undecided topic");
pub const FORM_CARRY_OVER: Tr = Tr("议题顺延至以后的会议", "Carry a topic over");
pub const F_TOPIC: Tr = Tr("议题", "Topic");
pub const F_TO_MEETING: Tr = Tr("顺延至", "To the meeting");

// Minutes.
pub const CLOSE_FIRST: Tr = Tr(
    "会议尚未结束：先在“会议”窗格按 c 结束会议",
    "The meeting is not closed: press c in Meetings first",
);
pub const ALREADY_DRAFTED: Tr = Tr(
    "纪要已起草：Enter 编辑，n 另起更正稿",
    "Already drafted: Enter edits, n makes a correction",
);
pub const DRAFTED: Tr = Tr(
    "已根据会议决定起草纪要（第1稿）",
    "Minutes drafted from the decisions (version 1)",
);
pub const NO_MINUTES_YET: Tr = Tr("尚无纪要：按 d 起草", "No minutes yet: d drafts them");
pub const FROZEN_CORRECT: Tr = Tr(
    "此稿已审核或签发，不能修改：按 n 另起更正稿",
    "This version is reviewed or signed: n makes a correction",
);
pub const STILL_DRAFT: Tr = Tr(
    "当前稿尚未审核，可直接编辑（Enter）",
    "The latest version is still a draft: Enter edits it",
);
pub const FU_FORM_REVIEW: Tr = Tr("分管局领导审核", "Review by the deputy in charge");
pub const FORM_SIGN_OFF: Tr = Tr("局长签发", "Sign-off by the director");
pub const F_BY: Tr = Tr("签名人", "By");
pub const F_OPINION: Tr = Tr("意见", "Opinion");
pub const REVIEWED: Tr = Tr("已审核，待局长签发", "Reviewed: waiting for the director");
pub const SIGNED: Tr = Tr("已签发，此稿冻结", "Signed off: this version is frozen");
pub const ONE_VERSION: Tr = Tr("只有一稿，无可比较", "Only one version: nothing to compare");
pub const FORM_COMPARE: Tr = Tr("比较两稿", "Compare two versions");
pub const F_FROM_VERSION: Tr = Tr("原稿（稿号）", "From version");
pub const F_TO_VERSION: Tr = Tr("新稿（稿号）", "To version");
pub const EDITING: Tr = Tr("编辑中（Esc 结束）", "editing (Esc to stop)");
pub const STATUS_DRAFT: Tr = Tr("草稿", "draft");
pub const STATUS_REVIEWED: Tr = Tr("已审核", "reviewed");
pub const STATUS_SIGNED: Tr = Tr("已签发", "signed");
pub const COMPARING: Tr = Tr("比较（v 关闭）", "comparison (v closes)");

// Tidied record.
pub const NO_ENTRIES: Tr = Tr("会议记录为空", "The record is empty");
pub const TIDY_FIRST: Tr = Tr("尚未开始整理：按 t", "Not tidied yet: press t");
pub const DETAILED_IS_VERBATIM: Tr = Tr(
    "详细整理照录原文，不能改写；按 m 改为摘要",
    "In full means as recorded: m makes it a summary",
);
pub const FORM_SUMMARY: Tr = Tr("摘要整理", "Summary");
pub const FU_F_SUMMARY: Tr = Tr("摘要", "Summary");
pub const TIDY_FINISHED: Tr = Tr("整理完成", "finished");

// Register.
pub const NO_ITEM: Tr = Tr("没有选中事项", "No item selected");
pub const ITEM_ALREADY_DONE: Tr = Tr(
    "该事项已落实：先按 o 恢复落实",
    "Done already: o reopens it",
);
pub const ALREADY_FLAGGED: Tr = Tr("已作纪律标记", "Already flagged");
pub const NOT_LATE_OR_REFUSED: Tr = Tr(
    "只有逾期或拒不执行、搁置的事项才能作纪律标记（§7.3.2）",
    "Only an overdue, refused or stalled item can be flagged (§7.3.2)",
);
pub const NO_PROBLEM_OPEN: Tr = Tr("没有待批示的问题", "No problem awaiting a reply");
pub const FORM_NOTE: Tr = Tr("进展情况", "Progress note");
pub const FORM_DONE: Tr = Tr("已落实", "Done");
pub const FORM_STALLED: Tr = Tr("拒不执行或搁置", "Refused or stalled");
pub const FORM_REOPEN: Tr = Tr("恢复落实", "Back in progress");
pub const FORM_PROBLEM: Tr = Tr("向局长汇报问题", "Problem reported to the director");
pub const FU_FORM_REPLY: Tr = Tr("局长批示", "The director's reply");
pub const FORM_FLAG: Tr = Tr("纪律处分标记（§7.3.2）", "Discipline flag (§7.3.2)");
pub const FU_F_NOTE: Tr = Tr("进展", "Progress");
pub const F_WHAT_DONE: Tr = Tr("落实情况", "What was done");
pub const F_WHY: Tr = Tr("原因", "Why");
pub const F_PROBLEM: Tr = Tr("问题", "Problem");
pub const F_REPLY: Tr = Tr("批示", "Reply");
pub const F_FLAG_NOTE: Tr = Tr("督察意见", "Supervisor's note");
pub const FILTER_OPEN: Tr = Tr("未落实", "open");
pub const FILTER_FLAGGED: Tr = Tr("纪律标记", "flagged");

// Archive.
pub const FORM_REGISTER: Tr = Tr("登记造册（页数/份数）", "Register (pages/copies)");
pub const PRESENT: Tr = Tr("齐", "present");
pub const MISSING: Tr = Tr("缺", "missing");
pub const NOT_REGISTERED: Tr = Tr("尚未登记造册：按 g", "Not registered yet: press g");
pub const ARCHIVE_HINT: Tr = Tr(
    "年终归档：huiwu archive --year 年份 -o 目录",
    "Year end: huiwu archive --year Y -o DIR",
);

// Charts.
pub const CHART_ATTENDANCE: Tr = Tr("本月出勤", "Attendance this month");
pub const CHART_DECISIONS: Tr = Tr("本年决定事项", "Decisions this year");
pub const SERIES_ATTENDANCE: [Tr; 4] = [
    Tr("按时", "on time"),
    Tr("迟到", "late"),
    Tr("请假", "leave"),
    Tr("旷会", "absent"),
];
pub const SERIES_DECISIONS: [Tr; 4] = [
    Tr("落实中", "in progress"),
    Tr("已落实", "done"),
    Tr("逾期", "overdue"),
    Tr("搁置", "stalled"),
];
pub const NO_DATA: Tr = Tr("（无数据）", "(no data)");

// Export.
pub const FORM_EXPORT: Tr = Tr("导出文书", "Export a paper");
pub const F_PAPER: Tr = Tr("文书", "Paper");
pub const F_FORMAT: Tr = Tr("格式", "Format");
pub const F_OF: Tr = Tr("范围", "Of");
pub const OF_MEETING: Tr = Tr("本次会议", "this meeting");
pub const OF_MONTH: Tr = Tr("本月", "its month");
pub const OF_YEAR: Tr = Tr("本年", "its year");
pub const EXPORTING: Tr = Tr("正在写入文件…", "Writing the file…");

pub fn paper_kind(k: Kind) -> Tr {
    match k {
        Kind::Minutes => Tr("会议纪要", "Minutes"),
        Kind::Record => Tr("会议记录", "Verbatim record"),
        Kind::Tidied => Tr("会议记录整理稿", "Tidied record"),
        Kind::Attendance => Tr("考勤（签到表）", "Attendance"),
        Kind::Decisions => Tr("决定事项督办台账", "Decision register"),
        Kind::Ledger => Tr("归档登记册", "Archive ledger"),
        Kind::Agenda => Tr("会议议程", "Agenda"),
        Kind::SigninSheet => Tr("签到表（空白）", "Sign-in sheet"),
        Kind::Notice => Tr("会议通知", "Meeting notice"),
    }
}

pub fn paper_label(p: Paper) -> Tr {
    match p {
        Paper::Agenda => Tr("会议议程", "Agenda"),
        Paper::AttendeeList => Tr("与会人员名单", "Attendee list"),
        Paper::Materials => Tr("汇报材料", "Reports (materials)"),
        Paper::TidiedRecord => Tr("会议记录整理稿", "Tidied record"),
        Paper::MinutesDraft => Tr("会议纪要原稿", "Minutes draft"),
        Paper::SignedMinutes => Tr("会议纪要签发稿", "Signed minutes"),
    }
}

pub fn paper_written(lang: Lang, path: &str) -> String {
    lang.pick(format!("已导出：{path}"), format!("Written: {path}"))
}

pub fn registered(lang: Lang, number: &str) -> String {
    lang.pick(
        format!("已登记造册，编号 {number}"),
        format!("Registered in the ledger as {number}"),
    )
}

pub fn already_closed(lang: Lang, at: &str) -> String {
    lang.pick(format!("会议已于 {at} 结束"), format!("Closed at {at}"))
}

pub fn close_confirm(lang: Lang, hhmm: &str) -> String {
    lang.pick(
        format!("结束会议？结束时间记为 {hhmm}，开始计算纪要（一周）和记录整理（3个工作日）期限。"),
        format!("Close the meeting at {hhmm}? The minutes (a week) and the tidied record (3 working days) fall due from now."),
    )
}

pub fn cannot_close(lang: Lang, n: usize) -> String {
    lang.pick(
        format!("尚有 {n} 项未办结，会议不能结束（见“会议”窗格）"),
        format!("{n} thing(s) still open: the meeting cannot be closed (see Meetings)"),
    )
}

pub fn closing_problem(lang: Lang, p: &ClosingProblem) -> String {
    use ClosingProblem as P;
    match p {
        P::TopicOpen { title, .. } => lang.pick(
            format!("议题未决定也未顺延：{title}"),
            format!("Topic neither decided nor carried over: {title}"),
        ),
        P::CarryOverUnnamed { title, .. } => lang.pick(
            format!("议题顺延未指明会议：{title}"),
            format!("Carried over to no named meeting: {title}"),
        ),
        P::CarryOverNotLater { title, .. } => lang.pick(
            format!("议题顺延的会议不在本次之后：{title}"),
            format!("Carried over to a meeting not later than this: {title}"),
        ),
        P::CopyOut { number, holder } => lang.pick(
            format!("涉密材料第{number}份未收回（{holder}），也未说明原因"),
            format!("Classified copy {number} not back ({holder}), no reason recorded"),
        ),
        P::AttendanceOpen { name, .. } => lang.pick(
            format!("考勤未完成：{name}"),
            format!("Attendance not settled: {name}"),
        ),
        P::LeaveIncomplete { name, .. } => lang.pick(
            format!("请假缺事由或批准人：{name}"),
            format!("Leave without reason or approver: {name}"),
        ),
        P::LeftWithoutReason { name, .. } => lang.pick(
            format!("中途退席未说明事由：{name}"),
            format!("Left midway without a reason: {name}"),
        ),
    }
}

pub fn plan_next_label(lang: Lang, when: &str) -> String {
    lang.pick(
        format!("新安排下次例会 {when}"),
        format!("Plan the next regular meeting {when}"),
    )
}

pub fn regular_meeting_title(lang: Lang) -> String {
    lang.pick("局长办公例会".into(), "Director's office meeting".into())
}

pub fn minutes_error(lang: Lang, e: &MinutesError) -> String {
    use MinutesError as E;
    match e {
        E::Frozen { version } => lang.pick(
            format!("第{version}稿已签发，已冻结：请另起更正稿"),
            format!("Version {version} is signed and frozen: make a correction"),
        ),
        E::UnderReview { version } => lang.pick(
            format!("第{version}稿已审核，不能修改：请另起更正稿"),
            format!("Version {version} is reviewed: make a correction"),
        ),
        E::NotReviewed { version } => lang.pick(
            format!("第{version}稿尚未经分管局领导审核，不能签发"),
            format!("Version {version} is not reviewed yet: it cannot be signed off"),
        ),
        E::AlreadyDone { version, .. } => lang.pick(
            format!("第{version}稿已办过这一步"),
            format!("Version {version} has this step already"),
        ),
        E::BeforePrevious { version } => lang.pick(
            format!("第{version}稿：时间早于上一步"),
            format!("Version {version}: before the previous step"),
        ),
        E::NoOne => lang.pick("请填写签名人".into(), "Say who".into()),
    }
}

pub fn tidy_problem(lang: Lang, p: &TidyProblem, n: usize) -> String {
    let what = match p {
        TidyProblem::EntryMissing { .. } => lang.pick(
            "有发言尚未整理（按 t）".into(),
            "An entry is not tidied yet (press t)".into(),
        ),
        TidyProblem::DetailedNotInFull { .. } => lang.pick(
            "详细整理的发言与原文不符".into(),
            "An entry in full differs from the record".into(),
        ),
        TidyProblem::SummaryEmpty { .. } => {
            lang.pick("有摘要为空".into(), "A summary is empty".into())
        }
    };
    lang.pick(
        format!("整理未完成（{n} 处）：{what}"),
        format!("Not finished ({n}): {what}"),
    )
}

/// "还剩 3 天" / "逾期 2 天" / "今日到期".
pub fn days_left(lang: Lang, state: crate::domain::deadline::DeadlineState) -> String {
    use crate::domain::deadline::DeadlineState as S;
    match state {
        S::Ok { days_left } | S::DueSoon { days_left } if days_left == 0 => {
            lang.pick("今日到期".into(), "due today".into())
        }
        S::Ok { days_left } | S::DueSoon { days_left } => lang.pick(
            format!("还剩 {days_left} 天"),
            format!("{days_left} day(s) left"),
        ),
        S::Overdue { days_late } => lang.pick(
            format!("逾期 {days_late} 天"),
            format!("{days_late} day(s) overdue"),
        ),
    }
}

/// One earlier decision still open, as the console lists it (R7.3): the papers' own line
/// in Chinese ([`carried_line`]), the same facts in English.
pub fn carried_item(lang: Lang, c: &Carried<'_>, deputy: &str) -> String {
    if lang == Lang::Zh {
        return carried_line(c, deputy);
    }
    let i = c.item;
    let mut s = format!(
        "(meeting of {}) {}",
        i.meeting_date.format("%Y-%m-%d"),
        i.item
    );
    if !deputy.trim().is_empty() {
        s.push_str(&format!("; deputy: {}", deputy.trim()));
    }
    if !i.units.is_empty() {
        s.push_str(&format!("; units: {}", i.units.join(", ")));
    }
    if let Some(d) = i.deadline {
        s.push_str(&format!("; due {}", d.format("%Y-%m-%d")));
    }
    if c.overdue {
        s.push_str(" (overdue)");
    } else if i.status == Status::Stalled {
        s.push_str(" (stalled)");
    }
    s
}

/// A topic of this meeting carried over, where to first (the pane is narrow):
/// " 顺延至 2026-12-07：3. 题目（材料未齐）".
pub fn carried_over_to(lang: Lang, seq: u32, title: &str, day: &str, reason: &str) -> String {
    let reason = reason.trim();
    match lang {
        Lang::Zh if reason.is_empty() => format!(" 顺延至 {day}：{seq}. {title}"),
        Lang::Zh => format!(" 顺延至 {day}：{seq}. {title}（{reason}）"),
        Lang::En if reason.is_empty() => format!(" carried over to {day}: {seq}. {title}"),
        Lang::En => format!(" carried over to {day}: {seq}. {title} ({reason})"),
    }
}

pub const NO_EARLIER_DECISIONS: Tr = Tr("上次会议决定事项均已落实", "No earlier decision is open");

/// How many more earlier decisions the key shows than the pane has room for.
pub fn carried_more(lang: Lang, more: usize, key: &str) -> String {
    lang.pick(
        format!("… 另有 {more} 项，按 {key} 查看全部"),
        format!("… {more} more: {key} shows them all"),
    )
}

/// The key that lists the earlier decisions, after the console's one line.
pub fn carried_key(lang: Lang, key: &str) -> String {
    lang.pick(format!("（{key} 查看）"), format!(" ({key}: list)"))
}

/// "上次会议决定事项：未落实 3 项，其中逾期 1 项" — the console's one line (R7.3).
pub fn carried_summary(lang: Lang, open: usize, overdue: usize) -> String {
    lang.pick(
        format!("上次会议决定事项：未落实 {open} 项，其中逾期 {overdue} 项"),
        format!("Earlier decisions: {open} open, {overdue} overdue"),
    )
}
