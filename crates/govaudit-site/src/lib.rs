//! Where govaudit's resources come from: a built site in a directory (feature `fs`, on by
//! default) and, behind the `crawl` feature, a polite live crawl. Each source yields
//! [`Resource`](govaudit_core::Resource)s with the URL findings will name.

#[cfg(feature = "fs")]
pub mod directory;
pub mod media;

#[cfg(feature = "fs")]
pub use directory::{Directory, SiteError, SiteFile};
pub use media::{FileKind, content_type, file_kind};
