//! The summary minutes (会议纪要, R7.1) as a paper in the 纪要 format of GB/T 9704: the
//! mark in red, one paragraph per line of the text, then 出席 / 请假 / 列席 and the
//! issuing office with the date of sign-off. Also the first draft's text, shaped from the
//! recorded decisions ([`crate::domain::minutes_draft`]).
use super::doc::{Block, Document};
use crate::domain::attendance::Presence;
use crate::domain::cn_style;
use crate::domain::minutes::{StepKind, Version};
use crate::domain::minutes_draft::{DraftHeader, DraftTopic, draft_text};
use crate::domain::people::Role;
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

fn load(store: &Store, meeting_id: Id, now: Time) -> Result<MeetingView, StoreError> {
    MeetingView::load(store, meeting_id, now)?
        .ok_or_else(|| StoreError::BadData(format!("no meeting {meeting_id}")))
}

/// "副局长（分管治安、交管）" → "副局长": the title as the minutes name a person.
fn short_title(title: &str) -> &str {
    title.split(['（', '(']).next().unwrap_or(title).trim()
}

/// Who attended, who was on leave, who sat in — the names the minutes end with.
pub fn names(view: &MeetingView) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut attending = Vec::new();
    let mut leave = Vec::new();
    let mut sitting_in = Vec::new();
    for p in &view.parts {
        let name = view.name(p.person_id).to_string();
        let state = view.state_of(p.person_id);
        let on_leave = matches!(state.presence, Presence::OnLeave { .. });
        let list = match (p.role, on_leave) {
            (Role::Staff, _) => continue,
            (_, true) => &mut leave,
            (Role::Attending, false) => &mut attending,
            (Role::SittingIn, false) if state.first_check_in.is_some() => &mut sitting_in,
            (Role::SittingIn, false) => continue,
        };
        if !list.contains(&name) {
            list.push(name);
        }
    }
    (attending, leave, sitting_in)
}

/// The first draft of the minutes, from what was recorded: the opening, then one
/// paragraph per topic with its decision, units and deadline.
pub fn draft_for(store: &Store, meeting_id: Id, now: Time) -> Result<String, StoreError> {
    let view = load(store, meeting_id, now)?;
    let (attending, on_leave, sitting_in) = names(&view);
    let chair = view
        .meeting
        .chair_id
        .and_then(|id| view.person(id))
        .map(|p| format!("{}{}", short_title(&p.title), p.name))
        .unwrap_or_default();
    let header = DraftHeader {
        meeting_title: "局长办公例会".into(),
        date: Some(view.meeting.starts_at.date_naive()),
        chair,
        room: view.meeting.room.clone(),
        attending,
        sitting_in,
        on_leave,
    };
    let mut topics = Vec::new();
    // A topic carried over to a later meeting was not studied here: it is that
    // meeting's.
    let carried = store.carry_overs(meeting_id)?;
    for t in &view.topics {
        if carried.iter().any(|c| c.topic_id == t.id) {
            continue;
        }
        let d = store.decision(t.id)?;
        let decided = d.as_ref().filter(|d| d.decided_at.is_some());
        let deputy = decided
            .and_then(|d| d.deputy_id)
            .or(t.deputy_id)
            .map(|id| view.name(id).to_string())
            .unwrap_or_default();
        topics.push(DraftTopic {
            title: t.title.clone(),
            department: t.department.clone(),
            outcome: decided.and_then(|d| d.outcome),
            decided_text: decided.map(|d| d.text.clone()).unwrap_or_default(),
            units: decided
                .map(|d| crate::domain::followup::split_units(&d.units))
                .unwrap_or_default(),
            deputy,
            deadline: decided.and_then(|d| d.deadline),
        });
    }
    Ok(draft_text(&header, &topics))
}

/// The minutes of a meeting as a paper: the given version, else the issued (signed) one,
/// else the latest; a fresh draft from the decisions when none was made yet.
pub fn minutes_doc(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    version: Option<u32>,
    now: Time,
) -> Result<Document, StoreError> {
    let view = load(store, meeting_id, now)?;
    let minutes = store.minutes(meeting_id)?;
    let chosen: Option<&Version> = minutes.as_ref().and_then(|m| match version {
        Some(n) => m.version(n),
        None => m.issued().or(Some(m.current())),
    });
    let text = match chosen {
        Some(v) => v.text.clone(),
        None => draft_for(store, meeting_id, now)?,
    };
    let mut doc = build(&view, lang, &text, chosen);
    // The signed minutes carry the audit chain's end as it stands when they are printed
    // (issue 10, R9.4): a later rewrite of the whole trail is caught against the paper
    // with `huiwu audit verify --against "#ROW HASH"`.
    if chosen.is_some_and(|v| v.step(StepKind::SignOff).is_some())
        && let Some(head) = store.audit_head()?
    {
        doc.field(lang.t(&i18n::X_AUDIT_HEAD), head.label());
    }
    Ok(doc)
}

fn build(view: &MeetingView, lang: Lang, text: &str, v: Option<&Version>) -> Document {
    let mut doc = Document::new("").in_lang(lang);
    doc.mark = Some(lang.t(&i18n::X_MINUTES_MARK).to_string());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        doc.paragraph(line.trim());
    }
    let (attending, leave, sitting_in) = names(view);
    for (label, list) in [
        (i18n::X_LABEL_ATTENDING, attending),
        (i18n::X_LABEL_LEAVE, leave),
        (i18n::X_LABEL_SITTING_IN, sitting_in),
    ] {
        if !list.is_empty() {
            doc.push(Block::Names {
                label: lang.t(&label).to_string(),
                names: list,
            });
        }
    }
    let signed = v.and_then(|v| v.step(StepKind::SignOff));
    let date = match signed {
        Some(a) => cn_style::date(a.at.date_naive()),
        None => lang.t(&i18n::X_NOT_SIGNED).to_string(),
    };
    doc.push(Block::Signature {
        lines: vec![lang.t(&i18n::X_ISSUER).to_string()],
        date,
    });
    if let Some(v) = v {
        let mut note = vec![i18n::x_version(lang, v.number, v.corrects)];
        for a in &v.approvals {
            note.push(i18n::x_step_line(
                lang,
                a.kind == StepKind::Review,
                &a.by,
                &a.at.format("%Y-%m-%d %H:%M").to_string(),
                &a.opinion,
            ));
        }
        doc.note(note.join("；"));
    }
    doc
}
