//! What the back office's panes and messages say, beyond the regulation's terms.
use super::backoffice::step_name;
use super::office_forms::{F_PHOTOS, F_PRESS, F_VIDEO};
use super::{Lang, Tr};
use crate::domain::Time;
use crate::domain::submission::SubmissionStep;

// What the screen says back.
pub const NO_MEETING_YET: Tr = Tr(
    "还没有会议：在“会议”中按 n 建立下周一的例会",
    "No meeting yet: press n in Meetings for next Monday's",
);
pub const NOT_PLANNED: Tr = Tr(
    "该会议已开始、已结束或已顺延，不能再作安排",
    "This meeting has begun, ended or been postponed: it is not replanned",
);
pub const DAY_OFF_WARNING: Tr = Tr("（注意：该日为节假日）", " (note: that day is a holiday)");
pub const POSTPONE_IN_PROGRESS: Tr = Tr("会议正在进行，不能顺延", "The meeting is under way");
pub const POSTPONE_CLOSED: Tr = Tr("会议已结束，不能顺延", "The meeting has ended");
pub const POSTPONE_TWICE: Tr = Tr(
    "该会议已顺延，请顺延新的会议",
    "Already postponed: postpone its replacement",
);
pub const NO_TOPIC_SELECTED: Tr = Tr("没有选中议题", "No topic selected");
pub const EDIT_ONLY_BEFORE_AGENDA: Tr = Tr(
    "议题已列入议程或已上会，不能修改；先从议程撤下",
    "On an agenda or discussed: take it off the agenda first",
);
pub const REVIEW_CLOSED: Tr = Tr(
    "该议题已上会或已撤回",
    "This topic was discussed or withdrawn",
);
pub const CARRY_OVER_ONLY_DISCUSSED: Tr = Tr(
    "只有已讨论未决定的议题可再次上会",
    "Only a topic discussed and not decided is carried over",
);
pub const ALREADY_CARRIED: Tr = Tr(
    "该议题已顺延，不再重复登记",
    "This topic is carried over already",
);
/// The stage column of a topic carried over to a later meeting.
pub const CARRIED_MARK: Tr = Tr("已顺延", "carried");
pub const FILTER_IN_HAND: Tr = Tr(
    "在办（未决定、未撤回）",
    "In hand (not decided or withdrawn)",
);
pub const FILTER_ALL: Tr = Tr("全部", "All");
pub const ALREADY_ON_AGENDA: Tr = Tr("该议题已在本次议程中", "Already on this agenda");
pub const NOT_SCHEDULABLE: Tr = Tr(
    "该议题不能列入议程（已在其他会议、已上会或已撤回）",
    "This topic cannot be scheduled (on another agenda, discussed or withdrawn)",
);
pub const NO_READY_TOPICS: Tr = Tr(
    "没有可上会的议题：议题须先通过审核",
    "No ready topic: topics pass the review first",
);
pub const AGENDA_EMPTY: Tr = Tr("议程中还没有议题", "The agenda has no topic");
pub const TOO_MANY_STAFF: Tr = Tr(
    "工作人员已超过2名（§2.1.1：1-2名）",
    "More than 2 staff (§2.1.1: 1–2)",
);
pub const RECORDER_IS_STAFF: Tr = Tr(
    "记录员须为工作人员：请选中一名工作人员",
    "The recorder is one of the staff: select a staff member",
);
pub const ALREADY_APPROVED: Tr = Tr("呈报表已签字确定", "The submission is signed already");
pub const NOTHING_TO_SEND_BACK: Tr = Tr(
    "呈报表尚未报送，无可退回",
    "Nothing submitted yet to send back",
);
pub const NO_DEPARTMENT_SELECTED: Tr = Tr(
    "请选中一个部门（各部门均已办理）",
    "Select a department (every one is done)",
);
pub const SELECT_A_PACKAGE: Tr = Tr(
    "请选中一份材料（先按 m 列出材料）",
    "Select a package (m lists them)",
);
pub const SELECT_CLASSIFIED: Tr = Tr(
    "请选中一个涉密议题或编号",
    "Select a classified topic or copy",
);
pub const SELECT_A_COPY: Tr = Tr("请选中一份编号材料", "Select a numbered copy");
pub const SELECT_OFFICE_DAY: Tr = Tr(
    "请选中办公室增补的日期（官方日期不能删除）",
    "Select a day the office added (official days stay)",
);
pub const IMPORT_CANCELLED: Tr = Tr("未导入", "Nothing imported");
pub const IMPORT_KEYS: Tr = Tr(
    "Enter 全部导入 · Esc 放弃 · ↑↓ 翻看",
    "Enter import all · Esc drop · ↑↓ scroll",
);
pub const IMPORT_ERRORS_KEYS: Tr = Tr(
    "文件有误，未导入任何人员 · 改正后重新导入 · Esc 关闭",
    "The file has errors: nobody was imported · fix it and import again · Esc close",
);

