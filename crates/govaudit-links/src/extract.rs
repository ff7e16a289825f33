//! Every URL reference of a page, with the place it is written: element, attribute, source line,
//! a unique selector and the link text.

use crate::attributes::{
    ACTIVE_LINK_RELS, HTML_URL_ATTRIBUTES, LinkKind, NAVIGATION_LINK_RELS, ORIGIN_ONLY_LINK_RELS,
    SVG_HREF_ELEMENTS, ValueForm,
};
use crate::css::css_urls;
use crate::srcset::candidate_urls;
use govaudit_core::Location;
use govaudit_html::{Document, Element};
use serde::Serialize;
use url::Url;

/// One occurrence of a URL reference in a page or stylesheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The reference as written (one candidate of a `srcset`, the URL of a `url()`).
    pub href: String,
    /// The absolute URL it resolves to (after `<base href>`), or why it does not parse.
    #[serde(serialize_with = "serialize_target")]
    pub target: Result<Url, String>,
    pub kind: LinkKind,
    /// Element name (`a`, `img`, `style`), or `@import` / `url()` in a stylesheet.
    pub element: String,
    /// Attribute name (`href`, `srcset`, `style`), or empty for CSS text.
    pub attribute: String,
    /// 1-based source line; 0 when unknown.
    pub line: u32,
    /// 1-based column where known (CSS).
    pub column: Option<u32>,
    /// Unique CSS selector of the element (none for stylesheet files).
    pub selector: Option<String>,
    /// The start tag, shortened.
    pub snippet: Option<String>,
    /// The text a user sees for the link (`a` content, `img`/`area` alt).
    pub text: Option<String>,
    /// The element's document-order index ([`govaudit_html::Element::index`]), to compute the
    /// selector and snippet later ([`Link::locate`]); none for stylesheet files.
    #[serde(skip)]
    pub element_index: Option<usize>,
}

fn serialize_target<S: serde::Serializer>(
    target: &Result<Url, String>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match target {
        Ok(url) => serializer.serialize_str(url.as_str()),
        Err(_) => serializer.serialize_none(),
    }
}

impl Link {
    /// Where the link is, as findings carry it.
    pub fn location(&self) -> Location {
        Location {
            line: (self.line > 0).then_some(self.line),
            column: self.column,
            selector: self.selector.clone(),
            snippet: self.snippet.clone(),
            header: None,
        }
    }

    /// Fills in the selector and snippet from the document the link was extracted from (when
    /// [`extract_unlocated`] left them out).
    pub fn locate(&mut self, document: &Document) {
        if self.selector.is_some() {
            return;
        }
        if let Some(element) = self.element_index.and_then(|i| document.element_at(i)) {
            self.selector = Some(element.css_path());
            self.snippet = Some(element.snippet());
        }
    }

    /// The resolved URL, when it parses.
    pub fn url(&self) -> Option<&Url> {
        self.target.as_ref().ok()
    }
}

/// Longest link text kept, in characters.
const TEXT_LIMIT: usize = 120;

/// The URL relative references of `document` resolve against: the first `<base href>` outside
/// templates, resolved against `page_url` (a path-only base works), else `page_url`.
pub fn base_url(document: &Document, page_url: Option<&Url>) -> Option<Url> {
    let base_href = document
        .elements_named("base")
        .find_map(|b| b.attr("href"))
        .map(str::trim);
    match (base_href, page_url) {
        (Some(href), Some(page)) => page.join(href).ok().or_else(|| Some(page.clone())),
        (Some(href), None) => Url::parse(href).ok(),
        (None, page) => page.cloned(),
    }
}

/// Resolves `href` against `base` as a browser does (the url crate trims spaces and strips tabs
/// and newlines, applies IDNA and percent-encoding, and clamps `..` at the root).
pub fn resolve(base: Option<&Url>, href: &str) -> Result<Url, String> {
    let result = match base {
        Some(base) => base.join(href),
        None => Url::parse(href),
    };
    result.map_err(|e| e.to_string())
}

