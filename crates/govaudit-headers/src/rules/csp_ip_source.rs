use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// IP addresses (and `127.0.0.1`) as sources.
    ///
    /// ## Why it matters
    /// Browsers ignore IP sources in some contexts, and localhost sources are usually left over from development.
    ///
    /// ## How to fix
    /// Use host names, and remove localhost sources in production.
    pub CSP_IP_SOURCE = {
        id: "headers/csp-ip-source",
        severity: Severity::Info,
        standards: ["CWE-16", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:ip-source")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_IP_SOURCE, EvalType::IpSource);
}
