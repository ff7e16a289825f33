use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Hosts in `object-src` known to host Flash files, and any host in `object-src` other than `'none'`.
    ///
    /// ## Why it matters
    /// Plugins loaded from such hosts can run script in the page.
    ///
    /// ## How to fix
    /// Set `object-src 'none'`.
    pub CSP_OBJECT_ALLOWLIST_BYPASS = {
        id: "headers/csp-object-allowlist-bypass",
        severity: Severity::High,
        standards: ["CWE-79", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:object-allowlist-bypass")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_OBJECT_ALLOWLIST_BYPASS,
        EvalType::ObjectAllowlistBypass,
    );
}
