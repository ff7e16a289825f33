use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A header asking for preloading (`preload`) that does not meet the hstspreload.org requirements (max-age of at least one year, includeSubDomains, an HTTP to HTTPS redirect on the same host), or a host that is not yet in the given preload list.
    ///
    /// ## Why it matters
    /// Submission is refused, or the site believes it is preloaded when it is not.
    ///
    /// ## How to fix
    /// Meet the requirements listed in the evidence, then submit the domain at hstspreload.org.
    pub HSTS_PRELOAD_INELIGIBLE = {
        id: "headers/hsts-preload-ineligible",
        severity: Severity::Low,
        standards: ["RFC6797:14.9"],
        sources: [Source::inspired("hstspreload.org")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let Some(policy) = cx.hsts_policy() else {
        return;
    };
    if !policy.preload || !cx.exchange.is_https() {
        return;
    }
    let mut problems: Vec<&str> = policy.preload_problems();
    let hops = &cx.exchange.http_redirects;
    if cx.exchange.http_available()
        && hops
            .get(1)
            .is_none_or(|h| !h.url.to_ascii_lowercase().starts_with("https://"))
    {
        problems.push("http:// must redirect to https:// on the same host first");
    }
    if !problems.is_empty() {
        out.fail(
            &HSTS_PRELOAD_INELIGIBLE,
            Location::header("Strict-Transport-Security"),
            "HSTS asks for preloading but does not meet the preload list requirements.",
        )
        .evidence("value", &policy.raw)
        .evidence("problems", &problems);
    } else if let (Some(list), Some(host)) = (cx.preload, cx.site_host.as_deref())
        && list.covering(host).is_none()
    {
        out.review(&HSTS_PRELOAD_INELIGIBLE, Location::header("Strict-Transport-Security"), "HSTS asks for preloading but the host is not in the given preload list; submit it at hstspreload.org.")
            .evidence("host", host);
    }
}
