use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every button (a `<button>` or an element with `role="button"`) that is exposed to assistive
    /// technology has a non-empty accessible name (`<input>` buttons are checked by
    /// `input-button-name` and `input-image-alt`).
    ///
    /// ## Why it matters
    /// A screen reader announces a button by its name. Without one it says only "button", and the
    /// user cannot tell what it does.
    ///
    /// ## How to fix
    /// Put text inside the button, or give it `aria-label="..."` / `aria-labelledby` naming what it
    /// does; an icon-only button needs a label for the icon.
    pub BUTTON_NAME = {
        id: "a11y/button-name",
        severity: Severity::Critical,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:97a4e1"), Source::same("axe:button-name")],
    }
}

/// Applies to Elements with the role `button`, in the accessibility tree, that are not `<input>`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.elements_with_role(|r| r.name == "button") {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = page.role(&element) == Some("button")
            && !(element.is_html() && element.name() == "input");
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:97a4e1"];
        require_name(
            page,
            out,
            &BUTTON_NAME,
            &element,
            act,
            "This button has no accessible name; screen readers announce it only as \"button\".",
        );
    }
}
