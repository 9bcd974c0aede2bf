//! The meetings the back office works on: those from a day on (`?1`, a stored time),
//! and every one still planned or in progress, whenever it is; never a demo meeting
//! (nor the generated history of `huiwu demo --years`, which is demo data too). Each
//! back-office read goes through this list and the meeting indexes, so opening the
//! console costs the same after ten years as after one (issue 11).

/// Ids of the meetings in the window; `?1` is the first start time in it ("" for all).
pub(crate) const WINDOW: &str = "SELECT id FROM meeting WHERE starts_at >= ?1 AND is_demo = 0
     UNION SELECT id FROM meeting WHERE status IN ('planned', 'in_progress') AND is_demo = 0";
