use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The `scope` attribute is used only on `<th>` and only with `row`, `col`, `rowgroup` or
    /// `colgroup`.
    ///
    /// ## Why it matters
    /// Screen readers use `scope` to tell which cells a header belongs to; a wrong value or a
    /// `scope` on a `<td>` announces wrong headers.
    ///
    /// ## How to fix
    /// Put `scope="col"` / `scope="row"` on header cells only.
    pub SCOPE_ATTR_VALID = {
        id: "a11y/scope-attr-valid",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1"],
        sources: [Source::same("axe:scope-attr-valid")],
    }
}

/// Applies to HTML elements with a `scope` attribute.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_attr("scope") {
        let Some(scope) = element.attr("scope") else {
            continue;
        };
        if !element.is_html() || element.is_in_template() {
            continue;
        }
        out.applies(&SCOPE_ATTR_VALID, || element.location());
        let value = scope.trim().to_ascii_lowercase();
        let message = if element.name() != "th" {
            format!(
                "scope is only meaningful on <th>, not on <{}>.",
                element.name()
            )
        } else if !matches!(value.as_str(), "row" | "col" | "rowgroup" | "colgroup") {
            format!("scope=\"{scope}\" is not row, col, rowgroup or colgroup.")
        } else {
            continue;
        };
        out.fail(&SCOPE_ATTR_VALID, element.location(), message);
    }
}
