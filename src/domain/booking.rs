//! The room (R4.1, §4.1): booked in advance, with a waiting room named where the waiting
//! system (§5.3) needs one.
use super::meeting_people::MeetingPeople;
use super::validate::{Checked, Problems};
use super::{Id, Time};

/// Who booked which rooms, when.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RoomBooking {
    pub room: String,
    pub waiting_room: Option<String>,
    pub booked_by: String,
    pub booked_at: Time,
}

pub mod field {
    pub const ROOM: &str = "room";
    pub const BOOKED_BY: &str = "booked_by";
}

impl RoomBooking {
    /// Room and who booked it are required; a blank waiting room means none.
    pub fn new(room: &str, waiting_room: &str, booked_by: &str, at: Time) -> Checked<Self> {
        let mut p = Problems::default();
        p.require(field::ROOM, room);
        p.require(field::BOOKED_BY, booked_by);
        let waiting_room = waiting_room.trim();
        p.into_result(RoomBooking {
            room: room.trim().to_string(),
            waiting_room: (!waiting_room.is_empty()).then(|| waiting_room.to_string()),
            booked_by: booked_by.trim().to_string(),
            booked_at: at,
        })
    }
}

/// A waiting room is needed when a topic after the first brings its own sitting-in
/// people: they wait while the topic before theirs is discussed (§5.3).
pub fn waiting_room_needed(agenda: &[Id], people: &MeetingPeople) -> bool {
    agenda
        .iter()
        .skip(1)
        .any(|t| !people.sitting_in_for(*t).is_empty())
}

/// What is not booked yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookingGap {
    Room,
    WaitingRoom,
}

pub fn booking_gaps(booking: Option<&RoomBooking>, waiting_room_needed: bool) -> Vec<BookingGap> {
    let mut gaps = Vec::new();
    if booking.is_none() {
        gaps.push(BookingGap::Room);
    }
    if waiting_room_needed && booking.and_then(|b| b.waiting_room.as_ref()).is_none() {
        gaps.push(BookingGap::WaitingRoom);
    }
    gaps
}
