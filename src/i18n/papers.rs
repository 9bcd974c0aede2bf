//! The words of the after-meeting papers (R7, R9.5): minutes, tidied record, agenda,
//! decision register, ledger, monthly attendance.
use super::{Lang, Tr};

/// The issuing mark of the minutes (GB/T 9704 纪要格式: centred, red).
/// The marking on every page and file of a meeting's paper with classified material
/// (R4.2, §8.1 "按规定的范围传达……不得扩散").
/// Why a paper could not be made, in the user's language.
pub fn paper_error(lang: Lang, e: &crate::export::paper::PaperError) -> String {
    use crate::export::paper::PaperError;
    match e {
        PaperError::Store(e) => super::store_error(lang, e),
        PaperError::NotPer { kind, of } => {
            let of_zh = match *of {
                "year" => "按年",
                "month" => "按月",
                _ => "按次会议",
            };
            lang.pick(
                format!("{kind} 这份文书不{of_zh}制作"),
                format!("the {kind} paper is not made per {of}"),
            )
        }
    }
}

/// The label of the audit chain's end printed on signed minutes and in the archive.
pub const X_AUDIT_HEAD: Tr = Tr("审计链", "Audit chain");

/// 密级 in words.
pub fn secrecy_level(level: crate::domain::secrecy::SecrecyLevel) -> Tr {
    use crate::domain::secrecy::SecrecyLevel as L;
    match level {
        L::Secret => Tr("秘密", "Secret"),
        L::Confidential => Tr("机密", "Confidential"),
        L::TopSecret => Tr("绝密", "Top secret"),
    }
}

/// The marking of GB/T 9704: "秘密★1年", or the level alone when no period was set.
pub fn secrecy_mark(lang: Lang, s: &crate::domain::secrecy::Secrecy) -> String {
    let level = lang.t(&secrecy_level(s.level));
    match (lang, s.years) {
        (_, None) => level.to_string(),
        (Lang::Zh, Some(y)) => format!("{level}★{y}年"),
        (Lang::En, Some(1)) => format!("{level}★1 year"),
        (Lang::En, Some(y)) => format!("{level}★{y} years"),
    }
}

pub const X_CLASSIFIED_MARK: Tr = Tr(
    "涉密 · 按规定范围传达，不得扩散",
    "CLASSIFIED · pass on only within the prescribed scope",
);

pub const X_MINUTES_MARK: Tr = Tr(
    "乌审旗公安局局长办公例会纪要",
    "Director's Office Meeting Minutes",
);
/// Who issues the minutes: the office (§7.4 "由办公室").
pub const X_ISSUER: Tr = Tr("乌审旗公安局办公室", "Bureau office");
pub const X_LABEL_ATTENDING: Tr = Tr("出席", "Attending");
pub const X_LABEL_LEAVE: Tr = Tr("请假", "On leave");
pub const X_LABEL_SITTING_IN: Tr = Tr("列席", "Sitting in");
pub const X_NOT_SIGNED: Tr = Tr("（未签发）", "(not signed off)");
pub const X_TIDIED_TITLE: Tr = Tr("会议记录（整理稿）", "Record (tidied)");
pub const X_TIDIED_NOTE: Tr = Tr(
    "一般作摘要整理；标注“详细整理”的为局主要领导同志重要讲话，照录原文。",
    "Summaries in general; entries marked \"in full\" are the principal leaders' words as recorded.",
);
pub const X_DETAILED: Tr = Tr("详细整理", "in full");
pub const X_SUMMARY: Tr = Tr("摘要", "summary");
pub const X_NOT_TIDIED: Tr = Tr("（尚未整理）", "(not tidied yet)");
pub const X_CARRIED: Tr = Tr(
    "上次会议决定事项落实情况",
    "Decisions of earlier meetings: where they stand",
);
pub const X_NO_CARRIED: Tr = Tr("（无未落实事项）", "(none open)");
pub const X_REGISTER_TITLE: Tr = Tr("局长办公例会决定事项督办台账", "Decision register");
pub const X_LEDGER_TITLE: Tr = Tr("会议资料归档登记册", "Archive ledger");
pub const X_MONTH_TITLE: Tr = Tr("月度考勤汇总", "Monthly attendance");
pub const X_PROGRESS: Tr = Tr("进展情况", "Progress");
pub const X_PROBLEMS: Tr = Tr("向局长汇报的问题", "Problems reported to the director");
pub const X_REPLY: Tr = Tr("局长批示", "Director's reply");
pub const X_DISCIPLINE: Tr = Tr("纪律处分建议（§7.3.2）", "Flagged for discipline (§7.3.2)");
pub const X_NO_ITEMS: Tr = Tr("（无）", "(none)");

pub const STATUS_NAMES: [Tr; 3] = [
    Tr("落实中", "in progress"),
    Tr("已落实", "done"),
    Tr("拒不执行或搁置", "refused or stalled"),
];
pub const OVERDUE_WORD: Tr = Tr("逾期", "overdue");

