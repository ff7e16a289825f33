use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// Heading levels go down one step at a time: an `<h2>` may follow an `<h1>`, but an `<h4>`
    /// may not follow an `<h2>` (going back up any number of levels is fine).
    ///
    /// ## Why it matters
    /// Screen-reader users read the outline of a page from its heading levels; a skipped level
    /// suggests a missing section.
    ///
    /// ## How to fix
    /// Choose heading levels by structure, not by size, and style them with CSS.
    pub HEADING_ORDER = {
        id: "a11y/heading-order",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:heading-order")],
    }
}

/// Applies to headings in the accessibility tree, after the first one.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut previous: Option<u32> = None;
    for element in page.elements_with_role(|r| r.name == "heading") {
        let Some(level) = heading_level(page, &element) else {
            continue;
        };
        if !page.visibility().in_accessibility_tree(&element) {
            continue;
        }
        if let Some(before) = previous {
            out.applies(&HEADING_ORDER, || element.location());
            if level > before + 1 {
                out.fail(
                    &HEADING_ORDER,
                    element.location(),
                    format!("This level-{level} heading follows a level-{before} heading: level {} is skipped.", before + 1),
                );
            }
        }
        previous = Some(level);
    }
}

/// The level of a heading (`<h1>`…`<h6>`, or `role="heading"` with `aria-level`, default 2).
pub(crate) fn heading_level(page: &Page<'_>, element: &Element<'_>) -> Option<u32> {
    if page.role(element) != Some("heading") {
        return None;
    }
    let aria = element
        .attr("aria-level")
        .and_then(|l| l.trim().parse::<u32>().ok())
        .filter(|&l| l > 0);
    let native = element
        .name()
        .strip_prefix('h')
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|n| (1..=6).contains(n) && element.is_html());
    aria.or(native).or(Some(2))
}
