use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `Content-Security-Policy-Report-Only` policy without an enforced policy.
    ///
    /// ## Why it matters
    /// A report-only policy blocks nothing; the Observatory scores it like no policy (-25).
    ///
    /// ## How to fix
    /// Once reports are clean, send the policy as `Content-Security-Policy`.
    pub CSP_REPORT_ONLY = {
        id: "headers/csp-report-only",
        severity: Severity::Medium,
        standards: ["CWE-1021"],
        sources: [Source::inspired("observatory:content-security-policy")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    if cx.policies.is_empty()
        && let Some(p) = cx.report_only.first()
    {
        out.fail(
            &CSP_REPORT_ONLY,
            Location::header("Content-Security-Policy-Report-Only"),
            "The Content-Security-Policy is report-only: it blocks nothing.",
        )
        .evidence("policy", &p.raw);
    }
}
