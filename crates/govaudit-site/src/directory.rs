//! A built site in a directory: every file, its site-relative path, and the pages read as
//! resources.

use crate::media::{FileKind, content_type, file_kind};
use govaudit_core::{HeaderField, Resource};
use std::path::{Path, PathBuf};

/// What went wrong reading a site from disk.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("cannot read directory {path}: {source}")]
    ReadDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is {size} bytes, more than the limit of {limit}")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: more than {limit} files")]
    TooManyFiles { path: PathBuf, limit: usize },
    #[error("{path} is not a directory")]
    NotADirectory { path: PathBuf },
}

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    /// Path relative to the site root, `/`-separated (`xxgk/index.html`).
    pub path: String,
    /// Where it is on disk.
    pub fs_path: PathBuf,
    pub kind: FileKind,
}

/// A site in a directory: its files in path order.
#[derive(Debug, Clone)]
pub struct Directory {
    pub root: PathBuf,
    pub files: Vec<SiteFile>,
}

/// Most files a directory may hold (a guard against walking a whole disk by mistake).
pub const MAX_FILES: usize = 1_000_000;
/// Largest page or stylesheet read (bigger ones are reported, not read).
pub const MAX_READ_BYTES: u64 = 32 * 1024 * 1024;

impl Directory {
    /// Lists every file under `root`. Hidden entries (`.git`) are skipped; symbolic links to
    /// directories are not followed, so a link loop cannot make the walk endless.
    pub fn walk(root: &Path) -> Result<Directory, SiteError> {
        if !root.is_dir() {
            return Err(SiteError::NotADirectory {
                path: root.to_owned(),
            });
        }
        let mut files = Vec::new();
        let mut pending = vec![(root.to_owned(), String::new())];
        while let Some((dir, prefix)) = pending.pop() {
            let entries = std::fs::read_dir(&dir).map_err(|source| SiteError::ReadDir {
                path: dir.clone(),
                source,
            })?;
            for entry in entries {
                let entry = entry.map_err(|source| SiteError::ReadDir {
                    path: dir.clone(),
                    source,
                })?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                let Ok(file_type) = entry.file_type() else {
                    continue;
                };
                let path = if prefix.is_empty() {
                    name
                } else {
                    format!("{prefix}/{name}")
                };
                if file_type.is_dir() {
                    pending.push((entry.path(), path));
                } else if file_type.is_file() || entry.path().is_file() {
                    if files.len() >= MAX_FILES {
                        return Err(SiteError::TooManyFiles {
                            path: root.to_owned(),
                            limit: MAX_FILES,
                        });
                    }
                    files.push(SiteFile {
                        kind: file_kind(&path),
                        path,
                        fs_path: entry.path(),
                    });
                }
            }
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Directory {
            root: root.to_owned(),
            files,
        })
    }

    /// The HTML pages, in path order.
    pub fn pages(&self) -> impl Iterator<Item = &SiteFile> {
        self.files.iter().filter(|f| f.kind == FileKind::Html)
    }

    pub fn stylesheets(&self) -> impl Iterator<Item = &SiteFile> {
        self.files.iter().filter(|f| f.kind == FileKind::Css)
    }

    /// Every site-relative path.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|f| f.path.as_str())
    }

    /// Reads a file as a resource named by `report_url` (typically the path as the user gave
    /// it), with the `Content-Type` a server would send for pages and stylesheets.
    pub fn read(
        &self,
        file: &SiteFile,
        report_url: impl Into<String>,
    ) -> Result<Resource, SiteError> {
        let size = std::fs::metadata(&file.fs_path)
            .map_err(|source| SiteError::ReadFile {
                path: file.fs_path.clone(),
                source,
            })?
            .len();
        if size > MAX_READ_BYTES {
            return Err(SiteError::TooLarge {
                path: file.fs_path.clone(),
                size,
                limit: MAX_READ_BYTES,
            });
        }
        let body = std::fs::read(&file.fs_path).map_err(|source| SiteError::ReadFile {
            path: file.fs_path.clone(),
            source,
        })?;
        let mut resource = Resource::from_bytes(report_url, body);
        if let Some(content_type) = content_type(file.kind) {
            resource
                .headers
                .push(HeaderField::new("Content-Type", content_type));
        }
        Ok(resource)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_files_in_order_skipping_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("index.html"), "<p>").unwrap();
        std::fs::write(root.join("b/c/页面.htm"), "<p>").unwrap();
        std::fs::write(root.join("b/s.css"), "a{}").unwrap();
        std::fs::write(root.join(".git/config"), "x").unwrap();
        let site = Directory::walk(root).unwrap();
        let paths: Vec<&str> = site.paths().collect();
        assert_eq!(paths, ["b/c/页面.htm", "b/s.css", "index.html"]);
        assert_eq!(site.pages().count(), 2);
        assert_eq!(site.stylesheets().count(), 1);
        let page = site.read(&site.files[2], "site/index.html").unwrap();
        assert_eq!(page.content_type().as_deref(), Some("text/html"));
        assert!(Directory::walk(&root.join("index.html")).is_err());
    }
}
