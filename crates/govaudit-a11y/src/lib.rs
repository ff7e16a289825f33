//! Accessibility rules for govaudit. Each rule lives in its own file under `rules/`, declares its
//! metadata (WCAG 2.2 success criteria, EN 301 549 and GB/T 37668-2019 clauses, the ACT and
//! axe-core rules it implements) with its documentation, and reports through a
//! [`Collector`].
//!
//! ```
//! use govaudit_core::{Collector, Outcome};
//! use govaudit_html::Document;
//!
//! let doc = Document::from_html("<!doctype html><html><title>首页</title><img src=a.png>");
//! let mut found = Collector::new("index.html");
//! govaudit_a11y::check(&doc, &mut found);
//! let failed: Vec<_> = found.findings().iter().filter(|f| f.outcome == Outcome::Fail).collect();
//! let rules: Vec<_> = failed.iter().map(|f| f.rule.as_str()).collect();
//! assert_eq!(rules, ["a11y/html-has-lang", "a11y/image-alt"]);
//! ```

pub mod aria;
mod contrast;
pub mod focus;
mod landmarks;
mod language;
pub mod name;
mod page;
mod review;
mod rules;
mod table;
mod text_spacing;

/// The static CSS cascade, shared with the other checkers (moved to [`govaudit_html::style`]).
pub use govaudit_html::style;
/// Rendered / hidden / visible facts, shared with the other checkers (moved to
/// [`govaudit_html::visibility`]).
pub use govaudit_html::visibility;
pub use page::Page;
pub use rules::{RULES, Rule, rules};

use govaudit_core::Collector;
use govaudit_html::Document;
use govaudit_html::style::StylesheetSource;

/// Runs every rule over one page, without its linked or imported style sheets: rules whose
/// verdict depends on computed CSS report `review` on a page that has such sheets.
pub fn check(doc: &Document, out: &mut Collector) {
    run(&Page::new(doc), |_| true, out);
}

/// Runs every rule over one page, with its linked and imported style sheets from `sheets`.
pub fn check_with(doc: &Document, sheets: &dyn StylesheetSource, out: &mut Collector) {
    run(&Page::with_sheets(doc, sheets), |_| true, out);
}

/// Runs the rules a WCAG conformance target selects (`wcag2aa` leaves the AAA-only rules out,
/// as axe-core does by default), with the page's linked and imported style sheets.
pub fn check_for(
    doc: &Document,
    sheets: &dyn StylesheetSource,
    target: govaudit_core::wcag::Target,
    out: &mut Collector,
) {
    check_page(&Page::with_sheets(doc, sheets), target, out);
}

/// Runs the rules `target` selects over a [`Page`] the caller built, so that what the rules
/// compute on it (styles, visibility) can serve other checks of the same page afterwards.
pub fn check_page(page: &Page<'_>, target: govaudit_core::wcag::Target, out: &mut Collector) {
    for rule in RULES.iter().filter(|r| target.selects(r.meta)) {
        (rule.check)(page, out);
    }
}

/// Runs the rules whose ids are in `ids` (for conformance tests and `--rule` filters).
pub fn check_rules(doc: &Document, ids: &[&str], out: &mut Collector) {
    run(&Page::new(doc), |id| ids.contains(&id), out);
}

/// [`check_rules`] with the page's linked and imported style sheets from `sheets`.
pub fn check_rules_with(
    doc: &Document,
    ids: &[&str],
    sheets: &dyn StylesheetSource,
    out: &mut Collector,
) {
    run(&Page::with_sheets(doc, sheets), |id| ids.contains(&id), out);
}

fn run(page: &Page<'_>, wanted: impl Fn(&str) -> bool, out: &mut Collector) {
    for rule in RULES.iter().filter(|r| wanted(r.meta.id)) {
        (rule.check)(page, out);
    }
}

// Keeps the README's example compiling.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
