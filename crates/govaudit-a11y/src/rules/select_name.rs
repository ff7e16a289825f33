use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `<select>` exposed to assistive technology has a non-empty accessible name: a
    /// `<label>`, `aria-label`, `aria-labelledby` or `title`.
    ///
    /// ## Why it matters
    /// A screen reader announces a drop-down list by its name and its current option. Without a
    /// name the user hears only the option and cannot know what is being chosen.
    ///
    /// ## How to fix
    /// Add `<label for="select-id">...</label>` with visible text.
    pub SELECT_NAME = {
        id: "a11y/select-name",
        severity: Severity::Critical,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3", "WCAG22:3.3.2", "EN301549:9.3.3.2", "GB/T37668-2019:3.3.4.1"],
        sources: [Source::same("ACT:e086e5"), Source::same("axe:select-name")],
    }
}

/// Applies to `<select>` elements in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.candidates(&["select"], &[]) {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = element.is_html()
            && element.name() == "select"
            && !matches!(page.role(&element), Some("none" | "presentation"));
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:e086e5"];
        require_name(
            page,
            out,
            &SELECT_NAME,
            &element,
            act,
            "This select list has no accessible name (add a <label> for it).",
        );
    }
}
