//! What to audit: a directory, a file, a live site, a list of URLs or paths, or a WARC file.

use std::path::{Path, PathBuf};
use url::Url;

/// One thing to audit, as named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A built site on disk: every page below it, links between its files.
    Directory(PathBuf),
    /// One page file.
    File(PathBuf),
    /// A live site, crawled from this URL within its scope.
    Url(Url),
    /// A text file with one URL or path per line (`#` starts a comment): each line is audited
    /// as a page of its own, without crawling.
    List(PathBuf),
    /// A WARC 1.0/1.1 file (plain or gzip per record): its response records are the pages, so
    /// a recorded live run can be audited again offline.
    Warc(PathBuf),
}

/// Why a command-line argument names nothing to audit.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    #[error("{0} is not a valid URL: {1}")]
    BadUrl(String, url::ParseError),
    #[error("{0}: only http and https URLs can be audited")]
    Scheme(String),
    #[error("cannot read {path}: {source}")]
    Missing {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Target {
    /// Reads an argument: `http(s)://…` is a live site; an existing directory is a site on
    /// disk; `*.warc` and `*.warc.gz` are WARC files; `*.txt` and `*.urls` are lists; any other
    /// file is a page.
    pub fn parse(argument: &str) -> Result<Target, TargetError> {
        let lower = argument.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return Url::parse(argument)
                .map(Target::Url)
                .map_err(|e| TargetError::BadUrl(argument.to_owned(), e));
        }
        if let Some((scheme, _)) = argument.split_once("://")
            && !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+')
        {
            return Err(TargetError::Scheme(argument.to_owned()));
        }
        let path = PathBuf::from(argument);
        let metadata = std::fs::metadata(&path).map_err(|source| TargetError::Missing {
            path: argument.to_owned(),
            source,
        })?;
        if metadata.is_dir() {
            return Ok(Target::Directory(path));
        }
        Ok(if lower.ends_with(".warc") || lower.ends_with(".warc.gz") {
            Target::Warc(path)
        } else if lower.ends_with(".txt") || lower.ends_with(".urls") {
            Target::List(path)
        } else {
            Target::File(path)
        })
    }

    /// Whether pages come over the network.
    pub fn is_live(&self) -> bool {
        matches!(self, Target::Url(_))
    }

    /// How the target is named in notes.
    pub fn display(&self) -> String {
        match self {
            Target::Url(url) => url.to_string(),
            Target::Directory(path)
            | Target::File(path)
            | Target::List(path)
            | Target::Warc(path) => display_path(path),
        }
    }
}

/// A path as findings name it: as the user wrote it, with `/` separators.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// `root` joined with a site-relative path, as findings name the page.
pub fn join_display(root: &str, relative: &str) -> String {
    if relative.is_empty() {
        root.to_owned()
    } else if root.ends_with('/') {
        format!("{root}{relative}")
    } else {
        format!("{root}/{relative}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_name_their_kind() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("a.html");
        let list = dir.path().join("pages.txt");
        let warc = dir.path().join("run.warc.gz");
        for file in [&page, &list, &warc] {
            std::fs::write(file, "x").unwrap();
        }
        let text = |p: &Path| p.to_string_lossy().into_owned();
        assert_eq!(
            Target::parse(&text(dir.path())).unwrap(),
            Target::Directory(dir.path().to_owned())
        );
        assert_eq!(Target::parse(&text(&page)).unwrap(), Target::File(page));
        assert_eq!(Target::parse(&text(&list)).unwrap(), Target::List(list));
        assert_eq!(Target::parse(&text(&warc)).unwrap(), Target::Warc(warc));
        assert!(matches!(
            Target::parse("HTTPS://www.example.gov.cn/").unwrap(),
            Target::Url(_)
        ));
        assert!(matches!(
            Target::parse("ftp://example.org/"),
            Err(TargetError::Scheme(_))
        ));
        assert!(matches!(
            Target::parse("/no/such/place"),
            Err(TargetError::Missing { .. })
        ));
        assert!(matches!(
            Target::parse("http://[::1"),
            Err(TargetError::BadUrl(..))
        ));
    }

    #[test]
    fn display_joins_with_slashes() {
        assert_eq!(join_display("site", "a/b.html"), "site/a/b.html");
        assert_eq!(join_display("site/", "a.html"), "site/a.html");
        assert_eq!(join_display("page.html", ""), "page.html");
    }
}
