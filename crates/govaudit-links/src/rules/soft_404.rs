use super::{describe, link_finding};
use crate::extract::Link;
use govaudit_core::{Finding, Outcome, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A link whose target answers 200 but whose title or text says the page does not exist
    /// ("页面不存在", "404", "Page not found", ...), or that redirects to the site's homepage.
    /// The outcome is `review`.
    ///
    /// ## Why it matters
    /// Many content management systems answer a missing page with a normal page that says so: a
    /// status-only checker calls the link fine while readers see an error.
    ///
    /// ## How to fix
    /// Fix the link as a broken one; configure the server to answer missing pages with 404.
    pub SOFT_404 = {
        id: "links/soft-404",
        severity: Severity::Medium,
        standards: [],
        sources: [],
    }
}

pub(crate) fn report(report_url: &str, link: &Link, reason: &str, final_url: &str) -> Finding {
    let mut finding = link_finding(
        &SOFT_404,
        Outcome::Review,
        report_url,
        link,
        format!(
            "{} seems to lead to an error page: {reason}.",
            describe(link)
        ),
    );
    finding
        .evidence("reason", reason)
        .evidence("final_url", final_url);
    finding
}
