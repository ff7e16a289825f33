//! Checking a built site in a directory (feature `fs`): the glue between `govaudit-site`'s walker
//! and [`check_site`].

use crate::offline::{
    OfflineOptions, OfflineReport, SiteIndex, SitePage, SiteStylesheet, check_site,
};
use govaudit_html::Document;
use govaudit_site::{Directory, SiteError};
use std::path::Path;

/// Walks `root`, reads and parses every page and stylesheet, and checks the site offline.
/// Findings name each file as `root` joined with its path (`examples/demo-site/index.html`).
/// A page that cannot be read is an error: a partial report would hide its links.
pub fn check_directory(root: &Path, options: &OfflineOptions) -> Result<OfflineReport, SiteError> {
    let site = Directory::walk(root)?;
    let report_url = |path: &str| root.join(path).display().to_string();
    let mut documents = Vec::new();
    for file in site.pages() {
        let resource = site.read(file, report_url(&file.path))?;
        let document = Document::parse(&resource.body, resource.content_type().as_deref(), None);
        documents.push((file, document));
    }
    let mut sheets = Vec::new();
    for file in site.stylesheets() {
        let resource = site.read(file, report_url(&file.path))?;
        // Stylesheets are UTF-8 in practice; anything else is read lossily rather than skipped.
        sheets.push((file, String::from_utf8_lossy(&resource.body).into_owned()));
    }
    let pages: Vec<SitePage<'_>> = documents
        .iter()
        .map(|(file, document)| SitePage {
            report_url: report_url(&file.path),
            path: file.path.clone(),
            document,
        })
        .collect();
    let stylesheets: Vec<SiteStylesheet<'_>> = sheets
        .iter()
        .map(|(file, css)| SiteStylesheet {
            report_url: report_url(&file.path),
            path: file.path.clone(),
            css,
        })
        .collect();
    Ok(check_site(
        &pages,
        &stylesheets,
        SiteIndex::new(site.paths()),
        options,
    ))
}
