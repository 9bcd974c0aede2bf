//! The decision register (督办台账, R7.3) and the archive ledger (登记造册, R7.4) as papers.
use chrono::{Datelike, NaiveDate};

use super::doc::Document;
use crate::domain::archive::LedgerEntry;
use crate::domain::followup::{Item, Status};
use crate::domain::{Id, Time};
use crate::i18n::{self, Lang};
use crate::store::{Store, StoreError};

/// Which items a register paper holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Meeting(Id),
    Year(i32),
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "—".into())
}

/// The status as the register prints it, "（逾期）" added when open and past due.
pub fn status_word(lang: Lang, item: &Item, now: Time) -> String {
    let i = Status::ALL
        .iter()
        .position(|s| *s == item.status)
        .unwrap_or(0);
    let mut s = lang.t(&i18n::STATUS_NAMES[i]).to_string();
    if item.is_overdue(now) {
        s.push_str(&i18n::x_paren(lang, lang.t(&i18n::OVERDUE_WORD)));
    }
    s
}

pub fn register_doc(
    store: &Store,
    scope: Scope,
    lang: Lang,
    now: Time,
) -> Result<Document, StoreError> {
    let people = store.people()?;
    let name = |id: Option<Id>| {
        id.and_then(|id| people.iter().find(|p| p.id == id))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    // One meeting's items only: reading the whole register (and each item's notes) for
    // one meeting made every meeting's paper, and the year's archive, grow with history.
    let items: Vec<Item> = match scope {
        Scope::Meeting(id) => store.followup_items_of(id)?,
        Scope::Year(y) => store
            .followup_items()?
            .into_iter()
            .filter(|i| i.meeting_date.year() == y)
            .collect(),
    };
    let t = |x: &i18n::Tr| lang.t(x);
    let mut doc = Document::new(t(&i18n::X_REGISTER_TITLE)).in_lang(lang);
    doc.field(
        t(&i18n::X_EXPORTED),
        now.format("%Y-%m-%d %H:%M").to_string(),
    );
    if items.is_empty() {
        doc.paragraph(t(&i18n::X_NO_ITEMS));
        return Ok(doc);
    }
    let header = i18n::REGISTER_COLUMNS
        .iter()
        .map(|c| t(c).to_string())
        .collect();
    let rows = items
        .iter()
        .enumerate()
        .map(|(n, i)| {
            vec![
                (n + 1).to_string(),
                i.item.clone(),
                i.meeting_date.format("%Y-%m-%d").to_string(),
                name(i.deputy_id),
                i.units.join(i18n::x_name_sep(lang)),
                day(i.deadline),
                i.supervisor.clone(),
                status_word(lang, i, now),
                day(i.done_on),
            ]
        })
        .collect();
    doc.table(header, rows);
    for (n, i) in items.iter().enumerate() {
        if i.notes.is_empty() && i.problems.is_empty() && i.discipline.is_none() {
            continue;
        }
        doc.heading(2, format!("{}. {}", n + 1, i.item));
        if !i.notes.is_empty() {
            let lines = i
                .notes
                .iter()
                .map(|x| format!("{} {}：{}", x.on, x.by, x.text))
                .collect();
            doc.field_list(t(&i18n::X_PROGRESS), lines);
        }
        if !i.problems.is_empty() {
            let lines = i
                .problems
                .iter()
                .map(|p| {
                    let reply = p
                        .reply
                        .as_ref()
                        .map(|r| format!("（{}：{r}）", t(&i18n::X_REPLY)))
                        .unwrap_or_default();
                    format!("{} {}：{}{reply}", p.on, p.by, p.text)
                })
                .collect();
            doc.field_list(t(&i18n::X_PROBLEMS), lines);
        }
        if let Some(f) = &i.discipline {
            doc.field(
                t(&i18n::X_DISCIPLINE),
                format!("{} {}：{}", f.on, f.by, f.note),
            );
        }
    }
    Ok(doc)
}

/// The ledger of a year (or of one meeting's entry): what was filed, registered by whom.
pub fn ledger_doc(store: &Store, scope: Scope, lang: Lang) -> Result<Document, StoreError> {
    // A year's entries by their number's index (a demo meeting's left out: the ledger
    // is the bureau's own); one meeting's by its own.
    let all = match scope {
        Scope::Year(y) => store.ledger_of_year(y)?,
        Scope::Meeting(id) => store.ledger_of(id)?.into_iter().collect(),
    };
    let entries: Vec<&LedgerEntry> = all.iter().collect();
    let t = |x: &i18n::Tr| lang.t(x);
    let mut doc = Document::new(t(&i18n::X_LEDGER_TITLE)).in_lang(lang);
    if entries.is_empty() {
        doc.paragraph(t(&i18n::X_NO_ITEMS));
        return Ok(doc);
    }
    let header = i18n::LEDGER_COLUMNS
        .iter()
        .map(|c| t(c).to_string())
        .collect();
    let rows = entries
        .iter()
        .map(|e| {
            let papers: Vec<String> = e
                .items
                .iter()
                .map(|i| {
                    format!(
                        "{} {}/{}",
                        i18n::paper_name(lang, i.paper),
                        i.pages,
                        i.copies
                    )
                })
                .collect();
            vec![
                e.number.clone(),
                e.meeting_title.clone(),
                e.meeting_date.format("%Y-%m-%d").to_string(),
                papers.join(i18n::x_name_sep(lang)),
                e.registered_by.clone(),
                e.registered_at.format("%Y-%m-%d %H:%M").to_string(),
            ]
        })
        .collect();
    doc.table(header, rows);
    Ok(doc)
}
