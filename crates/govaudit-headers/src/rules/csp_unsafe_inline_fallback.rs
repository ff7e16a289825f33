use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// (Strict CSP) A nonce or hash policy without `'unsafe-inline'` as a fallback for old browsers.
    ///
    /// ## Why it matters
    /// Browsers without CSP2 would block inline scripts; `'unsafe-inline'` is ignored by browsers that support nonces.
    ///
    /// ## How to fix
    /// Add `'unsafe-inline'` next to the nonce or hash.
    pub CSP_UNSAFE_INLINE_FALLBACK = {
        id: "headers/csp-unsafe-inline-fallback",
        severity: Severity::Low,
        standards: ["CWE-16", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:unsafe-inline-fallback")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_UNSAFE_INLINE_FALLBACK,
        EvalType::UnsafeInlineFallback,
    );
}
