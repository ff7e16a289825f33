//! A static CSS cascade: computed `display`, `visibility`, `color`, `background-color`,
//! `font-size`, `font-weight` (and a few layout hints) for every element, from the user-agent
//! defaults that matter, `<style>` sheets of the page, linked and imported sheets (when the
//! caller supplies them through a [`StylesheetSource`]) and `style` attributes. No layout, no
//! pseudo-elements, no state (`:hover` never matches). `display: none`, `visibility: hidden`
//! and `opacity: 0` on `<html>` and `<body>` are ignored: pages set them until a script has
//! run, and people see the page.
//!
//! Cost is linear in page size: each element is matched only against the rules whose rightmost
//! compound selector names its id, one of its classes, its tag or nothing (as browsers bucket
//! rules), and computed values are inherited in one pass in document order. Hostile pages
//! (thousands of rules for one tag over thousands of elements) stop at
//! [`CASCADE_WORK_BUDGET`]. Whatever the cascade could not read or finish is recorded as a
//! [`StyleGap`] ([`Styles::gaps`]): checks that depend on computed values then ask for a
//! review instead of passing.

mod linked;
mod sheet;

pub use linked::{
    MAX_IMPORT_DEPTH, MAX_SHEET_BYTES_PER_PAGE, MIN_SHEET_COST, SheetState, StyleGap,
    StylesheetSource, stylesheet_urls,
};
pub use sheet::{
    Declaration, Import, StyleRule, parse_declarations, parse_declarations_with, parse_imports,
    parse_stylesheet, parse_stylesheet_for, parse_stylesheet_with,
};

use linked::{PageSheet, page_sheets, resolve};
use sheet::media_query_applies;
use url::Url;

/// Selector match attempts (an element tried against a candidate selector) one page's cascade
/// may make. The most any page of the 179-page real-page corpus needs is about 80,000 (the
/// `corpus_pages_stay_within_the_work_budget` test keeps them all within it); a hostile page
/// of 30,000 `div` rules over 30,000 divs would need 900 million. Past this budget the rest of
/// the page gets only user-agent and `style` attribute values, and the styles record
/// [`StyleGap::WorkBudgetExhausted`].
pub const CASCADE_WORK_BUDGET: u64 = 10_000_000;

use crate::{Document, Element};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// The keys of the open-ancestor counts are FNV hashes already ([`key_hash`]): use them as is.
#[derive(Default)]
struct PrehashedKey(u64);

impl Hasher for PrehashedKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used by `u64` keys; stay correct for anything else.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The keys of the open ancestors, counted in a counting Bloom filter (as browsers do): a
/// false positive only lets a selector through to full matching, and there are no false
/// negatives (a slot's count is the number of open keys that fall in it).
struct OpenKeys {
    counts: Vec<u32>,
}

impl OpenKeys {
    const SLOTS: usize = 4096;

    fn new() -> Self {
        OpenKeys {
            counts: vec![0; Self::SLOTS],
        }
    }

    fn slot(key: u64) -> usize {
        ((key ^ (key >> 29)) as usize) & (Self::SLOTS - 1)
    }

    fn add(&mut self, key: u64) {
        let count = &mut self.counts[Self::slot(key)];
        *count = count.saturating_add(1);
    }

    fn remove(&mut self, key: u64) {
        let count = &mut self.counts[Self::slot(key)];
        *count = count.saturating_sub(1);
    }

    fn may_contain(&self, key: u64) -> bool {
        self.counts[Self::slot(key)] > 0
    }
}

/// The ASCII-lowercase tag name, borrowed when it already is (HTML names always are).
fn lowercase_name<'e>(element: &Element<'e>) -> Cow<'e, str> {
    let name = element.name();
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// The outer `display` type, as far as accessibility cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    None,
    Contents,
    Inline,
    /// Block, flex, grid, table parts, list-item, inline-block, ...: anything that is not inline.
    Block,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Visible,
    Hidden,
    Collapse,
}

/// Computed values of one element.
#[derive(Debug, Clone, PartialEq)]
pub struct ComputedStyle {
    pub display: Display,
    /// Inherited.
    pub visibility: Visibility,
    /// Inherited; the declared value as written (`#333`, `rgb(0 0 0)`), `None` = UA default.
    pub color: Option<Arc<str>>,
    /// Not inherited: the element's own background colour as written, if any.
    pub background_color: Option<Arc<str>>,
    /// The element has a background image or gradient (colour contrast cannot be decided).
    pub background_image: bool,
    /// Inherited; `None` when a value could not be resolved statically (`calc()`, `vw`, ...).
    pub font_size_px: Option<f32>,
    /// Inherited; 100..=900.
    pub font_weight: u16,
    /// The element's own `opacity` (not multiplied with ancestors').
    pub opacity: f32,
    /// `position: absolute` or `fixed`.
    pub positioned: bool,
    /// Moved or clipped out of view with a common "visually hidden" technique (large negative
    /// offset or text-indent, `clip: rect(0 0 0 0)`, `clip-path: inset(50%)`, 0/1px box with
    /// overflow hidden).
    pub off_screen: bool,
    /// Any declaration (author or inline) touched `display` or `visibility`.
    pub author_styled: bool,
}

impl Default for ComputedStyle {
    fn default() -> Self {
        ComputedStyle {
            display: Display::Inline,
            visibility: Visibility::Visible,
            color: None,
            background_color: None,
            background_image: false,
            font_size_px: Some(16.0),
            font_weight: 400,
            opacity: 1.0,
            positioned: false,
            off_screen: false,
            author_styled: false,
        }
    }
}

/// Computed styles of every element of a page, indexed by [`Element::index`], and what the
/// cascade could not take into account.
#[derive(Debug)]
pub struct Styles {
    computed: Vec<ComputedStyle>,
    gaps: Vec<StyleGap>,
    external: Vec<(Url, Arc<str>)>,
}

impl Styles {
    /// Runs the cascade over a page without its linked or imported sheets: when the page has
    /// some (whose media applies), the styles record a [`StyleGap::NotRead`] for each.
    pub fn compute(doc: &Document) -> Styles {
        Styles::run(doc, None)
    }

    /// Runs the cascade over a page with the linked and imported sheets `sheets` gives, in
    /// cascade order. `@import`s are followed [`MAX_IMPORT_DEPTH`] deep (cycles are skipped,
    /// as browsers do), within [`MAX_SHEET_BYTES_PER_PAGE`].
    pub fn compute_with(doc: &Document, sheets: &dyn StylesheetSource) -> Styles {
        Styles::run(doc, Some(sheets))
    }

    /// Why these styles may be incomplete or wrong, in the order found (empty when complete).
    pub fn gaps(&self) -> &[StyleGap] {
        &self.gaps
    }

    /// The cascade read every sheet that applies and finished within its work budget.
    pub fn is_complete(&self) -> bool {
        self.gaps.is_empty()
    }

    /// The first [`StyleGap`] as a sentence for people ("a linked stylesheet could not be
    /// read: https://x/style.css (HTTP 404)", "... and 2 more"), `None` when complete.
    pub fn incompleteness(&self) -> Option<String> {
        let first = self.gaps.first()?;
        Some(match self.gaps.len() - 1 {
            0 => first.to_string(),
            more => format!("{first}, and {more} more"),
        })
    }

