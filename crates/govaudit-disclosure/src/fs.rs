//! Loading a local site (feature `fs`): a directory whose `index.html` is the homepage, or one
//! HTML file. The directory is listed by govaudit-site's walk, so what counts as a page
//! (`.html`, `.htm`, `.shtml`, `.xhtml`) is decided in one place for every command; the audit
//! visits only the pages its walk from the homepage reaches.

use crate::site::{Site, SiteError, local_url};
use govaudit_html::Document;
use govaudit_site::Directory;
use std::path::{Path, PathBuf};

/// Why a local site cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: the directory has no index.html", .0.display())]
    NoIndex(PathBuf),
    /// Listing the directory or reading one of its pages failed (or a page is too large).
    #[error(transparent)]
    Directory(#[from] govaudit_site::SiteError),
    #[error(transparent)]
    Site(#[from] SiteError),
}

/// At most this many pages are read from a directory; the walk from the homepage visits far
/// fewer ([`Options::max_pages`](crate::Options::max_pages)).
const MAX_PAGES: usize = 20_000;

/// Loads `path`: a directory (homepage `index.html`) or a single HTML file (the homepage).
pub fn load_site(path: &Path) -> Result<Site, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_file() {
        let name = path.file_name().map_or_else(
            || "index.html".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let url = local_url(&name)?;
        let bytes = std::fs::read(path).map_err(io)?;
        let document = Document::parse(&bytes, None, Some(&url));
        return Ok(Site::from_pages(url.clone(), [(url, document)]));
    }
    if !path.join("index.html").is_file() {
        return Err(LoadError::NoIndex(path.to_owned()));
    }
    let directory = Directory::walk(path)?;
    let mut site = Site::new(local_url("index.html")?);
    for file in directory.pages().take(MAX_PAGES) {
        let url = local_url(&file.path)?;
        let page = directory.read(file, file.path.clone())?;
        site.insert(url.clone(), Document::parse(&page.body, None, Some(&url)));
    }
    Ok(site)
}
