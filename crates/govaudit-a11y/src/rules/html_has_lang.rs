use crate::Page;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The `<html>` element of an HTML page has a non-empty `lang` attribute.
    ///
    /// ## Why it matters
    /// Screen readers choose their pronunciation from the page language. Without it, a Chinese
    /// page may be read with English rules, and the text becomes unintelligible.
    ///
    /// ## How to fix
    /// Declare the main language of the page: `<html lang="zh-CN">`, `<html lang="en">`.
    pub HTML_HAS_LANG = {
        id: "a11y/html-has-lang",
        severity: Severity::High,
        standards: ["WCAG22:3.1.1", "EN301549:9.3.1.1"],
        sources: [Source::same("ACT:b5c3f8"), Source::same("axe:html-has-lang")],
    }
}

/// Applies to the root `<html>` element of an HTML (not SVG or XML) document.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let Some(root) = page.doc.root() else {
        return;
    };
    if !page.doc.is_html_document() || root.name() != "html" || !root.is_html() {
        return;
    }
    out.applies(&HTML_HAS_LANG, || root.location());
    let lang = root.attr("lang").map(str::trim).unwrap_or("");
    if lang.is_empty() {
        let message = match root.attr("lang") {
            Some(_) => "The page's lang attribute is empty, so its language is unknown.",
            None => "The page does not declare its language (no lang attribute on <html>).",
        };
        out.fail(&HTML_HAS_LANG, Location { ..root.location() }, message);
    }
}
