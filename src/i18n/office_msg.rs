//! What the back office says back, with the values it names.
use chrono::Datelike;

use super::backoffice::{not_scheduled_because, review_item, stage_name, step_name};
use super::{Lang, Tr, x_weekday};
use crate::domain::Time;
use crate::domain::agenda::AgendaRefused;
use crate::domain::classified::CopyRefused;
use crate::domain::notice::NoticeTiming;
use crate::domain::review::ReviewItem;
use crate::domain::submission::{ChainRefused, SubmissionStep};
use crate::domain::topic_stage::StageRefused;

/// "2026-03-09 星期一 09:00".
pub fn meeting_when(lang: Lang, t: &Time) -> String {
    format!(
        "{} {} {}",
        t.format("%Y-%m-%d"),
        x_weekday(lang, t.weekday()),
        t.format("%H:%M")
    )
}

/// A meeting created; `attending`: how many of the leadership team were listed.
pub fn meeting_created(lang: Lang, when: &str, attending: usize) -> String {
    match attending {
        0 => lang.pick(
            format!("已建立 {when} 的会议"),
            format!("Meeting of {when} created"),
        ),
        n => lang.pick(
            format!("已建立 {when} 的会议，局领导班子 {n} 人列为出席"),
            format!("Meeting of {when} created, {n} of the leadership team attending"),
        ),
    }
}

pub fn meeting_exists(lang: Lang, when: &str) -> String {
    lang.pick(
        format!("{when} 的例会已经建立"),
        format!("The meeting of {when} exists already"),
    )
}

pub fn uncovered_year(lang: Lang, year: i32) -> String {
    lang.pick(
        format!("（{year}年节假日尚未录入，按周一至周五推算）"),
        format!(" ({year}'s holidays are not entered: counted Monday to Friday)"),
    )
}

pub fn year_not_declared(lang: Lang, year: i32) -> String {
    lang.pick(
        format!("已记录。{year}年尚未注明依据，期限仍按未录入处理：按 y 录入年份"),
        format!("Recorded. {year} has no source yet, so deadlines still warn: y declares it"),
    )
}

pub fn postpone_confirm(lang: Lang, from: &str, to: &str) -> String {
    lang.pick(
        format!("将 {from} 的会议顺延至 {to}？议程和参会人员随之顺延；呈报审批、会场、通知和材料需重新办理。"),
        format!("Postpone the meeting of {from} to {to}? Its agenda and people move with it; approval, rooms, notices and materials are done again."),
    )
}

pub fn postponed(lang: Lang, when: &str) -> String {
    lang.pick(format!("已顺延至 {when}"), format!("Postponed to {when}"))
}

pub fn chair_set(lang: Lang, name: &str) -> String {
    lang.pick(format!("主持人：{name}"), format!("Chair: {name}"))
}

pub fn stage_refused(lang: Lang, why: &StageRefused) -> String {
    match why {
        StageRefused::Review(item) => not_scheduled_because(lang, *item),
        StageRefused::NotAllowed { from, to } => lang.pick(
            format!(
                "议题“{}”不能改为“{}”",
                lang.t(&stage_name(*from)),
                lang.t(&stage_name(*to))
            ),
            format!(
                "A topic {} cannot become {}",
                lang.t(&stage_name(*from)),
                lang.t(&stage_name(*to))
            ),
        ),
    }
}

pub fn topic_registered(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("议题已登记：{title}（下一步：按 r 审核）"),
        format!("Topic registered: {title} (next: r to review)"),
    )
}

pub fn topic_saved(lang: Lang, title: &str) -> String {
    lang.pick(format!("已保存：{title}"), format!("Saved: {title}"))
}

pub fn topic_back_to_review(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("材料已改，需重新审核：{title}"),
        format!("The form changed, to be reviewed again: {title}"),
    )
}

pub fn topic_returned(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("已退回部门：{title}"),
        format!("Returned to its department: {title}"),
    )
}

pub fn withdraw_confirm(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("撤回议题“{title}”？记录仍保留。"),
        format!("Withdraw “{title}”? It stays on the record."),
    )
}

pub fn carried_over(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("已再次登记，可列入下次议程：{title}"),
        format!("Registered again, ready for a later agenda: {title}"),
    )
}

pub fn topic_ready(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("审核全部通过，可以上会：{title}"),
        format!("Every check passed, ready: {title}"),
    )
}

pub fn review_next(lang: Lang, item: ReviewItem) -> String {
    lang.pick(
        format!("已记录。尚需审核：{}", lang.t(&review_item(item))),
        format!("Recorded. Still to check: {}", lang.t(&review_item(item))),
    )
}

