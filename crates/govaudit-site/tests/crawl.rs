//! The crawler against a loopback server: scope, robots.txt, limits, private addresses.

mod support;
use support::loopback::{Reply, Request, start};

use govaudit_site::Scope;
use govaudit_site::crawl::{CrawlOptions, CrawlStop, crawl};
use govaudit_site::fetch::{FetchError, FetchOptions, Fetcher, Method, RetryPolicy};
use std::sync::Arc;
use std::time::Duration;
use url::Url;

fn routes(request: &Request) -> Reply {
    match request.path.as_str() {
        "/robots.txt" => Reply::html(200, "User-agent: *\nDisallow: /private/\n"),
        "/" => Reply::html(
            200,
            "<a href=/a.html>a</a> <a href=/private/x.html>p</a> <a href=https://elsewhere.invalid/>e</a> <a href=http://127.0.0.1:1/>another port</a>",
        ),
        "/a.html" => Reply::html(200, "<a href=/b.html>b</a><a href=/#frag>home</a>"),
        "/b.html" => Reply::html(404, "gone"),
        _ => Reply::status(404),
    }
}

/// Naive link discovery for the test: every `href=` value.
fn hrefs(page: &govaudit_core::Resource) -> Vec<Url> {
    let base = Url::parse(page.url()).unwrap();
    let text = String::from_utf8_lossy(&page.body);
    text.split("href=")
        .skip(1)
        .filter_map(|rest| rest.split(['>', ' ']).next())
        .filter_map(|href| base.join(href).ok())
        .collect()
}

fn fetcher(allow_private: bool) -> Arc<Fetcher> {
    Arc::new(
        Fetcher::new(FetchOptions {
            allow_private,
            per_host_interval: Duration::ZERO,
            ..FetchOptions::default()
        })
        .unwrap(),
    )
}

#[tokio::test]
async fn crawls_in_scope_obeying_robots() {
    let server = start(Arc::new(routes)).await;
    let start_url = Url::parse(&format!("{}/", server.base)).unwrap();
    let options = CrawlOptions::new(Scope::origin_of(&start_url).unwrap());
    let result = crawl(fetcher(true), start_url, &options, hrefs).await;
    // The link to another port of the same host is outside the origin: never requested.
    assert!(result.failures.is_empty(), "{:?}", result.failures);
    let mut paths: Vec<String> = result
        .pages
        .iter()
        .map(|p| Url::parse(p.url()).unwrap().path().to_owned())
        .collect();
    paths.sort();
    assert_eq!(paths, ["/", "/a.html", "/b.html"]);
    assert_eq!(result.blocked_by_robots.len(), 1);
    assert!(server.hits("/private/x.html").is_empty());
    assert_eq!(server.hits("/").len(), 1, "fragment variants are one page");
    assert_eq!(result.stopped, None);
}

#[tokio::test]
async fn page_limit_stops_the_crawl() {
    let server = start(Arc::new(routes)).await;
    let start_url = Url::parse(&format!("{}/", server.base)).unwrap();
    let mut options = CrawlOptions::new(Scope::host_of(&start_url).unwrap());
    options.max_pages = 1;
    let result = crawl(fetcher(true), start_url, &options, hrefs).await;
    assert_eq!(result.pages.len(), 1);
    assert_eq!(result.stopped, Some(CrawlStop::PageLimit));
}

#[tokio::test]
async fn loopback_is_refused_unless_allowed() {
    let server = start(Arc::new(routes)).await;
    let url = Url::parse(&format!("{}/", server.base)).unwrap();
    let refused = fetcher(false).fetch(&url, Method::Get).await.unwrap_err();
    assert!(
        matches!(refused, FetchError::NonPublicAddress { .. }),
        "{refused:?}"
    );
    // By name too: the check is on the resolved address.
    let by_name = Url::parse(&format!("http://localhost:{}/", url.port().unwrap())).unwrap();
    let refused = fetcher(false)
        .fetch(&by_name, Method::Get)
        .await
        .unwrap_err();
    assert!(
        matches!(refused, FetchError::NonPublicAddress { .. }),
        "{refused:?}"
    );
    assert!(server.log.lock().unwrap().is_empty());
}

#[tokio::test]
async fn crawl_delay_spaces_requests() {
    fn delayed(request: &Request) -> Reply {
        match request.path.as_str() {
            "/robots.txt" => Reply::html(200, "User-agent: *\nCrawl-delay: 0.3\n"),
            "/" => Reply::html(200, "<a href=/a.html>a</a> <a href=/b.html>b</a>"),
            _ => Reply::html(200, "page"),
        }
    }
    let server = start(Arc::new(delayed)).await;
    let start_url = Url::parse(&format!("{}/", server.base)).unwrap();
    let options = CrawlOptions::new(Scope::host_of(&start_url).unwrap());
    let began = std::time::Instant::now();
    let result = crawl(fetcher(true), start_url, &options, hrefs).await;
    assert_eq!(result.pages.len(), 3);
    // robots.txt, then three pages at least 0.3 s apart.
    assert!(
        began.elapsed() >= Duration::from_millis(600),
        "{:?}",
        began.elapsed()
    );
}

/// Crawled pages get the link checks' retry policy: a 503 with `Retry-After` is asked again,
/// a timeout once more and no more.
#[tokio::test]
async fn transient_failures_are_retried_by_the_crawl() {
    fn flaky(request: &Request) -> Reply {
        match request.path.as_str() {
            "/" => Reply::html(200, "<a href=/busy.html>b</a> <a href=/slow.html>s</a>"),
            "/busy.html" if request.earlier_hits == 0 => {
                Reply::html(503, "busy").header("Retry-After", "0")
            }
            "/busy.html" => Reply::html(200, "page"),
            "/slow.html" => Reply {
                delay: Duration::from_secs(3),
                ..Reply::html(200, "late")
            },
            _ => Reply::status(404),
        }
    }
    let server = start(Arc::new(flaky)).await;
    let start_url = Url::parse(&format!("{}/", server.base)).unwrap();
    let fetcher = Arc::new(
        Fetcher::new(FetchOptions {
            allow_private: true,
            per_host_interval: Duration::ZERO,
            timeout: Duration::from_millis(300),
            ..FetchOptions::default()
        })
        .unwrap(),
    );
    let mut options = CrawlOptions::new(Scope::origin_of(&start_url).unwrap());
    options.retry = RetryPolicy {
        retries: 3,
        wait: Duration::ZERO,
        ..RetryPolicy::default()
    };
    let result = crawl(fetcher, start_url, &options, hrefs).await;
    let busy = result
        .pages
        .iter()
        .find(|p| p.url().ends_with("/busy.html"))
        .unwrap();
    assert_eq!(busy.status, Some(200));
    assert_eq!(server.hits("/busy.html").len(), 2);
    assert_eq!(result.failures.len(), 1);
    assert_eq!(result.failures[0].1, FetchError::Timeout);
    assert_eq!(
        server.hits("/slow.html").len(),
        2,
        "one retry after a timeout"
    );
}
