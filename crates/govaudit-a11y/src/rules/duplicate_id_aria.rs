use crate::Page;
use crate::aria;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use std::collections::HashSet;

declare_rule! {
    /// ## What it checks
    /// Every `id` that an ARIA relationship (`aria-labelledby`, `aria-describedby`,
    /// `aria-controls`, `aria-owns`, ...) or a `<label for>` refers to is used by only one
    /// element.
    ///
    /// ## Why it matters
    /// References resolve to the first element with the id; when the id is duplicated, the label
    /// or description announced may belong to a different element than the one intended.
    ///
    /// ## How to fix
    /// Give every element a unique `id`, and point the reference at the intended one.
    pub DUPLICATE_ID_ARIA = {
        id: "a11y/duplicate-id-aria",
        severity: Severity::Critical,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("axe:duplicate-id-aria")],
    }
}

/// Applies to elements whose `id` is referred to by an ARIA id reference or `label[for]`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut referenced: HashSet<&str> = HashSet::new();
    for element in page.doc.elements() {
        if element.is_in_template() {
            continue;
        }
        for (name, value) in aria::aria_attributes(&element) {
            let is_reference = aria::attribute(&name.to_ascii_lowercase()).is_some_and(|a| {
                matches!(
                    a.value,
                    aria::ValueType::IdReference | aria::ValueType::IdReferenceList
                )
            });
            if is_reference {
                referenced.extend(value.split_ascii_whitespace());
            }
        }
        if element.name() == "label"
            && let Some(target) = element.attr("for")
        {
            referenced.insert(target);
        }
    }
    let mut duplicated: Vec<(&str, usize)> = page
        .doc
        .ids()
        .filter(|(id, count)| *count > 1 && referenced.contains(id))
        .collect();
    duplicated.sort_unstable();
    for (id, _) in duplicated {
        // The first element wins the reference; report the others.
        for element in page.doc.elements_with_id(id).skip(1) {
            out.applies(&DUPLICATE_ID_ARIA, || element.location());
            out.fail(
                &DUPLICATE_ID_ARIA,
                element.location(),
                format!("id=\"{id}\" is used by an ARIA reference or label and is not unique."),
            )
            .evidence("id", id);
        }
    }
}
