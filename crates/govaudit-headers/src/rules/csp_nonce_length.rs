use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Nonces shorter than 8 characters.
    ///
    /// ## Why it matters
    /// A short nonce can be guessed, and a nonce that can be guessed protects nothing.
    ///
    /// ## How to fix
    /// Generate at least 128 bits of randomness per response, base64-encoded.
    pub CSP_NONCE_LENGTH = {
        id: "headers/csp-nonce-length",
        severity: Severity::Medium,
        standards: ["CWE-330", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:nonce-length")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_NONCE_LENGTH, EvalType::NonceLength);
}
