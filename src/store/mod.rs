//! SQLite, and the only place that holds SQL.
//!
//! One database file; WAL; `synchronous=FULL` because this is the official record;
//! every write is one `BEGIN IMMEDIATE` transaction of [`tx::Tx`] that also appends an
//! audit row with the old and new values (R9.4). The console's own writes go through
//! [`change::Change`] and the save queue of [`writer`]: durable, retried, never blocking.
//!
//! Keeping the record safe (issue 10): audit rows are hash-chained ([`chain`], checked by
//! [`verify`]) and the chain's end is kept beside the database too ([`head`]); `check`
//! looks at all of it ([`Health`]); online [`backup`]s, made automatically by the
//! [`keeper`] thread; [`replace`] puts a backup or a re-keyed copy in the database's place;
//! an encrypted database is keyed on every connection by its remembered passphrase
//! ([`cipher`]).
pub mod after;
mod archive;
mod attendance;
mod audit_log;
pub mod backup;
pub mod calendar;
pub mod chain;
pub mod change;
pub mod cipher;
mod closing;
mod decision;
pub mod entry_text;
mod error;
mod fields;
mod followup;
pub mod head;
mod health;
pub mod intake;
mod intake_read;
pub mod keeper;
pub mod lease;
mod meeting;
mod minutes;
mod office_apply;
pub mod office_view;
mod open;
mod passphrase;
mod people;
pub mod planning;
pub mod planning_read;
pub mod prep;
pub mod prep_read;
pub(crate) mod private;
pub mod procedure;
pub mod replace;
pub mod roster;
mod secrecy;
mod session;
mod tidy;
mod time;
mod topic;
pub mod tx;
pub mod verify;
pub mod view;
pub mod window;
pub mod writer;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::OnceLock;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite_migration::M;

pub use audit_log::{AuditFilter, AuditLine};
pub use closing::{CarryOver, Closing};
pub use error::StoreError;
pub use health::Health;
pub use open::{Access, access, integrity_report};
pub use session::SessionState;
pub use tidy::mode_of;

use crate::clock::SystemClock;
use crate::domain::{Clock, Id};

pub type Result<T> = std::result::Result<T, StoreError>;

/// The schema, one migration per released version. Never edit a released one.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_initial.sql")),
    M::up(include_str!("migrations/0002_changes.sql")),
    M::up(include_str!("migrations/0003_backoffice.sql")),
    M::up(include_str!("migrations/0004_followup.sql")),
    M::up(include_str!("migrations/0005_audit_chain.sql")),
    M::up(include_str!("migrations/0006_leases.sql")),
    M::up(include_str!("migrations/0007_history_indexes.sql")),
    M::up(include_str!("migrations/0008_carry_over_link.sql")),
    M::up(include_str!("migrations/0009_secrecy.sql")),
];

/// The schema version this program writes (the number of migrations).
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a write waits for another terminal's transaction before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    operator: String,
    /// Which process writes: commits of this writer are this terminal's own.
    writer: String,
    /// Where audit times come from when the caller does not give one.
    clock: Arc<dyn Clock>,
}

/// This process's writer id: the same for every connection the process opens.
pub fn process_writer_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        format!("{}-{nanos:x}", std::process::id())
    })
}

/// A new row id chosen by this process, for rows whose id the screen needs before the
/// save queue has written them (an entry the recorder is typing into). Unique across
/// processes in practice: microseconds since 2020, the process id and a counter.
pub fn new_id() -> Id {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    const EPOCH_2020: u64 = 1_577_836_800;
    let micros = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or_default()
        .saturating_sub(EPOCH_2020 * 1_000_000);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed) & 0xff;
    let pid = u64::from(std::process::id()) & 0xf;
    ((micros << 12) | (pid << 8) | count) as i64 & i64::MAX
}

impl Store {
    fn with_conn(conn: Connection, path: Option<PathBuf>, operator: &str) -> Self {
        Self {
            conn,
            path,
            operator: operator.to_string(),
            writer: process_writer_id().to_string(),
            clock: Arc::new(SystemClock),
        }
    }

    /// The clock audit rows take their time from when the change carries none.
    pub fn set_clock(&mut self, clock: Arc<dyn Clock>) {
        self.clock = clock;
    }

    /// Name this connection's commits as another writer's (tests of two terminals in one
    /// process).
    pub fn set_writer_id(&mut self, id: &str) {
        self.writer = id.to_string();
    }

    /// For a bulk load that can simply be run again (the generated demo history): do not
    /// wait for the disk after each transaction. Never used for the record itself.
    pub fn bulk_load(&self, on: bool) -> Result<()> {
        let mode = if on { "OFF" } else { "FULL" };
        Ok(self.conn.pragma_update(None, "synchronous", mode)?)
    }

    /// A handle that cuts short what this connection is doing, from another thread.
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    /// How long a statement waits for another connection's lock before giving up.
    pub fn set_busy_timeout(&self, busy: Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(busy)?)
    }

    /// Make the database refuse to grow past `pages` pages on this connection (as a full
    /// disk would); `None` lifts the limit. For fault tests.
    #[doc(hidden)]
    pub fn limit_pages(&self, pages: Option<u32>) -> Result<()> {
        let n = pages.map(i64::from).unwrap_or(1_073_741_823);
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {n}"), [], |_| Ok(()))?;
        Ok(())
    }

    /// The number of pages the database has now.
    #[doc(hidden)]
    pub fn page_count(&self) -> Result<u32> {
        Ok(self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn operator(&self) -> &str {
        &self.operator
    }

    /// Which process writes through this connection (see [`process_writer_id`]).
    pub fn writer_id(&self) -> &str {
        &self.writer
    }

    /// Changes whenever another connection commits: poll it to notice another terminal.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Counts the commits that changed the record (audited ones), this terminal's and
    /// every other's: what a screen showing the record reads again on. Saving where a
    /// caret is, or an edit lease, does not count.
    pub fn record_version(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT CAST(value AS INTEGER) FROM app_meta WHERE key = 'commit_seq'",
            [],
            |r| r.get(0),
        )?)
    }

    /// The highest commit mark of any other process: changes when another terminal
    /// commits a change to the record (not when it only saves where its caret is).
    pub fn others_mark(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(MAX(seq), 0) FROM commit_mark WHERE writer <> ?1",
            [&self.writer],
            |r| r.get(0),
        )?)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Hands every statement this connection runs to `f`, or stops (None): the query-plan
    /// test reads what the screens ask of the database (issue 11).
    pub fn trace(&self, f: Option<fn(rusqlite::trace::TraceEvent<'_>)>) {
        self.conn
            .trace_v2(rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT, f);
    }

    /// The whole audit trail, oldest first.
    pub fn audit_trail(&self) -> Result<Vec<AuditRow>> {
        let mut st = self.conn.prepare(
            "SELECT at, operator, action, entity, entity_id, field, old, new FROM audit
             ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(AuditRow {
                at: r.get(0)?,
                operator: r.get(1)?,
                action: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                field: r.get(5)?,
                old: r.get(6)?,
                new: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub at: String,
    pub operator: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<Id>,
    /// The field that changed; for text "text@N" (N: character offset of the change).
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
}