    /// The linked and imported sheets that were read and apply, with their addresses, in
    /// cascade order (for checks that read sheets themselves).
    pub fn external_sheets(&self) -> &[(Url, Arc<str>)] {
        &self.external
    }

    fn run(doc: &Document, source: Option<&dyn StylesheetSource>) -> Styles {
        let mut gaps = Vec::new();
        let mut external = Vec::new();
        let sheet = Sheet::from_document(doc, source, &mut gaps, &mut external);
        let mut work = WorkBudget {
            left: CASCADE_WORK_BUDGET,
            exhausted: false,
        };
        let mut computed: Vec<ComputedStyle> = Vec::with_capacity(doc.element_count());
        let root_size = 16.0;
        // Keys (id, classes, tag) of the open ancestors of the current element, counted.
        let mut open = OpenKeys::new();
        // The open ancestors, each with where its keys start in `open_keys` (one buffer for
        // all, no vector per element).
        let mut stack: Vec<(Element<'_>, usize)> = Vec::new();
        let mut open_keys: Vec<u64> = Vec::new();
        // Scratch buffers reused for every element.
        let mut candidates: Vec<usize> = Vec::new();
        let mut declared: Vec<Matched<'_>> = Vec::new();
        for element in doc.elements() {
            while let Some(&(top, start)) = stack.last() {
                if top.contains(&element) {
                    break;
                }
                for key in open_keys.drain(start..) {
                    open.remove(key);
                }
                stack.pop();
            }
            let keys_start = open_keys.len();
            if !sheet.selectors.is_empty() {
                sheet.keys_of(&element, &mut open_keys);
            }
            let parent = element.parent().and_then(|p| computed.get(p.index()));
            let style = if element.is_in_template() {
                ComputedStyle {
                    display: Display::None,
                    ..ComputedStyle::default()
                }
            } else {
                sheet.declarations_for(
                    &element,
                    &open_keys[keys_start..],
                    &open,
                    &mut candidates,
                    &mut declared,
                    &mut work,
                );
                cascade(&element, parent, &declared, root_size)
            };
            if !sheet.selectors.is_empty() {
                for &key in &open_keys[keys_start..] {
                    open.add(key);
                }
                stack.push((element, keys_start));
            }
            // Elements come in document order, so index == computed.len().
            computed.push(style);
        }
        if work.exhausted {
            gaps.push(StyleGap::WorkBudgetExhausted);
        }
        Styles {
            computed,
            gaps,
            external,
        }
    }

    /// The computed style of an element of the page this was computed for.
    pub fn get(&self, element: &Element<'_>) -> &ComputedStyle {
        static DEFAULT: std::sync::LazyLock<ComputedStyle> =
            std::sync::LazyLock::new(ComputedStyle::default);
        self.computed.get(element.index()).unwrap_or(&DEFAULT)
    }
}

/// Cascade level, lowest first: author, `style` attribute, then the important ones (user-agent
/// values are the starting point of [`cascade`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Author,
    Inline,
    AuthorImportant,
    InlineImportant,
}

struct Matched<'s> {
    level: Level,
    specificity: u32,
    order: usize,
    declaration: &'s Declaration,
}

/// One selector of a rule, bucketed by its rightmost compound. It is parsed only when an
/// element first picks it as a candidate: large sheets are mostly selectors for classes and ids
/// the page does not use, and parsing them was most of the cascade's cost on such pages.
struct IndexedSelector {
    text: String,
    rule: usize,
    /// `None` once the selector failed to parse (it never matches, as if it were not there).
    compiled: std::cell::OnceCell<Option<CompiledSelector>>,
}

struct CompiledSelector {
    selector: scraper::Selector,
    specificity: u32,
    /// Ids, classes and tags some ancestor must have for the selector to match (from its
    /// descendant / child compounds): checked against the open ancestors before matching, as
    /// browsers do with a Bloom filter.
    ancestors: Vec<u64>,
}

impl IndexedSelector {
    fn compiled(&self) -> Option<&CompiledSelector> {
        self.compiled
            .get_or_init(|| {
                let selector = scraper::Selector::parse(&self.text).ok()?;
                Some(CompiledSelector {
                    selector,
                    specificity: specificity(&self.text),
                    ancestors: required_ancestors(&self.text),
                })
            })
            .as_ref()
    }
}

#[derive(Default)]
struct Sheet {
    rules: Vec<StyleRule>,
    selectors: Vec<IndexedSelector>,
    /// Selectors by the [`key_hash`] of the id, class or tag of their rightmost compound (a
    /// hash collision only adds candidates, which matching then rejects).
    by_key: HashMap<u64, Vec<usize>, BuildHasherDefault<PrehashedKey>>,
    universal: Vec<usize>,
    /// [`element_keys`] of every element, computed once for [`Sheet::from_document`]: those
    /// of the element of index `i` are `element_keys[starts[i]..starts[i + 1]]`.
    element_keys: Vec<u64>,
    element_key_starts: Vec<usize>,
}

/// Properties the cascade computes; other declarations are dropped at parse time.
const RELEVANT: &[&str] = &[
    "display",
    "visibility",
    "color",
    "background",
    "background-color",
    "background-image",
    "font",
    "font-size",
    "font-weight",
    "opacity",
    "position",
    "left",
    "top",
    "right",
    "text-indent",
    "clip",
    "clip-path",
    "width",
    "height",
    "overflow",
];

fn is_relevant(property: &str) -> bool {
    RELEVANT.contains(&property)
}

impl Sheet {
    /// The rules of every sheet of the page in cascade order: `<style>` elements, linked
    /// sheets from `source` and their imports. What could not be read goes to `gaps`; the
    /// external sheets that were read to `external`.
    fn from_document(
        doc: &Document,
        source: Option<&dyn StylesheetSource>,
        gaps: &mut Vec<StyleGap>,
        external: &mut Vec<(Url, Arc<str>)>,
    ) -> Sheet {
        let mut builder = SheetBuilder {
            doc,
            source,
            sheet: Sheet::default(),
            page_keys: None,
            scratch: String::new(),
            bytes_read: 0,
            chain: Vec::new(),
            gaps,
            external,
        };
        let base = doc.base_url();
        for page_sheet in page_sheets(doc) {
            match page_sheet {
                PageSheet::Inline(style) => {
                    let text = style.text();
                    builder.add_imports(&text, base.as_ref(), 0);
                    builder.add_css(&text);
                }
                PageSheet::Linked(href) => builder.add_linked(base.as_ref(), href, 0),
            }
        }
        builder.sheet
    }

    /// [`element_keys`] of an element of the page, from the table when there is one.
    fn keys_of(&self, element: &Element<'_>, keys: &mut Vec<u64>) {
        let i = element.index();
        match (
            self.element_key_starts.get(i),
            self.element_key_starts.get(i + 1),
        ) {
            (Some(&start), Some(&end)) => keys.extend_from_slice(&self.element_keys[start..end]),
            _ => element_keys(element, keys),
        }
    }

