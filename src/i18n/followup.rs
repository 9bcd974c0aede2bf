//! The after-meeting screen's words (F4).
use super::Tr;

pub const SCREEN_FOLLOWUP: Tr = Tr("会后落实", "After the meeting");
