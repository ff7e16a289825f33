use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// No `<img ismap>` (server-side image map) is used.
    ///
    /// ## Why it matters
    /// A server-side image map reacts to mouse coordinates only: keyboard and screen-reader
    /// users cannot reach its links.
    ///
    /// ## How to fix
    /// Use a client-side map (`<map>` with `<area href alt>`) or ordinary links.
    pub SERVER_SIDE_IMAGE_MAP = {
        id: "a11y/server-side-image-map",
        severity: Severity::Medium,
        standards: ["WCAG22:2.1.1", "EN301549:9.2.1.1", "GB/T37668-2019:3.3.3.1"],
        sources: [Source::same("axe:server-side-image-map")],
    }
}

/// Applies to `<img>` elements with `ismap`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for img in page.elements_named("img") {
        if !img.is_html() || img.is_in_template() || !img.has_attr("ismap") {
            continue;
        }
        out.applies(&SERVER_SIDE_IMAGE_MAP, || img.location());
        out.fail(
            &SERVER_SIDE_IMAGE_MAP,
            img.location(),
            "This image is a server-side image map, which keyboards cannot use.",
        );
    }
}
