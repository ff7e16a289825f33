//! One page as the matcher sees it: which elements are rendered, their accessible names and
//! regions, and the visible text with a map back to elements.

use crate::normalize::normalize;
use ego_tree::NodeId;
use govaudit_html::scraper::Node;
use govaudit_html::{Document, Element};
use std::collections::HashMap;

/// Where an element sits in the page layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Region {
    Nav,
    Footer,
    Main,
}

pub(crate) struct PageView<'d> {
    pub doc: &'d Document,
    /// The page as evidence names it (a path for a local site, else the URL).
    pub label: String,
    /// Per element (document order): not rendered (hidden, inside a hidden ancestor, in
    /// `<template>`, in `<head>`).
    hidden: Vec<bool>,
    /// Per element: not drawn on screen. Unlike `hidden`, `aria-hidden` content is drawn (the
    /// USWDS banner's "An official website of the United States government" is), so marks in
    /// it are seen by visitors, while links in it are not entrances.
    unrendered: Vec<bool>,
    /// Normalised visible text of the page, text nodes joined by spaces.
    pub text: String,
    /// One entry per rendered text node, in order.
    segments: Vec<Segment<'d>>,
    /// Normalised text of every HTML comment (commented-out links are reported as ignored).
    pub comments: Vec<(String, usize)>,
    index_of: HashMap<NodeId, usize>,
}

/// The first `k` in `0..len` where `reached(k)` holds, for a `reached` that stays true once
/// true; `len` if it never holds.
fn first_index(len: usize, reached: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let middle = low + (high - low) / 2;
        if reached(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    low
}

/// A text node's place in [`PageView::text`].
struct Segment<'d> {
    /// Byte offset of its normalised text in [`PageView::text`].
    start: usize,
    /// Index of the element owning the text node.
    owner: usize,
    /// Source line of its first visible character (0 when unknown).
    line: u32,
    /// The text node as the page has it, so evidence can quote the page's own words.
    original: &'d str,
}

/// Elements whose contents are never rendered as page text.
const NOT_RENDERED: &[&str] = &["script", "style", "template", "noscript", "head", "title"];

impl<'d> PageView<'d> {
    pub fn new(doc: &'d Document, label: String) -> Self {
        let count = doc.element_count();
        let mut hidden = vec![false; count];
        let mut unrendered = vec![false; count];
        let mut index_of = HashMap::with_capacity(count);
        for element in doc.elements() {
            let i = element.index();
            index_of.insert(element.raw().id(), i);
            let parent = element.parent().map(|p| p.index());
            let not_drawn = parent.is_some_and(|p| unrendered[p])
                || element.is_in_template()
                || hides_visually(&element);
            unrendered[i] = not_drawn;
            hidden[i] = not_drawn || parent.is_some_and(|p| hidden[p]) || aria_hidden(&element);
        }
        let mut view = PageView {
            doc,
            label,
            hidden,
            unrendered,
            text: String::new(),
            segments: Vec::new(),
            comments: Vec::new(),
            index_of,
        };
        view.collect_text();
        view
    }

    fn collect_text(&mut self) {
        let index_of = std::mem::take(&mut self.index_of);
        let tree = &self.doc.html().tree;
        let mut stack = vec![tree.root()];
        while let Some(node) = stack.pop() {
            match node.value() {
                Node::Element(element) => {
                    let Some(&i) = index_of.get(&node.id()) else {
                        continue;
                    };
                    if self.unrendered[i] || NOT_RENDERED.contains(&element.name()) {
                        continue;
                    }
                }
                Node::Text(text) => {
                    let owner = node
                        .parent()
                        .and_then(|p| index_of.get(&p.id()).copied())
                        .unwrap_or(0);
                    let piece = normalize(text);
                    if !piece.is_empty() {
                        if !self.text.is_empty() {
                            self.text.push(' ');
                        }
                        let line = self.text_line(&node, owner, &index_of, text);
                        self.segments.push(Segment {
                            start: self.text.len(),
                            owner,
                            line,
                            original: text,
                        });
                        self.text.push_str(&piece);
                    }
                    continue;
                }
                Node::Comment(comment) => {
                    let owner = node
                        .parent()
                        .and_then(|p| index_of.get(&p.id()).copied())
                        .unwrap_or(0);
                    self.comments.push((normalize(comment), owner));
                    continue;
                }
                _ => {}
            }
            // Children pushed in reverse so they pop in document order.
            let children: Vec<_> = node.children().collect();
            stack.extend(children.into_iter().rev());
        }
        self.index_of = index_of;
    }

