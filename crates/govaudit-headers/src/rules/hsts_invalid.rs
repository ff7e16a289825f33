use super::Context;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `Strict-Transport-Security` header that does not follow RFC 6797: no or non-numeric `max-age`, a repeated directive, or the header sent twice.
    ///
    /// ## Why it matters
    /// Browsers ignore an invalid HSTS header, so the site is not protected even though it looks configured.
    ///
    /// ## How to fix
    /// Send exactly one header such as `max-age=31536000; includeSubDomains`.
    pub HSTS_INVALID = {
        id: "headers/hsts-invalid",
        severity: Severity::High,
        standards: ["CWE-319", "RFC6797:6.1"],
        sources: [Source::inspired("observatory:strict-transport-security")],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    if !cx.exchange.is_https() {
        return;
    }
    let mut lines = cx.exchange.fields("strict-transport-security");
    let Some(first) = lines.next() else { return };
    if lines.next().is_some() {
        let values: Vec<String> = cx
            .exchange
            .fields("strict-transport-security")
            .map(|h| h.value_text())
            .collect();
        out.fail(&HSTS_INVALID, Location::header("Strict-Transport-Security"), "Strict-Transport-Security is sent more than once; browsers use only the first and the Observatory calls it invalid.")
            .evidence("values", &values);
    }
    if let Some(Err(e)) = &cx.hsts {
        out.fail(
            &HSTS_INVALID,
            Location::header("Strict-Transport-Security"),
            format!("Strict-Transport-Security is invalid: {e}."),
        )
        .evidence("value", first.value_text());
    }
}
