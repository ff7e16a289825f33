//! What a file or a response is: the one table of page file kinds, and the one test of whether
//! a response is a page.
//!
//! **Pages** are the documents the checks parse and check: by file name, the extensions in
//! [`PAGE_TYPES`] (`.html`, `.htm`, `.shtml` and `.xhtml` pages, and `.svg` images, which are
//! documents with their own accessible names and links); by response, a `text/html` or
//! `application/xhtml+xml` body ([`is_html`]). Stylesheets (`.css`) are read for the links
//! they hold; every other file only has to exist.

use govaudit_core::Resource;

/// Page file extensions (lower case) and the content type each is parsed as, as a server
/// would send it. The one place that says which files are pages.
pub const PAGE_TYPES: &[(&str, &str)] = &[
    ("html", "text/html"),
    ("htm", "text/html"),
    // Server-side includes: the file is HTML with directives that read as comments.
    ("shtml", "text/html"),
    ("xhtml", "application/xhtml+xml"),
    ("svg", "image/svg+xml"),
];

/// The kinds of file the checks tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A page: one of [`PAGE_TYPES`].
    Page,
    /// A stylesheet (`.css`).
    Css,
    /// Anything else: it only has to exist.
    Other,
}

/// The lower-cased extension of the last segment of a `/`- or `\`-separated path.
fn extension(path: &str) -> Option<String> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

/// The content type a page file is parsed as, by its extension; `None` when it is not a page.
pub fn page_content_type(path: &str) -> Option<&'static str> {
    let extension = extension(path)?;
    PAGE_TYPES
        .iter()
        .find(|(ext, _)| *ext == extension)
        .map(|(_, content_type)| *content_type)
}

/// The kind of a file by its extension (see [`PAGE_TYPES`]; `.css`).
pub fn file_kind(path: &str) -> FileKind {
    if page_content_type(path).is_some() {
        FileKind::Page
    } else if extension(path).as_deref() == Some("css") {
        FileKind::Css
    } else {
        FileKind::Other
    }
}

/// The `Content-Type` a server would send for a page or stylesheet file at `path`.
pub fn content_type(path: &str) -> Option<&'static str> {
    match file_kind(path) {
        FileKind::Page => page_content_type(path),
        FileKind::Css => Some("text/css"),
        FileKind::Other => None,
    }
}

/// Whether a response is an HTML page worth parsing: its `Content-Type` is `text/html` or
/// `application/xhtml+xml`, or it has none (browsers sniff; most such bodies are pages).
pub fn is_html(resource: &Resource) -> bool {
    resource.content_type().is_none_or(|ct| {
        let ct = ct.trim_start().to_ascii_lowercase();
        ct.starts_with("text/html") || ct.starts_with("application/xhtml+xml")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use govaudit_core::HeaderField;

    #[test]
    fn page_table() {
        assert_eq!(page_content_type("a/INDEX.HTM"), Some("text/html"));
        assert_eq!(page_content_type("ssi.shtml"), Some("text/html"));
        assert_eq!(
            page_content_type("a\\b.xhtml"),
            Some("application/xhtml+xml")
        );
        assert_eq!(page_content_type("logo.svg"), Some("image/svg+xml"));
        assert_eq!(page_content_type("style.css"), None);
        assert_eq!(
            page_content_type("html"),
            None,
            "a bare name has no extension"
        );
        assert_eq!(page_content_type("dir.html/file"), None);
        assert_eq!(file_kind("logo.SVG"), FileKind::Page);
        assert_eq!(file_kind("s.css"), FileKind::Css);
        assert_eq!(file_kind("a.pdf"), FileKind::Other);
        assert_eq!(content_type("s.css"), Some("text/css"));
        assert_eq!(content_type("a.pdf"), None);
    }

    #[test]
    fn html_responses() {
        let with = |ct: &str| {
            let mut r = Resource::from_bytes("https://a.gov.cn/", Vec::new());
            r.headers.push(HeaderField::new("Content-Type", ct));
            r
        };
        assert!(is_html(&with("text/html; charset=utf-8")));
        assert!(is_html(&with("Application/XHTML+XML")));
        assert!(!is_html(&with("text/plain")));
        assert!(!is_html(&with("image/svg+xml")));
        assert!(is_html(&Resource::from_bytes(
            "https://a.gov.cn/",
            Vec::new()
        )));
    }
}
