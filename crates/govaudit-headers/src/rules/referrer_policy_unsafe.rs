use super::Context;
use crate::parse::ReferrerPolicy;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A Referrer-Policy (header, or `<meta name=referrer>`) in effect that sends the origin or the full URL to other sites (`unsafe-url`, `no-referrer-when-downgrade`, `origin`, `origin-when-cross-origin`), or one with no recognised token.
    ///
    /// ## Why it matters
    /// Full URLs can carry search terms, case numbers or tokens that leak to third parties.
    ///
    /// ## How to fix
    /// Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`).
    pub REFERRER_POLICY_UNSAFE = {
        id: "headers/referrer-policy-unsafe",
        severity: Severity::Low,
        standards: ["CWE-200"],
        sources: [Source::inspired("observatory:referrer-policy")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let header = cx.header("referrer-policy");
    let meta = cx.body.as_ref().and_then(|b| b.meta_referrer.as_deref());
    let policy = match (header, meta) {
        (None, None) => return,
        (Some(h), None) => ReferrerPolicy::parse(&h),
        (None, Some(m)) => ReferrerPolicy::parse(m),
        (Some(h), Some(m)) => ReferrerPolicy::parse(&format!("{h}, {m}")),
    };
    let message = match policy.policy.as_deref() {
        None => {
            "Referrer-Policy has no token browsers recognise, so the default applies.".to_owned()
        }
        Some(p) if policy.leaks_full_url() => {
            format!("Referrer-Policy {p} sends the origin or the full URL to other sites.")
        }
        Some(_) => return,
    };
    out.fail(
        &REFERRER_POLICY_UNSAFE,
        Location::header("Referrer-Policy"),
        message,
    )
    .evidence("value", &policy.raw);
}
