use crate::Page;
use crate::aria;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// No element uses a deprecated role (`directory`, `doc-biblioentry`, `doc-endnote`) as its
    /// role.
    ///
    /// ## Why it matters
    /// Deprecated roles are being removed from browsers and assistive technology; content that
    /// relies on them loses its meaning.
    ///
    /// ## How to fix
    /// Use the replacement: `list` for `directory`, `listitem` for `doc-biblioentry` and
    /// `doc-endnote`.
    pub ARIA_DEPRECATED_ROLE = {
        id: "a11y/aria-deprecated-role",
        severity: Severity::Low,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("axe:aria-deprecated-role")],
    }
}

/// Applies to elements whose `role` attribute gives them a role.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_attr("role") {
        if element.is_in_template() || !element.has_attr("role") {
            continue;
        }
        let Some(role) = aria::explicit_role(&element) else {
            continue;
        };
        out.applies(&ARIA_DEPRECATED_ROLE, || element.location());
        if role.deprecated {
            out.fail(
                &ARIA_DEPRECATED_ROLE,
                element.location(),
                format!("role=\"{}\" is deprecated in WAI-ARIA.", role.name),
            );
        }
    }
}
