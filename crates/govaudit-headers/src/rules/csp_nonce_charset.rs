use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Nonces with characters outside the base64 alphabet.
    ///
    /// ## Why it matters
    /// Nonces outside the CSP grammar may not be matched by every browser.
    ///
    /// ## How to fix
    /// Base64-encode the random bytes of the nonce.
    pub CSP_NONCE_CHARSET = {
        id: "headers/csp-nonce-charset",
        severity: Severity::Info,
        standards: ["CWE-16", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:nonce-charset")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_NONCE_CHARSET, EvalType::NonceCharset);
}
