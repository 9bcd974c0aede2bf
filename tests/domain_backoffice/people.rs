//! People of a meeting by role (R2.2) and press, video, photos (R2.3).
use huiwu::domain::coverage::*;
use huiwu::domain::meeting_people::*;
use huiwu::domain::people::{Person, Role};

use crate::t;

pub fn person(id: i64, name: &str, title: &str, department: &str) -> Person {
    Person {
        id,
        name: name.into(),
        title: title.into(),
        department: department.into(),
        phone: String::new(),
        initials: String::new(),
    }
}

pub fn roster() -> Vec<Person> {
    vec![
        person(1, "王建国", "局长", "局领导"),
        person(2, "刘卫东", "副局长（分管治安、交管）", "局领导"),
        person(3, "赵文军", "党委委员", "局党委"),
        person(4, "孙立平", "大队长", "督察法制大队"),
        person(5, "周强", "大队长", "刑侦大队"),
        person(6, "钱副", "副大队长", "刑侦大队"),
        person(7, "吴刚", "大队长", "治安大队"),
        person(8, "马丽", "主任", "办公室"),
        person(9, "高敏", "科员（记录员）", "办公室"),
        person(10, "杨帆", "科员（会务）", "办公室"),
        person(11, "巴特尔", "所长", "嘎鲁图派出所"),
    ]
}

#[test]
fn by_default_the_leadership_attends_and_the_party_and_legal_heads_sit_in() {
    let mp = MeetingPeople::defaults(&roster());
    assert_eq!(mp.attending, vec![1, 2]);
    assert_eq!(mp.sitting_in_all, vec![3, 4]);
    assert!(mp.staff.is_empty());
}

#[test]
fn a_topic_brings_the_heads_of_its_departments_for_that_topic_only() {
    let people = roster();
    let mut mp = MeetingPeople::defaults(&people);
    // Topic 100 from 治安大队, involving 刑侦大队: the heads, not the deputy head.
    let added = mp.add_topic_defaults(100, "治安大队", &["刑侦大队".into()], &people);
    assert_eq!(added, 2);
    let picks = mp.sitting_in_for(100);
    assert_eq!(picks[0].person_id, 7);
    assert_eq!(picks[0].basis, SittingInBasis::SubmittingDepartment);
    assert_eq!(picks[1].person_id, 5);
    assert_eq!(picks[1].basis, SittingInBasis::InvolvedDepartment);
    // Added by title and by name.
    for id in by_title(&people, "所长") {
        assert!(mp.add_sitting_in(100, id, SittingInBasis::ByTitle));
    }
    assert!(mp.add_sitting_in(100, 6, SittingInBasis::ByName));
    assert!(
        !mp.add_sitting_in(100, 6, SittingInBasis::ByName),
        "once only"
    );
    assert!(
        !mp.add_sitting_in(100, 1, SittingInBasis::ByName),
        "attending already"
    );
    // Present for topic 100, not for topic 200.
    assert!(mp.present_for(100).contains(&11));
    assert!(!mp.present_for(200).contains(&11));
    assert!(mp.remove_sitting_in(100, 11));
    assert!(!mp.present_for(100).contains(&11));
}

#[test]
fn staff_are_one_or_two_office_people_one_of_them_the_recorder() {
    let people = roster();
    let mut mp = MeetingPeople::defaults(&people);
    assert_eq!(mp.check_staff(&people), Err(StaffProblem::NoStaff));
    mp.staff = vec![9, 10];
    assert_eq!(mp.check_staff(&people), Err(StaffProblem::NoRecorder));
    mp.recorder = Some(8);
    assert_eq!(mp.check_staff(&people), Err(StaffProblem::RecorderNotStaff));
    mp.recorder = Some(9);
    assert_eq!(mp.check_staff(&people), Ok(()));
    mp.staff = vec![8, 9, 10];
    assert_eq!(mp.check_staff(&people), Err(StaffProblem::TooMany(3)));
    mp.staff = vec![9, 5];
    assert_eq!(mp.check_staff(&people), Err(StaffProblem::NotFromOffice(5)));
}

#[test]
fn participations_carry_the_roles_the_console_reads() {
    let people = roster();
    let mut mp = MeetingPeople::defaults(&people);
    mp.add_topic_defaults(100, "治安大队", &[], &people);
    mp.staff = vec![9];
    mp.recorder = Some(9);
    let parts = mp.participations(42);
    assert!(parts.iter().all(|p| p.meeting_id == 42));
    let of = |id| parts.iter().find(|p| p.person_id == id).unwrap();
    assert_eq!(of(1).role, Role::Attending);
    assert_eq!((of(3).role, of(3).topic_id), (Role::SittingIn, None));
    assert_eq!((of(7).role, of(7).topic_id), (Role::SittingIn, Some(100)));
    assert!(of(9).is_recorder && of(9).role == Role::Staff);
}

#[test]
fn no_press_video_or_photos_unless_someone_ordered_it() {
    assert_eq!(allowed(&[]), Coverage::NONE);
    let at = t("2026-03-09T08:30:00+08:00");
    let photos = Coverage {
        photos: true,
        ..Coverage::NONE
    };
    let e = CoverageException::new(photos, "", at, "").unwrap_err();
    assert_eq!(e[0].field, field::ORDERED_BY);
    assert!(CoverageException::new(Coverage::NONE, "王建国", at, "").is_err());
    let ok = CoverageException::new(photos, "王建国", at, "表彰环节").unwrap();
    assert_eq!(ok.ordered_by, "王建国");
    assert!(allowed(&[ok]).photos);
}
