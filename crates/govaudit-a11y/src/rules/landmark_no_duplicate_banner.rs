use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The page has at most one banner landmark (`<header>` or `role="banner"`) exposed to
    /// assistive technology. Every one after the first fails.
    ///
    /// ## Why it matters
    /// Screen readers list landmarks and jump to the banner; two banners leave users guessing which one holds the site header.
    ///
    /// ## How to fix
    /// Keep one page-level `<header>` (a `<header>` inside `<article>`, `<aside>`, `<main>`, `<nav>` or `<section>` is not a banner), or remove the extra `role="banner"`.
    pub LANDMARK_NO_DUPLICATE_BANNER = {
        id: "a11y/landmark-no-duplicate-banner",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:landmark-no-duplicate-banner")],
    }
}

/// Applies to every banner landmark of the page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    crate::landmarks::check_no_duplicate(
        page,
        out,
        &LANDMARK_NO_DUPLICATE_BANNER,
        "banner",
        "<header>",
    );
}
