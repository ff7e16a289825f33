//! WAI-ARIA: the roles, states and properties of WAI-ARIA 1.2 as data ([`spec`]), and the
//! helpers rules use to read them off an element.
//!
//! Public API (stable for the other modules of this crate):
//! - [`spec::ROLES`], [`spec::MODULE_ROLES`] (DPUB-ARIA, Graphics ARIA) and [`spec::ATTRIBUTES`]:
//!   the tables; [`spec::role_named`] and [`spec::attribute`] look one up by name.
//! - [`spec::Role`]: `category`, `deprecated`, `superclasses`, `required_context`,
//!   `required_owned` ([`spec::RoleStep`]: a role reached directly or through `group` /
//!   `rowgroup`), `required_attrs`, `supported_attrs`, `prohibited_attrs`, `name_from`
//!   ([`spec::NameFrom`]: author / contents / prohibited), `name_required`,
//!   `children_presentational`; methods `is_abstract`, `is_presentational`, `is_a(superclass)`,
//!   `supports(attr)` (global + own + inherited, minus prohibited), `prohibits(attr)`.
//! - [`spec::Attribute`]: `kind` (state / property), `value` ([`spec::ValueType`] with token
//!   lists), `global`, `deprecated`.
//! - [`role_tokens`], [`explicit_role`]: the `role` attribute read as WAI-ARIA says (first token
//!   naming a concrete role wins; later tokens are fallbacks).
//! - [`is_valid_value`]: is an attribute value valid for its value type.
//! - [`aria_attributes`]: the `aria-*` attributes on an element.
//! - [`is_aria_hidden`] / [`aria_hidden_root`]: `aria-hidden="true"` on the element or an ancestor.
//!
//! - [`allowed_roles`]: which explicit roles ARIA in HTML allows on each HTML element.
//! - [`tree`]: accessibility parent / owned elements (`aria-owns`, transparent generic and
//!   presentational elements), for required context and owned-element rules.
//!
//! ```
//! use govaudit_a11y::aria::{self, NameFrom};
//! use govaudit_html::Document;
//!
//! let button = aria::role_named("button").unwrap();
//! assert!(button.supports("aria-pressed") && !button.supports("aria-checked"));
//! assert_eq!(button.name_from, NameFrom::Contents);
//! assert!(aria::role_named("generic").unwrap().prohibits("aria-label"));
//!
//! let doc = Document::from_html(r#"<span role="lnik link" aria-expanded="open">x</span>"#);
//! let span = doc.elements_named("span").next().unwrap();
//! assert_eq!(aria::explicit_role(&span).map(|r| r.name), Some("link"));
//! let expanded = aria::attribute("aria-expanded").unwrap();
//! assert!(!aria::is_valid_value(expanded, "open"));
//! ```
//!
//! Implicit (HTML-AAM) roles live in `roles_implicit` (owned by the names/visibility engineer).

pub mod allowed_roles;
pub mod roles_implicit;
pub mod spec;
pub mod tree;

use govaudit_html::Element;
pub use spec::{Attribute, NameFrom, Role, RoleStep, ValueType, attribute, role_named};

/// The tokens of the `role` attribute, lowercased (ASCII), in order. Empty when absent or blank.
pub fn role_tokens<'a>(element: &Element<'a>) -> impl Iterator<Item = String> + 'a {
    element
        .attr("role")
        .unwrap_or("")
        .split_ascii_whitespace()
        .map(str::to_ascii_lowercase)
}

/// The role the `role` attribute gives the element: the first token that names a concrete
/// (non-abstract) role of WAI-ARIA, DPUB-ARIA or Graphics ARIA (WAI-ARIA 1.2 §7.1 "Role
/// Attribute": later tokens are fallbacks). `None` when there is no such token; the element then
/// has its implicit role.
pub fn explicit_role(element: &Element<'_>) -> Option<&'static Role> {
    role_tokens(element)
        .filter_map(|token| role_named(&token))
        .find(|role| !role.is_abstract())
}

/// The `aria-*` attributes of an element: (lowercase name, value).
pub fn aria_attributes<'a>(element: &Element<'a>) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    element.attrs().filter(|(name, _)| is_aria_name(name))
}

/// Does an attribute name start with `aria-` (ASCII case-insensitive)? Safe on any text: web
/// pages put arbitrary Unicode in attribute names.
pub fn is_aria_name(name: &str) -> bool {
    name.len() > 5
        && name
            .as_bytes()
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"aria-"))
}

/// `aria-hidden="true"` on the element itself.
pub fn has_aria_hidden_true(element: &Element<'_>) -> bool {
    element
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// The outermost element with `aria-hidden="true"` among the element and its ancestors.
pub fn aria_hidden_root<'a>(element: &Element<'a>) -> Option<Element<'a>> {
    std::iter::once(*element)
        .chain(element.ancestors())
        .filter(has_aria_hidden_true)
        .last()
}

