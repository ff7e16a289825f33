use super::Context;
use govaudit_core::{Collector, Location, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Header values over 8 KiB, and a header block over 16 KiB (Node's limit; the Observatory then reports the site as down).
    ///
    /// ## Why it matters
    /// Oversized headers are cut or refused by proxies, CDNs and scanners, so policies may silently not apply.
    ///
    /// ## How to fix
    /// Shorten the value (a long CSP can move allowlists to nonces).
    pub VALUE_OVERSIZED = {
        id: "headers/value-oversized",
        severity: Severity::Low,
        standards: ["CWE-400"],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let mut total = 0usize;
    for h in &cx.exchange.headers {
        total += h.name.len() + h.value.len() + 4;
        if h.value.len() > crate::parse::MAX_VALUE_BYTES {
            out.fail(
                &VALUE_OVERSIZED,
                Location::header(h.name.clone()),
                format!("{} is {} bytes long.", h.name, h.value.len()),
            )
            .evidence("bytes", h.value.len());
        }
    }
    if total > 16 * 1024 {
        out.fail(&VALUE_OVERSIZED, Location::resource(), format!("The header block is {total} bytes, over the 16 KiB that Node (and so the Observatory) accepts."))
            .evidence("bytes", total);
    }
}
