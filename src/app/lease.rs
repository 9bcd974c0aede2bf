//! Edit leases, the app's side (issue 10, R9.1): before a terminal edits a record it
//! claims the record's lease; a record another terminal is editing is read-only here and
//! shown "正在由 <operator> 编辑". Every screen uses the same few calls:
//!
//! - [`Ctx::claim`] before an edit: true when this terminal may edit (the lease is taken
//!   or kept); otherwise the user is told who is editing, or — when that terminal has not
//!   renewed its lease for 30 s — asked whether to take it over.
//! - [`Ctx::open_form_leased`] opens a form on a record: the lease is held while the form
//!   is open (also under the screen lock) and let go when it closes, however it closes.
//! - [`Ctx::edited_by`] for drawing: who else is editing a record now.
//! - A screen's [`super::screen::Screen::leases`] names the records it is editing without
//!   a form (the recorder's focused entry); those are let go when the screen stops naming
//!   them or after [`IDLE_RELEASE`] without an edit.
//!
//! Taking, renewing and releasing go through the save queue, so no key waits for the
//! disk; the write of the record itself is guarded in the store as well, so a race
//! between two terminals can never overwrite text (see [`crate::store::lease`]).
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::ctx::Ctx;
use super::form::Form;
use super::layer::{LayerKind, Owner, Question};
use super::leaving::AppAsk;
use crate::i18n;
use crate::store::change::Change;
use crate::store::lease::{LeaseKey, LeaseOp, LeaseRow, host_id, millis};

/// How often a held lease is renewed (others take over only after 30 s without).
pub const RENEW_EVERY: Duration = Duration::from_secs(5);
/// A record a screen edits without a form is let go after this long without an edit, so
/// a recorder who moved on does not keep others out.
pub const IDLE_RELEASE: Duration = Duration::from_secs(60);
/// How often the leases of other terminals are read again, for the screen.
const READ_EVERY: Duration = Duration::from_millis(500);

/// A lease this terminal holds.
#[derive(Clone, Debug)]
struct Held {
    touched: Instant,
    /// The stale lease this one replaces, until the take is on the disk.
    replaced: Option<(String, i64)>,
}

/// The leases this terminal holds, and those others hold as last read.
pub struct Leases {
    mine: BTreeMap<LeaseKey, Held>,
    others: Vec<LeaseRow>,
    last_read: Option<Instant>,
    last_renew: Instant,
    /// The generation of the last renewal, while it is on its way.
    renewing: Option<u64>,
    /// A screen's lease not edited for this long is let go ([`IDLE_RELEASE`]).
    pub idle_release: Duration,
}

impl Default for Leases {
    fn default() -> Self {
        Self {
            mine: BTreeMap::new(),
            others: Vec::new(),
            last_read: None,
            last_renew: Instant::now(),
            renewing: None,
            idle_release: IDLE_RELEASE,
        }
    }
}

impl Leases {
    pub fn holds(&self, key: &LeaseKey) -> bool {
        self.mine.contains_key(key)
    }

    /// The records this terminal holds, in order.
    pub fn held(&self) -> Vec<LeaseKey> {
        self.mine.keys().cloned().collect()
    }

    /// Another terminal's lease on `key`, as last read.
    pub fn other(&self, key: &LeaseKey) -> Option<&LeaseRow> {
        self.others.iter().find(|r| &r.key == key)
    }
}

/// Is the process holding this lease gone? Only a process on this machine (and in this
/// pid namespace) can be asked; one elsewhere counts as alive.
pub fn holder_gone(row: &LeaseRow, my_writer: &str) -> bool {
    if row.host != host_id() || row.holder == my_writer {
        return false;
    }
    let Some(pid) = row
        .holder
        .split('-')
        .next()
        .and_then(|p| p.parse::<i32>().ok())
    else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // Our own pid under another writer id: that process ended and we have its number.
    if pid as u32 == std::process::id() {
        return true;
    }
    process_gone(pid)
}

