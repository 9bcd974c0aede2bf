//! The verbatim record (会议记录, R5.2, R6): per topic, the five steps with their times,
//! every entry with its speaker and time and its text exactly as typed, then the decision
//! (R6.5).
use super::doc::{Block, Document};
use super::render::render;
use super::{Format, hhmm, opt_name, span, when};
use crate::domain::decision::{Decision, Outcome};
use crate::domain::people::Role;
use crate::domain::procedure::{Entry, Step, StepRecord};
use crate::domain::topic::Topic;
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

/// The verbatim record of a meeting. `now` only sets the attendance counts in the header.
pub fn record(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    format: Format,
    now: Time,
) -> Result<String, StoreError> {
    let mut doc = record_doc(store, meeting_id, lang, now)?;
    super::paper::mark_classified(store, meeting_id, lang, &mut doc)?;
    Ok(render(&doc, format))
}

/// The verbatim record as a document.
pub fn record_doc(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    now: Time,
) -> Result<Document, StoreError> {
    let Some(data) = MeetingView::load(store, meeting_id, now)? else {
        return Err(StoreError::BadData(format!("no meeting {meeting_id}")));
    };
    let mut doc = Document::new(lang.t(&i18n::X_RECORD_TITLE)).in_lang(lang);
    header(&mut doc, &data, lang);
    if data.topics.is_empty() {
        doc.paragraph(lang.t(&i18n::X_NO_TOPICS));
    }
    for topic in &data.topics {
        let entries = store.entries(topic.id)?;
        let steps = store.step_records(topic.id)?;
        let decision = store.decision(topic.id)?;
        write_topic(
            &mut doc,
            &data,
            lang,
            topic,
            &entries,
            &steps,
            decision.as_ref(),
        );
    }
    Ok(doc)
}

fn header(doc: &mut Document, data: &MeetingView, lang: Lang) {
    let m = &data.meeting;
    let recorders: Vec<&str> = data
        .parts
        .iter()
        .filter(|p| p.role == Role::Staff && p.is_recorder)
        .map(|p| data.name(p.person_id))
        .collect();
    let recorder = if recorders.is_empty() {
        lang.t(&i18n::NOT_SET).to_string()
    } else {
        recorders.join(i18n::x_name_sep(lang))
    };
    let t = |x: &i18n::Tr| lang.t(x);
    doc.field(t(&i18n::X_MEETING), m.title.clone())
        .field(t(&i18n::X_WHEN), when(data, lang))
        .field(t(&i18n::X_ROOM), m.room.clone())
        .field(t(&i18n::X_CHAIR), opt_name(data, lang, m.chair_id))
        .field(t(&i18n::X_RECORDER), recorder)
        .field(t(&i18n::X_COUNTS), i18n::x_counts(lang, data.roster.counts))
        .note(t(&i18n::X_VERBATIM_NOTE));
}

fn write_topic(
    doc: &mut Document,
    data: &MeetingView,
    lang: Lang,
    topic: &Topic,
    entries: &[Entry],
    steps: &[StepRecord],
    decision: Option<&Decision>,
) {
    let t = |x: &i18n::Tr| lang.t(x);
    doc.heading(1, i18n::x_topic(lang, topic.seq, &topic.title));
    let when = span(topic.started_at, topic.ended_at)
        .unwrap_or_else(|| t(&i18n::X_NOT_STARTED).to_string());
    doc.field(t(&i18n::DEPARTMENT), topic.department.clone())
        .field(t(&i18n::D_DEPUTY), opt_name(data, lang, topic.deputy_id))
        .field(t(&i18n::X_TOPIC_TIME), when);

    for step in Step::ALL {
        let name = i18n::STEP_NAMES
            .get(usize::from(step.number()).saturating_sub(1))
            .map(|x| lang.t(x))
            .unwrap_or("?");
        let mut heading = i18n::x_step(lang, step.number(), name);
        let rec = steps.iter().find(|r| r.step == step);
        if let Some(s) = rec.and_then(|r| span(r.started_at, r.ended_at)) {
            heading.push_str(&i18n::x_paren(lang, &s));
        }
        doc.heading(2, heading);
        let mut any = false;
        for e in entries.iter().filter(|e| e.step == step) {
            any = true;
            let who = speaker(data, e, lang);
            doc.heading(
                3,
                i18n::x_speaker(lang, &who, e.off_list, &hhmm(&e.started_at)),
            );
            typed(doc, lang, &e.text);
        }
        if !any {
            doc.paragraph(t(&i18n::X_NO_RECORD));
        }
    }
    write_decision(doc, data, lang, topic, decision);
}

