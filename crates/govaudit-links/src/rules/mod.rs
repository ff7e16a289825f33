//! The link rules: one file each (doc comment = documentation, `declare_rule!`, and either a
//! per-page `check` or the constructor of the finding a link check's verdict gives), and the
//! registry below, one line per rule written by hand (`declare_registry!`).

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

govaudit_core::declare_registry! {
    /// Rules with a check are judged on a page's own links; rules without one are reported from
    /// a link check's verdict (offline or HTTP).
    check: Option<fn(&PageContext<'_>, &mut Collector)>,
    rules: [
        broken::BROKEN => None,
        broken_fragment::BROKEN_FRAGMENT => None,
        case_mismatch::CASE_MISMATCH => None,
        redirect::REDIRECT => None,
        insecure::INSECURE => Some(insecure::check),
        unverifiable::UNVERIFIABLE => None,
        soft_404::SOFT_404 => None,
        malformed_mailto::MALFORMED_MAILTO => Some(malformed_mailto::check),
    ],
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
