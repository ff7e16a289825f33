//! scraper's tree sink, wrapped to remember the source line of every element: html5ever reports
//! the tokenizer's line before it creates the nodes of a token, and scraper ignores it.

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

pub(crate) struct LineRecordingSink {
    inner: HtmlTreeSink,
    current_line: Cell<u32>,
    lines: RefCell<HashMap<NodeId, u32>>,
    /// The most attributes an element may gather from repeated `<html>`/`<body>` tags.
    attribute_limit: usize,
    dropped_attributes: Cell<usize>,
}

impl LineRecordingSink {
    pub(crate) fn new(attribute_limit: usize) -> Self {
        LineRecordingSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            current_line: Cell::new(1),
            lines: RefCell::new(HashMap::new()),
            attribute_limit,
            dropped_attributes: Cell::new(0),
        }
    }

    /// How many attributes merged into `<html>` or `<body>` were dropped past the limit.
    pub(crate) fn dropped_attributes(&self) -> usize {
        self.dropped_attributes.get()
    }
}

impl TreeSink for LineRecordingSink {
    type Handle = NodeId;
    type Output = (Html, HashMap<NodeId, u32>);
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.lines.into_inner())
    }

    fn set_current_line(&self, line_number: u64) {
        self.current_line
            .set(u32::try_from(line_number).unwrap_or(u32::MAX));
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        self.lines.borrow_mut().insert(id, self.current_line.get());
        id
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        // Each tag is already bounded by `AttributeLimit`, but a page can repeat `<body ...>`
        // and the tree builder merges every new attribute into the one element.
        self.inner.add_attrs_if_missing(target, attrs);
        let mut html = self.inner.0.borrow_mut();
        if let Some(mut node) = html.tree.get_mut(*target)
            && let Node::Element(element) = node.value()
            && element.attrs.len() > self.attribute_limit
        {
            let excess = element.attrs.len() - self.attribute_limit;
            self.dropped_attributes
                .set(self.dropped_attributes.get() + excess);
            // Merged attributes come last, so the element keeps the ones it had.
            element.attrs.truncate(self.attribute_limit);
        }
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent)
    }
}

/// Nesting deeper than this is flattened, as Chromium's parser does at 512: html5ever scans its
/// stack of open elements for many start tags, so unbounded depth would make parsing quadratic.
pub(crate) const MAX_NESTING: usize = 512;

/// At most this many tags (start and end) reach the tree builder; after that every tag is
/// dropped and the rest of the page is read as text of the last open element. No real page
/// comes near it (the corpus's largest has about 9,000), while 63 MB of `<p>` is 6 million
/// tags: about 2 GB of DOM, and checks linear in elements on top.
pub(crate) const MAX_TAGS: usize = 300_000;

/// Sits between the tokenizer and the tree builder and drops start tags (and their end tags) that
/// would nest elements deeper than [`MAX_NESTING`]; their content stays, one level up. Past
/// [`MAX_TAGS`] tags it drops every tag.
///
/// The depth is estimated from tags: void elements and those whose end tag is optional and
/// implied by a sibling (`p`, `li`, `td`, ...) do not count, and elements that switch the
/// tokenizer's state (`script`, `style`, `textarea`, ...) are never dropped.
pub(crate) struct DepthGuard<T> {
    pub(crate) inner: T,
    depth: Cell<usize>,
    open: RefCell<HashMap<html5ever::LocalName, usize>>,
    suppressed: RefCell<HashMap<html5ever::LocalName, usize>>,
    flattened: Cell<bool>,
    tags: Cell<usize>,
    tags_dropped: Cell<bool>,
}

impl<T> DepthGuard<T> {
    pub(crate) fn new(inner: T) -> Self {
        DepthGuard {
            inner,
            depth: Cell::new(0),
            open: RefCell::new(HashMap::new()),
            suppressed: RefCell::new(HashMap::new()),
            flattened: Cell::new(false),
            tags: Cell::new(0),
            tags_dropped: Cell::new(false),
        }
    }

    /// Whether the page had more than [`MAX_TAGS`] tags (the rest was read as text).
    pub(crate) fn tags_dropped(&self) -> bool {
        self.tags_dropped.get()
    }

    /// Whether any element was flattened.
    pub(crate) fn flattened(&self) -> bool {
        self.flattened.get()
    }
}

