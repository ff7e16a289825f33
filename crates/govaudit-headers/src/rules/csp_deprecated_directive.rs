use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The deprecated directives `reflected-xss`, `referrer`, `disown-opener` and `prefetch-src`.
    ///
    /// ## Why it matters
    /// Browsers ignore them, so the protection they promise is not there.
    ///
    /// ## How to fix
    /// Use the replacement named in the message (Referrer-Policy, COOP, ...).
    pub CSP_DEPRECATED_DIRECTIVE = {
        id: "headers/csp-deprecated-directive",
        severity: Severity::Info,
        standards: ["CWE-16", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:deprecated-directive")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_DEPRECATED_DIRECTIVE,
        EvalType::DeprecatedDirective,
    );
}
