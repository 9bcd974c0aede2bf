//! The meeting notice (会议通知, R4.3): for a department, when and where, who of it
//! comes and for which topic, and the day its attendee list is due back.
use chrono::Datelike;

use super::agenda::load;
use super::doc::{Block, Document};
use super::render::render;
use super::{Format, hhmm};
use crate::domain::cn_style;
use crate::domain::notice::{departments_to_notify, reply_due};
use crate::domain::people::Role;
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

/// The departments a meeting's notice goes to (R4.3).
pub fn notice_departments(
    store: &Store,
    meeting_id: Id,
    now: Time,
) -> Result<Vec<String>, StoreError> {
    let (_, office) = load(store, meeting_id, now)?;
    Ok(departments_to_notify(
        &office.meeting_people(meeting_id),
        &office.active_people(),
    ))
}

/// The notice for one department, or (none) for every department to notify.
pub fn notice(
    store: &Store,
    meeting_id: Id,
    department: Option<&str>,
    lang: Lang,
    format: Format,
    now: Time,
) -> Result<String, StoreError> {
    Ok(render(
        &notice_doc(store, meeting_id, department, lang, now)?,
        format,
    ))
}

pub fn notice_doc(
    store: &Store,
    meeting_id: Id,
    department: Option<&str>,
    lang: Lang,
    now: Time,
) -> Result<Document, StoreError> {
    let (view, office) = load(store, meeting_id, now)?;
    let departments = match department {
        Some(d) => vec![d.to_string()],
        None => departments_to_notify(&office.meeting_people(meeting_id), &office.active_people()),
    };
    let mut doc = Document::new(lang.t(&i18n::X_NOTICE_TITLE)).in_lang(lang);
    for d in &departments {
        write(&mut doc, &view, d, lang);
    }
    let today = now.date_naive();
    doc.push(Block::Signature {
        lines: vec![lang.t(&i18n::X_OFFICE).to_string()],
        date: match lang {
            Lang::Zh => cn_style::date(today),
            Lang::En => today.format("%Y-%m-%d").to_string(),
        },
    });
    Ok(doc)
}

/// Who of a department comes, each with what for: "王建国（出席）", "吴刚（列席议题1）".
fn who(view: &MeetingView, department: &str, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in &view.parts {
        let Some(person) = view
            .person(p.person_id)
            .filter(|x| x.department == department)
        else {
            continue;
        };
        let why = match (p.role, p.topic_id.and_then(|t| view.topic(t))) {
            (Role::Attending, _) => lang.t(&i18n::ROLE_ATTENDING).to_string(),
            (Role::SittingIn, Some(t)) => i18n::x_notice_for_topic(lang, t.seq),
            (Role::SittingIn, None) => i18n::x_sitting_in_all(lang),
            (Role::Staff, _) => lang.t(&i18n::ROLE_STAFF).to_string(),
        };
        let line = format!("{}{}", person.name, i18n::x_paren(lang, &why));
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

fn write(doc: &mut Document, view: &MeetingView, department: &str, lang: Lang) {
    let m = &view.meeting;
    let day = m.starts_at.date_naive();
    let date = match lang {
        Lang::Zh => format!(
            "{}（{}）{}",
            cn_style::date(day),
            i18n::x_weekday(lang, day.weekday()),
            hhmm(&m.starts_at)
        ),
        Lang::En => format!(
            "{} {} at {}",
            i18n::x_weekday(lang, day.weekday()),
            day.format("%Y-%m-%d"),
            hhmm(&m.starts_at)
        ),
    };
    let topics: Vec<String> = view
        .topics
        .iter()
        .map(|t| i18n::x_topic(lang, t.seq, &t.title))
        .collect();
    let due = reply_due(day);
    let due = match lang {
        Lang::Zh => cn_style::date(due),
        Lang::En => due.format("%Y-%m-%d").to_string(),
    };
    doc.heading(1, i18n::x_notice_to(lang, department));
    doc.paragraph(i18n::x_notice_body(
        lang,
        &date,
        &m.room,
        &m.title,
        topics.len(),
    ));
    for t in &topics {
        doc.paragraph(t.clone());
    }
    doc.push(Block::Names {
        label: lang.t(&i18n::X_NOTICE_WHO).to_string(),
        names: who(view, department, lang),
    });
    // Those of the department sitting in for a topic after the first wait for it (§5.3).
    let waits = view.parts.iter().any(|p| {
        p.topic_id
            .and_then(|t| view.topic(t))
            .is_some_and(|t| t.seq > 1)
            && view
                .person(p.person_id)
                .is_some_and(|x| x.department == department)
    });
    if let Some(w) = m
        .waiting_room
        .as_ref()
        .filter(|w| waits && !w.trim().is_empty())
    {
        doc.paragraph(i18n::x_notice_waiting(lang, w));
    }
    doc.paragraph(i18n::x_notice_reply(lang, &due));
}
