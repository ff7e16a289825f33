//! Style sheets from outside the page: `<link rel=stylesheet href>` and `@import`. The cascade
//! asks a [`StylesheetSource`] for their text (the caller decides how: from disk, over HTTP with
//! a cache) and records a [`StyleGap`] for every sheet that matters but could not be read, so
//! that checks relying on computed styles can say "review" instead of a false "passed".

use super::sheet::{media_query_applies, parse_imports};
use crate::{Document, Element};
use std::fmt;
use std::sync::Arc;
use url::Url;

/// Where the cascade gets a linked or imported stylesheet's text. The engine implements it
/// (disk for a directory, a per-run cache over HTTP for a site).
pub trait StylesheetSource: Sync {
    /// The text of the sheet at `url` (decoded; a leading byte order mark is ignored).
    fn load(&self, url: &Url) -> SheetState;
}

/// What a [`StylesheetSource`] found at a sheet's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetState {
    Loaded(Arc<str>),
    /// Not readable (HTTP 404, a network error, outside the audited directory, ...); `reason`
    /// is shown to people (`HTTP 404`).
    Unavailable {
        reason: String,
    },
}

/// `@import` chains deeper than this are not followed (a linked sheet is depth 0).
pub const MAX_IMPORT_DEPTH: usize = 8;

/// Text of linked and imported sheets read for one page, at most. Every sheet counts at least
/// [`MIN_SHEET_COST`], so a page cannot ask for an unbounded number of empty sheets either.
pub const MAX_SHEET_BYTES_PER_PAGE: usize = 8 << 20;

/// What each loaded sheet costs of [`MAX_SHEET_BYTES_PER_PAGE`] at least.
pub const MIN_SHEET_COST: usize = 1024;

/// Why a page's computed styles may be wrong or incomplete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StyleGap {
    /// The cascade ran without a [`StylesheetSource`] ([`super::Styles::compute`]) on a page
    /// that links or imports a sheet whose media applies: the address (resolved when possible).
    NotRead { href: String },
    /// The source could not give the sheet.
    Unavailable { url: Url, reason: String },
    /// A relative address on a page without a URL to resolve it against, or an address that is
    /// no URL at all.
    Unresolvable { href: String },
    /// An `@import` chain deeper than [`MAX_IMPORT_DEPTH`]; the sheet not read.
    ImportTooDeep { url: Url },
    /// The page's sheets passed [`MAX_SHEET_BYTES_PER_PAGE`]; the first sheet not read.
    SheetBudgetExhausted { url: Url },
    /// The cascade's selector matching passed [`super::CASCADE_WORK_BUDGET`]; the elements
    /// after that point have only user-agent and `style` attribute values.
    WorkBudgetExhausted,
}

impl fmt::Display for StyleGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StyleGap::NotRead { href } => {
                write!(f, "a linked stylesheet was not read: {href}")
            }
            StyleGap::Unavailable { url, reason } => {
                write!(f, "a linked stylesheet could not be read: {url} ({reason})")
            }
            StyleGap::Unresolvable { href } => {
                write!(
                    f,
                    "a linked stylesheet's address cannot be resolved: {href}"
                )
            }
            StyleGap::ImportTooDeep { url } => write!(
                f,
                "stylesheet imports nest deeper than {MAX_IMPORT_DEPTH}: {url} was not read"
            ),
            StyleGap::SheetBudgetExhausted { url } => write!(
                f,
                "the page's stylesheets exceed {MAX_SHEET_BYTES_PER_PAGE} bytes: {url} was not read"
            ),
            StyleGap::WorkBudgetExhausted => {
                f.write_str("style too complex: cascade work budget exhausted")
            }
        }
    }
}

/// A sheet of the page in cascade (document) order.
pub(crate) enum PageSheet<'d> {
    /// A `<style>` element whose media applies.
    Inline(Element<'d>),
    /// A `<link rel=stylesheet>` whose media applies: its `href` as written.
    Linked(&'d str),
}

/// The `<style>` and `<link rel=stylesheet>` elements of a page that feed the cascade, in
/// document order: `<style>` in HTML or SVG; `<link>` whose `rel` has `stylesheet` and not
/// `alternate`, with an `href`, without `disabled` (a disabled sheet does not apply), with a
/// CSS or no `type`; both only when their `media` applies to a screen.
pub(crate) fn page_sheets(doc: &Document) -> Vec<PageSheet<'_>> {
    let mut elements: Vec<Element<'_>> = doc
        .elements_named("style")
        .filter(|style| style.is_html() || style.is_svg())
        .chain(doc.elements_named("link").filter(is_stylesheet_link))
        .filter(|e| e.attr("media").is_none_or(super::media_attr_applies))
        .collect();
    elements.sort_by_key(Element::index);
    elements
        .into_iter()
        .filter_map(|e| {
            if e.name() == "style" {
                Some(PageSheet::Inline(e))
            } else {
                e.attr("href").map(PageSheet::Linked)
            }
        })
        .collect()
}

fn is_stylesheet_link(link: &Element<'_>) -> bool {
    let rel_has = |word: &str| {
        link.attr("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case(word))
        })
    };
    link.is_html()
        && rel_has("stylesheet")
        && !rel_has("alternate")
        && !link.has_attr("disabled")
        && link.attr("href").is_some_and(|h| !h.trim().is_empty())
        && link.attr("type").is_none_or(|t| {
            let t = t.trim();
            t.is_empty() || t.eq_ignore_ascii_case("text/css")
        })
}

/// `href` resolved against `base`, or on its own when there is no base.
pub(crate) fn resolve(base: Option<&Url>, href: &str) -> Option<Url> {
    let href = href.trim();
    match base {
        Some(base) => base.join(href).ok(),
        None => Url::parse(href).ok(),
    }
}

/// The addresses of the sheets the cascade of `doc` loads first: linked sheets and the
/// `@import`s of `<style>` elements whose media apply, resolved against [`Document::base_url`],
/// in cascade order (callers prefetch them; imports inside those sheets are known only once
/// they are read). Addresses that do not resolve are left out.
pub fn stylesheet_urls(doc: &Document) -> Vec<Url> {
    let base = doc.base_url();
    let mut urls = Vec::new();
    for sheet in page_sheets(doc) {
        match sheet {
            PageSheet::Linked(href) => urls.extend(resolve(base.as_ref(), href)),
            PageSheet::Inline(style) => {
                for import in parse_imports(&style.text()) {
                    if media_query_applies(&import.media) {
                        urls.extend(resolve(base.as_ref(), &import.href));
                    }
                }
            }
        }
    }
    urls
}
