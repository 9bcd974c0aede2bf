//! The back office's words (F3): panes, forms, the regulation's terms, and what it says
//! back. The dashboard's words are in `dashboard.rs`.
use super::{Lang, Tr};
use crate::app::backoffice::Section;
use crate::domain::Time;
use crate::domain::agenda::Urgency;
use crate::domain::review::ReviewItem;
use crate::domain::submission::SubmissionStep;
use crate::domain::topic::Channel;
use crate::domain::topic_stage::TopicStage;

// Screen and panes.
pub const SCREEN_OFFICE: Tr = Tr("会务准备", "Back office");
pub const PANE_MEETINGS: Tr = Tr("会议", "Meetings");
pub const PANE_DASHBOARD: Tr = Tr("准备进度", "Preparation");
pub const PANE_TOPICS: Tr = Tr("议题", "Topics");
pub const PANE_AGENDA: Tr = Tr("议程", "Agenda");
pub const PANE_PEOPLE: Tr = Tr("参会人员", "People");
pub const PANE_APPROVAL: Tr = Tr("呈报审批", "Approval");
pub const PANE_PREP: Tr = Tr("会务", "Room & papers");
pub const PANE_ROSTER: Tr = Tr("名册", "Roster");
pub const PANE_CALENDAR: Tr = Tr("工作日历", "Working days");
pub const YES: Tr = Tr("是", "yes");
pub const NO: Tr = Tr("否", "no");

// The regulation's terms.
pub const DEFAULT_MEETING_TITLE: Tr = Tr("局长办公例会", "Director's office meeting");
pub const EXTRA_MEETING_TITLE: Tr = Tr("局长办公会（临时）", "Director's office meeting (extra)");
pub const SUBMISSION_FORM: Tr = Tr("《局长办公例会研究事项呈报表》", "The submission form");
pub const WECHAT: Tr = Tr("微信", "WeChat");
pub const PHONE: Tr = Tr("电话", "phone");
pub const DELIVERED: Tr = Tr("送达", "delivered");
pub const FALLBACK: Tr = Tr(
    "无法送达，以其他形式通知",
    "could not deliver: told another way",
);
pub const PASS: Tr = Tr("通过", "passed");
pub const FAIL: Tr = Tr("不通过", "failed");
pub const HOLIDAY: Tr = Tr("放假", "day off");
pub const MAKEUP_DAY: Tr = Tr("调休上班", "make-up working day");
pub const COVERAGE_DEFAULT: Tr = Tr(
    "默认不作新闻报道、不录像、不拍照；例外须记录由谁要求",
    "No press, video or photos by default; an exception names who ordered it",
);

pub fn stage_name(s: TopicStage) -> Tr {
    match s {
        TopicStage::Proposed => Tr("已提出", "proposed"),
        TopicStage::UnderReview => Tr("审核中", "under review"),
        TopicStage::Ready => Tr("可上会", "ready"),
        TopicStage::Scheduled => Tr("已列入议程", "scheduled"),
        TopicStage::Discussed => Tr("已讨论", "discussed"),
        TopicStage::Decided => Tr("已决定", "decided"),
        TopicStage::Withdrawn => Tr("已撤回", "withdrawn"),
    }
}

pub fn channel_name(c: Channel) -> Tr {
    match c {
        Channel::RegistrationForm => Tr("部门提出（登记表）", "Department (registration form)"),
        Channel::UrgentForm => Tr("急需临时召开（审批表）", "Urgent (approval form)"),
        Channel::SpecialMeeting => Tr("局长专题会议", "Director's special meeting"),
        Channel::LeaderInstruction => Tr("领导批示", "Leader's instruction"),
    }
}

/// A channel in a word or two, for a short list.
pub fn channel_short(c: Channel) -> Tr {
    match c {
        Channel::RegistrationForm => Tr("登记表", "Form"),
        Channel::UrgentForm => Tr("审批表", "Urgent"),
        Channel::SpecialMeeting => Tr("专题会议", "Special"),
        Channel::LeaderInstruction => Tr("领导批示", "Instruct."),
    }
}

