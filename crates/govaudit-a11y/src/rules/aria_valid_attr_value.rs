use crate::Page;
use crate::aria;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every WAI-ARIA state or property with a non-empty value has a value its type allows:
    /// `true`/`false` for `aria-required`, one of the listed tokens for `aria-live` or
    /// `aria-current`, an integer for `aria-level`, a number for `aria-valuenow`.
    ///
    /// ## Why it matters
    /// Browsers treat an invalid value as if the attribute were absent or use a default, so the
    /// state announced to screen-reader users is not the one the author meant.
    ///
    /// ## How to fix
    /// Use a value WAI-ARIA 1.2 allows for the attribute (e.g. `aria-expanded="false"`, not
    /// `"collapsed"`). An `aria-labelledby` / `aria-describedby` that refers to no element on
    /// the page is reported for review (script may create the element later).
    pub ARIA_VALID_ATTR_VALUE = {
        id: "a11y/aria-valid-attr-value",
        severity: Severity::Critical,
        standards: [
            "WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3",
            "WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3",
        ],
        sources: [Source::same("ACT:6a7281"), Source::same("axe:aria-valid-attr-value")],
    }
}

/// Applies to every defined WAI-ARIA attribute on an HTML or SVG element whose value is not
/// empty or only white space (an empty value means "use the default").
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_aria_attrs() {
        if element.is_in_template() || !(element.is_html() || element.is_svg()) {
            continue;
        }
        for (name, value) in aria::aria_attributes(&element) {
            let Some(attribute) = aria::attribute(&name.to_ascii_lowercase()) else {
                continue;
            };
            if value.trim().is_empty() {
                continue;
            }
            out.applies(&ARIA_VALID_ATTR_VALUE, || element.location());
            if matches!(attribute.name, "aria-labelledby" | "aria-describedby")
                && !value
                    .split_ascii_whitespace()
                    .any(|id| page.doc.element_by_id(id).is_some())
            {
                // Script may add the target later, so a person must look (axe: needs review).
                out.review(
                    &ARIA_VALID_ATTR_VALUE,
                    element.location(),
                    format!(
                        "`{name}` refers to no element on the page (ids: {}).",
                        value.trim()
                    ),
                )
                .evidence("attribute", name)
                .evidence("value", value);
                continue;
            }
            if !aria::is_valid_value(attribute, value) {
                out.fail(
                    &ARIA_VALID_ATTR_VALUE,
                    element.location(),
                    format!(
                        "`{name}=\"{}\"` is not a valid value ({}).",
                        value.trim(),
                        expected(attribute)
                    ),
                )
                .evidence("attribute", name)
                .evidence("value", value);
            }
        }
    }
}

fn expected(attribute: &aria::Attribute) -> String {
    use aria::ValueType::*;
    match attribute.value {
        TrueFalse => "expected true or false".into(),
        TrueFalseUndefined => "expected true, false or undefined".into(),
        Tristate => "expected true, false, mixed or undefined".into(),
        Integer => "expected an integer".into(),
        Number => "expected a number".into(),
        Token(tokens) => format!("expected one of: {}", tokens.join(", ")),
        TokenList(tokens) => format!("expected a list of: {}", tokens.join(", ")),
        String | IdReference | IdReferenceList => "unexpected".into(),
    }
}
