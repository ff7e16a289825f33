use crate::Page;
use crate::review::{is_shown, review_first};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check that the page's headings describe the content that follows them,
    /// which a machine cannot judge.
    ///
    /// ## Why it matters
    /// Screen-reader users jump from heading to heading to find content; vague headings
    /// ("更多", "栏目") make that useless.
    ///
    /// ## How to fix
    /// Write headings that name their section's topic.
    pub HEADING_DESCRIPTIVE = {
        id: "a11y/heading-descriptive",
        severity: Severity::Low,
        standards: ["WCAG22:2.4.6", "EN301549:9.2.4.6"],
        sources: [Source::inspired("ACT:b49b2e")],
    }
}

/// Applies to rendered headings: `<h1>`…`<h6>` and `role="heading"`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let headings = page
        .candidates(&["h1", "h2", "h3", "h4", "h5", "h6"], &["role"])
        .into_iter()
        .filter(|e| {
            let explicit = e
                .attr("role")
                .map(|r| r.split_ascii_whitespace().next() == Some("heading"));
            let heading = match explicit {
                Some(is_heading) => is_heading,
                None => e.is_html() && matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
            };
            heading && is_shown(page, e)
        });
    review_first(out, &HEADING_DESCRIPTIVE, headings, &["b49b2e"], |n| {
        format!("Check that the {n} heading(s) on this page describe the content they introduce.")
    });
}
