//! Importing the people list from CSV: a preview, or every bad line by number.
use huiwu::domain::people_import::*;

use crate::people::person;

#[test]
fn a_good_file_with_bom_quotes_and_blank_lines() {
    let text = "\u{feff}姓名,职务,部门,电话\n\
                张建国,局长,局领导,0477-1234567\n\
                \n\
                \"单田芳\",\"大队长\",\"治安大队\",\"138 0000 0000\"\n\
                \"马丽\",\"主任, 兼会务\",办公室,\n";
    let preview = parse_people_csv(text, &[]).unwrap();
    let rows = &preview.rows;
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].line, 2);
    assert_eq!(rows[0].person.name, "张建国");
    assert_eq!(rows[0].person.initials, "zjg");
    assert_eq!(rows[0].person.phone, "0477-1234567");
    // After a blank line the numbers still match the file.
    assert_eq!(rows[1].line, 4);
    assert_eq!(rows[1].person.initials, "stf");
    // A quoted comma stays in the field; an empty phone is allowed.
    assert_eq!(rows[2].person.title, "主任, 兼会务");
    assert_eq!(rows[2].person.phone, "");
}

#[test]
fn columns_in_any_order_with_the_persons_own_initials() {
    let text = "department,name,initials,phone,title\n治安大队,单雄信,DXX,,大队长\n";
    let rows = parse_people_csv(text, &[]).unwrap().rows;
    assert_eq!(rows[0].person.department, "治安大队");
    assert_eq!(rows[0].person.initials, "dxx");
    assert!(rows[0].initials_given);
}

#[test]
fn every_bad_line_is_named_and_nothing_is_accepted() {
    let text = "name,title,department,phone\n\
                张建国,局长,局领导,123\n\
                ,科员,办公室,\n\
                李四,科员,,电话号码\n\
                王五,科员,办公室\n\
                张建国,局长,局领导,\n";
    let errors = parse_people_csv(text, &[]).unwrap_err();
    let got: Vec<(usize, ImportProblem)> =
        errors.iter().map(|e| (e.line, e.problem.clone())).collect();
    assert_eq!(
        got,
        vec![
            (3, ImportProblem::EmptyName),
            (4, ImportProblem::EmptyDepartment),
            (4, ImportProblem::BadPhone("电话号码".into())),
            (
                5,
                ImportProblem::WrongFieldCount {
                    expected: 4,
                    found: 3
                }
            ),
            (6, ImportProblem::DuplicateRow { first_line: 2 }),
        ]
    );
    assert_eq!(errors[0].to_string(), "line 3: the name is empty");
}

#[test]
fn the_header_is_required_and_checked() {
    let e = parse_people_csv("张建国,局长,局领导,123\n", &[]).unwrap_err();
    assert_eq!(e[0].problem, ImportProblem::NoHeader);
    assert_eq!(e[0].line, 1);
    let e = parse_people_csv("name,title,dept,phone\n", &[]).unwrap_err();
    assert!(e.contains(&ImportError {
        line: 1,
        problem: ImportProblem::UnknownColumn("dept".into())
    }));
    assert!(e.contains(&ImportError {
        line: 1,
        problem: ImportProblem::MissingColumn(Column::Department)
    }));
    assert_eq!(
        parse_people_csv("\u{feff}\n\n", &[]).unwrap_err()[0].problem,
        ImportProblem::Empty
    );
    assert_eq!(
        parse_people_csv("name,title,department,phone\n", &[]).unwrap_err()[0].problem,
        ImportProblem::NoRows
    );
}

#[test]
fn namesakes_and_people_already_listed_are_flagged() {
    let text = "name,title,department,phone,\n王伟,科员,办公室,,\n王伟,民警,治安大队,,\n";
    let existing = [person(8, "王伟", "科员", "办公室")];
    let rows = parse_people_csv(text, &existing).unwrap().rows;
    assert_eq!(
        rows[0].flags,
        vec![
            RowFlag::AlreadyOnList { person_id: 8 },
            RowFlag::SameNameAs { line: 3 }
        ]
    );
    assert_eq!(rows[1].flags, vec![RowFlag::SameNameAs { line: 2 }]);
}

#[test]
fn windows_line_ends_and_a_field_over_two_lines_keep_the_numbers_right() {
    let text =
        "name,title,department,phone\r\n\r\n张三,\"科员\r\n（会务）\",办公室,\r\n,科员,办公室,\r\n";
    let errors = parse_people_csv(text, &[]).unwrap_err();
    assert_eq!(
        errors,
        vec![ImportError {
            line: 5,
            problem: ImportProblem::EmptyName
        }]
    );
    let ok = "name,title,department,phone\r\n\r\n张三,\"科员\r\n（会务）\",办公室,\r\n";
    let rows = parse_people_csv(ok, &[]).unwrap().rows;
    assert_eq!(rows[0].line, 3);
    assert_eq!(rows[0].person.title, "科员 （会务）");
}

#[test]
fn the_roster_form_checks_a_person_as_the_import_does() {
    let (p, own) = check_person(" 单伟 ", "教导员", "治安大队", "０４７７-7510009", "").unwrap();
    assert_eq!(
        (p.name.as_str(), p.initials.as_str(), own.as_str()),
        ("单伟", "sw", "")
    );
    assert_eq!(p.phone, "0477-7510009", "full-width digits read as ASCII");
    let (p, own) = check_person("单伟", "", "治安大队", "", "DW").unwrap();
    assert_eq!(
        (p.initials.as_str(), own.as_str()),
        ("dw", "dw"),
        "a person's correction wins"
    );
    let problems = check_person("", "", "", "电话", "d-w").unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, vec!["name", "department", "phone", "initials"]);
}
