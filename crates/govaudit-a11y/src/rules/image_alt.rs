use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

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

/// Applies to `<img>` elements not hidden from assistive technology.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for img in page.doc.elements_named("img") {
        if !img.is_html() || is_hidden(&img) {
            continue;
        }
        out.applies(&IMAGE_ALT, || img.location());
        let role = img.attr("role").map(|r| r.trim().to_ascii_lowercase());
        let decorative = matches!(role.as_deref(), Some("presentation" | "none"));
        if img.has_attr("alt") || decorative || has_name_from_aria_or_title(&img) {
            continue;
        }
        out.fail(
            &IMAGE_ALT,
            img.location(),
            "This image has no text alternative (add alt=\"...\", or alt=\"\" if decorative).",
        );
    }
}

fn has_name_from_aria_or_title(img: &Element<'_>) -> bool {
    let non_empty = |name| img.attr(name).is_some_and(|v: &str| !v.trim().is_empty());
    non_empty("aria-label") || non_empty("title") || labelled_by_text(img)
}

fn labelled_by_text(img: &Element<'_>) -> bool {
    img.attr("aria-labelledby").is_some_and(|ids| {
        ids.split_ascii_whitespace().any(|id| {
            img.document()
                .element_by_id(id)
                .is_some_and(|e| !e.normalized_text().is_empty() || e.attr("aria-label").is_some())
        })
    })
}

/// Hidden by the `hidden` attribute or `aria-hidden="true"` on it or an ancestor.
fn is_hidden(element: &Element<'_>) -> bool {
    std::iter::once(*element)
        .chain(element.ancestors())
        .any(|e| e.has_attr("hidden") || e.attr("aria-hidden").map(str::trim) == Some("true"))
}
