//! Which explicit roles authors may give each HTML element.
//!
//! Source: W3C Recommendation "ARIA in HTML" (<https://www.w3.org/TR/html-aria/>), §4
//! "Document conformance requirements for use of ARIA attributes in HTML", column "ARIA role,
//! state and property allowances". An element's implicit role is always allowed (only "NOT
//! RECOMMENDED" when repeated). Elements not listed here allow any role; where the spec's
//! allowance depends on details we do not model, the table errs towards allowing.

use govaudit_html::Element;

/// What `role` values an element accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// Any role.
    Any,
    /// No role other than the implicit one.
    NoRole,
    /// Only these roles (besides the implicit one).
    Only(&'static [&'static str]),
}

const LINK_ROLES: &[&str] = &[
    "button",
    "checkbox",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "option",
    "radio",
    "switch",
    "tab",
    "treeitem",
    "doc-backlink",
    "doc-biblioref",
    "doc-glossref",
    "doc-noteref",
];
const BUTTON_ROLES: &[&str] = &[
    "checkbox",
    "combobox",
    "gridcell",
    "link",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "option",
    "radio",
    "separator",
    "slider",
    "switch",
    "tab",
    "treeitem",
];
const IMG_ROLES: &[&str] = &[
    "button",
    "checkbox",
    "link",
    "math",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "meter",
    "option",
    "progressbar",
    "radio",
    "scrollbar",
    "separator",
    "slider",
    "switch",
    "tab",
    "treeitem",
    "doc-cover",
];
const LIST_ROLES: &[&str] = &[
    "directory",
    "group",
    "listbox",
    "menu",
    "menubar",
    "none",
    "presentation",
    "radiogroup",
    "tablist",
    "toolbar",
    "tree",
];
const LI_ROLES: &[&str] = &[
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "option",
    "none",
    "presentation",
    "radio",
    "separator",
    "tab",
    "treeitem",
    "doc-biblioentry",
    "doc-endnote",
];
const SECTION_ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "application",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "document",
    "feed",
    "group",
    "log",
    "main",
    "marquee",
    "navigation",
    "none",
    "note",
    "presentation",
    "search",
    "status",
    "tabpanel",
    "doc-abstract",
    "doc-acknowledgments",
    "doc-afterword",
    "doc-appendix",
    "doc-bibliography",
    "doc-chapter",
    "doc-colophon",
    "doc-conclusion",
    "doc-credit",
    "doc-credits",
    "doc-dedication",
    "doc-endnotes",
    "doc-epigraph",
    "doc-epilogue",
    "doc-errata",
    "doc-example",
    "doc-foreword",
    "doc-glossary",
    "doc-index",
    "doc-introduction",
    "doc-notice",
    "doc-pagelist",
    "doc-part",
    "doc-preface",
    "doc-prologue",
    "doc-pullquote",
    "doc-qna",
    "doc-toc",
];
const PRESENTATIONAL: &[&str] = &["none", "presentation"];

