//! The attendance report of a month (R8.2): per person how often expected, present, late
//! (and by how many minutes), on leave, absent, left midway; then per meeting who was
//! late (time, N min), on leave (reason), absent or left midway (time).
use std::collections::BTreeMap;

use super::doc::Document;
use super::hhmm;
use crate::domain::attendance::{Presence, Punctuality};
use crate::domain::meeting::MeetingStatus;
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::view::MeetingView;
use crate::store::{Store, StoreError};

#[derive(Default)]
struct Tally {
    expected: usize,
    present: usize,
    late: usize,
    late_minutes: i64,
    leave: usize,
    absent: usize,
    left: usize,
}

/// The views of the meetings held in a month, oldest first.
pub fn month_views(
    store: &Store,
    year: i32,
    month: u32,
    now: Time,
) -> Result<Vec<MeetingView>, StoreError> {
    let mut out = Vec::new();
    let first = chrono::NaiveDate::from_ymd_opt(year, month, 1);
    let Some((first, next)) =
        first.and_then(|f| Some((f, f.checked_add_months(chrono::Months::new(1))?)))
    else {
        return Ok(out);
    };
    for m in store.meetings_between(first, next)? {
        // Only a meeting that was held has attendance: one still planned or postponed
        // would count everyone as expected and nobody as present, absent or on leave.
        if matches!(m.status, MeetingStatus::Planned | MeetingStatus::Postponed) {
            continue;
        }
        out.extend(MeetingView::load(store, m.id, now)?);
    }
    Ok(out)
}

pub fn month_doc(
    store: &Store,
    year: i32,
    month: u32,
    lang: Lang,
    now: Time,
) -> Result<Document, StoreError> {
    let views = month_views(store, year, month, now)?;
    let t = |x: &i18n::Tr| lang.t(x);
    let mut doc = Document::new(t(&i18n::X_MONTH_TITLE)).in_lang(lang);
    doc.field(t(&i18n::X_WHEN), i18n::x_month(lang, year, month));
    let mut tallies: BTreeMap<(usize, Id), (String, Tally)> = BTreeMap::new();
    for v in &views {
        for line in &v.roster.lines {
            let order = v
                .parts
                .iter()
                .position(|p| p.person_id == line.person_id)
                .unwrap_or(usize::MAX);
            let key = tallies
                .keys()
                .find(|(_, id)| *id == line.person_id)
                .copied()
                .unwrap_or((order, line.person_id));
            let (_, t) = tallies
                .entry(key)
                .or_insert_with(|| (v.name(line.person_id).to_string(), Tally::default()));
            t.expected += 1;
            if line.state.first_check_in.is_some() {
                t.present += 1;
            }
            if let Some(Punctuality::Late { minutes }) = line.punctuality {
                t.late += 1;
                t.late_minutes += minutes;
            }
            match line.state.presence {
                Presence::OnLeave { .. } => t.leave += 1,
                Presence::Absent => t.absent += 1,
                Presence::LeftEarly { .. } => t.left += 1,
                _ => {}
            }
        }
    }
    let header = i18n::MONTH_COLUMNS
        .iter()
        .map(|c| t(c).to_string())
        .collect();
    let rows = tallies
        .values()
        .map(|(name, x)| {
            vec![
                name.clone(),
                x.expected.to_string(),
                x.present.to_string(),
                i18n::x_late_cell(lang, x.late, x.late_minutes),
                x.leave.to_string(),
                x.absent.to_string(),
                x.left.to_string(),
            ]
        })
        .collect();
    doc.table(header, rows);
    for v in &views {
        doc.heading(
            1,
            format!(
                "{} {}",
                v.meeting.starts_at.format("%Y-%m-%d"),
                v.meeting.title
            ),
        );
        let rows = details(v, lang);
        if rows.is_empty() {
            doc.paragraph(t(&i18n::X_NO_ITEMS));
        } else {
            let header = i18n::MONTH_DETAIL_COLUMNS
                .iter()
                .map(|c| t(c).to_string())
                .collect();
            doc.table(header, rows);
        }
    }
    Ok(doc)
}

/// One row per person whose attendance was not simply on time.
fn details(v: &MeetingView, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for line in &v.roster.lines {
        let name = v.name(line.person_id).to_string();
        if let (Some(p), Some(at)) = (line.punctuality, line.state.first_check_in)
            && p != Punctuality::OnTime
            && let Some(word) = i18n::punctuality(lang, p)
        {
            rows.push(vec![name.clone(), word, hhmm(&at)]);
        }
        match &line.state.presence {
            Presence::OnLeave { reason, approver } => rows.push(vec![
                name,
                lang.t(&i18n::P_LEAVE).to_string(),
                i18n::x_leave(lang, reason, approver),
            ]),
            Presence::Absent => rows.push(vec![
                name,
                lang.t(&i18n::P_ABSENT).to_string(),
                String::new(),
            ]),
            Presence::LeftEarly { at, reason } => rows.push(vec![
                name,
                lang.t(&i18n::P_LEFT).to_string(),
                format!("{} {}", hhmm(at), reason.trim()),
            ]),
            _ => {}
        }
    }
    rows
}
