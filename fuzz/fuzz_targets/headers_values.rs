//! Every header-value parser on arbitrary bytes (read as Latin-1, as HTTP allows).
#![no_main]
use govaudit_headers::csp::{ContentSecurityPolicy, PolicySource};
use govaudit_headers::parse::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let value = govaudit_headers::exchange::latin1(data);
    let _ = HstsPolicy::parse(&value);
    let _ = SetCookie::parse(&value);
    let _ = XFrameOptions::parse(&value);
    let _ = XContentTypeOptions::parse(&value);
    let _ = ReferrerPolicy::parse(&value);
    let _ = CacheControl::parse(&value);
    let _ = StructuredPolicy::parse(&value);
    let _ = PermissionsPolicy::parse(&value);
    for p in ContentSecurityPolicy::parse_list(&value, PolicySource::Header) {
        let _ = govaudit_headers::csp_evaluator::evaluate(&p);
    }
    let _ = govaudit_headers::observatory::csp::parse(&[value]);
});
