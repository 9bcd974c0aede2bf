//! The year's archive (R7.4 "年终集中移交档案室归档"): one folder per closed meeting with
//! every paper of §7.4 that exists, as Word files, and the year's ledger at the top. The
//! files are built here; [`super::archive_fs`] writes them with their manifest.

use super::paper::{Kind, Of, PaperError, build};
use super::{Format, Scope, ledger_doc, minutes_doc, paper_bytes};
use crate::domain::{Id, Time};
use crate::i18n::Lang;
use crate::store::Store;

/// The files of a year's archive and what they hold.
#[derive(Debug, Default)]
pub struct YearArchive {
    /// (relative path, bytes), every paper of every meeting, then the ledger.
    pub files: Vec<(String, Vec<u8>)>,
    /// The meetings filed, with their folder.
    pub meetings: Vec<(Id, String)>,
    /// Meetings of the year left out because they are not closed, with their title.
    pub not_closed: Vec<(Id, String)>,
    /// Demo meetings of the year, left out: the archive is the bureau's record.
    pub demo: Vec<(Id, String)>,
}

/// The file that names the audit chain's end when the archive was made.
pub const AUDIT_HEAD_FILE: &str = "审计链.txt";

/// The file name of the year's ledger in the archive folder.
pub const LEDGER_FILE: &str = "归档登记册";

fn docx(doc: &super::doc::Document) -> Result<Vec<u8>, PaperError> {
    paper_bytes(doc, Format::Docx)
        .map_err(|e| PaperError::Store(crate::store::StoreError::BadData(e.to_string())))
}

/// Build every file of `year`'s archive; `progress(done, total, meeting title)` is called
/// once per meeting.
pub fn build_year(
    store: &Store,
    year: i32,
    lang: Lang,
    now: Time,
    mut progress: impl FnMut(usize, usize, &str),
) -> Result<YearArchive, PaperError> {
    let mut out = YearArchive::default();
    let ledger = store.ledger()?;
    let (first, next) = (
        chrono::NaiveDate::from_ymd_opt(year, 1, 1),
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1),
    );
    let meetings = match (first, next) {
        (Some(first), Some(next)) => store.meetings_between(first, next)?,
        _ => Vec::new(),
    };
    let total = meetings.len();
    for (i, m) in meetings.iter().enumerate() {
        progress(i, total, &m.title);
        if m.is_demo {
            out.demo.push((m.id, m.title.clone()));
            continue;
        }
        if store.closing(m.id)?.is_none() {
            out.not_closed.push((m.id, m.title.clone()));
            continue;
        }
        let date = m.starts_at.format("%Y-%m-%d");
        let folder = match ledger.iter().find(|e| e.meeting_id == m.id) {
            Some(e) => format!("{}_{date}", e.number),
            None => format!("{date}_{}", m.id),
        };
        let mut add = |name: &str, bytes: Vec<u8>| {
            out.files.push((format!("{folder}/{name}.docx"), bytes));
        };
        let of = Of::Meeting(m.id);
        for (kind, name) in [
            (Kind::Agenda, "会议议程"),
            (Kind::Attendance, "与会人员名单"),
            (Kind::Record, "会议记录"),
            (Kind::Tidied, "会议记录整理稿"),
            (Kind::Decisions, "决定事项督办"),
        ] {
            add(name, docx(&build(store, kind, of, lang, now)?)?);
        }
        if let Some(minutes) = store.minutes(m.id)? {
            let mut first = minutes_doc(store, m.id, lang, Some(1), now)?;
            super::paper::mark_classified(store, m.id, lang, &mut first)?;
            add("会议纪要原稿", docx(&first)?);
            if let Some(issued) = minutes.issued() {
                let mut signed = minutes_doc(store, m.id, lang, Some(issued.number), now)?;
                super::paper::mark_classified(store, m.id, lang, &mut signed)?;
                add("会议纪要签发稿", docx(&signed)?);
            }
        }
        out.meetings.push((m.id, folder));
    }
    progress(total, total, "");
    // The audit chain's end when the archive was made (issue 10): in the manifest's
    // files, so the archive vouches for the trail as it stood (`audit verify --against`).
    if let Some(head) = store.audit_head()? {
        let text = format!("{}: {}\n", lang.t(&crate::i18n::X_AUDIT_HEAD), head.label());
        out.files
            .push((AUDIT_HEAD_FILE.to_string(), text.into_bytes()));
    }
    let ledger = ledger_doc(store, Scope::Year(year), lang)?;
    out.files
        .push((format!("{LEDGER_FILE}.docx"), docx(&ledger)?));
    out.files.push((
        format!("{LEDGER_FILE}.txt"),
        super::render::render(&ledger, Format::Txt).into_bytes(),
    ));
    Ok(out)
}
