use crate::Page;
use crate::language::is_valid_language_tag;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// Every `lang` attribute inside the page body that sets the language of some text (text
    /// shown on screen, or text in the accessibility tree such as an image's `alt`) is a valid
    /// language tag.
    ///
    /// ## Why it matters
    /// A passage in another language (an English name in a Chinese page) is read with the
    /// right voice only when its language is declared with a code screen readers know.
    ///
    /// ## How to fix
    /// Use a registered code from the IANA registry: `lang="en"`, `lang="zh-Hant"`, not
    /// `lang="english"` or `lang="eng"`.
    pub VALID_LANG = {
        id: "a11y/valid-lang",
        severity: Severity::Medium,
        standards: ["WCAG22:3.1.2", "EN301549:9.3.1.2"],
        sources: [Source::same("ACT:de46e4"), Source::same("axe:valid-lang")],
    }
}

/// Applies to elements in `<body>` with a non-empty `lang` that is the nearest `lang` of some
/// text that is rendered or exposed.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    for element in page.elements_with_attr("lang") {
        let Some(lang) = element.attr("lang").filter(|l| !l.is_empty()) else {
            continue;
        };
        if !element.is_html()
            || element.is_in_template()
            || !element.ancestors().any(|a| a.name() == "body")
            || is_hidden(&element)
            || element.ancestors().any(|a| is_hidden(&a))
            || !governs_text(&element)
        {
            continue;
        }
        out.applies(&VALID_LANG, || element.location());
        if !is_valid_language_tag(lang) {
            out.fail(
                &VALID_LANG,
                element.location(),
                format!("lang=\"{lang}\" is not a valid language tag (use e.g. en or zh-CN)."),
            )
            .evidence("lang", lang);
        }
    }
}

/// Whether some text whose nearest `lang` is this element's is rendered or exposed: a text node,
/// a non-empty `alt`, or an `aria-label`, outside descendants that set their own `lang` or are
/// hidden.
fn governs_text(element: &Element<'_>) -> bool {
    if has_own_text(element) || has_text_alternative(element) {
        return true;
    }
    let mut stack: Vec<Element<'_>> = element.children().collect();
    while let Some(e) = stack.pop() {
        if e.has_attr("lang") || is_hidden(&e) {
            continue;
        }
        if has_own_text(&e) || has_text_alternative(&e) {
            return true;
        }
        stack.extend(e.children());
    }
    false
}

fn has_own_text(element: &Element<'_>) -> bool {
    element
        .raw()
        .children()
        .any(|node| node.value().as_text().is_some_and(|t| !t.trim().is_empty()))
}

fn has_text_alternative(element: &Element<'_>) -> bool {
    let non_empty = |name| {
        element
            .attr(name)
            .is_some_and(|v: &str| !v.trim().is_empty())
    };
    (matches!(element.name(), "img" | "area") || element.attr("type") == Some("image"))
        && non_empty("alt")
        || non_empty("aria-label")
}

/// Not rendered and not exposed: `hidden`, inline `display: none` / `visibility: hidden`,
/// elements that never render. Style sheets are not consulted here (text hidden only by a
/// `<style>` rule still counts as shown).
fn is_hidden(element: &Element<'_>) -> bool {
    if matches!(
        element.name(),
        "script" | "style" | "template" | "noscript" | "head"
    ) || element.has_attr("hidden")
    {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}
