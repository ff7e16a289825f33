use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The page has a main landmark (`<main>` or `role="main"`) exposed to assistive
    /// technology.
    ///
    /// ## Why it matters
    /// Screen readers offer a key to jump to the main landmark, past the header and menus
    /// every page repeats.
    ///
    /// ## How to fix
    /// Wrap the page's own content in `<main>` (one per page).
    pub LANDMARK_ONE_MAIN = {
        id: "a11y/landmark-one-main",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "WCAG22:2.4.1", "EN301549:9.2.4.1"],
        sources: [Source::same("axe:landmark-one-main")],
    }
}

/// Applies to HTML pages with a rendered `<body>` that has text.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let Some(root) = page.content_root() else {
        return;
    };
    out.applies(&LANDMARK_ONE_MAIN, || root.location());
    let has_main = page
        .doc
        .elements()
        .any(|e| page.role(&e) == Some("main") && page.visibility().in_accessibility_tree(&e));
    if !has_main {
        out.fail(
            &LANDMARK_ONE_MAIN,
            crate::landmarks::page_location(&root),
            "The page has no main landmark (<main>).",
        );
    }
}
