use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `<summary>` that opens and closes its `<details>` has a non-empty accessible name.
    ///
    /// ## Why it matters
    /// The summary is the control that shows or hides the details. Without a name, a screen reader
    /// user hears an unlabelled disclosure button.
    ///
    /// ## How to fix
    /// Put text in the `<summary>` saying what the details contain.
    pub SUMMARY_NAME = {
        id: "a11y/summary-name",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:2t702h"), Source::same("axe:summary-name")],
    }
}

/// Applies to `<summary>` elements that are the first `<summary>` child of a `<details>`, have no role of their own (a `role="none"` on a focusable summary is ignored), and are in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.candidates(&["summary"], &[]) {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = element.is_html()
            && element.name() == "summary"
            && page.role(&element).is_none()
            && element.parent().is_some_and(|d| {
                d.is_html()
                    && d.name() == "details"
                    && d.children().find(|c| c.name() == "summary") == Some(element)
            });
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:2t702h"];
        require_name(
            page,
            out,
            &SUMMARY_NAME,
            &element,
            act,
            "This summary has no accessible name.",
        );
    }
}
