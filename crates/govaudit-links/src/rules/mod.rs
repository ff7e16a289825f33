//! The link rules: one file each (doc comment = documentation, `declare_rule!`, and either a
//! per-page `check` or the constructor of the finding a link check's verdict gives), and the
//! registry below, written by hand.

use crate::extract::Link;
use govaudit_core::{Collector, Finding, Outcome, RuleMeta};

pub(crate) mod broken;
pub(crate) mod broken_fragment;
pub(crate) mod case_mismatch;
pub(crate) mod insecure;
pub(crate) mod malformed_mailto;
pub(crate) mod redirect;
pub(crate) mod soft_404;
pub(crate) mod unverifiable;

pub use broken::BROKEN;
pub use broken_fragment::BROKEN_FRAGMENT;
pub use case_mismatch::CASE_MISMATCH;
pub use insecure::INSECURE;
pub use malformed_mailto::MALFORMED_MAILTO;
pub use redirect::REDIRECT;
pub use soft_404::SOFT_404;
pub use unverifiable::UNVERIFIABLE;

/// What the page rules read: one page's links.
pub struct PageContext<'a> {
    /// The page as findings name it (a path as given, or a URL).
    pub report_url: &'a str,
    /// Whether the page is (or will be) served over HTTPS; `None` when unknown (a directory
    /// checked without a site URL): then `http:` references are reviews, not failures.
    pub secure_page: Option<bool>,
    pub links: &'a [Link],
}

/// A rule: its metadata and, for rules judged on a page's own links, its check. Rules without a
/// check are reported from a link check's verdict (offline or HTTP).
pub struct Rule {
    pub meta: &'static RuleMeta,
    pub check: Option<fn(&PageContext<'_>, &mut Collector)>,
}

/// Every link rule, one line each.
pub static RULES: &[Rule] = &[
    Rule {
        meta: &BROKEN,
        check: None,
    },
    Rule {
        meta: &BROKEN_FRAGMENT,
        check: None,
    },
    Rule {
        meta: &CASE_MISMATCH,
        check: None,
    },
    Rule {
        meta: &REDIRECT,
        check: None,
    },
    Rule {
        meta: &INSECURE,
        check: Some(insecure::check),
    },
    Rule {
        meta: &UNVERIFIABLE,
        check: None,
    },
    Rule {
        meta: &SOFT_404,
        check: None,
    },
    Rule {
        meta: &MALFORMED_MAILTO,
        check: Some(malformed_mailto::check),
    },
];

/// The metadata of every link rule (for `govaudit rules`).
pub fn rules() -> impl Iterator<Item = &'static RuleMeta> {
    RULES.iter().map(|r| r.meta)
}

/// Runs the page rules over one page's links.
pub fn check_page(context: &PageContext<'_>, out: &mut Collector) {
    for rule in RULES {
        if let Some(check) = rule.check {
            check(context, out);
        }
    }
}

/// A finding about one link occurrence, with the evidence every link finding carries: the
/// resolved `target`, the `href` as written, the element, attribute, kind and link text.
pub(crate) fn link_finding(
    rule: &RuleMeta,
    outcome: Outcome,
    report_url: &str,
    link: &Link,
    message: String,
) -> Finding {
    let mut finding = Finding::new(rule, outcome, report_url, link.location(), message);
    finding
        .evidence("target", link.url().map(url::Url::as_str))
        .evidence("href", &link.href)
        .evidence("element", &link.element)
        .evidence("attribute", &link.attribute)
        .evidence("kind", link.kind);
    if let Some(text) = &link.text {
        finding.evidence("text", text);
    }
    finding
}

/// How a link is named in messages: its text when it has one, else its href.
pub(crate) fn describe(link: &Link) -> String {
    let what = match link.element.as_str() {
        "a" | "area" => "link",
        "img" | "input" => "image",
        _ => "reference",
    };
    match &link.text {
        Some(text) => format!("The {what} “{text}” ({})", link.href),
        None => format!("The {what} {} in <{}>", link.href, link.element),
    }
}
