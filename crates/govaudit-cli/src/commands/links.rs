//! `govaudit links`: a directory is checked offline (files, letter case, fragments, mixed
//! content, mailto); a URL is crawled within scope through govaudit-site and every internal and
//! external link of every page is checked over HTTP. Every occurrence is reported.

use crate::Verdict;
use anyhow::{Context as _, bail};
use govaudit_core::{Report, Severity};
use govaudit_html::Document;
use govaudit_links::http::{
    CacheOptions, HttpOptions, HttpReport, Occurrences, check_crawled_pages, check_targets,
    judge_fetch_error, judge_response, url_key,
};
use govaudit_links::{
    LinkKind, OfflineOptions, Scope, check_directory, check_page_links, extract, observe_page,
};
use govaudit_report::Format;
use govaudit_site::crawl::{CrawlOptions, crawl};
use govaudit_site::fetch::Fetcher;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LinksFormat {
    Text,
    Json,
    Jsonl,
    Sarif,
}

impl LinksFormat {
    fn report_format(self) -> Format {
        match self {
            LinksFormat::Text => Format::Text,
            LinksFormat::Json => Format::Json,
            LinksFormat::Jsonl => Format::Jsonl,
            LinksFormat::Sarif => Format::Sarif,
        }
    }
}

/// What counts as the site when crawling a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScopeKind {
    /// The start URL's host.
    Host,
    /// Every host under the start URL's registrable domain.
    Domain,
    /// URLs under the start URL's directory.
    Prefix,
}

#[derive(Debug, clap::Args)]
pub struct LinksArgs {
    #[arg(long, value_enum, default_value_t = LinksFormat::Text)]
    pub format: LinksFormat,
    /// Exit 1 when a failing finding has this severity or worse.
    #[arg(long, default_value = "high", value_name = "SEVERITY")]
    pub fail_on: Severity,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 32, value_name = "N")]
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub per_host: usize,
    /// Requests per second to one host.
    #[arg(long, default_value_t = 10.0, value_name = "R")]
    pub rate: f64,
    /// Do not check URLs matching this regular expression (repeatable).
    #[arg(long, value_name = "REGEX")]
    pub exclude: Vec<String>,
    /// Check only URLs matching this regular expression (repeatable).
    #[arg(long, value_name = "REGEX")]
    pub include: Vec<String>,
    /// Keep results in this JSON file between runs.
    #[arg(long, value_name = "FILE")]
    pub cache: Option<PathBuf>,
    /// Seconds a cached result is trusted.
    #[arg(long, default_value_t = 86_400, value_name = "S")]
    pub cache_ttl: u64,
    /// Statuses that count as working besides 2xx (comma-separated, e.g. 403,999).
    #[arg(long, value_delimiter = ',', value_name = "STATUS")]
    pub accept: Vec<u16>,
    #[command(flatten)]
    pub live: crate::live::LiveArgs,
    #[command(flatten)]
    pub reviews: crate::output::ReviewListing,
    /// Offline: the directory root-relative links (`/css/a.css`) resolve against; default DIR.
    #[arg(long, value_name = "DIR")]
    pub site_root: Option<PathBuf>,
    /// Offline: where the site is served (`https://www.example.gov.cn/`); absolute links to its
    /// host are looked up on disk.
    #[arg(long, value_name = "URL")]
    pub site_url: Option<Url>,
    /// Offline: also check the external links over HTTP.
    #[arg(long)]
    pub check_external: bool,
    /// Crawl: what counts as the site.
    #[arg(long, value_enum, default_value_t = ScopeKind::Host)]
    pub scope: ScopeKind,
    /// Crawl: most pages fetched.
    #[arg(long, default_value_t = 500, value_name = "N")]
    pub max_pages: usize,
    /// Crawl: ignore robots.txt (only for your own site).
    #[arg(long)]
    pub ignore_robots: bool,
    /// A directory (checked offline) or an http(s) URL (crawled).
    #[arg(value_name = "DIR|URL")]
    pub target: String,
}

