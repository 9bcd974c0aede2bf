//! Preparation (R4): the room, materials and copies, classified copies, notices.
use huiwu::domain::booking::*;
use huiwu::domain::calendar::Calendar;
use huiwu::domain::classified::*;
use huiwu::domain::materials::*;
use huiwu::domain::meeting_people::MeetingPeople;
use huiwu::domain::notice::*;

use crate::people::roster;
use crate::{d, t};

#[test]
fn a_waiting_room_is_needed_when_a_later_topic_brings_people() {
    let people = roster();
    let mut mp = MeetingPeople::defaults(&people);
    mp.add_topic_defaults(100, "治安大队", &[], &people);
    // Only the first topic brings people: nobody waits.
    assert!(!waiting_room_needed(&[100, 200], &mp));
    assert!(waiting_room_needed(&[200, 100], &mp));
    let at = t("2026-03-04T09:00:00+08:00");
    let b = RoomBooking::new(" 旗局二楼党委会议室 ", "", "杨帆", at).unwrap();
    assert_eq!(b.waiting_room, None);
    assert_eq!(booking_gaps(Some(&b), true), vec![BookingGap::WaitingRoom]);
    assert_eq!(booking_gaps(Some(&b), false), vec![]);
    assert_eq!(
        booking_gaps(None, true),
        vec![BookingGap::Room, BookingGap::WaitingRoom]
    );
    assert!(RoomBooking::new("", "", "", at).unwrap_err().len() == 2);
}

#[test]
fn copies_are_counted_from_the_people_list_per_department() {
    let people = roster();
    let mut mp = MeetingPeople::defaults(&people);
    mp.add_topic_defaults(100, "治安大队", &["刑侦大队".into()], &people);
    mp.staff = vec![9, 10];
    let packages = packages_for(100, false, &mp.present_for(100), &people);
    let copies: Vec<(&str, u32)> = packages
        .iter()
        .map(|p| (p.department.as_str(), p.copies))
        .collect();
    assert_eq!(
        copies,
        vec![
            ("局领导", 2),
            ("局党委", 1),
            ("督察法制大队", 1),
            ("治安大队", 1),
            ("刑侦大队", 1),
            ("办公室", 2),
        ]
    );
}

#[test]
fn materials_are_due_one_working_day_before_holidays_and_makeup_days_count() {
    let cal = Calendar::official();
    // An ordinary Monday: the Friday.
    assert_eq!(delivery_due(d("2026-03-09"), &cal).date, d("2026-03-06"));
    // Friday 25 September 2026 is the Mid-Autumn holiday: Thursday.
    assert_eq!(delivery_due(d("2026-09-28"), &cal).date, d("2026-09-24"));
    // Saturday 10 October 2026 is a make-up working day: that Saturday.
    assert_eq!(delivery_due(d("2026-10-12"), &cal).date, d("2026-10-10"));
    // 2027 is not in the calendar.
    assert_eq!(
        delivery_due(d("2027-01-04"), &cal).uncovered_year,
        Some(2027)
    );
}

#[test]
fn a_delivery_names_who_and_a_fallback_says_how() {
    let at = t("2026-03-06T16:00:00+08:00");
    assert!(Delivery::new(at, "", DeliveryWay::Delivered).is_err());
    let e = Delivery::new(at, "杨帆", DeliveryWay::Fallback(" ".into())).unwrap_err();
    assert_eq!(e[0].field, huiwu::domain::materials::field::FALLBACK);
    let ok = Delivery::new(at, "杨帆", DeliveryWay::Fallback("微信发送电子版".into())).unwrap();
    let mut p = packages_for(1, false, &[1], &roster()).remove(0);
    p.delivery = Some(ok);
    assert!(delivered_in_time(&p, d("2026-03-06")));
    assert!(!delivered_in_time(&p, d("2026-03-05")));
}

fn out(number: u32, holder: i64) -> CopyOut {
    CopyOut {
        topic_id: 7,
        number,
        holder: Some(holder),
    }
}

#[test]
fn classified_copies_go_out_numbered_and_must_come_back() {
    let mut copies = prepare(7, 3, &[]);
    copies.extend(prepare(7, 1, &copies.clone()));
    assert_eq!(
        copies.iter().map(|c| c.number).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    assert_eq!(prepared(&copies, 7), 4);
    let at = t("2026-03-09T08:50:00+08:00");
    copies[0].hand_out(1, at, HandedOut::AtCheckIn).unwrap();
    copies[1].hand_out(2, at, HandedOut::InMeeting).unwrap();
    assert_eq!(
        copies[0].hand_out(5, at, HandedOut::InMeeting),
        Err(CopyRefused::AlreadyOut { holder: Some(1) })
    );
    assert_eq!(copies[2].collect(at), Err(CopyRefused::NotOut));
    // Cannot close while copies 1 and 2 are out…
    assert_eq!(can_close(&copies, None), Err(vec![out(1, 1), out(2, 2)]));
    copies[0].collect(t("2026-03-09T11:00:00+08:00")).unwrap();
    assert_eq!(copies[0].collect(at), Err(CopyRefused::AlreadyReturned));
    assert_eq!(can_close(&copies, Some("  ")), Err(vec![out(2, 2)]));
    // …unless a reason is recorded.
    assert_eq!(
        can_close(&copies, Some("刘卫东带回分局，次日交回")),
        Ok(Some("刘卫东带回分局，次日交回".into()))
    );
    copies[1].collect(t("2026-03-09T11:05:00+08:00")).unwrap();
    assert_eq!(can_close(&copies, None), Ok(None));
}

#[test]
fn a_notice_three_days_before_is_early_one_day_before_is_right() {
    let monday = d("2026-03-09");
    assert_eq!(
        notice_timing(t("2026-03-06T16:00:00+08:00"), monday),
        NoticeTiming::Early { days_before: 3 }
    );
    assert_eq!(
        notice_timing(t("2026-03-07T09:00:00+08:00"), monday),
        NoticeTiming::InWindow
    );
    assert_eq!(
        notice_timing(t("2026-03-08T20:00:00+08:00"), monday),
        NoticeTiming::InWindow
    );
    assert_eq!(
        notice_timing(t("2026-03-09T07:30:00+08:00"), monday),
        NoticeTiming::Late
    );
    assert_eq!(notice_window(monday), (d("2026-03-07"), d("2026-03-08")));
    assert_eq!(reply_due(monday), d("2026-03-08"));
}

#[test]
fn every_department_taking_part_is_notified_and_missing_replies_are_flagged() {
    let people = roster();
    let mut mp = MeetingPeople::defaults(&people);
    mp.add_topic_defaults(100, "治安大队", &[], &people);
    mp.staff = vec![9];
    let deps = departments_to_notify(&mp, &people);
    // The office is there as staff only: not notified.
    assert_eq!(deps, vec!["局领导", "局党委", "督察法制大队", "治安大队"]);
    let at = t("2026-03-07T09:00:00+08:00");
    let n = Notice::new("治安大队", "吴刚", NoticeChannel::WeChat, "杨帆", at).unwrap();
    assert!(Notice::new("治安大队", "", NoticeChannel::Phone, "杨帆", at).is_err());
    assert_eq!(
        missing_notices(&deps, &[n]),
        vec!["局领导", "局党委", "督察法制大队"]
    );
    let reply = Reply {
        department: "治安大队".into(),
        at: t("2026-03-09T07:00:00+08:00"),
        attendees: vec!["吴刚".into()],
    };
    assert!(reply_late(&reply, d("2026-03-09")));
    assert_eq!(missing_replies(&deps, &[reply]).len(), 3);
}
