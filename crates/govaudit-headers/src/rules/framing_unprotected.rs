use super::Context;
use crate::csp::PolicySource;
use crate::parse::XFrameOptions;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// That an HTML page limits framing with CSP `frame-ancestors` (in a header: browsers ignore it in `<meta>`) or a valid `X-Frame-Options`. `frame-ancestors *` counts as unprotected, although the Observatory gives it +5.
    ///
    /// ## Why it matters
    /// A page that any site can frame can be used for clickjacking.
    ///
    /// ## How to fix
    /// Send `Content-Security-Policy: frame-ancestors 'self'` (or `'none'`) and `X-Frame-Options: DENY` for old browsers.
    pub FRAMING_UNPROTECTED = {
        id: "headers/framing-unprotected",
        severity: Severity::Medium,
        standards: ["CWE-1021", "OWASP-ASVS:14.4.7"],
        sources: [Source::inspired("observatory:x-frame-options")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    if !cx.is_html {
        return;
    }
    // The frame-ancestors lists of the header policies (walked, not collected).
    let mut ancestors = cx
        .policies
        .iter()
        .filter(|p| p.source == PolicySource::Header)
        .filter_map(|p| p.get("frame-ancestors"))
        .peekable();
    let any_ancestors = ancestors.peek().is_some();
    let csp_protects =
        ancestors.any(|v| !v.iter().any(|s| s == "*" || s == "https:" || s == "http:"));
    let xfo_protects = cx.header("x-frame-options").is_some_and(|v| {
        matches!(
            XFrameOptions::parse(&v),
            XFrameOptions::Deny | XFrameOptions::SameOrigin
        )
    });
    if !csp_protects && !xfo_protects {
        let message = if !any_ancestors {
            "Any site can frame this page: no frame-ancestors in a CSP header and no valid X-Frame-Options."
        } else {
            "frame-ancestors allows every origin, so any site can frame this page."
        };
        out.fail(
            &FRAMING_UNPROTECTED,
            Location::header("Content-Security-Policy"),
            message,
        )
        .evidence("x_frame_options", cx.header("x-frame-options"));
    }
}
