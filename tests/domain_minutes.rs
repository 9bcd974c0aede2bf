//! Summary minutes (R7.1): the sign-off chain, frozen signed versions, corrections, the
//! one-week clock, and the draft built from the decisions.
use chrono::{DateTime, NaiveDate};
use huiwu::domain::Time;
use huiwu::domain::deadline::{DeadlineState, Progress};
use huiwu::domain::decision::Outcome;
use huiwu::domain::minutes::*;
use huiwu::domain::minutes_draft::*;

fn t(s: &str) -> Time {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn draft() -> Minutes {
    Minutes::new(
        7,
        "一、关于……的议题。".into(),
        "办公室李娜".into(),
        t("2026-11-30T14:00:00+08:00"),
    )
}

#[test]
fn sign_off_before_review_is_refused() {
    let mut m = draft();
    assert_eq!(
        m.sign_off("王建国", t("2026-12-01T09:00:00+08:00"), "同意印发"),
        Err(MinutesError::NotReviewed { version: 1 })
    );
    assert_eq!(m.current().status(), VersionStatus::Draft);
    m.review("刘卫东", t("2026-12-01T10:00:00+08:00"), "已审核")
        .unwrap();
    assert_eq!(m.current().status(), VersionStatus::Reviewed);
    // Signed before the review it follows: refused.
    assert_eq!(
        m.sign_off("王建国", t("2026-12-01T09:59:00+08:00"), "同意"),
        Err(MinutesError::BeforePrevious { version: 1 })
    );
    m.sign_off("王建国", t("2026-12-01T16:00:00+08:00"), "同意印发")
        .unwrap();
    assert_eq!(m.current().status(), VersionStatus::Signed);
    let signed = m.current().step(StepKind::SignOff).unwrap();
    assert_eq!(signed.by, "王建国");
    assert_eq!(signed.opinion, "同意印发");
    // Each step once.
    assert_eq!(
        m.review("刘卫东", t("2026-12-02T10:00:00+08:00"), ""),
        Err(MinutesError::AlreadyDone {
            version: 1,
            kind: StepKind::Review
        })
    );
}

#[test]
fn a_step_needs_someone() {
    let mut m = draft();
    assert_eq!(
        m.review("  ", t("2026-12-01T10:00:00+08:00"), ""),
        Err(MinutesError::NoOne)
    );
}

#[test]
fn signed_version_is_frozen_and_a_correction_goes_through_the_chain_again() {
    let mut m = draft();
    m.edit("一、关于加强冬季防火工作的议题。".into()).unwrap();
    m.review("刘卫东", t("2026-12-01T10:00:00+08:00"), "")
        .unwrap();
    assert_eq!(
        m.edit("改过的".into()),
        Err(MinutesError::UnderReview { version: 1 })
    );
    m.sign_off("王建国", t("2026-12-01T16:00:00+08:00"), "")
        .unwrap();
    assert_eq!(
        m.edit("改过的".into()),
        Err(MinutesError::Frozen { version: 1 })
    );
    let signed_text = m.current().text.clone();

    let n = m.correct(
        "一、关于加强冬季防火安全工作的议题。".into(),
        "办公室李娜".into(),
        t("2026-12-02T09:00:00+08:00"),
    );
    assert_eq!(n, 2);
    assert_eq!(m.current().corrects, Some(1));
    assert_eq!(m.current().status(), VersionStatus::Draft);
    // The issued minutes are still version 1 until version 2 is signed.
    assert_eq!(m.issued().unwrap().number, 1);
    assert_eq!(m.version(1).unwrap().text, signed_text);
    assert_eq!(
        m.sign_off("王建国", t("2026-12-02T10:00:00+08:00"), ""),
        Err(MinutesError::NotReviewed { version: 2 })
    );
    m.review("刘卫东", t("2026-12-02T10:00:00+08:00"), "")
        .unwrap();
    m.sign_off("王建国", t("2026-12-02T11:00:00+08:00"), "")
        .unwrap();
    assert_eq!(m.issued().unwrap().number, 2);
    assert_eq!(m.versions().len(), 2);
    // Version 1 kept exactly as signed.
    assert_eq!(m.version(1).unwrap().status(), VersionStatus::Signed);
    assert_eq!(m.version(1).unwrap().text, signed_text);
}

#[test]
fn one_week_is_seven_calendar_days() {
    // A Monday meeting: due the next Monday, even over a holiday.
    assert_eq!(due(d("2026-09-28")), d("2026-10-05"));
    let m = draft();
    let meeting = d("2026-11-30");
    assert_eq!(
        m.progress(meeting, t("2026-12-02T12:00:00+08:00")),
        Progress::Pending(DeadlineState::Ok { days_left: 5 })
    );
    // Amber at two days left.
    assert_eq!(
        m.progress(meeting, t("2026-12-05T08:00:00+08:00")),
        Progress::Pending(DeadlineState::DueSoon { days_left: 2 })
    );
    assert_eq!(
        m.progress(meeting, t("2026-12-07T23:59:00+08:00")),
        Progress::Pending(DeadlineState::DueSoon { days_left: 0 })
    );
    // Red the day after.
    assert_eq!(
        m.progress(meeting, t("2026-12-08T00:01:00+08:00")),
        Progress::Pending(DeadlineState::Overdue { days_late: 1 })
    );
}

#[test]
fn signed_within_the_week_is_on_time() {
    let mut m = draft();
    m.review("刘卫东", t("2026-12-01T10:00:00+08:00"), "")
        .unwrap();
    m.sign_off("王建国", t("2026-12-07T17:00:00+08:00"), "")
        .unwrap();
    assert_eq!(
        m.progress(d("2026-11-30"), t("2026-12-20T09:00:00+08:00")),
        Progress::Done { on_time: true }
    );
}

fn header() -> DraftHeader {
    DraftHeader {
        meeting_title: "局长办公例会".into(),
        date: Some(d("2026-11-30")),
        chair: "局长王建国".into(),
        room: "旗局二楼党委会议室".into(),
        attending: vec!["王建国".into(), "刘卫东".into()],
        sitting_in: vec!["张伟".into()],
        on_leave: vec!["赵敏".into()],
    }
}

fn topics() -> Vec<DraftTopic> {
    vec![
        DraftTopic {
            title: "冬季防火安全专项行动".into(),
            department: "治安管理大队".into(),
            outcome: Some(Outcome::Approved),
            decided_text: "同意实施专项行动方案，12月起在全旗开展检查".into(),
            units: vec!["治安管理大队".into(), "各派出所".into()],
            deputy: "刘卫东".into(),
            deadline: Some(d("2026-12-31")),
        },
        DraftTopic {
            title: "关于购置执法记录仪的议题".into(),
            department: "装备财务室".into(),
            outcome: Some(Outcome::ApprovedInPrinciple),
            decided_text: "按程序采购，控制在预算内。".into(),
            units: vec!["装备财务室".into()],
            deputy: "孙立".into(),
            deadline: None,
        },
        DraftTopic {
            title: "看守所监控改造".into(),
            department: String::new(),
            outcome: Some(Outcome::FurtherStudy),
            decided_text: String::new(),
            units: vec![],
            deputy: String::new(),
            deadline: None,
        },
    ]
}

#[test]
fn draft_has_one_paragraph_per_decision_with_every_decision_in_it() {
    let text = draft_text(&header(), &topics());
    let paras: Vec<&str> = text.lines().collect();
    assert_eq!(paras.len(), 4, "{text}");
    assert_eq!(
        paras[0],
        "2026年11月30日，局长王建国在旗局二楼党委会议室主持召开局长办公例会，研究了三项议题。现将会议议定事项纪要如下："
    );
    assert_eq!(
        paras[1],
        "一、关于冬季防火安全专项行动的议题。会议听取了治安管理大队的汇报，分管局领导刘卫东作了说明。\
         会议决定：同意实施专项行动方案，12月起在全旗开展检查。由治安管理大队、各派出所负责，2026年12月31日前完成。"
    );
    assert_eq!(
        paras[2],
        "二、关于购置执法记录仪的议题。会议听取了装备财务室的汇报，分管局领导孙立作了说明。\
         会议决定：原则同意，按程序采购，控制在预算内。由装备财务室负责落实。"
    );
    assert_eq!(
        paras[3],
        "三、关于看守所监控改造的议题。会议听取了有关情况汇报。会议决定：进一步研究。"
    );
    for t in topics() {
        if !t.decided_text.is_empty() {
            let core = t.decided_text.trim_end_matches('。');
            assert!(text.contains(core), "{core} missing");
        }
    }
}

#[test]
fn an_undecided_topic_says_so() {
    let mut t = topics().remove(0);
    t.outcome = None;
    let p = topic_paragraph(4, &t);
    assert!(p.starts_with("四、关于冬季防火安全专项行动的议题。"), "{p}");
    assert!(p.contains("会议未作出决定。"), "{p}");
}
