use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Directive names appearing as values (a forgotten `;`).
    ///
    /// ## Why it matters
    /// The following directive is read as a source of the previous one and is not enforced.
    ///
    /// ## How to fix
    /// Separate directives with `;`.
    pub CSP_MISSING_SEMICOLON = {
        id: "headers/csp-missing-semicolon",
        severity: Severity::Medium,
        standards: ["CWE-16", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:missing-semicolon")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_MISSING_SEMICOLON, EvalType::MissingSemicolon);
}
