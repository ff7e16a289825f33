use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `'unsafe-hashes'` in the effective script directives.
    ///
    /// ## Why it matters
    /// It lets hashed inline event handlers run; handlers are easy to reuse in injections.
    ///
    /// ## How to fix
    /// Replace inline event handlers with `addEventListener` in scripts, then drop `'unsafe-hashes'`.
    pub CSP_SCRIPT_UNSAFE_HASHES = {
        id: "headers/csp-script-unsafe-hashes",
        severity: Severity::Low,
        standards: ["CWE-79", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:script-unsafe-hashes")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_SCRIPT_UNSAFE_HASHES,
        EvalType::ScriptUnsafeHashes,
    );
}
