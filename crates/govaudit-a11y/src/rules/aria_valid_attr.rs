use crate::Page;
use crate::aria;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `aria-*` attribute is one WAI-ARIA defines (`aria-labelledby`, not `aria-labeledby`
    /// or `aria-labelled`).
    ///
    /// ## Why it matters
    /// Browsers ignore attributes WAI-ARIA does not define, so a misspelt one silently loses the
    /// name, state or relationship the author meant to give to assistive technology.
    ///
    /// ## How to fix
    /// Correct the spelling to a WAI-ARIA 1.2 state or property, or remove the attribute.
    pub ARIA_VALID_ATTR = {
        id: "a11y/aria-valid-attr",
        severity: Severity::Critical,
        standards: [
            "WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3",
            "WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3",
        ],
        sources: [Source::same("ACT:5f99a7"), Source::same("axe:aria-valid-attr")],
    }
}

/// Applies to every `aria-*` attribute on an HTML or SVG element.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_aria_attrs() {
        if element.is_in_template() || !(element.is_html() || element.is_svg()) {
            continue;
        }
        for (name, _) in aria::aria_attributes(&element) {
            out.applies(&ARIA_VALID_ATTR, || element.location());
            if aria::attribute(&name.to_ascii_lowercase()).is_none() {
                out.fail(
                    &ARIA_VALID_ATTR,
                    element.location(),
                    format!(
                        "`{name}` is not a WAI-ARIA attribute (misspelt?), so browsers ignore it."
                    ),
                )
                .evidence("attribute", name);
            }
        }
    }
}
