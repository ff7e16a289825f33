use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// That `object-src` (or `default-src`) and `script-src` (or `default-src`) are set, and that `base-uri` is set where nonces (or hashes with `'strict-dynamic'`) are used.
    ///
    /// ## Why it matters
    /// A missing directive allows everything: plugins that run script, any script source, or a `<base>` tag that redirects relative script URLs.
    ///
    /// ## How to fix
    /// Add `object-src 'none'`, a `script-src`, and `base-uri 'none'` (or `'self'`).
    pub CSP_MISSING_DIRECTIVES = {
        id: "headers/csp-missing-directives",
        severity: Severity::High,
        standards: ["CWE-79", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:missing-directives")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_MISSING_DIRECTIVES,
        EvalType::MissingDirectives,
    );
}
