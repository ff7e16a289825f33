use super::Context;
use crate::parse::XContentTypeOptions;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `X-Content-Type-Options: nosniff` missing or with another value.
    ///
    /// ## Why it matters
    /// Without it, browsers may guess (sniff) a response's type and run uploaded text as script or style.
    ///
    /// ## How to fix
    /// Send `X-Content-Type-Options: nosniff` on every response.
    pub NOSNIFF_MISSING = {
        id: "headers/nosniff-missing",
        severity: Severity::Low,
        standards: ["CWE-16", "OWASP-ASVS:14.4.4"],
        sources: [Source::inspired("observatory:x-content-type-options")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    match cx.header("x-content-type-options") {
        None => {
            out.fail(
                &NOSNIFF_MISSING,
                Location::header("X-Content-Type-Options"),
                "X-Content-Type-Options: nosniff is missing.",
            );
        }
        Some(v) if XContentTypeOptions::parse(&v) != XContentTypeOptions::NoSniff => {
            out.fail(
                &NOSNIFF_MISSING,
                Location::header("X-Content-Type-Options"),
                "X-Content-Type-Options is not nosniff.",
            )
            .evidence("value", &v);
        }
        Some(_) => {}
    }
}
