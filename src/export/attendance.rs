//! The attendance report (签到表, R5.1, R8.2): who was expected in each group, how each
//! stands, when they signed in, and the discipline flags in words.
use super::doc::Document;
use super::render::render;
use super::{Format, date_hhmm, hhmm, opt_name, when};
use crate::domain::attendance::{Presence, Punctuality};
use crate::domain::meeting::MeetingStatus;
use crate::domain::roster::{Group, Line};
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

/// The attendance report of a meeting as at `now`.
pub fn attendance(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    format: Format,
    now: Time,
) -> Result<String, StoreError> {
    let mut doc = attendance_doc(store, meeting_id, lang, now)?;
    super::paper::mark_classified(store, meeting_id, lang, &mut doc)?;
    Ok(render(&doc, format))
}

/// The attendance report as a document.
pub fn attendance_doc(
    store: &Store,
    meeting_id: Id,
    lang: Lang,
    now: Time,
) -> Result<Document, StoreError> {
    let Some(data) = MeetingView::load(store, meeting_id, now)? else {
        return Err(StoreError::BadData(format!("no meeting {meeting_id}")));
    };
    Ok(build(&data, lang, now))
}

fn build(data: &MeetingView, lang: Lang, now: Time) -> Document {
    let t = |x: &i18n::Tr| lang.t(x);
    let mut doc = Document::new(t(&i18n::X_ATTENDANCE_TITLE)).in_lang(lang);
    let m = &data.meeting;
    let waiting = m
        .waiting_room
        .clone()
        .filter(|w| !w.trim().is_empty())
        .unwrap_or_else(|| t(&i18n::NOT_SET).to_string());
    doc.field(t(&i18n::X_MEETING), m.title.clone())
        .field(t(&i18n::X_WHEN), when(data, lang))
        .field(t(&i18n::X_ROOM), m.room.clone())
        .field(t(&i18n::X_WAITING_ROOM), waiting)
        .field(t(&i18n::X_CHAIR), opt_name(data, lang, m.chair_id))
        .field(t(&i18n::X_COUNTS), i18n::x_counts(lang, data.roster.counts))
        .field(t(&i18n::X_EXPORTED), date_hhmm(&now));
    let header: Vec<String> = [
        i18n::X_COL_NAME,
        i18n::X_COL_TITLE,
        i18n::X_COL_STATE,
        i18n::X_COL_TIME,
        i18n::X_COL_FLAG,
    ]
    .iter()
    .map(|x| t(x).to_string())
    .collect();
    for (heading, group, empty) in groups(data, lang) {
        let rows: Vec<Vec<String>> = data
            .roster
            .in_group(group)
            .map(|l| row(data, l, lang))
            .collect();
        doc.heading(1, heading);
        if rows.is_empty() {
            doc.paragraph(t(&empty));
        } else {
            doc.table(header.clone(), rows);
        }
    }
    doc
}

/// The groups shown, in order, with their heading and the text shown when empty.
fn groups(data: &MeetingView, lang: Lang) -> Vec<(String, Group, i18n::Tr)> {
    let mut out = vec![(
        lang.t(&i18n::ROLE_ATTENDING).to_string(),
        Group::Attending,
        i18n::X_NOBODY,
    )];
    if data.roster.group(Group::SittingInAll).next().is_some() {
        out.push((
            i18n::x_sitting_in_all(lang),
            Group::SittingInAll,
            i18n::X_NOBODY,
        ));
    }
    let mut seen: Vec<u32> = Vec::new();
    for t in &data.topics {
        if seen.contains(&t.seq) {
            continue;
        }
        seen.push(t.seq);
        out.push((
            i18n::x_sitting_in_topic(lang, t.seq, &t.title),
            Group::SittingIn(t.seq),
            i18n::NOBODY,
        ));
    }
    out.push((
        lang.t(&i18n::ROLE_STAFF).to_string(),
        Group::Staff,
        i18n::X_NOBODY,
    ));
    if data.roster.group(Group::OffList).next().is_some() {
        out.push((
            lang.t(&i18n::GROUP_OFF_LIST).to_string(),
            Group::OffList,
            i18n::X_NOBODY,
        ));
    }
    out
}

/// One person's row: name, title and department, state, sign-in time, flags.
fn row(data: &MeetingView, l: &Line, lang: Lang) -> Vec<String> {
    let person = data.person(l.person_id);
    let mut name = person.map(|p| p.name.clone()).unwrap_or_else(|| "?".into());
    if l.is_recorder {
        name.push_str(&i18n::x_paren(lang, lang.t(&i18n::RECORDER)));
    }
    let title = person
        .map(|p| i18n::x_title_dept(lang, &p.title, &p.department))
        .unwrap_or_default();
    let mut state = lang.t(&state_word(&l.state.presence)).to_string();
    // When they went is part of the record.
    if let Presence::Gone { at } = &l.state.presence {
        state = format!("{state} {}", hhmm(at));
    }
    let signed_in = l
        .state
        .first_check_in
        .as_ref()
        .map(hhmm)
        .unwrap_or_default();
    vec![name, title, state, signed_in, flags(data, l, lang)]
}

fn state_word(p: &Presence) -> i18n::Tr {
    match p {
        Presence::Expected => i18n::P_EXPECTED,
        Presence::Waiting { .. } => i18n::P_WAITING,
        Presence::CalledIn { .. } => i18n::P_CALLED,
        Presence::Present { .. } => i18n::P_PRESENT,
        Presence::OnLeave { .. } => i18n::P_LEAVE,
        Presence::Absent => i18n::P_ABSENT,
        Presence::LeftEarly { .. } => i18n::P_LEFT,
        Presence::Gone { .. } => i18n::P_GONE,
    }
}

/// The discipline flags of R8.2, as words: 未提前到会 / 迟到 N 分钟 / 请假（事由，批准人） /
/// 旷会 / 中途退席 HH:MM 事由, and, while the meeting is not closed, how overdue someone
/// not yet here is.
fn flags(data: &MeetingView, l: &Line, lang: Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    if let Some(p) = l.punctuality
        && p != Punctuality::OnTime
        && let Some(word) = i18n::punctuality(lang, p)
    {
        out.push(word);
    }
    if let Some(a) = data.admission(l.person_id) {
        out.push(i18n::x_admitted(lang, &a.reason, &a.allowed_by));
    }
    match &l.state.presence {
        Presence::OnLeave { reason, approver } => out.push(i18n::x_leave(lang, reason, approver)),
        Presence::Absent => out.push(lang.t(&i18n::P_ABSENT).to_string()),
        Presence::LeftEarly { at, reason } => out.push(i18n::x_left_early(lang, &hhmm(at), reason)),
        Presence::Expected => {
            if let Some(min) = l.overdue
                && data.meeting.status != MeetingStatus::Closed
            {
                out.push(i18n::overdue(lang, min));
            }
        }
        _ => {}
    }
    out.join(i18n::x_flag_sep(lang))
}
