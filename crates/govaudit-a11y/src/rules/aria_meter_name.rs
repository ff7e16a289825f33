use crate::Page;
use crate::name::require_name_for_explicit_roles;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every element with `role="meter"` exposed to assistive technology has a non-empty accessible
    /// name.
    ///
    /// ## Why it matters
    /// A meter is announced by its role and name; without a name the user hears a value with no
    /// idea what it measures or says.
    ///
    /// ## How to fix
    /// Add `aria-labelledby` pointing at visible text, or `aria-label="..."`.
    pub ARIA_METER_NAME = {
        id: "a11y/aria-meter-name",
        severity: Severity::High,
        standards: ["WCAG22:1.1.1", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4"],
        sources: [Source::same("axe:aria-meter-name")],
    }
}

/// Applies to Elements with an explicit role `meter`, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    require_name_for_explicit_roles(
        page,
        out,
        &ARIA_METER_NAME,
        &["meter"],
        "This meter has no accessible name.",
    );
}