    /// Adds a rule's selectors that `may_match` the page (see [`Sheet::from_document`]), and
    /// the rule if one of them does. Rules keep their relative order, which is all the cascade
    /// uses of their index.
    fn add(&mut self, rule: StyleRule, may_match: &mut impl FnMut(&str) -> bool) {
        let rule_index = self.rules.len();
        let mut scratch = String::new();
        for text in split_selector_list(&rule.selectors) {
            if !may_match(text) {
                continue;
            }
            let at = self.selectors.len();
            self.selectors.push(IndexedSelector {
                text: text.to_owned(),
                rule: rule_index,
                compiled: std::cell::OnceCell::new(),
            });
            match bucket(text, &mut scratch) {
                Some(key) => self.by_key.entry(key).or_default().push(at),
                None => self.universal.push(at),
            }
        }
        if self.selectors.last().is_some_and(|s| s.rule == rule_index) {
            self.rules.push(rule);
        }
    }

    /// Every declaration that applies to `element` (whose [`element_keys`] are `keys`) into
    /// `matched`, sorted lowest priority first.
    fn declarations_for<'s>(
        &'s self,
        element: &Element<'_>,
        keys: &[u64],
        open: &OpenKeys,
        candidates: &mut Vec<usize>,
        matched: &mut Vec<Matched<'s>>,
        work: &mut WorkBudget,
    ) {
        candidates.clear();
        matched.clear();
        if self.selectors.is_empty() || work.exhausted {
            return;
        }
        for key in keys {
            if let Some(found) = self.by_key.get(key) {
                candidates.extend(found);
            }
        }
        candidates.extend(&self.universal);
        candidates.sort_unstable();
        candidates.dedup();
        // Every candidate is one match attempt; an element that would pass the budget is left
        // unmatched, as is every element after it.
        match work.left.checked_sub(candidates.len() as u64) {
            Some(left) => work.left = left,
            None => {
                work.exhausted = true;
                return;
            }
        }
        for &at in candidates.iter() {
            let indexed = &self.selectors[at];
            let Some(compiled) = indexed.compiled() else {
                continue;
            };
            if !compiled.ancestors.iter().all(|&k| open.may_contain(k))
                || !compiled.selector.matches(&element.raw())
            {
                continue;
            }
            for (i, declaration) in self.rules[indexed.rule].declarations.iter().enumerate() {
                matched.push(Matched {
                    level: if declaration.important {
                        Level::AuthorImportant
                    } else {
                        Level::Author
                    },
                    specificity: compiled.specificity,
                    order: indexed.rule * 1024 + i.min(1023),
                    declaration,
                });
            }
        }
        matched.sort_by_key(|m| (m.level, m.specificity, m.order));
    }
}

/// What is left of a page's [`CASCADE_WORK_BUDGET`].
struct WorkBudget {
    left: u64,
    exhausted: bool,
}

/// Reads the sheets of a page into one [`Sheet`], in cascade order.
struct SheetBuilder<'b, 'd> {
    doc: &'d Document,
    source: Option<&'b dyn StylesheetSource>,
    sheet: Sheet,
    /// The keys (tag, id, classes) of every element, made when the first sheet is added: a
    /// selector whose bucket key no element has is never a candidate, so it is dropped (with
    /// its rule if it was the rule's only selector) before it costs anything. Large sheets are
    /// mostly such selectors.
    page_keys: Option<HashSet<u64, BuildHasherDefault<PrehashedKey>>>,
    scratch: String,
    /// What the external sheets read so far cost of [`MAX_SHEET_BYTES_PER_PAGE`].
    bytes_read: usize,
    /// The addresses of the sheets being read, outermost first (an import of one of them is a
    /// cycle).
    chain: Vec<Url>,
    gaps: &'b mut Vec<StyleGap>,
    external: &'b mut Vec<(Url, Arc<str>)>,
}

impl SheetBuilder<'_, '_> {
    /// Adds the rules of one sheet's text.
    fn add_css(&mut self, css: &str) {
        let doc = self.doc;
        let sheet = &mut self.sheet;
        let page_keys = self.page_keys.get_or_insert_with(|| {
            let mut keys = Vec::new();
            let mut starts = Vec::with_capacity(doc.element_count() + 1);
            for element in doc.elements() {
                starts.push(keys.len());
                element_keys(&element, &mut keys);
            }
            starts.push(keys.len());
            let set = keys.iter().copied().collect();
            sheet.element_keys = keys;
            sheet.element_key_starts = starts;
            set
        });
        let scratch = &mut self.scratch;
        let mut may_match =
            |selector: &str| bucket(selector, scratch).is_none_or(|key| page_keys.contains(&key));
        let rules = parse_stylesheet_for(css, is_relevant, &mut |selectors| {
            any_selector(selectors, &mut may_match)
        });
        for rule in rules {
            sheet.add(rule, &mut may_match);
        }
    }

    /// Reads the `@import`s of a sheet (whose address is `base`, at import depth `depth`)
    /// whose media apply, before the sheet's own rules, as the cascade orders them.
    fn add_imports(&mut self, css: &str, base: Option<&Url>, depth: usize) {
        for import in parse_imports(css) {
            if media_query_applies(&import.media) {
                self.add_linked(base, &import.href, depth + 1);
            }
        }
    }

    /// Reads a linked or imported sheet (`href` relative to `base`) and its imports.
    fn add_linked(&mut self, base: Option<&Url>, href: &str, depth: usize) {
        let url = resolve(base, href);
        let Some(source) = self.source else {
            let href = url.map_or_else(|| href.trim().to_owned(), String::from);
            self.gaps.push(StyleGap::NotRead { href });
            return;
        };
        let Some(url) = url else {
            self.gaps.push(StyleGap::Unresolvable {
                href: href.trim().to_owned(),
            });
            return;
        };
        if self.chain.contains(&url) {
            // A cycle: browsers skip the import that closes it.
            return;
        }
        if depth > MAX_IMPORT_DEPTH {
            self.gaps.push(StyleGap::ImportTooDeep { url });
            return;
        }
        if self.bytes_read >= MAX_SHEET_BYTES_PER_PAGE {
            self.gaps.push(StyleGap::SheetBudgetExhausted { url });
            return;
        }
        let text = match source.load(&url) {
            SheetState::Loaded(text) => text,
            SheetState::Unavailable { reason } => {
                self.gaps.push(StyleGap::Unavailable { url, reason });
                return;
            }
        };
        self.bytes_read = self
            .bytes_read
            .saturating_add(text.len().max(MIN_SHEET_COST));
        if self.bytes_read > MAX_SHEET_BYTES_PER_PAGE {
            self.gaps.push(StyleGap::SheetBudgetExhausted { url });
            return;
        }
        let css = text.strip_prefix('\u{feff}').unwrap_or(&text);
        self.chain.push(url.clone());
        self.add_imports(css, Some(&url), depth);
        self.chain.pop();
        self.add_css(css);
        self.external.push((url, text.clone()));
    }
}

pub(crate) fn media_attr_applies(media: &str) -> bool {
    let media = media.trim().to_ascii_lowercase();
    media.is_empty()
        || media
            .split(',')
            .any(|q| matches!(q.trim(), "all" | "screen" | "only screen"))
}

#[cfg(test)]
enum Key {
    Id(String),
    Class(String),
    Tag(String),
    Universal,
}

/// Splits `a, b:is(c, d)` at top-level commas.
fn split_selector_list(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    any_selector(list, |s| {
        out.push(s);
        false
    });
    out
}

