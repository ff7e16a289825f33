use super::{Context, report_evaluator};
use crate::csp_evaluator::EvalType;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Hosts in `script-src` that are known to serve JSONP endpoints or AngularJS (the CSP Evaluator's tables, kept as data in `csp_evaluator/bypass_hosts.rs`), and `'self'` or other hosts that a person should review.
    ///
    /// ## Why it matters
    /// A JSONP endpoint or an old AngularJS on an allowed host lets an attacker run any script despite the allowlist.
    ///
    /// ## How to fix
    /// Remove those hosts, or switch to a nonce- or hash-based policy with `'strict-dynamic'`.
    pub CSP_SCRIPT_ALLOWLIST_BYPASS = {
        id: "headers/csp-script-allowlist-bypass",
        severity: Severity::High,
        standards: ["CWE-79", "OWASP-ASVS:14.4.3"],
        sources: [Source::same("csp-evaluator:script-allowlist-bypass")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    report_evaluator(
        cx,
        out,
        &CSP_SCRIPT_ALLOWLIST_BYPASS,
        EvalType::ScriptAllowlistBypass,
    );
}
