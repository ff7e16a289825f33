use crate::Page;
use crate::contrast::Contrast;
use crate::review::set_act_standards;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Text has a contrast ratio of at least 4.5:1 against its background (3.0:1 for large
    /// text: 24 px, or 18.66 px bold), computed from the colours the page's CSS gives it (WCAG
    /// minimum contrast). Where the colours cannot be known without rendering (background
    /// images, gradients, positioned layers, shadows, unresolved values) it asks for a review
    /// instead of guessing.
    ///
    /// ## Why it matters
    /// Low-contrast text is the most common accessibility failure on the web; people with low
    /// vision, older people and anyone reading a phone in sunlight cannot read it.
    ///
    /// ## How to fix
    /// Darken the text or lighten the background (for example #767676 is the lightest grey
    /// that reaches 4.5:1 on white).
    pub COLOR_CONTRAST = {
        id: "a11y/color-contrast",
        severity: Severity::High,
        standards: ["WCAG22:1.4.3", "EN301549:9.1.4.3"],
        sources: [Source::same("ACT:afw4f7"), Source::same("axe:color-contrast")],
    }
}

/// Applies to visible text in the accessibility tree, except parts of disabled widgets.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut unknown = Vec::new();
    for (element, contrast) in page.contrasts() {
        out.applies(&COLOR_CONTRAST, || element.location());
        let large = matches!(contrast, Contrast::Known { large: true, .. });
        let minimum = if large { 3.0 } else { 4.5 };
        match (contrast.meets(minimum), contrast) {
            (Some(true), _) => {}
            (
                Some(false),
                Contrast::Known {
                    worst,
                    foreground,
                    background,
                    ..
                },
            ) => {
                out.fail(
                    &COLOR_CONTRAST,
                    element.location(),
                    format!(
                        "Text contrast is {worst:.2}:1 ({foreground} on {background}); at least {minimum}:1 is needed."
                    ),
                )
                .evidence("ratio", (worst * 100.0).round() / 100.0)
                .evidence("foreground", foreground)
                .evidence("background", background);
            }
            (_, Contrast::Unknown(reason)) => unknown.push((element, *reason)),
            _ => unknown.push((element, "a link's colour depends on the browser's default")),
        }
    }
    if let Some((first, reason)) = unknown.first() {
        let finding = out.review(
            &COLOR_CONTRAST,
            first.location(),
            format!(
                "Check the contrast of {} text element(s) whose colours cannot be resolved statically (here: {reason}).",
                unknown.len()
            ),
        );
        set_act_standards(finding, &COLOR_CONTRAST, &["afw4f7"]);
        finding.evidence("elements", unknown.len());
    }
}
