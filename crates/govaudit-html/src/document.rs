//! The parsed page every check borrows: decoded once, parsed once, indexed once.

use crate::decode::{Decoding, decode};
use crate::path;
use crate::sink::LineRecordingSink;
use crate::sink::{AttributeLimit, DepthGuard, MAX_ATTRIBUTES};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use govaudit_core::{Location, Resource};
use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer};
use html5ever::tree_builder::QuirksMode;
use html5ever::tree_builder::{TreeBuilder, TreeSink};
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use url::Url;

/// A CSS selector, parsed once and reused.
#[derive(Debug, Clone)]
pub struct Selector(pub(crate) scraper::Selector);

/// A selector that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid CSS selector {selector:?}: {reason}")]
pub struct SelectorError {
    pub selector: String,
    pub reason: String,
}

impl Selector {
    pub fn parse(css: &str) -> Result<Self, SelectorError> {
        scraper::Selector::parse(css)
            .map(Selector)
            .map_err(|e| SelectorError {
                selector: css.to_owned(),
                reason: e.to_string(),
            })
    }
}

/// A parsed HTML page with the source line of every element, an id index, and the facts of
/// its decoding.
pub struct Document {
    html: Html,
    /// Element node → position in document order.
    order: HashMap<NodeId, u32, BuildHasherDefault<NodeIdHasher>>,
    /// Per element in document order: its node, source line, the end (exclusive) of its subtree
    /// in this order, and whether it is inside `<template>` contents.
    elements: Vec<ElementEntry>,
    ids: HashMap<String, Vec<u32>>,
    decoding: Decoding,
    url: Option<Url>,
    flattened: bool,
    tags_dropped: bool,
    dropped_attributes: usize,
    html_document: bool,
}

#[derive(Debug, Clone, Copy)]
struct ElementEntry {
    node: NodeId,
    line: u32,
    subtree_end: u32,
    in_template: bool,
    /// 1-based position among its element siblings (what `:nth-child` counts).
    sibling_position: u32,
    /// Whether an element sibling has the same name (then a CSS path step needs the position).
    shares_name: bool,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("url", &self.url.as_ref().map(Url::as_str))
            .field("encoding", &self.decoding.encoding.name())
            .field("elements", &self.elements.len())
            .finish()
    }
}

/// Node ids are small dense integers: a multiplicative hash is enough, and every
/// `parent()`/`children()` call looks one up (SipHash was a visible share of the rules' time).
#[derive(Default)]
struct NodeIdHasher(u64);

impl Hasher for NodeIdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl Document {
    /// Decodes (BOM, HTTP charset, `<meta>`, detection) and parses a page. Never fails: HTML
    /// parsing recovers from any input, as browsers do.
    pub fn parse(bytes: &[u8], content_type: Option<&str>, url: Option<&Url>) -> Document {
        let (text, decoding) = decode(bytes, content_type, url);
        let mut document = Document::build(&text, decoding, url.cloned());
        document.html_document = !content_type.is_some_and(is_non_html_markup);
        document
    }

    /// Parses a resource's body with its `Content-Type` and URL.
    pub fn from_resource(resource: &Resource) -> Document {
        let url = Url::parse(resource.url()).ok();
        Document::parse(
            &resource.body,
            resource.content_type().as_deref(),
            url.as_ref(),
        )
    }

    /// Parses text that is already decoded.
    pub fn from_html(html: &str) -> Document {
        let decoding = Decoding {
            encoding: encoding_rs::UTF_8,
            source: crate::EncodingSource::HttpHeader,
            had_errors: false,
        };
        Document::build(html, decoding, None)
    }

    fn build(text: &str, decoding: Decoding, url: Option<Url>) -> Document {
        Document::build_with_attribute_limit(text, decoding, url, MAX_ATTRIBUTES)
    }

