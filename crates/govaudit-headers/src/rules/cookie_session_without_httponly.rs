use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Session cookies (name contains `login` or `sess`, the Observatory's heuristic) without `HttpOnly`.
    ///
    /// ## Why it matters
    /// Script injected into the page can read the session cookie and hijack the session.
    ///
    /// ## How to fix
    /// Add `HttpOnly` to session cookies.
    pub COOKIE_SESSION_WITHOUT_HTTPONLY = {
        id: "headers/cookie-session-without-httponly",
        severity: Severity::High,
        standards: ["CWE-1004", "OWASP-ASVS:3.4.2"],
        sources: [Source::inspired("observatory:cookies")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    for (c, set_by) in cx
        .all_cookies()
        .filter(|(c, _)| c.looks_like_session() && !c.http_only)
    {
        let f = out
            .fail(
                &COOKIE_SESSION_WITHOUT_HTTPONLY,
                Location::header("Set-Cookie"),
                format!(
                    "Session cookie {} is readable by scripts (no HttpOnly).",
                    c.name
                ),
            )
            .evidence("cookie", &c.name)
            .evidence("value", &c.raw);
        if let Some(url) = set_by {
            f.evidence("set_by_redirect", url);
        }
    }
}
