//! Saving an entry's text (R9.1): as a whole text, or as splices carrying only what
//! changed (issue 11). Several saves of one entry in a batch are applied together: one
//! read of the stored text, one write, one audit row with what changed.
use std::borrow::Cow;

use rusqlite::{OptionalExtension, params};

use super::lease;
use super::time::time_text;
use super::tx::{Audit, Tx, text_change};
use super::{Result, StoreError};
use crate::domain::Id;
use crate::domain::splice::Splice;

/// One save of an entry's text.
#[derive(Clone, Copy, Debug)]
pub enum TextSave<'a> {
    Whole(&'a str),
    Splice(&'a Splice),
}

/// Bring entry `id`'s text to where `saves` (oldest first) leave it. A splice applies to
/// the text before it exactly or not at all; `broken` says an earlier save of this entry
/// never arrived, so the stored text is not what a splice was made for.
pub(super) fn save_entry_text(
    tx: &Tx<'_>,
    id: Id,
    saves: &[TextSave<'_>],
    broken: bool,
) -> Result<()> {
    // Another terminal editing the entry: never overwrite it.
    lease::guard(tx, lease::ENTRY, id)?;
    let old: Option<String> = tx
        .prepare_cached("SELECT text FROM entry WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let Some(old) = old else {
        return Err(StoreError::BadData(format!("entry {id} is gone")));
    };
    let mut text: Cow<'_, str> = Cow::Borrowed(&old);
    let mut based_on_stored = true;
    for save in saves {
        match save {
            TextSave::Whole(t) => {
                text = Cow::Borrowed(t);
                based_on_stored = false;
            }
            TextSave::Splice(s) => {
                if based_on_stored && broken {
                    return Err(StoreError::BadData(format!(
                        "entry {id}: an edit follows a save that never arrived"
                    )));
                }
                s.apply(text.to_mut())
                    .map_err(|m| StoreError::BadData(format!("entry {id}: {m}")))?;
            }
        }
    }
    store_text(tx, id, &old, &text)
}

/// Write `new` over `old` with an audit row of the part that changed.
fn store_text(tx: &Tx<'_>, id: Id, old: &str, new: &str) -> Result<()> {
    if old == new {
        return Ok(());
    }
    tx.prepare_cached("UPDATE entry SET text = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, new, time_text(&tx.at())])?;
    let (offset, removed, inserted) = text_change(old, new);
    let field = format!("text@{offset}");
    tx.audit(
        Audit::new("edit", "entry", Some(id))
            .field(&field)
            .values(Some(&removed), Some(&inserted)),
    )
}