/// Is the element, or one of its ancestors, `aria-hidden="true"`?
pub fn is_aria_hidden(element: &Element<'_>) -> bool {
    std::iter::once(*element)
        .chain(element.ancestors())
        .any(|e| has_aria_hidden_true(&e))
}

/// Is `value` valid for `attribute`'s value type (WAI-ARIA 1.2 §6.3)? Token values compare
/// ASCII case-insensitively, as browsers do. ID references are checked for form only (non-empty
/// tokens); whether they point at an element is a separate question.
pub fn is_valid_value(attribute: &Attribute, value: &str) -> bool {
    let v = value.trim();
    let one_of = |tokens: &[&str], t: &str| tokens.iter().any(|k| k.eq_ignore_ascii_case(t));
    match attribute.value {
        ValueType::TrueFalse => one_of(&["true", "false"], v),
        ValueType::TrueFalseUndefined => one_of(&["true", "false", "undefined"], v),
        ValueType::Tristate => one_of(&["true", "false", "mixed", "undefined"], v),
        ValueType::Integer => is_integer(v),
        ValueType::Number => is_number(v),
        ValueType::String | ValueType::IdReference | ValueType::IdReferenceList => true,
        ValueType::Token(tokens) => one_of(tokens, v),
        ValueType::TokenList(tokens) => {
            let mut any = false;
            for t in v.split_ascii_whitespace() {
                if !one_of(tokens, t) {
                    return false;
                }
                any = true;
            }
            any
        }
    }
}

/// An HTML "valid integer": optional `-`, then ASCII digits.
fn is_integer(v: &str) -> bool {
    let digits = v.strip_prefix('-').unwrap_or(v);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// An HTML "valid floating-point number" (also accepting a leading `+` and `.5`, as browsers do).
fn is_number(v: &str) -> bool {
    let v = v.strip_prefix(['-', '+']).unwrap_or(v);
    let (mantissa, exponent) = match v.find(['e', 'E']) {
        Some(i) => (&v[..i], Some(&v[i + 1..])),
        None => (v, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(int)
        && digits(frac)
        && !(int.is_empty() && frac.is_empty())
        && !(mantissa.ends_with('.'));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use govaudit_html::Document;

    #[test]
    fn first_concrete_role_token_wins() {
        let doc = Document::from_html(
            r#"<span role="Bibliographic-Reference doc-biblioref LINK"></span><i role="command lnik"></i>"#,
        );
        let span = doc.elements_named("span").next().unwrap();
        assert_eq!(explicit_role(&span).map(|r| r.name), Some("doc-biblioref"));
        let i = doc.elements_named("i").next().unwrap();
        assert_eq!(explicit_role(&i), None);
    }

    #[test]
    fn values_are_checked_by_type() {
        let a = |n| attribute(n).unwrap();
        assert!(is_valid_value(a("aria-checked"), "Mixed"));
        assert!(!is_valid_value(a("aria-expanded"), "mixed"));
        assert!(is_valid_value(a("aria-level"), " 2 "));
        assert!(!is_valid_value(a("aria-level"), "2.5"));
        assert!(is_valid_value(a("aria-valuenow"), "-2.5e3"));
        assert!(!is_valid_value(a("aria-valuenow"), "abc"));
        assert!(!is_valid_value(a("aria-valuenow"), ""));
        assert!(is_valid_value(a("aria-relevant"), "additions text"));
        assert!(!is_valid_value(a("aria-relevant"), "additions nope"));
        assert!(!is_valid_value(a("aria-live"), "nope"));
    }

    #[test]
    fn attribute_names_in_any_script_are_safe() {
        let doc = Document::from_html("<p 暗伤\"曝露？\"=1 aria-x=1 ARIA-LABEL=a aria=1>x</p>");
        let p = doc.elements_named("p").next().unwrap();
        let names: Vec<_> = aria_attributes(&p).map(|(n, _)| n).collect();
        assert_eq!(names, ["aria-x", "aria-label"]);
        assert!(!is_aria_name("暗伤"));
    }

    #[test]
    fn aria_hidden_is_inherited() {
        let doc = Document::from_html(
            r#"<div aria-hidden="true"><p aria-hidden="TRUE"><b>x</b></p></div><i aria-hidden="false"></i>"#,
        );
        let b = doc.elements_named("b").next().unwrap();
        assert!(is_aria_hidden(&b));
        assert_eq!(aria_hidden_root(&b).map(|e| e.name()), Some("div"));
        assert!(!is_aria_hidden(&doc.elements_named("i").next().unwrap()));
    }
}
