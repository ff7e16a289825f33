//! HTTP checks (feature `http`): each distinct URL is requested once per run and the verdict
//! reported at every occurrence. Requests go through the run's [`Fetcher`] from `govaudit-site`
//! (global and per-host concurrency, per-host interval, manual redirects with loop detection,
//! byte cap, non-public addresses refused). Resources are checked with HEAD, falling back to GET
//! when HEAD is refused; pages (links, frames) with GET, since soft 404s and fragments need the
//! body. Responses the caller already has (crawled pages) are judged without a request
//! ([`judge_response`]). Transient answers are retried with backoff (a timeout at most once);
//! 429 and 503 honour `Retry-After`. Answers that cannot be verified (always 429, 403 to
//! non-browsers, timeouts, robots.txt disallowing) are `links/unverifiable` (review), never
//! broken. A run is bounded: URLs are checked through a stream of at most `concurrency` at once,
//! and [`HttpOptions::max_links`] and [`HttpOptions::deadline`] stop it with a count of what was
//! left unchecked.

use crate::attributes::LinkKind;
use crate::extract::Link;
use crate::offline::{PageLinks, checkable_fragment};
use crate::rules::broken::BrokenReason;
use crate::verdict::Verdict;
use futures_util::stream::{self, StreamExt};
use govaudit_core::{Finding, Resource};
use govaudit_html::Document;
use govaudit_site::fetch::{FetchError, FetchOptions, Fetcher, Method, retry_after};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use url::Url;

/// Whether robots.txt lets the run fetch a URL (answered by the caller, e.g. from a crawl's
/// robots.txt cache).
pub type RobotsCheck = Arc<dyn Fn(&Url) -> bool + Send + Sync>;

/// Distinct URLs requested per run by default.
pub const DEFAULT_MAX_LINKS: usize = 50_000;

/// How links are checked over HTTP.
#[derive(Clone)]
pub struct HttpOptions {
    /// How the caller builds the run's [`Fetcher`] (the checks use the fetcher they are given).
    pub fetch: FetchOptions,
    /// Only URLs matching one of these are checked (all when empty).
    pub include: Vec<Regex>,
    /// URLs matching one of these are not checked.
    pub exclude: Vec<Regex>,
    /// Statuses that count as working besides 2xx (e.g. 403 for a known members-only site).
    pub accept: Vec<u16>,
    /// Extra attempts after a transient answer (429, 503, 5xx, a dropped connection). A timeout
    /// is retried once at most, whatever this says: a dead server would cost a timeout each.
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
    /// Distinct URLs requested per run at most (`None`: no limit); past it the remaining URLs
    /// are not requested ([`HttpReport::not_checked`]). Hostile pages carry a million links.
    pub max_links: Option<usize>,
    /// No request is started (nor retried) after this instant; the remaining URLs are not
    /// checked ([`HttpReport::not_checked`]).
    pub deadline: Option<Instant>,
    /// Whether robots.txt allows a URL; a disallowed URL is not requested and is unverifiable.
    /// `None`: every URL may be requested.
    pub robots: Option<RobotsCheck>,
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
            max_links: Some(DEFAULT_MAX_LINKS),
            deadline: None,
            robots: None,
        }
    }
}

impl std::fmt::Debug for HttpOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpOptions")
            .field("fetch", &self.fetch)
            .field("include", &self.include)
            .field("exclude", &self.exclude)
            .field("accept", &self.accept)
            .field("retries", &self.retries)
            .field("retry_wait", &self.retry_wait)
            .field("max_retry_after", &self.max_retry_after)
            .field("browser_user_agent", &self.browser_user_agent)
            .field("check_fragments", &self.check_fragments)
            .field("cache", &self.cache)
            .field("max_links", &self.max_links)
            .field("deadline", &self.deadline)
            .field(
                "robots",
                &self.robots.as_ref().map(|_| "a robots.txt check"),
            )
            .finish()
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
    /// Where a link target requested by the checks landed and what it showed, when it is a
    /// working HTML page (not kept for crawled pages, which are the site's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landing: Option<Landing>,
}

