use crate::Page;
use crate::review::{inline_declarations, is_shown, review_first};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check regions that scroll (`overflow: auto` or `scroll` with a fixed
    /// size) but contain nothing a keyboard can focus: keyboard users can scroll them only if
    /// the region itself is focusable (`tabindex="0"`). Whether the content really overflows
    /// depends on layout, so this rule reports `review`.
    ///
    /// ## Why it matters
    /// Text in a scroll box that keyboard users cannot scroll is out of their reach.
    ///
    /// ## How to fix
    /// Add `tabindex="0"` and an accessible name (`aria-label`) to the scrolling region, or let
    /// the content grow instead of scrolling.
    pub SCROLLABLE_REGION_FOCUSABLE = {
        id: "a11y/scrollable-region-focusable",
        severity: Severity::Low,
        standards: ["WCAG22:2.1.1", "EN301549:9.2.1.1", "GB/T37668-2019:3.3.3.1"],
        sources: [Source::inspired("ACT:0ssw9k"), Source::inspired("axe:scrollable-region-focusable")],
    }
}

/// Applies to rendered elements whose `style` attribute makes them scroll at a fixed size and
/// that neither are nor contain a focusable element.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let focus = page.focus();
    let regions = page.elements_with_attr("style").filter(|e| {
        let declarations = inline_declarations(e);
        let scrolls = declarations.iter().any(|(p, v)| {
            p.starts_with("overflow") && (v.contains("auto") || v.contains("scroll"))
        });
        let sized = declarations
            .iter()
            .any(|(p, _)| matches!(p.as_str(), "height" | "max-height" | "width" | "max-width"));
        scrolls
            && sized
            && is_shown(page, e)
            && crate::page::has_text(e)
            && !focus.is_focusable(e)
            && !e.descendants().any(|d| focus.is_focusable(&d))
    });
    review_first(
        out,
        &SCROLLABLE_REGION_FOCUSABLE,
        regions,
        &["0ssw9k"],
        |n| {
            format!(
                "{n} scrolling region(s) contain nothing focusable: check keyboard users can scroll them."
            )
        },
    );
}
