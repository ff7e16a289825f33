use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The redirect chain from `http://host/`: it must end on HTTPS, and its first hop must go to HTTPS on the same host (so HSTS can be set).
    ///
    /// ## Why it matters
    /// Visitors who type the address or follow old links stay on plain HTTP, or pass through another host over HTTP.
    ///
    /// ## How to fix
    /// Answer `http://host/` with a 301 to `https://host/` (same host), then redirect further if needed.
    pub REDIRECT_TO_HTTPS_MISSING = {
        id: "headers/redirect-to-https-missing",
        severity: Severity::High,
        standards: ["CWE-319"],
        sources: [Source::inspired("observatory:redirection")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let hops = &cx.exchange.http_redirects;
    if !cx.exchange.http_available() || hops.is_empty() {
        return;
    }
    let https = |u: &str| {
        u.as_bytes()
            .get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"https://"))
    };
    let message = if hops.len() == 1 {
        Some("http:// does not redirect to HTTPS.")
    } else if hops.last().is_some_and(|h| !https(&h.url)) {
        Some("The redirect chain from http:// does not end on HTTPS.")
    } else if !https(&hops[1].url) {
        Some("http:// first redirects to another http:// URL before HTTPS.")
    } else {
        // The chain's URLs are parsed once in the context.
        let host = |i: usize| {
            cx.redirect_route
                .get(i)
                .and_then(|p| p.as_ref())
                .and_then(|p| p.host.as_deref())
        };
        (host(0) != host(1)).then_some(
            "http:// redirects to HTTPS on another host, so HSTS for this host is never set.",
        )
    };
    if let Some(message) = message {
        let chain: Vec<(&str, u16)> = hops.iter().map(|h| (h.url.as_str(), h.status)).collect();
        out.fail(&REDIRECT_TO_HTTPS_MISSING, Location::resource(), message)
            .evidence("redirect_chain", &chain);
    }
}
