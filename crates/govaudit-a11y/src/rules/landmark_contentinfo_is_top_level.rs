use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A contentinfo landmark (`<footer>` or `role="contentinfo"`) exposed to assistive technology is not
    /// inside another landmark.
    ///
    /// ## Why it matters
    /// The contentinfo landmark holds the site footer; nested in another landmark, screen readers present it as part of that landmark.
    ///
    /// ## How to fix
    /// Move the `<footer>` (or `role="contentinfo"`) out of other landmarks to the top level of `<body>`.
    pub LANDMARK_CONTENTINFO_IS_TOP_LEVEL = {
        id: "a11y/landmark-contentinfo-is-top-level",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:landmark-contentinfo-is-top-level")],
    }
}

/// Applies to every contentinfo landmark of the page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    crate::landmarks::check_top_level(page, out, &LANDMARK_CONTENTINFO_IS_TOP_LEVEL, "contentinfo");
}
