use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// A `<dl>` (without a `role`) directly contains only `<dt>` and `<dd>` groups, optionally
    /// wrapped in `<div>` elements, plus `<script>` / `<template>`.
    ///
    /// ## Why it matters
    /// Other content placed directly in a description list breaks the term / description
    /// structure that screen readers announce.
    ///
    /// ## How to fix
    /// Move the other elements out of the `<dl>`, or into a `<dt>` or `<dd>`.
    pub DEFINITION_LIST = {
        id: "a11y/definition-list",
        severity: Severity::High,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:definition-list")],
    }
}

pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for dl in page.elements_named("dl") {
        if !dl.is_html()
            || crate::aria::explicit_role(&dl).is_some()
            || !page.visibility().is_rendered(&dl)
        {
            continue;
        }
        out.applies(&DEFINITION_LIST, || dl.location());
        let visibility = page.visibility();
        let stray = dl
            .children()
            .filter(|c| visibility.is_rendered(c))
            .find(|child| match child.name() {
                "script" | "template" => false,
                "dt" | "dd" => has_role(child),
                "div" => {
                    has_role(child)
                        || child
                            .children()
                            .any(|g| visibility.is_rendered(&g) && !allowed_in_group(&g))
                }
                _ => true,
            });
        if let Some(child) = stray {
            out.fail(
                &DEFINITION_LIST,
                dl.location(),
                format!(
                    "This <dl> directly contains <{}>; only <dt>, <dd> and <div> groups of them are allowed.",
                    child.name()
                ),
            )
            .evidence("child", child.snippet());
        }
    }
}

fn has_role(element: &Element<'_>) -> bool {
    crate::aria::explicit_role(element).is_some()
}

fn allowed_in_group(element: &Element<'_>) -> bool {
    match element.name() {
        "script" | "template" => true,
        "dt" | "dd" => !has_role(element),
        _ => false,
    }
}
