use crate::Page;
use crate::aria;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The `<body>` element does not have `aria-hidden="true"`.
    ///
    /// ## Why it matters
    /// `aria-hidden="true"` on the body hides the whole page from screen readers while it stays
    /// visible and operable for everyone else.
    ///
    /// ## How to fix
    /// Remove `aria-hidden` from `<body>`; to hide content behind a modal dialog, hide the
    /// sibling containers (or use `inert`), never the body.
    pub ARIA_HIDDEN_BODY = {
        id: "a11y/aria-hidden-body",
        severity: Severity::Critical,
        standards: [
            "WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3",
            "WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3",
        ],
        sources: [Source::same("axe:aria-hidden-body")],
    }
}

pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for body in page.elements_named("body") {
        out.applies(&ARIA_HIDDEN_BODY, || body.location());
        if aria::has_aria_hidden_true(&body) {
            out.fail(
                &ARIA_HIDDEN_BODY,
                body.location(),
                "aria-hidden=\"true\" on <body> hides the whole page from screen readers.",
            );
        }
    }
}
