use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Keywords without single quotes (`self`, `nonce-...`) and quoted values that are not CSP keywords.
    ///
    /// ## Why it matters
    /// `self` without quotes is a host name, and unknown keywords are ignored.
    ///
    /// ## How to fix
    /// Write keywords with single quotes, exactly as CSP defines them.
    pub CSP_INVALID_KEYWORD = {
        id: "headers/csp-invalid-keyword",
        severity: Severity::Medium,
        standards: ["CWE-16", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:invalid-keyword")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_INVALID_KEYWORD, EvalType::InvalidKeyword);
}