pub fn run(args: &LinksArgs) -> anyhow::Result<Verdict> {
    let report = report(args)?;
    crate::output::emit_report(
        &report,
        args.format.report_format(),
        args.fail_on,
        args.reviews,
    )
}

/// Builds the report (no output).
pub fn report(args: &LinksArgs) -> anyhow::Result<Report> {
    if args.target.starts_with("http://") || args.target.starts_with("https://") {
        let start =
            Url::parse(&args.target).with_context(|| format!("{} is not a URL", args.target))?;
        crate::live::runtime()?.block_on(crawl_and_check(args, start))
    } else {
        check_dir(args)
    }
}

fn http_options(args: &LinksArgs) -> anyhow::Result<HttpOptions> {
    let compile = |patterns: &[String]| -> anyhow::Result<Vec<Regex>> {
        patterns
            .iter()
            .map(|p| Regex::new(p).with_context(|| format!("invalid regular expression {p:?}")))
            .collect()
    };
    if !(args.rate > 0.0 && args.rate.is_finite()) {
        bail!("--rate must be a positive number of requests per second");
    }
    let mut options = HttpOptions {
        include: compile(&args.include)?,
        exclude: compile(&args.exclude)?,
        cache: args.cache.as_ref().map(|path| CacheOptions {
            path: path.clone(),
            ttl: Duration::from_secs(args.cache_ttl),
        }),
        ..HttpOptions::default()
    };
    options.accept = args.accept.clone();
    args.live.apply(&mut options.fetch)?;
    options.fetch.concurrency = args.concurrency.max(1);
    options.fetch.per_host_concurrency = args.per_host.max(1);
    options.fetch.per_host_interval = Duration::from_secs_f64(1.0 / args.rate);
    Ok(options)
}

fn check_dir(args: &LinksArgs) -> anyhow::Result<Report> {
    let dir = PathBuf::from(&args.target);
    if !dir.is_dir() {
        bail!(
            "{}: not a directory (give a directory or an http(s) URL)",
            args.target
        );
    }
    let root = args.site_root.clone().unwrap_or_else(|| dir.clone());
    let mut options = OfflineOptions::default();
    if let Some(site_url) = &args.site_url {
        options.site_url = site_url.clone();
    }
    let offline = check_directory(&root, &options)
        .with_context(|| format!("cannot read the site in {}", root.display()))?;
    // Pages outside DIR (when --site-root is wider) are indexed, not reported.
    let within = |url: &str| std::path::Path::new(url).starts_with(&dir);
    let mut report = Report::new();
    for source in offline.sources.iter().filter(|s| within(s)) {
        report.resources.push(source.clone());
    }
    report
        .findings
        .extend(offline.findings.into_iter().filter(|f| within(&f.url)));
    let mut section = serde_json::json!({ "mode": "offline", "stats": offline.stats });
    if args.check_external {
        let targets: Vec<(Url, Occurrences)> = offline
            .external
            .into_iter()
            .map(|(url, occurrences)| {
                (
                    url,
                    occurrences
                        .into_iter()
                        .filter(|(page, _)| within(page))
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, occurrences)| !occurrences.is_empty())
            .collect();
        let options = http_options(args)?;
        let fetcher = Arc::new(Fetcher::new(options.fetch.clone())?);
        let progress = Progress::new();
        let tick = |done, total| progress.tick(done, total);
        let http = crate::live::runtime()?.block_on(check_targets(
            &fetcher,
            targets,
            &HashMap::new(),
            &options,
            Some(&tick),
        ));
        progress.finish();
        let http = http?;
        if let Some(note) = http.not_checked_note() {
            report.note("", note);
        }
        section["http"] = http_section(&http);
        report.findings.extend(http.findings);
    }
    report.sections.insert("links".into(), section);
    report.finish();
    Ok(report)
}

fn http_section(http: &HttpReport) -> serde_json::Value {
    serde_json::json!({
        "checked": http.checked,
        "from_cache": http.from_cache,
        "excluded": http.excluded,
        "robots_disallowed": http.robots_disallowed,
        "not_checked": http.not_checked,
    })
}

/// A progress bar on stderr, only when stderr is a terminal.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new() -> Progress {
        Progress(std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} checking links {pos}/{len} {elapsed}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        }))
    }

    fn tick(&self, done: usize, total: usize) {
        if let Some(bar) = &self.0 {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }

    fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}

