//! What the rules read of one page: the parsed document, the site it belongs to, and what is
//! computed only when a rule needs it (styles, scanned scripts).

use crate::script::{self, Signal};
use crate::{Config, Data, Input};
use govaudit_html::style::{StyleRule, Styles, StylesheetSource, parse_stylesheet_with};
use govaudit_html::visibility::Visibility;
use govaudit_html::{Document, Element, Selector};
use std::cell::OnceCell;
use std::collections::HashMap;
use url::Url;

static NO_CONFIG: std::sync::LazyLock<Config> = std::sync::LazyLock::new(Config::default);

/// One page and what the content rules derive from it.
pub struct Page<'a> {
    pub doc: &'a Document,
    pub config: &'a Config,
    /// `None` when the built-in data could not be read (a defect; the rules then do nothing).
    pub data: Option<&'static Data>,
    source: Option<&'a [u8]>,
    sheets: Option<&'a dyn StylesheetSource>,
    /// The registrable domain of the site: the page's own, or for a page read from a file the
    /// one its `<base>`, canonical link or most of its absolute links name.
    site: Option<String>,
    /// The page's base URL (its `<base>` or its own), found once: every address is resolved
    /// against it.
    base: Option<Url>,
    /// Whether an address relative to the base (a path, query or fragment) can only be on the
    /// site, so [`Page::resolve_outside`] need not parse it.
    relative_is_inside: bool,
    computed: Option<(&'a Styles, &'a Visibility)>,
    styles: OnceCell<(Styles, Visibility)>,
    scripts: OnceCell<Vec<(Element<'a>, Vec<Signal>)>>,
    hiding_rules: OnceCell<Vec<(Selector, StyleRule)>>,
    after_html: OnceCell<Option<u32>>,
}

impl<'a> Page<'a> {
    pub fn new(doc: &'a Document, input: &Input<'a>) -> Page<'a> {
        let base = doc.base_url();
        let site = site_domain(doc, base.as_ref());
        let mut page = Page {
            doc,
            config: input.config.unwrap_or(&NO_CONFIG),
            data: Data::builtin().ok(),
            source: input.source,
            sheets: input.sheets,
            site,
            base,
            relative_is_inside: false,
            computed: input.computed,
            styles: OnceCell::new(),
            scripts: OnceCell::new(),
            hiding_rules: OnceCell::new(),
            after_html: OnceCell::new(),
        };
        // A relative address keeps the base's scheme and host; without a base it does not
        // resolve at all.
        page.relative_is_inside = page.base.as_ref().is_none_or(|base| !page.is_outside(base));
        page
    }

    /// The site's registrable domain, when known.
    pub fn site(&self) -> Option<&str> {
        self.site.as_deref()
    }

    /// Computed styles and visibility (the shared cascade): those the caller gave, or computed
    /// on first use.
    pub fn styles(&self) -> (&Styles, &Visibility) {
        if let Some(computed) = self.computed {
            return computed;
        }
        let (styles, visibility) = self.styles.get_or_init(|| {
            let styles = match self.sheets {
                Some(sheets) => Styles::compute_with(self.doc, sheets),
                None => Styles::compute(self.doc),
            };
            let visibility = Visibility::compute(self.doc, &styles);
            (styles, visibility)
        });
        (styles, visibility)
    }

    /// The rules of the page's sheets (`<style>` and the linked sheets the cascade read) that
    /// set a property that can hide something, with their parsed selectors; parsed once, when
    /// the first finding names the rule that hides it.
    pub fn hiding_rules(&self) -> &[(Selector, StyleRule)] {
        self.hiding_rules.get_or_init(|| {
            let (styles, _) = self.styles();
            let mut sheets: Vec<String> = self
                .doc
                .elements_named("style")
                .filter(|s| !s.is_in_template())
                .map(|s| s.text())
                .collect();
            sheets.extend(
                styles
                    .external_sheets()
                    .iter()
                    .map(|(_, text)| text.to_string()),
            );
            sheets
                .iter()
                .flat_map(|css| parse_stylesheet_with(css, can_hide))
                .filter_map(|rule| Some((Selector::parse(&rule.selectors).ok()?, rule)))
                .collect()
        })
    }

    /// Every inline script with what [`script::scan`] finds in it.
    pub fn scripts(&self) -> &[(Element<'a>, Vec<Signal>)] {
        self.scripts.get_or_init(|| {
            self.doc
                .elements_named("script")
                .filter(|s| !s.has_attr("src") && !s.is_in_template() && is_javascript(s))
                .filter_map(|s| {
                    let signals = script::scan(&s.text());
                    (!signals.is_empty()).then_some((s, signals))
                })
                .collect()
        })
    }

    /// The source line of the last `</html>` when markup follows it.
    pub fn line_after_html(&self) -> Option<u32> {
        *self
            .after_html
            .get_or_init(|| self.source.and_then(markup_after_html_end))
    }

    /// `href` resolved against the page's base.
    pub fn resolve(&self, href: &str) -> Option<Url> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        match &self.base {
            Some(base) => base.join(href).ok(),
            None if href.starts_with("//") => Url::parse(&format!("http:{href}")).ok(),
            None => Url::parse(href).ok(),
        }
    }

    /// `href` resolved against the page's base when the address is outside the site (see
    /// [`Page::is_outside`]); the same as `resolve` followed by `is_outside`, but a relative
    /// address on a page whose base is on the site is not parsed.
    pub fn resolve_outside(&self, href: &str) -> Option<Url> {
        if self.relative_is_inside && is_path_relative(href.trim()) {
            return None;
        }
        self.resolve(href).filter(|url| self.is_outside(url))
    }

    /// An `http(s)` address on another registrable domain than the site's (and than the
    /// domains the site's configuration adds). Without a known site, every absolute address is.
    pub fn is_outside(&self, url: &Url) -> bool {
        if !matches!(url.scheme(), "http" | "https") {
            return false;
        }
        let Some(host) = url.host_str() else {
            return false;
        };
        let domain = registrable_domain(host);
        if self
            .config
            .site_domains
            .iter()
            .any(|d| d.eq_ignore_ascii_case(&domain))
        {
            return false;
        }
        self.site.as_deref() != Some(domain.as_str())
    }

    /// Hosts of scripts and iframes the site or the built-in list allows.
    pub fn is_allowed_host(&self, host: &str) -> bool {
        self.data.is_some_and(|d| d.is_known_host(host))
            || crate::data::host_in(
                host,
                self.config.allowed_script_hosts.iter().map(String::as_str),
            )
    }
}

