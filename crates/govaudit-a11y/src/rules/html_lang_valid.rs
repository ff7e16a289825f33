use crate::Page;
use crate::language::is_valid_language_tag;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The `lang` attribute of the `<html>` element is a valid language tag: its primary
    /// language subtag (`zh` in `zh-CN`) is registered in the IANA Language Subtag Registry.
    ///
    /// ## Why it matters
    /// Screen readers pick their voice and pronunciation rules from the page language. An
    /// unknown code such as `lang="cn"` or `lang="chinese"` is as bad as no language at all.
    ///
    /// ## How to fix
    /// Use a registered code: `zh-CN` (or `zh-Hans`) for simplified Chinese, `en` for English.
    /// Note that Chinese is `zh`, not `cn` (the country code) or `chi`.
    pub HTML_LANG_VALID = {
        id: "a11y/html-lang-valid",
        severity: Severity::High,
        standards: ["WCAG22:3.1.1", "EN301549:9.3.1.1"],
        sources: [Source::same("ACT:bf051a"), Source::same("axe:html-lang-valid")],
    }
}

/// Applies to the document element `<html>` of an HTML page with a non-empty `lang`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    if !page.doc.is_html_document() {
        return;
    }
    let Some(root) = page.doc.root() else {
        return;
    };
    if root.name() != "html" || !root.is_html() {
        return;
    }
    let Some(lang) = root.attr("lang").filter(|l| !l.is_empty()) else {
        return;
    };
    out.applies(&HTML_LANG_VALID, || root.location());
    if !is_valid_language_tag(lang) {
        out.fail(
            &HTML_LANG_VALID,
            root.location(),
            format!(
                "The page language \"{lang}\" is not a valid language tag (use e.g. zh-CN or en)."
            ),
        )
        .evidence("lang", lang);
    }
}
