use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `data:`, `http:` or `https:` as a whole source in `script-src`, `script-src-elem`, `script-src-attr`, `object-src` or `base-uri`.
    ///
    /// ## Why it matters
    /// A scheme allows every host on it: an attacker loads a script from their own HTTPS site or a `data:` URL.
    ///
    /// ## How to fix
    /// List exact hosts, or better use nonces or hashes with `'strict-dynamic'`.
    pub CSP_PLAIN_URL_SCHEMES = {
        id: "headers/csp-plain-url-schemes",
        severity: Severity::High,
        standards: ["CWE-79", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:plain-url-schemes")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(cx, out, &CSP_PLAIN_URL_SCHEMES, EvalType::PlainUrlSchemes);
}
