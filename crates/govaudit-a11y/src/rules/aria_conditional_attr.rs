use crate::Page;
use crate::aria::tree;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// ARIA attributes that WAI-ARIA allows only in some situations are used only there:
    /// `aria-checked` on a native checkbox must agree with its `checked` state, and
    /// `aria-posinset`, `aria-setsize`, `aria-level` and `aria-expanded` on a `row` are only
    /// allowed when the row is part of a `treegrid`.
    ///
    /// ## Why it matters
    /// Browsers and assistive technology either ignore these attributes or let them contradict
    /// the native state, so users are told a checkbox is checked when it is not, or hear tree
    /// levels in a flat table.
    ///
    /// ## How to fix
    /// Remove `aria-checked` from native checkboxes (use `checked` / `indeterminate`), and the
    /// tree attributes from rows outside a `treegrid`.
    pub ARIA_CONDITIONAL_ATTR = {
        id: "a11y/aria-conditional-attr",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("axe:aria-conditional-attr")],
    }
}

const TREEGRID_ROW_ONLY: &[&str] = &[
    "aria-expanded",
    "aria-level",
    "aria-posinset",
    "aria-setsize",
];

pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_aria_attrs() {
        if element.is_in_template() || !(element.is_html() || element.is_svg()) {
            continue;
        }
        if is_native_checkbox(&element) {
            let Some(value) = element
                .attr("aria-checked")
                .map(|v| v.trim().to_ascii_lowercase())
            else {
                continue;
            };
            if !page.visibility().in_accessibility_tree(&element) {
                continue;
            }
            out.applies(&ARIA_CONDITIONAL_ATTR, || element.location());
            let native = if element.has_attr("checked") {
                "true"
            } else {
                "false"
            };
            // "mixed" may mirror the scripted indeterminate state, which markup cannot show.
            if value != native && value != "mixed" && !value.is_empty() {
                out.fail(
                    &ARIA_CONDITIONAL_ATTR,
                    element.location(),
                    format!("aria-checked=\"{value}\" contradicts the checkbox's native state ({native})."),
                );
            }
            continue;
        }
        let used: Vec<&str> = TREEGRID_ROW_ONLY
            .iter()
            .copied()
            .filter(|name| element.attr(name).is_some_and(|v| !v.trim().is_empty()))
            .collect();
        if used.is_empty() || page.role(&element) != Some("row") {
            continue;
        }
        if !page.visibility().in_accessibility_tree(&element) {
            continue;
        }
        out.applies(&ARIA_CONDITIONAL_ATTR, || element.location());
        let owners = page.owners();
        if !in_treegrid(page, owners, &element) {
            out.fail(
                &ARIA_CONDITIONAL_ATTR,
                element.location(),
                format!(
                    "{} on a row is only allowed inside a treegrid.",
                    used.join(", ")
                ),
            );
        }
    }
}

fn is_native_checkbox(element: &Element<'_>) -> bool {
    element.is_html()
        && element.name() == "input"
        && element
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("checkbox"))
        && crate::aria::explicit_role(element).is_none()
}

/// The row's table container (through a rowgroup) is a treegrid.
fn in_treegrid(page: &Page<'_>, owners: &tree::Owners, row: &Element<'_>) -> bool {
    let mut current = tree::context_parent(page, owners, row);
    for _ in 0..2 {
        match current {
            Some((_, Some("treegrid"))) => return true,
            Some((parent, Some("rowgroup"))) => {
                current = tree::context_parent(page, owners, &parent);
            }
            _ => return false,
        }
    }
    false
}
