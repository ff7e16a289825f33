//! Where govaudit's resources come from: a built site in a directory (feature `fs`, on by
//! default), behind the `crawl` feature a polite live crawl, and behind the `warc` feature a
//! web archive (which a live run can also write). Each source yields
//! [`Resource`](govaudit_core::Resource)s with the URL findings will name.
//!
//! ```
//! # #[cfg(feature = "fs")] {
//! use govaudit_site::{Directory, Scope};
//! use url::Url;
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("index.html"), "<title>首页</title>").unwrap();
//! let site = Directory::walk(dir.path()).unwrap();
//! assert_eq!(site.pages().count(), 1);
//! let home = Url::parse("https://www.shili.gov.cn/").unwrap();
//! let scope = Scope::domain_of(&home).unwrap();
//! assert!(scope.contains(&Url::parse("https://xxgk.shili.gov.cn/a.html").unwrap()));
//! # }
//! ```

pub mod address;
#[cfg(feature = "crawl")]
pub mod crawl;
#[cfg(feature = "fs")]
pub mod directory;
pub mod exchange;
#[cfg(feature = "fetch")]
pub mod fetch;
pub mod media;
pub mod scope;
#[cfg(feature = "warc")]
pub mod warc;

#[cfg(feature = "fs")]
pub use directory::{Directory, SiteError, SiteFile, SiteRead};
pub use media::{FileKind, PAGE_TYPES, content_type, file_kind, is_html, page_content_type};
pub use scope::{SchemeClass, Scope, registrable_domain, scheme_class};
