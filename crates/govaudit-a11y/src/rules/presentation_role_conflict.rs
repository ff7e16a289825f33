use crate::Page;
use crate::aria::{self, roles_implicit::has_global_aria};
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// An element marked as decorative — `role="none"` / `role="presentation"`, or an `<img>`
    /// with `alt=""` — is really left out of the accessibility tree: it is neither focusable nor
    /// carrying a global ARIA attribute such as `aria-label` or `aria-labelledby`. Either of
    /// those makes browsers ignore the decorative marking and expose the element again.
    ///
    /// ## Why it matters
    /// The author meant the element to be skipped; exposed anyway, it is announced with its
    /// native role and no meaningful name, which confuses screen-reader users.
    ///
    /// ## How to fix
    /// If the element is decorative, remove the ARIA attributes and `tabindex`. If it conveys
    /// something, remove `role="none"` / `alt=""` and give it a proper name.
    pub PRESENTATION_ROLE_CONFLICT = {
        id: "a11y/presentation-role-conflict",
        severity: Severity::Low,
        // A best practice: ACT 46ca7f maps to no WCAG criterion and axe tags the rule
        // `best-practice`; the element is exposed with its native role, which fails no success
        // criterion by itself.
        standards: [],
        sources: [Source::same("ACT:46ca7f"), Source::same("axe:presentation-role-conflict")],
    }
}

/// Applies to HTML and SVG elements marked as decorative.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.candidates(&["img"], &["role"]) {
        if element.is_in_template() || !is_marked_decorative(&element) {
            continue;
        }
        out.applies(&PRESENTATION_ROLE_CONFLICT, || element.location());
        if !page.visibility().in_accessibility_tree(&element) {
            continue;
        }
        let focusable = page.focus().is_focusable(&element);
        let global = has_global_aria(&element);
        if focusable || global {
            let why = if focusable {
                "it is focusable"
            } else {
                "it has a global ARIA attribute"
            };
            out.fail(
                &PRESENTATION_ROLE_CONFLICT,
                element.location(),
                format!("Marked as decorative, but exposed to assistive technology because {why}."),
            );
        }
    }
}

/// `role` whose first valid token is `none` / `presentation`, or `<img alt="">` without a role.
fn is_marked_decorative(element: &Element<'_>) -> bool {
    if !(element.is_html() || element.is_svg()) {
        return false;
    }
    match aria::explicit_role(element) {
        Some(role) => role.is_presentational(),
        None => element.is_html() && element.name() == "img" && element.attr("alt") == Some(""),
    }
}