/// The form's title per channel (R1.1).
pub fn form_title(c: Channel) -> Tr {
    match c {
        Channel::RegistrationForm => Tr(
            "《提交局长办公会讨论议题登记表》",
            "Topic registration form",
        ),
        Channel::UrgentForm => Tr(
            "《提交局长办公会讨论议题审批表》",
            "Urgent topic approval form",
        ),
        Channel::SpecialMeeting => Tr(
            "议题登记（局长专题会议研究后提出）",
            "Topic from a special meeting",
        ),
        Channel::LeaderInstruction => Tr(
            "议题登记（根据领导批示提出）",
            "Topic from a leader's instruction",
        ),
    }
}

/// The scope categories of §1.1.2, shortened (1–5, 7–9: the regulation has no 6).
pub fn scope_name(n: u8) -> Tr {
    match n {
        1 => Tr(
            "传达贯彻上级会议、文件精神",
            "Relaying superiors' meetings and documents",
        ),
        2 => Tr(
            "全局性重点工作、安保任务、专项行动",
            "Key work, security tasks, campaigns",
        ),
        3 => Tr(
            "重大治安、刑事案件",
            "Major public-order and criminal cases",
        ),
        4 => Tr(
            "撤案、强制措施等案件事项",
            "Case decisions (withdrawal, coercive measures…)",
        ),
        5 => Tr("工作务虚和工作思路", "Reflection and direction of work"),
        7 => Tr(
            "需统筹安排的全面工作",
            "Bureau-wide matters needing coordination",
        ),
        8 => Tr(
            "局党委书记、局长确定的问题",
            "Matters set by the party secretary and director",
        ),
        _ => Tr(
            "需要例会决定的其他事项",
            "Other matters for the meeting to decide",
        ),
    }
}

pub fn review_item(i: ReviewItem) -> Tr {
    match i {
        ReviewItem::WithinScope => Tr("1 内容符合议题范围", "1 Within scope"),
        ReviewItem::Coordinated => Tr(
            "2 涉及部门已协调、意见基本一致",
            "2 Departments coordinated",
        ),
        ReviewItem::SolutionClear => Tr(
            "3 方案明确、依据充分、背景清楚",
            "3 Solution, basis, background clear",
        ),
        ReviewItem::DeputyReviewed => {
            Tr("4 分管领导审查、形成一致意见", "4 Reviewed by the deputy")
        }
        ReviewItem::LegalReviewed => Tr(
            "4 督察法制部门审查把关",
            "4 Legal review (inspection & legal)",
        ),
    }
}

/// The refusal in the regulation's own words (§1.2).
pub fn not_scheduled_because(lang: Lang, i: ReviewItem) -> String {
    let t = match i {
        ReviewItem::WithinScope => Tr(
            "内容不符合议题范围，不予安排",
            "Not within the scope of topics: not scheduled",
        ),
        ReviewItem::Coordinated => Tr(
            "涉及部门未经充分协调、意见未基本一致，不予安排",
            "The departments involved have not agreed: not scheduled",
        ),
        ReviewItem::SolutionClear => Tr(
            "方案不明确或事前未经协商、征求意见，一律不予安排",
            "No clear solution, or not consulted on beforehand: not scheduled",
        ),
        ReviewItem::DeputyReviewed => Tr(
            "未经分管领导审查形成一致意见，不予安排上会",
            "Not reviewed by the deputy in charge: not scheduled",
        ),
        ReviewItem::LegalReviewed => Tr(
            "未经督察法制部门审查，不予安排上会",
            "Not reviewed by the inspection & legal department: not scheduled",
        ),
    };
    lang.t(&t).to_string()
}

pub fn urgency_name(u: Urgency) -> Tr {
    match u {
        Urgency::Urgent => Tr("急", "urgent"),
        Urgency::Important => Tr("重", "important"),
        Urgency::Routine => Tr("一般", "routine"),
    }
}

pub fn step_name(s: SubmissionStep) -> Tr {
    match s {
        SubmissionStep::Filled => Tr("办公室填写", "Filled by the office"),
        SubmissionStep::OfficeDirectorReviewed => Tr("办公室主任审核", "Office director reviewed"),
        SubmissionStep::DeputyApproved => Tr("分管局领导审定", "Deputy in charge approved"),
        SubmissionStep::DirectorSigned => Tr("局党委书记、局长签字", "Director signed"),
    }
}

