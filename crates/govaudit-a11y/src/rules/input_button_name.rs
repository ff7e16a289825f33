use crate::Page;
use crate::name::{input_type, require_name};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `<input type="button">`, `type="submit"` and `type="reset"` exposed as a button has a
    /// non-empty accessible name (`value`, a label, `aria-label`, `aria-labelledby` or `title`;
    /// submit and reset buttons have a default).
    ///
    /// ## Why it matters
    /// A screen reader announces a button by its name. An `<input type="button">` without a value
    /// is an unlabelled button.
    ///
    /// ## How to fix
    /// Give the input a `value="..."` saying what it does.
    pub INPUT_BUTTON_NAME = {
        id: "a11y/input-button-name",
        severity: Severity::Critical,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:97a4e1"), Source::same("axe:input-button-name")],
    }
}

/// Applies to `<input>` of type button, submit or reset whose role is `button`, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.candidates(&["input"], &[]) {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = element.is_html()
            && element.name() == "input"
            && matches!(input_type(&element).as_str(), "button" | "submit" | "reset")
            && page.role(&element) == Some("button");
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:97a4e1"];
        require_name(
            page,
            out,
            &INPUT_BUTTON_NAME,
            &element,
            act,
            "This input button has no accessible name (give it a value).",
        );
    }
}