/// An address the URL parser reads as a path, query or fragment of its base, so it keeps the
/// base's scheme and host: no `:` (no scheme of its own), no control characters (the parser
/// drops tabs and newlines, which could join a scheme or `//`), and not `//` or `\\` at the
/// start (an authority; the parser reads `\` as `/` in web addresses).
fn is_path_relative(href: &str) -> bool {
    let bytes = href.as_bytes();
    let is_slash = |b: Option<&u8>| matches!(b, Some(b'/' | b'\\'));
    let has_authority = is_slash(bytes.first()) && is_slash(bytes.get(1));
    !has_authority && !bytes.iter().any(|&b| b == b':' || b < 0x20 || b == 0x7f)
}

/// Properties a hiding technique sets.
fn can_hide(property: &str) -> bool {
    matches!(
        property,
        "display"
            | "visibility"
            | "opacity"
            | "font-size"
            | "font"
            | "color"
            | "text-indent"
            | "left"
            | "top"
            | "right"
            | "width"
            | "height"
            | "clip"
            | "clip-path"
    )
}

/// `type` absent or a JavaScript MIME type / `module`.
fn is_javascript(script: &Element<'_>) -> bool {
    script.attr("type").is_none_or(|t| {
        let t = t.trim().to_ascii_lowercase();
        t.is_empty() || t == "module" || t.contains("javascript") || t.contains("ecmascript")
    })
}

/// The registrable domain (`example.gov.cn` for `www.example.gov.cn`), or the host itself for
/// addresses and names without a public suffix.
pub fn registrable_domain(host: &str) -> String {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.parse::<std::net::IpAddr>().is_ok() || host.starts_with('[') {
        return host;
    }
    psl::domain_str(&host).map_or_else(|| host.clone(), str::to_owned)
}

/// A government host: `.gov`, `.mil`, or `gov` just before a country code (`gov.cn`,
/// `gov.uk`, `gov.hk`).
pub fn is_government(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = host.rsplit('.').collect();
    match labels.as_slice() {
        ["gov" | "mil", ..] => true,
        [country, "gov", ..] => country.len() == 2,
        _ => false,
    }
}

fn site_domain(doc: &Document, base: Option<&Url>) -> Option<String> {
    let http_host = |url: &Url| {
        matches!(url.scheme(), "http" | "https")
            .then(|| url.host_str().map(registrable_domain))
            .flatten()
    };
    if let Some(domain) = doc.url().and_then(http_host) {
        return Some(domain);
    }
    if let Some(domain) = base.and_then(http_host) {
        return Some(domain);
    }
    for link in doc.elements_named("link") {
        let canonical = link.attr("rel").is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case("canonical"))
        });
        if canonical
            && let Some(url) = link.attr("href").and_then(|h| Url::parse(h.trim()).ok())
            && let Some(domain) = http_host(&url)
        {
            return Some(domain);
        }
    }
    // A page saved from its site: the domain most of its absolute links name is its own.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for a in doc.elements_named("a") {
        // Without a `:` an address has no scheme, so it cannot parse on its own.
        if let Some(url) = a
            .attr("href")
            .filter(|h| h.contains(':'))
            .and_then(|h| Url::parse(h.trim()).ok())
            && let Some(domain) = http_host(&url)
        {
            *counts.entry(domain).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(domain, _)| domain)
}

