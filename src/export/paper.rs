//! Which paper, of what: the one entry point the command line and the after-meeting
//! screen (F4) share, so both write the same paper from the same document model.
use super::doc::Document;
use super::{
    Scope, agenda_doc, attendance_doc, ledger_doc, minutes_doc, month_doc, notice_doc, record_doc,
    register_doc, signin_doc, tidied_doc,
};
use crate::domain::{Id, Time};
use crate::i18n::Lang;
use crate::store::{Store, StoreError};

/// The papers (R9.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Minutes,
    Record,
    Tidied,
    Attendance,
    Decisions,
    Ledger,
    Agenda,
    /// The blank sign-in sheet (R5.1).
    SigninSheet,
    /// The notice to each department (R4.3).
    Notice,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Minutes,
        Kind::Record,
        Kind::Tidied,
        Kind::Attendance,
        Kind::Decisions,
        Kind::Ledger,
        Kind::Agenda,
        Kind::SigninSheet,
        Kind::Notice,
    ];

    /// The name on the command line and in file names.
    pub fn code(self) -> &'static str {
        match self {
            Self::Minutes => "minutes",
            Self::Record => "record",
            Self::Tidied => "tidied",
            Self::Attendance => "attendance",
            Self::Decisions => "decisions",
            Self::Ledger => "ledger",
            Self::Agenda => "agenda",
            Self::SigninSheet => "signin-sheet",
            Self::Notice => "notice",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Of what the paper is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    Meeting(Id),
    Year(i32),
    Month(i32, u32),
}

/// Why a paper could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PaperError {
    #[error("{0}")]
    Store(#[from] StoreError),
    /// This paper is of one meeting (or, for attendance, of a meeting or a month).
    #[error("the {kind} paper is not made per {of}")]
    NotPer {
        kind: &'static str,
        of: &'static str,
    },
}

fn of_name(of: Of) -> &'static str {
    match of {
        Of::Meeting(_) => "meeting",
        Of::Year(_) => "year",
        Of::Month(..) => "month",
    }
}

pub fn build(
    store: &Store,
    kind: Kind,
    of: Of,
    lang: Lang,
    now: Time,
) -> Result<Document, PaperError> {
    let not_per = || PaperError::NotPer {
        kind: kind.code(),
        of: of_name(of),
    };
    let mut doc = match (kind, of) {
        (Kind::Minutes, Of::Meeting(id)) => minutes_doc(store, id, lang, None, now)?,
        (Kind::Record, Of::Meeting(id)) => record_doc(store, id, lang, now)?,
        (Kind::Tidied, Of::Meeting(id)) => tidied_doc(store, id, lang, now)?,
        (Kind::Agenda, Of::Meeting(id)) => agenda_doc(store, id, lang, now)?,
        (Kind::SigninSheet, Of::Meeting(id)) => signin_doc(store, id, lang, now)?,
        (Kind::Notice, Of::Meeting(id)) => notice_doc(store, id, None, lang, now)?,
        (Kind::Attendance, Of::Meeting(id)) => attendance_doc(store, id, lang, now)?,
        (Kind::Attendance, Of::Month(y, m)) => month_doc(store, y, m, lang, now)?,
        (Kind::Decisions, Of::Meeting(id)) => register_doc(store, Scope::Meeting(id), lang, now)?,
        (Kind::Decisions, Of::Year(y)) => register_doc(store, Scope::Year(y), lang, now)?,
        (Kind::Ledger, Of::Meeting(id)) => ledger_doc(store, Scope::Meeting(id), lang)?,
        (Kind::Ledger, Of::Year(y)) => ledger_doc(store, Scope::Year(y), lang)?,
        _ => return Err(not_per()),
    };
    if let Of::Meeting(id) = of {
        mark_classified(store, id, lang, &mut doc)?;
    }
    Ok(doc)
}

/// A paper of a meeting with classified material carries the marking on every page and
/// file (R8.1, R4.2): the Word header of every page, the first and last line of text.
/// The marking is the 密级★期限 the office set (F3, meetings pane); without one, a
/// meeting with classified material still gets the generic 涉密 marking and the rule of
/// §8.1 for passing it on, as the regulation itself records no level or period.
pub fn mark_classified(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    doc: &mut Document,
) -> Result<(), StoreError> {
    if let Some(s) = store.meeting_secrecy(meeting_id)? {
        doc.classification = Some(crate::i18n::secrecy_mark(lang, &s));
    } else if store.meeting_is_classified(meeting_id)? {
        doc.classification = Some(lang.t(&crate::i18n::X_CLASSIFIED_MARK).to_string());
    }
    Ok(())
}
