use super::image_decorative::{images, is_decorative};
use crate::Page;
use crate::review::{is_shown, review_first};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check the page's exposed images: that a text alternative describes the
    /// image (not "图片", not the file name), and that images do not show text that could be
    /// real text. A machine cannot see the picture, so this rule reports `review`;
    /// `a11y/image-alt` fails missing ones, `a11y/image-decorative` asks about hidden ones.
    ///
    /// ## Why it matters
    /// A wrong or useless alternative is as bad as none; text in images cannot be enlarged or
    /// read aloud.
    ///
    /// ## How to fix
    /// Describe what the image conveys in `alt`; publish text as text.
    pub IMAGE_PURPOSE = {
        id: "a11y/image-purpose",
        severity: Severity::Low,
        standards: ["WCAG22:1.1.1", "WCAG22:1.4.5", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4"],
        sources: [Source::inspired("ACT:qt1vmo"), Source::inspired("ACT:0va7u6")],
    }
}

/// Applies to rendered `<img>` and `<canvas>` elements and `<svg role="img">` exposed to
/// assistive technology (qt1vmo, 0va7u6); `a11y/image-decorative` asks about the hidden ones.
/// An `<svg>` without `role="img"` is a graphics document, not an image (SVG-AAM).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let named = images(page).filter(|e| {
        is_shown(page, e)
            && !is_decorative(e)
            && (e.name() != "svg"
                || e.attr("role")
                    .and_then(|r| r.split_ascii_whitespace().next())
                    == Some("img"))
    });
    review_first(out, &IMAGE_PURPOSE, named, &["qt1vmo", "0va7u6"], |n| {
        format!(
            "Check that the text alternatives of the {n} image(s) on this page describe them, and that no image shows text."
        )
    });
}
