use super::{describe, link_finding};
use crate::extract::Link;
use govaudit_core::{Finding, Outcome, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An internal link whose path differs from an existing file only in letter case
    /// (`xwzx/News.html` for `xwzx/news.html`).
    ///
    /// ## Why it matters
    /// The link works on a Windows or macOS file system, where the site was built and previewed,
    /// and breaks (404) on the Linux server that publishes it.
    ///
    /// ## How to fix
    /// Write the path exactly as the file is named (lowercase names avoid the problem).
    pub CASE_MISMATCH = {
        id: "links/case-mismatch",
        severity: Severity::High,
        standards: [],
        sources: [],
    }
}

pub(crate) fn report(report_url: &str, link: &Link, looked_for: &str, actual: &str) -> Finding {
    let mut finding = link_finding(
        &CASE_MISMATCH,
        Outcome::Fail,
        report_url,
        link,
        format!(
            "{} names {looked_for}, but the file is {actual}: it breaks on case-sensitive servers.",
            describe(link)
        ),
    );
    finding
        .evidence("reason", "case mismatch")
        .evidence("file", looked_for)
        .evidence("actual_file", actual);
    finding
}
