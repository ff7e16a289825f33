//! Offline checks of a built site: every internal reference is looked up in the site's file
//! list (no disk access here: the caller lists the files, see `govaudit-site` for a walker), and
//! fragments are looked up in the target page's `id`s and `<a name>`s.
//!
//! Two ways in: [`check_site`] takes parsed pages; [`observe_page`] reduces one parsed page to
//! what the checks need ([`PageLinks`], no DOM), so a caller can drop each DOM at once, run
//! [`check_page_links`] per page and [`check_site_observed`] once over all observations.

use crate::extract::{Link, extract_stylesheet, extract_unlocated};
use crate::rules::{self, PageContext, broken::BrokenReason};
use crate::scope::{SchemeClass, scheme_class};
use crate::verdict::Verdict;
use govaudit_core::{Collector, Finding};
use govaudit_html::Document;
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use std::collections::{HashMap, HashSet};
use url::Url;

/// Where pages of a site on disk are taken to be served when no site URL is given. `.invalid`
/// never resolves (RFC 2606), so such targets are never fetched by mistake.
pub const DEFAULT_SITE_URL: &str = "https://site.invalid/";

/// How a built site is checked.
#[derive(Debug, Clone)]
pub struct OfflineOptions {
    /// Where the site root will be served (`https://www.shili.gov.cn/`): pages get URLs under
    /// it, root-relative links map to the site root, and absolute links to its host (any
    /// scheme) are looked up on disk.
    pub site_url: Url,
    /// File names a directory URL serves, in order.
    pub index_files: Vec<String>,
    /// Take pages to be served over HTTPS when no site URL says how they are served (`site_url`
    /// left at [`DEFAULT_SITE_URL`]). Off by default: the scheme is then unknown and an `http:`
    /// reference is a review, not a failing mixed-content finding. A given site URL decides by
    /// its scheme (an `http:` site has no mixed content).
    pub assume_https: bool,
    /// Check `#fragment`s against the target page.
    pub check_fragments: bool,
}

impl Default for OfflineOptions {
    fn default() -> Self {
        OfflineOptions {
            site_url: default_site_url(),
            index_files: vec!["index.html".into(), "index.htm".into()],
            assume_https: false,
            check_fragments: true,
        }
    }
}

impl OfflineOptions {
    /// Whether the site's pages are served over HTTPS: by the site URL's scheme; without a site
    /// URL unknown (`None`), or HTTPS when `assume_https`.
    pub fn page_security(&self) -> Option<bool> {
        if self.site_url.as_str() == DEFAULT_SITE_URL {
            self.assume_https.then_some(true)
        } else {
            Some(self.site_url.scheme() == "https")
        }
    }
}

fn default_site_url() -> Url {
    // A constant that parses; the fallback is never taken.
    Url::parse(DEFAULT_SITE_URL)
        .unwrap_or_else(|_| Url::parse("https://site.invalid/").expect("valid"))
}

/// The files of a built site (paths relative to the site root, `/`-separated, as on disk) and
/// the fragment targets of its pages.
#[derive(Debug, Clone, Default)]
pub struct SiteIndex {
    files: HashSet<String>,
    directories: HashSet<String>,
    /// Lowercased path → the path as on disk, to tell a case mismatch from a missing file.
    folded: HashMap<String, String>,
    /// Page path → its `id`s and `<a name>`s.
    anchors: HashMap<String, HashSet<String>>,
}

/// What a path of the site is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// The file that serves it.
    Found(String),
    /// No file, but one whose path differs only in case.
    CaseMismatch {
        looked_for: String,
        actual: String,
    },
    /// A directory with none of the index files.
    DirectoryWithoutIndex(String),
    Missing(String),
}

impl SiteIndex {
    /// An index of these files (paths relative to the site root).
    pub fn new<I, S>(files: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut index = SiteIndex::default();
        for file in files {
            index.add_file(file.into());
        }
        index
    }

    pub fn add_file(&mut self, path: String) {
        let path = path.trim_start_matches('/').to_owned();
        let mut dir = path.as_str();
        while let Some((parent, _)) = dir.rsplit_once('/') {
            if !self.directories.insert(parent.to_owned()) {
                break;
            }
            self.folded
                .entry(parent.to_lowercase())
                .or_insert_with(|| parent.to_owned());
            dir = parent;
        }
        self.folded
            .entry(path.to_lowercase())
            .or_insert_with(|| path.clone());
        self.files.insert(path);
    }

    /// Records the fragment targets of the page at `path`
    /// ([`Document::fragment_targets`]: every `id`, and every `<a name>`).
    pub fn add_anchors(&mut self, path: &str, document: &Document) {
        self.add_fragment_targets(path, document.fragment_targets());
    }

