//! `Fetcher::send` against loopback servers: redirect response headers kept, OPTIONS with extra
//! request headers, and a self-signed certificate refused unless the request accepts it.

mod support;
use support::loopback::{Reply, Request, start};
use support::loopback_tls::start_tls;

use govaudit_site::fetch::{FetchError, FetchOptions, Fetcher, Method, RequestOptions};
use std::sync::Arc;
use url::Url;

fn fetcher() -> Fetcher {
    Fetcher::new(FetchOptions {
        allow_private: true,
        per_host_interval: std::time::Duration::ZERO,
        ..FetchOptions::default()
    })
    .unwrap()
}

fn routes(request: &Request) -> Reply {
    match (request.method.as_str(), request.path.as_str()) {
        ("GET", "/") => Reply::redirect(302, "/home")
            .header("Set-Cookie", "a=1; Path=/")
            .header("Set-Cookie", "b=2; Path=/"),
        ("GET", "/home") => Reply::html(200, "<title>home</title>"),
        ("OPTIONS", "/") => {
            let origin = request
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("origin"))
                .map_or("", |(_, v)| v.as_str());
            Reply::status(204).header("Access-Control-Allow-Origin", origin)
        }
        _ => Reply::status(404),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirect_headers_and_options() {
    let server = start(Arc::new(routes)).await;
    let url = Url::parse(&format!("{}/", server.base)).unwrap();
    let traced = fetcher()
        .send(&url, &RequestOptions::default())
        .await
        .unwrap();
    assert_eq!(traced.fetched.resource.redirects.len(), 1);
    assert_eq!(traced.redirect_headers.len(), 1);
    let cookies: Vec<String> = traced.redirect_headers[0]
        .iter()
        .filter(|h| h.is_named("set-cookie"))
        .map(|h| h.value_text())
        .collect();
    assert_eq!(cookies, ["a=1; Path=/", "b=2; Path=/"]);
    assert_eq!(traced.fetched.resource.body, b"<title>home</title>");

    let preflight = RequestOptions {
        method: Method::Options,
        headers: vec![("Origin".into(), "https://origin.example".into())],
        ..RequestOptions::default()
    };
    let answer = fetcher().send(&url, &preflight).await.unwrap();
    let resource = &answer.fetched.resource;
    assert_eq!(resource.status, Some(204));
    assert!(resource.body.is_empty());
    assert!(
        resource
            .headers
            .iter()
            .any(|h| h.is_named("access-control-allow-origin")
                && h.value_text() == "https://origin.example")
    );
    assert_eq!(server.hits("/")[1].method, "OPTIONS");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn self_signed_certificate_refused_unless_accepted() {
    let server = start_tls(Arc::new(routes)).await;
    let url = Url::parse(&format!("{}/home", server.base)).unwrap();
    let fetcher = fetcher();
    let refused = fetcher.fetch(&url, Method::Get).await.unwrap_err();
    assert!(
        matches!(refused, FetchError::InvalidCertificate(_)),
        "{refused:?}"
    );
    let accepting = RequestOptions {
        accept_invalid_certs: true,
        ..RequestOptions::default()
    };
    let traced = fetcher.send(&url, &accepting).await.unwrap();
    assert_eq!(traced.fetched.resource.status, Some(200));
    // The verifying client is still the default afterwards.
    let again = fetcher.fetch(&url, Method::Get).await.unwrap_err();
    assert!(matches!(again, FetchError::InvalidCertificate(_)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirect_statuses_and_stopping_at_the_limit() {
    let server = start(Arc::new(|request: &Request| match request.path.as_str() {
        "/loop" => Reply::redirect(302, "/loop"),
        "/multiple" => Reply::redirect(300, "/loop"),
        _ => Reply::status(404),
    }))
    .await;
    let fetcher = Fetcher::new(FetchOptions {
        allow_private: true,
        max_redirects: 3,
        per_host_interval: std::time::Duration::ZERO,
        ..FetchOptions::default()
    })
    .unwrap();
    let url = |path: &str| Url::parse(&format!("{}{path}", server.base)).unwrap();
    // By default a loop is an error.
    let looped = fetcher.fetch(&url("/loop"), Method::Get).await.unwrap_err();
    assert!(
        matches!(looped, FetchError::RedirectLoop { .. }),
        "{looped:?}"
    );
    // Stopping at the limit: 3 hops followed, the 4th redirect response is the response.
    let lenient = RequestOptions {
        redirect_statuses: Some(&[301, 302, 303, 307, 308]),
        stop_at_redirect_limit: true,
        ..RequestOptions::default()
    };
    let traced = fetcher.send(&url("/loop"), &lenient).await.unwrap();
    let resource = &traced.fetched.resource;
    assert_eq!(resource.redirects.len(), 3);
    assert_eq!(resource.status, Some(302));
    assert_eq!(traced.redirect_headers.len(), 3);
    // 300 is not in the list: it is the response.
    let multiple = fetcher.send(&url("/multiple"), &lenient).await.unwrap();
    assert_eq!(multiple.fetched.resource.status, Some(300));
    assert!(multiple.fetched.resource.redirects.is_empty());
}

/// The link checks ask the same Fetcher as the crawl: robots.txt is read once per origin, a
/// Disallowed URL is refused, and its Crawl-delay slows every later request to the host.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn robots_txt_is_read_once_and_its_crawl_delay_kept() {
    let server = start(Arc::new(|request: &Request| match request.path.as_str() {
        "/robots.txt" => Reply::html(
            200,
            "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n",
        ),
        _ => Reply::html(200, "page"),
    }))
    .await;
    let url = |path: &str| Url::parse(&format!("{}{path}", server.base)).unwrap();
    let fetcher = fetcher();
    assert_eq!(fetcher.host_interval(&url("/")), std::time::Duration::ZERO);
    assert!(!fetcher.robots_allows(&url("/private/report.html")).await);
    assert!(fetcher.robots_allows(&url("/public.html")).await);
    assert!(!fetcher.robots_allows(&url("/private/")).await);
    assert_eq!(server.hits("/robots.txt").len(), 1);
    assert_eq!(
        fetcher.host_interval(&url("/anything")),
        std::time::Duration::from_millis(300)
    );
    // Every later request to the host waits the delay: two fetches take at least 0.3 s more.
    let began = std::time::Instant::now();
    fetcher.fetch(&url("/a"), Method::Get).await.unwrap();
    fetcher.fetch(&url("/b"), Method::Get).await.unwrap();
    assert!(began.elapsed() >= std::time::Duration::from_millis(300));

    // Obeying can be turned off: then nothing is fetched and everything is allowed.
    let ignoring = Fetcher::new(FetchOptions {
        allow_private: true,
        obey_robots: false,
        ..FetchOptions::default()
    })
    .unwrap();
    assert!(ignoring.robots_allows(&url("/private/report.html")).await);
    assert_eq!(server.hits("/robots.txt").len(), 1);
}

/// The head of a response is timed apart from its body: a server that sends the head at once
/// and the body after a pause gives a time to first byte below the total time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn time_to_head_is_measured_before_the_body() {
    let server = start(Arc::new(|_: &Request| Reply {
        body_delay: std::time::Duration::from_millis(400),
        ..Reply::html(200, "<title>slow body</title>")
    }))
    .await;
    let url = Url::parse(&format!("{}/", server.base)).unwrap();
    let fetched = fetcher().fetch(&url, Method::Get).await.unwrap();
    assert_eq!(fetched.resource.body, b"<title>slow body</title>");
    let head = fetched.head_ms.expect("a live response is timed");
    let total = fetched.resource.elapsed_ms.unwrap();
    assert!(head < total, "head after {head} ms, body after {total} ms");
}
