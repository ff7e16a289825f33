use crate::Page;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every `<dt>` and `<dd>` is inside a `<dl>`, directly or through one `<div>` that is a
    /// child of the `<dl>`.
    ///
    /// ## Why it matters
    /// Terms and definitions outside a description list lose their pairing: screen readers do
    /// not announce them as a term and its description.
    ///
    /// ## How to fix
    /// Put `<dt>` / `<dd>` groups in a `<dl>` (optionally each group wrapped in a `<div>`).
    pub DLITEM = {
        id: "a11y/dlitem",
        severity: Severity::High,
        standards: ["WCAG22:1.3.1", "EN301549:9.1.3.1", "GB/T37668-2019:3.4.3.3"],
        sources: [Source::same("axe:dlitem")],
    }
}

pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for item in page.candidates(&["dt", "dd"], &[]) {
        if !item.is_html() || !matches!(item.name(), "dt" | "dd") || item.is_in_template() {
            continue;
        }
        if crate::aria::explicit_role(&item).is_some() || !page.visibility().is_rendered(&item) {
            continue;
        }
        out.applies(&DLITEM, || item.location());
        let is_dl = |e: &govaudit_html::Element<'_>| {
            e.is_html() && e.name() == "dl" && crate::aria::explicit_role(e).is_none()
        };
        let in_dl = item.parent().is_some_and(|parent| {
            is_dl(&parent)
                || (parent.name() == "div"
                    && crate::aria::explicit_role(&parent).is_none()
                    && parent.parent().is_some_and(|dl| is_dl(&dl)))
        });
        if !in_dl {
            out.fail(
                &DLITEM,
                item.location(),
                format!("This <{}> is not inside a <dl>.", item.name()),
            );
        }
    }
}
