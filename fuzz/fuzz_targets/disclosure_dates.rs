//! Date extraction reads hostile list text: it must never panic, hang or invent impossible dates.
#![no_main]

use govaudit_disclosure::dates::{DateMatch, extract, resolve_years};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let found = extract(&text);
    let entries: Vec<Option<DateMatch>> = found.into_iter().map(Some).collect();
    let as_of = govaudit_disclosure::jiff::civil::date(2026, 11, 25);
    let _ = resolve_years(&entries, as_of);
});
