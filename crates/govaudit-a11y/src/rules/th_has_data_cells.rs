use crate::Page;
use crate::table::{Cell, TABLE_ROLES, cells};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every header cell of a table (a `<th>`, or `role="columnheader"` / `rowheader`) is the
    /// header of at least one data cell: one in its column or row that does not name other
    /// headers, or one that lists it in `headers`.
    ///
    /// ## Why it matters
    /// A header with no cells under it suggests structure that is not there, and screen
    /// readers announce it for nothing — often a sign of a layout table or a missing column.
    ///
    /// ## How to fix
    /// Remove the stray header, add the missing cells, or use `<td>` for cells that are not
    /// headers.
    pub TH_HAS_DATA_CELLS = {
        id: "a11y/th-has-data-cells",
        severity: Severity::Medium,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("ACT:d0f69e"), Source::same("axe:th-has-data-cells")],
    }
}

/// Applies to header cells that are visible or in the accessibility tree, in tables (role
/// table, grid or treegrid).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for table in page.elements_with_role(|r| crate::table::TABLE_ROLES.contains(&r.name)) {
        if !page.role(&table).is_some_and(|r| TABLE_ROLES.contains(&r)) {
            continue;
        }
        let cells = cells(page, &table);
        for header in cells.iter().filter(|c| c.is_header()) {
            let e = &header.element;
            if !(visibility.is_visible(e) && visibility.in_accessibility_tree(e)) {
                continue;
            }
            out.applies(&TH_HAS_DATA_CELLS, || e.location());
            if !cells.iter().any(|cell| is_assigned(cell, header)) {
                out.fail(
                    &TH_HAS_DATA_CELLS,
                    e.location(),
                    "This table header has no data cells in its column or row.",
                );
            }
        }
    }
}

/// Whether `cell` belongs to `header`: it names it in `headers`, or it names no headers and
/// shares a column with it (header cells under a column header count, as in the HTML header
/// assignment), or is a data cell sharing a row. Generous on purpose: a header is reported only
/// when no cell could belong to it.
fn is_assigned(cell: &Cell<'_>, header: &Cell<'_>) -> bool {
    if cell.element == header.element {
        return false;
    }
    match cell.element.attr("headers") {
        Some(ids) if !ids.trim().is_empty() => header
            .element
            .id()
            .is_some_and(|id| ids.split_ascii_whitespace().any(|h| h == id)),
        _ => {
            (cell.shares_column(header) && cell.row != header.row)
                || (!cell.is_header() && cell.shares_row(header))
        }
    }
}
