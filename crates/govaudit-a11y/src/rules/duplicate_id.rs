use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// No two elements of the page share an `id`.
    ///
    /// ## Why it matters
    /// Labels (`<label for>`), `aria-labelledby`, `aria-describedby`, skip links and table
    /// `headers` find their target by id; with duplicates they find the first one, which is
    /// often not the intended element, and assistive technology announces the wrong thing.
    ///
    /// ## How to fix
    /// Make every id unique on the page (template and CMS fragments often repeat them).
    pub DUPLICATE_ID = {
        id: "a11y/duplicate-id",
        severity: Severity::Low,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2"],
        sources: [Source::same("axe:duplicate-id"), Source::inspired("axe:duplicate-id-active")],
    }
}

/// Applies to elements with a non-empty `id` outside `<template>` contents.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for element in page.elements_with_attr("id") {
        let Some(id) = element.id().filter(|id| !id.is_empty()) else {
            continue;
        };
        if element.is_in_template() {
            continue;
        }
        out.applies(&DUPLICATE_ID, || element.location());
        let count = seen.entry(id).or_default();
        *count += 1;
        if *count == 2 {
            out.fail(
                &DUPLICATE_ID,
                element.location(),
                format!("The id \"{id}\" is used by more than one element."),
            )
            .evidence("id", id);
        }
    }
}
