use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// The `autocomplete` attribute of a form field is a valid HTML autofill value:
    /// optional `section-*`, optional `shipping`/`billing`, optional `home`/`work`/`mobile`/
    /// `fax`/`pager` (only before a telephone, email or IMPP field), one field name such as
    /// `name`, `tel` or `postal-code`, and optional `webauthn`.
    ///
    /// ## Why it matters
    /// A correct purpose lets browsers fill the field and lets assistive tools show familiar
    /// icons, which helps people with cognitive or motor disabilities (WCAG 1.3.5).
    ///
    /// ## How to fix
    /// Use the token list of the HTML standard: `autocomplete="tel"`, `autocomplete="email"`,
    /// `autocomplete="street-address"`; not made-up words or commas.
    pub AUTOCOMPLETE_VALID = {
        id: "a11y/autocomplete-valid",
        severity: Severity::Medium,
        standards: ["WCAG22:1.3.5", "EN301549:9.1.3.5"],
        sources: [Source::same("ACT:73f2c2"), Source::same("axe:autocomplete-valid")],
    }
}

/// Autofill field names that take no contact-type prefix (HTML Living Standard, "Autofill",
/// table of autofill field names).
const FIELD_NAMES: &[&str] = &[
    "name",
    "honorific-prefix",
    "given-name",
    "additional-name",
    "family-name",
    "honorific-suffix",
    "nickname",
    "username",
    "new-password",
    "current-password",
    "one-time-code",
    "organization-title",
    "organization",
    "street-address",
    "address-line1",
    "address-line2",
    "address-line3",
    "address-level4",
    "address-level3",
    "address-level2",
    "address-level1",
    "country",
    "country-name",
    "postal-code",
    "cc-name",
    "cc-given-name",
    "cc-additional-name",
    "cc-family-name",
    "cc-number",
    "cc-exp",
    "cc-exp-month",
    "cc-exp-year",
    "cc-csc",
    "cc-type",
    "transaction-currency",
    "transaction-amount",
    "language",
    "bday",
    "bday-day",
    "bday-month",
    "bday-year",
    "sex",
    "url",
    "photo",
];

/// Field names that may follow a contact type (same source).
const CONTACT_FIELD_NAMES: &[&str] = &[
    "tel",
    "tel-country-code",
    "tel-national",
    "tel-area-code",
    "tel-local",
    "tel-local-prefix",
    "tel-local-suffix",
    "tel-extension",
    "email",
    "impp",
];

const CONTACT_TYPES: &[&str] = &["home", "work", "mobile", "fax", "pager"];

/// Applies to `<input>` (not hidden or a button), `<select>` and `<textarea>` with an
/// `autocomplete` other than empty, `on` or `off`, that are not disabled and are visible or
/// in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for field in page.elements_with_attr("autocomplete") {
        let Some(value) = field.attr("autocomplete") else {
            continue;
        };
        let trimmed = value.trim().to_ascii_lowercase();
        if trimmed.is_empty() || trimmed == "on" || trimmed == "off" || !is_applicable(page, &field)
        {
            continue;
        }
        out.applies(&AUTOCOMPLETE_VALID, || field.location());
        if !is_valid_autofill(&trimmed) {
            out.fail(
                &AUTOCOMPLETE_VALID,
                field.location(),
                format!("autocomplete=\"{value}\" is not a valid autofill value."),
            )
            .evidence("autocomplete", value);
        }
    }
}

fn is_applicable(page: &Page<'_>, field: &Element<'_>) -> bool {
    if !field.is_html() {
        return false;
    }
    let kind = field.attr("type").map(|t| t.trim().to_ascii_lowercase());
    let control = match field.name() {
        "select" | "textarea" => true,
        "input" => !matches!(
            kind.as_deref(),
            Some("hidden" | "button" | "submit" | "reset" | "image")
        ),
        _ => false,
    };
    let visibility = page.visibility();
    control
        && !page.focus().is_disabled(field)
        && field
            .attr("aria-disabled")
            .map(|v| v.trim().to_ascii_lowercase())
            .as_deref()
            != Some("true")
        && (visibility.is_visible(field) || visibility.in_accessibility_tree(field))
}

/// The token grammar of the HTML standard's autofill detail tokens.
fn is_valid_autofill(value: &str) -> bool {
    let mut tokens: Vec<&str> = value.split_ascii_whitespace().collect();
    if tokens.last() == Some(&"webauthn") {
        tokens.pop();
    }
    let Some(field) = tokens.pop() else {
        return false;
    };
    let contact = tokens.last().is_some_and(|t| CONTACT_TYPES.contains(t));
    if contact {
        tokens.pop();
        if !CONTACT_FIELD_NAMES.contains(&field) {
            return false;
        }
    } else if !FIELD_NAMES.contains(&field) && !CONTACT_FIELD_NAMES.contains(&field) {
        return false;
    }
    if matches!(tokens.last(), Some(&"shipping" | &"billing")) {
        tokens.pop();
    }
    if tokens.last().is_some_and(|t| t.starts_with("section-")) {
        tokens.pop();
    }
    tokens.is_empty()
}

#[cfg(test)]
mod tests {
    use super::is_valid_autofill;

    proptest::proptest! {
        #[test]
        fn any_value_is_judged_without_panic(s in "\\PC*") {
            let _ = is_valid_autofill(&s.to_ascii_lowercase());
        }
    }

    #[test]
    fn autofill_grammar_as_in_the_act_examples() {
        for ok in [
            "username",
            "bday-month",
            "street-address",
            "work email",
            "section-partner email",
            "section-primary billing address-line1",
            "section-primary shipping work email",
            "current-password webauthn",
            "tel",
        ] {
            assert!(is_valid_autofill(ok), "{ok}");
        }
        for bad in [
            "badname",
            "work photo",
            "work shipping email",
            "work,email",
            "banner",
            "shipping",
            "address-line1 address-line2",
            "work",
            "current-password webauthn invalid",
            "email invalid",
            "webauthn",
        ] {
            assert!(!is_valid_autofill(bad), "{bad}");
        }
    }
}
