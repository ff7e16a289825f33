use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `*` (with or without a scheme) in a directive that controls script execution.
    ///
    /// ## Why it matters
    /// A wildcard allows scripts or plugins from any host.
    ///
    /// ## How to fix
    /// Replace `*` with the hosts you need, or use nonces or hashes.
    pub CSP_PLAIN_WILDCARD = {
        id: "headers/csp-plain-wildcard",
        severity: Severity::High,
        standards: ["CWE-79", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:plain-wildcard")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_PLAIN_WILDCARD, EvalType::PlainWildcard);
}
