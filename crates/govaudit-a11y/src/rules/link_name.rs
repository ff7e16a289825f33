use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every link (`<a href>` or an element with `role="link"`) exposed to assistive technology has
    /// a non-empty accessible name (image map areas are checked by `area-alt`).
    ///
    /// ## Why it matters
    /// Screen reader users move through a page by its links and hear each link's name. An empty
    /// link (an icon, an image without alt text) is announced as "link" or by its URL.
    ///
    /// ## How to fix
    /// Put text inside the link, give its image an `alt`, or add `aria-label="..."` saying where
    /// the link goes.
    pub LINK_NAME = {
        id: "a11y/link-name",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3", "WCAG22:2.4.4", "EN301549:9.2.4.4", "GB/T37668-2019:3.2.1.2"],
        sources: [Source::same("ACT:c487ae"), Source::same("axe:link-name")],
    }
}

/// Applies to Elements with the role `link`, in the accessibility tree, other than `<area>`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.candidates(&["a", "area"], &["role"]) {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        // `link` or a role derived from it (DPUB-ARIA `doc-backlink`, `doc-biblioref`, ...);
        // the superclass walk only for roles that can be one.
        let is_link = match page.role(&element) {
            Some("link") => true,
            Some(role) if role.starts_with("doc-") => {
                crate::aria::role_named(role).is_some_and(|r| r.is_a("link"))
            }
            _ => false,
        };
        let applies = is_link && !(element.is_html() && element.name() == "area");
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:c487ae"];
        require_name(
            page,
            out,
            &LINK_NAME,
            &element,
            act,
            "This link has no accessible name; screen readers announce only \"link\" or its address.",
        );
    }
}
