use crate::Page;
use crate::aria::{self, tree};
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// An element with `aria-hidden="true"` neither is nor contains an element that can be
    /// reached with the Tab key (links, buttons, form fields, `tabindex="0"`, a `<summary>`).
    /// `aria-hidden="false"` further down does not undo the hiding. When the page's styles are
    /// incomplete (a linked or imported sheet was not read), the outcome is `review`: the
    /// unread sheet may hide the content (`display: none`).
    ///
    /// ## Why it matters
    /// Keyboard and screen-reader users can tab onto the hidden control, but the screen reader
    /// has nothing to announce for it: focus lands on "nothing".
    ///
    /// ## How to fix
    /// Remove `aria-hidden`, or take the content out of the tab order (`tabindex="-1"`,
    /// `disabled`, `inert`), or hide it from everyone (`hidden`, `display: none`).
    pub ARIA_HIDDEN_FOCUS = {
        id: "a11y/aria-hidden-focus",
        severity: Severity::High,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("ACT:6cfa84"), Source::same("axe:aria-hidden-focus")],
    }
}

/// Applies to HTML and SVG elements with `aria-hidden="true"`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut first_focusable = None;
    let mut scripts = None;
    for element in page.elements_with_aria_attrs() {
        if element.is_in_template()
            || !(element.is_html() || element.is_svg())
            || !aria::has_aria_hidden_true(&element)
        {
            continue;
        }
        out.applies(&ARIA_HIDDEN_FOCUS, || element.location());
        let first = first_focusable.get_or_insert_with(|| {
            let focus = page.focus();
            tree::first_in_subtree(page.doc, |e| focus.in_sequential_focus(e))
        });
        let Some(target) = first
            .get(element.index())
            .copied()
            .flatten()
            .and_then(|i| page.doc.element_at(i))
        else {
            continue;
        };
        if !page.styles().is_complete() {
            // A style sheet we could not read may hide it (a closed modal, a menu).
            out.review(
                &ARIA_HIDDEN_FOCUS,
                element.location(),
                "Hidden with aria-hidden=\"true\" but contains an element reachable with Tab, unless a style sheet hides it (display: none); check that it cannot get focus.",
            )
            .evidence("focusable", target.snippet());
        } else if redirects_focus(&target, || {
            &*scripts.get_or_insert_with(|| ScriptWords::of(page))
        }) {
            out.review(
                &ARIA_HIDDEN_FOCUS,
                element.location(),
                "Hidden with aria-hidden but contains a focusable element whose focus a script seems to redirect (a focus sentinel?); check that focus never stays on it.",
            )
            .evidence("focusable", target.snippet());
        } else {
            out.fail(
                &ARIA_HIDDEN_FOCUS,
                element.location(),
                "Hidden with aria-hidden=\"true\" but contains an element reachable with Tab.",
            )
            .evidence("focusable", target.snippet());
        }
    }
}

/// The words of the page's inline scripts (identifier-like runs), collected once so that
/// asking about many elements stays linear in the page size.
struct ScriptWords {
    words: std::collections::HashSet<String>,
    mentions_focus: bool,
}

impl ScriptWords {
    fn of(page: &Page<'_>) -> ScriptWords {
        let mut words = std::collections::HashSet::new();
        for script in page.elements_named("script") {
            if script.has_attr("src") {
                continue;
            }
            let text = script.text();
            words.extend(
                text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
        let mentions_focus = words
            .iter()
            .any(|w| w.contains("focus") || w.contains("Focus"));
        ScriptWords {
            words,
            mentions_focus,
        }
    }
}

/// A focus sentinel: an `onfocus` handler, or a script that names the element's id and listens
/// for focus. Static analysis cannot tell where focus goes, so a person must look.
/// The script words are collected (`scripts`) only when the target has an id to look for.
fn redirects_focus<'s>(target: &Element<'_>, scripts: impl FnOnce() -> &'s ScriptWords) -> bool {
    if target.has_attr("onfocus") || target.has_attr("onfocusin") {
        return true;
    }
    target.id().is_some_and(|id| {
        !id.is_empty() && {
            let scripts = scripts();
            scripts.words.contains(id) && scripts.mentions_focus
        }
    })
}
