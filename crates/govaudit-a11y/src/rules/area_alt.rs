use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `<area href>` of an image map has a non-empty accessible name: `alt`, `aria-label` or
    /// `aria-labelledby`.
    ///
    /// ## Why it matters
    /// Each area of an image map is a link. Without a text alternative, a screen reader user cannot
    /// tell where it leads.
    ///
    /// ## How to fix
    /// Add `alt="..."` to each `<area>` naming its destination.
    pub AREA_ALT = {
        id: "a11y/area-alt",
        severity: Severity::Critical,
        standards: ["WCAG22:1.1.1", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4", "WCAG22:2.4.4", "EN301549:9.2.4.4", "GB/T37668-2019:3.2.1.2"],
        sources: [Source::same("ACT:c487ae"), Source::same("axe:area-alt")],
    }
}

/// Applies to `<area>` elements with `href` whose role is `link`, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.doc.elements() {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies =
            element.is_html() && element.name() == "area" && page.role(&element) == Some("link");
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:c487ae"];
        require_name(
            page,
            out,
            &AREA_ALT,
            &element,
            act,
            "This image map area has no text alternative (add alt=\"...\").",
        );
    }
}