    /// Records the fragment targets of the page at `path`, as [`PageLinks`] carries them.
    pub fn add_fragment_targets<I, S>(&mut self, path: &str, targets: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.anchors.insert(
            path.trim_start_matches('/').to_owned(),
            targets.into_iter().map(Into::into).collect(),
        );
    }

    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    /// Looks up a decoded, root-relative path (`xxgk/index.html`, `xxgk/`, empty for the root).
    pub fn lookup(&self, path: &str, index_files: &[String]) -> Lookup {
        let wants_directory = path.is_empty() || path.ends_with('/');
        let trimmed = path.trim_matches('/');
        if !wants_directory && self.files.contains(trimmed) {
            return Lookup::Found(trimmed.to_owned());
        }
        let is_directory = trimmed.is_empty() || self.directories.contains(trimmed);
        if is_directory {
            for index in index_files {
                let candidate = join(trimmed, index);
                if self.files.contains(&candidate) {
                    return Lookup::Found(candidate);
                }
            }
        }
        // Case-insensitive: the file itself, or a directory's index.
        let mut candidates = vec![trimmed.to_owned()];
        candidates.extend(index_files.iter().map(|i| join(trimmed, i)));
        for candidate in candidates {
            if let Some(actual) = self.folded.get(&candidate.to_lowercase())
                && self.files.contains(actual)
                && *actual != candidate
            {
                return Lookup::CaseMismatch {
                    looked_for: candidate,
                    actual: actual.clone(),
                };
            }
        }
        if is_directory {
            Lookup::DirectoryWithoutIndex(trimmed.to_owned())
        } else {
            Lookup::Missing(trimmed.to_owned())
        }
    }

    /// The fragment targets of a page, when the page was indexed.
    pub fn anchors(&self, path: &str) -> Option<&HashSet<String>> {
        self.anchors.get(path)
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    }
}

/// The URL a file of the site is served at: `site_url` joined with the path, each segment
/// percent-encoded as needed.
pub fn url_of_path(site_url: &Url, path: &str) -> Url {
    let mut url = site_url.clone();
    url.set_query(None);
    url.set_fragment(None);
    let mut full = url.path().trim_end_matches('/').to_owned();
    for segment in path.trim_start_matches('/').split('/') {
        full.push('/');
        // Encoded here, not by the url crate, so tabs and newlines in names are kept.
        full.extend(utf8_percent_encode(segment, PATH_SEGMENT));
    }
    url.set_path(&full);
    url
}

/// What a file name must escape to be one URL path segment (WHATWG path percent-encode set,
/// plus `%` and `/`, so a name reads back as written).
const PATH_SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'%')
    .add(b'/')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'[')
    .add(b']');

/// The decoded site-relative path of `url`, when it is served from the site on disk (same host
/// as `site_url`, any scheme and port, under its path). Queries do not matter on disk.
pub fn path_of_url(site_url: &Url, url: &Url) -> Option<String> {
    if !matches!(url.scheme(), "http" | "https") || url.host_str() != site_url.host_str() {
        return None;
    }
    let rest = url.path().strip_prefix(site_url.path()).or_else(|| {
        // `https://host/sub` for a site at `https://host/sub/`.
        (format!("{}/", url.path()) == site_url.path()).then_some("")
    })?;
    Some(decode_path(rest))
}

/// Percent-decodes a URL path, keeping byte sequences that are not UTF-8 as written.
fn decode_path(path: &str) -> String {
    match percent_decode_str(path).decode_utf8() {
        Ok(text) => text.into_owned(),
        Err(_) => path.to_owned(),
    }
}

/// Whether a file is an HTML page whose fragments can be checked.
pub fn is_html_path(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    [".html", ".htm", ".xhtml", ".shtml"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// A page of the built site.
pub struct SitePage<'a> {
    /// How findings name the page (`examples/demo-site/index.html`).
    pub report_url: String,
    /// Its path relative to the site root (`index.html`, `xxgk/index.html`).
    pub path: String,
    pub document: &'a Document,
}

/// A stylesheet of the built site.
pub struct SiteStylesheet<'a> {
    pub report_url: String,
    pub path: String,
    pub css: &'a str,
}

/// What an offline run looked at, beside its findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LinkStats {
    pub pages: usize,
    pub stylesheets: usize,
    /// Every occurrence extracted.
    pub links: usize,
    /// Occurrences looked up on disk.
    pub internal: usize,
    /// Occurrences leaving the site (checked only over HTTP).
    pub external: usize,
    /// mailto:, tel:, javascript:, data:, ... (recorded, never reported broken).
    pub not_checked: usize,
    /// Distinct resolved targets.
    pub unique_targets: usize,
}

