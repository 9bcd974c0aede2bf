//! Checking the audit chain (issue 10, R9.4): walk it from the first row, name the first
//! row that does not fit, and compare its end with the head file kept beside the
//! database ([`super::head`]).
use rusqlite::Connection;
use rusqlite::types::{Value, ValueRef};

use super::chain::{self, COLUMNS, ChainHead, GENESIS};
use super::tx::Audit;
use super::{Result, Store, head};

/// The first place where the chain does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// A row without a (readable) hash: added or changed outside the program.
    Unhashed { id: i64 },
    /// The row's columns no longer give its hash: it was edited.
    Altered { id: i64 },
    /// A row that was never in the chain: the row after it was chained to the row before.
    Inserted { id: i64 },
    /// The row was chained to another row than the one now before it: rows were deleted
    /// (or replaced) between `after` (none: the start) and `at`.
    Broken { after: Option<i64>, at: i64 },
}

impl Break {
    /// The first bad row.
    pub fn row(&self) -> i64 {
        match self {
            Self::Unhashed { id } | Self::Altered { id } | Self::Inserted { id } => *id,
            Self::Broken { at, .. } => *at,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    /// Rows looked at.
    pub rows: i64,
    /// The end of the chain as stored.
    pub head: Option<ChainHead>,
    pub first_break: Option<Break>,
    /// False for a database from before the chain (an archived copy of an older schema).
    pub chained: bool,
}

/// How the database's chain compares with the head file beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadState {
    /// No head file (a copy elsewhere, or the first start since the chain began).
    NoFile,
    /// The database ends where the file says (the last transaction committed, or not).
    Holds,
    /// The database ends before the file's end: commits were lost (the -wal file deleted
    /// after a crash, or an older copy put in place).
    Lost {
        file: ChainHead,
        db: Option<ChainHead>,
    },
    /// The file's rows are there with other hashes: the chain was rewritten.
    Rewritten {
        file: ChainHead,
        db: Option<ChainHead>,
    },
    /// Rows after the file's end, `first`..=`last`, that no commit of the program
    /// announced: added outside it (or saved while the head file could not be written).
    Unvouched {
        file: ChainHead,
        first: i64,
        last: i64,
    },
}

impl HeadState {
    pub fn is_problem(&self) -> bool {
        !matches!(self, Self::NoFile | Self::Holds)
    }
}

/// Walk the whole chain, oldest first.
pub fn verify(conn: &Connection) -> Result<ChainReport> {
    if !chain::has_chain(conn)? {
        return Ok(ChainReport {
            rows: 0,
            head: None,
            first_break: None,
            chained: false,
        });
    }
    let mut st = conn.prepare(&format!(
        "SELECT {COLUMNS}, prev_hash, hash FROM audit ORDER BY id"
    ))?;
    let mut rows = st.query([])?;
    let mut report = ChainReport {
        rows: 0,
        head: None,
        first_break: None,
        chained: true,
    };
    let mut expected = GENESIS;
    // The row before the last, and its hash: to tell an inserted row from a deleted one.
    let mut before_last: Option<chain::Hash> = None;
    let mut last_id: Option<i64> = None;
    while let Some(r) = rows.next()? {
        report.rows += 1;
        let values: Vec<Value> = (0..10)
            .map(|i| r.get::<_, Value>(i))
            .collect::<rusqlite::Result<_>>()?;
        let id = match values[0] {
            Value::Integer(id) => id,
            _ => 0,
        };
        let prev: Option<String> = r.get(10).ok().flatten();
        let hash: Option<String> = r.get(11).ok().flatten();
        let (Some(prev), Some(hash_hex)) = (
            prev.as_deref().and_then(chain::from_hex),
            hash.as_deref().filter(|h| chain::from_hex(h).is_some()),
        ) else {
            report.first_break = Some(Break::Unhashed { id });
            break;
        };
        let refs: Vec<ValueRef<'_>> = values.iter().map(ValueRef::from).collect();
        if chain::to_hex(&chain::row_hash(&prev, &refs)) != hash_hex {
            // A row moved up by one to make room, chained to the row before the one now
            // before it: that one was inserted.
            let mut moved = refs.clone();
            moved[0] = ValueRef::Integer(id - 1);
            let renumbered = chain::to_hex(&chain::row_hash(&prev, &moved)) == hash_hex;
            report.first_break = Some(match (before_last, last_id) {
                (Some(b), Some(last)) if renumbered && b == prev => Break::Inserted { id: last },
                _ => Break::Altered { id },
            });
            break;
        }
        if prev != expected {
            report.first_break = Some(match (before_last, last_id) {
                (Some(b), Some(last)) if b == prev => Break::Inserted { id: last },
                _ => Break::Broken {
                    after: last_id,
                    at: id,
                },
            });
            break;
        }
        before_last = Some(expected);
        expected = prev_for_next(hash_hex);
        last_id = Some(id);
        report.head = Some(ChainHead {
            row: id,
            hash: hash_hex.to_string(),
        });
    }
    Ok(report)
}

fn label(h: &Option<ChainHead>) -> String {
    h.as_ref().map(ChainHead::label).unwrap_or_default()
}

fn prev_for_next(hash_hex: &str) -> chain::Hash {
    chain::from_hex(hash_hex).unwrap_or(GENESIS)
}

/// Compare the stored chain's end with the head file of the database at `db`.
pub fn compare_head(conn: &Connection, db: &std::path::Path) -> Result<HeadState> {
    let Some(file) = head::read(db) else {
        return Ok(HeadState::NoFile);
    };
    let end = chain::head(conn)?;
    let end_row = end.as_ref().map_or(0, |e| e.row);
    // The furthest end the file names that the database still has.
    let mut held = None;
    for named in [Some(&file.committed), file.next.as_ref()]
        .into_iter()
        .flatten()
    {
        let there =
            named.row == 0 || chain::hash_of(conn, named.row)?.as_deref() == Some(&named.hash);
        if there {
            held = Some(named);
        }
    }
    let latest = file.latest().clone();
    Ok(match held {
        Some(h) if h.row == end_row => HeadState::Holds,
        Some(h) if h.row < end_row => HeadState::Unvouched {
            file: h.clone(),
            first: h.row + 1,
            last: end_row,
        },
        _ if end_row < file.committed.row => HeadState::Lost {
            file: latest,
            db: end,
        },
        _ => HeadState::Rewritten {
            file: latest,
            db: end,
        },
    })
}

impl Store {
    /// Walk the whole audit chain (`huiwu audit verify`, `huiwu check`).
    pub fn verify_chain(&self) -> Result<ChainReport> {
        verify(self.conn())
    }

