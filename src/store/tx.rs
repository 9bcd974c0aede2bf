//! The one write transaction. Every change to the record goes through [`Tx`]: it is
//! `BEGIN IMMEDIATE` (the write lock is taken up front, so a busy database fails before
//! anything is half written), its time comes from the caller's clock, it appends an audit
//! row per change with the old and new *values* (R9.4), and several aggregates can be
//! written in one transaction (all or nothing). Audit rows are hash-chained here, in one
//! place ([`super::chain`]): the previous row is read inside this transaction, whose write
//! lock keeps the chain linear when several terminals write.
use std::cell::Cell;
use std::ops::Deref;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, params};

use super::chain::{self, GENESIS, Hash};
use super::time::time_text;
use super::{Result, Store, StoreError};
use crate::domain::{Id, Time};

/// A write transaction in progress.
pub struct Tx<'c> {
    tx: rusqlite::Transaction<'c>,
    operator: &'c str,
    writer: &'c str,
    at: Cell<Time>,
    audited: Cell<bool>,
    /// The chain's last row (id, hash) before this transaction, once read.
    start: Cell<Option<(i64, Hash)>>,
    /// The chain's last row as this transaction leaves it.
    last: Cell<Option<(i64, Hash)>>,
}

impl Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.tx
    }
}

/// One audit row: what changed, where, from what to what.
#[derive(Clone, Copy, Debug, Default)]
pub struct Audit<'a> {
    /// The verb: create, edit, check_in, save, step, …
    pub action: &'a str,
    /// The table or aggregate: entry, decision, attendance_event, …
    pub entity: &'a str,
    pub entity_id: Option<Id>,
    /// The field changed (e.g. "units"); for text, "text@N" where N is the character
    /// offset of the change.
    pub field: Option<&'a str>,
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
}

impl<'a> Audit<'a> {
    pub fn new(action: &'a str, entity: &'a str, entity_id: Option<Id>) -> Self {
        Self {
            action,
            entity,
            entity_id,
            ..Self::default()
        }
    }

    pub fn field(mut self, field: &'a str) -> Self {
        self.field = Some(field);
        self
    }

    pub fn values(mut self, old: Option<&'a str>, new: Option<&'a str>) -> Self {
        self.old = old;
        self.new = new;
        self
    }
}

impl Tx<'_> {
    /// When the change was made (the injected clock of whoever made it).
    pub fn at(&self) -> Time {
        self.at.get()
    }

    /// Changes made at different moments can share one transaction: each is audited
    /// at its own time.
    pub fn set_at(&self, at: Time) {
        self.at.set(at);
    }

    pub fn operator(&self) -> &str {
        self.operator
    }

    /// The process writing (its edit leases are its own).
    pub fn writer(&self) -> &str {
        self.writer
    }

    /// Append an audit row in this transaction, chained to the row before it.
    pub fn audit(&self, a: Audit<'_>) -> Result<()> {
        let (prev_id, prev) = match self.last.get() {
            Some(last) => last,
            None => {
                let end = self.chain_end()?;
                self.start.set(Some(end));
                end
            }
        };
        let id = prev_id + 1;
        let at = time_text(&self.at.get());
        // The columns in chain::COLUMNS order, exactly as they are bound below.
        let values = [
            ValueRef::Integer(id),
            ValueRef::Text(at.as_bytes()),
            ValueRef::Text(self.operator.as_bytes()),
            ValueRef::Text(a.action.as_bytes()),
            ValueRef::Text(a.entity.as_bytes()),
            a.entity_id.map_or(ValueRef::Null, ValueRef::Integer),
            text_value(a.field),
            text_value(a.old),
            text_value(a.new),
            ValueRef::Text(self.writer.as_bytes()),
        ];
        let hash = chain::row_hash(&prev, &values);
        self.tx
            .prepare_cached(
                "INSERT INTO audit (id, at, operator, action, entity, entity_id, field, old, new,
                                    writer, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                id,
                at,
                self.operator,
                a.action,
                a.entity,
                a.entity_id,
                a.field,
                a.old,
                a.new,
                self.writer,
                chain::to_hex(&prev),
                chain::to_hex(&hash)
            ])?;
        self.last.set(Some((id, hash)));
        self.audited.set(true);
        Ok(())
    }

    /// The chain's last row, read inside this transaction (its write lock is held, so no
    /// other terminal can append in between). A last row without a readable hash (written
    /// outside the program) is chained over as if it were the start: `audit verify` names
    /// that row, and nothing typed is refused for it.
    fn chain_end(&self) -> Result<(i64, Hash)> {
        let last: Option<(i64, Option<String>)> = self
            .tx
            .query_row(
                "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(match last {
            None => (0, GENESIS),
            Some((id, hash)) => (
                id,
                hash.as_deref().and_then(chain::from_hex).unwrap_or(GENESIS),
            ),
        })
    }
}

