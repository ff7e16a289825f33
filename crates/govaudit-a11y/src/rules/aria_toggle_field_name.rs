use crate::Page;
use crate::name::{is_native_control, require_name};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every element other than a native form control whose role is `checkbox`, `menuitemcheckbox`,
    /// `menuitemradio`, `radio` or `switch` has a non-empty accessible name.
    ///
    /// ## Why it matters
    /// A toggle is announced by its role, state and name ("checked, checkbox"). Without a name the
    /// user cannot tell what is switched.
    ///
    /// ## How to fix
    /// Put the label text inside the element, or add `aria-labelledby` / `aria-label`.
    pub ARIA_TOGGLE_FIELD_NAME = {
        id: "a11y/aria-toggle-field-name",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:e086e5"), Source::same("axe:aria-toggle-field-name")],
    }
}

/// Applies to Elements other than `<input>`, `<select>` and `<textarea>` with one of those roles, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.elements_with_role(|r| {
        matches!(
            r.name,
            "checkbox" | "menuitemcheckbox" | "menuitemradio" | "radio" | "switch"
        )
    }) {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = !is_native_control(&element)
            && page.role(&element).is_some_and(|r| {
                matches!(
                    r,
                    "checkbox" | "menuitemcheckbox" | "menuitemradio" | "radio" | "switch"
                )
            });
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:e086e5"];
        require_name(
            page,
            out,
            &ARIA_TOGGLE_FIELD_NAME,
            &element,
            act,
            "This toggle control has no accessible name.",
        );
    }
}
