use super::Context;
use crate::parse::SameSite;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `SameSite` with an empty or unknown value, `SameSite=None` without `Secure` (browsers reject it), and anti-CSRF or session cookies without `SameSite`.
    ///
    /// ## Why it matters
    /// `SameSite` limits cross-site requests that carry the cookie, a defence against CSRF.
    ///
    /// ## How to fix
    /// Use `SameSite=Lax` (or `Strict`); `None` only with `Secure` for cookies that must cross sites.
    pub COOKIE_SAMESITE = {
        id: "headers/cookie-samesite",
        severity: Severity::Medium,
        standards: ["CWE-1275", "OWASP-ASVS:3.4.3"],
        sources: [Source::inspired("observatory:cookies")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    for (c, set_by) in cx.all_cookies() {
        let message = match &c.same_site {
            Some(SameSite::Invalid(v)) => format!(
                "Cookie {} has SameSite={v:?}, which browsers do not recognise.",
                c.name
            ),
            Some(SameSite::None) if !c.secure => format!(
                "Cookie {} has SameSite=None without Secure; browsers reject it.",
                c.name
            ),
            None if c.looks_like_anti_csrf() || c.looks_like_session() => format!(
                "Cookie {} carries a session or anti-CSRF token without SameSite.",
                c.name
            ),
            _ => continue,
        };
        let f = out
            .fail(&COOKIE_SAMESITE, Location::header("Set-Cookie"), message)
            .evidence("cookie", &c.name)
            .evidence("value", &c.raw);
        if let Some(url) = set_by {
            f.evidence("set_by_redirect", url);
        }
    }
}
