use crate::Page;
use crate::review::review_first;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check that instructions do not rely only on shape, position or colour
    /// ("点击右侧的按钮", "见下方红色框"); a machine cannot tell such references reliably.
    ///
    /// ## Why it matters
    /// Blind users cannot see "the menu on the right"; the layout also changes on phones.
    ///
    /// ## How to fix
    /// Name the thing referred to as well: "点击右侧的“提交”按钮".
    pub SENSORY_REFERENCE = {
        id: "a11y/sensory-reference",
        severity: Severity::Low,
        standards: ["WCAG22:1.3.3", "EN301549:9.1.3.3", "GB/T37668-2019:3.2.4.1"],
        sources: [Source::inspired("ACT:9bd38c")],
    }
}

/// Applies to HTML pages with text in their body.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    if !page.doc.is_html_document() {
        return;
    }
    let body = page
        .elements_named("body")
        .find(|b| b.is_html() && crate::page::has_text(b));
    review_first(out, &SENSORY_REFERENCE, body, &["9bd38c"], |_| {
        "Check that no instruction on this page relies only on shape, position, size or colour."
            .to_owned()
    });
}
