use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every HTML element other than `<img>` with `role="img"` that is exposed to assistive
    /// technology has a non-empty accessible name (`aria-label`, `aria-labelledby` or `title`).
    ///
    /// ## Why it matters
    /// `role="img"` tells assistive technology that the element is one picture; its content is not
    /// read, so without a name the picture says nothing.
    ///
    /// ## How to fix
    /// Add `aria-label="..."` describing the picture, or `aria-labelledby` pointing at visible
    /// text.
    pub ROLE_IMG_ALT = {
        id: "a11y/role-img-alt",
        severity: Severity::High,
        standards: ["WCAG22:1.1.1", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4"],
        sources: [Source::same("ACT:23a2a8"), Source::same("axe:role-img-alt")],
    }
}

/// Applies to HTML elements other than `<img>` whose role is `img`, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.elements_with_role(|r| r.name == "img") {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies =
            element.is_html() && element.name() != "img" && page.role(&element) == Some("img");
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:23a2a8"];
        require_name(
            page,
            out,
            &ROLE_IMG_ALT,
            &element,
            act,
            "This element has role=\"img\" but no accessible name.",
        );
    }
}
