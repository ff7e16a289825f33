//! What the page-level and landmark rules share: whether a page has content to judge, and
//! which elements are landmarks (WAI-ARIA 1.2 §5.3.4 landmark roles, mapped from HTML by
//! HTML-AAM through [`Page::role`]).

use crate::Page;
use govaudit_core::{Collector, Location, RuleMeta};
use govaudit_html::Element;

/// The `<html>` root of a page worth a page-level verdict: an HTML document whose `<body>` is
/// rendered and has text. A body hidden by a style sheet (`html { display: none }` until a
/// script reveals the page) shows nothing statically: no verdict on its structure.
pub(crate) fn root_with_content<'d>(page: &Page<'d>) -> Option<Element<'d>> {
    if !page.doc.is_html_document() {
        return None;
    }
    let root = page.doc.root().filter(|r| r.name() == "html")?;
    page.elements_named("body")
        .any(|b| page.visibility().is_rendered(&b) && crate::page::has_text(&b))
        .then_some(root)
}

/// The landmark role of an element exposed to assistive technology, if it is one. `form` and
/// `region` count only with an accessible name (WAI-ARIA 1.2: "authors MUST give each element
/// with a region role a brief label"; HTML-AAM maps `<form>` to `form` only when named).
pub(crate) fn landmark_role(page: &Page<'_>, element: &Element<'_>) -> Option<&'static str> {
    let role = page.role(element)?;
    let landmark = match role {
        "banner" | "contentinfo" => !is_scoped_header_footer(page, element),
        "main" | "navigation" | "search" => true,
        "complementary" => !is_scoped_aside(element) || !page.name(element).is_empty(),
        "form" | "region" => !page.name(element).is_empty(),
        _ => false,
    };
    (landmark && page.visibility().in_accessibility_tree(element)).then_some(role)
}

/// A `<header>` / `<footer>` without an explicit role inside an element with role `article`,
/// `complementary`, `main`, `navigation` or `region`: HTML-AAM (Editor's Draft, `header` and
/// `footer` rows) maps it to `generic`, like inside the matching HTML elements, which
/// [`Page::role`] already handles.
fn is_scoped_header_footer(page: &Page<'_>, element: &Element<'_>) -> bool {
    matches!(element.name(), "header" | "footer")
        && element.is_html()
        && !element.has_attr("role")
        && element.ancestors().any(|a| {
            matches!(
                page.role(&a),
                Some("article" | "complementary" | "main" | "navigation" | "region")
            )
        })
}

/// An `<aside>` without an explicit role inside `<article>`, `<aside>`, `<nav>` or `<section>`:
/// HTML-AAM maps it to `complementary` only when it has a name (a pull quote in an article is
/// not a page landmark).
fn is_scoped_aside(element: &Element<'_>) -> bool {
    element.name() == "aside"
        && element.is_html()
        && !element.has_attr("role")
        && element
            .ancestors()
            .any(|a| matches!(a.name(), "article" | "aside" | "nav" | "section"))
}

/// Landmarks of the page in document order.
pub(crate) fn landmarks<'d>(page: &Page<'d>) -> Vec<(Element<'d>, &'static str)> {
    page.doc
        .elements()
        .filter(|e| !e.is_in_template())
        .filter_map(|e| landmark_role(page, &e).map(|role| (e, role)))
        .collect()
}

/// `landmark-no-duplicate-*`: a page has at most one landmark of `role`; every one after the
/// first fails.
pub(crate) fn check_no_duplicate(
    page: &Page<'_>,
    out: &mut Collector,
    rule: &RuleMeta,
    role: &str,
    element: &str,
) {
    let found: Vec<Element<'_>> = page
        .landmarks()
        .iter()
        .filter(|(_, r)| *r == role)
        .map(|(e, _)| *e)
        .collect();
    for landmark in &found {
        out.applies(rule, || landmark.location());
    }
    let count = found.len();
    for extra in found.iter().skip(1) {
        out.fail(
            rule,
            extra.location(),
            format!(
                "The page has {count} {role} landmarks ({element} or role=\"{role}\"); keep one."
            ),
        );
    }
}

/// `landmark-*-is-top-level`: a landmark of `role` is not inside another landmark.
pub(crate) fn check_top_level(page: &Page<'_>, out: &mut Collector, rule: &RuleMeta, role: &str) {
    for &(landmark, _) in page.landmarks().iter().filter(|(_, r)| *r == role) {
        out.applies(rule, || landmark.location());
        let outer = landmark
            .ancestors()
            .find_map(|a| landmark_role(page, &a).map(|r| (a, r)));
        if let Some((outer, outer_role)) = outer {
            out.fail(
                rule,
                landmark.location(),
                format!(
                    "This {role} landmark is inside a {outer_role} landmark (<{}> line {}); \
                     move it to the top level.",
                    outer.name(),
                    outer.line()
                ),
            );
        }
    }
}

/// A finding at the page as a whole (no line).
pub(crate) fn page_location(root: &Element<'_>) -> Location {
    Location {
        line: None,
        ..root.location()
    }
}