    /// [`Document::build`] with another bound on attributes per element (tests compare parses
    /// with and without it).
    pub(crate) fn build_with_attribute_limit(
        text: &str,
        decoding: Decoding,
        url: Option<Url>,
        attribute_limit: usize,
    ) -> Document {
        let builder = TreeBuilder::new(LineRecordingSink::new(attribute_limit), Default::default());
        let tokenizer = Tokenizer::new(
            AttributeLimit::new(DepthGuard::new(builder), attribute_limit),
            Default::default(),
        );
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(text));
        // Anything but `Done` is a pause (for script execution, or an encoding indicator the
        // sniffing has already dealt with), which a static parse resumes at once.
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        tokenizer.end();
        let guards = tokenizer.sink;
        let flattened = guards.inner.flattened();
        let tags_dropped = guards.inner.tags_dropped();
        let dropped_by_tag = guards.dropped();
        let tree_sink = guards.inner.inner.sink;
        let dropped_attributes = dropped_by_tag + tree_sink.dropped_attributes();
        let (html, lines) = tree_sink.finish();
        let mut document = Document {
            html,
            order: HashMap::with_capacity_and_hasher(lines.len(), Default::default()),
            elements: Vec::with_capacity(lines.len()),
            ids: HashMap::new(),
            decoding,
            url,
            flattened,
            tags_dropped,
            dropped_attributes,
            html_document: true,
        };
        document.index(&lines);
        document.index_siblings();
        document
    }

    /// One iterative walk (no recursion: deep pages must not overflow the stack) that numbers
    /// elements in document order and records subtree ends, template contents and ids.
    fn index(&mut self, lines: &HashMap<NodeId, u32>) {
        let mut template_depth = 0usize;
        let mut open: Vec<usize> = Vec::new();
        for edge in self.html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Fragment => template_depth += 1,
                    Node::Element(element) => {
                        let position = self.elements.len();
                        let Ok(index) = u32::try_from(position) else {
                            continue;
                        };
                        self.order.insert(node.id(), index);
                        self.elements.push(ElementEntry {
                            node: node.id(),
                            line: lines.get(&node.id()).copied().unwrap_or(0),
                            subtree_end: index + 1,
                            in_template: template_depth > 0,
                            sibling_position: 1,
                            shares_name: false,
                        });
                        if let Some(id) = element.id() {
                            self.ids.entry(id.to_owned()).or_default().push(index);
                        }
                        open.push(position);
                    }
                    _ => {}
                },
                Edge::Close(node) => match node.value() {
                    Node::Fragment => template_depth = template_depth.saturating_sub(1),
                    Node::Element(_) => {
                        if let Some(position) = open.pop() {
                            let end = u32::try_from(self.elements.len()).unwrap_or(u32::MAX);
                            self.elements[position].subtree_end = end;
                        }
                    }
                    _ => {}
                },
            }
        }
    }

    /// Records each element's position among its siblings and whether a sibling shares its
    /// name, visiting every element once as a child, so CSS paths cost O(depth) each.
    fn index_siblings(&mut self) {
        let mut names: HashMap<&str, u32> = HashMap::new();
        let mut children: Vec<(usize, &str)> = Vec::new();
        let mut updates: Vec<(usize, u32, bool)> = Vec::new();
        let parents =
            std::iter::once(self.html.tree.root().id()).chain(self.elements.iter().map(|e| e.node));
        for parent in parents {
            let Some(parent) = self.html.tree.get(parent) else {
                continue;
            };
            children.clear();
            names.clear();
            for child in parent.children() {
                if let Node::Element(element) = child.value()
                    && let Some(&index) = self.order.get(&child.id())
                {
                    children.push((index as usize, element.name()));
                    *names.entry(element.name()).or_default() += 1;
                }
            }
            for (position, (index, name)) in children.iter().enumerate() {
                let shared = names.get(name).is_some_and(|&n| n > 1);
                updates.push((*index, position as u32 + 1, shared));
            }
        }
        for (index, position, shared) in updates {
            let entry = &mut self.elements[index];
            entry.sibling_position = position;
            entry.shares_name = shared;
        }
    }

    pub fn decoding(&self) -> &Decoding {
        &self.decoding
    }

    pub fn url(&self) -> Option<&Url> {
        self.url.as_ref()
    }

    /// Whether this is an HTML document, as opposed to an SVG or other XML document that was
    /// parsed with the HTML parser (its `<html>`, `<head>` and `<body>` are then the parser's
    /// inventions, and page-level rules such as "the page has a language" do not apply).
    pub fn is_html_document(&self) -> bool {
        self.html_document
    }

    /// Whether elements nested deeper than 512 levels were flattened (their start and end tags
    /// ignored, their content kept), as browsers do to keep parsing linear.
    pub fn was_flattened(&self) -> bool {
        self.flattened
    }

    /// Whether the page had more tags than a page's DOM may hold (300,000): the rest of the
    /// page was read as text, so its checks cover the first 300,000 tags only.
    pub fn tags_were_dropped(&self) -> bool {
        self.tags_dropped
    }

    /// How many attributes were dropped because an element had more than
    /// [`Document::MAX_ATTRIBUTES_PER_ELEMENT`]; 0 for every real page. Each element keeps its
    /// first attributes in source order.
    pub fn dropped_attributes(&self) -> usize {
        self.dropped_attributes
    }

    /// The most attributes one element keeps. Browsers keep them all, but no real page comes
    /// near this, and a hostile page with a million on one tag would make every attribute
    /// lookup of every check scan a million entries.
    pub const MAX_ATTRIBUTES_PER_ELEMENT: usize = MAX_ATTRIBUTES;

    /// Whether the page is parsed in quirks mode (no or an old doctype).
    pub fn is_quirks_mode(&self) -> bool {
        self.html.quirks_mode == QuirksMode::Quirks
    }

    /// The underlying scraper tree, for what this API does not cover.
    pub fn html(&self) -> &Html {
        &self.html
    }

    /// How many elements the page has.
    pub fn element_count(&self) -> usize {
        self.elements.len()
    }

    /// The `<html>` element.
    pub fn root(&self) -> Option<Element<'_>> {
        self.elements()
            .find(|e| e.parent().is_none() && !e.is_in_template())
    }

    /// Every element in document order, template contents included (check
    /// [`Element::is_in_template`]).
    pub fn elements(&self) -> impl Iterator<Item = Element<'_>> + '_ {
        (0..self.elements.len()).filter_map(|i| self.element_at(i))
    }

    /// The element at a document-order position.
    pub fn element_at(&self, index: usize) -> Option<Element<'_>> {
        let entry = self.elements.get(index)?;
        let node = self.html.tree.get(entry.node)?;
        Some(Element {
            document: self,
            element: ElementRef::wrap(node)?,
            index: index as u32,
        })
    }

    fn wrap<'a>(&'a self, element: ElementRef<'a>) -> Option<Element<'a>> {
        let index = *self.order.get(&element.id())?;
        Some(Element {
            document: self,
            element,
            index,
        })
    }

    /// Elements matching `selector`, in document order, outside template contents.
    pub fn select<'a, 's>(
        &'a self,
        selector: &'s Selector,
    ) -> impl Iterator<Item = Element<'a>> + use<'a, 's> {
        self.html
            .select(&selector.0)
            .filter_map(|e| self.wrap(e))
            .filter(|e| !e.is_in_template())
    }

    /// Parses `css` and returns the matching elements.
    pub fn select_css(&self, css: &str) -> Result<Vec<Element<'_>>, SelectorError> {
        let selector = Selector::parse(css)?;
        let found = self.select(&selector).collect();
        Ok(found)
    }

    /// Elements (outside templates) whose tag name is `name` (lowercase), in document order.
    pub fn elements_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = Element<'a>> + 'a {
        self.elements()
            .filter(move |e| e.name() == name && !e.is_in_template())
    }

    /// The first element with this `id`, as `getElementById` gives.
    pub fn element_by_id(&self, id: &str) -> Option<Element<'_>> {
        self.elements_with_id(id).next()
    }

    /// Every element with this `id` (more than one is a defect).
    pub fn elements_with_id<'a>(&'a self, id: &str) -> impl Iterator<Item = Element<'a>> + 'a {
        self.ids
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.element_at(i as usize))
            .filter(|e| !e.is_in_template())
    }

    /// Every `id` value and how many elements carry it.
    pub fn ids(&self) -> impl Iterator<Item = (&str, usize)> + '_ {
        self.ids.iter().map(|(id, at)| (id.as_str(), at.len()))
    }

    /// The text of the first `<title>`, whitespace collapsed; `None` when there is none.
    pub fn title(&self) -> Option<String> {
        self.elements_named("title")
            .next()
            .map(|t| t.normalized_text())
    }

    /// The URL relative references resolve against: the first `<base href>`, else the page URL.
    pub fn base_url(&self) -> Option<Url> {
        let base = self
            .elements_named("base")
            .find_map(|b| b.attr("href"))
            .map(str::trim);
        match (base, &self.url) {
            (Some(href), Some(url)) => url.join(href).ok().or_else(|| Some(url.clone())),
            (Some(href), None) => Url::parse(href).ok(),
            (None, url) => url.clone(),
        }
    }

    pub(crate) fn has_unique_id(&self, id: &str) -> bool {
        self.ids.get(id).is_some_and(|at| at.len() == 1)
    }
}