pub fn scheduled_but_failing(lang: Lang, item: ReviewItem) -> String {
    lang.pick(
        format!(
            "已列入议程的议题：{}；请从议程撤下或重新审核",
            not_scheduled_because(lang, item)
        ),
        format!(
            "On the agenda: {}; take it off or review again",
            not_scheduled_because(lang, item)
        ),
    )
}

pub fn agenda_refused(lang: Lang, why: &AgendaRefused) -> String {
    match why {
        AgendaRefused::AlreadyOnAgenda => lang.t(&super::ALREADY_ON_AGENDA).to_string(),
        AgendaRefused::NotReady(item) => not_scheduled_because(lang, *item),
        AgendaRefused::AfterCutoff { cutoff } => lang.pick(
            format!(
                "已过提出议程时间（{} 12:00），只能经《审批表》急需增加议题",
                cutoff.format("%m-%d")
            ),
            format!(
                "Past the agenda cut-off ({} 12:00): only the urgent approval form may add a topic",
                cutoff.format("%m-%d")
            ),
        ),
        AgendaRefused::OverNorm { count } => over_norm_question(lang, *count),
    }
}

pub fn over_norm_question(lang: Lang, count: usize) -> String {
    lang.pick(
        format!("这将是第 {count} 项议题，超过每次5项为宜的安排：请记录理由"),
        format!("This makes {count} topics, above the norm of 5: record why"),
    )
}

pub fn scheduled(lang: Lang, title: &str, seq: u32, after_cutoff: bool) -> String {
    let late = if after_cutoff {
        lang.pick(
            "（截止后经审批表增加）".into(),
            " (added after the cut-off, urgent form)".into(),
        )
    } else {
        String::new()
    };
    lang.pick(
        format!("已列入议程第 {seq} 项：{title}{late}"),
        format!("On the agenda as topic {seq}: {title}{late}"),
    )
}

pub fn unschedule_confirm(lang: Lang, title: &str) -> String {
    lang.pick(
        format!("将“{title}”从议程撤下？其列席人员和材料清单一并撤下。"),
        format!("Take “{title}” off the agenda? Its sitting-in people and packages go with it."),
    )
}

pub fn agenda_topic_not_ready(lang: Lang, title: &str, item: ReviewItem) -> String {
    lang.pick(
        format!("“{title}”：{}", not_scheduled_because(lang, item)),
        format!("“{title}”: {}", not_scheduled_because(lang, item)),
    )
}

pub fn agenda_proposed(lang: Lang, late: bool) -> String {
    match (lang, late) {
        (Lang::Zh, false) => "议程已提出（下一步：呈报审批）".into(),
        (Lang::Zh, true) => "议程已提出，但晚于周五12时".into(),
        (Lang::En, false) => "Agenda proposed (next: the approval chain)".into(),
        (Lang::En, true) => "Agenda proposed, but after Friday 12:00".into(),
    }
}

pub fn already_listed(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("{name} 已在名单中"),
        format!("{name} is listed already"),
    )
}

pub fn person_added(lang: Lang, name: &str) -> String {
    lang.pick(format!("已添加：{name}"), format!("Added: {name}"))
}

pub fn people_added(lang: Lang, n: usize) -> String {
    lang.pick(format!("添加了 {n} 人"), format!("{n} added"))
}

pub fn remove_person_confirm(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("从参会名单移除 {name}？"),
        format!("Remove {name} from the meeting's list?"),
    )
}

pub fn recorder_set(lang: Lang, name: &str) -> String {
    lang.pick(format!("记录员：{name}"), format!("Recorder: {name}"))
}

pub fn signed(lang: Lang, step: SubmissionStep, approved: bool) -> String {
    let s = lang.t(&step_name(step));
    match (lang, approved) {
        (Lang::Zh, true) => format!("{s}：会议已审批同意，可开展会务准备"),
        (Lang::Zh, false) => format!("已记录：{s}"),
        (Lang::En, true) => format!("{s}: the meeting is approved"),
        (Lang::En, false) => format!("Recorded: {s}"),
    }
}

pub fn chain_refused(lang: Lang, why: &ChainRefused) -> String {
    match why {
        ChainRefused::OutOfOrder { expected, got } => lang.pick(
            format!(
                "次序不对：“{}”之前应先“{}”",
                lang.t(&step_name(*got)),
                lang.t(&step_name(*expected))
            ),
            format!(
                "Out of order: “{}” comes before “{}”",
                lang.t(&step_name(*expected)),
                lang.t(&step_name(*got))
            ),
        ),
        ChainRefused::AlreadyApproved => lang.t(&super::ALREADY_APPROVED).to_string(),
        ChainRefused::NoSigner => lang
            .t(&Tr("请填写签批人", "Who signs is required"))
            .to_string(),
        ChainRefused::NoReason => lang
            .t(&Tr("请填写退回理由", "A reason is required"))
            .to_string(),
        ChainRefused::NotSubmitted => lang.t(&super::NOTHING_TO_SEND_BACK).to_string(),
        ChainRefused::BeforePrevious { previous } => lang.pick(
            format!("时间早于上一步（{}）", previous.format("%m-%d %H:%M")),
            format!(
                "Earlier than the step before ({})",
                previous.format("%m-%d %H:%M")
            ),
        ),
    }
}

