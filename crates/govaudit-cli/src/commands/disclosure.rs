//! `govaudit disclosure`: required-content profile (cn-gov, us-federal, eu-public-sector or a
//! TOML file) over a local site: every item with its state and evidence, freshness per column.

use crate::catalogue::all_rules;
use crate::{Destination, Verdict};
use anyhow::{Context as _, bail};
use govaudit_core::{Report, Severity};
use govaudit_disclosure::{Audit, Options, Profile};
use govaudit_html::Document;
use govaudit_report::{Format, TextStyle};
use govaudit_site::crawl::{CrawlOptions, crawl, is_html};
use govaudit_site::fetch::{FetchOptions, Fetcher};
use govaudit_site::scope::Scope;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use url::Url;

/// Pages fetched at most in a live run: the audit itself reads the homepage, the pages it links
/// to and, behind the disclosure entrance, one level more.
const LIVE_MAX_PAGES: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DisclosureFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct DisclosureArgs {
    /// Built-in profile (cn-gov, us-federal, eu-public-sector) or a profile TOML file.
    #[arg(long, value_name = "PROFILE|FILE.toml")]
    pub profile: String,
    /// The day freshness is measured against (YYYY-MM-DD); default: today (UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = DisclosureFormat::Text)]
    pub format: DisclosureFormat,
    /// Exit 1 when a failing finding has this severity or worse.
    #[arg(long, default_value = "high", value_name = "SEVERITY")]
    pub fail_on: Severity,
    /// For a live site: request options.
    #[command(flatten)]
    pub live: crate::live::LiveArgs,
    /// A directory whose index.html is the homepage, one HTML file, or a live site's URL.
    #[arg(value_name = "PATH|URL")]
    pub path: String,
}