/// The page a link target lands on: its final URL after redirects, its `<title>` and the start
/// of its text, read from the response the check already has (no second request). Content
/// checks read it to tell a link whose domain became a parking or spam page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Landing {
    pub final_url: String,
    /// The first `<title>`, whitespace collapsed, at most [`LANDING_TEXT_CHARS`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The start of the body's text, whitespace collapsed, at most [`LANDING_TEXT_CHARS`]
    /// characters.
    #[serde(default)]
    pub lead_text: String,
}

/// How much of a landing page's title and text is kept (a hostile page's title can be
/// megabytes).
pub const LANDING_TEXT_CHARS: usize = 300;

impl Landing {
    /// What `document` (the final response of `resource`) shows.
    pub fn of(resource: &Resource, document: &Document) -> Landing {
        let clip = |text: String| text.chars().take(LANDING_TEXT_CHARS).collect::<String>();
        let lead_text = document
            .elements_named("body")
            .next()
            .map(|body| clip(body.normalized_text()))
            .unwrap_or_default();
        Landing {
            final_url: resource.url().to_owned(),
            title: document.title().map(clip),
            lead_text,
        }
    }
}

/// Why URLs were left unchecked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotCheckedReason {
    /// [`HttpOptions::max_links`] distinct URLs were requested.
    LinkLimit(usize),
    /// [`HttpOptions::deadline`] passed.
    Deadline,
}

impl std::fmt::Display for NotCheckedReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotCheckedReason::LinkLimit(limit) => {
                write!(f, "the limit of {limit} distinct URLs per run was reached")
            }
            NotCheckedReason::Deadline => write!(f, "the time allowed for link checks ran out"),
        }
    }
}

/// What an HTTP pass did.
#[derive(Debug, Default)]
pub struct HttpReport {
    pub findings: Vec<Finding>,
    /// Distinct URLs checked over the network.
    pub checked: usize,
    pub from_cache: usize,
    pub excluded: usize,
    /// Distinct URLs robots.txt disallows: not requested, reported unverifiable.
    pub robots_disallowed: usize,
    /// Distinct URLs not requested because a limit was reached; their occurrences give no
    /// finding. Every finding about the URLs checked before is kept.
    pub not_checked: usize,
    /// Why `not_checked` URLs were left (the first limit reached).
    pub not_checked_reason: Option<NotCheckedReason>,
    /// Every URL's result, by URL.
    pub results: HashMap<String, UrlResult>,
}

impl HttpReport {
    /// A sentence for the reader when URLs were left unchecked.
    pub fn not_checked_note(&self) -> Option<String> {
        let reason = self.not_checked_reason?;
        Some(format!(
            "{} link target(s) were not checked: {reason}",
            self.not_checked
        ))
    }
}

/// The occurrences of one URL: (page that carries it, the link).
pub type Occurrences = Vec<(String, Link)>;

/// Requests a run may still start: [`HttpOptions::max_links`] and [`HttpOptions::deadline`].
struct Budget {
    max_links: Option<usize>,
    deadline: Option<Instant>,
    started: usize,
    refused: usize,
    reason: Option<NotCheckedReason>,
}

impl Budget {
    fn new(options: &HttpOptions) -> Budget {
        Budget {
            max_links: options.max_links,
            deadline: options.deadline,
            started: 0,
            refused: 0,
            reason: None,
        }
    }

    /// Whether one more URL may be requested (then counted as started); `Err` with the reason
    /// when a limit is reached. Once refused, every later URL is refused too.
    fn admit(&mut self) -> Result<(), NotCheckedReason> {
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(NotCheckedReason::Deadline);
        }
        if let Some(max) = self.max_links.filter(|&max| self.started >= max) {
            return Err(NotCheckedReason::LinkLimit(max));
        }
        self.started += 1;
        Ok(())
    }

    /// The link limit, when `queued` more URLs would reach it.
    fn full_with(&self, queued: usize) -> Option<NotCheckedReason> {
        self.max_links
            .filter(|&max| self.started.saturating_add(queued) >= max)
            .map(NotCheckedReason::LinkLimit)
    }

    /// Counts a URL not checked.
    fn refuse(&mut self, reason: NotCheckedReason) {
        self.refused += 1;
        self.reason.get_or_insert(reason);
    }

    /// [`Budget::admit`], counting a refusal as a URL not checked.
    fn take(&mut self) -> bool {
        match self.admit() {
            Ok(()) => true,
            Err(reason) => {
                self.refuse(reason);
                false
            }
        }
    }
}

