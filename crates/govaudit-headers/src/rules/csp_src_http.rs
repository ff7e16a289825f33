use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `http://` sources, and `report-uri` over `http://`.
    ///
    /// ## Why it matters
    /// Resources (or reports) sent over plain HTTP can be read and replaced on the network.
    ///
    /// ## How to fix
    /// Use `https://` URLs.
    pub CSP_SRC_HTTP = {
        id: "headers/csp-src-http",
        severity: Severity::Medium,
        standards: ["CWE-319", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:src-http")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_SRC_HTTP, EvalType::SrcHttp);
}