/// Whether `f` holds for a selector of the list (split at top-level commas, trimmed, empty ones
/// left out), in order, stopping at the first. Bytes, not chars: every byte looked at is ASCII
/// and never part of a multi-byte character.
fn any_selector<'l>(list: &'l str, mut f: impl FnMut(&'l str) -> bool) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut start = 0;
    let mut check = |selector: &'l str| {
        let selector = selector.trim();
        !selector.is_empty() && f(selector)
    };
    for (i, &b) in list.as_bytes().iter().enumerate() {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'(' | b'[') => depth += 1,
            (None, b')' | b']') => depth -= 1,
            (None, b',') if depth == 0 => {
                if check(&list[start..i]) {
                    return true;
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    check(&list[start..])
}

/// [`split_selector_list`] as first written, over chars (kept to test it).
#[cfg(test)]
fn split_selector_list_reference(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in list.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, ',') if depth == 0 => {
                out.push(list[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(list[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// The part of a selector outside brackets, parentheses and quotes, with the rest blanked, so
/// that the scanners below see only top-level syntax.
#[cfg(test)]
fn top_level(selector: &str) -> String {
    let mut out = String::with_capacity(selector.len());
    top_level_into(selector, &mut out);
    out
}

/// [`top_level`] into a reused buffer.
fn top_level_into(selector: &str, out: &mut String) {
    out.clear();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for c in selector.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[') => {
                if depth == 0 {
                    out.push(c);
                }
                depth += 1;
                continue;
            }
            (None, ')' | ']') => depth -= 1,
            _ => {}
        }
        if depth == 0 && quote.is_none() && c != '"' && c != '\'' {
            out.push(c);
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_' || !c.is_ascii()
}

/// The bucket of a selector, as the [`key_hash`] of the id, else a class, else the (lowercase)
/// tag of its rightmost compound; `None` for the universal bucket. `top` is a scratch buffer.
fn bucket(selector: &str, top: &mut String) -> Option<u64> {
    match bucket_ascii(selector.as_bytes()) {
        Some(key) => key,
        None => bucket_of_top_level(selector, top),
    }
}

/// [`bucket`] over the bytes of an ASCII selector without copying it: the same as blanking
/// what is inside brackets and quotes first, as long as no quote is at the top level and no
/// closing bracket is unmatched (a name run then never spans a blanked part). `None` when
/// that does not hold.
fn bucket_ascii(selector: &[u8]) -> Option<Option<u64>> {
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut compound = 0;
    for (i, &b) in selector.iter().enumerate() {
        if b >= 0x80 {
            return None;
        }
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' if depth == 0 => return None,
            b'"' | b'\'' => quote = Some(b),
            b'(' | b'[' => depth += 1,
            b')' | b']' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            b'\\' if depth == 0 => return Some(None),
            // `char::is_whitespace` in ASCII, and the combinators.
            b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b'>' | b'+' | b'~' if depth == 0 => {
                compound = i + 1;
            }
            _ => {}
        }
    }
    let rest = &selector[compound..];
    let name_at = |at: usize| -> &[u8] {
        let tail = &rest[at..];
        &tail[..tail
            .iter()
            .position(|&b| !is_name_byte(b))
            .unwrap_or(tail.len())]
    };
    let (mut id, mut class) = (None, None);
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    for (i, &b) in rest.iter().enumerate() {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b'#' | b'.' if depth == 0 => {
                let found = if b == b'#' { &mut id } else { &mut class };
                let name = name_at(i + 1);
                if found.is_none() && !name.is_empty() {
                    *found = Some(name);
                }
            }
            _ => {}
        }
    }
    let hash = |kind: u8, name: &[u8]| fnv(std::iter::once(kind).chain(name.iter().copied()));
    if let Some(id) = id {
        return Some(Some(hash(b'#', id)));
    }
    if let Some(class) = class {
        return Some(Some(hash(b'.', class)));
    }
    let tag = name_at(0);
    if !tag.is_empty() && rest.first() != Some(&b'-') {
        return Some(Some(fnv(
            std::iter::once(b'<').chain(tag.iter().map(|b| b.to_ascii_lowercase()))
        )));
    }
    Some(None)
}

/// [`bucket`] by blanking the selector's bracketed and quoted parts into `top` first.
fn bucket_of_top_level(selector: &str, top: &mut String) -> Option<u64> {
    top_level_into(selector, top);
    if top.contains('\\') {
        return None;
    }
    let compound = top
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '>' | '+' | '~'))
        .next()
        .unwrap_or("");
    let name_at =
        |text: &str| -> usize { text.find(|c: char| !is_name_char(c)).unwrap_or(text.len()) };
    let name_after = |marker: char| -> Option<&str> {
        compound.match_indices(marker).find_map(|(i, _)| {
            let rest = &compound[i + 1..];
            let len = name_at(rest);
            (len > 0).then(|| &rest[..len])
        })
    };
    if let Some(id) = name_after('#') {
        return Some(key_hash(b'#', id));
    }
    if let Some(class) = name_after('.') {
        return Some(key_hash(b'.', class));
    }
    let tag = &compound[..name_at(compound)];
    if !tag.is_empty() && !compound.starts_with('-') {
        return Some(key_hash_lowercase(b'<', tag));
    }
    None
}

/// The bucket of a selector: the id, else a class, else the tag of its rightmost compound
/// (what [`bucket`] hashes, kept to test it).
#[cfg(test)]
fn bucket_key(selector: &str) -> Key {
    let top = top_level(selector);
    if top.contains('\\') {
        return Key::Universal;
    }
    let compound = top
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '>' | '+' | '~'))
        .next()
        .unwrap_or("");
    let name_after = |marker: char| -> Option<String> {
        let mut found = None;
        for (i, c) in compound.char_indices() {
            if c == marker {
                let name: String = compound[i + 1..]
                    .chars()
                    .take_while(|&c| is_name_char(c))
                    .collect();
                if !name.is_empty() {
                    found = Some(name);
                    break;
                }
            }
        }
        found
    };
    if let Some(id) = name_after('#') {
        return Key::Id(id);
    }
    if let Some(class) = name_after('.') {
        return Key::Class(class);
    }
    let tag: String = compound.chars().take_while(|&c| is_name_char(c)).collect();
    if !tag.is_empty() && !compound.starts_with('-') {
        return Key::Tag(tag.to_ascii_lowercase());
    }
    Key::Universal
}

/// [`key_hash`] of the ASCII-lowercase name, without lowercasing it into a new string.
fn key_hash_lowercase(kind: u8, name: &str) -> u64 {
    fnv(std::iter::once(kind).chain(name.bytes().map(|b| b.to_ascii_lowercase())))
}

/// FNV-1a of a key kind (`#`, `.`, `<`) and a name.
fn key_hash(kind: u8, name: &str) -> u64 {
    fnv(std::iter::once(kind).chain(name.bytes()))
}

fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The id, classes and (lowercase) tag of an element, hashed, appended to `keys`.
fn element_keys(element: &Element<'_>, keys: &mut Vec<u64>) {
    keys.push(key_hash(b'<', &lowercase_name(element)));
    if let Some(id) = element.id() {
        keys.push(key_hash(b'#', id));
    }
    if let Some(classes) = element.attr("class") {
        keys.extend(classes.split_ascii_whitespace().map(|c| key_hash(b'.', c)));
    }
}

