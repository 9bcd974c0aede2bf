//! The agenda (会议议程, R2.1, R9.5), with the decisions of earlier meetings still open on
//! its date (上次会议决定事项落实情况, R7.3): what the next meeting hears first.
use super::doc::Document;
use super::{opt_name, when};
use crate::domain::followup_query::{carried_into, carried_line};
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

pub fn agenda_doc(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    now: Time,
) -> Result<Document, StoreError> {
    let Some(view) = MeetingView::load(store, meeting_id, now)? else {
        return Err(StoreError::BadData(format!("no meeting {meeting_id}")));
    };
    let t = |x: &i18n::Tr| lang.t(x);
    let mut doc = Document::new(t(&i18n::X_AGENDA_TITLE)).in_lang(lang);
    let m = &view.meeting;
    doc.field(t(&i18n::X_MEETING), m.title.clone())
        .field(t(&i18n::X_WHEN), when(&view, lang))
        .field(t(&i18n::X_ROOM), m.room.clone())
        .field(t(&i18n::X_CHAIR), opt_name(&view, lang, m.chair_id));
    if view.topics.is_empty() {
        doc.paragraph(t(&i18n::X_NO_TOPICS));
    }
    for topic in &view.topics {
        doc.heading(1, i18n::x_topic(lang, topic.seq, &topic.title));
        doc.field(t(&i18n::DEPARTMENT), topic.department.clone())
            .field(t(&i18n::D_DEPUTY), opt_name(&view, lang, topic.deputy_id));
    }
    doc.heading(1, t(&i18n::X_CARRIED));
    let items = store.followup_items()?;
    let carried = carried_into(&items, meeting_id, m.starts_at.date_naive());
    if carried.is_empty() {
        doc.paragraph(t(&i18n::X_NO_CARRIED));
    }
    for (i, c) in carried.iter().enumerate() {
        let deputy = c
            .item
            .deputy_id
            .map(|id| view.name(id).to_string())
            .unwrap_or_default();
        doc.paragraph(format!("{}. {}", i + 1, carried_line(c, &deputy)));
    }
    Ok(doc)
}