/// The findings of an offline run and what it looked at.
#[derive(Debug, Clone, Default)]
pub struct OfflineReport {
    pub findings: Vec<Finding>,
    /// Every page and stylesheet checked, as findings name them.
    pub sources: Vec<String>,
    pub stats: LinkStats,
    /// Every external target with each page and line it occurs on, for an HTTP pass.
    pub external: Vec<(Url, Vec<(String, Link)>)>,
}

/// What the link checks need from one page, without its DOM: its references (those that can
/// give a finding with their selector and snippet), its fragment targets, and its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLinks {
    /// How findings name the page (a path as given, or a URL).
    pub report_url: String,
    /// Its path relative to the site root (`xxgk/index.html`), for the offline checks.
    pub path: String,
    /// Every reference, in document order. Those with a `javascript:`, `tel:`, `data:` ...
    /// target (never reported) carry no selector.
    pub links: Vec<Link>,
    /// What a `#fragment` can point to ([`Document::fragment_targets`]).
    pub fragment_targets: Vec<String>,
}

/// Reduces a parsed page to what the link checks need. `page_url` is where the page is (or will
/// be) served; relative references resolve against it and `<base href>` (for
/// [`check_site_observed`]: [`url_of_path`] of the site URL and `path`).
pub fn observe_page(
    report_url: impl Into<String>,
    path: impl Into<String>,
    document: &Document,
    page_url: Option<&Url>,
) -> PageLinks {
    let mut links = extract_unlocated(document, page_url);
    // Selectors cost about half of extraction: only references that can be reported get one.
    for link in &mut links {
        if may_be_reported(link) {
            link.locate(document);
        }
    }
    PageLinks {
        report_url: report_url.into(),
        path: path.into(),
        links,
        fragment_targets: document.fragment_targets(),
    }
}

/// Whether any check can report this reference (`javascript:`, `tel:`, `data:` ... never are).
fn may_be_reported(link: &Link) -> bool {
    link.url()
        .is_none_or(|url| !matches!(scheme_class(url), SchemeClass::NotChecked))
}

/// The per-page link rules (mixed content, malformed `mailto:`) over one page's references.
/// `secure_page`: whether the page is served over HTTPS; `None` when unknown (then an `http:`
/// reference is a review, not a failure).
pub fn check_page_links(page: &PageLinks, secure_page: Option<bool>, out: &mut Collector) {
    rules::check_page(
        &PageContext {
            report_url: &page.report_url,
            secure_page,
            links: &page.links,
        },
        out,
    );
}

