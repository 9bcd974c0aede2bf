//! The agenda (会议议程, R2.1, R9.5): the meeting's when and where, who chairs, attends,
//! sits in throughout and serves; then each topic in order with its department, deputy,
//! departments involved, sitting-in people, urgency, and its times once held; then the
//! decisions of earlier meetings still open on its date (上次会议决定事项落实情况, R7.3).
use super::doc::{Block, Document};
use super::render::render;
use super::{Format, opt_name, span, when};
use crate::domain::cn_style;
use crate::domain::coverage::allowed;
use crate::domain::followup_query::{carried_into, carried_line};
use crate::domain::people::Role;
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::office_view::OfficeView;
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

/// The people of a meeting in one role (topic: those sitting in for it).
pub(super) fn names(view: &MeetingView, role: Role, topic: Option<Id>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in &view.parts {
        if p.role == role && p.topic_id == topic {
            let name = view.name(p.person_id).to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

pub(super) fn load(
    store: &Store,
    meeting_id: Id,
    now: Time,
) -> Result<(MeetingView, OfficeView), StoreError> {
    let Some(view) = MeetingView::load(store, meeting_id, now)? else {
        return Err(StoreError::BadData(format!("no meeting {meeting_id}")));
    };
    Ok((view, OfficeView::load_meeting(store, meeting_id)?))
}

pub fn agenda(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    format: Format,
    now: Time,
) -> Result<String, StoreError> {
    Ok(render(&agenda_doc(store, meeting_id, lang, now)?, format))
}

pub fn agenda_doc(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    now: Time,
) -> Result<Document, StoreError> {
    let (view, office) = load(store, meeting_id, now)?;
    let t = |x: &i18n::Tr| lang.t(x).to_string();
    let m = &view.meeting;
    let mut doc = Document::new(t(&i18n::X_AGENDA_TITLE)).in_lang(lang);
    doc.field(t(&i18n::X_MEETING), m.title.clone())
        .field(t(&i18n::X_WHEN), when(&view, lang))
        .field(t(&i18n::X_ROOM), m.room.clone());
    if let Some(w) = m.waiting_room.clone().filter(|w| !w.trim().is_empty()) {
        doc.field(t(&i18n::X_WAITING_ROOM), w);
    }
    doc.field(t(&i18n::X_CHAIR), opt_name(&view, lang, m.chair_id));
    for (label, role) in [
        (i18n::ROLE_ATTENDING, Role::Attending),
        (i18n::ROLE_SITTING_IN, Role::SittingIn),
        (i18n::ROLE_STAFF, Role::Staff),
    ] {
        let label = if role == Role::SittingIn {
            i18n::x_sitting_in_all(lang)
        } else {
            t(&label)
        };
        doc.push(Block::Names {
            label,
            names: names(&view, role, None),
        });
    }
    if let Some(r) = view.recorder_name() {
        doc.field(t(&i18n::X_RECORDER), r.to_string());
    }
    let coverage = allowed(&office.coverage_of(meeting_id));
    doc.paragraph(match office.coverage_of(meeting_id).last() {
        Some(e) if coverage.any() => i18n::coverage_line(lang, coverage, &e.ordered_by, &e.note)
            .trim()
            .to_string(),
        _ => t(&i18n::COVERAGE_NONE),
    });
    if view.topics.is_empty() {
        doc.paragraph(t(&i18n::X_NO_TOPICS));
    }
    for topic in &view.topics {
        let heading = match lang {
            Lang::Zh => format!("{}{}", cn_style::ordinal(topic.seq), topic.title),
            Lang::En => format!("{}. {}", topic.seq, topic.title),
        };
        doc.heading(1, heading);
        doc.field(t(&i18n::X_DEPARTMENT), topic.department.clone())
            .field(t(&i18n::F_DEPUTY), opt_name(&view, lang, topic.deputy_id));
        if let Some(r) = office.topic(topic.id) {
            doc.field(t(&i18n::X_URGENCY), t(&i18n::urgency_name(r.urgency)));
            if !r.registration.involved_departments.is_empty() {
                doc.field(
                    t(&i18n::F_INVOLVED_SHORT),
                    r.registration
                        .involved_departments
                        .join(i18n::x_name_sep(lang)),
                );
            }
            if r.after_cutoff {
                doc.field(t(&i18n::X_REMARK), t(&i18n::AFTER_CUTOFF));
            }
        }
        if let Some(s) = span(topic.started_at, topic.ended_at) {
            doc.field(t(&i18n::X_TOPIC_TIME), s);
        }
        doc.push(Block::Names {
            label: t(&i18n::ROLE_SITTING_IN),
            names: names(&view, Role::SittingIn, Some(topic.id)),
        });
    }
    // What the meeting hears first: the earlier decisions still open (R7.3).
    doc.heading(1, t(&i18n::X_CARRIED));
    let items = store.followup_items_open_on(m.starts_at.date_naive())?;
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
