//! Which elements are rendered, visible, and included in the accessibility tree.
//!
//! Computed once per page in one pass in document order (a parent always comes before its
//! children, so each element's flags derive from its parent's in O(1)):
//! - not rendered: `display: none` (user-agent sheet incl. `hidden`, `<style>` sheets, `style`
//!   attributes) on it or an ancestor, `<template>` contents, the content of a closed
//!   `<details>` other than its summary, SVG non-rendered elements (`defs`, `title`, ...);
//! - invisible: `visibility: hidden | collapse` (inherited, can be reset by a descendant);
//! - `aria-hidden="true"` on it or an ancestor; `inert` on it or an ancestor;
//! - off screen: a common "visually hidden" technique on it or an ancestor, or `opacity: 0`.
//!
//! `display: none` / `visibility: hidden` set on `<html>` and `<body>` themselves are not taken
//! as hiding (see [`crate::style`]).
//!
//! ACT terms: "programmatically hidden" = not rendered, invisible, or aria-hidden (and inert,
//! which browsers also drop); "included in the accessibility tree" = not programmatically
//! hidden; "visible" = rendered, not invisible, not off screen.

use crate::style::{Display, Styles, Visibility as CssVisibility};
use crate::{Document, Element};
use std::collections::HashMap;

const NOT_RENDERED: u8 = 1;
const INVISIBLE: u8 = 1 << 1;
const ARIA_HIDDEN: u8 = 1 << 2;
const INERT: u8 = 1 << 3;
const OFF_SCREEN: u8 = 1 << 4;

/// SVG elements that are never rendered themselves (SVG 2 §5 "non-rendered elements" and the
/// text-alternative children `title` / `desc`).
const SVG_NOT_RENDERED: &[&str] = &[
    "clipPath",
    "defs",
    "desc",
    "linearGradient",
    "marker",
    "mask",
    "metadata",
    "pattern",
    "radialGradient",
    "script",
    "style",
    "symbol",
    "title",
];

/// Per-element visibility flags of a page, indexed by [`Element::index`].
#[derive(Debug)]
pub struct Visibility {
    flags: Vec<u8>,
}

impl Visibility {
    /// The flags of every element of `doc`, from its computed `styles`.
    pub fn compute(doc: &Document, styles: &Styles) -> Visibility {
        let mut flags: Vec<u8> = Vec::with_capacity(doc.element_count());
        let mut summaries = FirstChildren::default();
        for element in doc.elements() {
            let parent = element.parent();
            let inherited = parent
                .and_then(|p| flags.get(p.index()).copied())
                .unwrap_or(0)
                & !INVISIBLE;
            let style = styles.get(&element);
            let mut own = inherited;
            if element.is_in_template()
                || style.display == Display::None
                || parent.is_some_and(|p| hidden_by_closed_details(&p, &element, &mut summaries))
                || (element.is_svg() && SVG_NOT_RENDERED.contains(&element.name()))
            {
                own |= NOT_RENDERED;
            }
            if style.visibility != CssVisibility::Visible {
                own |= INVISIBLE;
            }
            if element
                .attr("aria-hidden")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            {
                own |= ARIA_HIDDEN;
            }
            if element.has_attr("inert") {
                own |= INERT;
            }
            if style.off_screen || style.opacity <= 0.0 {
                own |= OFF_SCREEN;
            }
            flags.push(own);
        }
        Visibility { flags }
    }

    fn flags(&self, element: &Element<'_>) -> u8 {
        self.flags.get(element.index()).copied().unwrap_or(0)
    }

    /// Rendered: no `display: none` on it or an ancestor, not template content.
    pub fn is_rendered(&self, element: &Element<'_>) -> bool {
        self.flags(element) & NOT_RENDERED == 0
    }

    /// `aria-hidden="true"` on it or an ancestor.
    pub fn is_aria_hidden(&self, element: &Element<'_>) -> bool {
        self.flags(element) & ARIA_HIDDEN != 0
    }

    /// `inert` on it or an ancestor.
    pub fn is_inert(&self, element: &Element<'_>) -> bool {
        self.flags(element) & INERT != 0
    }

