//! An emergency file offered back at start: any bytes, no panic; what parses writes back
//! to the same thing.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(e) = huiwu::emergency::Emergency::parse(text)
        && let Ok(again) = e.to_toml()
    {
        assert_eq!(huiwu::emergency::Emergency::parse(&again).ok(), Some(e));
    }
});
