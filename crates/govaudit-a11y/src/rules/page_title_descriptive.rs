use crate::Page;
use crate::review::review_first;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check that the page title describes the page (its topic and the site),
    /// which a machine cannot judge; `a11y/document-title` already fails a missing or empty one.
    ///
    /// ## Why it matters
    /// Screen-reader users hear the title first and use it to tell tabs and pages apart.
    ///
    /// ## How to fix
    /// Name the page, then the site: `<title>政务公开 - 示例市人民政府</title>`, not `<title>首页</title>`
    /// on every page.
    pub PAGE_TITLE_DESCRIPTIVE = {
        id: "a11y/page-title-descriptive",
        severity: Severity::Low,
        standards: ["WCAG22:2.4.2", "EN301549:9.2.4.2", "GB/T37668-2019:3.4.3.1"],
        sources: [Source::inspired("ACT:c4a8a4")],
    }
}

/// Applies to the first non-empty `<title>` of an HTML page.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    if !page.doc.is_html_document() {
        return;
    }
    let title = page
        .elements_named("title")
        .find(|t| t.is_html())
        .filter(|t| !t.text().trim().is_empty());
    review_first(out, &PAGE_TITLE_DESCRIPTIVE, title, &["c4a8a4"], |_| {
        "Check that the page title describes this page's topic or purpose.".to_owned()
    });
}