    /// Rendered and not `visibility: hidden` (what a sighted user or a screen reader can reach).
    pub fn is_displayed(&self, element: &Element<'_>) -> bool {
        self.flags(element) & (NOT_RENDERED | INVISIBLE) == 0
    }

    /// ACT "programmatically hidden": not displayed, `aria-hidden`, or inert.
    pub fn is_hidden(&self, element: &Element<'_>) -> bool {
        self.flags(element) & (NOT_RENDERED | INVISIBLE | ARIA_HIDDEN | INERT) != 0
    }

    /// ACT "included in the accessibility tree".
    pub fn in_accessibility_tree(&self, element: &Element<'_>) -> bool {
        !self.is_hidden(element)
    }

    /// ACT "visible" (approximated without layout): displayed and not moved or clipped out of
    /// view by a common technique, not fully transparent.
    pub fn is_visible(&self, element: &Element<'_>) -> bool {
        self.flags(element) & (NOT_RENDERED | INVISIBLE | OFF_SCREEN) == 0
    }
}

/// The children of a closed `<details>` other than its first `<summary>` are not rendered.
fn hidden_by_closed_details(
    parent: &Element<'_>,
    child: &Element<'_>,
    summaries: &mut FirstChildren,
) -> bool {
    if parent.name() != "details" || !parent.is_html() {
        return false;
    }
    let first_summary = summaries.is_first(parent, child, "summary");
    !parent.has_attr("open") && !first_summary
}

/// Remembers, per parent, its first child with a given name. Fed every child in document
/// order, it answers in O(1) what a scan of the siblings would (keeps wide pages linear).
#[derive(Debug, Default)]
pub struct FirstChildren(HashMap<usize, usize>);

impl FirstChildren {
    /// Is `child` the first child of `parent` named `name`? Call for the children of a parent
    /// in document order.
    pub fn is_first(&mut self, parent: &Element<'_>, child: &Element<'_>, name: &str) -> bool {
        if child.name() != name {
            return false;
        }
        *self.0.entry(parent.index()).or_insert(child.index()) == child.index()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, expect: &[(&str, bool, bool)]) {
        let doc = Document::from_html(html);
        let styles = Styles::compute(&doc);
        let v = Visibility::compute(&doc, &styles);
        for (id, in_tree, visible) in expect {
            let e = doc.element_by_id(id).expect(id);
            assert_eq!(v.in_accessibility_tree(&e), *in_tree, "{id} in tree");
            assert_eq!(v.is_visible(&e), *visible, "{id} visible");
        }
    }

    #[test]
    fn hidden_sources() {
        check(
            "<style>.gone { display: none } .ghost { visibility: hidden } \
             .sr { position: absolute; left: -10000px }</style>\
             <div class=gone><span id=a></span></div>\
             <div class=ghost><span id=b></span><span id=c style='visibility: visible'></span></div>\
             <div aria-hidden=true><span id=d></span></div>\
             <div inert><span id=e></span></div>\
             <span id=f class=sr></span><span id=g hidden></span><span id=h></span>\
             <details><summary id=i>s</summary><p id=j>x</p></details>\
             <template><p id=k></p></template>\
             <svg><title id=l>t</title><rect id=m /></svg>",
            &[
                ("a", false, false),
                ("b", false, false),
                ("c", true, true),
                ("d", false, true),
                ("e", false, true),
                ("f", true, false),
                ("g", false, false),
                ("h", true, true),
                ("i", true, true),
                ("j", false, false),
                ("l", false, false),
                ("m", true, true),
            ],
        );
    }

    #[test]
    fn hidden_html_or_body_is_taken_as_script_revealed() {
        check(
            "<style>html { display: none } body { visibility: hidden !important }</style>\
             <body><p id=a>a</p><p id=b style='display:none'>b</p></body>",
            &[("a", true, true), ("b", false, false)],
        );
    }

    #[test]
    fn deep_pages_do_not_recurse() {
        let html = "<div>".repeat(400) + "<span id=x>t</span>";
        check(&html, &[("x", true, true)]);
        // Nesting past the parser's limit is flattened; nothing here may overflow the stack.
        check(&"<div style='display:none'>".repeat(20_000), &[]);
    }
}
