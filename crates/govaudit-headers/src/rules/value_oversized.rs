use super::Context;
use crate::exchange::NODE_MAX_HEADER_BYTES;
use govaudit_core::{Collector, Location, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Header values over 8 KiB, and a response head that Node's HTTP parser refuses: reason phrase, header names and values adding up to 16 KiB or more (`HPE_HEADER_OVERFLOW`; the Observatory then reports the site as down).
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
    for h in &cx.exchange.headers {
        if h.value.len() > crate::parse::MAX_VALUE_BYTES {
            out.fail(
                &VALUE_OVERSIZED,
                Location::header(h.name.clone()),
                format!("{} is {} bytes long.", h.name, h.value.len()),
            )
            .evidence("bytes", h.value.len());
        }
    }
    // The same count as the Observatory's `HeaderOverflow` error, so the two always agree.
    let counted = cx.exchange.node_header_bytes();
    if counted >= NODE_MAX_HEADER_BYTES {
        out.fail(
            &VALUE_OVERSIZED,
            Location::resource(),
            format!(
                "The response head counts {counted} bytes of reason phrase, header names and values, at or over the {NODE_MAX_HEADER_BYTES} that Node accepts: the MDN HTTP Observatory cannot scan the site."
            ),
        )
        .evidence("bytes", counted)
        .evidence("limit", NODE_MAX_HEADER_BYTES);
    }
}
