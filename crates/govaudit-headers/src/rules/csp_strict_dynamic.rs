use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// (Strict CSP) A host or scheme allowlist in `script-src` without `'strict-dynamic'`.
    ///
    /// ## Why it matters
    /// Host allowlists can frequently be bypassed; nonce- or hash-based policies cannot.
    ///
    /// ## How to fix
    /// Use nonces or hashes with `'strict-dynamic'` (see web.dev/strict-csp).
    pub CSP_STRICT_DYNAMIC = {
        id: "headers/csp-strict-dynamic",
        severity: Severity::Low,
        standards: ["CWE-79", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:strict-dynamic")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_STRICT_DYNAMIC, EvalType::StrictDynamic);
}
