//! `govaudit check`: checks HTML files and directories offline and reports in the chosen format.

use crate::Verdict;
use crate::inputs::{self, MAX_PAGE_BYTES, PageFile};
use anyhow::Context as _;
use govaudit_core::{Collector, Report, Severity};
use govaudit_html::Document;
use govaudit_report::Format;
use std::io::Read as _;
use std::path::PathBuf;

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Jsonl,
    Sarif,
    /// EARL JSON-LD (W3C ACT implementation report), with passed and inapplicable outcomes.
    Earl,
}

impl CheckFormat {
    fn report_format(self) -> Format {
        match self {
            CheckFormat::Text => Format::Text,
            CheckFormat::Json => Format::Json,
            CheckFormat::Jsonl => Format::Jsonl,
            CheckFormat::Sarif => Format::Sarif,
            CheckFormat::Earl => Format::Earl,
        }
    }
}

/// The areas `check` can run on files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Area {
    A11y,
    /// Links between the files of each directory given (offline: files, letter case,
    /// fragments, insecure references).
    Links,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Run only these areas (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub only: Vec<Area>,
    /// Exit 1 when a failing finding has this severity or worse.
    #[arg(long, default_value = "high", value_name = "SEVERITY")]
    pub fail_on: Severity,
    #[command(flatten)]
    pub reviews: crate::output::ReviewListing,
    /// HTML files (.html, .htm, .xhtml, .svg) and directories.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

impl CheckArgs {
    fn runs(&self, area: Area) -> bool {
        self.only.is_empty() || self.only.contains(&area)
    }
}

/// Builds the report (no output); the library-style entry point the tests use too.
pub fn report(args: &CheckArgs) -> anyhow::Result<Report> {
    let inputs::Inputs {
        pages,
        notes,
        sites,
    } = inputs::collect(&args.paths)?;
    let mut report = Report::new();
    report.notes = notes;
    // Link checks need every page of a site at once (fragments point across pages), so the
    // parsed documents of directory arguments are kept until the links pass.
    let mut site_documents: Vec<(&PageFile, Document)> = Vec::new();
    for page in &pages {
        let Some(bytes) = read_page(page, &mut report)? else {
            continue;
        };
        let (sheet_root, page_url) = local_address(page, &sites);
        let doc = Document::parse(&bytes, Some(page.content_type), Some(&page_url));
        // EARL tells passed from inapplicable, so it needs to know where rules applied.
        let mut found = if args.format == CheckFormat::Earl {
            Collector::with_applicability(page.display.clone())
        } else {
            Collector::new(page.display.clone())
        };
        if args.runs(Area::A11y) {
            let sheets = LocalSheets { root: sheet_root };
            govaudit_a11y::check_with(&doc, &sheets, &mut found);
        }
        if doc.was_flattened() {
            report.note(
                page.display.clone(),
                "elements nested deeper than 512 levels were flattened, as browsers do",
            );
        }
        let (findings, applicable) = found.into_parts();
        report.applicability.extend(applicable);
        report.add_resource(page.display.clone(), findings);
        if args.runs(Area::Links) && page.site.is_some() {
            site_documents.push((page, doc));
        }
    }
    if args.runs(Area::Links) {
        for (argument, site) in &sites {
            check_site_links(site, *argument, &site_documents, &mut report)?;
        }
    }
    report.finish();
    Ok(report)
}

/// Where a page's linked style sheets are read from, and the `file:` URL its relative
/// references resolve against: a page below a directory argument has its path on that site
/// (`file:///xxgk/a.html`, so `/css/style.css` is the site's), a page given as a file sits at
/// the root of its own folder.
fn local_address(
    page: &PageFile,
    sites: &[(usize, govaudit_site::Directory)],
) -> (PathBuf, url::Url) {
    let site = page.site.as_ref().and_then(|(argument, path)| {
        let (_, directory) = sites.iter().find(|(at, _)| at == argument)?;
        Some((directory.root.clone(), path.clone()))
    });
    let (root, path) = site.unwrap_or_else(|| {
        let root = page.path.parent().map(PathBuf::from).unwrap_or_default();
        let name = page
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (root, name)
    });
    let mut url = url::Url::parse("file:///").expect("a constant URL");
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.clear().extend(path.split('/'));
    }
    (root, url)
}

