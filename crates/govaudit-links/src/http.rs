//! HTTP checks (feature `http`): each distinct URL is checked once and the verdict reported at
//! every occurrence. Requests go through `govaudit-site`'s polite [`Fetcher`] (global and
//! per-host concurrency, per-host interval, manual redirects with loop detection, byte cap,
//! non-public addresses refused). Resources are checked with HEAD, falling back to GET when HEAD
//! is refused; pages (links, frames) with GET, since soft 404s and fragments need the body.
//! Transient failures are retried with backoff; 429 and 503 honour `Retry-After`. Answers that
//! cannot be verified (always 429, 403 to non-browsers, timeouts) are `links/unverifiable`
//! (review), never broken.

use crate::attributes::LinkKind;
use crate::extract::Link;
use crate::offline::checkable_fragment;
use crate::rules::broken::BrokenReason;
use crate::verdict::Verdict;
use govaudit_core::{Finding, Resource};
use govaudit_html::Document;
use govaudit_site::fetch::{FetchError, FetchOptions, Fetched, Fetcher, Method, retry_after};
use regex::Regex;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::task::JoinSet;
use url::Url;

/// How links are checked over HTTP.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub fetch: FetchOptions,
    /// Only URLs matching one of these are checked (all when empty).
    pub include: Vec<Regex>,
    /// URLs matching one of these are not checked.
    pub exclude: Vec<Regex>,
    /// Statuses that count as working besides 2xx (e.g. 403 for a known members-only site).
    pub accept: Vec<u16>,
    /// Extra attempts after a transient failure (timeout, 429, 503, 5xx).
    pub retries: u32,
    /// First wait between attempts; doubled each time.
    pub retry_wait: Duration,
    /// Longest `Retry-After` honoured; a longer one makes the target unverifiable.
    pub max_retry_after: Duration,
    /// Sent once more when a server answers 401/403 to our user agent.
    pub browser_user_agent: String,
    pub check_fragments: bool,
    /// A persistent result cache.
    pub cache: Option<CacheOptions>,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            fetch: FetchOptions::default(),
            include: Vec::new(),
            exclude: Vec::new(),
            accept: Vec::new(),
            retries: 2,
            retry_wait: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(30),
            browser_user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36".to_owned(),
            check_fragments: true,
            cache: None,
        }
    }
}

/// Where results are kept between runs, and for how long they are trusted.
#[derive(Debug, Clone)]
pub struct CacheOptions {
    pub path: PathBuf,
    pub ttl: Duration,
}

/// What went wrong outside any one link.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("cannot read the link cache {path}: {reason}")]
    CacheRead { path: PathBuf, reason: String },
    #[error("cannot write the link cache {path}: {reason}")]
    CacheWrite { path: PathBuf, reason: String },
}

/// The result for one URL (fragment removed).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UrlResult {
    pub verdict: Verdict,
    /// `id`s and `<a name>`s when the target is an HTML page that was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchors: Option<Vec<String>>,
    /// When it was checked, seconds since the Unix epoch.
    pub checked_at: u64,
}

/// What an HTTP pass did.
#[derive(Debug, Default)]
pub struct HttpReport {
    pub findings: Vec<Finding>,
    /// Distinct URLs checked over the network.
    pub checked: usize,
    pub from_cache: usize,
    pub excluded: usize,
    /// Every URL's result, by URL.
    pub results: HashMap<String, UrlResult>,
}

/// The occurrences of one URL: (page that carries it, the link).
pub type Occurrences = Vec<(String, Link)>;

