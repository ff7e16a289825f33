use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Why the MDN HTTP Observatory would grade the policy `csp-header-invalid` (-25): a repeated directive, a policy under 6 characters, a malformed percent-escape, or `'strict-dynamic'` without a nonce or hash.
    ///
    /// ## Why it matters
    /// The Observatory only says that the header cannot be parsed; this names the reason. Browsers may still enforce part of the policy.
    ///
    /// ## How to fix
    /// Fix the reason named in the message: merge repeated directives, add a nonce or hash next to `'strict-dynamic'`.
    pub CSP_OBSERVATORY_INVALID = {
        id: "headers/csp-observatory-invalid",
        severity: Severity::Medium,
        standards: ["CWE-1021"],
        sources: [Source::same("observatory:content-security-policy")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let csp = &cx.observatory_csp;
    if csp.result == "csp-header-invalid" {
        let reason = csp
            .invalid_reason
            .clone()
            .unwrap_or_else(|| "the policy cannot be parsed".into());
        out.fail(
            &CSP_OBSERVATORY_INVALID,
            Location::header("Content-Security-Policy"),
            format!("The MDN HTTP Observatory rejects this CSP: {reason}."),
        )
        .evidence("reason", &reason)
        .evidence(
            "policies",
            cx.policies
                .iter()
                .map(|p| p.raw.as_ref())
                .collect::<Vec<_>>(),
        );
    }
}
