use crate::Page;
use crate::contrast::check_contrast;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Text has a contrast ratio of at least 4.5:1 against its background (3.0:1 for large
    /// text: 24 px, or 18.66 px bold), computed from the colours the page's CSS gives it (WCAG
    /// minimum contrast). Where the colours cannot be known without rendering (background
    /// images, gradients, positioned layers, shadows, unresolved values) it asks for a review
    /// instead of guessing.
    ///
    /// ## Why it matters
    /// Low-contrast text is the most common accessibility failure on the web; people with low
    /// vision, older people and anyone reading a phone in sunlight cannot read it.
    ///
    /// ## How to fix
    /// Darken the text or lighten the background (for example #767676 is the lightest grey
    /// that reaches 4.5:1 on white).
    pub COLOR_CONTRAST = {
        id: "a11y/color-contrast",
        severity: Severity::High,
        standards: ["WCAG22:1.4.3", "EN301549:9.1.4.3"],
        sources: [Source::same("ACT:afw4f7"), Source::same("axe:color-contrast")],
    }
}

/// Applies to visible text in the accessibility tree, except parts of disabled widgets.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    check_contrast(page, out, &COLOR_CONTRAST, "afw4f7", (3.0, 4.5));
}
