use crate::Page;
use crate::name::{is_native_control, require_name};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every element other than a native form control whose role is `combobox`, `listbox`,
    /// `searchbox`, `slider`, `spinbutton` or `textbox` has a non-empty accessible name.
    ///
    /// ## Why it matters
    /// Custom input widgets are announced by their role and name. Without a name the user does not
    /// know what the field is for.
    ///
    /// ## How to fix
    /// Add `aria-labelledby` pointing at the visible label, or `aria-label="..."`.
    pub ARIA_INPUT_FIELD_NAME = {
        id: "a11y/aria-input-field-name",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:e086e5"), Source::same("axe:aria-input-field-name")],
    }
}

/// Applies to Elements other than `<input>`, `<select>` and `<textarea>` with one of those roles, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.elements_with_role(|r| {
        matches!(
            r.name,
            "combobox" | "listbox" | "searchbox" | "slider" | "spinbutton" | "textbox"
        )
    }) {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = !is_native_control(&element)
            && page.role(&element).is_some_and(|r| {
                matches!(
                    r,
                    "combobox" | "listbox" | "searchbox" | "slider" | "spinbutton" | "textbox"
                )
            });
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:e086e5"];
        require_name(
            page,
            out,
            &ARIA_INPUT_FIELD_NAME,
            &element,
            act,
            "This input widget has no accessible name.",
        );
    }
}
