use crate::Page;
use crate::aria::{
    self,
    allowed_roles::{Allowed, allowed_roles},
    roles_implicit::implicit_role,
};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The `role` given to an HTML element is one "ARIA in HTML" allows for that element: no
    /// `role` on `<label>`, `<textarea>` or `<select multiple>`, only `presentation` / `none` on
    /// `<img alt="">`, only widget roles such as `tab` or `menuitem` on `<a href>`.
    ///
    /// ## Why it matters
    /// A role that fights the element's native behaviour gives screen-reader users a control
    /// that announces one thing and behaves like another (a text area announced as a button).
    ///
    /// ## How to fix
    /// Remove the role, or use the element whose native role is the one you want.
    pub ARIA_ALLOWED_ROLE = {
        id: "a11y/aria-allowed-role",
        severity: Severity::Low,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("axe:aria-allowed-role")],
    }
}

/// Applies to HTML elements with an explicit role other than their implicit one.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_attr("role") {
        if element.is_in_template() || !element.is_html() || !element.has_attr("role") {
            continue;
        }
        let Some(role) = aria::explicit_role(&element) else {
            continue;
        };
        if implicit_role(&element) == Some(role.name)
            || !page.visibility().in_accessibility_tree(&element)
        {
            continue;
        }
        out.applies(&ARIA_ALLOWED_ROLE, || element.location());
        let allowed = match allowed_roles(&element) {
            Allowed::Any => true,
            Allowed::NoRole => false,
            Allowed::Only(roles) => roles.contains(&role.name),
        };
        if !allowed {
            out.fail(
                &ARIA_ALLOWED_ROLE,
                element.location(),
                format!(
                    "role=\"{}\" is not allowed on <{}> (ARIA in HTML).",
                    role.name,
                    element.name()
                ),
            )
            .evidence("role", role.name);
        }
    }
}
