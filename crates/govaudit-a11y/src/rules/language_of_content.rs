use crate::Page;
use crate::language::is_valid_language_tag;
use crate::review::{is_shown, review_first};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check that declared languages match the text: the page's `lang` its
    /// main language, and each element's `lang` the language of its passage. Telling a
    /// language from its text needs language detection or a reader, so this rule reports
    /// `review`; `a11y/html-lang-valid` and `a11y/valid-lang` fail invalid codes.
    ///
    /// ## Why it matters
    /// A Chinese page declared `lang="en"` is read with an English voice, and is
    /// unintelligible.
    ///
    /// ## How to fix
    /// Declare the language the text is written in; mark passages in other languages with
    /// their own `lang`.
    pub LANGUAGE_OF_CONTENT = {
        id: "a11y/language-of-content",
        severity: Severity::Low,
        standards: ["WCAG22:3.1.1", "WCAG22:3.1.2", "EN301549:9.3.1.1", "EN301549:9.3.1.2"],
        sources: [Source::inspired("ACT:ucwvc8"), Source::inspired("ACT:off6ek")],
    }
}

/// Applies to the `<html>` element with a valid `lang` (ucwvc8), and to body elements with a
/// valid `lang` and text (off6ek).
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    if !page.doc.is_html_document() {
        return;
    }
    let root = page
        .doc
        .root()
        .filter(|r| r.name() == "html" && r.attr("lang").is_some_and(is_valid_language_tag));
    review_first(out, &LANGUAGE_OF_CONTENT, root, &["ucwvc8"], |_| {
        "Check that the page's lang attribute names the language its text is written in.".to_owned()
    });
    let passages = page.elements_with_attr("lang").filter(|e| {
        e.is_html()
            && e.attr("lang").is_some_and(is_valid_language_tag)
            && e.ancestors().any(|a| a.name() == "body")
            && is_shown(page, e)
    });
    review_first(out, &LANGUAGE_OF_CONTENT, passages, &["off6ek"], |n| {
        format!(
            "Check that the {n} element(s) with their own lang attribute are written in that language."
        )
    });
}
