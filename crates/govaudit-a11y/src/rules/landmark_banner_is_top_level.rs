use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A banner landmark (`<header>` or `role="banner"`) exposed to assistive technology is not
    /// inside another landmark.
    ///
    /// ## Why it matters
    /// The banner holds the site header; nested in another landmark, screen readers present it as part of that landmark and users looking for the site header miss it.
    ///
    /// ## How to fix
    /// Move the `<header>` (or `role="banner"`) out of other landmarks to the top level of `<body>`.
    pub LANDMARK_BANNER_IS_TOP_LEVEL = {
        id: "a11y/landmark-banner-is-top-level",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:landmark-banner-is-top-level")],
    }
}

/// Applies to every banner landmark of the page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    crate::landmarks::check_top_level(page, out, &LANDMARK_BANNER_IS_TOP_LEVEL, "banner");
}
