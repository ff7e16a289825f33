use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `<iframe>` and `<frame>` exposed to assistive technology has a non-empty accessible
    /// name, usually its `title` attribute.
    ///
    /// ## Why it matters
    /// Screen readers list a page's frames by their names so that users can decide which to enter.
    /// An unnamed frame is announced as "frame" or by its URL.
    ///
    /// ## How to fix
    /// Add `title="..."` describing the frame's content ("地图", "Video: annual report").
    pub FRAME_TITLE = {
        id: "a11y/frame-title",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:cae760"), Source::same("axe:frame-title")],
    }
}

/// Applies to `<frame>` elements and to `<iframe>` elements in sequential focus navigation and
/// not presentational, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.candidates(&["iframe", "frame"], &[]) {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = element.is_html() && matches!(element.name(), "iframe" | "frame");
        if !applies {
            continue;
        }
        // As ACT cae760 (and axe): an iframe out of the tab order or marked presentational is
        // not reached as a frame, so it needs no name; `<frame>` elements always do.
        let act: &[&str] = if element.name() == "iframe" {
            if !page.focus().in_sequential_focus(&element)
                || crate::aria::explicit_role(&element).is_some_and(|r| r.is_presentational())
            {
                continue;
            }
            &["ACT:cae760"]
        } else {
            &[]
        };
        require_name(
            page,
            out,
            &FRAME_TITLE,
            &element,
            act,
            "This frame has no accessible name (add a title attribute).",
        );
    }
}