/// Keys that ancestors must carry for `selector` to match: every id, class and tag of the
/// compounds left of the last one, when all combinators are descendant or child combinators
/// (after a sibling combinator the compound is no ancestor; then nothing is required).
fn required_ancestors(selector: &str) -> Vec<u64> {
    let mut top = String::new();
    top_level_into(selector, &mut top);
    if top.contains('\\') || top.contains(['+', '~']) {
        return Vec::new();
    }
    let name_len = |text: &str| text.find(|c: char| !is_name_char(c)).unwrap_or(text.len());
    let mut keys = Vec::new();
    // Every compound but the last: each is handled when the next one is seen.
    let mut previous: Option<&str> = None;
    for compound in top
        .split(|c: char| c.is_whitespace() || c == '>')
        .filter(|c| !c.is_empty())
    {
        if let Some(compound) = previous.replace(compound) {
            let tag = &compound[..name_len(compound)];
            if !tag.is_empty() && !compound.starts_with('-') {
                keys.push(key_hash_lowercase(b'<', tag));
            }
            for (i, c) in compound.char_indices() {
                if c == '#' || c == '.' {
                    let rest = &compound[i + 1..];
                    let name = &rest[..name_len(rest)];
                    if !name.is_empty() {
                        keys.push(key_hash(c as u8, name));
                    }
                }
            }
        }
    }
    keys
}

/// [`required_ancestors`] as first written (kept to test it).
#[cfg(test)]
fn required_ancestors_reference(selector: &str) -> Vec<u64> {
    let top = top_level(selector);
    if top.contains('\\') || top.contains(['+', '~']) {
        return Vec::new();
    }
    let compounds: Vec<&str> = top
        .split(|c: char| c.is_whitespace() || c == '>')
        .filter(|c| !c.is_empty())
        .collect();
    let Some((_, ancestors)) = compounds.split_last() else {
        return Vec::new();
    };
    let mut keys = Vec::new();
    for compound in ancestors {
        let tag: String = compound.chars().take_while(|&c| is_name_char(c)).collect();
        if !tag.is_empty() && !compound.starts_with('-') {
            keys.push(key_hash(b'<', &tag.to_ascii_lowercase()));
        }
        for (i, c) in compound.char_indices() {
            if c == '#' || c == '.' {
                let name: String = compound[i + 1..]
                    .chars()
                    .take_while(|&c| is_name_char(c))
                    .collect();
                if !name.is_empty() {
                    keys.push(key_hash(c as u8, &name));
                }
            }
        }
    }
    keys
}

/// Specificity (ids, classes/attributes/pseudo-classes, types) packed as `a<<16 | b<<8 | c`,
/// counted over the selector text (arguments of `:not()` / `:is()` count as in the spec's
/// single-argument case; `:where()` counts as written, a rare over-estimate).
fn specificity(selector: &str) -> u32 {
    // Every character the count looks at is ASCII: an ASCII selector is read as bytes.
    if selector.is_ascii() {
        specificity_of(selector.as_bytes())
    } else {
        specificity_of(&selector.chars().collect::<Vec<char>>())
    }
}

fn specificity_of<C: Copy + Into<char>>(chars: &[C]) -> u32 {
    let at = |i: usize| -> Option<char> { chars.get(i).map(|&c| c.into()) };
    let (mut a, mut b, mut c) = (0u32, 0u32, 0u32);
    let mut i = 0;
    let mut quote: Option<char> = None;
    let mut at_compound_start = true;
    while let Some(ch) = at(i) {
        if let Some(q) = quote {
            if ch == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match ch {
            '"' | '\'' => quote = Some(ch),
            '#' => a += 1,
            '.' | '[' => b += 1,
            ':' => {
                if at(i + 1) == Some(':') {
                    c += 1;
                    i += 1;
                } else {
                    let len = chars[i + 1..]
                        .iter()
                        .take_while(|&&c| is_name_char(c.into()))
                        .count();
                    let name = &chars[i + 1..i + 1 + len];
                    let is = |word: &str| {
                        name.len() == word.len()
                            && name
                                .iter()
                                .zip(word.chars())
                                .all(|(&n, w)| n.into().to_ascii_lowercase() == w)
                    };
                    if ["not", "is", "where", "has", "matches"].into_iter().any(is) {
                    } else if ["before", "after", "first-line", "first-letter"]
                        .into_iter()
                        .any(is)
                    {
                        c += 1;
                    } else {
                        b += 1;
                    }
                }
            }
            ']' => {
                // skip: attribute contents were counted once at '['
            }
            _ => {}
        }
        if at_compound_start && (ch.is_ascii_alphabetic() || ch == '_') {
            c += 1;
        }
        at_compound_start = ch.is_whitespace() || matches!(ch, '>' | '+' | '~' | '(' | ',');
        if ch == '[' {
            // Skip the attribute selector's contents.
            while at(i).is_some_and(|c| c != ']') {
                i += 1;
            }
            at_compound_start = false;
        }
        i += 1;
    }
    (a.min(255) << 16) | (b.min(255) << 8) | c.min(255)
}

/// The count as first written, over chars (kept to test [`specificity`]).
#[cfg(test)]
fn specificity_reference(selector: &str) -> u32 {
    let (mut a, mut b, mut c) = (0u32, 0u32, 0u32);
    let chars: Vec<char> = selector.chars().collect();
    let mut i = 0;
    let mut quote: Option<char> = None;
    let mut at_compound_start = true;
    while i < chars.len() {
        let ch = chars[i];
        if let Some(q) = quote {
            if ch == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match ch {
            '"' | '\'' => quote = Some(ch),
            '#' => a += 1,
            '.' | '[' => b += 1,
            ':' => {
                if chars.get(i + 1) == Some(&':') {
                    c += 1;
                    i += 1;
                } else {
                    let name: String = chars[i + 1..]
                        .iter()
                        .take_while(|c| is_name_char(**c))
                        .collect();
                    match name.to_ascii_lowercase().as_str() {
                        "not" | "is" | "where" | "has" | "matches" => {}
                        "before" | "after" | "first-line" | "first-letter" => c += 1,
                        _ => b += 1,
                    }
                }
            }
            ']' => {
                // skip: attribute contents were counted once at '['
            }
            _ => {}
        }
        if at_compound_start && (ch.is_ascii_alphabetic() || ch == '_') {
            c += 1;
        }
        at_compound_start = ch.is_whitespace() || matches!(ch, '>' | '+' | '~' | '(' | ',');
        if ch == '[' {
            // Skip the attribute selector's contents.
            while i < chars.len() && chars[i] != ']' {
                i += 1;
            }
            at_compound_start = false;
        }
        i += 1;
    }
    (a.min(255) << 16) | (b.min(255) << 8) | c.min(255)
}

/// Tags the user agent sheet renders with `display: none` (a `match`, not a list search: it
/// runs for every element).
fn ua_display_none(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "template"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "noscript"
            | "datalist"
            | "param"
            | "source"
            | "track"
            | "noembed"
            | "noframes"
            | "rp"
    )
}

/// Tags the user agent sheet does not render inline (block, list-item, table parts, ...).
fn ua_not_inline(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "optgroup"
            | "option"
            | "p"
            | "plaintext"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "xmp"
    )
}

