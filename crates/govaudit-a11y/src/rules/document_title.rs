use crate::Page;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An HTML page has a `<title>` element with text in it.
    ///
    /// ## Why it matters
    /// The title is the first thing a screen reader announces and what tabs, bookmarks and
    /// search results show. Without it, users cannot tell pages apart.
    ///
    /// ## How to fix
    /// Give every page a title that names it and the site: `<title>政府信息公开指南 -
    /// 示例市人民政府</title>`.
    pub DOCUMENT_TITLE = {
        id: "a11y/document-title",
        severity: Severity::High,
        standards: ["WCAG22:2.4.2", "EN301549:9.2.4.2", "GB/T37668-2019:3.4.3.1"],
        sources: [Source::same("ACT:2779a5"), Source::same("axe:document-title")],
    }
}

/// Applies to HTML documents (root `<html>` in the HTML namespace).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let Some(root) = page.doc.root() else {
        return;
    };
    if !page.doc.is_html_document() || root.name() != "html" || !root.is_html() {
        return;
    }
    out.applies(&DOCUMENT_TITLE, || root.location());
    // The document's title is the first <title> in the document (outside SVG).
    let title = page.elements_named("title").find(|t| t.is_html());
    match title {
        None => {
            out.fail(
                &DOCUMENT_TITLE,
                Location {
                    line: None,
                    ..root.location()
                },
                "The page has no <title>.",
            );
        }
        Some(title) if title.text().trim().is_empty() => {
            out.fail(
                &DOCUMENT_TITLE,
                title.location(),
                "The page's <title> is empty.",
            );
        }
        Some(_) => {}
    }
}
