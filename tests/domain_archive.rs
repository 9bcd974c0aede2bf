//! Archive (R7.4): the checklist, the ledger, and the manifest that catches a changed
//! byte, a missing file and an extra one.
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use huiwu::domain::archive::*;
use huiwu::domain::manifest::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn checklist_names_every_paper_of_7_4() {
    let list = checklist(&[Paper::Agenda, Paper::SignedMinutes]);
    assert_eq!(list.len(), 6);
    assert!(list[0].present);
    assert!(!list[1].present);
    assert_eq!(
        missing(&[Paper::Agenda, Paper::SignedMinutes]),
        vec![
            Paper::AttendeeList,
            Paper::Materials,
            Paper::TidiedRecord,
            Paper::MinutesDraft
        ]
    );
    assert_eq!(Paper::SignedMinutes.name_zh(), "会议纪要签发稿");
}

fn entry(number: &str, meeting_id: i64, items: Vec<LedgerItem>) -> LedgerEntry {
    LedgerEntry {
        number: number.into(),
        meeting_id,
        meeting_title: "局长办公例会".into(),
        meeting_date: d("2026-11-30"),
        items,
        registered_by: "李娜".into(),
        registered_at: DateTime::parse_from_rfc3339("2026-12-08T10:00:00+08:00").unwrap(),
    }
}

fn all_papers() -> Vec<LedgerItem> {
    Paper::ALL
        .into_iter()
        .map(|paper| LedgerItem {
            paper,
            title: paper.name_zh().into(),
            pages: 2,
            copies: 1,
        })
        .collect()
}

#[test]
fn ledger_entries_number_and_check() {
    let first = entry("2026-001", 1, all_papers());
    assert_eq!(next_seq(std::slice::from_ref(&first), 2026), 2);
    assert_eq!(next_seq(&[], 2026), 1);
    assert_eq!(ledger_number(2026, 2), "2026-002");
    assert!(check_entry(&first, &[]).is_empty());
    assert_eq!(totals(&first), (12, 6));

    let mut items = all_papers();
    items.retain(|i| i.paper != Paper::Materials);
    items[0].pages = 0;
    let mut second = entry("2026-001", 2, items);
    second.registered_by = " ".into();
    assert_eq!(
        check_entry(&second, std::slice::from_ref(&first)),
        vec![
            LedgerProblem::PaperMissing(Paper::Materials),
            LedgerProblem::Empty(Paper::Agenda),
            LedgerProblem::NoRegistrar,
            LedgerProblem::NumberTaken,
        ]
    );
    assert_eq!(year_end(&[second.clone(), first.clone()], 2026).len(), 2);
    assert!(year_end(&[first], 2027).is_empty());
}

fn files() -> Vec<(String, Vec<u8>)> {
    vec![
        ("会议纪要签发稿.docx".into(), b"PK\x03\x04signed".to_vec()),
        (
            "议程/议程.md".into(),
            "# 议程\n一、冬季防火\n".as_bytes().to_vec(),
        ),
        ("签到表.txt".into(), "王建国 08:50\n".as_bytes().to_vec()),
    ]
}

fn found() -> BTreeMap<String, Vec<u8>> {
    files().into_iter().collect()
}

fn manifest() -> Manifest {
    let f = files();
    Manifest::build(f.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap()
}

#[test]
fn manifest_text_is_sha256sum_format_and_reads_back() {
    let m = manifest();
    let text = m.to_text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    // sha256 of "王建国 08:50\n", as `sha256sum` prints it.
    let sign_in = lines.iter().find(|l| l.ends_with("  签到表.txt")).unwrap();
    assert_eq!(
        &sign_in[..64],
        hex(&digest("王建国 08:50\n".as_bytes())).as_str()
    );
    assert_eq!(
        hex(&digest(b"abc")),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(Manifest::parse(&text).unwrap(), m);
    // Binary-mode lines from `sha256sum -b` read too.
    let binary = text.replace("  ", " *");
    assert_eq!(Manifest::parse(&binary).unwrap(), m);
    assert!(m.verify(&found()).is_empty());
}

#[test]
fn verify_names_a_changed_byte_a_missing_file_and_an_extra_one() {
    let m = manifest();
    let mut f = found();
    if let Some(bytes) = f.get_mut("签到表.txt") {
        bytes[0] ^= 1;
    }
    f.remove("议程/议程.md");
    f.insert("新增.txt".into(), b"x".to_vec());
    assert_eq!(
        m.verify(&f),
        vec![
            Discrepancy::Changed("签到表.txt".into()),
            Discrepancy::Missing("议程/议程.md".into()),
            Discrepancy::Extra("新增.txt".into()),
        ]
    );
}

#[test]
fn parse_errors_name_the_line() {
    let good = manifest().to_text();
    let mut lines: Vec<String> = good.lines().map(String::from).collect();
    lines.insert(1, "not a digest  x.txt".into());
    assert_eq!(
        Manifest::parse(&lines.join("\n")),
        Err(ManifestError::BadLine { line: 2 })
    );
    let dup = format!("{good}{}", good.lines().next().unwrap());
    assert!(matches!(
        Manifest::parse(&dup),
        Err(ManifestError::Duplicate { line: 4, .. })
    ));
    let escape = format!("{}  ../etc/passwd\n", "0".repeat(64));
    assert!(matches!(
        Manifest::parse(&escape),
        Err(ManifestError::BadPath {
            line: 1,
            problem: PathProblem::BadPart,
            ..
        })
    ));
    let abs = format!("{}  /etc/passwd\n", "a".repeat(64));
    assert!(matches!(
        Manifest::parse(&abs),
        Err(ManifestError::BadPath {
            problem: PathProblem::Absolute,
            ..
        })
    ));
    let err = Manifest::parse(&lines.join("\n")).unwrap_err();
    assert!(err.to_string().starts_with("line 2:"), "{err}");
}

#[test]
fn build_refuses_paths_sha256sum_would_escape() {
    let bad: [(&str, &[u8]); 1] = [("a\nb.txt", b"x")];
    assert!(matches!(
        Manifest::build(bad),
        Err(ManifestError::BadPath {
            line: 1,
            problem: PathProblem::BadChar,
            ..
        })
    ));
    let twice: [(&str, &[u8]); 2] = [("a.txt", b"x"), ("a.txt", b"y")];
    assert!(matches!(
        Manifest::build(twice),
        Err(ManifestError::Duplicate { line: 2, .. })
    ));
}
