use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// (Strict CSP) `'strict-dynamic'` without `https:` (or hosts) as a fallback for old browsers.
    ///
    /// ## Why it matters
    /// Browsers without `'strict-dynamic'` would block all external scripts.
    ///
    /// ## How to fix
    /// Add `https:` (ignored by browsers that support `'strict-dynamic'`).
    pub CSP_ALLOWLIST_FALLBACK = {
        id: "headers/csp-allowlist-fallback",
        severity: Severity::Low,
        standards: ["CWE-16", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:allowlist-fallback")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_ALLOWLIST_FALLBACK,
        EvalType::AllowlistFallback,
    );
}
