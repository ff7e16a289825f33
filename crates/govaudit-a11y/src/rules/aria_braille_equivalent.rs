use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// `aria-braillelabel` is only used on an element that also has an accessible name, and
    /// `aria-brailleroledescription` only together with a non-empty `aria-roledescription`.
    ///
    /// ## Why it matters
    /// The braille attributes are abbreviations of the name and the role description for
    /// braille displays. Without the full text, speech users get nothing and braille users
    /// get only an abbreviation they may not understand.
    ///
    /// ## How to fix
    /// Give the element a name (content, `aria-label`, a `<label>`) and a `aria-roledescription`
    /// before adding their braille forms, or remove the braille attributes.
    pub ARIA_BRAILLE_EQUIVALENT = {
        id: "a11y/aria-braille-equivalent",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("axe:aria-braille-equivalent")],
    }
}

/// Applies to elements in the accessibility tree with a non-empty `aria-braillelabel` or
/// `aria-brailleroledescription`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_aria_attrs() {
        if element.is_in_template() || !(element.is_html() || element.is_svg()) {
            continue;
        }
        let label = non_empty(&element, "aria-braillelabel");
        let role_description = non_empty(&element, "aria-brailleroledescription");
        if !(label || role_description) || !page.visibility().in_accessibility_tree(&element) {
            continue;
        }
        out.applies(&ARIA_BRAILLE_EQUIVALENT, || element.location());
        if label && page.name(&element).is_empty() {
            out.fail(
                &ARIA_BRAILLE_EQUIVALENT,
                element.location(),
                "aria-braillelabel is set but the element has no accessible name.",
            );
        }
        if role_description && !non_empty(&element, "aria-roledescription") {
            out.fail(
                &ARIA_BRAILLE_EQUIVALENT,
                element.location(),
                "aria-brailleroledescription is set without aria-roledescription.",
            );
        }
    }
}

fn non_empty(element: &Element<'_>, name: &str) -> bool {
    element.attr(name).is_some_and(|v| !v.trim().is_empty())
}
