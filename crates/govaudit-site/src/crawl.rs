//! A polite live crawl (feature `crawl`): breadth-first within a [`Scope`], robots.txt obeyed,
//! limits on pages, depth and time, requests through a [`Fetcher`] (per-host rate and
//! concurrency, non-public addresses refused). Link discovery is the caller's: pass a function
//! from a fetched page to the URLs it references (e.g. `govaudit_links::extract`).

use crate::fetch::{FetchError, Fetcher, Method, RetryPolicy};
use crate::scope::Scope;
use govaudit_core::Resource;
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;
use url::Url;

pub use crate::fetch::MAX_CRAWL_DELAY_SECS;

/// Crawl limits.
#[derive(Debug, Clone)]
pub struct CrawlOptions {
    pub scope: Scope,
    pub max_pages: usize,
    /// Link hops from the start page.
    pub max_depth: usize,
    pub max_duration: Duration,
    /// Obey robots.txt (through [`Fetcher::robots_allows`], which also needs
    /// [`FetchOptions::obey_robots`](crate::fetch::FetchOptions::obey_robots)).
    pub obey_robots: bool,
    /// How a page that failed for a passing reason (503, 429, timeout) is tried again: the
    /// link checks' policy.
    pub retry: RetryPolicy,
}

impl CrawlOptions {
    /// Limits suited to one site: 500 pages, depth 10, 10 minutes, robots.txt obeyed.
    pub fn new(scope: Scope) -> Self {
        CrawlOptions {
            scope,
            max_pages: 500,
            max_depth: 10,
            max_duration: Duration::from_secs(600),
            obey_robots: true,
            retry: RetryPolicy::default(),
        }
    }
}

/// Why a crawl stopped before it ran out of pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrawlStop {
    PageLimit,
    TimeLimit,
}

/// What a crawl read.
#[derive(Debug, Default)]
pub struct Crawl {
    /// Every HTML page fetched (any status), in the order fetched.
    pub pages: Vec<Resource>,
    /// URLs that gave no response.
    pub failures: Vec<(Url, FetchError)>,
    /// In-scope URLs robots.txt does not allow.
    pub blocked_by_robots: Vec<Url>,
    pub stopped: Option<CrawlStop>,
}

/// Kept here for callers of `crawl::is_html`; the test lives in [`crate::media`].
pub use crate::media::is_html;

/// Crawls from `start`. `discover` gives the URLs a page references; those in scope are
/// visited once each (fragments ignored).
pub async fn crawl<F>(
    fetcher: Arc<Fetcher>,
    start: Url,
    options: &CrawlOptions,
    discover: F,
) -> Crawl
where
    F: Fn(&Resource) -> Vec<Url>,
{
    let began = Instant::now();
    let mut result = Crawl::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut queue: VecDeque<(Url, usize)> = VecDeque::new();
    let mut start = start;
    start.set_fragment(None);
    seen.insert(start.to_string());
    queue.push_back((start, 0));
    let mut running: JoinSet<(Url, usize, Result<crate::fetch::Fetched, FetchError>)> =
        JoinSet::new();
    let parallel = fetcher.options().concurrency.max(1);
    let mut started = 0usize;
    loop {
        while running.len() < parallel && result.stopped.is_none() {
            let Some((url, depth)) = queue.pop_front() else {
                break;
            };
            if started >= options.max_pages {
                result.stopped = Some(CrawlStop::PageLimit);
                break;
            }
            if began.elapsed() >= options.max_duration {
                result.stopped = Some(CrawlStop::TimeLimit);
                break;
            }
            if options.obey_robots && !fetcher.robots_allows(&url).await {
                result.blocked_by_robots.push(url);
                continue;
            }
            started += 1;
            let fetcher = fetcher.clone();
            let retry = options.retry.clone();
            running.spawn(async move {
                let fetched = fetcher.fetch_with_retries(&url, Method::Get, &retry).await;
                (url, depth, fetched)
            });
        }
        let remaining = options.max_duration.saturating_sub(began.elapsed());
        let next = tokio::time::timeout(remaining, running.join_next()).await;
        let joined = match next {
            Ok(Some(joined)) => joined,
            Ok(None) => break,
            Err(_) => {
                result.stopped = Some(CrawlStop::TimeLimit);
                running.abort_all();
                break;
            }
        };
        let Ok((url, depth, fetched)) = joined else {
            continue;
        };
        match fetched {
            Err(error) => result.failures.push((url, error)),
            Ok(fetched) => {
                let page = fetched.resource;
                if !is_html(&page) {
                    continue;
                }
                let final_in_scope =
                    Url::parse(page.url()).is_ok_and(|u| options.scope.contains(&u));
                if depth < options.max_depth
                    && final_in_scope
                    && page.status.is_some_and(|s| s < 400)
                {
                    for mut found in discover(&page) {
                        found.set_fragment(None);
                        if matches!(found.scheme(), "http" | "https")
                            && options.scope.contains(&found)
                            && seen.insert(found.to_string())
                        {
                            queue.push_back((found, depth + 1));
                        }
                    }
                }
                result.pages.push(page);
            }
        }
    }
    result
}
