use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An HTML page without `Cross-Origin-Opener-Policy` (a review item: pages that open or are opened by other sites' windows need care).
    ///
    /// ## Why it matters
    /// COOP `same-origin` separates the page from cross-origin windows, protecting against XS-Leaks and Spectre-style attacks; the Observatory (v6) gives +10.
    ///
    /// ## How to fix
    /// Send `Cross-Origin-Opener-Policy: same-origin` (or `same-origin-allow-popups` if the page opens payment or login popups).
    pub CROSS_ORIGIN_ISOLATION_MISSING = {
        id: "headers/cross-origin-isolation-missing",
        severity: Severity::Info,
        standards: ["CWE-1021"],
        sources: [Source::inspired("observatory:cross-origin-opener-policy")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    if cx.is_html && cx.header("cross-origin-opener-policy").is_none() {
        out.review(
            &CROSS_ORIGIN_ISOLATION_MISSING,
            Location::header("Cross-Origin-Opener-Policy"),
            "The page sets no Cross-Origin-Opener-Policy.",
        );
    }
}
