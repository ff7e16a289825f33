use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `<ul>` or `<ol>` (without a `role` that changes its meaning) directly contains only
    /// `<li>` elements (and `<script>` / `<template>`). A list that
    /// `a11y/aria-required-children` fails (an owned element that is not a list item) is left
    /// to that rule, so one stray child gets one finding; this rule reports the rest, such as
    /// a `<div>` wrapping the `<li>`s.
    ///
    /// ## Why it matters
    /// Screen readers announce a list with its number of items; other elements placed directly
    /// in the list break that structure and may not be announced as part of it.
    ///
    /// ## How to fix
    /// Wrap the content in `<li>` elements, or move it out of the list.
    pub LIST = {
        id: "a11y/list",
        severity: Severity::High,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        // axe reports every stray child of a native list under `list`; here the ones
        // `aria-required-children` reports (ACT bc4a75) are left to it.
        sources: [Source::inspired("axe:list")],
    }
}

pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for list in page.candidates(&["ul", "ol"], &[]) {
        if !list.is_html() || !matches!(list.name(), "ul" | "ol") || list.is_in_template() {
            continue;
        }
        if role_changed(&list, "list") || !page.visibility().is_rendered(&list) {
            continue;
        }
        out.applies(&LIST, || list.location());
        // Children that are not rendered (display: none, <style>) are not part of the list.
        let visibility = page.visibility();
        let stray = list
            .children()
            .filter(|c| visibility.is_rendered(c))
            .find(|child| match child.name() {
                "script" | "template" => false,
                "li" => role_changed(child, "listitem"),
                _ => true,
            });
        // A stray child that `aria-required-children` reports (ACT bc4a75 takes native lists
        // too) is reported there, once.
        if let Some(child) = stray.filter(|_| !super::aria_required_children::fails(page, &list)) {
            out.fail(
                &LIST,
                list.location(),
                format!(
                    "This list directly contains {}, which is not a list item.",
                    child.snippet()
                ),
            )
            .evidence("child", child.snippet());
        }
    }
}

/// Does the element's `role` attribute give it a role other than `expected`?
pub(super) fn role_changed(element: &govaudit_html::Element<'_>, expected: &str) -> bool {
    crate::aria::explicit_role(element).is_some_and(|r| r.name != expected)
}
