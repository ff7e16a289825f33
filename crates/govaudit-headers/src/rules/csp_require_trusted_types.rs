use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// (Strict CSP) Whether `require-trusted-types-for 'script'` is set.
    ///
    /// ## Why it matters
    /// Trusted Types lock down the DOM XSS sinks (`innerHTML`, `eval`, ...).
    ///
    /// ## How to fix
    /// Add `require-trusted-types-for 'script'` once the code uses Trusted Types.
    pub CSP_REQUIRE_TRUSTED_TYPES = {
        id: "headers/csp-require-trusted-types",
        severity: Severity::Info,
        standards: ["CWE-79", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:require-trusted-types-for-scripts")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_REQUIRE_TRUSTED_TYPES,
        EvalType::RequireTrustedTypesForScripts,
    );
}
