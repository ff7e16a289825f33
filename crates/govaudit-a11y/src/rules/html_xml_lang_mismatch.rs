use crate::Page;
use crate::language::{is_valid_language_tag, primary_subtag};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// When the `<html>` element has both `lang` and `xml:lang` with valid values, both name the
    /// same primary language.
    ///
    /// ## Why it matters
    /// Assistive technologies read one or the other; when they disagree, some users hear the
    /// page in the wrong language.
    ///
    /// ## How to fix
    /// Make both attributes the same (`lang="zh-CN" xml:lang="zh-CN"`), or drop `xml:lang`,
    /// which HTML pages do not need.
    pub HTML_XML_LANG_MISMATCH = {
        id: "a11y/html-xml-lang-mismatch",
        severity: Severity::Medium,
        standards: ["WCAG22:3.1.1", "EN301549:9.3.1.1"],
        sources: [Source::same("axe:html-xml-lang-mismatch")],
    }
}

/// Applies to the `<html>` element of an HTML page with valid `lang` and `xml:lang`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    if !page.doc.is_html_document() {
        return;
    }
    let Some(root) = page
        .doc
        .root()
        .filter(|r| r.name() == "html" && r.is_html())
    else {
        return;
    };
    // The HTML parser keeps `xml:lang` on HTML elements as a plain attribute of that name.
    let xml_lang = root
        .attrs()
        .find(|(name, _)| *name == "xml:lang")
        .map(|(_, value)| value)
        .or_else(|| root.attr("xml:lang"));
    let (Some(lang), Some(xml_lang)) = (root.attr("lang"), xml_lang) else {
        return;
    };
    if !is_valid_language_tag(lang) || !is_valid_language_tag(xml_lang) {
        return;
    }
    out.applies(&HTML_XML_LANG_MISMATCH, || root.location());
    if primary_subtag(lang) != primary_subtag(xml_lang) {
        out.fail(
            &HTML_XML_LANG_MISMATCH,
            root.location(),
            format!("lang=\"{lang}\" and xml:lang=\"{xml_lang}\" name different languages."),
        );
    }
}
