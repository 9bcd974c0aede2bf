//! config.toml, read leniently, and its key bindings: any bytes, no panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let (config, _problems) = huiwu::config::Config::parse_lenient(text);
        let _ = huiwu::app::keymap::Keymap::with_overrides(&config.keys);
    }
});