/// A rule of the regulation a field broke, in words (see the `rule` codes of the domain).
pub fn rule(lang: Lang, code: &str) -> String {
    use crate::domain::intake::rule as intake;
    use crate::domain::people_import::rule as roster;
    use crate::domain::secrecy::rule as secrecy;
    let t = match code {
        intake::CASES_NEED_LEGAL_REVIEW => Tr(
            "第3、4类案件事项须勾选涉及的法律事项（须经督察法制部门审查）",
            "Categories 3 and 4 are case matters: tick the legal matter (legal review needed)",
        ),
        intake::CLASSIFIED_NEEDS_COPIES => Tr(
            "涉密材料须注明份数（会中发放、会后收回）",
            "Classified materials need a number of copies (handed out and collected)",
        ),
        roster::INITIALS_LETTERS => Tr("只能是字母", "Letters only"),
        secrecy::PERIOD_TOO_LONG => Tr(
            "超过法定最长保密期限（绝密30年、机密20年、秘密10年）",
            "Longer than the law allows (top secret 30 years, confidential 20, secret 10)",
        ),
        _ => return code.to_string(),
    };
    lang.t(&t).to_string()
}

pub const CHAIR: Tr = Tr("主持", "Chair");
pub const CONSOLE_SCREEN: Tr = Tr("会场", "Console");

pub fn meeting_status(s: crate::domain::meeting::MeetingStatus) -> Tr {
    use crate::domain::meeting::MeetingStatus as S;
    match s {
        S::Planned => Tr("筹备中", "planned"),
        S::InProgress => Tr("进行中", "in progress"),
        S::Closed => Tr("已结束", "closed"),
        S::Postponed => Tr("已顺延", "postponed"),
    }
}

pub const FILTERED: Tr = Tr("已筛选（Esc 清除）", "filtered (Esc clears)");
pub const NO_TOPICS_HINT: Tr = Tr(
    "没有议题：按 n 登记新议题（或按 f 调整筛选）",
    "No topics: n registers one (or f changes the filter)",
);
pub const F_SCOPE_SHORT: Tr = Tr("范围", "scope");
pub const F_INVOLVED_SHORT: Tr = Tr("涉及部门", "involves");
pub const LEGAL_REVIEW: Tr = Tr("须法制审查", "legal review");
pub const ALTERNATIVES_SHORT: Tr = Tr("方案", "solutions");
pub const NOT_REQUIRED: Tr = Tr("不适用", "not needed");
pub const NOT_REVIEWED: Tr = Tr("未审核", "not checked");

pub const NO_CUTOFF: Tr = Tr("临时会议：无周五截止", "Extra meeting: no Friday cut-off");
pub const NOT_PROPOSED: Tr = Tr("议程未提出（f）", "not proposed yet (f)");
pub const OVER_NORM_REASON: Tr = Tr("超过5项的理由", "Why more than 5");
pub const AGENDA_EMPTY_HINT: Tr = Tr(
    "议程为空：按 a 添加可上会的议题",
    "The agenda is empty: a adds a ready topic",
);
pub const AFTER_CUTOFF: Tr = Tr("截止后增加", "after cut-off");

/// "截止 03-06 星期五 12:00（已过）".
pub fn cutoff_line(lang: Lang, at: &Time, passed: bool) -> String {
    use chrono::Datelike;
    let wd = super::x_weekday(lang, at.weekday());
    let when = format!("{} {wd} {}", at.format("%m-%d"), at.format("%H:%M"));
    match (lang, passed) {
        (Lang::Zh, false) => format!("截止 {when}"),
        (Lang::Zh, true) => format!("截止 {when}（已过）"),
        (Lang::En, false) => format!("cut-off {when}"),
        (Lang::En, true) => format!("cut-off {when} (passed)"),
    }
}

pub fn proposed_line(lang: Lang, at: &Time, by: &str) -> String {
    lang.pick(
        format!("已提出 {} {by}", at.format("%m-%d %H:%M")),
        format!("proposed {} {by}", at.format("%m-%d %H:%M")),
    )
}

pub const WAITING_STEP: Tr = Tr("待办", "waiting");
pub const APPROVED: Tr = Tr(
    "已签字确定：会议经领导审批同意",
    "Signed: the meeting is approved",
);
pub const NOT_APPROVED: Tr = Tr(
    "未审批：局长签字前不得视为同意召开（s 签批下一步）",
    "Not approved until the director signs (s signs the next step)",
);
pub const COVERAGE_NONE: Tr = Tr(
    "不作新闻报道，不录像，不拍照（默认）",
    "No press, no video, no photos (the default)",
);

