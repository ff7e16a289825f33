use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `'unsafe-inline'` in the effective `script-src` (or `-elem`/`-attr`) of an enforced policy, after nonces and hashes cancel it (CSP2+).
    ///
    /// ## Why it matters
    /// Any injected `<script>` or event handler runs: the policy gives no protection against XSS.
    ///
    /// ## How to fix
    /// Move inline scripts to files or give them a nonce or hash; then remove `'unsafe-inline'`.
    pub CSP_SCRIPT_UNSAFE_INLINE = {
        id: "headers/csp-script-unsafe-inline",
        severity: Severity::High,
        standards: ["CWE-79", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:script-unsafe-inline")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_SCRIPT_UNSAFE_INLINE,
        EvalType::ScriptUnsafeInline,
    );
}
