use super::{describe, link_finding};
use crate::extract::Link;
use govaudit_core::{Finding, Outcome, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A link whose target could not be verified: it kept answering 429 (rate limited) after
    /// honouring `Retry-After`, a firewall answered 403 to a non-browser client, or the request
    /// timed out. The outcome is `review`, never "broken".
    ///
    /// ## Why it matters
    /// These targets usually work for people. Calling them broken would send web editors after
    /// links that are fine; ignoring them would hide real outages.
    ///
    /// ## How to fix
    /// Open the link in a browser. If it works, nothing is to be done (add it to the exclusions
    /// if it keeps coming back); if it does not, fix it as a broken link.
    pub UNVERIFIABLE = {
        id: "links/unverifiable",
        severity: Severity::Low,
        standards: [],
        sources: [],
    }
}

pub(crate) fn report(report_url: &str, link: &Link, reason: &str, status: Option<u16>) -> Finding {
    let mut finding = link_finding(
        &UNVERIFIABLE,
        Outcome::Review,
        report_url,
        link,
        format!("{} could not be verified: {reason}.", describe(link)),
    );
    finding.evidence("reason", reason);
    if let Some(status) = status {
        finding.evidence("status", status);
    }
    finding
}
