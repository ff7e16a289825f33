//! What a file of a site is, by its name: pages and stylesheets are read by the checks, the
//! rest only has to exist.

/// The kinds of file the checks tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Html,
    Css,
    Other,
}

/// The kind of a file by its extension (`.html`, `.htm`, `.shtml`, `.xhtml`; `.css`).
pub fn file_kind(path: &str) -> FileKind {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" | "shtml" | "xhtml" => FileKind::Html,
        "css" => FileKind::Css,
        _ => FileKind::Other,
    }
}

/// The `Content-Type` a server would send for a page or stylesheet file.
pub fn content_type(kind: FileKind) -> Option<&'static str> {
    match kind {
        FileKind::Html => Some("text/html"),
        FileKind::Css => Some("text/css"),
        FileKind::Other => None,
    }
}
