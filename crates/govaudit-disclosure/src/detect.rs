//! Finding the items of a profile on one page: entrances by accessible name (URL hints as a
//! weaker signal), identity marks by format; hidden, commented and template content ignored,
//! content only a script would write marked for review.

use crate::dates;
use crate::normalize::normalize;
use crate::page::{PageView, Region, name_units};
use crate::profile::{Item, Placement, Profile};
use govaudit_html::Element;
use serde::Serialize;

/// Confidence at or above which an item is present.
pub(crate) const PRESENT: f32 = 0.7;
/// Confidence at or above which an item needs review (below: absent).
pub(crate) const REVIEW: f32 = 0.4;

/// What kind of signal an evidence record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signal {
    /// The accessible name equals a synonym.
    Name,
    /// The accessible name is short and contains a synonym.
    NameContains,
    /// The link target matches one of the item's href patterns.
    Href,
    /// The link target's path has one of the item's pinyin/English path hints (weaker).
    UrlHint,
    /// Visible text in the item's format (an ICP number, 主办单位：…).
    Text,
    /// A script, link or image of the item's widget (conac, jiucuo, consent manager).
    Resource,
    /// A `<meta>` value only (not shown to visitors).
    Meta,
    /// Only inside an inline script (document.write, a JS template): a browser may render it.
    Script,
    /// The label is shown but its value is missing or malformed (`网站标识码：` with no number).
    Label,
    /// A match that does not count: hidden, inside a comment or `<template>`.
    Ignored,
}

/// One place an item was (or was almost) found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub page: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selector: Option<String>,
    pub signal: Signal,
    pub confidence: f32,
}

/// Final state of an item over the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemState {
    Present,
    Absent,
    Review,
}

impl ItemState {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Present => "present",
            ItemState::Absent => "absent",
            ItemState::Review => "review",
        }
    }
}

/// An item's result over the whole site.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemResult {
    pub id: String,
    pub description: String,
    pub state: ItemState,
    pub present: bool,
    pub confidence: f32,
    pub legal_basis: Vec<String>,
    /// The strongest signals first (at most `MAX_EVIDENCE`).
    pub evidence: Vec<Evidence>,
    /// Near misses that do not count: hidden or commented entrances, labels without a value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<Evidence>,
}

pub(crate) const MAX_EVIDENCE: usize = 5;

/// Finds every item's signals on one page; `found[i]` belongs to `profile.items[i]`.
pub(crate) fn detect_page(profile: &Profile, view: &PageView<'_>, found: &mut [Vec<Evidence>]) {
    detect_controls(profile, view, found);
    detect_resources(profile, view, found);
    detect_text(profile, view, found);
    detect_meta(profile, view, found);
    detect_scripts(profile, view, found);
    detect_ignored(profile, view, found);
}

fn evidence(
    view: &PageView<'_>,
    element: &Element<'_>,
    text: String,
    signal: Signal,
    confidence: f32,
) -> Evidence {
    let line = element.line();
    Evidence {
        page: view.label.clone(),
        text,
        href: element.attr("href").map(|h| h.trim().to_owned()),
        line: (line > 0).then_some(line),
        selector: Some(element.css_path()),
        signal,
        confidence,
    }
}

/// How an accessible name matches an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Quality {
    Contains,
    Exact,
}

/// The best (item, quality, synonym length) for a normalised name, or none.
pub(crate) fn best_item(
    profile: &Profile,
    name: &str,
    in_dated_entry: bool,
) -> Option<(usize, Quality)> {
    if name.is_empty() {
        return None;
    }
    let mut best: Option<(usize, Quality, usize)> = None;
    for (i, item) in profile.items.iter().enumerate() {
        if item.exclude.iter().any(|word| name.contains(word.as_str())) {
            continue;
        }
        for synonym in &item.names {
            let quality = if name == synonym {
                Quality::Exact
            } else if !in_dated_entry && contains_as_entrance(name, synonym) {
                Quality::Contains
            } else {
                continue;
            };
            let len = synonym.chars().count();
            let better = match best {
                None => true,
                Some((_, q, l)) => (quality, len) > (q, l),
            };
            if better {
                best = Some((i, quality, len));
            }
        }
    }
    best.map(|(i, q, _)| (i, q))
}