fn ua_display(element: &Element<'_>) -> Display {
    if !element.is_html() {
        return Display::Inline;
    }
    let name = element.name();
    let hidden_attr = element.has_attr("hidden");
    if ua_display_none(name)
        || hidden_attr
        || (name == "input"
            && element
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("hidden")))
        || (name == "dialog" && !element.has_attr("open"))
    {
        Display::None
    } else if ua_not_inline(name) {
        Display::Block
    } else {
        Display::Inline
    }
}

fn ua_font(name: &str) -> (Option<f32>, Option<u16>) {
    match name {
        "h1" => (Some(2.0), Some(700)),
        "h2" => (Some(1.5), Some(700)),
        "h3" => (Some(1.17), Some(700)),
        "h4" => (Some(1.0), Some(700)),
        "h5" => (Some(0.83), Some(700)),
        "h6" => (Some(0.67), Some(700)),
        "b" | "strong" | "th" => (None, Some(700)),
        "small" => (Some(0.83), None),
        "big" => (Some(1.2), None),
        _ => (None, None),
    }
}

fn cascade(
    element: &Element<'_>,
    parent: Option<&ComputedStyle>,
    declared: &[Matched<'_>],
    root_size: f32,
) -> ComputedStyle {
    static ROOT_PARENT: std::sync::LazyLock<ComputedStyle> =
        std::sync::LazyLock::new(ComputedStyle::default);
    let inherited: &ComputedStyle = parent.unwrap_or(&ROOT_PARENT);
    let parent_size = inherited.font_size_px;
    let mut style = ComputedStyle {
        display: ua_display(element),
        visibility: inherited.visibility,
        color: inherited.color.clone(),
        background_color: None,
        background_image: false,
        font_size_px: parent_size,
        font_weight: inherited.font_weight,
        opacity: 1.0,
        positioned: false,
        off_screen: false,
        author_styled: false,
    };
    if element.is_html() {
        let (size, weight) = ua_font(element.name());
        if let Some(factor) = size {
            style.font_size_px = parent_size.map(|p| p * factor);
        }
        if let Some(weight) = weight {
            style.font_weight = weight;
        }
    }
    let inline = element
        .attr("style")
        .map(|css| parse_declarations_with(css, is_relevant))
        .unwrap_or_default();
    let inline_matched: Vec<Matched<'_>> = inline
        .iter()
        .enumerate()
        .map(|(i, declaration)| Matched {
            level: if declaration.important {
                Level::InlineImportant
            } else {
                Level::Inline
            },
            specificity: 0,
            order: i,
            declaration,
        })
        .collect();
    // `declared` is sorted already: merge only when the element has inline declarations (a
    // stable sort, so equal keys keep sheet-then-inline order, as before).
    let merged: Vec<&Matched<'_>>;
    let all: &mut dyn Iterator<Item = &Matched<'_>> = if inline_matched.is_empty() {
        &mut declared.iter()
    } else {
        let mut both: Vec<&Matched<'_>> = declared.iter().chain(&inline_matched).collect();
        both.sort_by_key(|m| (m.level, m.specificity, m.order));
        merged = both;
        &mut merged.iter().copied()
    };

    let mut layout = Layout::default();
    for matched in all {
        let d = matched.declaration;
        let value = d.value.trim();
        let keyword = value.to_ascii_lowercase();
        match d.property.as_str() {
            "display" => {
                style.author_styled = true;
                style.display = match keyword.as_str() {
                    "none" => Display::None,
                    "contents" => Display::Contents,
                    "inline" => Display::Inline,
                    "inherit" => parent.map_or(Display::Inline, |p| p.display),
                    "initial" | "unset" | "revert" => Display::Inline,
                    "revert-layer" => ua_display(element),
                    _ if keyword.starts_with("var(") => style.display,
                    _ => Display::Block,
                }
            }
            "visibility" => {
                style.author_styled = true;
                style.visibility = match keyword.as_str() {
                    "hidden" => Visibility::Hidden,
                    "collapse" => Visibility::Collapse,
                    "visible" | "initial" => Visibility::Visible,
                    _ => inherited.visibility,
                }
            }
            "color" => {
                style.color = match keyword.as_str() {
                    "inherit" | "unset" | "currentcolor" => inherited.color.clone(),
                    "initial" => None,
                    _ => Some(Arc::from(value)),
                }
            }
            "background-color" => {
                style.background_color = match keyword.as_str() {
                    "inherit" => inherited.background_color.clone(),
                    "initial" | "unset" | "transparent" => None,
                    _ => Some(Arc::from(value)),
                }
            }
            "background-image" => style.background_image = keyword != "none",
            "background" => {
                let (color, image) = split_background(value);
                style.background_color = color.map(Arc::from);
                style.background_image = image;
            }
            "font-size" => {
                style.font_size_px = font_size(&keyword, parent_size, root_size);
            }
            "font-weight" => {
                style.font_weight = font_weight(&keyword, inherited.font_weight);
            }
            "font" => {
                let (size, weight) = split_font(&keyword, parent_size, root_size);
                style.font_size_px = size;
                style.font_weight = weight.unwrap_or(400);
            }
            "opacity" => {
                style.opacity = parse_number_or_percent(&keyword).unwrap_or(1.0);
            }
            "position" => {
                style.positioned = matches!(keyword.as_str(), "absolute" | "fixed");
            }
            "left" => layout.left = parse_px(&keyword),
            "top" => layout.top = parse_px(&keyword),
            "right" => layout.right = parse_px(&keyword),
            "text-indent" => layout.text_indent = parse_px(&keyword),
            "width" => layout.width = parse_px(&keyword),
            "height" => layout.height = parse_px(&keyword),
            "overflow" => layout.overflow_hidden = keyword == "hidden" || keyword == "clip",
            "clip" => {
                layout.clip_zero = keyword.starts_with("rect(")
                    && keyword
                        .trim_start_matches("rect(")
                        .trim_end_matches(')')
                        .split([',', ' '])
                        .filter(|s| !s.is_empty())
                        .all(|v| parse_px(v).is_some_and(|n| n.abs() <= 1.0))
            }
            "clip-path" => {
                layout.clip_zero = keyword.replace(' ', "") == "inset(50%)"
                    || keyword.replace(' ', "") == "inset(100%)"
            }
            _ => {}
        }
    }
    // Pages hide `<html>` or `<body>` from their style sheet until a script has run
    // (anti-flicker snippets); people see the page, so that hiding is not taken as final.
    if element.is_html() && matches!(element.name(), "html" | "body") {
        if style.display == Display::None {
            style.display = Display::Block;
        }
        style.visibility = Visibility::Visible;
        style.opacity = 1.0;
    }
    let far = |v: Option<f32>| v.is_some_and(|v| v <= -999.0);
    style.off_screen = (style.positioned
        && (far(layout.left) || far(layout.top) || layout.right.is_some_and(|v| v <= -999.0)))
        || far(layout.text_indent)
        || (style.positioned && layout.clip_zero)
        || (layout.clip_zero && layout.overflow_hidden)
        || (layout.overflow_hidden
            && layout.width.is_some_and(|w| w <= 1.0)
            && layout.height.is_some_and(|h| h <= 1.0));
    style
}

