//! The preparation dashboard's words: each stage in the regulation's terms, its state, its
//! deadline, and what is missing.
use chrono::{Datelike, NaiveDate};

use super::backoffice::{review_item, step_name};
use super::{Lang, Tr, x_weekday};
use crate::domain::booking::BookingGap;
use crate::domain::meeting_people::StaffProblem;
use crate::domain::prep::{Due, Missing, Note, StageKind, StageState};

/// Opening a meeting in the console whose preparation is not done.
pub fn preparation_open(lang: Lang, stages: &[&str]) -> String {
    match lang {
        Lang::Zh => format!("会前准备未完成：{}（见会务准备 F3）", stages.join("、")),
        Lang::En => format!(
            "Preparation not done: {} (see the back office, F3)",
            stages.join(", ")
        ),
    }
}

pub fn stage_kind(k: StageKind) -> Tr {
    match k {
        StageKind::TopicsReady => Tr("议题审核", "Topics reviewed"),
        StageKind::Agenda => Tr("提出议程", "Agenda proposed"),
        StageKind::Approval => Tr("呈报审批", "Approval chain"),
        StageKind::Room => Tr("落实会场", "Rooms booked"),
        StageKind::Notices => Tr("会议通知", "Notices sent"),
        StageKind::Replies => Tr("反馈名单", "Replies in"),
        StageKind::Materials => Tr("材料送达", "Materials delivered"),
        StageKind::ClassifiedCopies => Tr("涉密材料", "Classified copies"),
    }
}

/// The state in a symbol and a word, so it reads without colour (the mono theme).
pub fn stage_state(s: StageState) -> Tr {
    match s {
        StageState::Done => Tr("✓ 已完成", "✓ done"),
        StageState::DueSoon => Tr("! 即将到期", "! due soon"),
        StageState::Overdue => Tr("✗ 已逾期", "✗ overdue"),
        StageState::Pending => Tr("· 未到期", "· not due"),
    }
}

fn day(lang: Lang, d: NaiveDate) -> String {
    format!("{} {}", d.format("%m-%d"), x_weekday(lang, d.weekday()))
}

/// "03-06 星期五 12:00前", "03-06 星期五 前", "03-07 – 03-08".
pub fn due(lang: Lang, d: &Due) -> String {
    match d {
        Due::At(t) => lang.pick(
            format!("{} {}前", day(lang, t.date_naive()), t.format("%H:%M")),
            format!("by {} {}", day(lang, t.date_naive()), t.format("%H:%M")),
        ),
        Due::EndOfDay(d) => lang.pick(
            format!("{}前", day(lang, *d)),
            format!("by {}", day(lang, *d)),
        ),
        Due::Window { from, to } => format!("{} – {}", day(lang, *from), day(lang, *to)),
    }
}

/// What is missing; `topic` names a topic by its place and title.
pub fn missing(lang: Lang, m: &Missing, topic: &dyn Fn(i64) -> String) -> String {
    match m {
        Missing::NoTopics => lang
            .t(&Tr("议程中还没有议题", "no topic on the agenda"))
            .into(),
        Missing::TopicNotReady { topic_id, item } => format!(
            "{}：{}",
            topic(*topic_id),
            lang.pick(
                format!("缺{}", lang.t(&review_item(*item))),
                format!("missing {}", lang.t(&review_item(*item)))
            )
        ),
        Missing::AgendaNotProposed => lang.t(&Tr("议程尚未提出", "agenda not proposed")).into(),
        Missing::OverNormWithoutReason => lang
            .t(&Tr(
                "超过5项议题，未记录理由",
                "more than 5 topics, no reason recorded",
            ))
            .into(),
        Missing::NoAttending => lang
            .t(&Tr(
                "没有出席人员（局领导班子）",
                "nobody attending (leadership team)",
            ))
            .into(),
        Missing::Staff(p) => staff(lang, p),
        Missing::Approval(step) => lang.pick(
            format!("待{}", lang.t(&step_name(*step))),
            format!("waiting: {}", lang.t(&step_name(*step))),
        ),
        Missing::Booking(BookingGap::Room) => lang.t(&Tr("会议室未落实", "room not booked")).into(),
        Missing::Booking(BookingGap::WaitingRoom) => lang
            .t(&Tr(
                "需候会，未注明候会室",
                "a waiting room is needed, none named",
            ))
            .into(),
        Missing::NoDepartments => lang
            .t(&Tr("尚无参会部门可通知", "no department to notify yet"))
            .into(),
        Missing::Notice { department } => lang.pick(
            format!("{department} 未通知"),
            format!("{department} not notified"),
        ),
        Missing::Reply { department } => lang.pick(
            format!("{department} 未反馈"),
            format!("{department} has not replied"),
        ),
        Missing::MaterialsNotListed { topic_id } => lang.pick(
            format!("{} 未列材料清单", topic(*topic_id)),
            format!("{}: no packages listed", topic(*topic_id)),
        ),
        Missing::Delivery {
            topic_id,
            department,
        } => lang.pick(
            format!("{} {department} 未送达", topic(*topic_id)),
            format!("{} {department} not delivered", topic(*topic_id)),
        ),
        Missing::ClassifiedCopies {
            topic_id,
            prepared,
            needed,
        } => lang.pick(
            format!("{} 涉密材料已编号 {prepared}/{needed} 份", topic(*topic_id)),
            format!("{} classified copies {prepared}/{needed}", topic(*topic_id)),
        ),
    }
}

