use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every heading (`<h1>`–`<h6>` or `role="heading"`) exposed to assistive technology has a
    /// non-empty accessible name.
    ///
    /// ## Why it matters
    /// Screen reader users jump between headings to skim a page. An empty heading is announced as
    /// "heading level 2" with nothing after it, which is noise or a lost section title.
    ///
    /// ## How to fix
    /// Put the section's title text in the heading, or remove the empty heading (use CSS for
    /// spacing).
    pub HEADING_NAME = {
        id: "a11y/heading-name",
        severity: Severity::Low,
        // A best practice: ACT ffd0e9 maps to no WCAG criterion and axe tags `empty-heading`
        // `best-practice`; an empty heading by itself fails no success criterion.
        standards: [],
        sources: [Source::same("ACT:ffd0e9"), Source::inspired("axe:empty-heading")],
    }
}

/// Applies to Elements with the role `heading`, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for element in page.elements_with_role(|r| r.name == "heading") {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        let applies = page.role(&element) == Some("heading");
        if !applies {
            continue;
        }
        let act: &[&str] = &["ACT:ffd0e9"];
        require_name(
            page,
            out,
            &HEADING_NAME,
            &element,
            act,
            "This heading is empty (it has no accessible name).",
        );
    }
}
