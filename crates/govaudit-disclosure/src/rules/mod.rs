//! The disclosure rules: one file each (doc comment = documentation, `declare_rule!`, `check`),
//! and the registry below, written by hand.

use crate::detect::{Evidence, ItemResult};
use crate::profile::{Item, Profile};
use crate::site::Audit;
use govaudit_core::{Collector, Finding, Location, RuleMeta};

mod invalid_identity_mark;
mod item_needs_review;
mod missing_item;
mod stale_column;
mod stale_homepage;

pub use invalid_identity_mark::INVALID_IDENTITY_MARK;
pub use item_needs_review::ITEM_NEEDS_REVIEW;
pub use missing_item::MISSING_ITEM;
pub use stale_column::STALE_COLUMN;
pub use stale_homepage::STALE_HOMEPAGE;

/// What a rule sees: the profile and the audit's items and freshness.
pub struct Context<'a> {
    pub profile: &'a Profile,
    pub audit: &'a Audit,
}

/// A rule: its metadata and its check. The check reports through the [`Collector`]: a finding
/// for each problem and, for conformance reports, `applies` for each item or column it judged.
pub struct Rule {
    pub meta: &'static RuleMeta,
    pub check: fn(&Context<'_>, &mut Collector),
}

macro_rules! rule {
    ($module:ident, $meta:ident) => {
        Rule {
            meta: &$module::$meta,
            check: $module::check,
        }
    };
}

/// Every disclosure rule, one line each.
pub static RULES: &[Rule] = &[
    rule!(missing_item, MISSING_ITEM),
    rule!(item_needs_review, ITEM_NEEDS_REVIEW),
    rule!(invalid_identity_mark, INVALID_IDENTITY_MARK),
    rule!(stale_homepage, STALE_HOMEPAGE),
    rule!(stale_column, STALE_COLUMN),
];

/// The metadata of every disclosure rule.
pub fn rules() -> impl Iterator<Item = &'static RuleMeta> {
    RULES.iter().map(|rule| rule.meta)
}

/// Location of a piece of evidence.
fn location_of(evidence: &Evidence) -> Location {
    Location {
        line: evidence.line,
        selector: evidence.selector.clone(),
        ..Location::default()
    }
}

/// A finding about an item, carrying the item's legal basis and id.
fn item_finding(
    meta: &RuleMeta,
    outcome: govaudit_core::Outcome,
    item: &Item,
    result: &ItemResult,
    url: &str,
    location: Location,
    message: String,
) -> Finding {
    let mut finding = Finding::new(meta, outcome, url, location, message)
        .with_evidence("item", &item.id)
        .with_evidence("state", result.state)
        .with_evidence("confidence", result.confidence);
    finding.set_standards(item.legal_basis.iter().cloned());
    finding
}
