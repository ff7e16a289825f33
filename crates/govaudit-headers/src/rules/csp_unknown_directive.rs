use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Directive names that CSP does not define (typos, or a trailing colon).
    ///
    /// ## Why it matters
    /// An unknown directive is ignored, so what it was meant to restrict stays open.
    ///
    /// ## How to fix
    /// Correct the directive name.
    pub CSP_UNKNOWN_DIRECTIVE = {
        id: "headers/csp-unknown-directive",
        severity: Severity::Medium,
        standards: ["CWE-16", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:unknown-directive")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_UNKNOWN_DIRECTIVE, EvalType::UnknownDirective);
}
