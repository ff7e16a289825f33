use crate::Page;
use crate::aria::tree;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An element whose role makes its children presentational — a button, checkbox, radio,
    /// switch, tab, option, menu item checkbox / radio, slider, image, progress bar, meter,
    /// scrollbar or separator — contains no focusable element (a link or a button inside a
    /// button, a checkbox inside a menu item checkbox).
    ///
    /// ## Why it matters
    /// Assistive technology flattens such an element to its name; the nested control gets focus
    /// with Tab but is not announced, and screen-reader users cannot operate it.
    ///
    /// ## How to fix
    /// Place the controls side by side instead of one inside the other, or take the inner one
    /// out of the focus order.
    pub NESTED_INTERACTIVE = {
        id: "a11y/nested-interactive",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:307n5z"), Source::same("axe:nested-interactive")],
    }
}

/// Applies to HTML and SVG elements in the accessibility tree whose role has presentational
/// children.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut first_focusable = None;
    for element in page.elements_with_role(|r| r.children_presentational) {
        if element.is_in_template() || !(element.is_html() || element.is_svg()) {
            continue;
        }
        let Some(role) = page.role_spec(&element) else {
            continue;
        };
        if !role.children_presentational || !page.visibility().in_accessibility_tree(&element) {
            continue;
        }
        out.applies(&NESTED_INTERACTIVE, || element.location());
        let first = first_focusable.get_or_insert_with(|| {
            let focus = page.focus();
            tree::first_in_subtree(page.doc, |e| focus.is_focusable(e))
        });
        // The first focusable element strictly inside: the earliest over the children's subtrees.
        let inner = element
            .children()
            .filter_map(|c| first.get(c.index()).copied().flatten())
            .min()
            .and_then(|i| page.doc.element_at(i));
        if let Some(inner) = inner {
            out.fail(
                &NESTED_INTERACTIVE,
                element.location(),
                format!(
                    "This {} contains a focusable element, which assistive technology cannot reach.",
                    role.name
                ),
            )
            .evidence("focusable", inner.snippet());
        }
    }
}