/// Linked and imported style sheets of offline pages: `file:` URLs read below one folder
/// (nothing outside it; `..` cannot climb out of a URL's root).
struct LocalSheets {
    root: PathBuf,
}

impl govaudit_html::style::StylesheetSource for LocalSheets {
    fn load(&self, url: &url::Url) -> govaudit_html::style::SheetState {
        use govaudit_html::style::{MAX_SHEET_BYTES_PER_PAGE, SheetState};
        let unavailable = |reason: String| SheetState::Unavailable { reason };
        if url.scheme() != "file" {
            return unavailable("not a local file (offline check)".to_owned());
        }
        let mut path = self.root.clone();
        for segment in url.path_segments().into_iter().flatten() {
            let segment = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
            if segment.is_empty() || segment == "." {
                continue;
            }
            if segment == ".." || segment.contains(['/', '\\']) {
                return unavailable("outside the checked folder".to_owned());
            }
            path.push(segment.as_ref());
        }
        let read = std::fs::File::open(&path).and_then(|file| {
            let mut bytes = Vec::new();
            file.take(MAX_SHEET_BYTES_PER_PAGE as u64 + 1)
                .read_to_end(&mut bytes)
                .map(|_| bytes)
        });
        match read {
            // Stylesheets are UTF-8 in practice; anything else is read lossily.
            Ok(bytes) => SheetState::Loaded(String::from_utf8_lossy(&bytes).into()),
            Err(e) => unavailable(e.to_string()),
        }
    }
}

/// The offline link checks of one directory argument, over the documents parsed for the
/// accessibility pass (each page is parsed once).
fn check_site_links(
    site: &govaudit_site::Directory,
    argument: usize,
    documents: &[(&PageFile, Document)],
    report: &mut Report,
) -> anyhow::Result<()> {
    let display = site.root.to_string_lossy().replace('\\', "/");
    let pages: Vec<govaudit_links::SitePage<'_>> = documents
        .iter()
        .filter_map(|(page, document)| match &page.site {
            Some((at, path)) if *at == argument => Some(govaudit_links::SitePage {
                report_url: page.display.clone(),
                path: path.clone(),
                document,
            }),
            _ => None,
        })
        .collect();
    let mut sheets = Vec::new();
    for file in site.stylesheets() {
        let url = format!("{}/{}", display.trim_end_matches('/'), file.path);
        let resource = site
            .read(file, url.clone())
            .with_context(|| format!("cannot read {url}"))?;
        // Stylesheets are UTF-8 in practice; anything else is read lossily rather than skipped.
        sheets.push((
            url,
            file.path.clone(),
            String::from_utf8_lossy(&resource.body).into_owned(),
        ));
    }
    let stylesheets: Vec<govaudit_links::SiteStylesheet<'_>> = sheets
        .iter()
        .map(|(url, path, css)| govaudit_links::SiteStylesheet {
            report_url: url.clone(),
            path: path.clone(),
            css,
        })
        .collect();
    let links = govaudit_links::check_site(
        &pages,
        &stylesheets,
        govaudit_links::SiteIndex::new(site.paths()),
        &govaudit_links::OfflineOptions::default(),
    );
    for (url, _, _) in &sheets {
        report.resources.push(url.clone());
    }
    report.findings.extend(links.findings);
    Ok(())
}

/// Reads a page, or notes why it was skipped.
fn read_page(page: &PageFile, report: &mut Report) -> anyhow::Result<Option<Vec<u8>>> {
    let file =
        std::fs::File::open(&page.path).with_context(|| format!("cannot read {}", page.display))?;
    let mut bytes = Vec::new();
    file.take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", page.display))?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        report.note(
            page.display.clone(),
            format!(
                "skipped: larger than {} MiB",
                MAX_PAGE_BYTES / (1024 * 1024)
            ),
        );
        return Ok(None);
    }
    Ok(Some(bytes))
}

pub fn run(args: &CheckArgs) -> anyhow::Result<Verdict> {
    let report = report(args)?;
    crate::output::emit_report(
        &report,
        args.format.report_format(),
        args.fail_on,
        args.reviews,
    )
}
