//! A built site in a directory: every file, its site-relative path, and the pages read as
//! resources.

use crate::media::{FileKind, content_type, file_kind};
use govaudit_core::{HeaderField, Resource};
use std::collections::HashSet;
use std::io::Read as _;
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
    /// Most bytes [`Directory::read_capped`] reads of one file ([`MAX_READ_BYTES`] unless
    /// changed with [`Directory::with_max_bytes`]).
    pub max_bytes: u64,
}

/// A file read up to the size cap.
#[derive(Debug, Clone)]
pub struct SiteRead {
    /// The file as a resource, its body the first `max_bytes` bytes at most.
    pub resource: Resource,
    /// The file is longer than the cap: only its start was read.
    pub truncated: bool,
}

/// Most files a directory may hold (a guard against walking a whole disk by mistake).
pub const MAX_FILES: usize = 1_000_000;
/// Default most bytes read of one page or stylesheet: no government page is this big, and a
/// hostile one must not exhaust memory.
pub const MAX_READ_BYTES: u64 = 64 * 1024 * 1024;

impl Directory {
    /// Lists every file under `root`. Hidden entries (`.git`) are skipped.
    ///
    /// Symbolic links are followed, to files and to directories, wherever they point: built
    /// sites often link a shared `uploads/` from outside the build directory, and its files
    /// are real URLs of the site. Every directory is walked once, known by its canonical path,
    /// so a link loop (`a/up -> ..`) ends and a file reached through several linked
    /// directories is listed once, under the first path found. Real directories are walked
    /// before linked ones, so a file's own path wins over a path through a link. A link to a
    /// file is its own entry (`latest.html -> 2024.html` is two URLs). [`MAX_FILES`] bounds a
    /// link that leads somewhere huge (`/`). Dangling links are skipped.
    pub fn walk(root: &Path) -> Result<Directory, SiteError> {
        if !root.is_dir() {
            return Err(SiteError::NotADirectory {
                path: root.to_owned(),
            });
        }
        let canonical_root = std::fs::canonicalize(root).map_err(|source| SiteError::ReadDir {
            path: root.to_owned(),
            source,
        })?;
        let mut visited: HashSet<PathBuf> = HashSet::from([canonical_root]);
        let mut files = Vec::new();
        // Real directories first: a linked directory waits until no real one is left.
        let mut real_pending = vec![(root.to_owned(), String::new())];
        let mut linked_pending: Vec<(PathBuf, String)> = Vec::new();
        loop {
            let (dir, prefix) = match real_pending.pop() {
                Some(next) => next,
                None => match linked_pending.pop() {
                    Some((dir, prefix)) => {
                        // Walked only if no path so far reached the same directory.
                        let first_visit = std::fs::canonicalize(&dir)
                            .is_ok_and(|canonical| visited.insert(canonical));
                        if !first_visit {
                            continue;
                        }
                        (dir, prefix)
                    }
                    None => break,
                },
            };
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
                let fs_path = entry.path();
                if file_type.is_dir() {
                    // Recorded so a link to it is recognised; already recorded when a linked
                    // directory walked earlier reached it.
                    let first_visit = std::fs::canonicalize(&fs_path)
                        .map_or(true, |canonical| visited.insert(canonical));
                    if first_visit {
                        real_pending.push((fs_path, path));
                    }
                    continue;
                }
                // `metadata` follows links: what the link points at, or an error if dangling.
                let target = if file_type.is_symlink() {
                    match std::fs::metadata(&fs_path) {
                        Ok(target) => target,
                        Err(_) => continue,
                    }
                } else if file_type.is_file() {
                    // No second system call for the common case.
                    files_push(&mut files, root, path, fs_path)?;
                    continue;
                } else {
                    continue;
                };
                if target.is_dir() {
                    linked_pending.push((fs_path, path));
                } else if target.is_file() {
                    files_push(&mut files, root, path, fs_path)?;
                }
            }
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Directory {
            root: root.to_owned(),
            files,
            max_bytes: MAX_READ_BYTES,
        })
    }

    /// The same listing with another read cap.
    pub fn with_max_bytes(mut self, max_bytes: u64) -> Directory {
        self.max_bytes = max_bytes;
        self
    }

    /// The pages ([`FileKind::Page`]: HTML, XHTML and SVG files), in path order.
    pub fn pages(&self) -> impl Iterator<Item = &SiteFile> {
        self.files.iter().filter(|f| f.kind == FileKind::Page)
    }

    pub fn stylesheets(&self) -> impl Iterator<Item = &SiteFile> {
        self.files.iter().filter(|f| f.kind == FileKind::Css)
    }

    /// Every site-relative path.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|f| f.path.as_str())
    }

    /// Reads a file as a resource named by `report_url` (typically the path as the user gave
    /// it), with the `Content-Type` a server would send for pages and stylesheets. A file
    /// longer than [`Directory::max_bytes`] gives its first `max_bytes` bytes, marked
    /// truncated (a finding for the caller, not an error).
    pub fn read_capped(
        &self,
        file: &SiteFile,
        report_url: impl Into<String>,
    ) -> Result<SiteRead, SiteError> {
        let read_error = |source| SiteError::ReadFile {
            path: file.fs_path.clone(),
            source,
        };
        let opened = std::fs::File::open(&file.fs_path).map_err(read_error)?;
        let mut body = Vec::new();
        // One byte past the cap tells a file of exactly `max_bytes` from a longer one, even
        // when the file grows while it is read.
        opened
            .take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut body)
            .map_err(read_error)?;
        let cap = usize::try_from(self.max_bytes).unwrap_or(usize::MAX);
        let truncated = body.len() > cap;
        body.truncate(cap);
        let mut resource = Resource::from_bytes(report_url, body);
        if let Some(content_type) = content_type(&file.path) {
            resource
                .headers
                .push(HeaderField::new("Content-Type", content_type));
        }
        Ok(SiteRead {
            resource,
            truncated,
        })
    }

    /// As [`Directory::read_capped`], with a file over the cap an error: for callers that
    /// must see a whole file or none (a partial page would hide its links).
    pub fn read(
        &self,
        file: &SiteFile,
        report_url: impl Into<String>,
    ) -> Result<Resource, SiteError> {
        let read = self.read_capped(file, report_url)?;
        if read.truncated {
            let size = std::fs::metadata(&file.fs_path)
                .map(|m| m.len())
                .unwrap_or(self.max_bytes.saturating_add(1));
            return Err(SiteError::TooLarge {
                path: file.fs_path.clone(),
                size,
                limit: self.max_bytes,
            });
        }
        Ok(read.resource)
    }
}

