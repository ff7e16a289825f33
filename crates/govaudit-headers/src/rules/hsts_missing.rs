use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An HTTPS response without `Strict-Transport-Security` (and a site not in the given HSTS preload list), or a site not available over HTTPS at all.
    ///
    /// ## Why it matters
    /// Without HSTS the first visit (and every typed `http://` link) can be intercepted and downgraded.
    ///
    /// ## How to fix
    /// Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on HTTPS responses.
    pub HSTS_MISSING = {
        id: "headers/hsts-missing",
        severity: Severity::High,
        standards: ["CWE-319", "OWASP-ASVS:14.4.5"],
        sources: [Source::inspired("observatory:strict-transport-security")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let ex = cx.exchange;
    if !ex.https_available() {
        out.fail(
            &HSTS_MISSING,
            Location::resource(),
            "The site does not answer over HTTPS, so HSTS cannot protect it.",
        )
        .evidence("url", &ex.url);
        return;
    }
    let preloaded = cx.preloaded();
    if ex.is_https() && ex.fields("strict-transport-security").next().is_none() && !preloaded {
        out.fail(
            &HSTS_MISSING,
            Location::header("Strict-Transport-Security"),
            "The HTTPS response has no Strict-Transport-Security header.",
        )
        .evidence("url", &ex.url);
    }
}
