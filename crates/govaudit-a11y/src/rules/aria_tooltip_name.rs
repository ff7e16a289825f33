use crate::Page;
use crate::name::require_name_for_explicit_roles;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every element with `role="tooltip"` exposed to assistive technology has a non-empty
    /// accessible name.
    ///
    /// ## Why it matters
    /// A tooltip is announced by its role and name; without a name the user hears a value with no
    /// idea what it measures or says.
    ///
    /// ## How to fix
    /// Add `aria-labelledby` pointing at visible text, or `aria-label="..."`.
    pub ARIA_TOOLTIP_NAME = {
        id: "a11y/aria-tooltip-name",
        severity: Severity::Medium,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("axe:aria-tooltip-name")],
    }
}

/// Applies to Elements with an explicit role `tooltip`, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    require_name_for_explicit_roles(
        page,
        out,
        &ARIA_TOOLTIP_NAME,
        &["tooltip"],
        "This tooltip has no accessible name.",
    );
}
