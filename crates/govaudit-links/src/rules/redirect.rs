use super::{describe, link_finding};
use crate::extract::Link;
use govaudit_core::{Finding, Outcome, Redirect, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A link whose target answers with a permanent redirect (301, 308) to another address that
    /// works.
    ///
    /// ## Why it matters
    /// Every visit pays an extra round trip, and the old address may stop redirecting when the
    /// other site is rebuilt.
    ///
    /// ## How to fix
    /// Update the link to the final address shown in the evidence.
    pub REDIRECT = {
        id: "links/redirect",
        severity: Severity::Info,
        standards: [],
        sources: [],
    }
}

pub(crate) fn report(
    report_url: &str,
    link: &Link,
    final_url: &str,
    redirects: &[Redirect],
) -> Finding {
    let mut finding = link_finding(
        &REDIRECT,
        Outcome::Fail,
        report_url,
        link,
        format!("{} redirects permanently to {final_url}.", describe(link)),
    );
    finding
        .evidence("final_url", final_url)
        .evidence("redirects", redirects);
    finding
}
