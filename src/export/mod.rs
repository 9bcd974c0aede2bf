//! Papers a person can file (R9.5): the attendance report (签到表, R5.1 / R8.2), the
//! verbatim record (会议记录, R5.2 / R6), and before the meeting the agenda (议程, R2.1), the
//! blank sign-in sheet (R5.1) and the notice to each department (会议通知, R4.3). Each is built as a document ([`doc`]) and
//! written by one renderer per file kind ([`render`] for Markdown and plain text).
//!
//! Times are shown as HH:MM in the offset they were stored with, never the machine's.
mod agenda;
pub mod archive_fs;
pub mod archive_year;
mod attendance;
mod attendance_month;
mod decisions;
pub mod doc;
pub mod docx;
mod minutes;
mod notice;
pub mod paper;
mod record;
pub mod render;
mod signin;
mod tidied;

use chrono::Datelike;
use unicode_width::UnicodeWidthStr;

use crate::domain::meeting::Meeting;
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

pub use agenda::{agenda, agenda_doc};
pub use attendance::{attendance, attendance_doc};
pub use attendance_month::{month_doc, month_views};
pub use decisions::{Scope, ledger_doc, register_doc, status_word};
pub use minutes::{draft_for, minutes_doc, names};
pub use notice::{notice, notice_departments, notice_doc};
pub use record::{record, record_doc};
pub use signin::{signin_doc, signin_sheet};
pub use tidied::tidied_doc;

/// The kind of file written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Txt,
    /// Word, laid out as GB/T 9704 ([`docx`]).
    Docx,
}

impl Format {
    /// "md" | "markdown" | "txt" | "text" (any case).
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "txt" | "text" => Some(Format::Txt),
            "docx" | "word" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Txt => "txt",
            Format::Docx => "docx",
        }
    }
}

/// The bytes of a paper in a format: Markdown and plain text as UTF-8, Word as a .docx.
pub fn paper_bytes(doc: &doc::Document, format: Format) -> Result<Vec<u8>, docx::DocxError> {
    match format {
        Format::Md | Format::Txt => Ok(render::render(doc, format).into_bytes()),
        Format::Docx => docx::render(doc),
    }
}

/// Which meeting: an id, "latest" (the most recent by date), or a date YYYY-MM-DD (the
/// meeting held or to be held that day, not one postponed from it). None when there is no
/// such meeting, or `which` is none of these.
pub fn resolve_meeting(store: &Store, which: &str) -> Result<Option<Meeting>, StoreError> {
    let which = which.trim();
    if which.eq_ignore_ascii_case("latest") {
        return store.latest_meeting();
    }
    if let Ok(day) = chrono::NaiveDate::parse_from_str(which, "%Y-%m-%d") {
        use crate::domain::meeting::MeetingStatus;
        let next = day.succ_opt().unwrap_or(day);
        let mut on_day: Vec<Meeting> = store
            .meetings_between(day, next)?
            .into_iter()
            .filter(|m| !m.is_demo)
            .collect();
        on_day.sort_by_key(|m| (m.status != MeetingStatus::Postponed, m.starts_at));
        return Ok(on_day.pop());
    }
    match which.parse::<Id>() {
        Ok(id) => store.meeting(id),
        Err(_) => Ok(None),
    }
}

/// A name for an optional person id: "—" when unset, "?" for an id that names nobody.
pub(crate) fn opt_name(view: &MeetingView, lang: Lang, id: Option<Id>) -> String {
    match id {
        Some(id) => view.name(id).to_string(),
        None => lang.t(&i18n::NOT_SET).to_string(),
    }
}

/// The meeting's date, weekday and start: "2026-11-30 星期一 09:00".
pub(crate) fn when(view: &MeetingView, lang: Lang) -> String {
    let s = view.meeting.starts_at;
    format!(
        "{} {} {}",
        s.format("%Y-%m-%d"),
        i18n::x_weekday(lang, s.weekday()),
        hhmm(&s)
    )
}

/// Write a paper owner-only (0600), never through a symlink, flushed to the disk. An
/// existing file of the same name is replaced.
pub fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = opts.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A file that was there before keeps its old mode through open(): set it.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// HH:MM in the time's own offset.
pub(crate) fn hhmm(t: &Time) -> String {
    t.format("%H:%M").to_string()
}