/// An element of a [`Document`]: cheap to copy, knows its line and position.
#[derive(Clone, Copy)]
pub struct Element<'a> {
    document: &'a Document,
    element: ElementRef<'a>,
    index: u32,
}

impl std::fmt::Debug for Element<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Element({} at line {})", self.snippet(), self.line())
    }
}

impl PartialEq for Element<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index && std::ptr::eq(self.document, other.document)
    }
}

impl Eq for Element<'_> {}

impl<'a> Element<'a> {
    pub fn document(&self) -> &'a Document {
        self.document
    }

    /// The scraper element, for selector matching and what this API does not cover.
    pub fn raw(&self) -> ElementRef<'a> {
        self.element
    }

    /// Position in document order: a dense index for per-element tables.
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// The local name: lowercase for HTML elements, as written for SVG (`clipPath`).
    pub fn name(&self) -> &'a str {
        self.element.value().name()
    }

    pub fn namespace(&self) -> &'a str {
        &self.element.value().name.ns
    }

    // Atom comparisons, not string ones: rules ask this of every element.
    pub fn is_html(&self) -> bool {
        self.element.value().name.ns == html5ever::ns!(html)
    }

    pub fn is_svg(&self) -> bool {
        self.element.value().name.ns == html5ever::ns!(svg)
    }

    /// An attribute value by (lowercase) name; namespaced ones as written, e.g. `xlink:href`.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        // The hottest call of the rules: check the (usually absent) prefix before the name.
        let attrs = &self.element.value().attrs;
        let found = match name.as_bytes().iter().position(|&b| b == b':') {
            None => attrs
                .iter()
                .find(|(qual, _)| qual.prefix.is_none() && &*qual.local == name),
            Some(at) => {
                let (prefix, local) = (&name[..at], &name[at + 1..]);
                attrs.iter().find(|(qual, _)| {
                    qual.prefix.as_deref() == Some(prefix) && &*qual.local == local
                })
            }
        };
        found.map(|(_, value)| &**value)
    }

    pub fn has_attr(&self, name: &str) -> bool {
        self.attr(name).is_some()
    }

    /// Attributes in source order, as `(name, value)`.
    pub fn attrs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.element.value().attrs()
    }

    pub fn id(&self) -> Option<&'a str> {
        self.element.value().id()
    }

    /// 1-based source line of the start tag (of its closing `>` when the tag spans lines); 0 for
    /// elements the parser created without a tag.
    pub fn line(&self) -> u32 {
        self.entry().line
    }

    fn entry(&self) -> &'a ElementEntry {
        &self.document.elements[self.index as usize]
    }

    /// 1-based position among its element siblings (what `:nth-child` counts).
    pub fn sibling_position(&self) -> u32 {
        self.entry().sibling_position
    }

    /// Whether an element sibling has the same tag name.
    pub fn shares_name_with_sibling(&self) -> bool {
        self.entry().shares_name
    }

    /// Inside `<template>` contents, which are not rendered.
    pub fn is_in_template(&self) -> bool {
        self.entry().in_template
    }

    pub fn parent(&self) -> Option<Element<'a>> {
        self.element
            .parent()
            .and_then(ElementRef::wrap)
            .and_then(|p| self.document.wrap(p))
    }

    /// Parent, grandparent, ... up to `<html>`.
    pub fn ancestors(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        std::iter::successors(self.parent(), |e| e.parent())
    }

    pub fn children(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        let document = self.document;
        self.element
            .child_elements()
            .filter_map(move |c| document.wrap(c))
    }

    /// Every element inside this one, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        let document = self.document;
        let start = self.index as usize + 1;
        let end = self.entry().subtree_end as usize;
        (start..end).filter_map(move |i| document.element_at(i))
    }

    /// Whether `other` is inside this element.
    pub fn contains(&self, other: &Element<'_>) -> bool {
        other.index > self.index && other.index < self.entry().subtree_end
    }

    /// The concatenated text of every text node inside, as `textContent` gives.
    pub fn text(&self) -> String {
        self.element.text().collect()
    }

    /// [`Element::text`] with runs of white space collapsed to one space and trimmed.
    pub fn normalized_text(&self) -> String {
        collapse_whitespace(&self.text())
    }

    /// A CSS selector that matches exactly this element in its document.
    pub fn css_path(&self) -> String {
        path::css_path(self)
    }

    /// The start tag, shortened: `<img src="logo.png" alt="">`.
    pub fn snippet(&self) -> String {
        path::snippet(self)
    }

    /// Line, selector and snippet, as findings carry them.
    pub fn location(&self) -> Location {
        let line = self.line();
        Location {
            line: (line > 0).then_some(line),
            column: None,
            selector: Some(self.css_path()),
            snippet: Some(self.snippet()),
            header: None,
        }
    }

    /// Whether the element matches a selector.
    pub fn matches(&self, selector: &Selector) -> bool {
        selector.0.matches(&self.element)
    }
}

