use super::Context;
use crate::tables::{OWASP_REMOVE, OWASP_REMOVE_INDEX, OWASP_REMOVE_MAX_NAME};
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Headers on the OWASP Secure Headers Project remove list (`Server`, `X-Powered-By`, `X-AspNet-Version`, ... 68 names, kept in `tables.rs`). `Server` is reported only when it carries a version number.
    ///
    /// ## Why it matters
    /// Product names and versions tell attackers which known vulnerabilities to try.
    ///
    /// ## How to fix
    /// Remove these headers in the web server or proxy configuration (and hide version numbers in `Server`).
    pub INFORMATION_LEAK = {
        id: "headers/information-leak",
        severity: Severity::Low,
        standards: ["CWE-200", "OWASP-ASVS:14.3.3"],
        sources: [Source::same("owasp-secure-headers:headers_remove"), Source::inspired("drheader:must-avoid")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    // Look the present names up in the table (not the 68 names in the headers), then report in
    // table order: bit i of `present` is entry i (the table has fewer than 128 entries).
    let mut present: u128 = 0;
    let mut buf = [0u8; OWASP_REMOVE_MAX_NAME];
    for h in &cx.exchange.headers {
        let Some(lower) = buf.get_mut(..h.name.len()) else {
            continue;
        };
        lower.copy_from_slice(h.name.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower)
            && let Some(&i) = OWASP_REMOVE_INDEX.get(lower)
        {
            present |= 1 << i;
        }
    }
    let indexes = (0..OWASP_REMOVE.len()).filter(|i| present & (1 << i) != 0);
    for name in indexes.map(|i| OWASP_REMOVE[i]) {
        let Some(value) = cx.header(name) else {
            continue;
        };
        let versioned = value.bytes().any(|b| b.is_ascii_digit());
        if name.eq_ignore_ascii_case("server") && !versioned {
            continue;
        }
        let f = out.fail(
            &INFORMATION_LEAK,
            Location::header(name),
            format!("{name} discloses server internals: {value}."),
        );
        if !versioned {
            f.severity = Severity::Info;
        }
        f.evidence("value", &value);
    }
}
