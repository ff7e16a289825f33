use crate::Page;
use crate::review::{review_first, shown_links};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check that each link's text, alone or with its sentence, says where the
    /// link goes; a machine cannot judge that. `a11y/link-name` fails links with no name.
    ///
    /// ## Why it matters
    /// Screen-reader users list the links of a page; "点击这里" or "更多" out of context tells
    /// them nothing.
    ///
    /// ## How to fix
    /// Make the link text name the target: "2024年政府工作报告全文", not "点击这里".
    pub LINK_PURPOSE = {
        id: "a11y/link-purpose",
        severity: Severity::Low,
        standards: ["WCAG22:2.4.4", "WCAG22:2.4.9", "EN301549:9.2.4.4", "GB/T37668-2019:3.2.1.2"],
        sources: [Source::inspired("ACT:5effbb"), Source::inspired("ACT:aizyf1")],
    }
}

/// Applies to rendered links.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    review_first(
        out,
        &LINK_PURPOSE,
        shown_links(page),
        &["5effbb", "aizyf1"],
        |n| format!("Check that the text of the {n} link(s) on this page says where each goes."),
    );
}
