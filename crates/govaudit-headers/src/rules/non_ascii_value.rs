use super::Context;
use govaudit_core::{Collector, Location, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Header values with bytes outside visible ASCII (non-ASCII or control characters other than tab).
    ///
    /// ## Why it matters
    /// RFC 9110 treats such bytes as opaque; browsers and servers decode them differently, so a policy may be read differently than intended.
    ///
    /// ## How to fix
    /// Keep header values ASCII; percent-encode URLs.
    pub NON_ASCII_VALUE = {
        id: "headers/non-ascii-value",
        severity: Severity::Low,
        standards: ["RFC9110:5.5"],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let bad = |b: u8| b >= 0x7f || (b < 0x20 && b != b'\t');
    for h in &cx.exchange.headers {
        // One pass without an early exit (the compiler vectorises it) for the usual clean value.
        if !h.value.iter().fold(false, |found, &b| found | bad(b)) {
            continue;
        }
        if let Some(pos) = h.value.iter().position(|&b| bad(b)) {
            out.fail(
                &NON_ASCII_VALUE,
                Location::header(h.name.clone()),
                format!(
                    "{} has a non-ASCII or control byte at offset {pos}.",
                    h.name
                ),
            )
            .evidence("offset", pos)
            .evidence("byte", h.value[pos]);
        }
    }
}