    /// Where a text node starts: after the previous sibling element (a `<br>`, a link) or at
    /// its parent's tag, plus the line breaks before its first visible character.
    fn text_line(
        &self,
        node: &ego_tree::NodeRef<'_, Node>,
        owner: usize,
        index_of: &HashMap<NodeId, usize>,
        text: &str,
    ) -> u32 {
        let before = std::iter::successors(node.prev_sibling(), |n| n.prev_sibling())
            .find_map(|n| index_of.get(&n.id()).copied())
            .unwrap_or(owner);
        let base = self.doc.element_at(before).map_or(0, |e| e.line());
        let leading = text
            .chars()
            .take_while(|c| c.is_whitespace())
            .filter(|&c| c == '\n')
            .count();
        base + u32::try_from(leading).unwrap_or(0)
    }

    /// The source line of the text at byte `offset` of [`PageView::text`].
    pub fn line_at_offset(&self, offset: usize) -> Option<u32> {
        let line = self.segment_at(offset)?.line;
        (line > 0).then_some(line)
    }

    pub fn is_hidden(&self, element: &Element<'_>) -> bool {
        self.hidden.get(element.index()).copied().unwrap_or(true)
    }

    /// The element owning the text at byte `offset` of [`PageView::text`].
    pub fn element_at_offset(&self, offset: usize) -> Option<Element<'d>> {
        self.doc.element_at(self.segment_at(offset)?.owner)
    }

    fn segment_at(&self, offset: usize) -> Option<&Segment<'d>> {
        let at = self.segments.partition_point(|s| s.start <= offset);
        self.segments.get(at.checked_sub(1)?)
    }

    /// The page's own words behind the normalised span `start..end` of [`PageView::text`]
    /// (original case, full-width forms, traditional characters), so evidence quotes what a
    /// reader sees. Falls back to the normalised text when the span crosses text nodes or
    /// cannot be mapped back exactly.
    pub fn original_text(&self, start: usize, end: usize) -> String {
        let normalised = self.text.get(start..end).unwrap_or_default();
        let quoted = self.segment_at(start).and_then(|segment| {
            let original = segment.original;
            let (from, to) = (start - segment.start, end.checked_sub(segment.start)?);
            // Char boundaries of the original; the normalised length of the prefix up to a
            // boundary never shrinks as the boundary moves right, so both ends are found by
            // binary search.
            let bounds: Vec<usize> = original
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(original.len()))
                .collect();
            let prefix = |k: usize| normalize(&original[..bounds[k]]).len();
            // The quote starts at the character whose normalised form first reaches past
            // `from`, and ends at the first boundary whose prefix covers `to`.
            let k_begin = first_index(bounds.len(), |k| prefix(k) > from);
            let k_end = first_index(bounds.len(), |k| prefix(k) >= to);
            let begin = bounds[k_begin.checked_sub(1)?];
            let finish = *bounds.get(k_end)?;
            let quoted = original.get(begin..finish)?;
            (normalize(quoted) == normalised).then(|| quoted.trim().to_owned())
        });
        quoted.unwrap_or_else(|| normalised.to_owned())
    }

    /// The accessible name, simplified from accname 1.2 for links and buttons:
    /// `aria-labelledby`, then `aria-label`, then the rendered content (text and image `alt`),
    /// then `title`; `value` / `alt` for inputs. White space collapsed, not normalised.
    pub fn accessible_name(&self, element: &Element<'_>) -> String {
        if let Some(ids) = element.attr("aria-labelledby") {
            let name: Vec<String> = ids
                .split_whitespace()
                .filter_map(|id| self.doc.element_by_id(id))
                .map(|e| self.content_name(&e))
                .filter(|t| !t.is_empty())
                .collect();
            if !name.is_empty() {
                return name.join(" ");
            }
        }
        if let Some(label) = element.attr("aria-label").map(str::trim)
            && !label.is_empty()
        {
            return govaudit_html::collapse_whitespace(label);
        }
        let content = match element.name() {
            "input" => element
                .attr("value")
                .or_else(|| element.attr("alt"))
                .unwrap_or_default()
                .to_owned(),
            "area" => element.attr("alt").unwrap_or_default().to_owned(),
            _ => self.content_name(element),
        };
        if !content.is_empty() {
            return content;
        }
        element
            .attr("title")
            .map(govaudit_html::collapse_whitespace)
            .unwrap_or_default()
    }

    /// Rendered text of the subtree, with `alt` of images in place, hidden parts left out.
    fn content_name(&self, element: &Element<'_>) -> String {
        let mut out = String::new();
        let mut stack = vec![element.raw().id()];
        let tree = &self.doc.html().tree;
        let mut first = true;
        while let Some(id) = stack.pop() {
            let Some(node) = tree.get(id) else { continue };
            match node.value() {
                Node::Text(text) => out.push_str(text),
                Node::Element(el) => {
                    if !first {
                        let hidden = self
                            .index_of
                            .get(&id)
                            .is_some_and(|&i| self.hidden.get(i).copied().unwrap_or(true));
                        if hidden || NOT_RENDERED.contains(&el.name()) {
                            continue;
                        }
                        if el.name() == "img" {
                            if let Some(alt) = el.attr("alt") {
                                out.push(' ');
                                out.push_str(alt);
                                out.push(' ');
                            }
                            continue;
                        }
                    }
                    first = false;
                    let children: Vec<_> = node.children().map(|c| c.id()).collect();
                    stack.extend(children.into_iter().rev());
                }
                _ => {}
            }
        }
        govaudit_html::collapse_whitespace(&out)
    }

    /// The layout region of an element, from its ancestors' tags, roles, ids and classes.
    pub fn region(&self, element: &Element<'_>) -> Region {
        for ancestor in std::iter::once(*element).chain(element.ancestors()) {
            let role = ancestor.attr("role").unwrap_or_default();
            match (ancestor.name(), role) {
                ("footer", _) | (_, "contentinfo") => return Region::Footer,
                ("nav", _) | ("header", _) | (_, "navigation") | (_, "banner") => {
                    return Region::Nav;
                }
                _ => {}
            }
            let marks = format!(
                "{} {}",
                ancestor.id().unwrap_or_default(),
                ancestor.attr("class").unwrap_or_default()
            )
            .to_ascii_lowercase();
            if [
                "footer",
                "foot",
                "bottom",
                "identifier",
                "copyright",
                "banquan",
            ]
            .iter()
            .any(|w| marks.contains(w))
            {
                return Region::Footer;
            }
            if ["nav", "menu", "topbar", "toplinks", "header"]
                .iter()
                .any(|w| marks.contains(w))
            {
                return Region::Nav;
            }
        }
        Region::Main
    }

    /// Visible links and buttons: the elements an entrance can be.
    pub fn candidates(&self) -> impl Iterator<Item = Element<'d>> + '_ {
        self.doc.elements().filter(move |e| {
            if self.is_hidden(e) {
                return false;
            }
            is_control(e)
        })
    }

    /// Links and buttons that are not rendered (for the "ignored" evidence of a missing item).
    pub fn hidden_candidates(&self) -> impl Iterator<Item = Element<'d>> + '_ {
        self.doc
            .elements()
            .filter(move |e| self.is_hidden(e) && is_control(e))
    }
}

