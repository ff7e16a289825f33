use crate::Page;
use crate::name::{input_type, require_name};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every image button (`<input type="image">`) exposed to assistive technology has a non-empty
    /// accessible name: `alt`, `aria-label`, `aria-labelledby` or `title`.
    ///
    /// ## Why it matters
    /// The image is the button's only content. Without a text alternative, a screen reader user
    /// hears "button" (or the file name) and cannot tell what it submits.
    ///
    /// ## How to fix
    /// Add `alt="..."` saying what the button does ("Search", "搜索"), not what the image looks like.
    pub INPUT_IMAGE_ALT = {
        id: "a11y/input-image-alt",
        severity: Severity::Critical,
        standards: ["WCAG22:1.1.1", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4", "WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:59796f"), Source::same("axe:input-image-alt")],
    }
}

/// Applies to `<input type="image">` in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.candidates(&["input"], &[]) {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies =
            element.is_html() && element.name() == "input" && input_type(&element) == "image";
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:59796f"];
        require_name(
            page,
            out,
            &INPUT_IMAGE_ALT,
            &element,
            act,
            "This image button has no text alternative (add alt=\"...\" saying what it does).",
        );
    }
}
