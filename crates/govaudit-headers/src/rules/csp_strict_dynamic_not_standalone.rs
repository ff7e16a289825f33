use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// (Strict CSP) `'strict-dynamic'` without a nonce or hash.
    ///
    /// ## Why it matters
    /// With no nonce or hash, `'strict-dynamic'` blocks every script, and the Observatory grades the policy `csp-header-invalid`.
    ///
    /// ## How to fix
    /// Add a per-response nonce (or hashes of your inline scripts).
    pub CSP_STRICT_DYNAMIC_NOT_STANDALONE = {
        id: "headers/csp-strict-dynamic-not-standalone",
        severity: Severity::Info,
        standards: ["CWE-16", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:strict-dynamic-not-standalone")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_STRICT_DYNAMIC_NOT_STANDALONE,
        EvalType::StrictDynamicNotStandalone,
    );
}
