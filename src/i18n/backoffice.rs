//! The back office's words (F3): panes, forms, the regulation's terms, and what it says
//! back. The dashboard's words are in `dashboard.rs`.
use super::{Lang, Tr};
use crate::app::backoffice::Section;
use crate::domain::agenda::Urgency;
use crate::domain::review::ReviewItem;
use crate::domain::submission::SubmissionStep;
use crate::domain::topic::Channel;
use crate::domain::topic_stage::TopicStage;

// Screen and panes.
pub const SCREEN_OFFICE: Tr = Tr("会务准备", "Back office");
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

/// How a topic comes by a channel (§1.2), for the list a new topic starts from.
pub fn channel_how(c: Channel) -> Tr {
    match c {
        Channel::RegistrationForm => Tr(
            "部门填写《提交局长办公会讨论议题登记表》",
            "A department fills in the registration form",
        ),
        Channel::UrgentForm => Tr(
            "急需临时召开会议，填写审批表",
            "An extra meeting is urgent: the approval form",
        ),
        Channel::SpecialMeeting => Tr(
            "局长专题会议研究后提出",
            "Raised by the director's special meeting",
        ),
        Channel::LeaderInstruction => Tr("根据领导批示提出", "Raised on a leader's instruction"),
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
