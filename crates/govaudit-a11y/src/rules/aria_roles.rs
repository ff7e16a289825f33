use crate::Page;
use crate::aria;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `role` attribute with a value names at least one concrete role defined by WAI-ARIA
    /// 1.2, DPUB-ARIA or Graphics ARIA (later tokens are fallbacks for earlier ones). Abstract
    /// roles such as `widget` or `landmark` are not valid in content.
    ///
    /// ## Why it matters
    /// Browsers ignore a role they do not know; the element then keeps its native meaning (often
    /// none), and the widget or landmark the author built is invisible to assistive technology.
    ///
    /// ## How to fix
    /// Correct the spelling (`link`, not `lnik`), use a concrete role, or remove the attribute.
    pub ARIA_ROLES = {
        id: "a11y/aria-roles",
        severity: Severity::Critical,
        standards: [
            "WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3",
            "WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3",
        ],
        sources: [Source::same("ACT:674b10"), Source::same("axe:aria-roles")],
    }
}

/// Applies to HTML and SVG elements with a `role` attribute holding at least one token, that are
/// not hidden from assistive technology.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_attr("role") {
        if element.is_in_template() || !(element.is_html() || element.is_svg()) {
            continue;
        }
        let Some(value) = element.attr("role") else {
            continue;
        };
        if value.trim().is_empty() || !page.visibility().in_accessibility_tree(&element) {
            continue;
        }
        out.applies(&ARIA_ROLES, || element.location());
        if aria::explicit_role(&element).is_none() {
            out.fail(
                &ARIA_ROLES,
                element.location(),
                format!(
                    "role=\"{}\" names no WAI-ARIA role, so browsers ignore it.",
                    value.trim()
                ),
            )
            .evidence("role", value);
        }
    }
}
