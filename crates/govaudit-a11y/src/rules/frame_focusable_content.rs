use crate::Page;
use crate::focus;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::{Document, Element};

declare_rule! {
    /// ## What it checks
    /// An `<iframe>` whose content has elements reachable with the Tab key is not taken out of
    /// the tab order with a negative `tabindex`. The content is read from `srcdoc`; for a frame
    /// loaded from `src` the content is not known, and a person must check it.
    ///
    /// ## Why it matters
    /// `tabindex="-1"` on an iframe makes everything inside it unreachable by keyboard: links and
    /// form fields in the frame cannot be used without a mouse.
    ///
    /// ## How to fix
    /// Remove the negative `tabindex` from the iframe (or make the content inside it not
    /// focusable, if it is really not meant to be used).
    pub FRAME_FOCUSABLE_CONTENT = {
        id: "a11y/frame-focusable-content",
        severity: Severity::High,
        standards: ["WCAG22:2.1.1", "EN301549:9.2.1.1", "GB/T37668-2019:3.3.3.1"],
        sources: [Source::same("ACT:akn7bn"), Source::same("axe:frame-focusable-content")],
    }
}

/// Applies to rendered `<iframe>` elements (not `inert`, larger than 1×1) whose content has an
/// element in sequential focus navigation.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for frame in page.elements_named("iframe") {
        if !frame.is_html()
            || !page.visibility().is_rendered(&frame)
            || page.visibility().is_inert(&frame)
            || is_tiny(&frame)
        {
            continue;
        }
        let removed = focus::tabindex(&frame).is_some_and(|t| t < 0);
        match frame.attr("srcdoc") {
            Some(srcdoc) => {
                let content = Document::from_html(srcdoc);
                let inner = Page::new(&content);
                let focusable = content
                    .elements()
                    .find(|e| inner.focus().in_sequential_focus(e))
                    .map(|e| e.snippet());
                let Some(focusable) = focusable else {
                    continue;
                };
                out.applies(&FRAME_FOCUSABLE_CONTENT, || frame.location());
                if removed {
                    out.fail(
                        &FRAME_FOCUSABLE_CONTENT,
                        frame.location(),
                        "This iframe has a negative tabindex, so the links and controls inside it cannot be reached with the keyboard.",
                    )
                    .evidence("focusable", focusable);
                }
            }
            None if removed && frame.has_attr("src") => {
                out.review(
                    &FRAME_FOCUSABLE_CONTENT,
                    frame.location(),
                    "This iframe has a negative tabindex; if the page it loads has links or controls, keyboard users cannot reach them.",
                );
            }
            None => {}
        }
    }
}

/// `width` and `height` attributes of 1 pixel or less (tracking frames).
fn is_tiny(frame: &Element<'_>) -> bool {
    let small = |name: &str| {
        frame
            .attr(name)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok())
            .is_some_and(|v| v <= 1.0)
    };
    small("width") && small("height")
}
