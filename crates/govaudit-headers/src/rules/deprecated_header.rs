use super::Context;
use crate::tables::DEPRECATED_HEADERS;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Deprecated security headers: `X-XSS-Protection` (other than `0`), `Expect-CT`, `Public-Key-Pins`, `Feature-Policy`.
    ///
    /// ## Why it matters
    /// They do nothing in current browsers (X-XSS-Protection `1` could even open leaks in old ones); Public-Key-Pins can lock visitors out.
    ///
    /// ## How to fix
    /// Remove them, or use the replacement named in the message.
    pub DEPRECATED_HEADER = {
        id: "headers/deprecated-header",
        severity: Severity::Info,
        standards: ["CWE-16"],
        sources: [Source::inspired("owasp-secure-headers:headers_add")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    for (name, advice) in DEPRECATED_HEADERS {
        let Some(value) = cx.header(name) else {
            continue;
        };
        if name.eq_ignore_ascii_case("x-xss-protection") && value.trim() == "0" {
            continue;
        }
        out.fail(
            &DEPRECATED_HEADER,
            Location::header(*name),
            format!("{name} is deprecated: {advice}."),
        )
        .evidence("value", &value);
    }
}
