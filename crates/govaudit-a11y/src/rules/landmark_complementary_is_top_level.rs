use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A complementary landmark (`<aside>` or `role="complementary"`) exposed to assistive technology is not
    /// inside another landmark.
    ///
    /// ## Why it matters
    /// Complementary content (`<aside>`, sidebars) is meant to be found as its own landmark beside the main content; nested in another landmark it is presented as part of that one.
    ///
    /// ## How to fix
    /// Move the `<aside>` (or `role="complementary"`) out of other landmarks, or use a `<section>` with a heading inside the outer landmark instead.
    pub LANDMARK_COMPLEMENTARY_IS_TOP_LEVEL = {
        id: "a11y/landmark-complementary-is-top-level",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:landmark-complementary-is-top-level")],
    }
}

/// Applies to every complementary landmark of the page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    crate::landmarks::check_top_level(
        page,
        out,
        &LANDMARK_COMPLEMENTARY_IS_TOP_LEVEL,
        "complementary",
    );
}
