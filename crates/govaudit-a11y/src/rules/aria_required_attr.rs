use crate::Page;
use crate::aria::{self, roles_implicit::implicit_role};
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// An element given a role with the `role` attribute also has the states and properties that
    /// role requires: `aria-checked` for `checkbox`, `radio`, `switch`, `menuitemcheckbox` and
    /// `menuitemradio`; `aria-level` for `heading`; `aria-expanded` for `combobox`;
    /// `aria-valuenow` for `slider`, `meter`, `scrollbar` and a focusable `separator`;
    /// `aria-controls` for `scrollbar`.
    ///
    /// ## Why it matters
    /// Without the required state, assistive technology cannot tell users whether the checkbox
    /// is checked, the combobox is open, or what value the slider has.
    ///
    /// ## How to fix
    /// Add the required attribute and keep it up to date from script (e.g. `aria-checked`
    /// toggled on click), or use the native HTML element, which provides the state itself.
    pub ARIA_REQUIRED_ATTR = {
        id: "a11y/aria-required-attr",
        severity: Severity::Critical,
        standards: [
            "WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3",
            "WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3",
        ],
        sources: [Source::same("ACT:4e8ab6"), Source::same("axe:aria-required-attr")],
    }
}

/// Applies to HTML and SVG elements with an explicit role, included in the accessibility tree,
/// whose implicit role is not that same role (the native element then carries the state).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_attr("role") {
        if !element.has_attr("role") || element.is_in_template() {
            continue;
        }
        let Some(role) = aria::explicit_role(&element) else {
            continue;
        };
        if implicit_role(&element) == Some(role.name)
            || page.role(&element) != Some(role.name)
            || !page.visibility().in_accessibility_tree(&element)
        {
            continue;
        }
        out.applies(&ARIA_REQUIRED_ATTR, || element.location());
        let mut required: Vec<&str> = role.required_attrs.to_vec();
        if role.name == "separator" && page.focus().is_focusable(&element) {
            required.push("aria-valuenow");
        }
        let missing: Vec<&str> = required
            .into_iter()
            .filter(|name| !has_value(&element, name) && !native_state(&element, name))
            .collect();
        if !missing.is_empty() {
            out.fail(
                &ARIA_REQUIRED_ATTR,
                element.location(),
                format!(
                    "role=\"{}\" requires {}, which this element does not have.",
                    role.name,
                    missing.join(", ")
                ),
            )
            .evidence("missing", &missing);
        }
    }
}

fn has_value(element: &Element<'_>, name: &str) -> bool {
    element.attr(name).is_some_and(|v| !v.trim().is_empty())
}

/// Native HTML features that give the state (HTML-AAM): a checkbox / radio input's checkedness,
/// a range / number input's value.
fn native_state(element: &Element<'_>, name: &str) -> bool {
    if !element.is_html() || element.name() != "input" {
        return false;
    }
    let kind = element
        .attr("type")
        .map(|t| t.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match name {
        "aria-checked" => matches!(kind.as_str(), "checkbox" | "radio"),
        "aria-valuenow" => matches!(kind.as_str(), "range" | "number"),
        _ => false,
    }
}
