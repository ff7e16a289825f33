//! Implicit WAI-ARIA roles of HTML elements, and the role an element ends up with.
//!
//! Source: W3C "HTML Accessibility API Mappings 1.0" (HTML-AAM), Working Draft / Editor's Draft,
//! §4 "Mapping HTML to Accessibility APIs" (the "ARIA" column of the element table,
//! <https://www.w3.org/TR/html-aam-1.0/#html-element-role-mappings>), and WAI-ARIA 1.2 §7.3
//! "Presentational Roles Conflict Resolution" for [`resolved_role`].

use super::{explicit_role, spec::role_named};
use govaudit_html::Element;

/// Sectioning content and landmark-ish elements that scope `header` / `footer`: inside them a
/// `header` is not `banner` and a `footer` is not `contentinfo`.
const SCOPING: &[&str] = &["article", "aside", "main", "nav", "section"];

/// The implicit role of an element per HTML-AAM (`None` when HTML-AAM maps it to no role or to
/// a role we do not need, e.g. `generic` is returned for `div`/`span`).
pub fn implicit_role(element: &Element<'_>) -> Option<&'static str> {
    if element.is_svg() {
        return match element.name() {
            "svg" => Some("graphics-document"),
            "a" if element.has_attr("href") || element.has_attr("xlink:href") => Some("link"),
            _ => None,
        };
    }
    if !element.is_html() {
        return None;
    }
    let attr_is = |name: &str| element.attr(name).map(|v| v.trim().to_ascii_lowercase());
    let role = match element.name() {
        "a" | "area" => element.has_attr("href").then_some("link")?,
        "address" => "group",
        "article" => "article",
        "aside" => "complementary",
        "b" | "bdi" | "bdo" | "body" | "data" | "div" | "i" | "pre" | "q" | "samp" | "small"
        | "span" | "u" => "generic",
        "blockquote" => "blockquote",
        "button" => "button",
        "caption" => "caption",
        "code" => "code",
        "datalist" => "listbox",
        "dd" => "definition",
        "del" | "s" => "deletion",
        "details" => "group",
        "dfn" | "dt" => "term",
        "dialog" => "dialog",
        "em" => "emphasis",
        "fieldset" | "optgroup" => "group",
        "figure" => "figure",
        "footer" => {
            if element.ancestors().any(|a| SCOPING.contains(&a.name())) {
                "generic"
            } else {
                "contentinfo"
            }
        }
        "form" => "form",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "heading",
        "header" => {
            if element.ancestors().any(|a| SCOPING.contains(&a.name())) {
                "generic"
            } else {
                "banner"
            }
        }
        "hgroup" => "group",
        "hr" => "separator",
        "html" => "document",
        "img" => {
            if element.attr("alt") == Some("") && !has_global_aria_or_title(element) {
                "presentation"
            } else {
                "img"
            }
        }
        "input" => {
            let list = element.has_attr("list");
            match attr_is("type").as_deref().unwrap_or("text") {
                "button" | "image" | "reset" | "submit" => "button",
                "checkbox" => "checkbox",
                "radio" => "radio",
                "range" => "slider",
                "number" => "spinbutton",
                "search" if !list => "searchbox",
                "email" | "tel" | "text" | "url" | "search" if list => "combobox",
                "email" | "tel" | "text" | "url" => "textbox",
                "hidden" | "color" | "date" | "datetime-local" | "file" | "month" | "password"
                | "time" | "week" => return None,
                // Unknown types are text inputs.
                _ if list => "combobox",
                _ => "textbox",
            }
        }
        "ins" => "insertion",
        "li" => "listitem",
        "main" => "main",
        "mark" => "mark",
        "math" => "math",
        "menu" | "ol" | "ul" => "list",
        "meter" => "meter",
        "nav" => "navigation",
        "option" => "option",
        "output" => "status",
        "p" => "paragraph",
        "progress" => "progressbar",
        "search" => "search",
        "section" => {
            if has_author_name(element) {
                "region"
            } else {
                "generic"
            }
        }
        "select" => {
            let size = element
                .attr("size")
                .and_then(|s| s.trim().parse::<u32>().ok())
                .unwrap_or(0);
            if element.has_attr("multiple") || size > 1 {
                "listbox"
            } else {
                "combobox"
            }
        }
        "strong" => "strong",
        "sub" => "subscript",
        "sup" => "superscript",
        "table" => "table",
        "tbody" | "tfoot" | "thead" => "rowgroup",
        "td" => {
            if in_grid(element) {
                "gridcell"
            } else {
                "cell"
            }
        }
        "textarea" => "textbox",
        "th" => match attr_is("scope").as_deref() {
            Some("row" | "rowgroup") => "rowheader",
            _ => "columnheader",
        },
        "time" => "time",
        "tr" => "row",
        _ => return None,
    };
    Some(role)
}

fn in_grid(cell: &Element<'_>) -> bool {
    cell.ancestors()
        .find(|a| a.name() == "table")
        .and_then(|t| t.attr("role"))
        .is_some_and(|r| {
            r.split_ascii_whitespace().next().is_some_and(|r| {
                r.eq_ignore_ascii_case("grid") || r.eq_ignore_ascii_case("treegrid")
            })
        })
}

fn has_author_name(element: &Element<'_>) -> bool {
    let non_empty = |n: &str| element.attr(n).is_some_and(|v| !v.trim().is_empty());
    non_empty("aria-label") || non_empty("aria-labelledby") || non_empty("title")
}

/// Global `aria-*` attributes (those WAI-ARIA allows on every role) or `title`: they make an
/// `img alt=""` exposed, and they cancel `role="none"` (conflict resolution).
pub fn has_global_aria_or_title(element: &Element<'_>) -> bool {
    element.has_attr("title") || has_global_aria(element)
}

/// Any global WAI-ARIA attribute (other than `aria-hidden`, which does not make an element
/// exposed).
pub fn has_global_aria(element: &Element<'_>) -> bool {
    element.attrs().any(|(name, _)| {
        name.len() > 5
            && super::is_aria_name(name)
            && !name.eq_ignore_ascii_case("aria-hidden")
            && super::attribute(&name.to_ascii_lowercase()).is_some_and(|a| a.global)
    })
}

/// The role an element has: its explicit role, unless that is `none`/`presentation` on an
/// element that is focusable or carries a global ARIA attribute (WAI-ARIA 1.2 §7.3: the user
/// agent then ignores it), else its implicit role. `focusable` comes from
/// [`crate::focus::Focus`].
pub fn resolved_role(element: &Element<'_>, focusable: bool) -> Option<&'static str> {
    match explicit_role(element) {
        Some(role) if role.is_presentational() => {
            if focusable || has_global_aria(element) {
                implicit_role(element)
            } else {
                Some(role.name)
            }
        }
        Some(role) => Some(role.name),
        None => implicit_role(element),
    }
}

/// Does `role` (a concrete role name) allow its name from content?
pub fn allows_name_from_content(role: &str) -> bool {
    role_named(role).is_some_and(|r| r.name_from == super::NameFrom::Contents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use govaudit_html::Document;

    fn role_of(html: &str) -> Option<&'static str> {
        let doc = Document::from_html(html);
        let target = doc
            .elements()
            .find(|e| e.has_attr("data-t"))
            .expect("data-t");
        resolved_role(&target, false)
    }

    #[test]
    fn html_aam_examples() {
        assert_eq!(role_of("<a data-t href=x>x</a>"), Some("link"));
        assert_eq!(role_of("<a data-t>x</a>"), None);
        assert_eq!(role_of("<img data-t alt=''>"), Some("presentation"));
        assert_eq!(role_of("<img data-t alt='' aria-label=x>"), Some("img"));
        assert_eq!(role_of("<img data-t>"), Some("img"));
        assert_eq!(role_of("<input data-t type=image>"), Some("button"));
        assert_eq!(role_of("<input data-t list=l>"), Some("combobox"));
        assert_eq!(role_of("<input data-t type=password>"), None);
        assert_eq!(
            role_of("<select data-t multiple></select>"),
            Some("listbox")
        );
        assert_eq!(role_of("<header data-t></header>"), Some("banner"));
        assert_eq!(
            role_of("<main><header data-t></header></main>"),
            Some("generic")
        );
        assert_eq!(
            role_of("<section data-t aria-label=x></section>"),
            Some("region")
        );
        assert_eq!(
            role_of("<table><tr><th data-t scope=row>x</table>"),
            Some("rowheader")
        );
        assert_eq!(role_of("<svg data-t></svg>"), Some("graphics-document"));
    }

    #[test]
    fn explicit_roles_and_presentational_conflicts() {
        assert_eq!(
            role_of("<div data-t role='bogus button'></div>"),
            Some("button")
        );
        assert_eq!(role_of("<h1 data-t role=none>x</h1>"), Some("none"));
        assert_eq!(
            role_of("<h1 data-t role=none aria-label=x>x</h1>"),
            Some("heading")
        );
        let doc = Document::from_html("<button data-t role=presentation>x</button>");
        let b = doc.elements_named("button").next().unwrap();
        assert_eq!(resolved_role(&b, true), Some("button"));
    }
}
