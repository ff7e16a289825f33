use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `<img>` that is exposed to assistive technology has a text alternative: an `alt`
    /// attribute (empty for decorative images), `aria-label`, `aria-labelledby` or `title`, or is
    /// marked decorative with `role="presentation"` / `role="none"`.
    ///
    /// ## Why it matters
    /// Blind users hear images through their text alternative. An image without one is announced
    /// by its file name, or not at all, and its information is lost.
    ///
    /// ## How to fix
    /// Add `alt="..."` that says what the image shows or does (for a linked logo: where the link
    /// goes), or `alt=""` when the image is only decoration.
    pub IMAGE_ALT = {
        id: "a11y/image-alt",
        severity: Severity::Critical,
        standards: ["WCAG22:1.1.1", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4"],
        sources: [Source::same("ACT:23a2a8"), Source::same("axe:image-alt")],
    }
}

/// Applies to `<img>` elements whose role is `img` (not `alt=""` decorative images, not
/// `role="none"` unless focusable or carrying global ARIA) that are in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for img in page.elements_named("img") {
        if !img.is_html()
            || !visibility.in_accessibility_tree(&img)
            || page.role(&img) != Some("img")
        {
            continue;
        }
        require_name(
            page,
            out,
            &IMAGE_ALT,
            &img,
            &["ACT:23a2a8"],
            "This image has no text alternative (add alt=\"...\", or alt=\"\" if decorative).",
        );
    }
}