/// Checks each URL once and reports every occurrence. `known` holds responses already fetched
/// (crawled pages), judged without another request.
pub async fn check_targets(
    targets: Vec<(Url, Occurrences)>,
    known: &HashMap<String, Resource>,
    options: &HttpOptions,
    progress: Option<&(dyn Fn(usize, usize) + Sync)>,
) -> Result<HttpReport, HttpError> {
    let fetcher = Arc::new(Fetcher::new(options.fetch.clone())?);
    let mut cache = match &options.cache {
        Some(cache) => load_cache(cache)?,
        None => HashMap::new(),
    };
    let now = unix_now();
    let mut report = HttpReport::default();
    let mut pending: JoinSet<(String, UrlResult)> = JoinSet::new();
    let mut work: Vec<(Url, Occurrences)> = Vec::new();
    for (url, occurrences) in targets {
        if url.scheme() == "file" {
            let result = UrlResult {
                verdict: Verdict::Broken(crate::offline::file_url_reason()),
                anchors: None,
                checked_at: now,
            };
            report.results.insert(url_key(&url), result);
            work.push((url, occurrences));
            continue;
        }
        // mailto:, tel:, javascript:, data: ... are recorded, never fetched nor reported broken.
        if !matches!(url.scheme(), "http" | "https") {
            continue;
        }
        let key = url_key(&url);
        let text = url.as_str();
        if options.exclude.iter().any(|r| r.is_match(text))
            || (!options.include.is_empty() && !options.include.iter().any(|r| r.is_match(text)))
        {
            report.excluded += 1;
            continue;
        }
        let want_body = occurrences.iter().any(|(_, l)| needs_body(l));
        if let Some(resource) = known.get(&key) {
            report
                .results
                .insert(key.clone(), judge_known(resource, options));
        } else if let Some(hit) = cache.get(&key).filter(|hit| {
            let fresh = options
                .cache
                .as_ref()
                .is_some_and(|c| now.saturating_sub(hit.checked_at) < c.ttl.as_secs());
            // A page whose anchors were not kept cannot answer fragment questions.
            fresh && (hit.anchors.is_some() || !wants_fragments(&occurrences))
        }) {
            report.from_cache += 1;
            report.results.insert(key.clone(), hit.clone());
        } else {
            let fetcher = fetcher.clone();
            let options = options.clone();
            let url = url.clone();
            pending.spawn(async move {
                let result = check_url(&fetcher, &url, want_body, &options).await;
                (key, result)
            });
        }
        work.push((url, occurrences));
    }
    let total = pending.len();
    let mut done = 0;
    while let Some(joined) = pending.join_next().await {
        done += 1;
        if let Some(progress) = progress {
            progress(done, total);
        }
        let Ok((key, result)) = joined else { continue };
        report.checked += 1;
        if !matches!(result.verdict, Verdict::Unverifiable { .. }) {
            cache.insert(key.clone(), result.clone());
        }
        report.results.insert(key, result);
    }
    for (url, occurrences) in &work {
        let Some(result) = report.results.get(&url_key(url)) else {
            continue;
        };
        for (page, link) in occurrences {
            let verdict = occurrence_verdict(result, link, options.check_fragments);
            if let Some(finding) = verdict.finding(page, link) {
                report.findings.push(finding);
            }
        }
    }
    if let Some(cache_options) = &options.cache {
        save_cache(cache_options, &cache)?;
    }
    Ok(report)
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The URL without its fragment: what is requested.
pub fn url_key(url: &Url) -> String {
    let mut url = url.clone();
    url.set_fragment(None);
    url.into()
}

fn needs_body(link: &Link) -> bool {
    matches!(link.kind, LinkKind::Navigation)
        || matches!(link.element.as_str(), "iframe" | "frame")
        || link.url().and_then(Url::fragment).is_some()
}

fn wants_fragments(occurrences: &Occurrences) -> bool {
    occurrences.iter().any(|(_, l)| {
        l.url()
            .and_then(Url::fragment)
            .and_then(checkable_fragment)
            .is_some()
    })
}

/// The verdict for one occurrence: the URL's, or a broken fragment on a working HTML page.
fn occurrence_verdict(result: &UrlResult, link: &Link, check_fragments: bool) -> Verdict {
    if check_fragments
        && matches!(result.verdict, Verdict::Ok | Verdict::Redirect { .. })
        && let Some(anchors) = &result.anchors
        && let Some(fragment) = link
            .url()
            .and_then(Url::fragment)
            .and_then(checkable_fragment)
        && !anchors.contains(&fragment)
    {
        return Verdict::BrokenFragment { fragment };
    }
    result.verdict.clone()
}

/// HEAD answers that mean "ask with GET": refused methods and servers that mishandle HEAD.
fn head_refused(status: u16) -> bool {
    status >= 400
}

/// Checks one URL with retries, HEAD→GET fallback and Retry-After.
pub async fn check_url(
    fetcher: &Fetcher,
    url: &Url,
    want_body: bool,
    options: &HttpOptions,
) -> UrlResult {
    let mut attempt = 0u32;
    let mut wait = options.retry_wait;
    let verdict_and_anchors = loop {
        let method = if want_body { Method::Get } else { Method::Head };
        let mut answer = fetcher.fetch(url, method).await;
        if method == Method::Head
            && match &answer {
                Ok(f) => head_refused(f.resource.status.unwrap_or(0)),
                // Some servers drop HEAD requests; a timeout would only be paid twice.
                Err(e) => matches!(e, FetchError::Other(_)),
            }
        {
            answer = fetcher.fetch(url, Method::Get).await;
        }
        let retry_left = attempt < options.retries;
        match answer {
            Err(FetchError::NonPublicAddress { host, address }) => {
                break (
                    Verdict::Unverifiable {
                        reason: format!(
                            "{host} is a non-public address ({address}) and was not requested; pass --allow-private to check it"
                        ),
                        status: None,
                    },
                    None,
                );
            }
            Err(
                error @ (FetchError::RedirectLoop { .. }
                | FetchError::TooManyRedirects { .. }
                | FetchError::BadRedirect { .. }),
            ) => {
                break (
                    Verdict::Broken(BrokenReason {
                        reason: error.to_string(),
                        redirects: error.redirects().to_vec(),
                        ..BrokenReason::default()
                    }),
                    None,
                );
            }
            Err(FetchError::Timeout) if !retry_left => {
                break (
                    Verdict::Unverifiable {
                        reason: format!(
                            "no answer within {} s",
                            options.fetch.timeout.as_secs_f32()
                        ),
                        status: None,
                    },
                    None,
                );
            }
            Err(error) if error.is_transient() && retry_left => {}
            Err(error) => {
                break (
                    Verdict::Broken(BrokenReason {
                        reason: error.to_string(),
                        ..BrokenReason::default()
                    }),
                    None,
                );
            }
            Ok(fetched) => {
                let status = fetched.resource.status.unwrap_or(0);
                if matches!(status, 429 | 503) {
                    let asked = fetched
                        .resource
                        .header("retry-after")
                        .and_then(|v| retry_after(&v, SystemTime::now()));
                    let delay = asked.unwrap_or(wait);
                    if retry_left && delay <= options.max_retry_after {
                        fetcher.pause_host(url, delay);
                        attempt += 1;
                        wait *= 2;
                        continue;
                    }
                    break (
                        Verdict::Unverifiable {
                            reason: format!(
                                "HTTP {status}: the server keeps refusing requests (rate limited)"
                            ),
                            status: Some(status),
                        },
                        None,
                    );
                }
                if matches!(status, 401 | 403 | 999) && !options.accept.contains(&status) {
                    // Firewalls often refuse non-browser clients; ask once as a browser.
                    let retry = fetcher
                        .fetch_as(url, Method::Get, Some(&options.browser_user_agent))
                        .await;
                    if let Ok(retry) = retry
                        && is_success(retry.resource.status.unwrap_or(0), options)
                    {
                        break judge(&retry, url, options);
                    }
                    break (
                        Verdict::Unverifiable {
                            reason: format!(
                                "HTTP {status}: access refused to an automated client; it may work in a browser"
                            ),
                            status: Some(status),
                        },
                        None,
                    );
                }
                if status >= 500 && retry_left {
                    attempt += 1;
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                    continue;
                }
                break judge(&fetched, url, options);
            }
        }
        attempt += 1;
        tokio::time::sleep(wait).await;
        wait *= 2;
    };
    UrlResult {
        verdict: verdict_and_anchors.0,
        anchors: verdict_and_anchors.1,
        checked_at: unix_now(),
    }
}

fn is_success(status: u16, options: &HttpOptions) -> bool {
    (200..300).contains(&status) || options.accept.contains(&status)
}

fn judge_known(resource: &Resource, options: &HttpOptions) -> UrlResult {
    let url = Url::parse(&resource.requested_url).ok();
    let fetched = Fetched {
        resource: resource.clone(),
        truncated: false,
    };
    let (verdict, anchors) = match &url {
        Some(url) => judge(&fetched, url, options),
        None => (Verdict::Ok, None),
    };
    UrlResult {
        verdict,
        anchors,
        checked_at: unix_now(),
    }
}

/// The verdict on a final response: status, soft 404, permanent redirect; anchors of pages.
fn judge(fetched: &Fetched, url: &Url, options: &HttpOptions) -> (Verdict, Option<Vec<String>>) {
    let resource = &fetched.resource;
    let status = resource.status.unwrap_or(0);
    let final_url = resource.url().to_owned();
    if !is_success(status, options) {
        return (
            Verdict::Broken(BrokenReason {
                reason: format!("HTTP {status}"),
                status: Some(status),
                final_url: (!resource.redirects.is_empty()).then(|| final_url.clone()),
                redirects: resource.redirects.clone(),
                file: None,
            }),
            None,
        );
    }
    let is_html = resource.content_type().is_some_and(|ct| {
        let ct = ct.to_ascii_lowercase();
        ct.starts_with("text/html") || ct.starts_with("application/xhtml")
    });
    let mut anchors = None;
    if is_html && !resource.body.is_empty() {
        let document = Document::from_resource(resource);
        if let Some(reason) = soft_404_reason(&document) {
            return (Verdict::Soft404 { reason, final_url }, None);
        }
        let mut names: Vec<String> = document
            .ids()
            .filter(|(id, _)| document.element_by_id(id).is_some())
            .map(|(id, _)| id.to_owned())
            .collect();
        names.extend(
            document
                .elements_named("a")
                .filter_map(|a| a.attr("name"))
                .map(str::to_owned),
        );
        // A truncated page may lack the anchor: do not judge its fragments.
        anchors = (!fetched.truncated).then_some(names);
    }
    if !resource.redirects.is_empty()
        && let Ok(end) = Url::parse(&final_url)
        && is_homepage(&end)
        && !is_homepage(url)
        && end.host_str() == url.host_str()
    {
        return (
            Verdict::Soft404 {
                reason: "it redirects to the site's homepage".to_owned(),
                final_url,
            },
            None,
        );
    }
    if resource
        .redirects
        .first()
        .is_some_and(|r| matches!(r.status, 301 | 308))
    {
        return (
            Verdict::Redirect {
                final_url,
                redirects: resource.redirects.clone(),
            },
            anchors,
        );
    }
    (Verdict::Ok, anchors)
}

fn is_homepage(url: &Url) -> bool {
    matches!(
        url.path().to_ascii_lowercase().as_str(),
        "/" | ""
            | "/index.html"
            | "/index.htm"
            | "/index.shtml"
            | "/index.jsp"
            | "/index.php"
            | "/default.htm"
            | "/default.aspx"
    )
}

/// Phrases error pages use, in the languages of the sites we check.
const NOT_FOUND_PHRASES: &[&str] = &[
    "页面不存在",
    "页面未找到",
    "找不到页面",
    "找不到该页面",
    "您访问的页面不存在",
    "网页不存在",
    "页面已删除",
    "無法找到",
    "page not found",
    "page cannot be found",
    "page could not be found",
    "does not exist",
    "no longer available",
];

/// Words that, next to a 404, make a title an error title.
const ERROR_WORDS: &[&str] = &["not found", "error", "错误", "不存在", "未找到", "找不到"];

/// "404", "404 Not Found", "错误 404": but not "Page 404" or "第404期", where 404 is a number.
fn title_says_404(title: &str) -> bool {
    let title = title.trim();
    if !title.contains("404") {
        return false;
    }
    title == "404"
        || title.starts_with("404 ")
        || title.starts_with("404-")
        || title.starts_with("404:")
        || ERROR_WORDS.iter().any(|w| title.contains(w))
}

/// Why a 200 page looks like an error page: its title says so (a phrase, or 404), or its short
/// text does.
pub fn soft_404_reason(document: &Document) -> Option<String> {
    let title = document.title().unwrap_or_default();
    let title_lower = title.to_lowercase();
    if title_says_404(&title_lower) || NOT_FOUND_PHRASES.iter().any(|p| title_lower.contains(p)) {
        return Some(format!("its title is “{title}”"));
    }
    let text = document
        .elements_named("body")
        .next()
        .map(|b| b.normalized_text())
        .unwrap_or_default();
    // Long pages that mention "not found" are articles, not error pages.
    if text.chars().count() <= 600 {
        let lower = text.to_lowercase();
        if let Some(phrase) = NOT_FOUND_PHRASES.iter().find(|p| lower.contains(*p)) {
            return Some(format!("its text says “{phrase}”"));
        }
    }
    None
}

fn load_cache(options: &CacheOptions) -> Result<HashMap<String, UrlResult>, HttpError> {
    match std::fs::read(&options.path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| HttpError::CacheRead {
            path: options.path.clone(),
            reason: e.to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(HashMap::new()),
        Err(e) => Err(HttpError::CacheRead {
            path: options.path.clone(),
            reason: e.to_string(),
        }),
    }
}

fn save_cache(options: &CacheOptions, cache: &HashMap<String, UrlResult>) -> Result<(), HttpError> {
    let now = unix_now();
    let fresh: HashMap<&String, &UrlResult> = cache
        .iter()
        .filter(|(_, r)| now.saturating_sub(r.checked_at) < options.ttl.as_secs())
        .collect();
    let json = serde_json::to_vec(&fresh).map_err(|e| HttpError::CacheWrite {
        path: options.path.clone(),
        reason: e.to_string(),
    })?;
    // Write then rename, so an interrupted run never leaves half a cache.
    let temporary = options.path.with_extension("tmp");
    std::fs::write(&temporary, json)
        .and_then(|()| std::fs::rename(&temporary, &options.path))
        .map_err(|e| HttpError::CacheWrite {
            path: options.path.clone(),
            reason: e.to_string(),
        })
}

/// Checks the links of fetched pages (a crawl's): page rules (mixed content, `mailto:`), then
/// every distinct target over HTTP, pages already fetched judged without another request.
/// Stylesheets the pages load from within `scope` are fetched too and their `url()` and
/// `@import` references checked, named by the stylesheet's URL. Pages are named by the URL
/// they were requested at.
pub async fn check_pages(
    pages: &[Resource],
    scope: &govaudit_site::Scope,
    options: &HttpOptions,
    progress: Option<&(dyn Fn(usize, usize) + Sync)>,
) -> Result<HttpReport, HttpError> {
    let mut findings = Vec::new();
    let mut grouped: HashMap<String, (Url, Occurrences)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut known: HashMap<String, Resource> = HashMap::new();
    let mut add =
        |report_url: &str, links: Vec<Link>, grouped: &mut HashMap<String, (Url, Occurrences)>| {
            for link in links {
                let Some(target) = link.url() else { continue };
                let key = url_key(target);
                let entry = grouped.entry(key.clone()).or_insert_with(|| {
                    order.push(key.clone());
                    let mut url = target.clone();
                    url.set_fragment(None);
                    (url, Vec::new())
                });
                entry.1.push((report_url.to_owned(), link));
            }
        };
    let mut stylesheets: Vec<Url> = Vec::new();
    for page in pages {
        known.insert(page.requested_url.clone(), page.clone());
        let Ok(page_url) = Url::parse(page.url()) else {
            continue;
        };
        if page.status.is_some_and(|s| s >= 400) {
            continue;
        }
        let document = Document::from_resource(page);
        let links = crate::extract(&document, Some(&page_url));
        let mut out = govaudit_core::Collector::new(page.requested_url.clone());
        crate::check_page(
            &crate::PageContext {
                report_url: &page.requested_url,
                secure_page: page_url.scheme() == "https",
                links: &links,
            },
            &mut out,
        );
        findings.extend(out.into_findings());
        for link in &links {
            if is_stylesheet(link)
                && let Some(url) = link.url()
                && scope.contains(url)
                && !stylesheets.contains(&without_fragment(url))
            {
                stylesheets.push(without_fragment(url));
            }
        }
        add(&page.requested_url, links, &mut grouped);
    }
    // Stylesheets: fetched once each (and then judged from that answer), references checked.
    let fetcher = Arc::new(Fetcher::new(options.fetch.clone())?);
    let mut fetching: JoinSet<(Url, Result<Fetched, FetchError>)> = JoinSet::new();
    for url in stylesheets {
        let fetcher = fetcher.clone();
        fetching.spawn(async move {
            let answer = fetcher.fetch(&url, Method::Get).await;
            (url, answer)
        });
    }
    while let Some(joined) = fetching.join_next().await {
        let Ok((url, Ok(fetched))) = joined else {
            continue;
        };
        let sheet = fetched.resource;
        let is_css = sheet
            .content_type()
            .is_some_and(|ct| ct.to_ascii_lowercase().starts_with("text/css"));
        if is_css && sheet.status.is_some_and(|s| (200..300).contains(&s)) {
            let css = String::from_utf8_lossy(&sheet.body).into_owned();
            let base = Url::parse(sheet.url()).unwrap_or(url.clone());
            add(
                url.as_str(),
                crate::extract_stylesheet(&css, Some(&base)),
                &mut grouped,
            );
        }
        known.insert(url.to_string(), sheet);
    }
    let targets: Vec<(Url, Occurrences)> = order
        .into_iter()
        .filter_map(|k| grouped.remove(&k))
        .collect();
    let mut report = check_targets(targets, &known, options, progress).await?;
    findings.append(&mut report.findings);
    report.findings = findings;
    Ok(report)
}

fn without_fragment(url: &Url) -> Url {
    let mut url = url.clone();
    url.set_fragment(None);
    url
}

fn is_stylesheet(link: &Link) -> bool {
    link.kind == LinkKind::ActiveResource
        && matches!(link.element.as_str(), "link" | "@import" | "style")
}

#[cfg(test)]
mod tests {
    use super::title_says_404;

    #[test]
    fn titles_with_404() {
        for error in [
            "404",
            "404 not found",
            "404 - 页面不存在",
            "错误 404",
            "error 404 | city",
        ] {
            assert!(title_says_404(error), "{error}");
        }
        for page in [
            "page 404",
            "第404期 政务简报",
            "2404 号文件",
            "关于404路公交线路调整的通知",
        ] {
            assert!(!title_says_404(page), "{page}");
        }
    }
}
