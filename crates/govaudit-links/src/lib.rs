//! Link extraction and checking for govaudit: every URL reference of a page (links, images,
//! scripts, frames, forms, citations, meta refresh, SVG, CSS `url()` and `@import`) with its
//! source line, selector and text; resolution as browsers do it (`<base href>`, IDNA,
//! percent-encoding, `..` clamped at the root); offline checks of a built site (files, letter
//! case, fragments). Every occurrence is reported: a broken footer link gives one finding per
//! page that carries it.
//!
//! The library does no I/O: give it parsed [`Document`](govaudit_html::Document)s and the list
//! of the site's files (`govaudit-site` walks a directory).

pub mod attributes;
pub mod css;
#[cfg(feature = "fs")]
pub mod directory;
pub mod extract;
#[cfg(feature = "http")]
pub mod http;
pub mod mailto;
pub mod offline;
mod rules;
pub mod srcset;
mod verdict;

pub use attributes::LinkKind;
#[cfg(feature = "fs")]
pub use directory::check_directory;
pub use extract::{Link, extract, extract_stylesheet};
pub use govaudit_site::scope;
pub use govaudit_site::scope::Scope;
pub use offline::{
    LinkStats, OfflineOptions, OfflineReport, SiteIndex, SitePage, SiteStylesheet, check_site,
};
pub use rules::broken::BrokenReason;
pub use rules::{
    BROKEN, BROKEN_FRAGMENT, CASE_MISMATCH, INSECURE, MALFORMED_MAILTO, PageContext, REDIRECT,
    RULES, Rule, SOFT_404, UNVERIFIABLE, check_page, rules,
};
pub use verdict::Verdict;