/// Every URL reference in `document`, in document order. `page_url` is where the page is (or
/// will be) served; relative references resolve against it and `<base href>`. Template contents
/// and comments are not part of the page and give nothing.
pub fn extract(document: &Document, page_url: Option<&Url>) -> Vec<Link> {
    let mut links = extract_unlocated(document, page_url);
    for link in &mut links {
        link.locate(document);
    }
    links
}

/// [`extract`] without selectors and snippets, which cost about half of extraction: for
/// callers that report few of the links; [`Link::locate`] adds them to those.
pub fn extract_unlocated(document: &Document, page_url: Option<&Url>) -> Vec<Link> {
    let page_url = page_url.or(document.url());
    let base = base_url(document, page_url);
    let mut links = Vec::new();
    for element in document.elements() {
        if element.is_in_template() {
            continue;
        }
        extract_element(&element, base.as_ref(), &mut links);
    }
    links
}

fn extract_element(element: &Element<'_>, base: Option<&Url>, links: &mut Vec<Link>) {
    let name = element.name();
    if element.is_svg() {
        if let Some(&(_, kind)) = SVG_HREF_ELEMENTS.iter().find(|(n, _)| *n == name) {
            // SVG 2 prefers `href` over the older `xlink:href` when both are present.
            let attribute = if element.has_attr("href") {
                "href"
            } else {
                "xlink:href"
            };
            if let Some(value) = element.attr(attribute) {
                push(links, element, base, attribute, value, kind);
            }
        }
    } else if element.is_html() {
        for &(el, attribute, form, kind) in HTML_URL_ATTRIBUTES {
            if el != name {
                continue;
            }
            let Some(value) = element.attr(attribute) else {
                continue;
            };
            let kind = match refine_kind(element, kind) {
                Some(kind) => kind,
                None => continue,
            };
            match form {
                ValueForm::Url => push(links, element, base, attribute, value, kind),
                ValueForm::Srcset => {
                    for (_, url) in candidate_urls(value) {
                        push(links, element, base, attribute, url, kind);
                    }
                }
            }
        }
        if name == "meta"
            && element
                .attr("http-equiv")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"))
            && let Some(url) = element.attr("content").and_then(refresh_url)
        {
            push(links, element, base, "content", url, LinkKind::Navigation);
        }
        if name == "style" {
            let css = element.text();
            for found in css_urls(&css) {
                let mut link = new_link(element, base, "", &found.url, css_kind(found.import));
                link.line = element.line().saturating_add(found.line);
                link.column = (found.line > 0).then_some(found.column);
                links.push(link);
            }
        }
    }
    if let Some(style) = element.attr("style") {
        for found in css_urls(style) {
            links.push(new_link(
                element,
                base,
                "style",
                &found.url,
                css_kind(found.import),
            ));
        }
    }
}

fn css_kind(import: bool) -> LinkKind {
    if import {
        LinkKind::ActiveResource
    } else {
        LinkKind::PassiveResource
    }
}

/// `link` by its `rel`, `input src` only for `type=image`; `None` means not a link to check.
fn refine_kind(element: &Element<'_>, kind: LinkKind) -> Option<LinkKind> {
    match element.name() {
        "link" => {
            let rel = element.attr("rel").unwrap_or("").to_ascii_lowercase();
            let has = |list: &[&str]| rel.split_ascii_whitespace().any(|r| list.contains(&r));
            if has(ORIGIN_ONLY_LINK_RELS) {
                None
            } else if has(ACTIVE_LINK_RELS) {
                Some(LinkKind::ActiveResource)
            } else if has(NAVIGATION_LINK_RELS) {
                Some(LinkKind::Navigation)
            } else {
                Some(kind)
            }
        }
        "input" if kind == LinkKind::FormAction => Some(kind),
        "input" => element
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("image"))
            .then_some(kind),
        _ => Some(kind),
    }
}

