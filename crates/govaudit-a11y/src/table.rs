//! The table model the table rules need, from ARIA roles (so `<table>` and `role="table"` /
//! `grid` are handled alike): rows, cells, and each cell's slots after `colspan` / `rowspan`
//! (HTML "forming a table", simplified: a `rowspan` of 0 spans to the end of the table).

use crate::Page;
use govaudit_html::Element;

/// Roles that make a table for these rules.
pub(crate) const TABLE_ROLES: &[&str] = &["table", "grid", "treegrid"];
const CELL_ROLES: &[&str] = &["cell", "gridcell", "columnheader", "rowheader"];
/// `colspan` / `rowspan` limits of the HTML standard.
const MAX_COLSPAN: usize = 1000;
const MAX_ROWSPAN: usize = 65534;

/// One cell and the slots it covers.
pub(crate) struct Cell<'a> {
    pub element: Element<'a>,
    pub role: &'static str,
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
}

impl Cell<'_> {
    pub fn is_header(&self) -> bool {
        matches!(self.role, "columnheader" | "rowheader")
    }

    pub fn shares_column(&self, other: &Cell<'_>) -> bool {
        self.col < other.col + other.cols && other.col < self.col + self.cols
    }

    pub fn shares_row(&self, other: &Cell<'_>) -> bool {
        self.row < other.row + other.rows && other.row < self.row + self.rows
    }
}

/// The nearest ancestor (or the element) with a table role.
pub(crate) fn owning_table<'a>(page: &Page<'_>, element: &Element<'a>) -> Option<Element<'a>> {
    element
        .ancestors()
        .find(|a| page.role(a).is_some_and(|r| TABLE_ROLES.contains(&r)))
}

/// The cells of `table` (not of tables nested in it), with their slots.
pub(crate) fn cells<'a>(page: &Page<'_>, table: &Element<'a>) -> Vec<Cell<'a>> {
    let mut cells = Vec::new();
    // Slots taken by rowspans from earlier rows: (column, last row it covers).
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut row_index = 0;
    for row in table.descendants() {
        if page.role(&row) != Some("row") || owning_table(page, &row).as_ref() != Some(table) {
            continue;
        }
        let mut col = 0;
        for cell in row.descendants() {
            let Some(role) = page.role(&cell).filter(|r| CELL_ROLES.contains(r)) else {
                continue;
            };
            if cell
                .ancestors()
                .find(|a| page.role(a) == Some("row"))
                .as_ref()
                != Some(&row)
            {
                continue;
            }
            while taken.iter().any(|&(c, last)| c == col && last >= row_index) {
                col += 1;
            }
            let cols = span(&cell, "colspan", MAX_COLSPAN);
            let rows = match cell.attr("rowspan").map(str::trim) {
                Some("0") => MAX_ROWSPAN,
                _ => span(&cell, "rowspan", MAX_ROWSPAN),
            };
            if rows > 1 {
                for c in col..col + cols {
                    taken.push((c, row_index + rows - 1));
                }
            }
            cells.push(Cell {
                element: cell,
                role,
                row: row_index,
                col,
                rows,
                cols,
            });
            col += cols;
        }
        row_index += 1;
    }
    cells
}

fn span(cell: &Element<'_>, name: &str, max: usize) -> usize {
    cell.attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .map_or(1, |n| n.min(max))
}
