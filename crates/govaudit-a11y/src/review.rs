//! What the `review` rules share: rules for ACT rules a machine cannot decide (media content,
//! whether a text is descriptive, keyboard behaviour under script) find the elements the ACT rule
//! applies to and ask a person to look, once per page, at the first of them. That keeps real
//! reports short and gives an ACT report `cantTell` exactly where the rule applies.

use crate::Page;
use govaudit_core::{Collector, RuleMeta};
use govaudit_html::Element;

/// Records that `rule` applies to every element of `targets` and asks for one review at the
/// first; `act` names the ACT rules that apply to these elements. Returns how many applied.
pub(crate) fn review_first<'a>(
    out: &mut Collector,
    rule: &RuleMeta,
    targets: impl IntoIterator<Item = Element<'a>>,
    act: &[&str],
    message: impl FnOnce(usize) -> String,
) -> usize {
    let targets: Vec<Element<'a>> = targets.into_iter().collect();
    for target in &targets {
        out.applies(rule, || target.location());
    }
    if let Some(first) = targets.first() {
        let finding = out.review(rule, first.location(), message(targets.len()));
        set_act_standards(finding, rule, act);
        finding.evidence("elements", targets.len());
    }
    targets.len()
}

/// Keeps the rule's standards and non-ACT sources, and only the ACT ids in `act`.
pub(crate) fn set_act_standards(
    finding: &mut govaudit_core::Finding,
    rule: &RuleMeta,
    act: &[&str],
) {
    let references: Vec<String> = rule
        .references()
        .into_iter()
        .filter(|r| r.strip_prefix("ACT:").is_none_or(|id| act.contains(&id)))
        .collect();
    finding.set_standards(references);
}

/// Elements that are rendered and not `visibility: hidden` (the page's cached visibility, with
/// style sheets). The review rules use it to place their applicability; it never decides a
/// failure.
pub(crate) fn is_shown(page: &Page<'_>, element: &Element<'_>) -> bool {
    page.visibility().is_displayed(element)
}

/// The rendered form fields a person types into or picks from: `<select>`, `<textarea>` and
/// `<input>` other than hidden inputs and buttons, in document order.
pub(crate) fn shown_form_fields<'a>(page: &Page<'a>) -> impl Iterator<Item = Element<'a>> {
    page.candidates(&["select", "textarea", "input"], &[])
        .into_iter()
        .filter(move |e| {
            e.is_html()
                && match e.name() {
                    "select" | "textarea" => true,
                    "input" => !matches!(
                        e.attr("type")
                            .map(|t| t.trim().to_ascii_lowercase())
                            .as_deref(),
                        Some("hidden" | "submit" | "reset" | "button" | "image")
                    ),
                    _ => false,
                }
                && is_shown(page, e)
        })
}

/// Shown HTML elements named `name`, in document order.
pub(crate) fn shown_named<'a>(page: &Page<'a>, name: &'a str) -> impl Iterator<Item = Element<'a>> {
    page.elements_named(name)
        .filter(|e| e.is_html() && is_shown(page, e))
}

/// Links: `<a href>`, `<area href>` and `role="link"`, rendered.
pub(crate) fn shown_links<'a>(page: &Page<'a>) -> impl Iterator<Item = Element<'a>> {
    let candidates = page.candidates(&["a", "area"], &["role"]);
    candidates.into_iter().filter(|e| {
        let role = e
            .attr("role")
            .and_then(|r| r.split_ascii_whitespace().next());
        let link = match role {
            Some(role) => role == "link",
            None => e.is_html() && matches!(e.name(), "a" | "area") && e.has_attr("href"),
        };
        link && is_shown(page, e)
    })
}

/// A rough accessible name for grouping (`aria-label`, else text, else the `alt` of images
/// inside, else `title`), lowercased. Only used to place reviews, never to fail.
pub(crate) fn rough_name(element: &Element<'_>) -> String {
    let label = element.attr("aria-label").map(str::trim).unwrap_or("");
    let name = if !label.is_empty() {
        label.to_owned()
    } else {
        let text = element.normalized_text();
        if !text.is_empty() {
            text
        } else {
            let alt: Vec<&str> = element
                .descendants()
                .filter_map(|d| d.attr("alt"))
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect();
            if alt.is_empty() {
                element.attr("title").unwrap_or("").trim().to_owned()
            } else {
                alt.join(" ")
            }
        }
    };
    name.to_lowercase()
}

/// Rendered elements a keyboard can reach by default or through `tabindex` (markup only: no
/// scripts, `disabled` respected).
pub(crate) fn shown_focusable<'a>(page: &Page<'a>) -> impl Iterator<Item = Element<'a>> {
    let candidates = page.candidates(
        &[
            "a", "area", "button", "select", "textarea", "iframe", "summary", "input",
        ],
        &["tabindex"],
    );
    candidates.into_iter().filter(|e| {
        let native = e.is_html()
            && match e.name() {
                "a" | "area" => e.has_attr("href"),
                "button" | "select" | "textarea" | "iframe" | "summary" => true,
                "input" => !e
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("hidden")),
                _ => false,
            };
        let tabindex = e
            .attr("tabindex")
            .is_some_and(|t| t.trim().parse::<i64>().is_ok());
        (native || tabindex) && !e.has_attr("disabled") && is_shown(page, e)
    })
}

/// The declarations of an inline `style` attribute as (lowercase property, lowercase value).
pub(crate) fn inline_declarations(element: &Element<'_>) -> Vec<(String, String)> {
    element
        .attr("style")
        .map(|style| {
            style
                .split(';')
                .filter_map(|d| d.split_once(':'))
                .map(|(p, v)| (p.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase()))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the page's scripts or event-handler attributes mention any of `words`
/// (lowercase): the only static trace of behaviour that scripts add.
pub(crate) fn scripts_mention(page: &Page<'_>, words: &[&str]) -> bool {
    page.script_texts()
        .iter()
        .any(|text| words.iter().any(|w| text.contains(w)))
}