pub fn people_count(lang: Lang, n: usize) -> String {
    lang.pick(format!("{n}人次"), format!("{n} places"))
}

pub fn sent_back_line(
    lang: Lang,
    step: SubmissionStep,
    by: &str,
    at: &str,
    reason: &str,
) -> String {
    lang.pick(
        format!(
            " ↩ {at} {by} 于“{}”退回：{reason}",
            lang.t(&step_name(step))
        ),
        format!(
            " ↩ {at} {by} sent back at “{}”: {reason}",
            lang.t(&step_name(step))
        ),
    )
}

pub fn coverage_line(
    lang: Lang,
    c: crate::domain::coverage::Coverage,
    by: &str,
    note: &str,
) -> String {
    let mut what = Vec::new();
    for (on, t) in [(c.press, F_PRESS), (c.video, F_VIDEO), (c.photos, F_PHOTOS)] {
        if on {
            what.push(lang.t(&t));
        }
    }
    lang.pick(
        format!(" 例外：{}（{by} 要求）{note}", what.join("、")),
        format!(" Exception: {} (ordered by {by}) {note}", what.join(", ")),
    )
}

pub const NOT_BOOKED: Tr = Tr("· 会议室未落实（b）", "· rooms not booked (b)");
pub const NOT_NOTIFIED: Tr = Tr("未通知(n)", "not notified (n)");
pub const NO_REPLY: Tr = Tr("未反馈(r)", "no reply (r)");
pub const NOT_DELIVERED: Tr = Tr("未送达(v)", "not delivered (v)");
pub const NOT_HANDED_OUT: Tr = Tr("未发放", "not handed out");

pub fn prep_section(n: u8) -> Tr {
    match n {
        0 => Tr("会场", "Rooms"),
        1 => Tr(
            "通知（会前1-2天）与反馈（会前1天）",
            "Notices (1–2 days before) and replies (1 day before)",
        ),
        2 => Tr(
            "会议材料（提前1个工作日送达）",
            "Materials (delivered 1 working day before)",
        ),
        _ => Tr(
            "涉密材料（会中发放，会后收回）",
            "Classified (handed out in the meeting, collected after)",
        ),
    }
}

pub fn booking_line(lang: Lang, b: &crate::domain::booking::RoomBooking) -> String {
    let waiting = b
        .waiting_room
        .clone()
        .unwrap_or_else(|| lang.t(&super::X_NONE).to_string());
    lang.pick(
        format!(
            "✓ {}；候会室：{waiting}；{} {}",
            b.room,
            b.booked_by,
            b.booked_at.format("%m-%d %H:%M")
        ),
        format!(
            "✓ {}; waiting room: {waiting}; {} {}",
            b.room,
            b.booked_by,
            b.booked_at.format("%m-%d %H:%M")
        ),
    )
}

pub fn classified_line(
    lang: Lang,
    topic: &str,
    prepared: usize,
    needed: u32,
    out: usize,
    back: usize,
) -> String {
    lang.pick(
        format!("{topic} · 已编号 {prepared}/{needed} 份 · 未收回 {out} · 已收回 {back}"),
        format!("{topic} · numbered {prepared}/{needed} · out {out} · back {back}"),
    )
}

pub fn copy_number(lang: Lang, n: u32) -> String {
    lang.pick(format!("第{n}份"), format!("No. {n}"))
}

pub fn copy_out_line(lang: Lang, holder: &str, at: &str) -> String {
    lang.pick(
        format!("{holder} {at} 领取，未收回"),
        format!("{holder} since {at}, out"),
    )
}

pub fn copy_back_line(lang: Lang, holder: &str, at: &str) -> String {
    lang.pick(
        format!("{holder} · {at} 已收回"),
        format!("{holder} · back at {at}"),
    )
}

pub const ROSTER_EMPTY: Tr = Tr(
    "名册为空：按 n 新增人员，或按 i 从CSV文件导入",
    "The roster is empty: n adds a person, i imports a CSV file",
);
pub const RETIRED: Tr = Tr("已退出", "retired");
pub const ALREADY_ON_ROSTER: Tr = Tr("名册中已有此人", "already on the roster");
pub const OFFICE_ENTERED: Tr = Tr("办公室录入", "office");
pub const OFFICIAL: Tr = Tr("官方", "official");

pub fn people_on_roster(lang: Lang, n: usize) -> String {
    lang.pick(format!("{n}人"), format!("{n} people"))
}

pub fn same_name_as(lang: Lang, line: usize) -> String {
    lang.pick(
        format!("与第{line}行同名"),
        format!("same name as line {line}"),
    )
}

