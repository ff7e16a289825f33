use super::{PageContext, describe, link_finding};
use crate::attributes::LinkKind;
use govaudit_core::{Collector, Outcome, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An `http:` reference on a page served (or to be served) over HTTPS: scripts, stylesheets,
    /// frames and form actions (high: browsers block them or warn), images and media (medium:
    /// mixed content that browsers upgrade or flag), and plain links (low). Citations are not
    /// loaded and are not reported.
    ///
    /// ## Why it matters
    /// Government sites must be served over HTTPS. A blocked script breaks the page; an `http:`
    /// form sends what the citizen typed in clear text; `http:` links lead readers off HTTPS.
    ///
    /// ## How to fix
    /// Use `https://` (or a relative URL) for the reference; host the resource over HTTPS.
    pub INSECURE = {
        id: "links/insecure",
        severity: Severity::Medium,
        standards: ["W3C-MIXED-CONTENT"],
        sources: [Source::inspired("lighthouse:is-on-https")],
    }
}

pub(super) fn check(cx: &PageContext<'_>, out: &mut Collector) {
    if !cx.secure_page {
        return;
    }
    for link in cx.links {
        let Some(url) = link.url() else { continue };
        if url.scheme() != "http" {
            continue;
        }
        let (severity, what) = match link.kind {
            LinkKind::ActiveResource => (
                Severity::High,
                "is loaded over http: on an HTTPS page (active mixed content, blocked by browsers)",
            ),
            LinkKind::FormAction => (
                Severity::High,
                "sends the form over http: from an HTTPS page",
            ),
            LinkKind::PassiveResource => (
                Severity::Medium,
                "is loaded over http: on an HTTPS page (mixed content)",
            ),
            LinkKind::Navigation => (
                Severity::Low,
                "leads to an http: address from an HTTPS page",
            ),
            LinkKind::Citation => continue,
        };
        let finding = link_finding(
            &INSECURE,
            Outcome::Fail,
            cx.report_url,
            link,
            format!("{} {what}.", describe(link)),
        )
        .with_severity(severity);
        out.push(finding);
    }
}
