use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The page has at most one main landmark (`<main>` or `role="main"`) exposed to
    /// assistive technology. Every one after the first fails.
    ///
    /// ## Why it matters
    /// The "skip to main content" key of screen readers goes to the first main landmark; content in a second one is skipped or confusing.
    ///
    /// ## How to fix
    /// Wrap the page's own content in a single `<main>`; use `<section>` or `<article>` inside it for parts.
    pub LANDMARK_NO_DUPLICATE_MAIN = {
        id: "a11y/landmark-no-duplicate-main",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:landmark-no-duplicate-main")],
    }
}

/// Applies to every main landmark of the page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    crate::landmarks::check_no_duplicate(page, out, &LANDMARK_NO_DUPLICATE_MAIN, "main", "<main>");
}
