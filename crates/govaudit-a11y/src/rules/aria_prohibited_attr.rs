use crate::Page;
use crate::aria;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// No element carries a global WAI-ARIA attribute its role prohibits: `aria-label` and
    /// `aria-labelledby` on plain `<div>` / `<span>` (role `generic`), on `<p>`, `<code>`,
    /// `<strong>`, ..., or on `role="none"`; `aria-roledescription` on a generic element.
    ///
    /// ## Why it matters
    /// Browsers and screen readers do not announce a name on these roles, so the text the author
    /// put in `aria-label` is silently never heard.
    ///
    /// ## How to fix
    /// Put the text in the content, give the element a role that can be named (for example a
    /// landmark or a `group`), or remove the attribute.
    pub ARIA_PROHIBITED_ATTR = {
        id: "a11y/aria-prohibited-attr",
        severity: Severity::High,
        // 1.3.1 only, the one criterion ACT kb1m8s names: the attribute is dropped, so what it
        // was meant to convey is lost; the element's own name, role and value are unchanged.
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("ACT:kb1m8s"), Source::same("axe:aria-prohibited-attr")],
    }
}

/// Applies to HTML and SVG elements in the accessibility tree with a global WAI-ARIA attribute
/// (with a non-empty value).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_aria_attrs() {
        if element.is_in_template() || !(element.is_html() || element.is_svg()) {
            continue;
        }
        let globals: Vec<&str> = aria::aria_attributes(&element)
            .filter(|(_, value)| !value.trim().is_empty())
            .filter_map(|(name, _)| aria::attribute(&name.to_ascii_lowercase()))
            .filter(|a| a.global)
            .map(|a| a.name)
            .collect();
        if globals.is_empty() || !page.visibility().in_accessibility_tree(&element) {
            continue;
        }
        let Some(role) = role_for_prohibition(page, &element, &globals) else {
            continue;
        };
        out.applies(&ARIA_PROHIBITED_ATTR, || element.location());
        for name in globals.into_iter().filter(|n| role.prohibits(n)) {
            out.fail(
                &ARIA_PROHIBITED_ATTR,
                element.location(),
                format!(
                    "`{name}` is prohibited on role \"{}\": it is not announced.",
                    role.name
                ),
            )
            .evidence("attribute", name)
            .evidence("role", role.name);
        }
    }
}

/// The element's role, except that `none` / `presentation` is kept when the only global
/// attributes that would cancel it are ones those roles prohibit (the ACT rule's reading: the
/// author's `role="none"` stands and the attribute is the error).
fn role_for_prohibition(
    page: &Page<'_>,
    element: &govaudit_html::Element<'_>,
    globals: &[&str],
) -> Option<&'static aria::Role> {
    if let Some(explicit) = aria::explicit_role(element)
        && explicit.is_presentational()
        && !page.focus().is_focusable(element)
        && globals
            .iter()
            .all(|name| *name == "aria-hidden" || explicit.prohibits(name))
    {
        return Some(explicit);
    }
    page.role(element).and_then(aria::role_named)
}