pub const REGISTER_COLUMNS: [Tr; 9] = [
    Tr("序号", "No."),
    Tr("事项", "Item"),
    Tr("会议日期", "Meeting"),
    Tr("分管局领导", "Deputy"),
    Tr("责任单位", "Units"),
    Tr("完成时限", "Deadline"),
    Tr("督办", "Supervisor"),
    Tr("状态", "Status"),
    Tr("完成日期", "Done on"),
];
pub const LEDGER_COLUMNS: [Tr; 6] = [
    Tr("编号", "No."),
    Tr("会议", "Meeting"),
    Tr("日期", "Date"),
    Tr("资料（页／份）", "Papers (pages / copies)"),
    Tr("登记人", "Registered by"),
    Tr("登记时间", "Registered at"),
];
pub const MONTH_COLUMNS: [Tr; 7] = [
    Tr("姓名", "Name"),
    Tr("应到", "Expected"),
    Tr("出席", "Present"),
    Tr("迟到", "Late"),
    Tr("请假", "Leave"),
    Tr("旷会", "Absent"),
    Tr("中途退席", "Left early"),
];
pub const MONTH_DETAIL_COLUMNS: [Tr; 3] = [
    Tr("姓名", "Name"),
    Tr("情况", "What"),
    Tr("时间／事由", "Time / reason"),
];

/// The names of the six papers of §7.4, as the screen and the ledger show them.
pub fn paper_name(lang: Lang, p: crate::domain::archive::Paper) -> &'static str {
    use crate::domain::archive::Paper as P;
    match lang {
        Lang::Zh => p.name_zh(),
        Lang::En => match p {
            P::Agenda => "Agenda",
            P::AttendeeList => "Attendee list",
            P::Materials => "Reports (materials)",
            P::TidiedRecord => "Tidied record",
            P::MinutesDraft => "Minutes draft",
            P::SignedMinutes => "Signed minutes",
        },
    }
}

/// "2026年11月" / "November 2026".
pub fn x_month(lang: Lang, year: i32, month: u32) -> String {
    lang.pick(format!("{year}年{month}月"), format!("{year}-{month:02}"))
}

/// "迟到 3 分钟" as a cell: "2次／7分钟".
pub fn x_late_cell(lang: Lang, times: usize, minutes: i64) -> String {
    if times == 0 {
        return "0".into();
    }
    lang.pick(
        format!("{times}次／{minutes}分钟"),
        format!("{times} / {minutes} min"),
    )
}

/// "审核：刘卫东 2026-12-01 同意" etc.
pub fn x_step_line(lang: Lang, review: bool, by: &str, when: &str, opinion: &str) -> String {
    let what = match (lang, review) {
        (Lang::Zh, true) => "审核",
        (Lang::Zh, false) => "签发",
        (Lang::En, true) => "Reviewed",
        (Lang::En, false) => "Signed off",
    };
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    let opinion = opinion.trim();
    if opinion.is_empty() {
        format!("{what}{sep}{by} {when}")
    } else {
        format!("{what}{sep}{by} {when} {opinion}")
    }
}

/// "第2稿（更正第1稿）".
pub fn x_version(lang: Lang, number: u32, corrects: Option<u32>) -> String {
    match corrects {
        Some(c) => lang.pick(
            format!("第{number}稿（更正第{c}稿）"),
            format!("version {number} (corrects {c})"),
        ),
        None => lang.pick(format!("第{number}稿"), format!("version {number}")),
    }
}

pub const DOCX_NEEDS_FILE: Tr = Tr(
    "Word 文件不能写到终端：请用 -o 文件名",
    "A Word file is not for a terminal: give -o FILE",
);
pub const A_CHANGED: Tr = Tr("已改动", "changed");
pub const A_MISSING: Tr = Tr("缺失", "missing");
pub const A_EXTRA: Tr = Tr("多出", "extra");

pub fn bad_month(lang: Lang, m: &str) -> String {
    lang.pick(
        format!("月份应为 YYYY-MM，例如 2026-11：{m}"),
        format!("A month is YYYY-MM, e.g. 2026-11: {m}"),
    )
}

pub fn archive_ok(lang: Lang, dir: &str) -> String {
    lang.pick(
        format!("归档完好，与清单一致：{dir}"),
        format!("The archive matches its manifest: {dir}"),
    )
}

pub fn archive_differs(lang: Lang, n: usize) -> String {
    lang.pick(
        format!("归档与清单不符：{n} 个文件"),
        format!("The archive differs from its manifest: {n} file(s)"),
    )
}

pub fn archive_not_closed(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("未结束的会议不归档：{title}"),
        format!("Not filed, the meeting is not closed: {title}"),
    )
}

pub fn archive_demo(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("演示会议不归档：{title}"),
        format!("Not filed, a demo meeting: {title}"),
    )
}

pub fn archive_written(lang: Lang, meetings: usize, files: usize, dir: &str) -> String {
    lang.pick(
        format!("已归档 {meetings} 次会议，{files} 个文件，清单 MANIFEST.sha256：{dir}"),
        format!("Filed {meetings} meeting(s), {files} file(s), manifest MANIFEST.sha256: {dir}"),
    )
}

pub const ARCHIVE_USAGE: Tr = Tr(
    "用法：huiwu archive --year 年份 -o 目录，或 huiwu archive verify 目录",
    "Usage: huiwu archive --year Y -o DIR, or huiwu archive verify DIR",
);
