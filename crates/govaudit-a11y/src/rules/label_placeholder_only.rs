use super::label::form_fields;
use crate::Page;
use crate::name::NameSource;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A form field whose only name is its `placeholder`. The field has an accessible name
    /// (ACT e086e5 and axe's `label` accept it), so this is govaudit's own, stricter rule under
    /// WCAG 3.3.2 Labels or Instructions.
    ///
    /// ## Why it matters
    /// The placeholder disappears as soon as the user types, so the field loses its label just
    /// when it is needed: when checking what was entered, or coming back to correct an error.
    /// Placeholders are also often too pale to read.
    ///
    /// ## How to fix
    /// Add a visible `<label for="field-id">`; keep the placeholder for an example of the
    /// expected format, if at all.
    pub LABEL_PLACEHOLDER_ONLY = {
        id: "a11y/label-placeholder-only",
        severity: Severity::Medium,
        standards: ["WCAG22:3.3.2", "EN301549:9.3.3.2", "GB/T37668-2019:3.3.4.1"],
        sources: [Source::inspired("axe:label")],
    }
}

/// Applies to the fields `a11y/label` applies to whose name is not empty.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for field in form_fields(page) {
        if page.name(&field.element).source != NameSource::Placeholder {
            continue;
        }
        out.applies(&LABEL_PLACEHOLDER_ONLY, || field.element.location());
        out.fail(
            &LABEL_PLACEHOLDER_ONLY,
            field.element.location(),
            "This form field is labelled only by its placeholder, which disappears once the user types (add a <label>).",
        );
    }
}
