use crate::Page;
use crate::rules::heading_order::heading_level;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The page has a level-one heading (`<h1>` or `role="heading" aria-level="1"`) that is
    /// exposed to assistive technology.
    ///
    /// ## Why it matters
    /// Screen-reader users jump to the first `<h1>` to skip headers and menus and reach the
    /// page's main content.
    ///
    /// ## How to fix
    /// Mark the title of the page's main content as `<h1>` (e.g. the article title).
    pub PAGE_HAS_HEADING_ONE = {
        id: "a11y/page-has-heading-one",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "WCAG22:2.4.1", "EN301549:9.1.3.1"],
        sources: [Source::same("axe:page-has-heading-one")],
    }
}

/// Applies to HTML pages with a rendered `<body>` that has text.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let Some(root) = page.content_root() else {
        return;
    };
    out.applies(&PAGE_HAS_HEADING_ONE, || root.location());
    let has_h1 = page
        .doc
        .elements()
        .any(|e| heading_level(page, &e) == Some(1) && page.visibility().in_accessibility_tree(&e));
    if !has_h1 {
        out.fail(
            &PAGE_HAS_HEADING_ONE,
            crate::landmarks::page_location(&root),
            "The page has no level-one heading (<h1>).",
        );
    }
}
