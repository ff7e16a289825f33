use crate::Page;
use crate::review::{review_first, shown_form_fields};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check that the labels of form fields describe what to enter; a machine
    /// cannot judge that. Fields with no label at all are failed by the label rules.
    ///
    /// ## Why it matters
    /// A field labelled "信息" or "Menu" leaves users guessing what to type.
    ///
    /// ## How to fix
    /// Label each field with what it asks for: "身份证号码", "联系电话".
    pub LABEL_DESCRIPTIVE = {
        id: "a11y/label-descriptive",
        severity: Severity::Low,
        standards: ["WCAG22:2.4.6", "EN301549:9.2.4.6"],
        sources: [Source::inspired("ACT:cc0f0a")],
    }
}

/// Applies to rendered form fields (`<input>` other than hidden and buttons, `<select>`,
/// `<textarea>`).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let fields = shown_form_fields(page);
    review_first(out, &LABEL_DESCRIPTIVE, fields, &["cc0f0a"], |n| {
        format!("Check that the labels of the {n} form field(s) on this page say what to enter.")
    });
}
