//! The sign-in sheet (签到表, R5.1) printed before the meeting: everyone expected, by
//! role, with blank columns for the time and the signature.
use super::agenda::load;
use super::doc::Document;
use super::render::render;
use super::{Format, when};
use crate::domain::people::Role;
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

pub fn signin_sheet(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    format: Format,
    now: Time,
) -> Result<String, StoreError> {
    Ok(render(&signin_doc(store, meeting_id, lang, now)?, format))
}

/// One row per person of a group: number, name, title and department, blank time and
/// signature.
fn rows(view: &MeetingView, lang: Lang, role: Role, topic: Option<Id>) -> Vec<Vec<String>> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for p in view
        .parts
        .iter()
        .filter(|p| p.role == role && p.topic_id == topic)
    {
        if seen.contains(&p.person_id) {
            continue;
        }
        seen.push(p.person_id);
        let (title, department) = view
            .person(p.person_id)
            .map(|x| (x.title.clone(), x.department.clone()))
            .unwrap_or_default();
        out.push(vec![
            (out.len() + 1).to_string(),
            view.name(p.person_id).to_string(),
            i18n::x_title_dept(lang, &title, &department),
            String::new(),
            String::new(),
        ]);
    }
    out
}

pub fn signin_doc(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    now: Time,
) -> Result<Document, StoreError> {
    let (view, _) = load(store, meeting_id, now)?;
    let t = |x: &i18n::Tr| lang.t(x).to_string();
    let m = &view.meeting;
    let mut doc = Document::new(t(&i18n::X_SIGNIN_TITLE)).in_lang(lang);
    doc.field(t(&i18n::X_MEETING), m.title.clone())
        .field(t(&i18n::X_WHEN), when(&view, lang))
        .field(t(&i18n::X_ROOM), m.room.clone());
    let header: Vec<String> = [
        i18n::X_COL_NUMBER,
        i18n::X_COL_NAME,
        i18n::X_COL_TITLE,
        i18n::X_COL_TIME,
        i18n::X_COL_SIGNATURE,
    ]
    .iter()
    .map(t)
    .collect();
    let mut groups = vec![
        (t(&i18n::ROLE_ATTENDING), Role::Attending, None),
        (i18n::x_sitting_in_all(lang), Role::SittingIn, None),
    ];
    for topic in &view.topics {
        groups.push((
            i18n::x_sitting_in_topic(lang, topic.seq, &topic.title),
            Role::SittingIn,
            Some(topic.id),
        ));
    }
    groups.push((t(&i18n::ROLE_STAFF), Role::Staff, None));
    for (heading, role, topic) in groups {
        let rows = rows(&view, lang, role, topic);
        doc.heading(1, heading);
        if rows.is_empty() {
            doc.paragraph(t(&i18n::X_NOBODY));
        } else {
            doc.table(header.clone(), rows);
        }
    }
    Ok(doc)
}
