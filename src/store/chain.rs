//! The audit trail's hash chain (issue 10, R9.4): every audit row holds the SHA-256 of
//! the previous row's hash and of its own columns, so a row edited, inserted or deleted
//! outside the program — even by someone who drops the append-only triggers first — no
//! longer fits, and `huiwu audit verify` names it.
//!
//! The canonical encoding (version 1), hashed with SHA-256:
//!
//! ```text
//! "huiwu-audit-v1" 0x00
//! prev                     32 bytes: the previous row's hash (32 zero bytes for the first row)
//! id at operator action entity entity_id field old new writer   (the table's order)
//!     each as its SQLite value:  NULL     0x00
//!                                INTEGER  0x01 + 8 bytes big-endian two's complement
//!                                REAL     0x02 + 8 bytes big-endian IEEE 754 bits
//!                                TEXT     0x03 + 8 bytes big-endian byte length + UTF-8
//!                                BLOB     0x04 + 8 bytes big-endian byte length + bytes
//! ```
//!
//! Typed and length-prefixed, so no two different rows encode alike (an integer 5 is not
//! the text "5"; "ab","c" is not "a","bc"). Hashes are stored as 64 lowercase hex digits.
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::Result;

pub type Hash = [u8; 32];

/// The hash before the first row.
pub const GENESIS: Hash = [0; 32];

/// The columns hashed, in the table's order (everything but the hashes themselves).
pub const COLUMNS: &str = "id, at, operator, action, entity, entity_id, field, old, new, writer";

/// The hash of a row whose columns (in [`COLUMNS`] order) are `values`.
pub fn row_hash(prev: &Hash, values: &[ValueRef<'_>]) -> Hash {
    let mut h = Sha256::new();
    h.update(b"huiwu-audit-v1\0");
    h.update(prev);
    for v in values {
        match v {
            ValueRef::Null => h.update([0]),
            ValueRef::Integer(n) => {
                h.update([1]);
                h.update(n.to_be_bytes());
            }
            ValueRef::Real(f) => {
                h.update([2]);
                h.update(f.to_bits().to_be_bytes());
            }
            ValueRef::Text(t) => {
                h.update([3]);
                h.update((t.len() as u64).to_be_bytes());
                h.update(t);
            }
            ValueRef::Blob(b) => {
                h.update([4]);
                h.update((b.len() as u64).to_be_bytes());
                h.update(b);
            }
        }
    }
    h.finalize().into()
}

pub fn to_hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

/// A stored hash read back; none when it is not 64 hex digits.
pub fn from_hex(s: &str) -> Option<Hash> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

/// The end of the chain: the last row and its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainHead {
    pub row: i64,
    pub hash: String,
}

impl ChainHead {
    /// The first 12 hex digits: what the signed minutes and the archive manifest print,
    /// so a later rewrite of the whole chain is caught against the paper.
    pub fn short(&self) -> &str {
        self.hash.get(..12).unwrap_or(&self.hash)
    }

    /// "#1234 3f9a2c1b7d0e"
    pub fn label(&self) -> String {
        format!("#{} {}", self.row, self.short())
    }
}

/// Does this database have the chain's columns (schema 5 or later)?
pub fn has_chain(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'hash'",
        [],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// The last row of the chain as stored (not verified).
pub fn head(conn: &Connection) -> Result<Option<ChainHead>> {
    if !has_chain(conn)? {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT id, hash FROM audit WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok(ChainHead {
                    row: r.get(0)?,
                    hash: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// The stored hash of row `id`, if there is such a row.
pub fn hash_of(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT hash FROM audit WHERE id = ?1", [id], |r| {
            r.get::<_, Option<String>>(0)
        })
        .optional()?
        .flatten())
}

/// Chain the rows written before the chain existed, once (the first open after the
/// migration), oldest first. Does nothing once done, or if any row is chained already:
/// an unhashed row after that is a forgery, and must stay one.
pub(super) fn chain_old_rows(conn: &mut Connection) -> Result<()> {
    let pending: Option<String> = conn
        .query_row(
            "SELECT value FROM app_meta WHERE key = 'audit_chain'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if pending.as_deref() != Some("pending") {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let chained: i64 = tx.query_row(
        "SELECT count(*) FROM audit WHERE hash IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    if chained == 0 {
        let rows: Vec<Vec<Value>> = {
            let mut st = tx.prepare(&format!("SELECT {COLUMNS} FROM audit ORDER BY id"))?;
            st.query_map([], |r| (0..10).map(|i| r.get::<_, Value>(i)).collect())?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut prev = GENESIS;
        let mut update = tx.prepare("UPDATE audit SET prev_hash = ?1, hash = ?2 WHERE id = ?3")?;
        for row in &rows {
            let refs: Vec<ValueRef<'_>> = row.iter().map(ValueRef::from).collect();
            let hash = row_hash(&prev, &refs);
            update.execute(params![to_hex(&prev), to_hex(&hash), &row[0]])?;
            prev = hash;
        }
    }
    tx.execute(
        "UPDATE app_meta SET value = 'chained' WHERE key = 'audit_chain'",
        [],
    )?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encoding_tells_types_and_boundaries_apart() {
        let a = row_hash(&GENESIS, &[ValueRef::Integer(5)]);
        let b = row_hash(&GENESIS, &[ValueRef::Text(b"5")]);
        assert_ne!(a, b);
        let c = row_hash(&GENESIS, &[ValueRef::Text(b"ab"), ValueRef::Text(b"c")]);
        let d = row_hash(&GENESIS, &[ValueRef::Text(b"a"), ValueRef::Text(b"bc")]);
        assert_ne!(c, d);
        let e = row_hash(&GENESIS, &[ValueRef::Null]);
        let f = row_hash(&GENESIS, &[ValueRef::Text(b"")]);
        assert_ne!(e, f);
        assert_ne!(row_hash(&[1; 32], &[ValueRef::Null]), e);
    }

    #[test]
    fn the_encoding_is_fixed() {
        // Changing the encoding breaks every chain already written: this must not move.
        let h = row_hash(
            &GENESIS,
            &[ValueRef::Integer(1), ValueRef::Text("会务".as_bytes())],
        );
        assert_eq!(from_hex(&to_hex(&h)), Some(h));
        let mut expected = Sha256::new();
        expected.update(b"huiwu-audit-v1\0");
        expected.update([0u8; 32]);
        expected.update([1, 0, 0, 0, 0, 0, 0, 0, 1]);
        expected.update([3, 0, 0, 0, 0, 0, 0, 0, 6]);
        expected.update("会务".as_bytes());
        let expected: Hash = expected.finalize().into();
        assert_eq!(h, expected);
    }

    #[test]
    fn a_short_head_is_twelve_hex_digits() {
        let head = ChainHead {
            row: 7,
            hash: "3f9a2c1b7d0e".to_string() + &"0".repeat(52),
        };
        assert_eq!(head.short(), "3f9a2c1b7d0e");
        assert_eq!(head.label(), "#7 3f9a2c1b7d0e");
    }
}