/// The line (1-based) of the last `</html>` in `source` when a tag follows it. Byte-wise: `<`
/// and `\n` are never the second byte of a GBK or Big5 character.
fn markup_after_html_end(source: &[u8]) -> Option<u32> {
    const END: &[u8] = b"</html";
    let at = source
        .windows(END.len())
        .rposition(|w| w.eq_ignore_ascii_case(END))?;
    let rest = &source[at + END.len()..];
    let close = rest.iter().position(|&b| b == b'>')?;
    let after = &rest[close + 1..];
    let has_tag = after
        .windows(2)
        .any(|w| w[0] == b'<' && w[1].is_ascii_alphabetic());
    if !has_tag {
        return None;
    }
    let line = source[..at].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(line + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn government_hosts() {
        for host in [
            "www.gov.cn",
            "www.beijing.gov.cn",
            "usa.gov",
            "www.gov.uk",
            "army.mil",
        ] {
            assert!(is_government(host), "{host}");
        }
        for host in [
            "gov.example.com",
            "govcn.com",
            "www.casino.com",
            "example.cn",
        ] {
            assert!(!is_government(host), "{host}");
        }
    }

    #[test]
    fn markup_after_the_end_of_html_is_found_by_line() {
        assert_eq!(
            markup_after_html_end(b"<html>\n<body></body>\n</html>\n<div><a href=x>y</a></div>"),
            Some(3)
        );
        assert_eq!(markup_after_html_end(b"<html>\n</html>\n\n"), None);
        assert_eq!(markup_after_html_end(b"<html>"), None);
    }

    #[test]
    fn the_site_of_a_saved_page_is_the_domain_of_most_of_its_links() {
        let doc = Document::from_html(
            r#"<a href="https://www.example.gov.cn/a">a</a><a href="http://example.gov.cn/b">b</a><a href="https://www.gov.cn/">c</a>"#,
        );
        assert_eq!(
            site_domain(&doc, doc.base_url().as_ref()).as_deref(),
            Some("example.gov.cn")
        );
    }
}

#[cfg(test)]
mod resolve_tests {
    use super::*;
    use proptest::prelude::*;

    /// Pages whose base is on the site, on another site, a file, or absent.
    fn pages() -> Vec<Document> {
        let at = |url: &str, html: &str| {
            let url = Url::parse(url).unwrap();
            Document::parse(html.as_bytes(), Some("text/html"), Some(&url))
        };
        vec![
            at("https://www.example.gov.cn/news/a.html", ""),
            at(
                "https://www.example.gov.cn/news/a.html",
                r#"<base href="https://mirror.example.com/x/">"#,
            ),
            at("file:///pages/a.html", ""),
            Document::from_html("<p>no address</p>"),
        ]
    }

    proptest! {
        /// The short cut for relative addresses agrees with resolving every address.
        #[test]
        fn resolve_outside_is_resolve_then_is_outside(
            href in proptest::string::string_regex(r"[a-z:/\\.?#%@ \t\n\x01ー]{0,12}").unwrap()
                .prop_union(proptest::string::string_regex(
                    r"(https?:|HTTP:|//|\\\\|/\t/|\t)?[a-z.]{0,8}(/[a-z:]{0,4})?").unwrap())
        ) {
            for doc in pages() {
                let page = Page::new(&doc, &Input::default());
                let slow = page.resolve(&href).filter(|url| page.is_outside(url));
                prop_assert_eq!(page.resolve_outside(&href), slow, "{:?} on {:?}", href, doc.url());
            }
        }
    }

    #[test]
    fn relative_addresses_on_a_base_elsewhere_are_outside() {
        let docs = pages();
        let page = Page::new(&docs[1], &Input::default());
        assert_eq!(
            page.resolve_outside("b.html").map(String::from).as_deref(),
            Some("https://mirror.example.com/x/b.html")
        );
        let page = Page::new(&docs[0], &Input::default());
        assert_eq!(page.resolve_outside("b.html"), None);
        assert_eq!(
            page.resolve_outside("/\t/evil.example/")
                .map(|u| u.host_str().map(str::to_owned)),
            Some(Some("evil.example".into()))
        );
    }
}
