use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// No two elements share an `accesskey` value.
    ///
    /// ## Why it matters
    /// With duplicate access keys, the shortcut reaches only one of the elements (which one
    /// depends on the browser), so keyboard users cannot rely on it.
    ///
    /// ## How to fix
    /// Give every access key a distinct character, or drop `accesskey`.
    pub ACCESSKEYS = {
        id: "a11y/accesskeys",
        severity: Severity::Low,
        standards: ["WCAG22:2.1.1", "EN301549:9.2.1.1"],
        sources: [Source::same("axe:accesskeys")],
    }
}

/// Applies to rendered elements with a non-empty `accesskey`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for element in page.elements_with_attr("accesskey") {
        let Some(key) = element
            .attr("accesskey")
            .map(str::trim)
            .filter(|k| !k.is_empty())
        else {
            continue;
        };
        if !page.visibility().is_rendered(&element) {
            continue;
        }
        out.applies(&ACCESSKEYS, || element.location());
        let count = seen.entry(key.to_lowercase()).or_default();
        *count += 1;
        if *count == 2 {
            out.fail(
                &ACCESSKEYS,
                element.location(),
                format!("The access key \"{key}\" is used by more than one element."),
            );
        }
    }
}
