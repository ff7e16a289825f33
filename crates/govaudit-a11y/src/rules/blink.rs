use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The page uses no `<blink>` element.
    ///
    /// ## Why it matters
    /// Blinking text (the <blink> element) moves without a way to pause it; it distracts people with attention
    /// disorders and is hard to read for people with low vision (WCAG 2.2.2).
    ///
    /// ## How to fix
    /// Show the text as ordinary text; if it must move, give users a button to pause it.
    pub BLINK = {
        id: "a11y/blink",
        severity: Severity::High,
        standards: ["WCAG22:2.2.2", "EN301549:9.2.2.2", "GB/T37668-2019:3.3.3.10"],
        sources: [Source::same("axe:blink")],
    }
}

/// Applies to `<blink>` elements outside `<template>` contents.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_named("blink") {
        if !element.is_html() || element.is_in_template() {
            continue;
        }
        out.applies(&BLINK, || element.location());
        out.fail(
            &BLINK,
            element.location(),
            "This <blink> moves text that users cannot pause.",
        );
    }
}