/// A short name containing the synonym, as a menu entry is ("政府信息公开指南" for "公开指南",
/// "About NASA" for "about"), not a headline or sentence that mentions it.
fn contains_as_entrance(name: &str, synonym: &str) -> bool {
    if !name.contains(synonym) {
        return false;
    }
    // Headlines quote document titles and end sentences; menu entries do not.
    if name
        .chars()
        .any(|c| matches!(c, '《' | '》' | '，' | '。' | '！' | '？' | '!' | '?' | '"'))
    {
        return false;
    }
    let (name_cjk, name_words) = name_units(name);
    let (syn_cjk, syn_words) = name_units(synonym);
    if name_cjk > 0 {
        let total = name_cjk + name_words;
        let extra = total.saturating_sub(syn_cjk + syn_words);
        return total <= 16 && extra <= 6;
    }
    // Latin scripts: the synonym must start or end the name, on word boundaries.
    let bounded_start = name.starts_with(synonym)
        && name[synonym.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
    let bounded_end = name.ends_with(synonym)
        && name[..name.len() - synonym.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
    (bounded_start || bounded_end) && name_words <= 8 && name_words.saturating_sub(syn_words) <= 5
}

/// Inside a list entry that carries a date: a news item, whatever its words.
/// Entries already looked at are cached by element index: a list entry holding thousands of
/// links would otherwise be read once per link.
fn in_dated_entry(
    element: &Element<'_>,
    cache: &mut std::collections::HashMap<usize, bool>,
) -> bool {
    let Some(entry) = element
        .ancestors()
        .take(4)
        .find(|a| matches!(a.name(), "li" | "tr" | "dd" | "dt"))
    else {
        return false;
    };
    *cache
        .entry(entry.index())
        .or_insert_with(|| !dates::extract(&normalize(&entry.text())).is_empty())
}

/// The path segment a hint is compared with: the file stem, or the directory for index pages.
fn hint_segment(href: &str) -> Option<String> {
    let path = href.split(['?', '#']).next()?.trim();
    let path = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let mut segments: Vec<&str> = path
        .split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .collect();
    let last = segments.pop()?;
    let stem = last
        .rsplit_once('.')
        .map_or(last, |(stem, _)| stem)
        .to_ascii_lowercase();
    if matches!(stem.as_str(), "index" | "default" | "main" | "home") {
        return segments.pop().map(str::to_ascii_lowercase);
    }
    Some(stem)
}

fn placement_factor(item: &Item, region: Region) -> f32 {
    match (item.placement, region) {
        (Placement::Any, _)
        | (Placement::Footer, Region::Footer)
        | (Placement::Nav, Region::Nav) => 0.0,
        _ => -0.05,
    }
}

fn detect_controls(profile: &Profile, view: &PageView<'_>, found: &mut [Vec<Evidence>]) {
    let mut dated_entries = std::collections::HashMap::new();
    for element in view.candidates() {
        let name = view.accessible_name(&element);
        let normalised = normalize(&name);
        let dated = in_dated_entry(&element, &mut dated_entries);
        let region = view.region(&element);
        if let Some((i, quality)) = best_item(profile, &normalised, dated) {
            let item = &profile.items[i];
            let (signal, base) = match quality {
                Quality::Exact => (Signal::Name, 0.95),
                Quality::Contains => (Signal::NameContains, 0.85),
            };
            let confidence = base + placement_factor(item, region);
            found[i].push(evidence(view, &element, name, signal, confidence));
            continue;
        }
        let href = element.attr("href").unwrap_or_default().trim();
        if href.is_empty() || dated {
            continue;
        }
        let (cjk, words) = name_units(&normalised);
        if cjk + words > 8 {
            continue;
        }
        // A link without a recognised name: its target may still say what it is.
        for (i, item) in profile.items.iter().enumerate() {
            if item.href_patterns.iter().any(|p| p.is_match(href)) {
                let confidence = 0.85 + placement_factor(item, region);
                found[i].push(evidence(
                    view,
                    &element,
                    name.clone(),
                    Signal::Href,
                    confidence,
                ));
            } else if let Some(segment) = hint_segment(href)
                && item.url_hints.contains(&segment)
            {
                // An abbreviated label (指南, 制度 inside the 信息公开 block) that is part of a
                // synonym, confirmed by the path, is an entrance; a path alone needs review.
                let abbreviated = !normalised.is_empty()
                    && item.names.iter().any(|n| n.contains(normalised.as_str()));
                let (signal, confidence) = if abbreviated {
                    (Signal::NameContains, 0.8)
                } else {
                    (Signal::UrlHint, 0.55)
                };
                found[i].push(evidence(view, &element, name.clone(), signal, confidence));
            }
        }
    }
}

/// Every URL-ish attribute and the `#id` of rendered elements, scripts and links.
fn detect_resources(profile: &Profile, view: &PageView<'_>, found: &mut [Vec<Evidence>]) {
    if profile.items.iter().all(|i| i.resource_patterns.is_empty()) {
        return;
    }
    for element in view.doc.elements() {
        if element.is_in_template() || view.is_hidden(&element) && element.name() != "script" {
            continue;
        }
        // A script inside a hidden container still runs, but what it draws stays hidden.
        if element.name() == "script" && element.ancestors().any(|a| view.is_hidden(&a)) {
            continue;
        }
        let id = element.id().map(|id| format!("#{id}"));
        let values = ["src", "href", "data-src", "action"]
            .iter()
            .filter_map(|a| element.attr(a))
            .map(str::trim)
            .chain(id.as_deref());
        for value in values {
            for (i, item) in profile.items.iter().enumerate() {
                if item.resource_patterns.iter().any(|p| p.is_match(value)) {
                    let mut text = value.to_owned();
                    if let Some(code) = element
                        .attr("sitecode")
                        .or_else(|| element.attr("site_code"))
                    {
                        text = format!("{text} (sitecode {code})");
                    }
                    found[i].push(evidence(view, &element, text, Signal::Resource, 0.9));
                }
            }
        }
    }
}

fn detect_text(profile: &Profile, view: &PageView<'_>, found: &mut [Vec<Evidence>]) {
    for (i, item) in profile.items.iter().enumerate() {
        let mut any = false;
        for pattern in &item.text_patterns {
            for m in pattern.find_iter(&view.text).take(3) {
                if let Some(element) = view.element_at_offset(m.start()) {
                    let confidence = 0.95 + placement_factor(item, view.region(&element));
                    let mut e = evidence(
                        view,
                        &element,
                        view.original_text(m.start(), m.end()),
                        Signal::Text,
                        confidence,
                    );
                    e.line = view.line_at_offset(m.start()).or(e.line);
                    found[i].push(e);
                    any = true;
                }
            }
        }
        if !any
            && let Some(label) = &item.label
            && let Some(m) = label.find(&view.text)
            && let Some(element) = view.element_at_offset(m.start())
        {
            let end = view.text[m.start()..]
                .char_indices()
                .nth(24)
                .map_or(view.text.len(), |(at, _)| m.start() + at);
            let shown = view.original_text(m.start(), end);
            let mut e = evidence(view, &element, shown, Signal::Label, 0.0);
            e.line = view.line_at_offset(m.start()).or(e.line);
            found[i].push(e);
        }
    }
}

fn detect_meta(profile: &Profile, view: &PageView<'_>, found: &mut [Vec<Evidence>]) {
    for element in view.doc.elements_named("meta") {
        let (Some(name), Some(content)) = (element.attr("name"), element.attr("content")) else {
            continue;
        };
        for (i, item) in profile.items.iter().enumerate() {
            if item
                .meta
                .iter()
                .any(|m| m.eq_ignore_ascii_case(name.trim()))
                && item
                    .meta_value
                    .as_ref()
                    .is_none_or(|v| v.is_match(content.trim()))
            {
                found[i].push(evidence(
                    view,
                    &element,
                    format!("{name}={content}"),
                    Signal::Meta,
                    0.5,
                ));
            }
        }
    }
}

/// Decodes what `unescape()`, `\xNN` and `\uNNNN` escapes hide in an inline script.
fn unescape_script(script: &str) -> String {
    let bytes = script.as_bytes();
    let mut out = String::with_capacity(script.len());
    let mut i = 0;
    let hex = |s: &str| u32::from_str_radix(s, 16).ok().and_then(char::from_u32);
    while i < bytes.len() {
        let rest = &script[i..];
        let decoded = if let Some(h) = rest.strip_prefix("%u").and_then(|r| r.get(..4)) {
            hex(h).map(|c| (c, 6))
        } else if let Some(h) = rest.strip_prefix("\\u").and_then(|r| r.get(..4)) {
            hex(h).map(|c| (c, 6))
        } else if let Some(h) = rest.strip_prefix('%').and_then(|r| r.get(..2)) {
            hex(h).filter(char::is_ascii).map(|c| (c, 3))
        } else if let Some(h) = rest.strip_prefix("\\x").and_then(|r| r.get(..2)) {
            hex(h).filter(char::is_ascii).map(|c| (c, 4))
        } else {
            None
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                i += len;
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

static MARKUP_TEXT: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r">([^<>]{1,60})<").expect("static regex"));
static MARKUP_URL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r#"(?:src|href)\s*=\s*\\?["']?([^"'\s>\\]+)"#).expect("static regex")
});

/// Inline scripts and script templates: what they would render is only a `review`.
fn detect_scripts(profile: &Profile, view: &PageView<'_>, found: &mut [Vec<Evidence>]) {
    for script in view.doc.elements_named("script") {
        if script.has_attr("src") || script.ancestors().any(|a| view.is_hidden(&a)) {
            continue;
        }
        let code = unescape_script(&script.text());
        for caps in MARKUP_TEXT.captures_iter(&code) {
            let Some(text) = caps.get(1) else { continue };
            let name = normalize(text.as_str());
            if let Some((i, _)) = best_item(profile, &name, false) {
                found[i].push(evidence(
                    view,
                    &script,
                    text.as_str().trim().to_owned(),
                    Signal::Script,
                    0.5,
                ));
            }
        }
        for caps in MARKUP_URL.captures_iter(&code) {
            let Some(url) = caps.get(1) else { continue };
            for (i, item) in profile.items.iter().enumerate() {
                if item
                    .resource_patterns
                    .iter()
                    .any(|p| p.is_match(url.as_str()))
                {
                    found[i].push(evidence(
                        view,
                        &script,
                        url.as_str().to_owned(),
                        Signal::Script,
                        0.5,
                    ));
                }
            }
        }
        let text = normalize(
            &MARKUP_TEXT
                .captures_iter(&code)
                .filter_map(|c| c.get(1))
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        for (i, item) in profile.items.iter().enumerate() {
            if let Some(m) = item.text_patterns.iter().find_map(|p| p.find(&text)) {
                found[i].push(evidence(
                    view,
                    &script,
                    m.as_str().to_owned(),
                    Signal::Script,
                    0.5,
                ));
            }
        }
    }
}

/// Hidden links and buttons, and links inside comments, that would have matched: reported so a
/// missing item shows what was there.
fn detect_ignored(profile: &Profile, view: &PageView<'_>, found: &mut [Vec<Evidence>]) {
    for element in view.hidden_candidates() {
        let name = view.accessible_name(&element);
        if let Some((i, _)) = best_item(profile, &normalize(&name), false) {
            found[i].push(evidence(
                view,
                &element,
                format!("{name} (hidden)"),
                Signal::Ignored,
                0.0,
            ));
        }
    }
    for (comment, owner) in &view.comments {
        for caps in MARKUP_TEXT.captures_iter(comment) {
            let Some(text) = caps.get(1) else { continue };
            if let Some((i, _)) = best_item(profile, text.as_str().trim(), false)
                && let Some(element) = view.doc.element_at(*owner)
            {
                let mut e = evidence(
                    view,
                    &element,
                    format!("{} (commented out)", text.as_str().trim()),
                    Signal::Ignored,
                    0.0,
                );
                e.href = None;
                found[i].push(e);
            }
        }
    }
}

/// Folds a page-by-page evidence list into the item's result.
pub(crate) fn conclude(item: &Item, mut all: Vec<Evidence>) -> ItemResult {
    let (mut ignored, mut counted): (Vec<Evidence>, Vec<Evidence>) = all
        .drain(..)
        .partition(|e| matches!(e.signal, Signal::Ignored | Signal::Label));
    counted.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    dedup(&mut counted);
    dedup(&mut ignored);
    let confidence = counted.first().map_or(0.0, |e| e.confidence);
    let state = if confidence >= PRESENT {
        ItemState::Present
    } else if confidence >= REVIEW {
        ItemState::Review
    } else {
        ItemState::Absent
    };
    counted.truncate(MAX_EVIDENCE);
    ignored.truncate(MAX_EVIDENCE);
    ItemResult {
        id: item.id.clone(),
        description: item.description.clone(),
        state,
        present: state == ItemState::Present,
        confidence: (confidence * 100.0).round() / 100.0,
        legal_basis: item.legal_basis.clone(),
        evidence: counted,
        ignored,
    }
}

/// The same element seen on several pages (a shared footer) is one piece of evidence per
/// distinct text and selector; the first page keeps it.
fn dedup(list: &mut Vec<Evidence>) {
    let mut seen = std::collections::HashSet::new();
    list.retain(|e| seen.insert((e.text.clone(), e.selector.clone(), e.signal)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_segments_are_file_stems_or_index_directories() {
        assert_eq!(
            hint_segment("xxgk/xxgkzn.html#a").as_deref(),
            Some("xxgkzn")
        );
        assert_eq!(hint_segment("../zcjd/index.html").as_deref(), Some("zcjd"));
        assert_eq!(hint_segment("https://x.gov/foia/").as_deref(), Some("foia"));
        assert_eq!(hint_segment("https://x.gov/").as_deref(), None);
    }

    #[test]
    fn headlines_are_not_entrances() {
        assert!(contains_as_entrance("政府信息公开指南", "公开指南"));
        assert!(!contains_as_entrance(
            "市政府办公室召开专题会议 修订完善《示例市人民政府信息公开指南》",
            "信息公开指南"
        ));
        assert!(!contains_as_entrance(
            "我市2025年度政府信息公开工作年度报告编制工作全面启动",
            "年度报告"
        ));
        assert!(contains_as_entrance("about nasa", "about"));
        assert!(!contains_as_entrance("learn about benefits", "about"));
        assert!(!contains_as_entrance(
            "inspector general finds gaps in the agency's grant oversight program",
            "inspector general"
        ));
    }

    #[test]
    fn unescape_decodes_document_write_payloads() {
        assert_eq!(unescape_script("%3Cspan%3E"), "<span>");
        assert_eq!(unescape_script("\\u653f"), "政");
        assert_eq!(unescape_script("100%"), "100%");
    }
}