/// Whether the include and exclude patterns leave `url` out.
fn is_excluded(options: &HttpOptions, url: &Url) -> bool {
    let text = url.as_str();
    options.exclude.iter().any(|r| r.is_match(text))
        || (!options.include.is_empty() && !options.include.iter().any(|r| r.is_match(text)))
}

/// The verdict for a URL robots.txt disallows.
fn robots_disallowed() -> UrlResult {
    UrlResult {
        verdict: Verdict::Unverifiable {
            reason: "robots.txt disallows it".to_owned(),
            status: None,
        },
        anchors: None,
        checked_at: unix_now(),
        landing: None,
    }
}

fn robots_allow(options: &HttpOptions, url: &Url) -> bool {
    options.robots.as_ref().is_none_or(|allows| allows(url))
}

/// How many checks run at once: the fetcher's global concurrency (it also holds a permit per
/// request; this bounds the tasks and their memory, not only the sockets).
fn parallel(fetcher: &Fetcher) -> usize {
    fetcher.options().concurrency.max(1)
}

/// Checks each URL once with the run's `fetcher` and reports every occurrence. `known` holds
/// results already judged from responses the run fetched (crawled pages, see
/// [`judge_response`] and [`judge_fetch_error`]): those URLs are not requested again.
pub async fn check_targets(
    fetcher: &Arc<Fetcher>,
    targets: Vec<(Url, Occurrences)>,
    known: &HashMap<String, UrlResult>,
    options: &HttpOptions,
    progress: Option<&(dyn Fn(usize, usize) + Sync)>,
) -> Result<HttpReport, HttpError> {
    let mut budget = Budget::new(options);
    check_targets_within(
        fetcher,
        targets,
        &[known],
        &mut budget,
        HttpReport::default(),
        options,
        progress,
    )
    .await
}

