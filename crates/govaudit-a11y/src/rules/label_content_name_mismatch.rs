use crate::Page;
use crate::name::visible_text;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A widget named from its content (a link, a button, a tab, ...) whose name is set with
    /// `aria-label` or `aria-labelledby` contains its visible text in that name. When the
    /// visible words do not appear, in order, in the accessible name, a person must check: the
    /// difference may be only supplementary text or symbols.
    ///
    /// ## Why it matters
    /// Speech-input users activate controls by saying what they see ("click Search"). If the
    /// accessible name is different from the visible label, the command does not work, and
    /// screen reader users hear something else than what sighted colleagues see.
    ///
    /// ## How to fix
    /// Start the `aria-label` with the visible text ("下一页" → `aria-label="下一页 列表"`), or
    /// remove the `aria-label` and let the visible text be the name.
    pub LABEL_CONTENT_NAME_MISMATCH = {
        id: "a11y/label-content-name-mismatch",
        severity: Severity::Medium,
        standards: ["WCAG22:2.5.3", "EN301549:9.2.5.3"],
        sources: [
            Source::same("ACT:2ee8b8"),
            Source::same("axe:label-content-name-mismatch"),
        ],
    }
}

/// Widget roles that take their name from content (WAI-ARIA 1.2, "Name From: contents").
const WIDGET_ROLES: &[&str] = &[
    "button",
    "checkbox",
    "gridcell",
    "link",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "option",
    "radio",
    "switch",
    "tab",
    "treeitem",
];

/// Lowercase words of letters and digits: punctuation and symbols do not count (ACT 2ee8b8
/// ignores them, and white-space differences).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Applies to visible elements in the accessibility tree with one of those roles, an
/// `aria-label` or `aria-labelledby`, and visible text made of words.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.elements_with_aria_attrs() {
        if !(element.has_attr("aria-label") || element.has_attr("aria-labelledby"))
            || !visibility.in_accessibility_tree(&element)
            || !visibility.is_visible(&element)
        {
            continue;
        }
        let widget = page
            .role(&element)
            .and_then(crate::aria::role_named)
            .is_some_and(|r| WIDGET_ROLES.iter().any(|w| r.is_a(w)));
        if !widget {
            continue;
        }
        let label = words(&visible_text(page, &element));
        if label.is_empty() {
            continue;
        }
        out.applies(&LABEL_CONTENT_NAME_MISMATCH, || element.location());
        let name = words(&page.name(&element).text);
        let contained = name.windows(label.len()).any(|w| w == label.as_slice());
        if !contained {
            // Supplementary text, abbreviations and icon ligatures make a mismatch legitimate
            // often enough that a machine cannot call it a failure.
            out.review(
                &LABEL_CONTENT_NAME_MISMATCH,
                element.location(),
                "The visible label of this control is not part of its accessible name; check that speech users can activate it by what they see.",
            )
            .evidence("visible", label.join(" "))
            .evidence("name", name.join(" "));
        }
    }
}