/// `image/svg+xml`, `application/xml`, `text/xml`, `application/*+xml` other than XHTML.
fn is_non_html_markup(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence != "application/xhtml+xml"
        && (essence == "image/svg+xml"
            || essence == "text/xml"
            || essence == "application/xml"
            || essence.ends_with("+xml"))
}

/// Collapses runs of ASCII and Unicode white space into one space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod attribute_limit_tests {
    use super::*;

    /// Everything a parse produces that checks can see: the serialized tree, each element's
    /// line, and the flags.
    fn parse_result(document: &Document) -> (String, Vec<u32>, bool, bool) {
        (
            document.html().html(),
            document.elements().map(|e| e.line()).collect(),
            document.was_flattened(),
            document.is_quirks_mode(),
        )
    }

    fn parse(bytes: &[u8], attribute_limit: usize) -> Document {
        let (text, decoding) = decode(bytes, None, None);
        Document::build_with_attribute_limit(&text, decoding, None, attribute_limit)
    }

    #[test]
    fn corpus_pages_parse_the_same_with_and_without_the_attribute_limit() {
        let pages = govaudit_testkit::corpus_pages();
        for (number, page) in pages.iter().enumerate() {
            let limited = parse(page, MAX_ATTRIBUTES);
            assert_eq!(limited.dropped_attributes(), 0, "corpus page {number}");
            assert_eq!(
                parse_result(&limited),
                parse_result(&parse(page, usize::MAX)),
                "corpus page {number} (in file-name order) parses differently with the limit"
            );
        }
        // The comparison does see attributes: a tiny limit changes some page.
        let changed = pages.iter().any(|page| {
            let tiny = parse(page, 1);
            tiny.dropped_attributes() > 0
                && parse_result(&tiny) != parse_result(&parse(page, usize::MAX))
        });
        assert!(pages.is_empty() || changed, "a limit of 1 changed no page");
    }

    #[test]
    fn an_element_keeps_its_first_attributes_up_to_the_limit() {
        let page = br#"<div b=1 a=2 B=3 c=4 d=5 e=6 id=x></div><p q r></p>"#;
        let limited = parse(page, 3);
        let div = limited.elements_named("div").next().unwrap();
        assert_eq!(
            div.attrs().collect::<Vec<_>>(),
            [("b", "1"), ("a", "2"), ("c", "4")]
        );
        // `B=3` duplicates `b`: not kept, and not counted as dropped by the limit.
        assert_eq!(limited.dropped_attributes(), 3);
        let unlimited = parse(page, usize::MAX);
        assert_eq!(unlimited.dropped_attributes(), 0);
        assert_eq!(
            unlimited
                .elements_named("div")
                .next()
                .unwrap()
                .attrs()
                .count(),
            6
        );
    }

    #[test]
    fn attributes_merged_into_html_and_body_are_limited_too() {
        // The tree builder adds a later `<html>`'s or `<body>`'s new attributes to the element.
        let page = b"<html a=1 b=2><body x=1><html c=3 a=9 d=4><body y=2 x=8 z=3>";
        let limited = parse(page, 3);
        let html = limited.elements_named("html").next().unwrap();
        let body = limited.elements_named("body").next().unwrap();
        assert_eq!(
            html.attrs().collect::<Vec<_>>(),
            [("a", "1"), ("b", "2"), ("c", "3")]
        );
        assert_eq!(
            body.attrs().collect::<Vec<_>>(),
            [("x", "1"), ("y", "2"), ("z", "3")]
        );
        assert_eq!(limited.dropped_attributes(), 1);
        let unlimited = parse(page, usize::MAX);
        let html = unlimited.elements_named("html").next().unwrap();
        assert_eq!(html.attrs().count(), 4);
    }
}
