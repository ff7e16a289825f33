use crate::Page;
use crate::name::{FORM_FIELD_ROLES, NameSource, input_type, require_name};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every text field, checkbox, radio button and other `<input>` (except buttons and hidden
    /// inputs) and every `<textarea>` exposed to assistive technology has a non-empty accessible
    /// name: a `<label>`, `aria-label`, `aria-labelledby`, `title` or `placeholder`. A field
    /// named only by its `placeholder` is reported too (with medium severity, under WCAG 3.3.2
    /// only: assistive technology does read the placeholder, so ACT and axe accept it).
    ///
    /// ## Why it matters
    /// A screen reader announces a form field by its name. A field without one is "edit text" or
    /// "checkbox" and the user cannot know what to enter.
    ///
    /// ## How to fix
    /// Add `<label for="field-id">...</label>` with visible text (or wrap the field in its
    /// `<label>`); use `aria-label` only when there is no room for visible text. A placeholder
    /// is no label: it disappears as soon as the user types and is often too pale to read.
    pub LABEL = {
        id: "a11y/label",
        severity: Severity::Critical,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3", "WCAG22:3.3.2", "EN301549:9.3.3.2", "GB/T37668-2019:3.3.4.1"],
        sources: [Source::same("ACT:e086e5"), Source::same("axe:label")],
    }
}

/// Applies to `<input>` (not hidden, button, submit, reset or image) and `<textarea>`, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.candidates(&["textarea", "input"], &[]) {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        if matches!(page.role(&element), Some("none" | "presentation")) {
            continue;
        }
        let applies = element.is_html()
            && (element.name() == "textarea"
                || (element.name() == "input"
                    && !matches!(
                        input_type(&element).as_str(),
                        "hidden" | "button" | "submit" | "reset" | "image"
                    )));
        if !applies {
            continue;
        }
        // Date and time inputs have no role in HTML-AAM but are exposed as text fields, as ACT
        // e086e5 treats them.
        let act: &[&str] = if page
            .role(&element)
            .is_some_and(|r| FORM_FIELD_ROLES.contains(&r))
            || (element.name() == "input"
                && matches!(
                    input_type(&element).as_str(),
                    "date" | "datetime-local" | "month" | "time" | "week"
                )) {
            &["ACT:e086e5"]
        } else {
            &[]
        };
        require_name(
            page,
            out,
            &LABEL,
            &element,
            act,
            "This form field has no accessible name (add a <label> for it).",
        );
        if page.name(&element).source == NameSource::Placeholder {
            let finding = out.fail(
                &LABEL,
                element.location(),
                "This form field is labelled only by its placeholder, which disappears once the user types (add a <label>).",
            );
            finding.severity = Severity::Medium;
            finding.set_standards(["WCAG22:3.3.2", "EN301549:9.3.3.2", "GB/T37668-2019:3.3.4.1"]);
        }
    }
}
