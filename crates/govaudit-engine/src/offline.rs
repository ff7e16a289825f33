//! Targets read from disk: a site in a directory, page files, and WARC recordings.

use crate::EngineError;
use crate::config::{Area, AuditConfig};
use crate::page::{PageContext, PageInput, PageOutcome};
use crate::run::{Run, SiteObservations};
use crate::sheets::DiskSheets;
use crate::target::{display_path, join_display};
use govaudit_core::Phrase;
use govaudit_disclosure::local_url;
use govaudit_links::{SiteIndex, SiteStylesheet, check_site_observed};
use govaudit_site::media::{FileKind, page_content_type};
use govaudit_site::{Directory, SiteFile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A page file to read and check.
struct PageFile {
    /// Its path within the site (the file name for a lone file) and on disk.
    file: SiteFile,
    report_url: String,
}

/// A site in a directory: every page, then the links between its files, then disclosure.
pub(crate) fn directory(run: &mut Run<'_>, root: &Path) -> Result<(), EngineError> {
    let display = display_path(root);
    let site = Directory::walk(root)?.with_max_bytes(run.config.limits.max_page_bytes);
    let mut pages = Vec::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for file in &site.files {
        match file.kind {
            FileKind::Page => pages.push(PageFile {
                report_url: join_display(&display, &file.path),
                file: file.clone(),
            }),
            FileKind::Css => {}
            FileKind::Other => *skipped.entry(extension(&file.path)).or_default() += 1,
        }
    }
    if pages.is_empty() {
        return Err(EngineError::Empty(display));
    }
    if !skipped.is_empty() {
        let total: usize = skipped.values().sum();
        let kinds: Vec<String> = skipped.iter().map(|(k, n)| format!("{k} {n}")).collect();
        run.note(
            display.clone(),
            Phrase::new("note-files-skipped")
                .count("count", total)
                .text("kinds", kinds.join(", ")),
        )?;
    }
    run.progress.pages_found(pages.len());
    let sheet_root = run
        .config
        .site_root
        .clone()
        .unwrap_or_else(|| root.to_owned());
    let sheets = DiskSheets::new(
        &sheet_root,
        run.config.site_url.clone(),
        run.config.limits.max_page_bytes,
    );
    let mut observed = SiteObservations::default();
    let without_links;
    let mut config = run.config;
    if config.areas.contains(Area::Links)
        && config.links_only_in_sites
        && config.site_url.is_none()
        && !has_homepage(&site)
    {
        run.note(display.clone(), Phrase::new("note-links-not-a-site"))?;
        without_links = AuditConfig {
            areas: config.areas.without(Area::Links),
            ..config.clone()
        };
        config = &without_links;
    }
    check_files(run, config, &site, pages, &sheets, &mut observed)?;
    if config.areas.contains(Area::Links) {
        site_links(run, &site, &display, &observed)?;
    }
    let homepage = local_url("index.html").map_err(|e| EngineError::Read {
        path: display.clone(),
        reason: e.to_string(),
    })?;
    let prefix = display.trim_end_matches(['/', '\\']).to_owned();
    run.disclosure(
        &homepage,
        std::mem::take(&mut observed.disclosure),
        |page| {
            if page.is_empty() {
                prefix.clone()
            } else {
                format!("{prefix}/{page}")
            }
        },
    )
}

/// Page files given one by one: each checked alone (links between them are not checked).
pub(crate) fn files(run: &mut Run<'_>, paths: &[PathBuf]) -> Result<(), EngineError> {
    let mut pages = Vec::new();
    let mut listing = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let display = display_path(path);
        let name = path
            .file_name()
            .map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
        if page_content_type(&name).is_none() {
            skipped.push(display);
            continue;
        }
        let file = SiteFile {
            kind: FileKind::Page,
            path: name,
            fs_path: path.clone(),
        };
        listing.push(file.clone());
        pages.push(PageFile {
            file,
            report_url: display,
        });
    }
    if pages.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| display_path(p)).collect();
        return Err(EngineError::Empty(names.join(", ")));
    }
    for display in skipped {
        run.note(display, Phrase::new("note-not-a-page"))?;
    }
    run.progress.pages_found(pages.len());
    let root = paths
        .first()
        .and_then(|p| p.parent())
        .map_or_else(|| PathBuf::from("."), Path::to_owned);
    let sheets = DiskSheets::new(
        &root,
        run.config.site_url.clone(),
        run.config.limits.max_page_bytes,
    );
    // The files given, as a listing the reads go through (one cap, one content-type table).
    let site = Directory {
        root,
        files: listing,
        max_bytes: run.config.limits.max_page_bytes,
    };
    let mut observed = SiteObservations::default();
    let single = pages.len() == 1;
    let homepage = pages
        .first()
        .map(|p| (p.file.path.clone(), p.report_url.clone()));
    check_files(run, run.config, &site, pages, &sheets, &mut observed)?;
    // One page is a site of one page for disclosure (its homepage).
    if single
        && let Some((path, label)) = homepage
        && let Ok(homepage) = local_url(&path)
    {
        run.disclosure(&homepage, std::mem::take(&mut observed.disclosure), |_| {
            label.clone()
        })?;
    }
    Ok(())
}

