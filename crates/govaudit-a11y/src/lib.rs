//! Accessibility rules for govaudit. Each rule lives in its own file under `rules/`, declares its
//! metadata (WCAG 2.2 success criteria, EN 301 549 and GB/T 37668-2019 clauses, the ACT and
//! axe-core rules it implements) with its documentation, and reports through a
//! [`Collector`](govaudit_core::Collector).
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

/// Runs every rule over one page.
pub fn check(doc: &Document, out: &mut Collector) {
    let page = Page::new(doc);
    for rule in RULES {
        (rule.check)(&page, out);
    }
}

/// Runs the rules whose ids are in `ids` (for conformance tests and `--rule` filters).
pub fn check_rules(doc: &Document, ids: &[&str], out: &mut Collector) {
    let page = Page::new(doc);
    for rule in RULES.iter().filter(|r| ids.contains(&r.meta.id)) {
        (rule.check)(&page, out);
    }
}

// Keeps the README's example compiling.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
