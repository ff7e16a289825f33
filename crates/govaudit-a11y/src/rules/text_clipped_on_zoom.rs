use crate::Page;
use crate::review::{inline_declarations, is_shown, review_first};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to zoom the page to 200% and check text in boxes of fixed size that hide
    /// their overflow (`overflow: hidden` or `clip` with a set height or width): the text must
    /// not be cut off. Clipping depends on layout, so this rule reports `review`.
    ///
    /// ## Why it matters
    /// People with low vision zoom text; text cut off at the edge of its box is lost to them
    /// (WCAG 1.4.4).
    ///
    /// ## How to fix
    /// Size text boxes in relative units that grow with the text (`min-height` in `em`), or let
    /// them scroll.
    pub TEXT_CLIPPED_ON_ZOOM = {
        id: "a11y/text-clipped-on-zoom",
        severity: Severity::Low,
        standards: ["WCAG22:1.4.4", "EN301549:9.1.4.4", "GB/T37668-2019:3.2.2.2"],
        sources: [Source::inspired("ACT:59br37")],
    }
}

/// Applies to rendered elements with text whose `style` attribute hides overflow at a fixed
/// size.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let boxes = page.elements_with_attr("style").filter(|e| {
        let declarations = inline_declarations(e);
        let clips = declarations.iter().any(|(p, v)| {
            p.starts_with("overflow") && (v.contains("hidden") || v.contains("clip"))
        });
        let sized = declarations.iter().any(|(p, v)| {
            matches!(p.as_str(), "height" | "max-height" | "width" | "max-width")
                && v.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || c == '.')
        });
        clips
            && sized
            && is_shown(page, e)
            && page.visibility().is_visible(e)
            && crate::page::has_text(e)
    });
    review_first(out, &TEXT_CLIPPED_ON_ZOOM, boxes, &["59br37"], |n| {
        format!(
            "{n} box(es) of fixed size hide overflowing text: check at 200% zoom that no text is cut off."
        )
    });
}