pub fn section_pick_title(s: Section) -> Tr {
    match s {
        Section::Attending => Tr("出席（局领导班子成员）", "Attending (leadership team)"),
        Section::SittingInAll => Tr("列席·全程", "Sitting in, whole meeting"),
        Section::Topic(_) => Tr("列席·本议题", "Sitting in for this topic"),
        Section::Staff => Tr("工作人员（办公室1-2名）", "Staff (1–2 from the office)"),
    }
}

// Form titles.
pub const FORM_EXTRA_MEETING: Tr = Tr("临时会议", "Extra meeting");
pub const EXTRA_MEETING_HINT: Tr = Tr(
    "急需临时召开：议题经审批表提出",
    "Urgent: its topic comes by the approval form",
);
pub const FORM_EDIT_MEETING: Tr = Tr("修改会议", "Edit meeting");
pub const FORM_TOPIC_FILTER: Tr = Tr("筛选议题", "Filter topics");
pub const FORM_REVIEW: Tr = Tr("办公室审核（逐项记录）", "Office review (one item)");
pub const FORM_OVER_NORM: Tr = Tr("超过5项议题的理由", "Why more than 5 topics");
pub const FORM_ADD_BY_TITLE: Tr = Tr("按职务添加", "Add by title");
pub const FORM_SIGN: Tr = Tr("呈报表签批", "Sign the submission");
pub const FORM_SEND_BACK: Tr = Tr("退回办公室", "Send back to the office");
pub const FORM_COVERAGE: Tr = Tr("新闻报道/录像/拍照", "Press / video / photos");
pub const FORM_BOOKING: Tr = Tr("落实会场", "Book the rooms");
pub const FORM_NOTICE: Tr = Tr("会议通知", "Meeting notice");
pub const FORM_REPLY: Tr = Tr("反馈参会人员名单", "Reply with attendees");
pub const FORM_DELIVERY: Tr = Tr("材料送达", "Materials delivered");
pub const FORM_COPIES: Tr = Tr("涉密材料编号", "Number classified copies");
pub const FORM_OUT_REASON: Tr = Tr("涉密材料未收回的理由", "Why a classified copy is still out");
pub const FORM_NEW_PERSON: Tr = Tr("新增人员", "Add a person");
pub const FORM_EDIT_PERSON: Tr = Tr("修改人员", "Edit a person");
pub const FORM_IMPORT: Tr = Tr("导入名册（CSV）", "Import the roster (CSV)");
pub const IMPORT_HINT: Tr = Tr(
    "首行为列名：姓名,职务,部门,电话[,首字母]",
    "First line names the columns: name,title,department,phone[,initials]",
);
pub const FORM_DAY: Tr = Tr("增补日期", "Add a day");
pub const FORM_YEAR: Tr = Tr("录入年份", "Declare a year covered");
pub const YEAR_HINT: Tr = Tr(
    "录入该年全部放假和调休日期后，注明依据（国务院办公厅通知）",
    "Once the year's days are entered, name their source (the State Council's notice)",
);
pub const FORM_IMPORT_CALENDAR: Tr = Tr("导入日历文件", "Import a calendar file");
pub const CALENDAR_FILE_HINT: Tr = Tr(
    "格式同 calendars/cn.toml：[[year]] year, source, holidays, makeup_days",
    "Same format as calendars/cn.toml: [[year]] year, source, holidays, makeup_days",
);
pub const PICK_CHAIR: Tr = Tr(
    "主持人（主要领导或分管领导）",
    "Chair (principal or deputy)",
);
pub const PICK_CHANNEL: Tr = Tr("提出议题渠道", "How the topic comes");
pub const PICK_TOPIC: Tr = Tr("可上会的议题", "Ready topics");
pub const PICK_HOLDER: Tr = Tr("发给谁", "Hand to whom");

