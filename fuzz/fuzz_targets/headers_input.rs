//! Recorded exchange / response head / HAR readers, then every rule and the Observatory grade.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(exchange) = govaudit_headers::parse_input(data, Some("http://fuzz.example/")) {
        let _ = govaudit_headers::check(&exchange, None);
        for a in [govaudit_headers::Algorithm::V4, govaudit_headers::Algorithm::V6] {
            let _ = govaudit_headers::observatory(&exchange, a, None);
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = govaudit_headers::PreloadList::parse(text);
    }
});
