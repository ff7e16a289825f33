use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The page has at most one contentinfo landmark (`<footer>` or `role="contentinfo"`) exposed to
    /// assistive technology. Every one after the first fails.
    ///
    /// ## Why it matters
    /// Screen readers jump to the contentinfo landmark for the site footer (contacts, 备案 number); two of them leave users guessing which one is the page's footer.
    ///
    /// ## How to fix
    /// Keep one page-level `<footer>` (a `<footer>` inside `<article>`, `<aside>`, `<main>`, `<nav>` or `<section>` is not contentinfo), or remove the extra `role="contentinfo"`.
    pub LANDMARK_NO_DUPLICATE_CONTENTINFO = {
        id: "a11y/landmark-no-duplicate-contentinfo",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:landmark-no-duplicate-contentinfo")],
    }
}

/// Applies to every contentinfo landmark of the page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    crate::landmarks::check_no_duplicate(
        page,
        out,
        &LANDMARK_NO_DUPLICATE_CONTENTINFO,
        "contentinfo",
        "<footer>",
    );
}
