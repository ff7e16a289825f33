use crate::Page;
use crate::review::review_first;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// Asks a person to check that the images hidden from assistive technology (`alt=""`,
    /// `aria-hidden="true"`, `role="none"`/`presentation`, or an `<svg>`/`<canvas>` without a
    /// role or label) are really decoration. A machine cannot see the picture, so this rule
    /// reports `review`; `a11y/image-purpose` asks about the images that are exposed.
    ///
    /// ## Why it matters
    /// An informative image marked as decorative is lost to screen-reader users.
    ///
    /// ## How to fix
    /// Give an informative image a text alternative that says what it conveys; keep `alt=""`
    /// for decoration only.
    pub IMAGE_DECORATIVE = {
        id: "a11y/image-decorative",
        severity: Severity::Low,
        standards: ["WCAG22:1.1.1", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4"],
        sources: [Source::inspired("ACT:e88epe")],
    }
}

/// Applies to visible `<img>`, `<svg>` and `<canvas>` elements hidden from assistive
/// technology, except inside a link or button (the control's name says what it does) and
/// `<canvas>` on a page without scripts (nothing draws on it).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let scripted = !page.script_texts().is_empty();
    let visibility = page.visibility();
    let images = images(page).filter(|e| {
        is_decorative(e)
            && visibility.is_visible(e)
            && (e.name() != "canvas" || scripted)
            && !in_control(e)
    });
    review_first(out, &IMAGE_DECORATIVE, images, &["e88epe"], |n| {
        format!("{n} image(s) are hidden from screen readers: check that each is only decoration.")
    });
}

/// HTML `<img>` and `<canvas>`, and `<svg>` in the SVG namespace, in document order.
pub(crate) fn images<'a>(page: &Page<'a>) -> impl Iterator<Item = Element<'a>> {
    page.candidates(&["img", "canvas", "svg"], &[])
        .into_iter()
        .filter(|e| {
            e.is_html() && matches!(e.name(), "img" | "canvas") || e.name() == "svg" && e.is_svg()
        })
}

/// Hidden from assistive technology: `alt=""`, `aria-hidden`, `role="none"`/`presentation`, or
/// an `<svg>`/`<canvas>` without a role or label.
pub(crate) fn is_decorative(image: &Element<'_>) -> bool {
    let role = image
        .attr("role")
        .and_then(|r| r.split_ascii_whitespace().next());
    if matches!(role, Some("none" | "presentation"))
        || std::iter::once(*image)
            .chain(image.ancestors())
            .any(|e| e.attr("aria-hidden").map(str::trim) == Some("true"))
    {
        return true;
    }
    match image.name() {
        "img" => image.attr("alt") == Some(""),
        _ => role.is_none() && !image.has_attr("aria-label") && !image.has_attr("aria-labelledby"),
    }
}

/// Inside a link or a button: its accessible name, not the image, tells what it is for.
fn in_control(image: &Element<'_>) -> bool {
    image.ancestors().any(|a| {
        let role = a
            .attr("role")
            .and_then(|r| r.split_ascii_whitespace().next());
        matches!(role, Some("link" | "button"))
            || role.is_none()
                && a.is_html()
                && (a.name() == "button" || matches!(a.name(), "a" | "area") && a.has_attr("href"))
    })
}
