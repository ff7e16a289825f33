use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use std::collections::HashSet;

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

/// Applies to `<area>` elements with `href` whose role is `link`, in the accessibility tree,
/// inside a `<map>` that an image uses (`usemap="#name"`): other maps are never shown.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    // HTML: a usemap is a hash-name reference, matched against the map's name (or id).
    let used: HashSet<&str> = page
        .elements_with_attr("usemap")
        .filter(|e| e.is_html() && matches!(e.name(), "img" | "object" | "input"))
        .filter_map(|e| e.attr("usemap"))
        .filter_map(|u| u.trim().strip_prefix('#'))
        .collect();
    for element in page.elements_named("area") {
        if !element.is_html()
            || !visibility.in_accessibility_tree(&element)
            || page.role(&element) != Some("link")
        {
            continue;
        }
        let in_used_map = element
            .ancestors()
            .find(|a| a.name() == "map")
            .is_some_and(|map| {
                [map.attr("name"), map.id()]
                    .into_iter()
                    .flatten()
                    .any(|name| used.contains(name))
            });
        if !in_used_map {
            continue;
        }
        require_name(
            page,
            out,
            &AREA_ALT,
            &element,
            &["ACT:c487ae"],
            "This image map area has no text alternative (add alt=\"...\").",
        );
    }
}