#[cfg(unix)]
fn process_gone(pid: i32) -> bool {
    // SAFETY: signal 0 only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r != 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn process_gone(_pid: i32) -> bool {
    false
}

impl Ctx {
    /// May this terminal edit `key` now? Takes (or keeps) its lease when it may. When
    /// another terminal holds it, says who; when that terminal has stopped renewing it,
    /// asks whether to take it over (the edit that asked is not made: the user repeats
    /// it after saying yes).
    pub fn claim(&mut self, key: &LeaseKey) -> bool {
        if let Some(h) = self.leases.mine.get_mut(key) {
            h.touched = Instant::now();
            return true;
        }
        let me = self.store.writer_id().to_string();
        // Cannot read: go ahead; the store refuses the write if someone holds it.
        let row = self.store.lease(key).unwrap_or_default();
        match row {
            None => self.take(key, None),
            Some(r) if r.holder == me => self.take(key, None),
            Some(r) if holder_gone(&r, &me) => self.take(key, Some((r.holder, r.renewed_at))),
            Some(r) if r.stale(millis(self.now())) => {
                let idle = (millis(self.now()) - r.renewed_at) / 1000;
                let text = i18n::take_over_question(self.lang, &r.operator, idle);
                self.remember_other(r.clone());
                self.message = None;
                self.layers.push(
                    LayerKind::Confirm(Question { text }),
                    Owner::App,
                    Box::new(AppAsk::TakeOver(r)),
                );
                return false;
            }
            Some(r) => {
                let entry = r.key.entity == crate::store::lease::ENTRY;
                let text = i18n::read_only_leased(self.lang, &r.operator, entry);
                self.remember_other(r);
                self.warn(text);
                return false;
            }
        }
        true
    }

    /// Open a form on the record `key`, holding its lease while the form is open. False
    /// (and nothing opened) when another terminal is editing it.
    pub fn open_form_leased(
        &mut self,
        key: LeaseKey,
        form: Form,
        purpose: impl std::any::Any,
    ) -> bool {
        if !self.claim(&key) {
            return false;
        }
        self.open_form(form, purpose);
        self.layers.lease_top(key);
        true
    }

    /// After a yes: take over a lease whose holder stopped renewing it — if it is still
    /// exactly as it was when the question was asked.
    pub fn take_over(&mut self, row: &LeaseRow) {
        self.take(&row.key, Some((row.holder.clone(), row.renewed_at)));
        let t = self.t(&i18n::TAKEN_OVER);
        self.say(t);
    }

    /// Another terminal's operator editing `key` now, for the screen to show.
    pub fn edited_by(&self, key: &LeaseKey) -> Option<&str> {
        self.leases.other(key).map(|r| r.operator.as_str())
    }

    fn take(&mut self, key: &LeaseKey, replace: Option<(String, i64)>) {
        self.leases.others.retain(|r| &r.key != key);
        self.leases.mine.insert(
            key.clone(),
            Held {
                touched: Instant::now(),
                replaced: replace.clone(),
            },
        );
        self.save(vec![Change::Lease {
            key: key.clone(),
            op: LeaseOp::Take { replace },
        }]);
    }

    fn remember_other(&mut self, row: LeaseRow) {
        self.leases.others.retain(|r| r.key != row.key);
        self.leases.others.push(row);
    }

    /// Let go of every lease held that is not `wanted` any more: those of open layers
    /// (`forms`) are kept as long as the layer is open, those a screen names (`screen`)
    /// until it stops naming them or they go idle. True if any is to go (the caller
    /// flushes typed text first, see [`super::App`]).
    pub(super) fn leases_to_release(&self, forms: &[LeaseKey], screen: &[LeaseKey]) -> bool {
        let idle = self.leases.idle_release;
        self.leases
            .mine
            .iter()
            .any(|(k, h)| !wanted(k, h, forms, screen, idle))
    }

