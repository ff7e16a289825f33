use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// No element has a `tabindex` greater than 0.
    ///
    /// ## Why it matters
    /// A positive `tabindex` moves the element ahead of everything else in the keyboard order,
    /// so keyboard users jump around the page in an order that no longer follows its reading
    /// order.
    ///
    /// ## How to fix
    /// Use `tabindex="0"` (focusable in document order) or `tabindex="-1"` (focusable from
    /// script only), and order the markup the way it should be read.
    pub TABINDEX = {
        id: "a11y/tabindex",
        severity: Severity::High,
        standards: ["WCAG22:2.4.3", "EN301549:9.2.4.3", "GB/T37668-2019:3.3.3.6"],
        sources: [Source::same("axe:tabindex")],
    }
}

/// Applies to elements with a `tabindex` that parses as an integer (HTML rules for integers).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_attr("tabindex") {
        if element.is_in_template() {
            continue;
        }
        let Some(value) = crate::focus::tabindex(&element) else {
            continue;
        };
        out.applies(&TABINDEX, || element.location());
        if value > 0 {
            out.fail(
                &TABINDEX,
                element.location(),
                format!("tabindex=\"{value}\" puts this element ahead of the page's natural keyboard order."),
            );
        }
    }
}