/// Reads and checks page files on the workers, handing results on in order.
fn check_files(
    run: &mut Run<'_>,
    config: &AuditConfig,
    site: &Directory,
    pages: Vec<PageFile>,
    sheets: &DiskSheets,
    observed: &mut SiteObservations,
) -> Result<(), EngineError> {
    let secure = config.site_url.as_ref().map(|u| u.scheme() == "https");
    let parses = std::mem::take(&mut run.parses);
    let cx = PageContext {
        config,
        sheets,
        parses: &parses,
        judge_response: false,
    };
    let served_at = config
        .site_url
        .clone()
        .unwrap_or_else(|| config.offline_links.site_url.clone());
    let read = |page: PageFile| read_page(site, page, secure, &served_at);
    let mut pending = pages.into_iter().peekable();
    let mut result = Ok(());
    while pending.peek().is_some() {
        if run.past_deadline() {
            let left = pending.count();
            result = run.note("", Phrase::new("note-deadline").count("count", left));
            break;
        }
        let window: Vec<PageFile> = pending.by_ref().take(run.workers.window()).collect();
        let outcomes = run.workers.check_window(window, &cx, &read);
        for outcome in outcomes {
            if let Err(error) = run.emit(outcome, observed, None) {
                result = Err(error);
                break;
            }
        }
        if result.is_err() {
            break;
        }
    }
    run.parses = parses;
    result
}

fn read_page(
    site: &Directory,
    page: PageFile,
    secure: Option<bool>,
    served_at: &url::Url,
) -> Result<PageInput, Box<PageOutcome>> {
    match site.read_capped(&page.file, page.report_url.clone()) {
        Ok(read) => Ok(PageInput {
            url: local_url(&page.file.path).ok(),
            link_url: Some(govaudit_links::offline::url_of_path(
                served_at,
                &page.file.path,
            )),
            report_url: page.report_url,
            site_path: Some(page.file.path),
            resource: read.resource,
            truncated: read.truncated,
            secure,
        }),
        Err(error) => Err(Box::new(PageOutcome {
            notes: vec![crate::run::note(
                page.report_url.clone(),
                Phrase::new("note-not-checked").text("error", error.to_string()),
            )],
            report_url: page.report_url,
            ..PageOutcome::default()
        })),
    }
}

/// Links between the files of a site on disk (missing files, letter case, fragments), then its
/// external links over HTTP when asked.
fn site_links(
    run: &mut Run<'_>,
    site: &Directory,
    display: &str,
    observed: &SiteObservations,
) -> Result<(), EngineError> {
    let mut sheets: Vec<(&SiteFile, String, String)> = Vec::new();
    for file in site.stylesheets() {
        let report_url = join_display(display, &file.path);
        match site.read_capped(file, report_url.clone()) {
            // Stylesheets are UTF-8 in practice; anything else is read lossily, not skipped.
            Ok(read) => sheets.push((
                file,
                report_url,
                String::from_utf8_lossy(&read.resource.body).into_owned(),
            )),
            Err(error) => run.note(
                report_url,
                Phrase::new("note-not-checked").text("error", error.to_string()),
            )?,
        }
    }
    let stylesheets: Vec<SiteStylesheet<'_>> = sheets
        .iter()
        .map(|(file, report_url, css)| SiteStylesheet {
            report_url: report_url.clone(),
            path: file.path.clone(),
            css,
        })
        .collect();
    let mut options = run.config.offline_links.clone();
    if let Some(site_url) = &run.config.site_url {
        options.site_url = site_url.clone();
    }
    let index = match &run.config.site_root {
        Some(root) => SiteIndex::new(Directory::walk(root)?.paths()),
        None => SiteIndex::new(site.paths()),
    };
    let mut report = check_site_observed(&observed.links, &stylesheets, index, &options);
    for (_, report_url, _) in &sheets {
        run.resource(report_url, Vec::new())?;
    }
    run.site_findings(std::mem::take(&mut report.findings))?;
    run.sections.insert(
        "links".into(),
        serde_json::json!({ "mode": "offline", "stats": report.stats }),
    );
    if run.config.check_external && !report.external.is_empty() {
        let runtime = crate::live::runtime()?;
        let fetcher = Arc::new(govaudit_site::fetch::Fetcher::new(
            run.config.http.fetch.clone(),
        )?);
        let external = report.external;
        let http =
            run.check_links_over_http(&runtime, &fetcher, external.clone(), &Default::default())?;
        if let Some(section) = run.sections.get_mut("links") {
            section["http"] = crate::live::http_section(&http);
        }
        crate::outbound::conclude(run, &external, &http.results)?;
    }
    Ok(())
}

/// Whether the folder has a homepage at its root, as a web server would serve for `/`.
fn has_homepage(site: &Directory) -> bool {
    const HOMEPAGES: [&str; 6] = [
        "index.html",
        "index.htm",
        "index.shtml",
        "index.xhtml",
        "default.html",
        "default.htm",
    ];
    site.files.iter().any(|file| {
        file.kind == FileKind::Page && HOMEPAGES.iter().any(|h| file.path.eq_ignore_ascii_case(h))
    })
}

fn extension(path: &str) -> String {
    Path::new(path)
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy().to_ascii_lowercase()))
        .unwrap_or_else(|| "no extension".into())
}

/// A WARC recording: its HTML responses are the pages (checked as the live run checked them),
/// every recorded response is a link verdict, and nothing is requested: a target that was not
/// recorded is reported as not checked.
pub(crate) fn warc(run: &mut Run<'_>, path: &Path) -> Result<(), EngineError> {
    crate::live::replay(run, path)
}
