use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Cookies set without the `Secure` attribute. Session cookies (name contains `login` or `sess`) are high severity unless HSTS is in effect.
    ///
    /// ## Why it matters
    /// Without `Secure` the cookie is sent over plain HTTP, where it can be read or replaced.
    ///
    /// ## How to fix
    /// Add `Secure` to every cookie (and `__Host-` to session cookies).
    pub COOKIE_WITHOUT_SECURE = {
        id: "headers/cookie-without-secure",
        severity: Severity::Medium,
        standards: ["CWE-614", "OWASP-ASVS:3.4.1"],
        sources: [Source::inspired("observatory:cookies")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let hsts = cx.hsts_in_effect();
    for (c, set_by) in cx.all_cookies().filter(|(c, _)| !c.secure) {
        let severity = match (c.looks_like_session(), hsts) {
            (true, false) => Severity::High,
            (true, true) | (false, false) => Severity::Medium,
            (false, true) => Severity::Low,
        };
        let f = out.fail(
            &COOKIE_WITHOUT_SECURE,
            Location::header("Set-Cookie"),
            format!("Cookie {} is set without Secure.", c.name),
        );
        f.severity = severity;
        f.evidence("cookie", &c.name)
            .evidence("value", &c.raw)
            .evidence("hsts", hsts);
        if let Some(url) = set_by {
            f.evidence("set_by_redirect", url);
        }
    }
}
