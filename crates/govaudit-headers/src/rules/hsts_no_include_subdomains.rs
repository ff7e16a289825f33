use super::Context;
use govaudit_core::{Collector, Location, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A valid HSTS header without `includeSubDomains`.
    ///
    /// ## Why it matters
    /// Subdomains (and cookies scoped to the parent domain) stay reachable over plain HTTP.
    ///
    /// ## How to fix
    /// Add `includeSubDomains` after checking every subdomain serves HTTPS.
    pub HSTS_NO_INCLUDE_SUBDOMAINS = {
        id: "headers/hsts-no-include-subdomains",
        severity: Severity::Low,
        standards: ["CWE-319", "OWASP-SecureHeaders:Strict-Transport-Security"],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    if let Some(policy) = cx.hsts_policy()
        && cx.exchange.is_https()
        && policy.max_age > 0
        && !policy.include_subdomains
    {
        out.fail(
            &HSTS_NO_INCLUDE_SUBDOMAINS,
            Location::header("Strict-Transport-Security"),
            "HSTS does not cover subdomains (no includeSubDomains).",
        )
        .evidence("value", &policy.raw);
    }
}