/// Words as typed, or a note that there are none.
fn typed(doc: &mut Document, lang: Lang, text: &str) {
    if text.is_empty() {
        doc.paragraph(lang.t(&i18n::X_EMPTY_TEXT));
    } else {
        doc.verbatim(text);
    }
}

/// The speaker as shown: the name typed or picked; the person's name when only the id is
/// known; "?" for an id that names nobody.
fn speaker(data: &MeetingView, e: &Entry, lang: Lang) -> String {
    if !e.speaker_name.trim().is_empty() {
        return e.speaker_name.clone();
    }
    match e.speaker_id {
        Some(id) => data.name(id).to_string(),
        None => lang.t(&i18n::SPEAKER_UNSET).to_string(),
    }
}

fn write_decision(
    doc: &mut Document,
    data: &MeetingView,
    lang: Lang,
    topic: &Topic,
    d: Option<&Decision>,
) {
    let t = |x: &i18n::Tr| lang.t(x);
    doc.heading(2, t(&i18n::X_DECISION));
    let Some(d) =
        d.filter(|d| d.outcome.is_some() || !d.text.trim().is_empty() || d.decided_at.is_some())
    else {
        doc.paragraph(t(&i18n::X_NOT_DECIDED));
        return;
    };
    if d.decided_at.is_none() {
        doc.paragraph(t(&i18n::X_DRAFT));
    }
    let not_set = t(&i18n::NOT_SET);
    let outcome = d
        .outcome
        .and_then(|o| Outcome::ALL.iter().position(|x| *x == o))
        .and_then(|i| i18n::OUTCOMES.get(i))
        .map(|x| lang.t(x))
        .unwrap_or(not_set);
    doc.field(t(&i18n::D_OUTCOME), outcome);
    if let Some(n) = d.alternative {
        let text = usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| topic.alternatives.get(i))
            .map(String::as_str)
            .unwrap_or("?");
        doc.field(t(&i18n::D_ALTERNATIVE), i18n::x_alternative(lang, n, text));
    }
    doc.field(t(&i18n::D_DEPUTY), opt_name(data, lang, d.deputy_id));
    let units: Vec<String> = d
        .units
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if units.is_empty() {
        doc.field(t(&i18n::D_UNITS), not_set);
    } else {
        doc.field_list(t(&i18n::D_UNITS), units);
    }
    let deadline = d
        .deadline
        .map(|x| x.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| not_set.to_string());
    doc.field(t(&i18n::D_DEADLINE), deadline);
    let supervisor = if d.supervisor.trim().is_empty() {
        not_set
    } else {
        d.supervisor.as_str()
    };
    doc.field(t(&i18n::D_SUPERVISOR), supervisor);
    if let Some(at) = &d.decided_at {
        doc.field(t(&i18n::X_DECIDED_AT), hhmm(at));
    }
    let head = i18n::x_field(lang, t(&i18n::D_TEXT), "");
    doc.paragraph(head.trim_end());
    typed(doc, lang, &d.text);
    let head = i18n::x_field(lang, t(&i18n::D_DISSENT), "");
    if d.dissent.is_empty() {
        doc.paragraph(format!("{head}{}", t(&i18n::X_NONE)));
    } else {
        doc.paragraph(head.trim_end());
        doc.push(Block::Verbatim(d.dissent.clone()));
    }
}