    pub(super) fn release_leases(&mut self, forms: &[LeaseKey], screen: &[LeaseKey]) {
        let gone: Vec<LeaseKey> = self
            .leases
            .mine
            .iter()
            .filter(|(k, h)| !wanted(k, h, forms, screen, self.leases.idle_release))
            .map(|(k, _)| k.clone())
            .collect();
        if gone.is_empty() {
            return;
        }
        for k in &gone {
            self.leases.mine.remove(k);
        }
        self.save(
            gone.into_iter()
                .map(|key| Change::Lease {
                    key,
                    op: LeaseOp::Release,
                })
                .collect(),
        );
    }

    /// Every tick: renew what is held, read what others hold.
    pub(super) fn lease_tick(&mut self) {
        if let Some(g) = self.leases.renewing
            && (self.saver.is_committed(g) || self.saver.is_rejected(g))
        {
            self.leases.renewing = None;
        }
        let due = self.leases.last_renew.elapsed() >= RENEW_EVERY;
        if due && !self.leases.mine.is_empty() && self.leases.renewing.is_none() {
            self.leases.last_renew = Instant::now();
            let changes = self
                .leases
                .held()
                .into_iter()
                .map(|key| Change::Lease {
                    key,
                    op: LeaseOp::Renew,
                })
                .collect();
            let g = self.save(changes);
            self.leases.renewing = (g > 0).then_some(g);
        }
        if self
            .leases
            .last_read
            .is_none_or(|t| t.elapsed() >= READ_EVERY)
        {
            self.leases.last_read = Some(Instant::now());
            self.read_leases();
        }
    }

    /// Read the leases other terminals hold (those whose process is gone do not count).
    pub fn read_leases(&mut self) {
        let Ok(rows) = self.store.leases() else {
            return;
        };
        let me = self.store.writer_id().to_string();
        let now = millis(self.now());
        self.leases.others = rows
            .into_iter()
            .filter(|r| r.holder != me && !holder_gone(r, &me))
            .collect();
        // A lease we thought ours that another terminal holds, fresh, and not the one we
        // are replacing: it took over (we had stopped answering). Ours no longer.
        let lost: Vec<(LeaseKey, String)> = self
            .leases
            .others
            .iter()
            .filter(|r| !r.stale(now))
            .filter_map(|r| {
                let h = self.leases.mine.get(&r.key)?;
                let replacing = h
                    .replaced
                    .as_ref()
                    .is_some_and(|(holder, at)| *holder == r.holder && *at == r.renewed_at);
                (!replacing).then(|| (r.key.clone(), r.operator.clone()))
            })
            .collect();
        for (key, operator) in lost {
            self.leases.mine.remove(&key);
            let entry = key.entity == crate::store::lease::ENTRY;
            let t = i18n::read_only_leased(self.lang, &operator, entry);
            self.warn(t);
        }
    }

    /// On the way out: let every lease go.
    pub(super) fn release_all_leases(&mut self) {
        self.release_leases(&[], &[]);
    }
}

impl super::App {
    /// Let go of the edit leases no longer wanted: by an open layer, or by the screen
    /// showing (R9.1: typed text is handed to the save queue first, so the release is
    /// written after it).
    pub(super) fn sync_leases(&mut self) {
        let forms = self.ctx.layers.leases();
        let screen = self.current().leases();
        if !self.ctx.leases_to_release(&forms, &screen) {
            return;
        }
        let (s, ctx) = self.parts(self.screen);
        s.flush(ctx, false);
        self.ctx.release_leases(&forms, &screen);
    }
}

fn wanted(
    key: &LeaseKey,
    held: &Held,
    forms: &[LeaseKey],
    screen: &[LeaseKey],
    idle: Duration,
) -> bool {
    forms.contains(key) || (screen.contains(key) && held.touched.elapsed() < idle)
}
