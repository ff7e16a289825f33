use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `<svg>` (or other SVG element) with an explicit role of `img`, `graphics-document` or `graphics-symbol`
    /// exposed to assistive technology has a non-empty accessible name: a `<title>` child,
    /// `aria-label` or `aria-labelledby`.
    ///
    /// ## Why it matters
    /// The role says that the SVG is a picture; without a name, a screen reader user knows there is
    /// a picture but not what it shows.
    ///
    /// ## How to fix
    /// Add a `<title>` as the first child of the `<svg>`, or `aria-label="..."`.
    pub SVG_IMG_ALT = {
        id: "a11y/svg-img-alt",
        severity: Severity::High,
        standards: ["WCAG22:1.1.1", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4"],
        sources: [Source::same("ACT:7d6734"), Source::same("axe:svg-img-alt")],
    }
}

/// Applies to SVG elements whose explicit role is one of those, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.elements_with_attr("role") {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = element.is_svg()
            && crate::aria::explicit_role(&element)
                .is_some_and(|r| matches!(r.name, "img" | "graphics-document" | "graphics-symbol"))
            && page
                .role(&element)
                .is_some_and(|r| r != "none" && r != "presentation");
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:7d6734"];
        require_name(
            page,
            out,
            &SVG_IMG_ALT,
            &element,
            act,
            "This SVG image has no accessible name (add a <title> child or aria-label).",
        );
    }
}
