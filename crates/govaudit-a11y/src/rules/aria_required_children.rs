use crate::Page;
use crate::aria::{self, Role, tree};
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// An element whose role requires particular owned elements owns them, and only them: a
    /// `list` owns `listitem`s, a `tablist` owns `tab`s, a `listbox` owns `option`s (possibly in
    /// `group`s), a `menu` owns menu items, a `table` / `grid` owns `row`s (possibly in
    /// `rowgroup`s), a `row` owns cells. Generic and presentational wrappers are looked through;
    /// `aria-owns` counts. An element marked `aria-busy="true"` (being filled) is skipped.
    ///
    /// ## Why it matters
    /// Assistive technology relies on this structure to announce "list, 5 items", to move
    /// between tabs or options, and to read tables cell by cell; anything else inside is
    /// skipped or misread.
    ///
    /// ## How to fix
    /// Give the children the required roles (or use the native elements: `<ul><li>`,
    /// `<table><tr><td>`), and move other content out of the container.
    pub ARIA_REQUIRED_CHILDREN = {
        id: "a11y/aria-required-children",
        severity: Severity::Critical,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        // axe checks explicit roles only; this rule also checks native lists, as ACT bc4a75 does.
        sources: [Source::same("ACT:bc4a75"), Source::inspired("axe:aria-required-children")],
    }
}

/// Applies to elements in the accessibility tree whose role (explicit or implicit) has required
/// owned elements, unless `aria-busy="true"`. Native lists are included, as ACT bc4a75 has
/// them (its Failed Example 10 is a `<ul>` with `<div>` children); `a11y/list` then leaves
/// the lists this rule fails to it, so a stray child is reported once.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_role(|r| !r.required_owned.is_empty()) {
        let Some(role) = applicable_role(page, &element) else {
            continue;
        };
        out.applies(&ARIA_REQUIRED_CHILDREN, || element.location());
        let expected = expected_roles(role);
        match violation(page, &element, role) {
            Some(Violation::Wrong(at, at_role)) => {
                out.fail(
                    &ARIA_REQUIRED_CHILDREN,
                    element.location(),
                    format!(
                        "This role=\"{}\" element owns an element with role \"{at_role}\"; it may only own {}.",
                        role.name,
                        expected.join(", ")
                    ),
                )
                .evidence("owned", at.snippet())
                .evidence("required", &expected);
            }
            Some(Violation::NoneRequired) => {
                out.fail(
                    &ARIA_REQUIRED_CHILDREN,
                    element.location(),
                    format!(
                        "This role=\"{}\" element owns none of the elements it requires ({}).",
                        role.name,
                        expected.join(", ")
                    ),
                )
                .evidence("required", &expected);
            }
            None => {}
        }
    }
}

/// The role of `element` when this rule applies to it.
fn applicable_role(page: &Page<'_>, element: &Element<'_>) -> Option<&'static Role> {
    if element.is_in_template() || !(element.is_html() || element.is_svg()) {
        return None;
    }
    let role = page.role_spec(element)?;
    let applies = !role.required_owned.is_empty()
        && !element
            .attr("aria-busy")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        && page.visibility().in_accessibility_tree(element);
    applies.then_some(role)
}

/// Whether this rule fails `element` (for `a11y/list`, which leaves those lists to it).
pub(super) fn fails<'a>(page: &Page<'a>, element: &Element<'a>) -> bool {
    applicable_role(page, element).is_some_and(|role| violation(page, element, role).is_some())
}

/// What is wrong with the elements `element` owns, if anything.
enum Violation<'a> {
    /// An owned element with a role that is neither required nor allowed: the element, its role.
    Wrong(Element<'a>, &'static str),
    /// Content, but none of the required owned elements.
    NoneRequired,
}

fn violation<'a>(page: &Page<'a>, element: &Element<'a>, role: &Role) -> Option<Violation<'a>> {
    let owners = page.owners();
    let (owned, has_content) = tree::owned_elements(page, owners, element);
    let mut any_required = false;
    for child in &owned {
        let child_role = page.role(child).unwrap_or("generic");
        match check_owned(page, owners, role, child, child_role) {
            Owned::Required => any_required = true,
            Owned::Allowed => {}
            Owned::Wrong(at, at_role) => return Some(Violation::Wrong(at, at_role)),
        }
    }
    (!any_required && has_content).then_some(Violation::NoneRequired)
}

enum Owned<'a> {
    /// One of the required owned roles.
    Required,
    /// Not required, but allowed (a caption of a table, a separator in a menu).
    Allowed,
    /// Not allowed: the element and its role.
    Wrong(Element<'a>, &'static str),
}

fn check_owned<'a>(
    page: &Page<'_>,
    owners: &tree::Owners,
    owner: &Role,
    child: &Element<'a>,
    child_role: &'static str,
) -> Owned<'a> {
    if owner
        .required_owned
        .iter()
        .any(|s| s.via.is_none() && s.role == child_role)
    {
        return Owned::Required;
    }
    // An intermediate group / rowgroup: it must own (nested groups of) the roles reached through it.
    let through: Vec<&str> = owner
        .required_owned
        .iter()
        .filter(|s| s.via == Some(child_role))
        .map(|s| s.role)
        .collect();
    if !through.is_empty() {
        return check_group(page, owners, child, child_role, &through, 0);
    }
    if is_allowed_extra(owner, child_role) {
        return Owned::Allowed;
    }
    Owned::Wrong(*child, child_role)
}

fn check_group<'a>(
    page: &Page<'_>,
    owners: &tree::Owners,
    group: &Element<'a>,
    group_role: &str,
    roles: &[&str],
    depth: usize,
) -> Owned<'a> {
    let (owned, _) = tree::owned_elements(page, owners, group);
    for child in owned {
        let role = page.role(&child).unwrap_or("generic");
        if roles.contains(&role) || matches!(role, "separator") {
            continue;
        }
        if role == group_role && depth < 32 {
            if let Owned::Wrong(at, r) = check_group(page, owners, &child, role, roles, depth + 1) {
                return Owned::Wrong(at, r);
            }
            continue;
        }
        return Owned::Wrong(child, role);
    }
    Owned::Required
}

/// Owned elements WAI-ARIA does not list as required but allows: an element whose own required
/// context is the owner (a `caption` in a `table`), and separators in menus (WAI-ARIA 1.3,
/// common practice).
fn is_allowed_extra(owner: &Role, child_role: &str) -> bool {
    if child_role == "separator" && matches!(owner.name, "menu" | "menubar" | "listbox") {
        return true;
    }
    aria::role_named(child_role).is_some_and(|child| {
        child
            .required_context
            .iter()
            .any(|s| s.via.is_none() && s.role == owner.name)
    })
}

fn expected_roles(role: &Role) -> Vec<String> {
    role.required_owned
        .iter()
        .map(|s| match s.via {
            Some(via) => format!("{} (in {via})", s.role),
            None => s.role.to_owned(),
        })
        .collect()
}
