use super::{describe, link_finding};
use crate::extract::Link;
use govaudit_core::{Finding, Outcome, Redirect, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A link or resource whose target does not exist: a missing file in the built site (or a
    /// path above the site root), an HTTP error status (404, 410, 5xx after retries), a name that
    /// does not resolve, a refused connection, a redirect loop, an unparsable URL, or a `file:`
    /// URL (a file on the author's computer, pasted from a word processor). Every page
    /// that carries the link is reported, with line and selector.
    ///
    /// ## Why it matters
    /// Broken links are a scored item in government website inspections (links on the homepage
    /// weigh more); readers cannot reach the service or document they were promised.
    ///
    /// ## How to fix
    /// Point the link at the page's current address, restore the missing file, or remove the
    /// link. For a moved page, keep a permanent redirect from the old address.
    pub BROKEN = {
        id: "links/broken",
        severity: Severity::High,
        standards: [],
        sources: [Source::inspired("lychee"), Source::inspired("linkchecker:error")],
    }
}

/// Why a target counts as broken.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct BrokenReason {
    /// One phrase: "file not found", "HTTP 404", "redirect loop", ...
    pub reason: String,
    pub status: Option<u16>,
    pub final_url: Option<String>,
    pub redirects: Vec<Redirect>,
    /// The file looked for, offline.
    pub file: Option<String>,
}

pub(crate) fn report(report_url: &str, link: &Link, why: &BrokenReason) -> Finding {
    let mut finding = link_finding(
        &BROKEN,
        Outcome::Fail,
        report_url,
        link,
        format!("{} is broken: {}.", describe(link), why.reason),
    );
    finding.evidence("reason", &why.reason);
    if let Some(status) = why.status {
        finding.evidence("status", status);
    }
    if let Some(final_url) = &why.final_url {
        finding.evidence("final_url", final_url);
    }
    if !why.redirects.is_empty() {
        finding.evidence("redirects", &why.redirects);
    }
    if let Some(file) = &why.file {
        finding.evidence("file", file);
    }
    finding
}