impl Store {
    /// Run `f` in one write transaction at the store's clock time.
    pub fn transact<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let at = self.clock.now();
        self.transact_at(at, f)
    }

    /// Run `f` in one write transaction; `at` is when the change was made.
    pub fn transact_at<T>(&mut self, at: Time, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone().unwrap_or_default();
        let classify = |e: rusqlite::Error| StoreError::classify(e, &path);
        let out = {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(classify)?;
            let tx = Tx {
                tx,
                operator: &self.operator,
                writer: &self.writer,
                at: Cell::new(at),
                audited: Cell::new(false),
                start: Cell::new(None),
                last: Cell::new(None),
            };
            let out = f(&tx).map_err(|e| e.reclassify(&path))?;
            if tx.audited.get() {
                // Mark the commit as this process's, so our own console does not reload on it
                // while another terminal's console does.
                tx.tx.execute(
                "UPDATE app_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'commit_seq'",
                [],
            )?;
                tx.tx.execute(
                    "INSERT INTO commit_mark (writer, seq, at)
                 SELECT ?1, CAST(value AS INTEGER), ?2 FROM app_meta WHERE key = 'commit_seq'
                 ON CONFLICT (writer) DO UPDATE SET seq = excluded.seq, at = excluded.at",
                    params![tx.writer, time_text(&tx.at())],
                )?;
                // A process that has not committed for a day is gone: its mark goes, so
                // the table stays as small as the terminals in use (every poll reads it).
                tx.tx.execute(
                    "DELETE FROM commit_mark WHERE at < ?1",
                    [time_text(&(tx.at() - chrono::Duration::days(1)))],
                )?;
            }
            if let (Some(start), Some(last), Some(path)) =
                (tx.start.get(), tx.last.get(), &self.path)
            {
                announce(path, start, last);
            }
            tx.tx.commit().map_err(classify)?;
            out
        };
        Ok(out)
    }
}

/// Write the head file beside the database (issue 10) before the commit, under its write
/// lock: the chain's end before this transaction and the end it commits. A head file
/// that cannot be written does not stop the commit (nothing typed is lost for it, R9.1):
/// `huiwu check` then names the rows it does not vouch for.
fn announce(path: &std::path::Path, start: (i64, Hash), last: (i64, Hash)) {
    let end = |(row, hash): (i64, Hash)| chain::ChainHead {
        row,
        hash: chain::to_hex(&hash),
    };
    let _ = super::head::write(
        path,
        &super::head::HeadFile {
            committed: end(start),
            next: Some(end(last)),
        },
    );
}

fn text_value(s: Option<&str>) -> ValueRef<'_> {
    s.map_or(ValueRef::Null, |s| ValueRef::Text(s.as_bytes()))
}

/// The part of a text that changed: (character offset, removed, inserted). Unchanged
/// text at both ends is left out, so an audit row of a keystroke holds a character, not
/// the whole entry.
pub fn text_change(old: &str, new: &str) -> (usize, String, String) {
    // Compared as bytes, in blocks (the saver runs this on every save of an entry that
    // may hold 300 KB), then moved back to a character's start: equal bytes are equal
    // characters, and a character starts at the same place in both texts.
    let (o, n) = (old.as_bytes(), new.as_bytes());
    let mut prefix = common_prefix(o, n);
    while !old.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = o.len().min(n.len()) - prefix;
    let mut suffix = common_suffix(&o[o.len() - room..], &n[n.len() - room..]);
    while !old.is_char_boundary(o.len() - suffix) {
        suffix -= 1;
    }
    let removed = old[prefix..o.len() - suffix].to_string();
    let inserted = new[prefix..n.len() - suffix].to_string();
    (old[..prefix].chars().count(), removed, inserted)
}

/// Bytes at the start of both that are the same.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let mut i = 0;
    while i + BLOCK <= a.len().min(b.len()) && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    i + a[i..]
        .iter()
        .zip(&b[i..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// Bytes at the end of both that are the same.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let (la, lb) = (a.len(), b.len());
    let mut i = 0;
    while i + BLOCK <= la.min(lb) && a[la - i - BLOCK..la - i] == b[lb - i - BLOCK..lb - i] {
        i += BLOCK;
    }
    i + a[..la - i]
        .iter()
        .rev()
        .zip(b[..lb - i].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::text_change;

    #[test]
    fn a_change_is_the_part_between_what_stayed() {
        assert_eq!(
            text_change("入冬以来", "入冬以后"),
            (3, "来".into(), "后".into())
        );
        assert_eq!(text_change("", "甲乙"), (0, "".into(), "甲乙".into()));
        assert_eq!(text_change("甲乙丙", "甲丙"), (1, "乙".into(), "".into()));
        assert_eq!(text_change("aa", "aaa"), (2, "".into(), "a".into()));
        assert_eq!(text_change("同", "同"), (1, "".into(), "".into()));
    }

    /// The change as characters, the plain way: what the block comparison must equal.
    fn by_chars(old: &str, new: &str) -> (usize, String, String) {
        let o: Vec<char> = old.chars().collect();
        let n: Vec<char> = new.chars().collect();
        let prefix = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
        let room = o.len().min(n.len()) - prefix;
        let suffix = o
            .iter()
            .rev()
            .zip(n.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        (
            prefix,
            o[prefix..o.len() - suffix].iter().collect(),
            n[prefix..n.len() - suffix].iter().collect(),
        )
    }

    #[test]
    fn long_texts_change_where_the_characters_differ() {
        // Characters sharing their first or last bytes (甲 E7 94 B2, 申 E7 94 B3; é C3 A9,
        // ũ C5 A9), runs
        // longer than a block, repeats that make prefix and suffix compete.
        let alphabet = ["甲", "申", "乙", "a", "b", "é", "ũ", "ŕ", "👍", "甲乙甲乙"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..3000 {
            let base: String = (0..next(200))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let mut new = base.clone();
            for _ in 0..1 + next(3) {
                let cut: Vec<usize> = (0..=new.len())
                    .filter(|i| new.is_char_boundary(*i))
                    .collect();
                let a = cut[next(cut.len())];
                let b = cut[next(cut.len())].max(a);
                let piece: String = (0..next(5))
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect();
                new.replace_range(a..b, &piece);
            }
            assert_eq!(
                text_change(&base, &new),
                by_chars(&base, &new),
                "{base:?} → {new:?}"
            );
        }
    }
}
