use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Whether the policy names a reporting destination (`report-uri` or `report-to`).
    ///
    /// ## Why it matters
    /// Without reports, breakage and attacks blocked by the policy go unnoticed, and the policy is hard to maintain.
    ///
    /// ## How to fix
    /// Add `report-uri` (and `report-to`) pointing at a report collector.
    pub CSP_REPORTING_DESTINATION_MISSING = {
        id: "headers/csp-reporting-destination-missing",
        severity: Severity::Info,
        standards: ["CWE-778", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:reporting-destination-missing")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_REPORTING_DESTINATION_MISSING,
        EvalType::ReportingDestinationMissing,
    );
}
