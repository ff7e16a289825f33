use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A policy that reports only through `report-to`.
    ///
    /// ## Why it matters
    /// `report-to` is supported only by Chromium-based browsers, so other browsers send no reports.
    ///
    /// ## How to fix
    /// Add a `report-uri` too.
    pub CSP_REPORT_TO_ONLY = {
        id: "headers/csp-report-to-only",
        severity: Severity::Info,
        standards: ["CWE-778", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:report-to-only")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_REPORT_TO_ONLY, EvalType::ReportToOnly);
}
