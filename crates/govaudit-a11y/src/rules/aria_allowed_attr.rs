use crate::Page;
use crate::aria;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// Every WAI-ARIA state or property on an element is allowed for the element's role: a
    /// global attribute, or one the role (or a role it inherits from) supports. `aria-sort` on a
    /// button or `aria-checked` on a link are not.
    ///
    /// ## Why it matters
    /// Browsers and assistive technology ignore or misreport states that do not belong to the
    /// role, so the information the author meant to convey is lost, or the wrong control is
    /// announced.
    ///
    /// ## How to fix
    /// Remove the attribute, or give the element the role the attribute belongs to (e.g.
    /// `aria-pressed` for a toggle button, `aria-checked` for a checkbox).
    pub ARIA_ALLOWED_ATTR = {
        id: "a11y/aria-allowed-attr",
        severity: Severity::Critical,
        standards: [
            "WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3",
            "WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3",
        ],
        sources: [Source::same("ACT:5c01ea"), Source::same("axe:aria-allowed-attr")],
    }
}

/// Elements that HTML-AAM maps to no role but that are clearly not text inputs: an ARIA
/// attribute that is not global cannot belong to them.
const ROLELESS_MEDIA: &[&str] = &["audio", "canvas", "embed", "iframe", "object", "video"];

/// Applies to every defined WAI-ARIA attribute on an HTML or SVG element included in the
/// accessibility tree. Prohibited attributes are left to `aria-prohibited-attr`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_aria_attrs() {
        if element.is_in_template() || !(element.is_html() || element.is_svg()) {
            continue;
        }
        let mut attributes = aria::aria_attributes(&element)
            .filter_map(|(name, _)| aria::attribute(&name.to_ascii_lowercase()))
            .peekable();
        if attributes.peek().is_none() || !page.visibility().in_accessibility_tree(&element) {
            continue;
        }
        let role = effective_role(page, &element);
        for attribute in attributes {
            out.applies(&ARIA_ALLOWED_ATTR, || element.location());
            if attribute.global {
                continue;
            }
            match role {
                Effective::Role(role) if role.supports(attribute.name) => {}
                // WAI-ARIA 1.1 allowed it; assistive technology still supports it (as axe-core).
                Effective::Role(role)
                    if role.name == "listitem" && attribute.name == "aria-expanded" => {}
                Effective::Role(role) if role.prohibits(attribute.name) => {}
                Effective::Role(role) => {
                    out.fail(
                        &ARIA_ALLOWED_ATTR,
                        element.location(),
                        format!(
                            "`{}` is not allowed on an element with role \"{}\".",
                            attribute.name, role.name
                        ),
                    )
                    .evidence("attribute", attribute.name)
                    .evidence("role", role.name);
                }
                Effective::Unknown => {
                    out.review(
                        &ARIA_ALLOWED_ATTR,
                        element.location(),
                        format!(
                            "`{}` is on a <{}>, which has no WAI-ARIA role; check that it belongs there.",
                            attribute.name,
                            element.name()
                        ),
                    )
                    .evidence("attribute", attribute.name);
                }
            }
        }
    }
}

enum Effective {
    Role(&'static aria::Role),
    /// HTML-AAM gives the element no role and we cannot tell which states it takes.
    Unknown,
}

fn effective_role(page: &Page<'_>, element: &Element<'_>) -> Effective {
    if let Some(role) = page.role(element).and_then(aria::role_named) {
        return Effective::Role(role);
    }
    if !element.is_html() {
        return Effective::Unknown;
    }
    // Inputs without a role (password, date, color, file, ...) take the states of text fields.
    let as_role = |name| aria::role_named(name).map_or(Effective::Unknown, Effective::Role);
    match element.name() {
        "input" => as_role("textbox"),
        name if ROLELESS_MEDIA.contains(&name) => as_role("generic"),
        _ => Effective::Unknown,
    }
}