#[derive(Default)]
struct Layout {
    left: Option<f32>,
    top: Option<f32>,
    right: Option<f32>,
    text_indent: Option<f32>,
    width: Option<f32>,
    height: Option<f32>,
    overflow_hidden: bool,
    clip_zero: bool,
}

/// A length in px for `px` / `pt` / `em` (at 16px) / unitless 0; `None` otherwise.
fn parse_px(value: &str) -> Option<f32> {
    let value = value.trim();
    if value == "0" {
        return Some(0.0);
    }
    let (number, factor) = if let Some(n) = value.strip_suffix("px") {
        (n, 1.0)
    } else if let Some(n) = value.strip_suffix("rem") {
        (n, 16.0)
    } else if let Some(n) = value.strip_suffix("em") {
        (n, 16.0)
    } else if let Some(n) = value.strip_suffix("pt") {
        (n, 4.0 / 3.0)
    } else {
        return None;
    };
    number
        .trim()
        .parse::<f32>()
        .ok()
        .filter(|n| n.is_finite())
        .map(|n| n * factor)
}

fn parse_number_or_percent(value: &str) -> Option<f32> {
    let (number, scale) = match value.strip_suffix('%') {
        Some(n) => (n, 0.01),
        None => (value, 1.0),
    };
    number
        .trim()
        .parse::<f32>()
        .ok()
        .filter(|n| n.is_finite())
        .map(|n| (n * scale).clamp(0.0, 1.0))
}

/// A computed font size in px (CSS Fonts 4 keyword table), `None` when unknown.
fn font_size(value: &str, parent: Option<f32>, root: f32) -> Option<f32> {
    let keyword = match value {
        "xx-small" => Some(9.0),
        "x-small" => Some(10.0),
        "small" => Some(13.0),
        "medium" | "initial" => Some(16.0),
        "large" => Some(18.0),
        "x-large" => Some(24.0),
        "xx-large" => Some(32.0),
        "xxx-large" => Some(48.0),
        _ => None,
    };
    if keyword.is_some() {
        return keyword;
    }
    match value {
        "inherit" | "unset" => return parent,
        "smaller" => return parent.map(|p| p / 1.2),
        "larger" => return parent.map(|p| p * 1.2),
        _ => {}
    }
    let number = |n: &str| {
        n.trim()
            .parse::<f32>()
            .ok()
            .filter(|n| n.is_finite() && *n >= 0.0)
    };
    if let Some(n) = value.strip_suffix("px") {
        number(n)
    } else if let Some(n) = value.strip_suffix("rem") {
        number(n).map(|n| n * root)
    } else if let Some(n) = value.strip_suffix("em") {
        number(n).and_then(|n| parent.map(|p| n * p))
    } else if let Some(n) = value.strip_suffix('%') {
        number(n).and_then(|n| parent.map(|p| n / 100.0 * p))
    } else if let Some(n) = value.strip_suffix("pt") {
        number(n).map(|n| n * 4.0 / 3.0)
    } else if value == "0" {
        Some(0.0)
    } else {
        None
    }
}

fn font_weight(value: &str, parent: u16) -> u16 {
    match value {
        "normal" | "initial" => 400,
        "bold" => 700,
        "inherit" | "unset" => parent,
        // CSS Fonts 4, relative weights table.
        "bolder" => match parent {
            0..350 => 400,
            350..550 => 700,
            _ => 900,
        },
        "lighter" => match parent {
            0..550 => 100,
            550..750 => 400,
            _ => 700,
        },
        _ => value
            .parse::<f32>()
            .ok()
            .filter(|n| n.is_finite())
            .map_or(parent, |n| n.clamp(1.0, 1000.0) as u16),
    }
}

/// `font: [style] [weight] size[/line-height] family`: size and weight.
fn split_font(value: &str, parent: Option<f32>, root: f32) -> (Option<f32>, Option<u16>) {
    let mut weight = None;
    for token in value.split_ascii_whitespace() {
        let head = token.split('/').next().unwrap_or(token);
        if matches!(head, "bold" | "bolder" | "lighter")
            || (head.len() == 3 && head.ends_with("00") && head.parse::<u16>().is_ok())
        {
            weight = Some(font_weight(head, 400));
            continue;
        }
        if let Some(size) = font_size(head, parent, root) {
            return (Some(size), weight);
        }
    }
    (parent, weight)
}

