//! Topic intake (R1.1–R1.3): every field of the registration form is checked.
use huiwu::domain::intake::*;
use huiwu::domain::people::Person;
use huiwu::domain::topic::Channel;
use huiwu::domain::validate::{FieldProblem, Problem};

use crate::{d, t};

fn deputy() -> Person {
    Person {
        id: 3,
        name: "刘卫东".into(),
        title: "副局长".into(),
        department: "局领导".into(),
        phone: String::new(),
        initials: "lwd".into(),
    }
}

fn departments() -> Vec<String> {
    ["治安大队", "刑侦大队", "督察法制大队", "办公室"]
        .map(String::from)
        .to_vec()
}

fn good_form() -> TopicForm {
    TopicForm {
        title: "关于开展冬季治安防范专项行动的工作方案".into(),
        department: "治安大队".into(),
        deputy: "刘卫东".into(),
        channel: "registration_form".into(),
        scope: "2".into(),
        summary: "冬季治安防范".into(),
        alternatives: vec!["方案一".into(), "  ".into(), "方案二".into()],
        legal_basis: "《治安管理处罚法》".into(),
        background: "入冬以来盗窃案件上升".into(),
        involved_departments: vec!["刑侦大队".into(), "治安大队".into(), "刑侦大队".into()],
        legal_matters: LegalMatters::default(),
        material_copies: "１２".into(),
        classified: false,
        submitted_on: "03-02".into(),
    }
}

fn check(form: &TopicForm) -> Result<TopicRegistration, Vec<FieldProblem>> {
    let deps = departments();
    let deputies = [deputy()];
    form.check(
        IntakeLists {
            departments: &deps,
            deputies: &deputies,
        },
        t("2026-03-04T10:00:00+08:00"),
    )
}

fn problem_of(form: &TopicForm, field: &str) -> Option<Problem> {
    check(form)
        .err()?
        .into_iter()
        .find(|p| p.field == field)
        .map(|p| p.problem)
}

#[test]
fn a_complete_form_is_registered() {
    let r = check(&good_form()).unwrap();
    assert_eq!(r.deputy_id, 3);
    assert_eq!(r.channel, Channel::RegistrationForm);
    assert_eq!(r.scope.number(), 2);
    // Blank alternatives dropped, several kept for the meeting to choose from.
    assert_eq!(r.alternatives, vec!["方案一", "方案二"]);
    // The submitting department and repeats are not "involved".
    assert_eq!(r.involved_departments, vec!["刑侦大队"]);
    assert!(r.involves_several_departments());
    assert!(!r.needs_legal_review());
    // Full-width digits typed through an input method are numbers too.
    assert_eq!(r.material_copies, 12);
    assert_eq!(r.submitted_on, d("2026-03-02"));
}

#[test]
fn an_empty_form_names_every_required_field() {
    let problems = check(&TopicForm::default()).unwrap_err();
    for f in [
        field::TITLE,
        field::DEPARTMENT,
        field::DEPUTY,
        field::CHANNEL,
        field::SCOPE,
        field::SUMMARY,
        field::ALTERNATIVES,
        field::LEGAL_BASIS,
        field::BACKGROUND,
        field::SUBMITTED_ON,
    ] {
        assert!(
            problems.contains(&FieldProblem::new(f, Problem::Required)),
            "{f} must be required: {problems:?}"
        );
    }
}

#[test]
fn there_is_no_scope_6() {
    let mut f = good_form();
    for ok in ["1", "5", "7", "9"] {
        f.scope = ok.into();
        assert!(check(&f).is_ok(), "scope {ok}");
    }
    f.scope = "6".into();
    assert_eq!(problem_of(&f, field::SCOPE), Some(Problem::NotAChoice));
    f.scope = "10".into();
    assert_eq!(problem_of(&f, field::SCOPE), Some(Problem::NotAChoice));
    f.scope = "二".into();
    assert_eq!(problem_of(&f, field::SCOPE), Some(Problem::BadNumber));
}

#[test]
fn unknown_people_departments_and_channels_are_refused() {
    let mut f = good_form();
    f.department = "不存在大队".into();
    f.deputy = "张三".into();
    f.channel = "email".into();
    f.involved_departments = vec!["外单位".into()];
    let problems = check(&f).unwrap_err();
    assert!(problems.contains(&FieldProblem::new(field::DEPARTMENT, Problem::NotOnList)));
    assert!(problems.contains(&FieldProblem::new(field::DEPUTY, Problem::NotOnList)));
    assert!(problems.contains(&FieldProblem::new(field::CHANNEL, Problem::NotAChoice)));
    assert!(problems.contains(&FieldProblem::new(
        field::INVOLVED_DEPARTMENTS,
        Problem::NotOnList
    )));
}

#[test]
fn case_topics_must_say_which_legal_matter_they_touch() {
    let mut f = good_form();
    f.scope = "3".into();
    assert_eq!(
        problem_of(&f, field::LEGAL_MATTERS),
        Some(Problem::Rule(rule::CASES_NEED_LEGAL_REVIEW))
    );
    f.legal_matters.criminal = true;
    let r = check(&f).unwrap();
    assert!(r.needs_legal_review());
    assert!(r.review_needs().legal_review);
}

#[test]
fn dates_copies_and_title_length() {
    let mut f = good_form();
    f.submitted_on = "2026-03-05".into();
    assert_eq!(problem_of(&f, field::SUBMITTED_ON), Some(Problem::InFuture));
    f.submitted_on = "2026年3月4日".into();
    assert!(check(&f).is_ok());
    f.submitted_on = "02-30".into();
    assert_eq!(problem_of(&f, field::SUBMITTED_ON), Some(Problem::BadDate));
    f = good_form();
    f.material_copies = "十份".into();
    assert_eq!(
        problem_of(&f, field::MATERIAL_COPIES),
        Some(Problem::BadNumber)
    );
    f.material_copies = String::new();
    f.classified = true;
    assert_eq!(
        problem_of(&f, field::MATERIAL_COPIES),
        Some(Problem::Rule(rule::CLASSIFIED_NEEDS_COPIES))
    );
    f = good_form();
    f.title = "议".repeat(TITLE_MAX + 1);
    assert_eq!(
        problem_of(&f, field::TITLE),
        Some(Problem::TooLong { max: TITLE_MAX })
    );
}

#[test]
fn a_list_typed_on_one_line_is_split() {
    assert_eq!(
        split_list("刑侦大队、治安大队，交管大队\n 禁毒大队 ;"),
        vec!["刑侦大队", "治安大队", "交管大队", "禁毒大队"]
    );
}
