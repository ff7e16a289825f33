use crate::Page;
use crate::name::{FORM_FIELD_ROLES, input_type, require_name};
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// Every text field, checkbox, radio button and other `<input>` (except buttons and hidden
    /// inputs) and every `<textarea>` exposed to assistive technology has a non-empty accessible
    /// name: a `<label>`, `aria-label`, `aria-labelledby`, `title` or `placeholder`. Like ACT
    /// and axe, it accepts a name that comes from the placeholder alone; govaudit's stricter
    /// `a11y/label-placeholder-only` reports those.
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
    for field in form_fields(page) {
        require_name(
            page,
            out,
            &LABEL,
            &field.element,
            field.act,
            "This form field has no accessible name (add a <label> for it).",
        );
    }
}

/// A form field the label rules apply to, with the ACT rule it falls under (if any).
pub(crate) struct FormField<'a> {
    pub element: Element<'a>,
    pub act: &'static [&'static str],
}

/// `<input>` (not hidden, button, submit, reset or image) and `<textarea>` elements in the
/// accessibility tree that keep a form-field role.
pub(crate) fn form_fields<'a>(page: &'a Page<'_>) -> impl Iterator<Item = FormField<'a>> + 'a {
    let visibility = page.visibility();
    page.candidates(&["textarea", "input"], &[])
        .into_iter()
        .filter_map(move |element| {
            if !visibility.in_accessibility_tree(&element)
                || matches!(page.role(&element), Some("none" | "presentation"))
            {
                return None;
            }
            let applies = element.is_html()
                && (element.name() == "textarea"
                    || (element.name() == "input"
                        && !matches!(
                            input_type(&element).as_str(),
                            "hidden" | "button" | "submit" | "reset" | "image"
                        )));
            if !applies {
                return None;
            }
            // Date and time inputs have no role in HTML-AAM but are exposed as text fields, as
            // ACT e086e5 treats them.
            let act: &'static [&'static str] = if page
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
            Some(FormField { element, act })
        })
}
