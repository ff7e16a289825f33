//! Loading a local site (feature `fs`): a directory whose `index.html` is the homepage, or one
//! HTML file. Every `.html`/`.htm`/`.shtml` file under the directory becomes a page; the audit
//! visits only those its crawl reaches.

use crate::site::{Site, SiteError, local_url};
use govaudit_html::Document;
use std::path::{Path, PathBuf};

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
    #[error(transparent)]
    Site(#[from] SiteError),
}

/// At most this many files are read from a directory.
const MAX_FILES: usize = 20_000;

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
    let mut site = Site::new(local_url("index.html")?);
    let mut stack = vec![path.to_owned()];
    let mut count = 0;
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|source| LoadError::Io {
            path: dir.clone(),
            source,
        })?;
        let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for entry in entries {
            if entry.is_dir() {
                stack.push(entry);
                continue;
            }
            let is_html = entry.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "shtml")
            });
            if !is_html || count >= MAX_FILES {
                continue;
            }
            let Ok(relative) = entry.strip_prefix(path) else {
                continue;
            };
            let url = local_url(&relative.to_string_lossy())?;
            let bytes = std::fs::read(&entry).map_err(|source| LoadError::Io {
                path: entry.clone(),
                source,
            })?;
            site.insert(url.clone(), Document::parse(&bytes, None, Some(&url)));
            count += 1;
        }
    }
    Ok(site)
}
