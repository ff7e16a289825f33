//! Where govaudit's resources come from: a built site in a directory (feature `fs`, on by
//! default) and, behind the `crawl` feature, a polite live crawl. Each source yields
//! [`Resource`](govaudit_core::Resource)s with the URL findings will name.

pub mod address;
#[cfg(feature = "crawl")]
pub mod crawl;
#[cfg(feature = "fs")]
pub mod directory;
#[cfg(feature = "fetch")]
pub mod fetch;
pub mod media;
pub mod scope;

#[cfg(feature = "fs")]
pub use directory::{Directory, SiteError, SiteFile};
pub use media::{FileKind, content_type, file_kind};
pub use scope::{SchemeClass, Scope, registrable_domain, scheme_class};
