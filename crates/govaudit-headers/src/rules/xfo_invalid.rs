use super::Context;
use crate::parse::XFrameOptions;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `X-Frame-Options` values other than `DENY` or `SAMEORIGIN` (including the obsolete `ALLOW-FROM` and conflicting repeated values).
    ///
    /// ## Why it matters
    /// Browsers ignore an invalid value; `ALLOW-FROM` is ignored by every current browser.
    ///
    /// ## How to fix
    /// Use `DENY` or `SAMEORIGIN`, and CSP `frame-ancestors` for an allowlist.
    pub XFO_INVALID = {
        id: "headers/xfo-invalid",
        severity: Severity::Low,
        standards: ["CWE-1021"],
        sources: [Source::inspired("observatory:x-frame-options")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let Some(value) = cx.header("x-frame-options") else {
        return;
    };
    let message = match XFrameOptions::parse(&value) {
        XFrameOptions::Deny | XFrameOptions::SameOrigin => return,
        XFrameOptions::AllowFrom(_) => {
            "X-Frame-Options ALLOW-FROM is obsolete and ignored by browsers."
        }
        XFrameOptions::Invalid(_) => "X-Frame-Options has a value browsers do not recognise.",
    };
    out.fail(&XFO_INVALID, Location::header("X-Frame-Options"), message)
        .evidence("value", &value);
}
