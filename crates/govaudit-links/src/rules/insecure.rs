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
    ///
    /// A page served over HTTP has no mixed content. When the page's scheme is unknown (a
    /// directory checked without a site URL), `http:` references are listed for review.
    pub INSECURE = {
        id: "links/insecure",
        severity: Severity::Medium,
        standards: ["W3C-MIXED-CONTENT"],
        sources: [Source::inspired("lighthouse:is-on-https")],
    }
}

pub(super) fn check(cx: &PageContext<'_>, out: &mut Collector) {
    // An HTTP page has no mixed content; on a page of unknown scheme it is only possible.
    let outcome = match cx.secure_page {
        Some(true) => Outcome::Fail,
        Some(false) => return,
        None => Outcome::Review,
    };
    for link in cx.links {
        let Some(url) = link.url() else { continue };
        if url.scheme() != "http" {
            continue;
        }
        // (severity, the failure on an HTTPS page, the review when the scheme is unknown)
        let (severity, on_https, if_https) = match link.kind {
            LinkKind::ActiveResource => (
                Severity::High,
                "is loaded over http: on an HTTPS page (active mixed content, blocked by browsers)",
                "is loaded over http:, which on an HTTPS page is active mixed content, blocked by browsers",
            ),
            LinkKind::FormAction => (
                Severity::High,
                "sends the form over http: from an HTTPS page",
                "sends the form over http:, which from an HTTPS page browsers block or warn about",
            ),
            LinkKind::PassiveResource => (
                Severity::Medium,
                "is loaded over http: on an HTTPS page (mixed content)",
                "is loaded over http:, which on an HTTPS page is mixed content",
            ),
            LinkKind::Navigation => (
                Severity::Low,
                "leads to an http: address from an HTTPS page",
                "leads to an http: address, which from an HTTPS page takes readers off HTTPS",
            ),
            LinkKind::Citation => continue,
        };
        let message = if outcome == Outcome::Fail {
            format!("{} {on_https}.", describe(link))
        } else {
            format!(
                "{} {if_https} (the page's scheme is unknown: give the site URL to decide).",
                describe(link)
            )
        };
        let finding =
            link_finding(&INSECURE, outcome, cx.report_url, link, message).with_severity(severity);
        out.push(finding);
    }
}
