//! Press, video and photos (R2.3, §2.1.3): none by default; an exception is made on the
//! principal leader's order and records who ordered it.
use super::Time;
use super::validate::{Checked, Problem, Problems};

/// What an exception allows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Coverage {
    /// 新闻报道
    pub press: bool,
    /// 录像
    pub video: bool,
    /// 拍照
    pub photos: bool,
}

impl Coverage {
    /// The default of §2.1.3: nothing.
    pub const NONE: Coverage = Coverage {
        press: false,
        video: false,
        photos: false,
    };

    pub fn any(self) -> bool {
        self.press || self.video || self.photos
    }
}

/// An exception to the default, with who ordered it (§2.1.3 "按主要领导要求办理").
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CoverageException {
    pub allows: Coverage,
    pub ordered_by: String,
    pub at: Time,
    pub note: String,
}

pub mod field {
    pub const ALLOWS: &str = "allows";
    pub const ORDERED_BY: &str = "ordered_by";
}

impl CoverageException {
    /// Checked: it must allow something and name who ordered it.
    pub fn new(allows: Coverage, ordered_by: &str, at: Time, note: &str) -> Checked<Self> {
        let mut p = Problems::default();
        if !allows.any() {
            p.add(field::ALLOWS, Problem::Required);
        }
        p.require(field::ORDERED_BY, ordered_by);
        p.into_result(CoverageException {
            allows,
            ordered_by: ordered_by.trim().to_string(),
            at,
            note: note.trim().to_string(),
        })
    }
}

/// What a meeting allows: the latest exception, or nothing.
pub fn allowed(exceptions: &[CoverageException]) -> Coverage {
    exceptions.last().map_or(Coverage::NONE, |e| e.allows)
}
