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
    for element in page.doc.elements() {
        if element.is_in_template() {
            continue;
        }
        let Some(value) = element.attr("tabindex").and_then(parse_tabindex) else {
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

/// HTML "rules for parsing integers": leading white space, optional sign, digits, rest ignored.
fn parse_tabindex(value: &str) -> Option<i64> {
    let v = value.trim_start_matches([' ', '\t', '\n', '\x0c', '\r']);
    let (negative, rest) = match v.as_bytes().first() {
        Some(b'-') => (true, &v[1..]),
        Some(b'+') => (false, &v[1..]),
        _ => (false, v),
    };
    let digits: &str = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
    let n: i64 = digits.get(..digits.len().min(12))?.parse().ok()?;
    Some(if negative { -n } else { n })
}