pub fn sent_back(lang: Lang, reason: &str) -> String {
    lang.pick(
        format!("已退回办公室：{reason}（办公室重新填写后再报）"),
        format!("Sent back to the office: {reason} (the office fills it again)"),
    )
}

pub fn notice_sent(lang: Lang, department: &str) -> String {
    lang.pick(
        format!("已通知：{department}"),
        format!("Notified: {department}"),
    )
}

pub fn notice_timing(lang: Lang, department: &str, t: NoticeTiming) -> String {
    match t {
        NoticeTiming::Early { days_before } => lang.pick(
            format!("已通知 {department}，但在会前 {days_before} 天（规定会前1-2天）"),
            format!("{department} notified {days_before} days before (the rule: 1–2 days)"),
        ),
        NoticeTiming::Late => lang.pick(
            format!("已通知 {department}，但已是会议当天或之后"),
            format!("{department} notified on the meeting day or after"),
        ),
        NoticeTiming::InWindow => notice_sent(lang, department),
    }
}

pub fn copies(lang: Lang, n: u32) -> String {
    lang.pick(format!("{n} 份"), format!("{n} copies"))
}

pub fn packages_listed(lang: Lang, n: usize) -> String {
    lang.pick(
        format!("按参会人员核定材料：{n} 份清单有变化"),
        format!("Materials counted from the people: {n} packages changed"),
    )
}

pub fn copy_refused(lang: Lang, why: &CopyRefused) -> String {
    let t = match why {
        CopyRefused::AlreadyOut { .. } => Tr("该份已发出", "That copy is out already"),
        CopyRefused::AlreadyReturned => Tr("该份已收回", "That copy is back already"),
        CopyRefused::NotOut => Tr("该份尚未发出", "That copy was never handed out"),
    };
    lang.t(&t).to_string()
}

pub fn initials_hint(lang: Lang, computed: &str) -> String {
    if computed.is_empty() {
        return lang
            .t(&Tr("拼音首字母自动生成", "Initials are computed"))
            .to_string();
    }
    lang.pick(
        format!("拼音首字母自动生成：{computed}；读错时在末项更正"),
        format!("Initials computed: {computed}; correct them in the last field"),
    )
}

pub fn same_person_confirm(lang: Lang, name: &str, department: &str) -> String {
    lang.pick(
        format!("名册中已有 {department} 的 {name}。仍要再添一人？"),
        format!("{name} of {department} is on the roster already. Add another?"),
    )
}

pub fn person_saved(lang: Lang, name: &str, initials: &str) -> String {
    lang.pick(
        format!("已保存：{name}（{initials}）"),
        format!("Saved: {name} ({initials})"),
    )
}

pub fn retire_confirm(lang: Lang, name: &str, active: bool) -> String {
    match (lang, active) {
        (Lang::Zh, true) => format!("{name} 退出名册？历次会议记录中仍保留其姓名。"),
        (Lang::Zh, false) => format!("将 {name} 恢复到名册？"),
        (Lang::En, true) => format!("Retire {name}? Past meetings keep the name."),
        (Lang::En, false) => format!("Put {name} back on the roster?"),
    }
}

pub fn cannot_read(lang: Lang, path: &str, why: &str) -> String {
    lang.pick(
        format!("无法读取 {path}：{why}"),
        format!("Cannot read {path}: {why}"),
    )
}

pub fn import_preview(lang: Lang, n: usize) -> String {
    lang.pick(
        format!("文件中 {n} 人，请核对：Enter 全部导入，Esc 放弃"),
        format!("{n} people in the file: Enter imports them all, Esc drops them"),
    )
}

pub fn import_refused(lang: Lang, n: usize) -> String {
    lang.pick(
        format!("文件有 {n} 处错误，未导入任何人员"),
        format!("{n} errors in the file: nobody was imported"),
    )
}

pub fn imported(lang: Lang, n: usize) -> String {
    lang.pick(format!("已导入 {n} 人"), format!("{n} people imported"))
}

pub fn calendar_imported(lang: Lang, years: usize) -> String {
    lang.pick(
        format!("已导入日历文件（{years} 个年份）"),
        format!("Calendar file imported ({years} years)"),
    )
}
