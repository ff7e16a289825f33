use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An HTML response without an enforced Content-Security-Policy (header or `<meta>`).
    ///
    /// ## Why it matters
    /// A CSP is the main defence in depth against cross-site scripting and unwanted framing.
    ///
    /// ## How to fix
    /// Send a policy, for example `default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`, or a nonce-based strict CSP.
    pub CSP_MISSING = {
        id: "headers/csp-missing",
        severity: Severity::High,
        standards: ["CWE-1021", "OWASP-ASVS:14.4.3"],
        sources: [Source::inspired("observatory:content-security-policy")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    if cx.is_html && cx.policies.is_empty() {
        out.fail(
            &CSP_MISSING,
            Location::header("Content-Security-Policy"),
            "The page has no Content-Security-Policy.",
        )
        .evidence("report_only", !cx.report_only.is_empty());
    }
}
