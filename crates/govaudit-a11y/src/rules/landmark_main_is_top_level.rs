use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A main landmark (`<main>` or `role="main"`) exposed to assistive technology is not
    /// inside another landmark.
    ///
    /// ## Why it matters
    /// The main landmark is where "skip to main content" leads; nested in another landmark, its content is presented as part of that landmark.
    ///
    /// ## How to fix
    /// Move `<main>` out of other landmarks to the top level of `<body>`.
    pub LANDMARK_MAIN_IS_TOP_LEVEL = {
        id: "a11y/landmark-main-is-top-level",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:landmark-main-is-top-level")],
    }
}

/// Applies to every main landmark of the page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    crate::landmarks::check_top_level(page, out, &LANDMARK_MAIN_IS_TOP_LEVEL, "main");
}
