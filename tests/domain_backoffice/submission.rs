//! The submission form's approval chain (R2.4).
use huiwu::domain::submission::*;

use crate::t;

fn at(hhmm: &str) -> huiwu::domain::Time {
    t(&format!("2026-03-06T{hhmm}:00+08:00"))
}

#[test]
fn approved_only_after_the_directors_signature() {
    use SubmissionStep::*;
    let mut s = Submission::default();
    assert_eq!(s.next_step(), Some(Filled));
    s.sign(Filled, "杨帆", at("09:00"), "").unwrap();
    s.sign(OfficeDirectorReviewed, "马丽", at("09:30"), "拟同意")
        .unwrap();
    s.sign(DeputyApproved, "刘卫东", at("10:00"), "同意")
        .unwrap();
    assert!(!s.is_approved());
    assert_eq!(s.next_step(), Some(DirectorSigned));
    s.sign(DirectorSigned, "王建国", at("11:00"), "同意上会")
        .unwrap();
    assert!(s.is_approved());
    let sigs = s.signatures();
    assert_eq!(sigs.len(), 4);
    assert_eq!(
        (sigs[3].by.as_str(), sigs[3].opinion.as_str()),
        ("王建国", "同意上会")
    );
    assert_eq!(
        s.sign(DirectorSigned, "王建国", at("11:05"), ""),
        Err(ChainRefused::AlreadyApproved)
    );
}

#[test]
fn a_step_out_of_order_is_refused() {
    use SubmissionStep::*;
    let mut s = Submission::default();
    // The director cannot sign what the office has not filled.
    assert_eq!(
        s.sign(DirectorSigned, "王建国", at("09:00"), ""),
        Err(ChainRefused::OutOfOrder {
            expected: Filled,
            got: DirectorSigned
        })
    );
    s.sign(Filled, "杨帆", at("09:00"), "").unwrap();
    // The deputy cannot approve before the office director has reviewed.
    assert_eq!(
        s.sign(DeputyApproved, "刘卫东", at("09:10"), ""),
        Err(ChainRefused::OutOfOrder {
            expected: OfficeDirectorReviewed,
            got: DeputyApproved
        })
    );
    assert_eq!(s.signatures().len(), 1);
}

#[test]
fn who_and_a_sensible_time_are_required() {
    use SubmissionStep::*;
    let mut s = Submission::default();
    assert_eq!(
        s.sign(Filled, " ", at("09:00"), ""),
        Err(ChainRefused::NoSigner)
    );
    s.sign(Filled, "杨帆", at("09:00"), "").unwrap();
    assert_eq!(
        s.sign(OfficeDirectorReviewed, "马丽", at("08:00"), ""),
        Err(ChainRefused::BeforePrevious {
            previous: at("09:00")
        })
    );
}

#[test]
fn sending_back_returns_it_to_the_office_with_the_reason() {
    use SubmissionStep::*;
    let mut s = Submission::default();
    assert_eq!(
        s.send_back("马丽", at("08:00"), "材料不全"),
        Err(ChainRefused::NotSubmitted)
    );
    s.sign(Filled, "杨帆", at("09:00"), "").unwrap();
    s.sign(OfficeDirectorReviewed, "马丽", at("09:30"), "")
        .unwrap();
    assert_eq!(
        s.send_back("刘卫东", at("10:00"), ""),
        Err(ChainRefused::NoReason)
    );
    s.send_back("刘卫东", at("10:00"), "第三项议题意见未统一")
        .unwrap();
    assert_eq!(s.next_step(), Some(Filled));
    assert!(s.signatures().is_empty());
    match s.last_sent_back() {
        Some(SubmissionEvent::SentBack {
            at_step, reason, ..
        }) => {
            assert_eq!(*at_step, DeputyApproved);
            assert_eq!(reason, "第三项议题意见未统一");
        }
        other => panic!("{other:?}"),
    }
    // The office fills it again and the chain starts over; the history stays.
    s.sign(Filled, "杨帆", at("14:00"), "已修改").unwrap();
    assert_eq!(s.next_step(), Some(OfficeDirectorReviewed));
    assert_eq!(s.events.len(), 4);
}