    /// The end of the audit chain as stored: its shortened hash
    /// ([`ChainHead::short`], [`ChainHead::label`]) is what the signed minutes and the
    /// archive manifest print.
    pub fn audit_head(&self) -> Result<Option<ChainHead>> {
        chain::head(self.conn())
    }

    /// The stored hash of audit row `id`.
    pub fn audit_hash_of(&self, id: i64) -> Result<Option<String>> {
        chain::hash_of(self.conn(), id)
    }

    /// How the chain compares with the head file beside the database.
    pub fn head_state(&self) -> Result<HeadState> {
        match self.path() {
            Some(p) => compare_head(self.conn(), p),
            None => Ok(HeadState::NoFile),
        }
    }

    /// The losses and rewrites found at earlier starts and recorded in the trail.
    pub fn chain_incidents(&self) -> Result<Vec<super::AuditLine>> {
        Ok(self
            .audit_lines(&super::AuditFilter::default())?
            .into_iter()
            .filter(|r| {
                r.entity == "audit"
                    && ["lost", "rewritten", "unvouched"].contains(&r.action.as_str())
            })
            .collect())
    }

    /// At the start of a read-write session: when the database lacks what the head file
    /// names, record that in the audit trail (who started, what was missing) and start a
    /// new head from there; returns what was found, for the warning. A missing head file
    /// is simply written.
    pub fn settle_head(&mut self) -> Result<HeadState> {
        let state = self.head_state()?;
        let Some(path) = self.path().map(|p| p.to_path_buf()) else {
            return Ok(state);
        };
        if state.is_problem() {
            let (kind, was, now) = match &state {
                HeadState::Lost { file, db } => ("lost", file.label(), label(db)),
                HeadState::Rewritten { file, db } => ("rewritten", file.label(), label(db)),
                HeadState::Unvouched { file, first, last } => {
                    ("unvouched", file.label(), format!("#{first}–#{last}"))
                }
                HeadState::NoFile | HeadState::Holds => ("", String::new(), String::new()),
            };
            self.transact(|tx| {
                tx.audit(
                    Audit::new(kind, "audit", None)
                        .field("head")
                        .values(Some(&was), Some(&now)),
                )
            })?;
        }
        if state != HeadState::Holds
            && let Some(end) = self.audit_head()?
        {
            // Losing this write loses nothing: the next commit tries again.
            let _ = head::write(&path, &head::at(&end));
        }
        Ok(state)
    }
}
