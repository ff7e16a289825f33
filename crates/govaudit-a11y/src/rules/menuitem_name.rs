use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every element with the role `menuitem` exposed to assistive technology has a non-empty
    /// accessible name.
    ///
    /// ## Why it matters
    /// A menu is read item by item; an item without a name is announced as "menu item" and the user
    /// cannot tell what it does.
    ///
    /// ## How to fix
    /// Put the item's text inside it, or add `aria-label` / `aria-labelledby`.
    pub MENUITEM_NAME = {
        id: "a11y/menuitem-name",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:m6b1q3"), Source::inspired("axe:aria-command-name")],
    }
}

/// Applies to Elements with the role `menuitem`, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.elements_with_role(|r| r.name == "menuitem") {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = page.role(&element) == Some("menuitem");
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:m6b1q3"];
        require_name(
            page,
            out,
            &MENUITEM_NAME,
            &element,
            act,
            "This menu item has no accessible name.",
        );
    }
}