/// The roles ARIA in HTML allows on `element`.
pub fn allowed_roles(element: &Element<'_>) -> Allowed {
    use Allowed::*;
    if !element.is_html() {
        return Any;
    }
    let input_type = || {
        element
            .attr("type")
            .map(|t| t.trim().to_ascii_lowercase())
            .unwrap_or_else(|| "text".to_owned())
    };
    match element.name() {
        "a" | "area" if !element.has_attr("href") => Any,
        "a" => Only(LINK_ROLES),
        "area" => NoRole,
        "article" => Only(&[
            "application",
            "document",
            "feed",
            "main",
            "none",
            "presentation",
            "region",
        ]),
        "aside" => Only(&[
            "doc-dedication",
            "doc-example",
            "doc-footnote",
            "doc-glossary",
            "doc-pullquote",
            "doc-tip",
            "feed",
            "none",
            "note",
            "presentation",
            "region",
            "search",
        ]),
        "audio" | "video" => Only(&["application"]),
        "base" | "col" | "colgroup" | "datalist" | "head" | "html" | "link" | "map" | "meta"
        | "noscript" | "param" | "picture" | "script" | "slot" | "source" | "style"
        | "template" | "title" | "track" => NoRole,
        "body" | "caption" | "dd" | "details" | "label" | "legend" | "main" | "meter"
        | "optgroup" | "option" | "progress" => NoRole,
        "select" => {
            let size = element
                .attr("size")
                .and_then(|s| s.trim().parse::<u32>().ok())
                .unwrap_or(0);
            if element.has_attr("multiple") || size > 1 {
                NoRole
            } else {
                Only(&["menu"])
            }
        }
        "br" | "wbr" => Only(PRESENTATIONAL),
        "button" => Only(BUTTON_ROLES),
        "dialog" => Only(&["alertdialog"]),
        "dl" => Only(&["group", "list", "none", "presentation"]),
        "dt" => Only(&["listitem"]),
        "embed" | "iframe" => Only(&["application", "document", "img", "none", "presentation"]),
        "fieldset" => Only(&["none", "presentation", "radiogroup"]),
        "figcaption" => Only(&["group", "none", "presentation"]),
        "footer" => Only(&["group", "none", "presentation", "doc-footnote"]),
        "form" => Only(&["none", "presentation", "search"]),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            Only(&["none", "presentation", "tab", "doc-subtitle"])
        }
        "header" => Only(&["group", "none", "presentation"]),
        "hr" => Only(&["none", "presentation", "doc-pagebreak"]),
        "img" => match element.attr("alt") {
            Some("") => Only(PRESENTATIONAL),
            Some(_) => Only(IMG_ROLES),
            // Without alt the allowance depends on other naming; do not judge.
            None => Any,
        },
        "input" => match input_type().as_str() {
            "button" => Only(&[
                "checkbox",
                "combobox",
                "link",
                "menuitem",
                "menuitemcheckbox",
                "menuitemradio",
                "option",
                "radio",
                "separator",
                "slider",
                "switch",
                "tab",
            ]),
            "checkbox" => Only(&["button", "menuitemcheckbox", "option", "switch"]),
            "image" => Only(&[
                "link",
                "menuitem",
                "menuitemcheckbox",
                "menuitemradio",
                "radio",
                "switch",
            ]),
            "radio" => Only(&["menuitemradio"]),
            "text" | "search" | "email" | "tel" | "url" if !element.has_attr("list") => {
                Only(&["combobox", "searchbox", "spinbutton"])
            }
            "color" | "date" | "datetime-local" | "email" | "file" | "hidden" | "month"
            | "number" | "password" | "range" | "reset" | "search" | "submit" | "tel" | "text"
            | "time" | "url" | "week" => NoRole,
            _ => Any,
        },
        "li" => Only(LI_ROLES),
        "math" => NoRole,
        "menu" | "ol" | "ul" => Only(LIST_ROLES),
        "nav" => Only(&[
            "doc-index",
            "doc-pagelist",
            "doc-toc",
            "menu",
            "menubar",
            "none",
            "presentation",
            "tablist",
        ]),
        "object" => Only(&["application", "document", "img"]),
        "section" => Only(SECTION_ROLES),
        "summary" => NoRole,
        "textarea" => NoRole,
        _ => Any,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use govaudit_html::Document;

    fn allowed(html: &str) -> Allowed {
        let doc = Document::from_html(html);
        let e = doc.elements().find(|e| e.has_attr("data-t")).unwrap();
        allowed_roles(&e)
    }

    #[test]
    fn examples_from_aria_in_html() {
        assert_eq!(allowed("<div data-t></div>"), Allowed::Any);
        assert_eq!(allowed("<a data-t></a>"), Allowed::Any);
        assert!(matches!(allowed("<a data-t href=x></a>"), Allowed::Only(r) if r.contains(&"tab")));
        assert_eq!(allowed("<label data-t></label>"), Allowed::NoRole);
        assert_eq!(
            allowed("<select data-t multiple></select>"),
            Allowed::NoRole
        );
        assert_eq!(
            allowed("<select data-t></select>"),
            Allowed::Only(&["menu"])
        );
        assert_eq!(
            allowed("<img data-t alt=''>"),
            Allowed::Only(PRESENTATIONAL)
        );
        assert_eq!(allowed("<input data-t type=password>"), Allowed::NoRole);
        assert!(matches!(allowed("<input data-t>"), Allowed::Only(r) if r.contains(&"combobox")));
    }
}
