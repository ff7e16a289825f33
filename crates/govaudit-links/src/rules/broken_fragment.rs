use super::{describe, link_finding};
use crate::extract::Link;
use govaudit_core::{Finding, Outcome, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A link to `page#fragment` where the target HTML page has no element with that `id` and no
    /// `<a name>` with that name (same-page and cross-page). `#top` and an empty fragment are
    /// valid (the HTML standard scrolls to the top); fragments on non-HTML targets such as a PDF
    /// `#page=2` are not checked.
    ///
    /// ## Why it matters
    /// The reader lands at the top of a long page instead of the section promised, which on
    /// guides and disclosure pages often means not finding it at all.
    ///
    /// ## How to fix
    /// Use the `id` the target section really has, or add it to the section.
    pub BROKEN_FRAGMENT = {
        id: "links/broken-fragment",
        severity: Severity::Medium,
        standards: [],
        sources: [Source::inspired("lychee:include-fragments"), Source::inspired("htmltest:CheckInternalHash")],
    }
}

pub(crate) fn report(report_url: &str, link: &Link, fragment: &str) -> Finding {
    let mut finding = link_finding(
        &BROKEN_FRAGMENT,
        Outcome::Fail,
        report_url,
        link,
        format!(
            "{} points at #{fragment}, which does not exist in the target page.",
            describe(link)
        ),
    );
    finding.evidence("fragment", fragment);
    finding
}
