//! Link extraction and checking for govaudit: every URL reference of a page (links, images,
//! scripts, frames, forms, citations, meta refresh, SVG, CSS `url()` and `@import`) with its
//! source line, selector and text; resolution as browsers do it (`<base href>`, IDNA,
//! percent-encoding, `..` clamped at the root); offline checks of a built site (files, letter
//! case, fragments). Every occurrence is reported: a broken footer link gives one finding per
//! page that carries it.
//!
//! The library does no I/O: give it parsed [`Document`](govaudit_html::Document)s and the list
//! of the site's files (`govaudit-site` walks a directory).
//!
//! ```
//! use govaudit_html::Document;
//! use govaudit_links::{OfflineOptions, SiteIndex, SitePage, check_site};
//!
//! let home = Document::from_html("<base href=/xxgk/>\n<a href=guide.html#apply>申请</a>");
//! let guide = Document::from_html("<h2 id=ysqgk>依申请公开</h2>");
//! let pages = [
//!     SitePage { report_url: "site/index.html".into(), path: "index.html".into(), document: &home },
//!     SitePage { report_url: "site/xxgk/guide.html".into(), path: "xxgk/guide.html".into(), document: &guide },
//! ];
//! let index = SiteIndex::new(["index.html", "xxgk/guide.html"]);
//! let report = check_site(&pages, &[], index, &OfflineOptions::default());
//! assert_eq!(report.findings[0].rule, "links/broken-fragment");
//! assert_eq!(report.findings[0].location.line, Some(2));
//! ```

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
pub use extract::{Link, extract, extract_stylesheet, extract_unlocated};
pub use govaudit_site::scope;
pub use govaudit_site::scope::Scope;
pub use offline::{
    LinkStats, OfflineOptions, OfflineReport, PageLinks, SiteIndex, SitePage, SiteStylesheet,
    check_page_links, check_site, check_site_observed, observe_page,
};
pub use rules::broken::BrokenReason;
pub use rules::{
    BROKEN, BROKEN_FRAGMENT, CASE_MISMATCH, INSECURE, MALFORMED_MAILTO, PageContext, REDIRECT,
    RULES, Rule, SOFT_404, UNVERIFIABLE, check_page, rules,
};
pub use verdict::Verdict;
