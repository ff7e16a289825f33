//! Which files `govaudit check` reads: HTML files given by name, and the HTML files under the
//! directories given. Other files are skipped with a note, never an error.

use anyhow::{Context as _, bail};
use govaudit_core::Note;
use govaudit_site::Directory;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Pages larger than this are skipped with a note: no government page is this big, and a
/// hostile one must not exhaust memory.
pub const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// A page file to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFile {
    pub path: PathBuf,
    /// The path as the user wrote it (joined with the file's place below a directory argument),
    /// with `/` separators: the `url` of its findings.
    pub display: String,
    pub content_type: &'static str,
    /// For a page found below a directory argument: which argument, and the page's path
    /// relative to it with `/` separators (its path on the site).
    pub site: Option<(usize, String)>,
}

/// The content type a file is parsed as, or `None` when it is not markup `check` reads (the
/// page table of `govaudit_site::media`).
pub fn markup_content_type(path: &Path) -> Option<&'static str> {
    govaudit_site::page_content_type(path.to_str()?)
}

/// What the command-line paths expand to: the page files (in path order within each directory),
/// notes about skipped files, and each directory argument's listing (by argument position), which
/// the link checks reuse instead of walking the directory again.
pub struct Inputs {
    pub pages: Vec<PageFile>,
    pub notes: Vec<Note>,
    pub sites: Vec<(usize, Directory)>,
}

/// Expands the command-line paths into page files, notes and directory listings.
pub fn collect(paths: &[PathBuf]) -> anyhow::Result<Inputs> {
    let mut pages = Vec::new();
    let mut notes = Vec::new();
    let mut sites = Vec::new();
    for (argument, path) in paths.iter().enumerate() {
        let display = display_path(path);
        let metadata = std::fs::metadata(path).with_context(|| format!("cannot read {display}"))?;
        if metadata.is_dir() {
            let site = Directory::walk(path).with_context(|| format!("cannot read {display}"))?;
            collect_directory(&site, argument, &display, &mut pages, &mut notes);
            sites.push((argument, site));
        } else if let Some(content_type) = markup_content_type(path) {
            pages.push(PageFile {
                path: path.clone(),
                display,
                content_type,
                site: None,
            });
        } else {
            notes.push(Note {
                url: display,
                message: "skipped: not an HTML, XHTML or SVG file".into(),
            });
        }
    }
    if pages.is_empty() && notes.is_empty() {
        bail!("no files to check");
    }
    Ok(Inputs {
        pages,
        notes,
        sites,
    })
}

fn collect_directory(
    site: &Directory,
    argument: usize,
    root_display: &str,
    pages: &mut Vec<PageFile>,
    notes: &mut Vec<Note>,
) {
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for file in &site.files {
        let relative = Path::new(&file.path);
        match markup_content_type(relative) {
            Some(content_type) => pages.push(PageFile {
                path: file.fs_path.clone(),
                display: join_display(root_display, relative),
                content_type,
                site: Some((argument, file.path.clone())),
            }),
            None => {
                let kind = relative
                    .extension()
                    .map(|e| format!(".{}", e.to_string_lossy().to_ascii_lowercase()))
                    .unwrap_or_else(|| "no extension".into());
                *skipped.entry(kind).or_default() += 1;
            }
        }
    }
    if !skipped.is_empty() {
        let total: usize = skipped.values().sum();
        let kinds: Vec<String> = skipped.iter().map(|(k, n)| format!("{k} {n}")).collect();
        notes.push(Note {
            url: root_display.to_owned(),
            message: format!(
                "skipped {total} files that are not HTML, XHTML or SVG ({})",
                kinds.join(", ")
            ),
        });
    }
}

fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn join_display(root: &str, relative: &Path) -> String {
    let relative = display_path(relative);
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
    fn markup_is_recognised_by_extension_case_insensitively() {
        assert_eq!(
            markup_content_type(Path::new("a/INDEX.HTM")),
            Some("text/html")
        );
        assert_eq!(
            markup_content_type(Path::new("logo.svg")),
            Some("image/svg+xml")
        );
        assert_eq!(markup_content_type(Path::new("style.css")), None);
        assert_eq!(markup_content_type(Path::new("README")), None);
    }

    #[test]
    fn directories_expand_sorted_with_a_note_for_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        for name in [
            "b.html",
            "a.htm",
            "sub/c.xhtml",
            "x.css",
            "y.png",
            ".git/z.html",
        ] {
            std::fs::write(dir.path().join(name), "<p>").unwrap();
        }
        let Inputs { pages, notes, .. } = collect(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<&str> = pages
            .iter()
            .map(|p| p.display.rsplit_once('/').map_or("", |(_, n)| n))
            .collect();
        assert_eq!(names, ["a.htm", "b.html", "c.xhtml"]);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].message.contains(".css 1, .png 1"),
            "{}",
            notes[0].message
        );
    }

    #[test]
    fn missing_paths_are_errors_and_other_files_notes() {
        assert!(collect(&[PathBuf::from("/no/such/place")]).is_err());
        let dir = tempfile::tempdir().unwrap();
        let css = dir.path().join("x.css");
        std::fs::write(&css, "p{}").unwrap();
        let Inputs { pages, notes, .. } = collect(&[css]).unwrap();
        assert!(pages.is_empty());
        assert_eq!(notes.len(), 1);
    }
}
