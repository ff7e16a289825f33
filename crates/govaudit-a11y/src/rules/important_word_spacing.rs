use crate::Page;
use crate::text_spacing::{Spacing, check as check_spacing};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `word-spacing` declared `!important` in a `style` attribute is at least 0.16 times the
    /// font size of the text it applies to.
    ///
    /// ## Why it matters
    /// People with low vision or dyslexia widen the word spacing with their own style sheet to read
    /// (WCAG 1.4.12). An `!important` inline declaration defeats their style sheet; it is only
    /// harmless when it already gives the spacing they need.
    ///
    /// ## How to fix
    /// Drop `!important` from the `style` attribute, or set `word-spacing` to at least 0.16 em.
    pub IMPORTANT_WORD_SPACING = {
        id: "a11y/important-word-spacing",
        severity: Severity::Medium,
        standards: ["WCAG22:1.4.12", "EN301549:9.1.4.12"],
        sources: [Source::same("ACT:9e45ec"), Source::inspired("axe:avoid-inline-spacing")],
    }
}

/// Applies to visible elements whose `style` attribute declares `word-spacing` `!important` and
/// whose visible text takes that value.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    check_spacing(page, out, &IMPORTANT_WORD_SPACING, Spacing::Word);
}
