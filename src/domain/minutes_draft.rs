//! The first draft of the summary minutes, shaped from the recorded decisions (R7.1,
//! R6.5): an opening paragraph (when, who chaired, how many topics), then one paragraph
//! per topic in the official style —
//! "一、关于……的议题。会议听取了……的汇报，分管局领导……作了说明。会议决定：……。
//! 由……负责，……前完成。"
//!
//! The draft is a starting point the office edits; it says only what was recorded.
use chrono::NaiveDate;

use super::cn_style;
use super::decision::Outcome;

/// The meeting's facts the minutes open with and close with (出席 / 请假 / 列席).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftHeader {
    /// e.g. "局长办公例会".
    pub meeting_title: String,
    pub date: Option<NaiveDate>,
    /// Name (and title, if wanted) of the chair, e.g. "局长王建国".
    pub chair: String,
    pub room: String,
    pub attending: Vec<String>,
    pub sitting_in: Vec<String>,
    pub on_leave: Vec<String>,
}

/// One topic's decision as recorded (R6.5).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftTopic {
    pub title: String,
    /// The department that reported (step 1); may be blank.
    pub department: String,
    /// None: not decided in this meeting.
    pub outcome: Option<Outcome>,
    /// The decided text as the director gave it.
    pub decided_text: String,
    pub units: Vec<String>,
    /// The deputy leader in charge, by name.
    pub deputy: String,
    pub deadline: Option<NaiveDate>,
}

/// The words of the decision's outcome as they open "会议决定：".
pub fn outcome_words(o: Outcome) -> &'static str {
    match o {
        Outcome::Approved => "同意",
        Outcome::ApprovedInPrinciple => "原则同意",
        Outcome::NotApproved => "不同意",
        Outcome::Deferred => "暂缓",
        Outcome::FurtherStudy => "进一步研究",
    }
}

/// "关于议题的议题" reads badly: a title already saying 关于… / …的议题 is kept as it is.
fn about(title: &str) -> String {
    let t = title.trim().trim_end_matches(['。', '.']);
    let t = t.strip_prefix("关于").unwrap_or(t);
    let t = t.strip_suffix("的议题").unwrap_or(t);
    format!("关于{t}的议题")
}

/// The opening paragraph: "2026年11月30日，局长王建国在旗局二楼党委会议室主持召开局长办公
/// 例会，研究了三项议题。现将会议议定事项纪要如下："
pub fn opening(header: &DraftHeader, topics: usize) -> String {
    let mut s = String::new();
    if let Some(d) = header.date {
        s.push_str(&cn_style::date(d));
        s.push('，');
    }
    let chair = header.chair.trim();
    s.push_str(chair);
    let room = header.room.trim();
    if !room.is_empty() {
        s.push('在');
        s.push_str(room);
    }
    if !chair.is_empty() {
        s.push_str("主持");
    }
    s.push_str("召开");
    let title = header.meeting_title.trim();
    s.push_str(if title.is_empty() {
        "局长办公例会"
    } else {
        title
    });
    s.push_str(&format!(
        "，研究了{}项议题。现将会议议定事项纪要如下：",
        cn_style::numeral(u32::try_from(topics).unwrap_or(u32::MAX))
    ));
    s
}

/// One topic's paragraph; `n` is its 1-based place.
pub fn topic_paragraph(n: u32, t: &DraftTopic) -> String {
    let mut s = cn_style::ordinal(n);
    s.push_str(&about(&t.title));
    s.push('。');
    let dept = t.department.trim();
    if dept.is_empty() {
        s.push_str("会议听取了有关情况汇报");
    } else {
        s.push_str(&format!("会议听取了{dept}的汇报"));
    }
    let deputy = t.deputy.trim();
    if !deputy.is_empty() {
        s.push_str(&format!("，分管局领导{deputy}作了说明"));
    }
    s.push('。');
    let text = t.decided_text.trim();
    match t.outcome {
        None => s.push_str("会议未作出决定。"),
        Some(o) => {
            let words = outcome_words(o);
            s.push_str("会议决定：");
            if text.is_empty() {
                s.push_str(&cn_style::sentence(words));
            } else if text.starts_with(words) {
                s.push_str(&cn_style::sentence(text));
            } else {
                s.push_str(words);
                s.push('，');
                s.push_str(&cn_style::sentence(text));
            }
        }
    }
    let units = cn_style::list(&t.units);
    match (units.is_empty(), t.deadline) {
        (false, Some(d)) => s.push_str(&format!("由{units}负责，{}前完成。", cn_style::date(d))),
        (false, None) => s.push_str(&format!("由{units}负责落实。")),
        (true, Some(d)) => s.push_str(&format!("{}前完成。", cn_style::date(d))),
        (true, None) => {}
    }
    s
}

/// The whole draft: the opening, then one paragraph per topic, each paragraph on its
/// own line (a decided text's own line breaks are kept inside its paragraph).
pub fn draft_text(header: &DraftHeader, topics: &[DraftTopic]) -> String {
    let mut out = opening(header, topics.len());
    out.push('\n');
    for (i, t) in topics.iter().enumerate() {
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        out.push_str(&topic_paragraph(n, t));
        out.push('\n');
    }
    out
}