async fn crawl_and_check(args: &LinksArgs, start: Url) -> anyhow::Result<Report> {
    let mut options = http_options(args)?;
    let scope = match args.scope {
        ScopeKind::Host => Scope::host_of(&start),
        ScopeKind::Domain => Scope::domain_of(&start),
        ScopeKind::Prefix => start.join("./").ok().map(Scope::Prefix),
    }
    .with_context(|| format!("{start} has no host to crawl"))?;
    let mut crawl_options = CrawlOptions::new(scope);
    crawl_options.max_pages = args.max_pages;
    crawl_options.obey_robots = !args.ignore_robots;
    let fetcher = Arc::new(Fetcher::new(options.fetch.clone())?);
    let spinner = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_message(format!("crawling {start}"));
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    });
    let crawled = crawl(fetcher.clone(), start, &crawl_options, |page| {
        let document = Document::from_resource(page);
        let url = Url::parse(page.url()).ok();
        extract(&document, url.as_ref())
            .into_iter()
            .filter(|l| {
                l.kind == LinkKind::Navigation || matches!(l.element.as_str(), "iframe" | "frame")
            })
            .filter_map(|l| l.target.ok())
            .collect()
    })
    .await;
    if let Some(spinner) = spinner {
        spinner.finish_and_clear();
    }
    let mut report = Report::new();
    for (url, error) in &crawled.failures {
        report.note(url.to_string(), format!("not crawled: {error}"));
    }
    for url in &crawled.blocked_by_robots {
        report.note(url.to_string(), "not crawled: robots.txt disallows it");
    }
    if let Some(stop) = crawled.stopped {
        report.note("", format!("the crawl stopped early: {stop:?}"));
    }
    for page in &crawled.pages {
        report.resources.push(page.requested_url.clone());
    }
    // What the crawl fetched is judged from its answers: each URL is requested once per run.
    let mut known = HashMap::new();
    for (url, error) in &crawled.failures {
        known.insert(url_key(url), judge_fetch_error(error, fetcher.options()));
    }
    let blocked: HashSet<String> = crawled.blocked_by_robots.iter().map(url_key).collect();
    if !blocked.is_empty() {
        options.robots = Some(Arc::new(move |url: &Url| !blocked.contains(&url_key(url))));
    }
    let mut observed = Vec::new();
    for page in &crawled.pages {
        let page_url = Url::parse(page.url()).ok();
        let readable = page_url.is_some() && page.status.is_none_or(|s| s < 400);
        if !readable {
            known.insert(
                page.requested_url.clone(),
                judge_response(page, None, false, &options),
            );
            continue;
        }
        let document = Document::from_resource(page);
        known.insert(
            page.requested_url.clone(),
            judge_response(page, Some(&document), false, &options),
        );
        let observation = observe_page(
            page.requested_url.clone(),
            page_url.as_ref().map_or("", Url::path),
            &document,
            page_url.as_ref(),
        );
        let mut out = govaudit_core::Collector::new(page.requested_url.clone());
        let secure = page_url.as_ref().map(|u| u.scheme() == "https");
        check_page_links(&observation, secure, &mut out);
        report.findings.extend(out.into_findings());
        observed.push(observation);
    }
    let progress = Progress::new();
    let tick = |done, total| progress.tick(done, total);
    let http = check_crawled_pages(
        &fetcher,
        &observed,
        &known,
        &crawl_options.scope,
        &options,
        Some(&tick),
    )
    .await;
    progress.finish();
    let http = http?;
    if let Some(note) = http.not_checked_note() {
        report.note("", note);
    }
    report.sections.insert(
        "links".into(),
        serde_json::json!({
            "mode": "crawl",
            "pages": crawled.pages.len(),
            "http": http_section(&http),
        }),
    );
    report.findings.extend(http.findings);
    report.finish();
    Ok(report)
}