/// Adds a file to the listing, within [`MAX_FILES`].
fn files_push(
    files: &mut Vec<SiteFile>,
    root: &Path,
    path: String,
    fs_path: PathBuf,
) -> Result<(), SiteError> {
    if files.len() >= MAX_FILES {
        return Err(SiteError::TooManyFiles {
            path: root.to_owned(),
            limit: MAX_FILES,
        });
    }
    files.push(SiteFile {
        kind: file_kind(&path),
        path,
        fs_path,
    });
    Ok(())
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

    #[test]
    fn a_file_over_the_cap_gives_its_start_marked_truncated() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("big.html"), "0123456789").unwrap();
        std::fs::write(dir.path().join("fits.html"), "0123").unwrap();
        let site = Directory::walk(dir.path()).unwrap().with_max_bytes(4);
        let big = site.read_capped(&site.files[0], "big.html").unwrap();
        assert!(big.truncated);
        assert_eq!(big.resource.body, b"0123");
        let fits = site.read_capped(&site.files[1], "fits.html").unwrap();
        assert!(!fits.truncated, "exactly the cap is not truncated");
        assert_eq!(fits.resource.body, b"0123");
        assert!(matches!(
            site.read(&site.files[0], "big.html"),
            Err(SiteError::TooLarge {
                size: 10,
                limit: 4,
                ..
            })
        ));
        assert_eq!(
            site.read(&site.files[1], "fits.html").unwrap().body,
            b"0123"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end_and_each_file_is_listed_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let outside = dir.path().join("uploads");
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(root.join("a/b/page.html"), "<p>").unwrap();
        std::fs::write(outside.join("report.pdf"), "%PDF").unwrap();
        // A loop to an ancestor, a second name for a real directory, a link out of the root,
        // a link back into the root from there, a file link and a dangling link.
        symlink(root.join("a"), root.join("a/b/up")).unwrap();
        symlink(root.join("a/b"), root.join("alias")).unwrap();
        symlink(&outside, root.join("uploads")).unwrap();
        symlink(&root, outside.join("site-again")).unwrap();
        symlink(root.join("a/b/page.html"), root.join("latest.html")).unwrap();
        symlink(root.join("missing"), root.join("dangling.html")).unwrap();
        let site = Directory::walk(&root).unwrap();
        let paths: Vec<&str> = site.paths().collect();
        assert_eq!(
            paths,
            ["a/b/page.html", "latest.html", "uploads/report.pdf"]
        );
        assert_eq!(site.pages().count(), 2);
    }
}
