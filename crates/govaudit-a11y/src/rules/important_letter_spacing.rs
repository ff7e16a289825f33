use crate::Page;
use crate::text_spacing::{Spacing, check as check_spacing};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `letter-spacing` declared `!important` in a `style` attribute is at least 0.12 times the
    /// font size of the text it applies to.
    ///
    /// ## Why it matters
    /// People with low vision or dyslexia widen the letter spacing with their own style sheet to read
    /// (WCAG 1.4.12). An `!important` inline declaration defeats their style sheet; it is only
    /// harmless when it already gives the spacing they need.
    ///
    /// ## How to fix
    /// Drop `!important` from the `style` attribute, or set `letter-spacing` to at least 0.12 em.
    pub IMPORTANT_LETTER_SPACING = {
        id: "a11y/important-letter-spacing",
        severity: Severity::Medium,
        standards: ["WCAG22:1.4.12", "EN301549:9.1.4.12"],
        sources: [Source::same("ACT:24afc2"), Source::inspired("axe:avoid-inline-spacing")],
    }
}

/// Applies to visible elements whose `style` attribute declares `letter-spacing` `!important` and
/// whose visible text takes that value.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    check_spacing(page, out, &IMPORTANT_LETTER_SPACING, Spacing::Letter);
}