/// `background` shorthand: the colour token (last non-image, non-position token that looks like
/// a colour) and whether an image or gradient is set.
fn split_background(value: &str) -> (Option<String>, bool) {
    let lower = value.to_ascii_lowercase();
    let image = lower.contains("url(") || lower.contains("gradient(") || lower.contains("image(");
    let mut color = None;
    let mut depth = 0i32;
    let mut start = 0;
    let mut tokens = Vec::new();
    for (i, c) in value.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if c.is_whitespace() && depth == 0 => {
                tokens.push(&value[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    tokens.push(&value[start..]);
    for token in tokens.iter().map(|t| t.trim_end_matches(',')) {
        let t = token.to_ascii_lowercase();
        if t.is_empty() || t.contains("url(") || t.contains("gradient(") {
            continue;
        }
        if t.starts_with('#')
            || t.starts_with("rgb")
            || t.starts_with("hsl")
            || t.starts_with("hwb")
            || t.starts_with("lab(")
            || t.starts_with("lch(")
            || t.starts_with("oklab(")
            || t.starts_with("oklch(")
            || t.starts_with("color(")
            || (t.chars().all(|c| c.is_ascii_alphabetic()) && !NOT_COLORS.contains(&t.as_str()))
        {
            color = Some(token.to_owned());
        }
    }
    if color
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case("transparent"))
    {
        color = None;
    }
    (color, image)
}

/// Keywords of the `background` shorthand that are not colours.
const NOT_COLORS: &[&str] = &[
    "none",
    "repeat",
    "no-repeat",
    "repeat-x",
    "repeat-y",
    "space",
    "round",
    "scroll",
    "fixed",
    "local",
    "left",
    "right",
    "top",
    "bottom",
    "center",
    "cover",
    "contain",
    "auto",
    "border-box",
    "padding-box",
    "content-box",
    "text",
    "inherit",
    "initial",
    "unset",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(html: &str) -> (Document, Styles) {
        let doc = Document::from_html(html);
        let styles = Styles::compute(&doc);
        (doc, styles)
    }

    fn by_id<'d>(doc: &'d Document, id: &str) -> Element<'d> {
        doc.element_by_id(id).expect("id")
    }

    #[test]
    fn cascade_orders_by_importance_specificity_and_order() {
        let (doc, s) = styles(
            "<style>#a { display: none } div.x { display: block !important } \
             .y { visibility: hidden } .y { visibility: visible } p { color: red }
             @media print { #d { display: none } }</style>\
             <div id=a class=x></div><div id=b class=y></div>\
             <div id=c style='display:none'><span id=e>t</span></div><div id=d></div>\
             <p id=p style='color: blue'><b id=q>x</b></p>",
        );
        assert_eq!(s.get(&by_id(&doc, "a")).display, Display::Block);
        assert_eq!(s.get(&by_id(&doc, "b")).visibility, Visibility::Visible);
        assert_eq!(s.get(&by_id(&doc, "c")).display, Display::None);
        assert_eq!(s.get(&by_id(&doc, "e")).display, Display::Inline);
        assert_eq!(s.get(&by_id(&doc, "d")).display, Display::Block);
        assert_eq!(s.get(&by_id(&doc, "q")).color.as_deref(), Some("blue"));
        assert_eq!(s.get(&by_id(&doc, "q")).font_weight, 700);
    }

    #[test]
    fn hidden_attribute_is_a_user_agent_style_authors_can_override() {
        let (doc, s) = styles(
            "<style>.shown { display: block }</style>\
             <p id=a hidden></p><p id=b hidden class=shown></p>",
        );
        assert_eq!(s.get(&by_id(&doc, "a")).display, Display::None);
        assert_eq!(s.get(&by_id(&doc, "b")).display, Display::Block);
    }

    #[test]
    fn visibility_inherits_and_can_be_reset() {
        let (doc, s) = styles(
            "<div style='visibility:hidden'><span id=a></span>\
             <span id=b style='visibility:visible'></span></div>",
        );
        assert_eq!(s.get(&by_id(&doc, "a")).visibility, Visibility::Hidden);
        assert_eq!(s.get(&by_id(&doc, "b")).visibility, Visibility::Visible);
    }

    #[test]
    fn font_sizes_and_backgrounds() {
        let (doc, s) = styles(
            "<style>body { font-size: 12pt } .big { font: bold 2em/1.2 serif }</style>\
             <body><h1 id=h>x</h1><p id=p class=big>y</p>\
             <p id=c style='font-size: calc(1em + 2px); background: url(a.png) #fff no-repeat'>z</p>\
             <p id=d style='background: rgb(0, 0, 0)'>w</p></body>",
        );
        assert_eq!(s.get(&by_id(&doc, "h")).font_size_px, Some(32.0));
        assert_eq!(s.get(&by_id(&doc, "p")).font_size_px, Some(32.0));
        assert_eq!(s.get(&by_id(&doc, "p")).font_weight, 700);
        let c = s.get(&by_id(&doc, "c"));
        assert_eq!(c.font_size_px, None);
        assert!(c.background_image);
        assert_eq!(c.background_color.as_deref(), Some("#fff"));
        let d = s.get(&by_id(&doc, "d"));
        assert_eq!(d.background_color.as_deref(), Some("rgb(0, 0, 0)"));
        assert!(!d.background_image);
    }

    #[test]
    fn off_screen_techniques() {
        let (doc, s) = styles(
            "<style>.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; \
             clip: rect(0, 0, 0, 0) } .away { position: absolute; left: -9999px }</style>\
             <span id=a class=sr-only>a</span><span id=b class=away>b</span><span id=c>c</span>",
        );
        assert!(s.get(&by_id(&doc, "a")).off_screen);
        assert!(s.get(&by_id(&doc, "b")).off_screen);
        assert!(!s.get(&by_id(&doc, "c")).off_screen);
    }

    #[test]
    fn ancestor_prefilter_keeps_matches() {
        let (doc, s) = styles(
            "<style>#nav .menu a.x { display: none } ul li > span { visibility: hidden } \
             h1 + p span { display: none } DIV.Box em { display: none }</style>\
             <div id=nav><ul class=menu><li><a id=a class=x>a</a></li></ul></div>\
             <a id=b class=x>b</a><ul><li><span id=c>c</span></li></ul>\
             <h1>t</h1><p><span id=d>d</span></p><div class=Box><em id=e>e</em></div>\
             <div class=box><em id=f>f</em></div>",
        );
        assert_eq!(s.get(&by_id(&doc, "a")).display, Display::None);
        assert_eq!(s.get(&by_id(&doc, "b")).display, Display::Inline);
        assert_eq!(s.get(&by_id(&doc, "c")).visibility, Visibility::Hidden);
        assert_eq!(s.get(&by_id(&doc, "d")).display, Display::None);
        assert_eq!(s.get(&by_id(&doc, "e")).display, Display::None);
        assert_eq!(s.get(&by_id(&doc, "f")).display, Display::Inline);
    }

    proptest::proptest! {
        /// The byte-level bucket is the bucket of the blanked selector, on any text.
        #[test]
        fn bucket_matches_blanked_selector(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "B", "#", ".", "x", "-", "_", " ", "\t", "\u{b}", ">", "+", "~",
                    "(", ")", "[", "]", "\"", "'", "\\", ":", "é", "\u{a0}", "*", "1",
                    "::", ":not(", ":IS(", ":before", ":first-line", "div", "P", ",",
                ]),
                0..16,
            )
        ) {
            let selector: String = parts.concat();
            let expected = match bucket_key(&selector) {
                Key::Id(id) => Some(key_hash(b'#', &id)),
                Key::Class(class) => Some(key_hash(b'.', &class)),
                Key::Tag(tag) => Some(key_hash(b'<', &tag)),
                Key::Universal => None,
            };
            proptest::prop_assert_eq!(bucket(&selector, &mut String::new()), expected);
            proptest::prop_assert_eq!(specificity(&selector), specificity_reference(&selector));
            proptest::prop_assert_eq!(
                split_selector_list(&selector),
                split_selector_list_reference(&selector)
            );
            proptest::prop_assert_eq!(
                required_ancestors(&selector),
                required_ancestors_reference(&selector)
            );
        }
    }

    #[test]
    fn selector_helpers() {
        assert_eq!(
            split_selector_list("a, b:is(c, d), [x=','] "),
            ["a", "b:is(c, d)", "[x=',']"]
        );
        assert!(matches!(bucket_key("div > p.note"), Key::Class(c) if c == "note"));
        assert!(matches!(bucket_key("#main a:not(#x)"), Key::Tag(t) if t == "a"));
        assert!(matches!(bucket_key("ul li#x.y"), Key::Id(i) if i == "x"));
        assert!(matches!(bucket_key("[hidden]"), Key::Universal));
        // `bucket` hashes exactly what `bucket_key` names.
        let mut scratch = String::new();
        for selector in [
            "div > p.note",
            "#main a:not(#x)",
            "ul li#x.y",
            "[hidden]",
            "DIV.Box em",
            "A",
            "a:is(.b, #c)",
            "p[title='#x'] + .y",
            "x\\.y",
            "-x",
            "é.ü",
            ".a .b#c.d",
            "*",
            "li:nth-child(2n+1)",
            "a::before",
            "#",
            ".",
            "a.#b",
            "svg|a",
            "a\u{a0}b.c",
            "a\x0Bb",
            "a)b(c)d",
            "#a\"b\"c",
            "[x=\"a b\"] .c",
            "p:not([a='(']).x",
            "a[b",
            "a (b .c",
            "A > B#C",
            "-x.y",
            "x -y",
            "a, b",
            "..a",
            "#.a",
        ] {
            let expected = match bucket_key(selector) {
                Key::Id(id) => Some(key_hash(b'#', &id)),
                Key::Class(class) => Some(key_hash(b'.', &class)),
                Key::Tag(tag) => Some(key_hash(b'<', &tag)),
                Key::Universal => None,
            };
            assert_eq!(bucket(selector, &mut scratch), expected, "{selector}");
        }
        assert!(specificity("#a .b c") > specificity(".b .c d"));
        assert!(specificity("div.x") > specificity("div"));
        assert_eq!(specificity("a[href='#x']"), (1 << 8) | 1);
    }
}