/// "YYYY-MM-DD HH:MM" in the time's own offset.
pub(crate) fn date_hhmm(t: &Time) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// "09:02–09:40", "09:02–", "–09:40"; none when neither is known.
pub(crate) fn span(start: Option<Time>, end: Option<Time>) -> Option<String> {
    match (start, end) {
        (None, None) => None,
        (s, e) => Some(format!(
            "{}–{}",
            s.as_ref().map(hhmm).unwrap_or_default(),
            e.as_ref().map(hhmm).unwrap_or_default()
        )),
    }
}

/// One line of a plain text or table cell: line breaks and tabs become spaces, other
/// control characters are dropped (they have no width and would break alignment).
pub(crate) fn one_line(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Text for a Markdown heading, list item or paragraph: one line, with the characters
/// Markdown would read as markup escaped.
pub(crate) fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '#' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for a Markdown table cell: as `md_inline` (which escapes `|`).
pub(crate) fn md_cell(s: &str) -> String {
    md_inline(s)
}

/// Write typed text verbatim in Markdown: a fenced code block whose content is the text
/// followed by one newline. The fence is longer than any run of backticks in the text, so
/// nothing inside can close it.
pub(crate) fn md_verbatim(out: &mut String, text: &str) {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat((longest + 1).max(3));
    out.push_str(&fence);
    out.push_str("text\n");
    out.push_str(text);
    out.push('\n');
    out.push_str(&fence);
    out.push('\n');
}

/// Display width in terminal columns (CJK characters count two).
pub(crate) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// A line of `c` as wide as `s` is shown.
pub(crate) fn underline(s: &str, c: char) -> String {
    std::iter::repeat_n(c, width(s).max(1)).collect()
}

/// Plain-text table: columns padded by display width, two spaces between them, no
/// trailing spaces. Cells must already be one line.
pub(crate) fn txt_table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut l = String::new();
        for (i, cell) in cells.enumerate().take(n) {
            if i > 0 {
                l.push_str("  ");
            }
            l.push_str(cell);
            let pad = widths[i].saturating_sub(width(cell));
            l.extend(std::iter::repeat_n(' ', pad));
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&mut header.iter().copied());
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&mut rule.iter().map(String::as_str));
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
}

/// Markdown table; cells are escaped here.
pub(crate) fn md_table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let row_line = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&row_line(&mut header.iter().map(|h| md_cell(h))));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        let mut cells = row.iter().map(|c| md_cell(c)).collect::<Vec<_>>();
        cells.resize(header.len(), String::new());
        out.push_str(&row_line(&mut cells.into_iter()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse() {
        assert_eq!(Format::parse("md"), Some(Format::Md));
        assert_eq!(Format::parse("Markdown"), Some(Format::Md));
        assert_eq!(Format::parse("txt"), Some(Format::Txt));
        assert_eq!(Format::parse("text"), Some(Format::Txt));
        assert_eq!(Format::parse("docx"), Some(Format::Docx));
        assert_eq!(Format::parse("pdf"), None);
    }

    #[test]
    fn verbatim_fence_outlasts_backticks_inside() {
        let mut out = String::new();
        md_verbatim(&mut out, "a ``` b\n````\nc");
        assert_eq!(out, "`````text\na ``` b\n````\nc\n`````\n");
        let mut out = String::new();
        md_verbatim(&mut out, "x\n");
        assert_eq!(out, "```text\nx\n\n```\n");
    }

    #[test]
    fn inline_escapes_markup_and_pipe() {
        assert_eq!(md_inline("a|b*c\nd"), "a\\|b\\*c d");
        assert_eq!(md_cell("张三"), "张三");
    }

    #[test]
    fn txt_table_aligns_by_display_width() {
        let mut out = String::new();
        txt_table(
            &mut out,
            &["姓名", "x"],
            &[
                vec!["巴特尔".into(), "1".into()],
                vec!["ab".into(), "2".into()],
            ],
        );
        let lines: Vec<&str> = out.lines().collect();
        // The second column starts at the same display column on every line.
        let starts: Vec<usize> = lines
            .iter()
            .map(|l| {
                let idx = l.rfind("  ").map(|i| i + 2).unwrap_or(0);
                width(&l[..idx])
            })
            .collect();
        assert!(starts.windows(2).all(|w| w[0] == w[1]), "{out}");
    }

    #[test]
    fn span_shows_what_is_known() {
        assert_eq!(span(None, None), None);
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:02:00+08:00").ok();
        assert_eq!(span(t, None).as_deref(), Some("09:02–"));
    }
}
