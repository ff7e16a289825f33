use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `<li>` (without a `role` that changes its meaning) is directly inside a `<ul>`,
    /// `<ol>` or `<menu>`, or an element with `role="list"`.
    ///
    /// ## Why it matters
    /// A list item outside a list is not announced as part of a list, so users do not learn how
    /// many items there are or where they are in the list.
    ///
    /// ## How to fix
    /// Put the `<li>` elements in a `<ul>` or `<ol>`, and do not give that list a different role.
    pub LISTITEM = {
        id: "a11y/listitem",
        severity: Severity::High,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:listitem")],
    }
}

pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for item in page.elements_named("li") {
        if !item.is_html()
            || super::list::role_changed(&item, "listitem")
            || !page.visibility().is_rendered(&item)
        {
            continue;
        }
        out.applies(&LISTITEM, || item.location());
        let in_list =
            item.parent()
                .is_some_and(|parent| match crate::aria::explicit_role(&parent) {
                    Some(role) => role.name == "list",
                    None => parent.is_html() && matches!(parent.name(), "ul" | "ol" | "menu"),
                });
        if !in_list {
            out.fail(
                &LISTITEM,
                item.location(),
                "This <li> is not inside a <ul>, <ol> or role=\"list\" element.",
            );
        }
    }
}
