//! Required-content checks for government websites: does the site offer the entrances and show
//! the identity marks its jurisdiction requires, and are its dated columns fresh?
//!
//! A [`Profile`] (data: `profiles/*.toml`, or a user's own file) lists the required items with
//! their legal basis, synonyms per language, URL path hints and identity-mark formats. Matching
//! runs on the accessible names of visible links and buttons, after [`normalize`] (NFKC width
//! folding, traditional → simplified Chinese, case, white space). A [`Site`] is a homepage plus the
//! pages reachable from it; [`audit`] follows the information-disclosure entrance to depth 2 and
//! returns every item as present / absent / review with evidence and a confidence, the freshness
//! of each dated column, and [`Finding`](govaudit_core::Finding)s in the common model.
//!
//! The library does no I/O: the caller decodes and parses pages into
//! [`Document`](govaudit_html::Document)s and hands them over as `(url, Document)` pairs.
//! A caller that cannot keep every DOM alive (pages parsed on several threads, each DOM dropped
//! after its checks) calls [`observe`] on each page instead and [`conclude`] over the
//! [`PageObservation`]s: the same walk, the same result as [`audit`].
//!
//! ```
//! use govaudit_disclosure::{audit, local_url, Options, Profile, Site};
//! use govaudit_html::Document;
//!
//! let url = local_url("index.html").unwrap();
//! let html = "<footer><a href=lxwm.html>聯繫我們</a> 粵ICP備12345678號</footer>";
//! let site = Site::from_pages(url.clone(), [(url.clone(), Document::parse(html.as_bytes(), None, Some(&url)))]);
//! let profile = Profile::builtin("cn-gov").unwrap();
//! let result = audit(&profile, &site, &Options::new("2026-11-25".parse().unwrap())).unwrap();
//! let state = |id: &str| result.items.iter().find(|i| i.id == id).unwrap().state.as_str();
//! assert_eq!((state("cn.contact"), state("cn.icp"), state("cn.psb_beian")), ("present", "present", "absent"));
//! assert!(result.findings.iter().any(|f| f.rule == "disclosure/missing-item"));
//! ```

/// Dates as list items and pages show them (moved to [`govaudit_html::dates`], shared with the
/// content checks).
pub use govaudit_html::dates;
mod detect;
pub mod freshness;
#[cfg(feature = "fs")]
pub mod fs;
mod normalize;
mod observe;
mod page;
pub mod profile;
mod rules;
mod site;
mod t2s;

/// The date library of [`Options::as_of`], re-exported so callers use the same version.
pub use jiff;

pub use detect::{Evidence, ItemResult, ItemState, Signal};
pub use freshness::{ColumnFreshness, DatedList};
pub use normalize::{normalize, traditional_to_simplified};
pub use observe::{ObservedLink, PageObservation, observe};
pub use profile::{
    BUILTIN_PROFILES, ColumnClass, Freshness, Item, ItemKind, Placement, Profile, ProfileError,
};
pub use rules::{
    Context, INVALID_IDENTITY_MARK, ITEM_NEEDS_REVIEW, MISSING_ITEM, RULES, Rule, STALE_COLUMN,
    STALE_HOMEPAGE, rules,
};
pub use site::{Audit, Options, Site, SiteError, audit, conclude, local_url, page_label};