fn staff(lang: Lang, p: &StaffProblem) -> String {
    let t = match p {
        StaffProblem::NoStaff => Tr("未确定工作人员", "no staff named"),
        StaffProblem::TooMany(_) => Tr("工作人员超过2名", "more than 2 staff"),
        StaffProblem::NoRecorder => Tr("未指定记录员", "no recorder marked"),
        StaffProblem::RecorderNotStaff => Tr("记录员不在工作人员中", "the recorder is not staff"),
        StaffProblem::NotFromOffice(_) => {
            Tr("工作人员应为办公室人员", "staff come from the office")
        }
    };
    lang.t(&t).to_string()
}

pub fn note(lang: Lang, n: &Note, topic: &dyn Fn(i64) -> String) -> String {
    match n {
        Note::LateTopic(t) => lang.pick(
            format!("{} 截止后经审批表增加", topic(*t)),
            format!("{} added after the cut-off", topic(*t)),
        ),
        Note::OverNorm => lang
            .t(&Tr("超过5项，已记录理由", "over 5, reason recorded"))
            .into(),
        Note::ProposedLate => lang
            .t(&Tr("晚于周五12时提出", "proposed after Friday 12:00"))
            .into(),
        Note::SentBack(step) => lang.pick(
            format!("曾在“{}”退回", lang.t(&step_name(*step))),
            format!("sent back at “{}”", lang.t(&step_name(*step))),
        ),
        Note::NoticeEarly {
            department,
            days_before,
        } => lang.pick(
            format!("{department} 提前{days_before}天通知"),
            format!("{department} told {days_before} days before"),
        ),
        Note::NoticeLate { department } => lang.pick(
            format!("{department} 通知过晚"),
            format!("{department} told late"),
        ),
        Note::ReplyLate { department } => lang.pick(
            format!("{department} 反馈过晚"),
            format!("{department} replied late"),
        ),
        Note::DeliveredLate {
            topic_id,
            department,
        } => lang.pick(
            format!("{} {department} 送达过晚", topic(*topic_id)),
            format!("{} {department} delivered late", topic(*topic_id)),
        ),
        Note::Fallback {
            topic_id,
            department,
        } => lang.pick(
            format!("{} {department} 以其他形式通知", topic(*topic_id)),
            format!("{} {department} told another way", topic(*topic_id)),
        ),
        Note::NothingClassified => lang.t(&Tr("无涉密议题", "nothing classified")).into(),
    }
}

pub const DASHBOARD_NO_MEETING: Tr = Tr(
    "还没有要准备的会议：按 Alt-1 到“会议”，再按 n 建立下周一的例会",
    "No meeting to prepare: Alt-1 for Meetings, then n for next Monday's",
);
pub const ALL_DONE: Tr = Tr("会前准备全部完成", "Everything is ready");
pub const UNCOVERED_WARNING: Tr = Tr(
    "年节假日未录入，按周一至周五推算",
    "holidays not entered: Mon–Fri assumed",
);