async fn check_targets_within(
    fetcher: &Arc<Fetcher>,
    targets: Vec<(Url, Occurrences)>,
    known: &[&HashMap<String, UrlResult>],
    budget: &mut Budget,
    mut report: HttpReport,
    options: &HttpOptions,
    progress: Option<&(dyn Fn(usize, usize) + Sync)>,
) -> Result<HttpReport, HttpError> {
    let mut cache = match &options.cache {
        Some(cache) => load_cache(cache)?,
        None => HashMap::new(),
    };
    let now = unix_now();
    let mut to_request: Vec<(String, Url, bool)> = Vec::new();
    let mut queued: HashSet<String> = HashSet::new();
    let mut work: Vec<(Url, Occurrences)> = Vec::new();
    for (url, occurrences) in targets {
        if url.scheme() == "file" {
            let result = UrlResult {
                verdict: Verdict::Broken(crate::offline::file_url_reason()),
                anchors: None,
                checked_at: now,
                landing: None,
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
        if is_excluded(options, &url) {
            report.excluded += 1;
            continue;
        }
        if report.results.contains_key(&key) || !queued.insert(key.clone()) {
            // Judged already in this run (a stylesheet fetched for its references), or listed
            // twice by the caller: one request per URL.
        } else if let Some(result) = known.iter().find_map(|k| k.get(&key)) {
            report.results.insert(key.clone(), result.clone());
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
        } else if !robots_allow(options, &url) {
            report.robots_disallowed += 1;
            report.results.insert(key.clone(), robots_disallowed());
        } else if let Some(limit) = budget.full_with(to_request.len()) {
            // Past the link limit already: refused now, so the queue stays within the limit.
            budget.refuse(limit);
        } else {
            let want_body = occurrences.iter().any(|(_, l)| needs_body(l));
            to_request.push((key, url.clone(), want_body));
        }
        work.push((url, occurrences));
    }
    let total = to_request.len();
    let shared = Arc::new(options.clone());
    let mut answers = stream::iter(to_request)
        .map(|(key, url, want_body)| {
            // Decided when the stream reaches this URL, so the deadline is read then.
            let task = budget.take().then(|| {
                let fetcher = fetcher.clone();
                let options = shared.clone();
                tokio::spawn(async move { check_url(&fetcher, &url, want_body, &options).await })
            });
            async move {
                match task {
                    Some(task) => (key, task.await.ok()),
                    None => (key, None),
                }
            }
        })
        .buffer_unordered(parallel(fetcher));
    let mut done = 0;
    while let Some((key, result)) = answers.next().await {
        done += 1;
        if let Some(progress) = progress {
            progress(done, total);
        }
        // Not requested (a limit), or the task panicked: no result, no finding.
        let Some(result) = result else { continue };
        report.checked += 1;
        if !matches!(result.verdict, Verdict::Unverifiable { .. }) {
            cache.insert(key.clone(), result.clone());
        }
        report.results.insert(key, result);
    }
    drop(answers);
    report.not_checked = budget.refused;
    report.not_checked_reason = budget.reason;
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

/// The verdict on a request that got no response (a crawl's failure, or a check's last
/// attempt): timeouts and refused non-public addresses are unverifiable, the rest broken.
pub fn judge_fetch_error(error: &FetchError, options: &FetchOptions) -> UrlResult {
    let verdict = match error {
        FetchError::NonPublicAddress { host, address } => Verdict::Unverifiable {
            reason: format!(
                "{host} is a non-public address ({address}) and was not requested; pass --allow-private to check it"
            ),
            status: None,
        },
        FetchError::Timeout => Verdict::Unverifiable {
            reason: format!("no answer within {} s", options.timeout.as_secs_f32()),
            status: None,
        },
        FetchError::RedirectLoop { .. }
        | FetchError::TooManyRedirects { .. }
        | FetchError::BadRedirect { .. } => Verdict::Broken(BrokenReason {
            reason: error.to_string(),
            redirects: error.redirects().to_vec(),
            ..BrokenReason::default()
        }),
        _ => Verdict::Broken(BrokenReason {
            reason: error.to_string(),
            ..BrokenReason::default()
        }),
    };
    UrlResult {
        verdict,
        anchors: None,
        checked_at: unix_now(),
        landing: None,
    }
}

/// Checks one URL: HEAD→GET fallback, retries of transient answers (a timeout once at most,
/// none past [`HttpOptions::deadline`]), `Retry-After`.
pub async fn check_url(
    fetcher: &Fetcher,
    url: &Url,
    want_body: bool,
    options: &HttpOptions,
) -> UrlResult {
    let mut attempt = 0u32;
    let mut timed_out = false;
    let mut wait = options.retry_wait;
    let before_deadline = |delay: Duration| {
        options
            .deadline
            .is_none_or(|deadline| Instant::now() + delay < deadline)
    };
    loop {
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
        let retry_left = attempt < options.retries && before_deadline(wait);
        match answer {
            Err(FetchError::Timeout) if retry_left && !timed_out => timed_out = true,
            Err(error) if error.is_transient() && retry_left && error != FetchError::Timeout => {}
            Err(error) => return judge_fetch_error(&error, fetcher.options()),
            Ok(fetched) => {
                let status = fetched.resource.status.unwrap_or(0);
                if matches!(status, 429 | 503) {
                    let asked = fetched
                        .resource
                        .header("retry-after")
                        .and_then(|v| retry_after(&v, SystemTime::now()));
                    let delay = asked.unwrap_or(wait);
                    if attempt < options.retries
                        && delay <= options.max_retry_after
                        && before_deadline(delay)
                    {
                        fetcher.pause_host(url, delay);
                        attempt += 1;
                        wait *= 2;
                        continue;
                    }
                    return unverifiable(
                        format!("HTTP {status}: the server keeps refusing requests (rate limited)"),
                        Some(status),
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
                        return judged_target(&retry.resource, retry.truncated, url, options);
                    }
                    return unverifiable(
                        format!(
                            "HTTP {status}: access refused to an automated client; it may work in a browser"
                        ),
                        Some(status),
                    );
                }
                if status >= 500 && retry_left {
                    attempt += 1;
                    tokio::time::sleep(wait).await;
                    wait *= 2;
                    continue;
                }
                return judged_target(&fetched.resource, fetched.truncated, url, options);
            }
        }
        attempt += 1;
        tokio::time::sleep(wait).await;
        wait *= 2;
    }
}

fn unverifiable(reason: String, status: Option<u16>) -> UrlResult {
    UrlResult {
        verdict: Verdict::Unverifiable { reason, status },
        anchors: None,
        checked_at: unix_now(),
        landing: None,
    }
}

fn judged(
    resource: &Resource,
    document: Option<&Document>,
    truncated: bool,
    url: &Url,
    options: &HttpOptions,
) -> UrlResult {
    let (verdict, anchors) = judge(resource, document, truncated, url, options);
    UrlResult {
        verdict,
        anchors,
        checked_at: unix_now(),
        landing: None,
    }
}

/// [`judged`] for a link target: an HTML page that works also gives its [`Landing`], read from
/// the same parse.
fn judged_target(
    resource: &Resource,
    truncated: bool,
    url: &Url,
    options: &HttpOptions,
) -> UrlResult {
    let status = resource.status.unwrap_or(0);
    let document = (is_success(status, options) && is_html_response(resource))
        .then(|| Document::from_resource(resource));
    let mut result = judged(resource, document.as_ref(), truncated, url, options);
    result.landing = document.map(|document| Landing::of(resource, &document));
    result
}

fn is_success(status: u16, options: &HttpOptions) -> bool {
    (200..300).contains(&status) || options.accept.contains(&status)
}

/// The result for a response the caller already has (a crawled page), named by the URL it was
/// requested at: status, soft 404, permanent redirect, and the fragment targets of an HTML page.
/// Pass the `document` already parsed from it to spare a second parse (`None`: parsed here when
/// needed). `truncated`: the body was cut at the byte cap (its fragments are then not judged).
pub fn judge_response(
    resource: &Resource,
    document: Option<&Document>,
    truncated: bool,
    options: &HttpOptions,
) -> UrlResult {
    match Url::parse(&resource.requested_url) {
        Ok(url) => judged(resource, document, truncated, &url, options),
        Err(_) => UrlResult {
            verdict: Verdict::Ok,
            anchors: None,
            checked_at: unix_now(),
            landing: None,
        },
    }
}

/// [`judge_response`] for a link target's response (a replayed recording): also gives the
/// [`Landing`] of an HTML page that works.
pub fn judge_link_target(resource: &Resource, truncated: bool, options: &HttpOptions) -> UrlResult {
    match Url::parse(&resource.requested_url) {
        Ok(url) => judged_target(resource, truncated, &url, options),
        Err(_) => judge_response(resource, None, truncated, options),
    }
}

/// The verdict on a final response: status, soft 404, permanent redirect; anchors of pages.
fn judge(
    resource: &Resource,
    document: Option<&Document>,
    truncated: bool,
    url: &Url,
    options: &HttpOptions,
) -> (Verdict, Option<Vec<String>>) {
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
    let mut anchors = None;
    if is_html_response(resource) {
        let parsed;
        let document = match document {
            Some(document) => document,
            None => {
                parsed = Document::from_resource(resource);
                &parsed
            }
        };
        if let Some(reason) = soft_404_reason(document) {
            return (Verdict::Soft404 { reason, final_url }, None);
        }
        // A truncated page may lack the anchor: do not judge its fragments.
        anchors = (!truncated).then(|| document.fragment_targets());
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

/// An HTML page with a body (the pages whose text is judged).
fn is_html_response(resource: &Resource) -> bool {
    let is_html = resource.content_type().is_some_and(|ct| {
        let ct = ct.to_ascii_lowercase();
        ct.starts_with("text/html") || ct.starts_with("application/xhtml")
    });
    is_html && !resource.body.is_empty()
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

/// Reads the result cache (none yet is an empty cache). Callers that crawl first call it
/// before the crawl too, so a corrupt cache is reported before any request is made.
pub fn load_cache(options: &CacheOptions) -> Result<HashMap<String, UrlResult>, HttpError> {
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
    // A new temporary file beside the cache, then renamed over it: an interrupted run never
    // leaves half a cache, and no other file (`cache.tmp`) is touched.
    let write = || -> std::io::Result<()> {
        let dir = match options.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => std::path::Path::new("."),
        };
        let mut file = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut file, &json)?;
        file.persist(&options.path).map_err(|e| e.error)?;
        Ok(())
    };
    write().map_err(|e| HttpError::CacheWrite {
        path: options.path.clone(),
        reason: e.to_string(),
    })
}

/// Checks the references of crawled pages over HTTP, from their observations
/// ([`crate::observe_page`], named by the URL each page was requested at). `known` holds the
/// results of what the crawl fetched ([`judge_response`], [`judge_fetch_error`]): not requested
/// again. Stylesheets the pages load from within `scope` are fetched once each (unless `known`
/// has them) and their `url()` and `@import` references checked, named by the stylesheet's URL.
/// The per-page rules (mixed content, `mailto:`) are not run here: see
/// [`crate::check_page_links`].
pub async fn check_crawled_pages(
    fetcher: &Arc<Fetcher>,
    pages: &[PageLinks],
    known: &HashMap<String, UrlResult>,
    scope: &govaudit_site::Scope,
    options: &HttpOptions,
    progress: Option<&(dyn Fn(usize, usize) + Sync)>,
) -> Result<HttpReport, HttpError> {
    let mut grouped = Grouped::default();
    let mut stylesheets: Vec<Url> = Vec::new();
    let mut seen_stylesheets: HashSet<String> = HashSet::new();
    for page in pages {
        for link in &page.links {
            if is_stylesheet(link)
                && let Some(url) = link.url()
                && scope.contains(url)
                && !known.contains_key(&url_key(url))
                && !is_excluded(options, url)
                && seen_stylesheets.insert(url_key(url))
            {
                stylesheets.push(without_fragment(url));
            }
            grouped.add(&page.report_url, link.clone());
        }
    }
    // Stylesheets: fetched once each (and then judged from that answer), references checked.
    let mut budget = Budget::new(options);
    let mut report = HttpReport::default();
    let mut fetched_sheets = stream::iter(stylesheets)
        .map(|url| {
            // A refused stylesheet is counted as not checked once, by the targets below.
            let go = robots_allow(options, &url) && budget.admit().is_ok();
            let fetcher = fetcher.clone();
            async move {
                let answer = if go {
                    Some(fetcher.fetch(&url, Method::Get).await)
                } else {
                    None
                };
                (url, answer)
            }
        })
        .buffer_unordered(parallel(fetcher));
    let mut sheet_results: Vec<(Url, Result<govaudit_site::fetch::Fetched, FetchError>)> =
        Vec::new();
    while let Some((url, answer)) = fetched_sheets.next().await {
        if let Some(answer) = answer {
            sheet_results.push((url, answer));
        }
    }
    drop(fetched_sheets);
    for (url, answer) in sheet_results {
        report.checked += 1;
        let result = match answer {
            Ok(fetched) => {
                let sheet = &fetched.resource;
                let is_css = sheet
                    .content_type()
                    .is_some_and(|ct| ct.to_ascii_lowercase().starts_with("text/css"));
                if is_css && sheet.status.is_some_and(|s| (200..300).contains(&s)) {
                    let css = String::from_utf8_lossy(&sheet.body);
                    let base = Url::parse(sheet.url()).unwrap_or_else(|_| url.clone());
                    for link in crate::extract_stylesheet(&css, Some(&base)) {
                        grouped.add(url.as_str(), link);
                    }
                }
                judge_response(sheet, None, fetched.truncated, options)
            }
            Err(error) => judge_fetch_error(&error, fetcher.options()),
        };
        report.results.insert(url_key(&url), result);
    }
    check_targets_within(
        fetcher,
        grouped.into_targets(),
        &[known],
        &mut budget,
        report,
        options,
        progress,
    )
    .await
}

/// Occurrences grouped by URL (fragment removed), in order of first occurrence.
#[derive(Default)]
struct Grouped {
    by_key: HashMap<String, usize>,
    targets: Vec<(Url, Occurrences)>,
}

impl Grouped {
    fn add(&mut self, report_url: &str, link: Link) {
        let Some(target) = link.url() else { return };
        let key = url_key(target);
        let at = match self.by_key.get(&key) {
            Some(&at) => at,
            None => {
                self.targets.push((without_fragment(target), Vec::new()));
                self.by_key.insert(key, self.targets.len() - 1);
                self.targets.len() - 1
            }
        };
        self.targets[at].1.push((report_url.to_owned(), link));
    }

    fn into_targets(self) -> Vec<(Url, Occurrences)> {
        self.targets
    }
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
