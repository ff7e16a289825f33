use crate::Page;
use crate::review::{review_first, shown_focusable};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to tab through the page and check that the focused element is always
    /// visibly marked. Focus styles depend on rendering, so this rule reports `review`.
    ///
    /// ## Why it matters
    /// Keyboard users must see where they are; `outline: none` without a replacement hides it.
    ///
    /// ## How to fix
    /// Keep the browser's focus outline, or style `:focus-visible` with a clear outline.
    pub FOCUS_VISIBLE = {
        id: "a11y/focus-visible",
        severity: Severity::Low,
        standards: ["WCAG22:2.4.7", "EN301549:9.2.4.7"],
        sources: [Source::inspired("ACT:oj04fd")],
    }
}

/// Applies to rendered focusable elements.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    review_first(
        out,
        &FOCUS_VISIBLE,
        shown_focusable(page),
        &["oj04fd"],
        |n| {
            format!(
                "Check that each of the {n} focusable element(s) shows a visible focus indicator."
            )
        },
    );
}
