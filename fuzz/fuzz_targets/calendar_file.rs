//! The working-day calendar file (holidays and make-up days): any bytes, no panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = huiwu::domain::calendar::Calendar::parse(text);
    }
});
