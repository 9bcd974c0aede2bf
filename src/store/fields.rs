//! Auditing a row field by field: the back office's writes name each field that changed
//! with its old and new value (R9.4), the way decisions are audited.
use super::Result;
use super::tx::{Audit, Tx};
use crate::domain::Id;

/// A row as the audit shows it: (field, value as text).
pub(super) type Fields = Vec<(&'static str, String)>;

/// One audit row per field whose value differs from `old` (none: a new row, every
/// non-empty field). Nothing changed: nothing audited, unless the row is new.
pub(super) fn audit_fields(
    tx: &Tx<'_>,
    entity: &str,
    id: Id,
    old: Option<&Fields>,
    new: &Fields,
) -> Result<()> {
    let action = if old.is_some() { "edit" } else { "create" };
    let mut any = false;
    for (name, value) in new {
        let was = old.and_then(|o| o.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()));
        if was == Some(value.as_str()) || (was.is_none() && value.is_empty()) {
            continue;
        }
        any = true;
        tx.audit(
            Audit::new(action, entity, Some(id))
                .field(name)
                .values(was, Some(value)),
        )?;
    }
    if !any && old.is_none() {
        tx.audit(Audit::new(action, entity, Some(id)))?;
    }
    Ok(())
}

/// An audit row for a row removed, with what it held.
pub(super) fn audit_removed(tx: &Tx<'_>, entity: &str, id: Id, old: &Fields) -> Result<()> {
    let what: Vec<String> = old
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(n, v)| format!("{n}={v}"))
        .collect();
    tx.audit(Audit::new("remove", entity, Some(id)).values(Some(&what.join("; ")), None))
}

pub(super) fn flag(b: bool) -> String {
    if b { "1".into() } else { "0".into() }
}

pub(super) fn opt_text(s: Option<&str>) -> String {
    s.unwrap_or_default().to_string()
}
