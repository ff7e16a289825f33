use crate::Page;
use crate::review::{review_first, shown_form_fields};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to submit the page's forms with wrong input and check that each error is
    /// shown as text that names the field and says what is wrong. Validation runs in scripts
    /// or on the server, so this rule reports `review`.
    ///
    /// ## Why it matters
    /// A red border or "输入有误" alone does not tell blind users, or anyone, what to fix.
    ///
    /// ## How to fix
    /// Show a text message next to the field ("身份证号码应为18位"), referenced with
    /// `aria-describedby`, and mark the field `aria-invalid="true"`.
    pub ERROR_IDENTIFICATION = {
        id: "a11y/error-identification",
        severity: Severity::Low,
        standards: ["WCAG22:3.3.1", "EN301549:9.3.3.1", "GB/T37668-2019:3.4.4.1"],
        sources: [Source::inspired("ACT:36b590")],
    }
}

/// Applies to rendered form fields inside `<form>` elements.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let fields = shown_form_fields(page).filter(|e| e.ancestors().any(|a| a.name() == "form"));
    review_first(out, &ERROR_IDENTIFICATION, fields, &["36b590"], |n| {
        format!(
            "Check that input errors in the {n} form field(s) are described in text that names the field."
        )
    });
}
