//! A meeting with classified material (R4.2) has its papers marked on every page and
//! file (R8.1): the first and last lines of a text file, the header of every Word page.
//! A meeting without any keeps its papers unmarked.
use std::io::{Cursor, Read};

use huiwu::domain::classified::ClassifiedCopy;
use huiwu::export::paper::{Kind, Of, build};
use huiwu::export::{Format, paper_bytes, record};
use huiwu::i18n::Lang;
use huiwu::store::change::Change;
use huiwu::store::prep::{PrepChange, StoredCopy};
use huiwu::store::view::MeetingView;

const NOW: &str = "2026-11-30T10:30:00+08:00";
const MARK: &str = "涉密 · 按规定范围传达，不得扩散";

fn demo(classified: bool) -> (huiwu::store::Store, i64) {
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let mut store = huiwu::store::Store::open_in_memory("马丽").unwrap();
    let meeting = huiwu::demo::load(&mut store, now).unwrap();
    if classified {
        let view = MeetingView::load(&store, meeting, now).unwrap().unwrap();
        let change = Change::Prep(PrepChange::Copies {
            copies: vec![StoredCopy {
                id: huiwu::store::new_id(),
                meeting_id: meeting,
                copy: ClassifiedCopy {
                    topic_id: view.topics[1].id,
                    number: 1,
                    holder: None,
                    handed_out: None,
                    returned_at: None,
                },
            }],
        });
        store.transact_at(now, |tx| change.apply(tx)).unwrap();
    }
    (store, meeting)
}

fn word_headers(bytes: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().starts_with("word/header") {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            out.push(s);
        }
    }
    out
}

#[test]
fn every_paper_of_a_classified_meeting_is_marked_first_and_last() {
    let (store, id) = demo(true);
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    for kind in [
        Kind::Record,
        Kind::Attendance,
        Kind::Agenda,
        Kind::SigninSheet,
        Kind::Decisions,
    ] {
        let doc = build(&store, kind, Of::Meeting(id), Lang::Zh, now).unwrap();
        let text = huiwu::export::render::render(&doc, Format::Txt);
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.first(), Some(&MARK), "{kind:?} first line:\n{text}");
        assert_eq!(lines.last(), Some(&MARK), "{kind:?} last line:\n{text}");
        let docx = paper_bytes(&doc, Format::Docx).unwrap();
        let headers = word_headers(&docx);
        assert!(
            headers.iter().filter(|h| h.contains("涉密")).count() >= 2,
            "{kind:?}: the odd and even page headers carry the marking"
        );
    }
    // The console's F5 export goes its own way to the record: marked too.
    let md = record(&store, id, Lang::Zh, Format::Md, now).unwrap();
    assert!(md.starts_with(MARK), "{md}");
    assert!(md.trim_end().ends_with(MARK));
}

#[test]
fn a_meeting_without_classified_material_is_not_marked() {
    let (store, id) = demo(false);
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let doc = build(&store, Kind::Record, Of::Meeting(id), Lang::Zh, now).unwrap();
    assert_eq!(doc.classification, None);
    let text = huiwu::export::render::render(&doc, Format::Md);
    assert!(!text.contains("涉密"));
}

/// `huiwu audit show --meeting ID` lists the meeting's preparation too: who made the
/// numbered classified copies (issue 10, R9.4).
#[test]
fn a_meetings_audit_lines_include_its_classified_copies() {
    let (store, id) = demo(true);
    let lines = store
        .audit_lines(&huiwu::store::AuditFilter {
            meeting: Some(id),
            since: None,
        })
        .unwrap();
    assert!(
        lines.iter().any(|l| l.entity == "classified_copy"),
        "{:?}",
        lines.iter().map(|l| &l.entity).collect::<Vec<_>>()
    );
}

/// The level and period the office set replace the generic marking on every page of the
/// Word paper and the first and last line of the text (R8.1, GB/T 9704 "密级★期限").
#[test]
fn a_level_and_period_set_by_the_office_are_printed_instead() {
    use huiwu::domain::secrecy::{Secrecy, SecrecyLevel};
    use huiwu::store::planning::MeetingChange;
    let (mut store, id) = demo(true);
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let change = Change::Meeting(MeetingChange::Secrecy {
        meeting_id: id,
        secrecy: Some(Secrecy {
            level: SecrecyLevel::Confidential,
            years: Some(5),
        }),
    });
    store.transact_at(now, |tx| change.apply(tx)).unwrap();
    let doc = build(&store, Kind::Record, Of::Meeting(id), Lang::Zh, now).unwrap();
    let text = huiwu::export::render::render(&doc, Format::Txt);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.first(), Some(&"机密★5年"), "{text}");
    assert_eq!(lines.last(), Some(&"机密★5年"), "{text}");
    let headers = word_headers(&paper_bytes(&doc, Format::Docx).unwrap());
    assert!(headers.iter().filter(|h| h.contains("机密★5年")).count() >= 2);
    let en = build(&store, Kind::Record, Of::Meeting(id), Lang::En, now).unwrap();
    assert_eq!(en.classification.as_deref(), Some("Confidential★5 years"));
}
