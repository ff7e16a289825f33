use crate::Page;
use crate::aria::{self, RoleStep, roles_implicit::implicit_role, tree};
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// An element given a role that only makes sense inside another role is inside it: a
    /// `listitem` in a `list`, a `tab` in a `tablist`, an `option` in a `listbox`, a `menuitem`
    /// in a `menu` or `menubar`, a `row` in a `table`, `grid` or `treegrid`, a `cell` in a
    /// `row`. Generic and presentational containers in between do not count; `aria-owns`
    /// does.
    ///
    /// ## Why it matters
    /// Assistive technology announces such elements as part of their container ("tab 2 of 4");
    /// outside it they are announced wrongly or not at all, and keyboard interaction breaks.
    ///
    /// ## How to fix
    /// Put the element inside an element with the required role (or make the container own it
    /// with `aria-owns`), and remove roles from wrappers in between.
    pub ARIA_REQUIRED_PARENT = {
        id: "a11y/aria-required-parent",
        severity: Severity::Critical,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("ACT:ff89c9"), Source::same("axe:aria-required-parent")],
    }
}

/// Applies to elements in the accessibility tree with an explicit role that has a required
/// context role, except when the element's implicit role is that same role.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_attr("role") {
        if !element.has_attr("role") || element.is_in_template() {
            continue;
        }
        let Some(role) = aria::explicit_role(&element) else {
            continue;
        };
        if role.required_context.is_empty()
            || implicit_role(&element) == Some(role.name)
            || page.role(&element) != Some(role.name)
            || !page.visibility().in_accessibility_tree(&element)
        {
            continue;
        }
        out.applies(&ARIA_REQUIRED_PARENT, || element.location());
        let owners = page.owners();
        if !in_context(page, owners, &element, role.required_context) {
            let expected: Vec<String> = role
                .required_context
                .iter()
                .filter(|s| s.via.is_none())
                .map(|s| s.role.to_owned())
                .collect();
            out.fail(
                &ARIA_REQUIRED_PARENT,
                element.location(),
                format!(
                    "This role=\"{}\" element is not inside an element with role {}.",
                    role.name,
                    expected.join(" or ")
                ),
            )
            .evidence("required", &expected);
        }
    }
}

fn in_context(
    page: &Page<'_>,
    owners: &tree::Owners,
    element: &Element<'_>,
    context: &[RoleStep],
) -> bool {
    let Some((parent, parent_role)) = tree::context_parent(page, owners, element) else {
        return false;
    };
    let Some(parent_role) = parent_role else {
        return false;
    };
    context.iter().any(|step| match step.via {
        None => step.role == parent_role,
        Some(via) if via == parent_role => {
            // Through one or more nested groups (a submenu group inside a group).
            let mut current = tree::context_parent(page, owners, &parent);
            let mut hops = 0;
            while let Some((_, Some(role))) = current {
                if role == step.role {
                    return true;
                }
                hops += 1;
                if role != via || hops > 64 {
                    return false;
                }
                let (outer, _) = current.expect("matched Some above");
                current = tree::context_parent(page, owners, &outer);
            }
            false
        }
        Some(_) => false,
    })
}