fn push(
    links: &mut Vec<Link>,
    element: &Element<'_>,
    base: Option<&Url>,
    attribute: &str,
    value: &str,
    kind: LinkKind,
) {
    // An empty reference is the page itself: nothing to check.
    if value.trim().is_empty() {
        return;
    }
    links.push(new_link(element, base, attribute, value, kind));
}

fn new_link(
    element: &Element<'_>,
    base: Option<&Url>,
    attribute: &str,
    href: &str,
    kind: LinkKind,
) -> Link {
    let line = element.line();
    Link {
        href: href.to_owned(),
        target: resolve(base, href),
        kind,
        element: element.name().to_owned(),
        attribute: attribute.to_owned(),
        line,
        column: None,
        selector: None,
        snippet: None,
        text: link_text(element),
        element_index: Some(element.index()),
    }
}

/// What a reader sees for the link: the text of `a` (or the `alt` of images in it), the `alt`
/// of `area`, `img` and `input type=image`.
fn link_text(element: &Element<'_>) -> Option<String> {
    let text = match element.name() {
        "a" => {
            let text = element.normalized_text();
            if text.is_empty() {
                element
                    .descendants()
                    .filter_map(|d| d.attr("alt").or_else(|| d.attr("aria-label")))
                    .next()
                    .or_else(|| element.attr("aria-label"))
                    .map(str::to_owned)
                    .unwrap_or_default()
            } else {
                text
            }
        }
        "area" | "img" | "input" => element.attr("alt").unwrap_or("").to_owned(),
        _ => return None,
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.chars().take(TEXT_LIMIT).collect())
}

/// The URL of a `<meta http-equiv=refresh>` `content`, as the HTML standard's "shared declarative
/// refresh steps" read it: a delay, then `;` or `,`, then optional `url=` and optional quotes.
pub fn refresh_url(content: &str) -> Option<&str> {
    let rest = content.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest.strip_prefix([';', ','])?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = match rest.get(..3) {
        Some(prefix) if prefix.eq_ignore_ascii_case("url") => {
            let after = rest[3..].trim_start_matches(|c: char| c.is_ascii_whitespace());
            match after.strip_prefix('=') {
                Some(value) => value.trim_start_matches(|c: char| c.is_ascii_whitespace()),
                None => rest,
            }
        }
        _ => rest,
    };
    let url = match rest.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let inner = &rest[1..];
            inner.split(quote).next().unwrap_or(inner)
        }
        _ => rest,
    };
    let url = url.trim();
    (!url.is_empty()).then_some(url)
}

/// The references of a stylesheet file (`url()`, `@import`), resolved against its URL.
pub fn extract_stylesheet(css: &str, css_url: Option<&Url>) -> Vec<Link> {
    css_urls(css)
        .into_iter()
        .map(|found| Link {
            target: resolve(css_url, &found.url),
            kind: css_kind(found.import),
            element: if found.import { "@import" } else { "url()" }.to_owned(),
            attribute: String::new(),
            line: found.line.saturating_add(1),
            column: Some(found.column),
            selector: None,
            snippet: Some(if found.import {
                format!("@import url({})", found.url)
            } else {
                format!("url({})", found.url)
            }),
            text: None,
            element_index: None,
            href: found.url,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_content_forms() {
        assert_eq!(refresh_url("0; url=a.html"), Some("a.html"));
        assert_eq!(refresh_url("5;URL='b.html'"), Some("b.html"));
        assert_eq!(refresh_url("3, c.html"), Some("c.html"));
        assert_eq!(refresh_url(" 0 ; url = \"d e.html\" "), Some("d e.html"));
        assert_eq!(refresh_url("10"), None);
        assert_eq!(refresh_url("x; url=a"), None);
        assert_eq!(refresh_url("0;url="), None);
    }
}
