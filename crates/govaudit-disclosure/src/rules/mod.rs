//! The disclosure rules: one file each (doc comment = documentation, `declare_rule!`, `check`),
//! and the registry below, one line per rule written by hand (`declare_registry!`).

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

govaudit_core::declare_registry! {
    check: fn(&Context<'_>, &mut Collector),
    rules: [
        missing_item::MISSING_ITEM,
        item_needs_review::ITEM_NEEDS_REVIEW,
        invalid_identity_mark::INVALID_IDENTITY_MARK,
        stale_homepage::STALE_HOMEPAGE,
        stale_column::STALE_COLUMN,
    ],
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