fn load_profile(spec: &str) -> anyhow::Result<Profile> {
    let builtin = govaudit_disclosure::BUILTIN_PROFILES
        .iter()
        .any(|(id, _)| *id == spec);
    if builtin {
        return Ok(Profile::builtin(spec)?);
    }
    let path = Path::new(spec);
    if !path.is_file() {
        bail!(
            "unknown profile {spec:?}: expected cn-gov, us-federal, eu-public-sector or a TOML file"
        );
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {spec}"))?;
    Ok(Profile::from_toml(&text, spec)?)
}

/// Builds the govaudit/1 report with its `profile` and `items` sections.
pub fn report(args: &DisclosureArgs) -> anyhow::Result<(Report, Audit)> {
    let profile = load_profile(&args.profile)?;
    let as_of = match &args.as_of {
        Some(text) => text
            .parse::<govaudit_disclosure::jiff::civil::Date>()
            .with_context(|| format!("--as-of {text:?} is not a date (YYYY-MM-DD)"))?,
        None => govaudit_disclosure::jiff::tz::Offset::UTC
            .to_datetime(govaudit_disclosure::jiff::Timestamp::now())
            .date(),
    };
    let is_url = args.path.starts_with("http://") || args.path.starts_with("https://");
    if args.path.contains("://") && !is_url {
        bail!("{}: only http(s) URLs can be crawled", args.path);
    }
    let path = PathBuf::from(&args.path);
    let (site, notes) = if is_url {
        let start =
            Url::parse(&args.path).with_context(|| format!("{} is not a URL", args.path))?;
        let mut fetch = FetchOptions::default();
        args.live.apply(&mut fetch)?;
        crate::live::runtime()?.block_on(crawl_site(start, fetch))?
    } else {
        (govaudit_disclosure::fs::load_site(&path)?, Vec::new())
    };
    let mut audit = govaudit_disclosure::audit(&profile, &site, &Options::new(as_of))?;
    // Name pages as `check` does: the path given on the command line, then the page's path.
    if is_url {
        // Live pages keep their URLs.
    } else if path.is_dir() {
        let prefix = args.path.trim_end_matches(['/', '\\']).to_owned();
        audit.relabel(|page| format!("{prefix}/{page}"));
    } else {
        let given = args.path.clone();
        audit.relabel(|_| given.clone());
    }
    let mut report = Report::new();
    for (url, message) in notes {
        report.note(url, message);
    }
    for page in &audit.pages {
        let findings = audit
            .findings
            .iter()
            .filter(|f| &f.url == page)
            .cloned()
            .collect();
        report.add_resource(page.clone(), findings);
    }
    report
        .sections
        .insert("profile".into(), audit.profile_section());
    report
        .sections
        .insert("items".into(), audit.items_section());
    report.finish();
    Ok((report, audit))
}

pub fn run(args: &DisclosureArgs) -> anyhow::Result<Verdict> {
    let (report, audit) = report(args)?;
    let destination = Destination::stdout();
    let mut rendered = Vec::new();
    match args.format {
        DisclosureFormat::Json => {
            govaudit_report::render(
                &report,
                &all_rules(),
                Format::Json,
                TextStyle::plain(),
                &mut rendered,
            )?;
        }
        DisclosureFormat::Text => {
            write_items(&audit, &mut rendered)?;
            govaudit_report::render(
                &report,
                &all_rules(),
                Format::Text,
                TextStyle::plain().with_color(destination.color),
                &mut rendered,
            )?;
        }
    }
    destination.write_all(&rendered)?;
    Ok(if report.fails_at(args.fail_on) {
        Verdict::Failing
    } else {
        Verdict::Clean
    })
}

/// Crawls a live site (robots.txt obeyed, same registrable domain, depth 2) into a
/// [`Site`](govaudit_disclosure::Site); failures become report notes.
async fn crawl_site(
    start: Url,
    fetch: FetchOptions,
) -> anyhow::Result<(govaudit_disclosure::Site, Vec<(String, String)>)> {
    let scope =
        Scope::domain_of(&start).with_context(|| format!("{start} has no host to crawl"))?;
    let mut options = CrawlOptions::new(scope);
    options.max_depth = 2;
    options.max_pages = LIVE_MAX_PAGES;
    let fetcher = Arc::new(Fetcher::new(fetch)?);
    let crawled = crawl(fetcher, start.clone(), &options, |page| {
        if !is_html(page) {
            return Vec::new();
        }
        let document = Document::from_resource(page);
        let base = document.base_url().or_else(|| Url::parse(page.url()).ok());
        let Some(base) = base else { return Vec::new() };
        document
            .elements()
            .filter(|e| matches!(e.name(), "a" | "area") && !e.is_in_template())
            .filter_map(|e| e.attr("href"))
            .filter_map(|href| base.join(href.trim()).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .collect()
    })
    .await;
    let mut notes = Vec::new();
    for (url, error) in &crawled.failures {
        notes.push((url.to_string(), format!("not crawled: {error}")));
    }
    for url in &crawled.blocked_by_robots {
        notes.push((
            url.to_string(),
            "not crawled: robots.txt disallows it".to_owned(),
        ));
    }
    let mut site = govaudit_disclosure::Site::new(start.clone());
    for page in crawled.pages.iter().filter(|p| is_html(p)) {
        // Reachable under the URL asked for and the URL it redirected to.
        for url in [page.requested_url.as_str(), page.url()] {
            if let Ok(url) = Url::parse(url) {
                site.insert(url, Document::from_resource(page));
            }
        }
    }
    if site.is_empty() {
        bail!("{start}: no HTML page could be fetched");
    }
    Ok((site, notes))
}

/// Every item with its state and evidence, then the columns with their newest dates.
fn write_items(audit: &Audit, out: &mut Vec<u8>) -> std::io::Result<()> {
    let count = |state: &str| {
        audit
            .items
            .iter()
            .filter(|i| i.state.as_str() == state)
            .count()
    };
    writeln!(
        out,
        "Profile {} ({}), as of {}: {} page(s) from {}",
        audit.profile_id,
        audit.profile_name,
        audit.as_of,
        audit.pages.len(),
        audit.homepage
    )?;
    writeln!(
        out,
        "Items: {} present, {} absent, {} review",
        count("present"),
        count("absent"),
        count("review")
    )?;
    for item in &audit.items {
        writeln!(
            out,
            "  {:<8} {:<28} {:.2}  {}",
            item.state.as_str(),
            item.id,
            item.confidence,
            item.description
        )?;
        for e in item.evidence.iter().take(2) {
            let line = e.line.map(|l| format!(":{l}")).unwrap_or_default();
            let href = e
                .href
                .as_deref()
                .map(|h| format!(" -> {h}"))
                .unwrap_or_default();
            writeln!(
                out,
                "           {}{line} {:?} \"{}\"{href}",
                e.page, e.signal, e.text
            )?;
        }
        for e in item.ignored.iter().take(2) {
            let line = e.line.map(|l| format!(":{l}")).unwrap_or_default();
            writeln!(
                out,
                "           not counted: {}{line} \"{}\"",
                e.page, e.text
            )?;
        }
    }
    if !audit.columns.is_empty() {
        writeln!(out, "Columns (newest dated item):")?;
        for c in &audit.columns {
            let limit = c
                .max_age_days
                .map(|m| format!(", limit {m} days{}", if c.stale { ", STALE" } else { "" }))
                .unwrap_or_default();
            let line = c.line.map(|l| format!(":{l}")).unwrap_or_default();
            writeln!(
                out,
                "  {} {}: {} days old{limit}  ({}{line})",
                c.name, c.newest, c.age_days, c.page
            )?;
        }
    }
    writeln!(out)
}