// Field labels.
pub const F_DATE: Tr = Tr("日期（YYYY-MM-DD）", "Date (YYYY-MM-DD)");
pub const F_TITLE: Tr = Tr("名称", "Title");
pub const F_ROOM: Tr = Tr("会议室", "Room");
pub const F_WAITING_ROOM: Tr = Tr("候会室（不需要则留空）", "Waiting room (blank: none)");
pub const F_TOPIC_TITLE: Tr = Tr("议题名称", "Title");
pub const F_SUBMITTING_DEPARTMENT: Tr = Tr("申报部门", "Submitting department");
pub const F_DEPUTY: Tr = Tr("分管局领导", "Deputy leader in charge");
pub const F_CHANNEL: Tr = Tr("提出渠道", "Channel");
pub const F_SCOPE: Tr = Tr("议题范围（第1–5、7–9类）", "Scope category (1–5, 7–9)");
pub const F_SUMMARY: Tr = Tr("主要内容", "Summary");
pub const F_ALTERNATIVES: Tr = Tr(
    "解决方案（可多个，每行一个）",
    "Proposed solution(s), one per line",
);
pub const F_LEGAL_BASIS: Tr = Tr("依据", "Legal basis");
pub const F_BACKGROUND: Tr = Tr("背景", "Background");
pub const F_INVOLVED: Tr = Tr(
    "涉及部门（以、分隔）",
    "Departments involved (separate with 、)",
);
pub const F_LEGAL_CRIMINAL: Tr = Tr("涉及刑事案件", "Criminal cases");
pub const F_LEGAL_PUBLIC_ORDER: Tr = Tr("涉及治安案件", "Public-order cases");
pub const F_LEGAL_ENFORCEMENT: Tr = Tr("涉及执行法律法规", "Law enforcement");
pub const F_COPIES: Tr = Tr("材料份数", "Material copies");
pub const F_CLASSIFIED: Tr = Tr("材料涉密", "Classified materials");
pub const F_SUBMITTED_ON: Tr = Tr("提交日期", "Date submitted");
pub const F_STAGE: Tr = Tr("状态", "Stage");
pub const F_DEPARTMENT: Tr = Tr("部门", "Department");
pub const F_MEETING: Tr = Tr("会议", "Meeting");
pub const F_REVIEW_ITEM: Tr = Tr("审核事项", "Item");
pub const F_RESULT: Tr = Tr("结果", "Result");
pub const F_REVIEWER: Tr = Tr("审核人", "Reviewed by");
pub const F_NOTE: Tr = Tr("说明", "Note");
pub const F_PERSON_TITLE: Tr = Tr("职务", "Title");
pub const F_STEP: Tr = Tr("步骤", "Step");
pub const F_SIGNER: Tr = Tr("签批人", "Signed by");
pub const F_OPINION: Tr = Tr("意见", "Opinion");
pub const F_PRESS: Tr = Tr("新闻报道", "Press");
pub const F_VIDEO: Tr = Tr("录像", "Video");
pub const F_PHOTOS: Tr = Tr("拍照", "Photos");
pub const F_ORDERED_BY: Tr = Tr("由谁要求（主要领导）", "Ordered by (principal leader)");
pub const F_BOOKED_BY: Tr = Tr("经办人", "Booked by");
pub const F_TO_WHOM: Tr = Tr("通知对象", "Told whom");
pub const F_HOW: Tr = Tr("方式", "How");
pub const F_SENT_BY: Tr = Tr("通知人", "Sent by");
pub const F_ATTENDEES: Tr = Tr("参会人员（以、分隔）", "Attendees (separate with 、)");
pub const F_FALLBACK: Tr = Tr(
    "其他形式（无法送达时填写）",
    "The other way (when not delivered)",
);
pub const F_DELIVERED_BY: Tr = Tr("送达人", "Delivered by");
pub const F_MORE_COPIES: Tr = Tr("再编号份数", "More copies to number");
pub const F_NAME: Tr = Tr("姓名", "Name");
pub const F_PHONE: Tr = Tr("电话", "Phone");
pub const F_INITIALS: Tr = Tr(
    "拼音首字母（更正时填写）",
    "Initials (only to correct them)",
);
pub const F_PATH: Tr = Tr("文件路径", "File path");
pub const F_DAY_KIND: Tr = Tr("类别", "Kind");
pub const F_DAY_NAME: Tr = Tr("名称（如 春节）", "Name (e.g. Spring Festival)");
pub const F_YEAR: Tr = Tr("年份", "Year");
pub const F_SOURCE: Tr = Tr("依据（文件名称、日期）", "Source (the notice, its date)");

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
pub const F_CLOCK: Tr = Tr("时间（HH:MM）", "Time (HH:MM)");

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
