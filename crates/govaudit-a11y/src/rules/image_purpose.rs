use crate::Page;
use crate::review::{is_shown, review_first};
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// Asks a person to check the page's images: that a text alternative describes the image
    /// (not "图片", not the file name), that images hidden from assistive technology are really
    /// decorative, and that images do not show text that could be real text. A machine cannot
    /// see the picture, so this rule reports `review`; `a11y/image-alt` fails missing ones.
    ///
    /// ## Why it matters
    /// A wrong or useless alternative is as bad as none; an informative image marked
    /// decorative is lost to screen-reader users; text in images cannot be enlarged or read
    /// aloud.
    ///
    /// ## How to fix
    /// Describe what the image conveys in `alt`; use `alt=""` only for decoration; publish text
    /// as text.
    pub IMAGE_PURPOSE = {
        id: "a11y/image-purpose",
        severity: Severity::Low,
        standards: ["WCAG22:1.1.1", "WCAG22:1.4.5", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4"],
        sources: [Source::inspired("ACT:qt1vmo"), Source::inspired("ACT:e88epe"), Source::inspired("ACT:0va7u6")],
    }
}

/// Applies to rendered `<img>`, `<svg>` and `<canvas>` elements: those exposed with a name
/// (qt1vmo, 0va7u6) and those hidden from assistive technology (e88epe, 0va7u6).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let images: Vec<Element<'_>> = page
        .candidates(&["img", "canvas", "svg"], &[])
        .into_iter()
        .filter(|e| {
            (e.is_html() && matches!(e.name(), "img" | "canvas") || e.name() == "svg" && e.is_svg())
                && is_shown(page, e)
        })
        .collect();
    let (decorative, named): (Vec<_>, Vec<_>) = images.into_iter().partition(is_decorative);
    review_first(out, &IMAGE_PURPOSE, named, &["qt1vmo", "0va7u6"], |n| {
        format!(
            "Check that the text alternatives of the {n} image(s) on this page describe them, and that no image shows text."
        )
    });
    review_first(
        out,
        &IMAGE_PURPOSE,
        decorative,
        &["e88epe", "0va7u6"],
        |n| {
            format!(
                "{n} image(s) are hidden from screen readers: check that each is only decoration."
            )
        },
    );
}

/// Hidden from assistive technology: `alt=""`, `aria-hidden`, `role="none"`/`presentation`, or
/// an `<svg>`/`<canvas>` without a role or label.
fn is_decorative(image: &Element<'_>) -> bool {
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
