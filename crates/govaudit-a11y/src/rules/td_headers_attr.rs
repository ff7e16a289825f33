use crate::Page;
use crate::table::{TABLE_ROLES, cells, owning_table};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every id in a table cell's `headers` attribute names another cell of the same table.
    ///
    /// ## Why it matters
    /// Screen readers announce a data cell's headers from `headers`; an id that points
    /// nowhere, outside the table, or at the cell itself leaves the cell without its headers.
    ///
    /// ## How to fix
    /// List the ids of the header cells (`<th id="...">`) of the same table, or drop `headers`
    /// and use `<th scope>` for simple tables.
    pub TD_HEADERS_ATTR = {
        id: "a11y/td-headers-attr",
        severity: Severity::High,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("ACT:a25f45"), Source::same("axe:td-headers-attr")],
    }
}

/// Applies to cells with `headers` in tables (role table or grid) that are visible and in the
/// accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for table in page.candidates(&["table"], &[]) {
        if !page.role(&table).is_some_and(|r| TABLE_ROLES.contains(&r))
            || !table.is_html()
            || table.name() != "table"
            || !visibility.is_visible(&table)
            || !visibility.in_accessibility_tree(&table)
        {
            continue;
        }
        for cell in cells(page, &table) {
            let Some(headers) = cell.element.attr("headers") else {
                continue;
            };
            out.applies(&TD_HEADERS_ATTR, || cell.element.location());
            let wrong: Vec<&str> = headers
                .split_ascii_whitespace()
                .filter(|id| {
                    let target = page.doc.element_by_id(id);
                    !target.is_some_and(|t| {
                        t != cell.element
                            && owning_table(page, &t).as_ref() == Some(&table)
                            && matches!(
                                page.role(&t),
                                Some("cell" | "gridcell" | "columnheader" | "rowheader")
                            )
                    })
                })
                .collect();
            if !wrong.is_empty() {
                out.fail(
                    &TD_HEADERS_ATTR,
                    cell.element.location(),
                    format!(
                        "headers=\"{headers}\" names {} that is not another cell of this table.",
                        wrong.join(", ")
                    ),
                )
                .evidence("ids", &wrong);
            }
        }
    }
}
