//! Properties of the ARIA layer on generated input: value parsing agrees with the HTML number
//! grammar on well-formed values and never panics on arbitrary text; the ARIA rules never panic
//! and stay deterministic on random markup built from roles, ARIA attributes and nesting; a
//! list with a stray child is reported by one rule, never by both `list` and
//! `aria-required-children`.

use govaudit_a11y::aria::{self, spec};
use govaudit_core::Collector;
use govaudit_html::Document;
use proptest::prelude::*;

const ROLES: &[&str] = &[
    "list",
    "listitem",
    "menu",
    "menuitem",
    "group",
    "none",
    "presentation",
    "button",
    "tab",
    "tablist",
    "grid",
    "row",
    "gridcell",
    "rowgroup",
    "option",
    "listbox",
    "heading",
    "checkbox",
    "img",
    "bogus",
    "",
    "doc-biblioref link",
    "tree",
    "treeitem",
    "separator",
    "combobox",
];
const ATTRS: &[&str] = &[
    "aria-hidden=\"true\"",
    "aria-label=\"x\"",
    "aria-checked=\"mixed\"",
    "aria-level=\"2\"",
    "aria-owns=\"e1 e2\"",
    "aria-expanded=\"false\"",
    "aria-valuenow=\"x\"",
    "aria-labeled=\"a\"",
    "tabindex=\"0\"",
    "tabindex=\"-1\"",
    "hidden",
    "id=\"e1\"",
    "id=\"e2\"",
    "href=\"#\"",
    "aria-busy=\"true\"",
    "style=\"display:none\"",
    "暗伤=\"1\"",
];
const TAGS: &[&str] = &[
    "div", "span", "ul", "li", "a", "button", "table", "tr", "td", "img", "iframe",
];

fn element() -> impl Strategy<Value = String> {
    let leaf = (
        0..TAGS.len(),
        0..ROLES.len(),
        proptest::collection::vec(0..ATTRS.len(), 0..3),
    )
        .prop_map(|(t, r, a)| open(t, r, &a) + "x" + &format!("</{}>", TAGS[t]));
    leaf.prop_recursive(4, 48, 4, |inner| {
        (
            0..TAGS.len(),
            0..ROLES.len(),
            proptest::collection::vec(0..ATTRS.len(), 0..3),
            proptest::collection::vec(inner, 0..4),
        )
            .prop_map(|(t, r, a, children)| {
                open(t, r, &a) + &children.concat() + &format!("</{}>", TAGS[t])
            })
    })
}

fn open(tag: usize, role: usize, attrs: &[usize]) -> String {
    let attrs: Vec<&str> = attrs.iter().map(|&i| ATTRS[i]).collect();
    format!(
        "<{} role=\"{}\" {}>",
        TAGS[tag],
        ROLES[role],
        attrs.join(" ")
    )
}

proptest! {
    #[test]
    fn value_checks_never_panic(value in ".*") {
        for attribute in spec::ATTRIBUTES {
            let _ = aria::is_valid_value(attribute, &value);
        }
    }

    #[test]
    fn well_formed_numbers_are_valid(int in -99999i64..99999, frac in proptest::option::of(0u32..999)) {
        let text = match frac {
            Some(f) => format!("{int}.{f}"),
            None => int.to_string(),
        };
        let now = aria::attribute("aria-valuenow").unwrap();
        prop_assert!(aria::is_valid_value(now, &text));
        let level = aria::attribute("aria-level").unwrap();
        prop_assert_eq!(aria::is_valid_value(level, &text), frac.is_none());
    }

    #[test]
    fn role_attribute_parsing_never_panics(value in ".*") {
        let html = format!("<p role=\"{}\">x</p>", value.replace('"', ""));
        let doc = Document::from_html(&html);
        if let Some(p) = doc.elements_named("p").next()
            && let Some(role) = aria::explicit_role(&p)
        {
            prop_assert!(!role.is_abstract());
        }
    }

    #[test]
    fn aria_rules_never_panic_and_are_deterministic(body in proptest::collection::vec(element(), 1..6)) {
        let html = format!("<!doctype html><html lang=en><title>t</title><body>{}</body></html>", body.concat());
        let doc = Document::from_html(&html);
        let ids: Vec<&str> = govaudit_a11y::RULES
            .iter()
            .map(|r| r.meta.id)
            .filter(|id| id.starts_with("a11y/aria-") || matches!(*id,
                "a11y/nested-interactive" | "a11y/presentation-role-conflict" | "a11y/list"
                | "a11y/listitem" | "a11y/frame-focusable-content" | "a11y/tabindex"))
            .collect();
        let run = || {
            let mut found = Collector::with_applicability("t.html");
            govaudit_a11y::check_rules(&doc, &ids, &mut found);
            let (findings, applicable) = found.into_parts();
            (findings.len(), applicable.len())
        };
        prop_assert_eq!(run(), run());
    }

    #[test]
    fn a_stray_list_child_is_reported_once(
        lists in proptest::collection::vec(
            (proptest::bool::ANY, proptest::collection::vec(0..LIST_CHILDREN.len(), 0..4)),
            1..4,
        )
    ) {
        let body: String = lists
            .iter()
            .map(|(ordered, children)| {
                let tag = if *ordered { "ol" } else { "ul" };
                let inner: String = children.iter().map(|&c| LIST_CHILDREN[c]).collect();
                format!("<{tag}>{inner}</{tag}>")
            })
            .collect();
        let html = format!("<!doctype html><html lang=en><title>t</title><body>{body}</body></html>");
        let doc = Document::from_html(&html);
        let mut found = Collector::new("t.html");
        govaudit_a11y::check_rules(&doc, &["a11y/list", "a11y/aria-required-children"], &mut found);
        let (findings, _) = found.into_parts();
        let mut places: Vec<_> = findings.iter().map(|f| f.location.selector.clone()).collect();
        let count = places.len();
        places.sort();
        places.dedup();
        prop_assert_eq!(places.len(), count, "{}: {:#?}", html, findings);
    }
}

/// Children of a native list: items, stray elements, wrappers and items with another role.
const LIST_CHILDREN: &[&str] = &[
    "<li>x</li>",
    "<p>x</p>",
    "<div>x</div>",
    "<span>x</span>",
    "<div><li>x</li></div>",
    "<li role=\"tab\">x</li>",
    "<li role=\"none\">x</li>",
    "<div role=\"listitem\">x</div>",
];
