//! The meetings the back office works on: those from a day on (`?1`, a stored time),
//! and every one still planned or in progress, whenever it is; never a demo meeting
//! (nor the generated history of `huiwu demo --years`, which is demo data too). Each
//! back-office read goes through this list and the meeting indexes, so opening the
//! console costs the same after ten years as after one (issue 11).

/// Ids of the meetings in the window; `?1` is the first start time in it ("" for all).
const WINDOW: &str = "SELECT id FROM meeting WHERE starts_at >= ?1 AND is_demo = 0
     UNION SELECT id FROM meeting WHERE status IN ('planned', 'in_progress') AND is_demo = 0";

/// Which meetings a back-office read covers.
#[derive(Clone, Copy, Debug)]
pub enum Window<'a> {
    /// The window: from this stored time on ("" for all), and all still to hold.
    Since(&'a str),
    /// One meeting (a paper of it).
    Meeting(crate::domain::Id),
}

impl Window<'_> {
    /// The SQL that lists the meetings' ids, with its one parameter `?1`.
    pub(crate) fn ids(&self) -> &'static str {
        match self {
            Self::Since(_) => WINDOW,
            Self::Meeting(_) => "SELECT ?1",
        }
    }

    pub(crate) fn param(&self) -> rusqlite::types::Value {
        match self {
            Self::Since(s) => rusqlite::types::Value::Text((*s).to_string()),
            Self::Meeting(id) => rusqlite::types::Value::Integer(*id),
        }
    }
}