fn is_control(element: &Element<'_>) -> bool {
    match element.name() {
        // `<a onclick>` without href is how many CMSs draw toolbar buttons (无障碍浏览).
        "a" => element.has_attr("href") || element.has_attr("onclick"),
        "area" => element.has_attr("href"),
        "button" => true,
        "input" => matches!(
            element.attr("type").map(str::to_ascii_lowercase).as_deref(),
            Some("button" | "submit" | "image")
        ),
        _ => matches!(element.attr("role"), Some("button" | "link" | "menuitem")),
    }
}

/// Hidden from assistive technology by its own markup: `aria-hidden="true"`.
fn aria_hidden(element: &Element<'_>) -> bool {
    element
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Not drawn, by its own markup: `hidden`, inline `display:none` or `visibility:hidden`,
/// `<input type=hidden>`.
fn hides_visually(element: &Element<'_>) -> bool {
    if element.has_attr("hidden") {
        return true;
    }
    if element.name() == "input"
        && element
            .attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("hidden"))
    {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.split(';').any(|decl| {
            let decl = decl.trim_end_matches("!important");
            decl == "display:none" || decl == "visibility:hidden"
        })
    })
}

/// Counts how long a name is: CJK characters plus words of other scripts.
pub(crate) fn name_units(text: &str) -> (usize, usize) {
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    let words = text
        .split(|c: char| {
            is_cjk(c)
                || c.is_whitespace()
                || (c.is_ascii_punctuation() && c != '\'' && c != '.' && c != '&')
        })
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    (cjk, words)
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F
        | 0x3040..=0x30FF | 0xAC00..=0xD7AF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The normalised span of `needle` in the view, quoted back from the page.
    fn quote(view: &PageView<'_>, needle: &str) -> String {
        let start = view.text.find(needle).expect("needle in normalised text");
        view.original_text(start, start + needle.len())
    }

    #[test]
    fn evidence_quotes_the_page_not_the_normalised_text() {
        let doc = Document::from_html(
            "<p>網站標識碼：BM12000001</p><p>  京ICP備05001234號-2 \n 其他</p><p>Ｆｏｉａ Office</p>",
        );
        let view = PageView::new(&doc, "p".into());
        assert_eq!(
            quote(&view, "网站标识码:bm12000001"),
            "網站標識碼：BM12000001"
        );
        assert_eq!(quote(&view, "icp备05001234号"), "ICP備05001234號");
        assert_eq!(quote(&view, "foia"), "Ｆｏｉａ");
        // Across two text nodes there is no single original string: the normalised text stays.
        assert_eq!(quote(&view, "bm12000001 京"), "bm12000001 京");
    }

    proptest! {
        /// Whatever the span, the quote normalises back to it (or is it), and nothing panics.
        #[test]
        fn quotes_normalise_to_the_span(text in "[a-zA-Z０-９Ａ-Ｚ 政府網站標識碼：:\\u{3000}\\u{0301}e]{0,40}", a in 0usize..60, b in 0usize..60) {
            let doc = Document::from_html(&format!("<p>{text}</p>"));
            let view = PageView::new(&doc, "p".into());
            let (a, b) = (a.min(b).min(view.text.len()), a.max(b).min(view.text.len()));
            if view.text.is_char_boundary(a) && view.text.is_char_boundary(b) {
                let quoted = view.original_text(a, b);
                prop_assert_eq!(normalize(&quoted), normalize(&view.text[a..b]));
            }
        }
    }

    #[test]
    fn hidden_template_and_head_text_is_not_visible_but_aria_hidden_text_is_drawn() {
        let doc = Document::from_html(
            "<title>T</title><p>看得见</p><p hidden>藏起来</p><div style='display: none'>也藏</div>\
             <template><p>模板</p></template><!-- <a href=x>注释</a> --><span aria-hidden=true>X</span>\
             <a aria-hidden=true href=y>链接</a>",
        );
        let view = PageView::new(&doc, "p".into());
        // aria-hidden hides from screen readers, not from the screen: its text is seen…
        assert_eq!(view.text, "看得见 x 链接");
        assert_eq!(view.comments.len(), 1);
        // …but a link inside it is no entrance.
        assert_eq!(view.candidates().count(), 0);
        assert_eq!(view.hidden_candidates().count(), 1);
    }

    #[test]
    fn accessible_names_follow_the_precedence() {
        let doc = Document::from_html(
            "<span id=l>标签</span><a id=a href=x aria-labelledby=l aria-label=no>t</a>\
             <a id=b href=x aria-label=' 名称 '>t</a><a id=c href=x><img alt='图片'> 文字</a>\
             <a id=d href=x title='标题'><i></i></a><input id=e type=submit value='提交'>",
        );
        let view = PageView::new(&doc, "p".into());
        let name = |id: &str| view.accessible_name(&doc.element_by_id(id).unwrap());
        assert_eq!(name("a"), "标签");
        assert_eq!(name("b"), "名称");
        assert_eq!(name("c"), "图片 文字");
        assert_eq!(name("d"), "标题");
        assert_eq!(name("e"), "提交");
    }

    #[test]
    fn units_count_cjk_characters_and_words() {
        assert_eq!(name_units("政府信息公开"), (6, 0));
        assert_eq!(name_units("About U.S. Agency"), (0, 3));
    }
}
