use super::Context;
use govaudit_core::{Collector, Location, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Sub-resources of an HTTPS page loaded over `http://` (scripts, frames, styles, objects, forms: high; images and media: medium). Links are not sub-resources.
    ///
    /// ## Why it matters
    /// Active mixed content is blocked by browsers (the page breaks); passive content can be read or replaced on the network.
    ///
    /// ## How to fix
    /// Load every sub-resource over `https://`, or send CSP `upgrade-insecure-requests`.
    pub MIXED_CONTENT = {
        id: "headers/mixed-content",
        severity: Severity::Medium,
        standards: ["CWE-319", "OWASP-ASVS:9.1.1"],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    if !cx.exchange.is_https() {
        return;
    }
    let upgraded = cx
        .policies
        .iter()
        .any(|p| p.has("upgrade-insecure-requests"));
    let Some(body) = &cx.body else { return };
    for r in &body.insecure_references {
        let f = out.fail(
            &MIXED_CONTENT,
            Location::resource(),
            format!("<{}> loads {} over plain HTTP.", r.element, r.url),
        );
        f.severity = if upgraded {
            Severity::Info
        } else if r.active {
            Severity::High
        } else {
            Severity::Medium
        };
        f.location.snippet = Some(format!("<{} {}=\"{}\">", r.element, r.attribute, r.url));
        f.evidence("reference", r)
            .evidence("upgrade_insecure_requests", upgraded);
    }
}
