use super::Context;
use govaudit_core::{Collector, Location, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Cookies named `__Secure-` without `Secure`, or `__Host-` without `Secure`, with `Domain`, or without `Path=/`.
    ///
    /// ## Why it matters
    /// Browsers reject such cookies, so the application silently loses them.
    ///
    /// ## How to fix
    /// Meet the prefix's requirements, or rename the cookie.
    pub COOKIE_PREFIX_INVALID = {
        id: "headers/cookie-prefix-invalid",
        severity: Severity::Medium,
        standards: ["RFC6265bis:4.1.3"],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    for (c, set_by) in cx.all_cookies() {
        if let Some(problem) = c.prefix_problem() {
            let f = out
                .fail(
                    &COOKIE_PREFIX_INVALID,
                    Location::header("Set-Cookie"),
                    format!("Cookie {} will be rejected: {problem}.", c.name),
                )
                .evidence("cookie", &c.name)
                .evidence("value", &c.raw);
            if let Some(url) = set_by {
                f.evidence("set_by_redirect", url);
            }
        }
    }
}
