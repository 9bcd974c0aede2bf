//! The tidied record (会议记录整理稿, R7.2): per topic, each entry's summary or, marked
//! 详细整理, the words in full as recorded.
use super::doc::Document;
use super::{hhmm, when};
use crate::domain::record_tidy::Mode;
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

pub fn tidied_doc(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    now: Time,
) -> Result<Document, StoreError> {
    let Some(view) = MeetingView::load(store, meeting_id, now)? else {
        return Err(StoreError::BadData(format!("no meeting {meeting_id}")));
    };
    let t = |x: &i18n::Tr| lang.t(x);
    let mut doc = Document::new(t(&i18n::X_TIDIED_TITLE)).in_lang(lang);
    doc.field(t(&i18n::X_MEETING), view.meeting.title.clone())
        .field(t(&i18n::X_WHEN), when(&view, lang))
        .field(t(&i18n::X_ROOM), view.meeting.room.clone())
        .note(t(&i18n::X_TIDIED_NOTE));
    let tidied = store.tidied(meeting_id)?;
    if tidied.is_empty() {
        doc.paragraph(t(&i18n::X_NOT_TIDIED));
        return Ok(doc);
    }
    for topic in &view.topics {
        let entries = store.entries(topic.id)?;
        let rows: Vec<_> = tidied.iter().filter(|e| e.topic_id == topic.id).collect();
        if rows.is_empty() {
            continue;
        }
        doc.heading(1, i18n::x_topic(lang, topic.seq, &topic.title));
        for e in rows {
            let at = entries
                .iter()
                .find(|v| v.id == e.entry_id)
                .map(|v| hhmm(&v.started_at))
                .unwrap_or_default();
            let step = i18n::STEP_NAMES
                .get(usize::from(e.step.number()).saturating_sub(1))
                .map(|x| lang.t(x))
                .unwrap_or("?");
            let mode = match e.mode {
                Mode::Detailed => t(&i18n::X_DETAILED),
                Mode::Summary => t(&i18n::X_SUMMARY),
            };
            doc.heading(3, format!("{}（{step} · {at} · {mode}）", e.speaker.trim()));
            doc.verbatim(e.text.clone());
        }
    }
    Ok(doc)
}