fn counts_toward_depth(name: &str) -> bool {
    !matches!(
        name,
        // void elements
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta"
            | "param" | "source" | "track" | "wbr" | "basefont" | "bgsound" | "frame" | "keygen"
            // end tag implied by a sibling or parent
            | "p" | "li" | "dt" | "dd" | "option" | "optgroup" | "tr" | "td" | "th" | "thead"
            | "tbody" | "tfoot" | "rb" | "rt" | "rp" | "rtc" | "colgroup" | "caption"
            | "html" | "head" | "body"
            // elements that change the tokenizer state must reach the tree builder
            | "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed"
            | "noframes" | "noscript" | "plaintext" | "template" | "svg" | "math"
    )
}

impl<T: html5ever::tokenizer::TokenSink> html5ever::tokenizer::TokenSink for DepthGuard<T> {
    type Handle = T::Handle;

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        line_number: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<T::Handle> {
        use html5ever::tokenizer::{TagKind, Token};
        if matches!(token, Token::TagToken(_)) {
            if self.tags.get() >= MAX_TAGS {
                self.tags_dropped.set(true);
                return html5ever::tokenizer::TokenSinkResult::Continue;
            }
            self.tags.set(self.tags.get() + 1);
        }
        if let Token::TagToken(tag) = &token
            && counts_toward_depth(&tag.name)
        {
            match tag.kind {
                TagKind::StartTag if !tag.self_closing => {
                    if self.depth.get() >= MAX_NESTING {
                        *self
                            .suppressed
                            .borrow_mut()
                            .entry(tag.name.clone())
                            .or_default() += 1;
                        self.flattened.set(true);
                        return html5ever::tokenizer::TokenSinkResult::Continue;
                    }
                    self.depth.set(self.depth.get() + 1);
                    *self.open.borrow_mut().entry(tag.name.clone()).or_default() += 1;
                }
                TagKind::EndTag => {
                    if let Some(count) = self.suppressed.borrow_mut().get_mut(&tag.name)
                        && *count > 0
                    {
                        *count -= 1;
                        return html5ever::tokenizer::TokenSinkResult::Continue;
                    }
                    if let Some(count) = self.open.borrow_mut().get_mut(&tag.name)
                        && *count > 0
                    {
                        *count -= 1;
                        self.depth.set(self.depth.get().saturating_sub(1));
                    }
                }
                TagKind::StartTag => {}
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// At most this many attributes are kept per element: the first ones, in source order (after
/// duplicates are dropped, the first occurrence winning, as the HTML Standard says).
///
/// Browsers keep every attribute, but no real page comes near this bound, while a hostile one
/// can put a million on one tag: every check that scans an element's attributes (each `attr`
/// lookup, each attribute selector) would then cost a million steps per call. The count of
/// dropped attributes is reported by `Document::dropped_attributes`.
pub(crate) const MAX_ATTRIBUTES: usize = 1_000;

/// Sits between the tokenizer and the tree builder and cuts each start tag's attributes to a
/// limit ([`MAX_ATTRIBUTES`] outside tests).
///
/// This is linear only because the tokenizer's own duplicate check is (html5ever is patched,
/// see `patches/html5ever/GOVAUDIT-PATCH.md`): the tokenizer collects a tag's attributes before
/// any sink sees the tag, so no sink can stop a quadratic check there.
pub(crate) struct AttributeLimit<T> {
    pub(crate) inner: T,
    limit: usize,
    dropped: Cell<usize>,
}

impl<T> AttributeLimit<T> {
    pub(crate) fn new(inner: T, limit: usize) -> Self {
        AttributeLimit {
            inner,
            limit,
            dropped: Cell::new(0),
        }
    }

    /// How many attributes of start tags were dropped past the limit.
    pub(crate) fn dropped(&self) -> usize {
        self.dropped.get()
    }
}

impl<T: html5ever::tokenizer::TokenSink> html5ever::tokenizer::TokenSink for AttributeLimit<T> {
    type Handle = T::Handle;

    fn process_token(
        &self,
        mut token: html5ever::tokenizer::Token,
        line_number: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<T::Handle> {
        use html5ever::tokenizer::{TagKind, Token};
        // End tags' attributes are ignored by the tree builder: nothing to count there.
        if let Token::TagToken(tag) = &mut token
            && tag.kind == TagKind::StartTag
            && tag.attrs.len() > self.limit
        {
            self.dropped
                .set(self.dropped.get() + tag.attrs.len() - self.limit);
            tag.attrs.truncate(self.limit);
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}