/// Checks a built site: every reference of every page and stylesheet, each occurrence reported.
/// `index` must list every file of the site (pages are added to it for fragment checks). The
/// same as [`observe_page`] and [`check_page_links`] for each page, then
/// [`check_site_observed`], with each page's findings together.
pub fn check_site(
    pages: &[SitePage<'_>],
    stylesheets: &[SiteStylesheet<'_>],
    index: SiteIndex,
    options: &OfflineOptions,
) -> OfflineReport {
    let observed: Vec<PageLinks> = pages
        .iter()
        .map(|page| {
            let url = url_of_path(&options.site_url, &page.path);
            observe_page(
                page.report_url.clone(),
                page.path.clone(),
                page.document,
                Some(&url),
            )
        })
        .collect();
    check_observed(&observed, stylesheets, index, options, true)
}

/// The cross-page checks over observations ([`observe_page`]): missing files, letter case,
/// broken fragments, and the list of external targets. The per-page rules are not run for pages
/// (see [`check_page_links`]); stylesheets, which have no page phase, get them here. `index`
/// must list every file of the site (pages are added to it for fragment checks).
pub fn check_site_observed(
    pages: &[PageLinks],
    stylesheets: &[SiteStylesheet<'_>],
    index: SiteIndex,
    options: &OfflineOptions,
) -> OfflineReport {
    check_observed(pages, stylesheets, index, options, false)
}

fn check_observed(
    pages: &[PageLinks],
    stylesheets: &[SiteStylesheet<'_>],
    mut index: SiteIndex,
    options: &OfflineOptions,
    page_rules_for_pages: bool,
) -> OfflineReport {
    for page in pages {
        index.add_file(page.path.clone());
        index.add_fragment_targets(&page.path, page.fragment_targets.iter().map(String::as_str));
    }
    let secure_page = options.page_security();
    let mut report = OfflineReport::default();
    let mut unique: HashSet<String> = HashSet::new();
    let mut external: HashMap<Url, Vec<(String, Link)>> = HashMap::new();
    let mut external_order: Vec<Url> = Vec::new();
    let sheets: Vec<(&String, Vec<Link>)> = stylesheets
        .iter()
        .map(|sheet| {
            let url = url_of_path(&options.site_url, &sheet.path);
            (&sheet.report_url, extract_stylesheet(sheet.css, Some(&url)))
        })
        .collect();
    let sources = pages
        .iter()
        .map(|page| {
            (
                &page.report_url,
                page.links.as_slice(),
                page_rules_for_pages,
            )
        })
        .chain(
            sheets
                .iter()
                .map(|(url, links)| (*url, links.as_slice(), true)),
        );
    for (report_url, links, page_rules) in sources {
        report.sources.push(report_url.clone());
        let mut out = Collector::new(report_url.as_str());
        if page_rules {
            rules::check_page(
                &PageContext {
                    report_url,
                    secure_page,
                    links,
                },
                &mut out,
            );
        }
        for link in links {
            report.stats.links += 1;
            let Ok(target) = &link.target else {
                out.push(rules::broken::report(
                    report_url,
                    link,
                    &BrokenReason {
                        reason: format!(
                            "the URL cannot be parsed ({})",
                            link.target.as_ref().err().map_or("", String::as_str)
                        ),
                        ..BrokenReason::default()
                    },
                ));
                continue;
            };
            unique.insert(target.as_str().to_owned());
            match scheme_class(target) {
                SchemeClass::Web => {}
                SchemeClass::File => {
                    report.stats.internal += 1;
                    out.push(rules::broken::report(report_url, link, &file_url_reason()));
                    continue;
                }
                SchemeClass::Mailto | SchemeClass::NotChecked => {
                    report.stats.not_checked += 1;
                    continue;
                }
            }
            let Some(target_path) = path_of_url(&options.site_url, target) else {
                report.stats.external += 1;
                let mut key = target.clone();
                key.set_fragment(None);
                let entry = external.entry(key.clone()).or_default();
                if entry.is_empty() {
                    external_order.push(key);
                }
                entry.push((report_url.clone(), link.clone()));
                continue;
            };
            report.stats.internal += 1;
            let verdict = check_internal(target, &target_path, &index, options);
            if verdict != Verdict::Ok
                && let Some(finding) = verdict.finding(report_url, link)
            {
                out.push(finding);
            }
        }
        report.findings.extend(out.into_findings());
    }
    report.stats.pages = pages.len();
    report.stats.stylesheets = stylesheets.len();
    report.stats.unique_targets = unique.len();
    report.external = external_order
        .into_iter()
        .filter_map(|url| external.remove(&url).map(|occurrences| (url, occurrences)))
        .collect();
    report
}

/// The verdict on an internal target: the file, its letter case, its fragment.
pub fn check_internal(
    target: &Url,
    target_path: &str,
    index: &SiteIndex,
    options: &OfflineOptions,
) -> Verdict {
    match index.lookup(target_path, &options.index_files) {
        Lookup::Found(file) => {
            let Some(fragment) = target.fragment() else {
                return Verdict::Ok;
            };
            if !options.check_fragments || !is_html_path(&file) {
                return Verdict::Ok;
            }
            let Some(fragment) = checkable_fragment(fragment) else {
                return Verdict::Ok;
            };
            match index.anchors(&file) {
                Some(anchors) if !anchors.contains(&fragment) => {
                    Verdict::BrokenFragment { fragment }
                }
                _ => Verdict::Ok,
            }
        }
        Lookup::CaseMismatch { looked_for, actual } => Verdict::CaseMismatch { looked_for, actual },
        Lookup::DirectoryWithoutIndex(dir) => Verdict::Broken(BrokenReason {
            reason: format!("the directory /{dir} has no index file"),
            file: Some(dir),
            ..BrokenReason::default()
        }),
        Lookup::Missing(file) => Verdict::Broken(BrokenReason {
            reason: format!("the file /{file} does not exist in the site"),
            file: Some(file),
            ..BrokenReason::default()
        }),
    }
}

/// Why a `file:` link is broken: it names a file on the author's computer (typically pasted
/// from a word processor), which no reader can open.
pub fn file_url_reason() -> BrokenReason {
    BrokenReason {
        reason: "a file: URL points at a file on the author's computer, not on the web".to_owned(),
        ..BrokenReason::default()
    }
}

/// The decoded fragment to look up, or `None` when any page satisfies it: empty, `top` (the
/// HTML standard scrolls to the top), or only a text directive (`#:~:text=`).
pub fn checkable_fragment(fragment: &str) -> Option<String> {
    let fragment = match fragment.find(":~:") {
        Some(at) => &fragment[..at],
        None => fragment,
    };
    let decoded = decode_path(fragment);
    if decoded.is_empty() || decoded.eq_ignore_ascii_case("top") {
        None
    } else {
        Some(decoded)
    }
}