pub fn import_error(lang: Lang, e: &crate::domain::people_import::ImportError) -> String {
    use crate::domain::people_import::ImportProblem as P;
    let what = match &e.problem {
        P::Empty => lang.t(&Tr("文件为空", "the file is empty")).to_string(),
        P::NoHeader => lang
            .t(&Tr(
                "首行应为列名：姓名,职务,部门,电话[,首字母]",
                "the first line must name the columns",
            ))
            .to_string(),
        P::UnknownColumn(c) => lang.pick(format!("未知的列“{c}”"), format!("unknown column `{c}`")),
        P::RepeatedColumn(c) => lang.pick(format!("列“{c}”重复"), format!("column `{c}` twice")),
        P::MissingColumn(c) => lang.pick(
            format!("缺少列 {}", c.code()),
            format!("column {} is missing", c.code()),
        ),
        P::Malformed(m) => lang.pick(format!("无法读取：{m}"), format!("cannot read: {m}")),
        P::WrongFieldCount { expected, found } => lang.pick(
            format!("有{found}项，列名有{expected}项"),
            format!("{found} fields where the header has {expected}"),
        ),
        P::EmptyName => lang.t(&Tr("姓名为空", "the name is empty")).to_string(),
        P::EmptyDepartment => lang
            .t(&Tr("部门为空", "the department is empty"))
            .to_string(),
        P::BadPhone(p) => lang.pick(
            format!("“{p}”不是电话号码"),
            format!("`{p}` is not a phone number"),
        ),
        P::BadInitials(i) => lang.pick(
            format!("首字母“{i}”应为字母"),
            format!("initials `{i}` must be letters"),
        ),
        P::DuplicateRow { first_line } => lang.pick(
            format!("与第{first_line}行重复"),
            format!("the same person as on line {first_line}"),
        ),
        P::NoRows => lang
            .t(&Tr("列名下没有人员", "nobody below the header"))
            .to_string(),
    };
    lang.pick(
        format!("第{}行：{what}", e.line),
        format!("line {}: {what}", e.line),
    )
}

pub fn year_missing_line(lang: Lang, year: i32) -> String {
    lang.pick(
        format!("✗ {year} 年节假日未录入：期限按周一至周五推算并提示（y 录入年份，a 增补日期，i 导入文件）"),
        format!("✗ {year}: holidays not entered; deadlines assume Mon–Fri and warn (y, a, i)"),
    )
}

pub const NO_MEETINGS_HINT: Tr = Tr(
    "按 n 建立下周一的例会，x 建立临时会议",
    "n: next Monday's meeting, x: an extra meeting",
);
pub const NO_LEADERS_YET: Tr = Tr(
    "（名册中还没有局领导：导入名册后在“参会人员”按 D 补齐出席人员）",
    " (no leaders on the roster yet: after importing it, D in People lists them)",
);
pub const IMPORT_PREVIEW: Tr = Tr("名册导入预览", "Roster import preview");

// The console's share of the classified materials.
pub const NO_COPY_FOR_PERSON: Tr = Tr(
    "没有可发给此人的涉密材料（在会务准备中编号）",
    "No classified copy for this person (copies are numbered in the back office)",
);
pub const FORM_COPIES_OUT: Tr = Tr(
    "涉密材料未全部收回：记录理由后散会",
    "Classified copies still out: record why, then close",
);

pub fn copy_handed(lang: Lang, n: u32, name: &str) -> String {
    lang.pick(
        format!("涉密材料第{n}份已发给 {name}"),
        format!("Classified copy {n} handed to {name}"),
    )
}

pub fn copy_collected(lang: Lang, n: u32, name: &str) -> String {
    lang.pick(
        format!("涉密材料第{n}份已由 {name} 交回"),
        format!("Classified copy {n} back from {name}"),
    )
}

pub fn copy_out_short(lang: Lang, n: u32, holder: &str) -> String {
    lang.pick(
        format!("第{n}份（{holder}）"),
        format!("No. {n} ({holder})"),
    )
}

pub fn postponed_from(lang: Lang, day: &str) -> String {
    lang.pick(
        format!(" · 由{day}顺延"),
        format!(" · postponed from {day}"),
    )
}

/// A topic carried over from an earlier meeting: where it came from.
pub fn carried_from(lang: Lang, day: &str) -> String {
    lang.pick(
        format!("由 {day} 会议顺延"),
        format!("Carried over from the meeting of {day}"),
    )
}

/// A topic carried over to a later meeting: where it went.
pub fn carried_to(lang: Lang, day: &str) -> String {
    lang.pick(
        format!("已顺延至 {day} 会议"),
        format!("Carried over to the meeting of {day}"),
    )
}
