use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A valid HSTS `max-age` below one year (31536000 seconds), the OWASP and hstspreload.org value. Below 15552000 (the Observatory's six months) the severity is medium, otherwise low; `max-age=0` removes HSTS.
    ///
    /// ## Why it matters
    /// A short max-age lets the protection lapse between visits.
    ///
    /// ## How to fix
    /// Raise `max-age` to 31536000 or more once HTTPS works for every subdomain you include.
    pub HSTS_MAX_AGE_SHORT = {
        id: "headers/hsts-max-age-short",
        severity: Severity::Medium,
        standards: ["CWE-319", "OWASP-SecureHeaders:Strict-Transport-Security"],
        sources: [Source::inspired("observatory:strict-transport-security")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let Some(policy) = cx.hsts_policy() else {
        return;
    };
    if !cx.exchange.is_https() || policy.max_age >= 31_536_000 {
        return;
    }
    let severity = if policy.max_age < 15_552_000 {
        Severity::Medium
    } else {
        Severity::Low
    };
    let f = out.fail(
        &HSTS_MAX_AGE_SHORT,
        Location::header("Strict-Transport-Security"),
        format!(
            "HSTS max-age is {} seconds, less than one year.",
            policy.max_age
        ),
    );
    f.severity = severity;
    f.evidence("value", &policy.raw)
        .evidence("max_age", policy.max_age);
}
