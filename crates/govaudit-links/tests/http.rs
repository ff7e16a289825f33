//! HTTP checks against a server on 127.0.0.1 started inside each test: statuses, redirects and
//! loops, timeouts, 429 with Retry-After, HEAD refused, user-agent-dependent answers, huge
//! bodies, soft 404s, fragments, the cache, and every occurrence reported once per page.

#[path = "../../govaudit-site/tests/support/loopback.rs"]
mod loopback;

use govaudit_core::{Finding, Outcome};
use govaudit_html::Document;
use govaudit_links::http::{
    CacheOptions, HttpOptions, HttpReport, NotCheckedReason, Occurrences, check_targets,
};
use govaudit_links::{Link, RULES, extract};
use govaudit_site::fetch::Fetcher;
use loopback::{Reply, Request, Server, start};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

const ARTICLE: &str = "<!doctype html><title>HTTP status codes</title><body><h1 id=sec>Status codes</h1><p>The 404 status code means the server found nothing at the address. Servers should send it, not a 200 page that says so. This article explains why, with examples from many sites, and why crawlers and link checkers rely on it. It goes on for a while so that it reads as an article and not as an error page; error pages are short. More text follows here to make the point. And more: 410 means gone for good, 500 means the server failed.</p></body>";

fn routes(request: &Request) -> Reply {
    let ua_is_browser = request.user_agent.contains("Mozilla");
    match request.path.as_str() {
        "/" => Reply::html(200, "<title>首页</title><p>home</p>"),
        "/ok" => Reply::html(200, "<title>OK</title><h1 id=sec>s</h1><a name=old>o</a>"),
        "/temporary" => Reply::redirect(302, "/ok"),
        "/moved" => Reply::redirect(301, "/ok"),
        "/chain" => Reply::redirect(301, "/chain2"),
        "/chain2" => Reply::redirect(308, "/ok"),
        "/loop" => Reply::redirect(302, "/loop2"),
        "/loop2" => Reply::redirect(302, "/loop"),
        "/missing" => Reply::html(404, "<title>404</title>"),
        "/gone" => Reply::status(410),
        "/error" => Reply::status(500),
        "/slow" => Reply {
            delay: Duration::from_secs(3),
            ..Reply::html(200, "late")
        },
        "/busy-once" if request.earlier_hits == 0 => Reply::status(429).header("Retry-After", "1"),
        "/busy-once" => Reply::html(200, "<title>fine</title>"),
        "/always-429" => Reply::status(429).header("Retry-After", "1"),
        "/head-refused" if request.method == "HEAD" => Reply::status(405),
        "/head-refused" => Reply::status(200).header("Content-Type", "image/png"),
        "/browsers-only" if ua_is_browser => Reply::html(200, "<title>fine</title>"),
        "/browsers-only" | "/waf" => Reply::html(
            403,
            "<title>Access denied</title><p>Request blocked by WAF</p>",
        ),
        "/huge" => Reply {
            stream_bytes: 50 * 1024 * 1024,
            ..Reply::status(200).header("Content-Type", "text/html")
        },
        "/soft-404" => Reply::html(
            200,
            "<title>提示信息</title><body><p>对不起，您访问的页面不存在！</p></body>",
        ),
        "/soft-404-en" => Reply::html(
            200,
            "<title>Page Not Found - City</title><body>Sorry</body>",
        ),
        "/gone-home" => Reply::redirect(302, "/"),
        "/about-404" => Reply::html(200, ARTICLE),
        "/site.css" => Reply {
            body: b"body {\n  background: url(missing-bg.png);\n}\n".to_vec(),
            ..Reply::status(200).header("Content-Type", "text/css")
        },
        _ => Reply::status(404),
    }
}

fn options() -> HttpOptions {
    let mut options = HttpOptions {
        retries: 1,
        retry_wait: Duration::from_millis(20),
        ..HttpOptions::default()
    };
    options.fetch.allow_private = true;
    options.fetch.timeout = Duration::from_secs(1);
    options.fetch.connect_timeout = Duration::from_secs(1);
    options.fetch.per_host_interval = Duration::ZERO;
    options.fetch.max_body_bytes = 64 * 1024;
    options
}

/// Extracts the links of pages (name, html) served at the server and groups them by URL.
fn targets(server: &Server, pages: &[(&str, &str)]) -> Vec<(Url, Occurrences)> {
    let mut grouped: Vec<(Url, Occurrences)> = Vec::new();
    for (name, html) in pages {
        let html = html.replace("{{server}}", &server.base);
        let page_url = Url::parse(&format!("{}/{name}", server.base)).unwrap();
        let document = Document::from_html(&html);
        for link in extract(&document, Some(&page_url)) {
            let mut key = link.url().unwrap().clone();
            key.set_fragment(None);
            let occurrence: (String, Link) = ((*name).to_owned(), link);
            match grouped.iter_mut().find(|(u, _)| *u == key) {
                Some((_, list)) => list.push(occurrence),
                None => grouped.push((key, vec![occurrence])),
            }
        }
    }
    grouped
}

async fn run(server: &Server, pages: &[(&str, &str)], options: &HttpOptions) -> HttpReport {
    let fetcher = Arc::new(Fetcher::new(options.fetch.clone()).unwrap());
    check_targets(
        &fetcher,
        targets(server, pages),
        &HashMap::new(),
        options,
        None,
    )
    .await
    .unwrap()
}

fn summary(findings: &[Finding]) -> Vec<(String, String, u32, String)> {
    let mut out: Vec<_> = findings
        .iter()
        .map(|f| {
            (
                f.url.clone(),
                f.rule.clone(),
                f.location.line.unwrap_or(0),
                f.evidence["href"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_rule_fixtures() {
    let server = start(Arc::new(routes)).await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let expected: HashMap<&str, Vec<u32>> = HashMap::from([
        ("links/redirect", vec![3, 4]),
        ("links/unverifiable", vec![3, 4, 5]),
        ("links/soft-404", vec![3, 4, 5]),
    ]);
    for rule in RULES.iter().filter(|r| expected.contains_key(r.meta.id)) {
        let id = rule.meta.id;
        let name = id.trim_start_matches("links/");
        let read = |file: &str| std::fs::read_to_string(dir.join(name).join(file)).unwrap();
        let pass = run(&server, &[("pass.html", &read("pass.html"))], &options()).await;
        let of_rule: Vec<_> = pass.findings.iter().filter(|f| f.rule == id).collect();
        assert!(of_rule.is_empty(), "{id} pass.html: {of_rule:#?}");
        let fail = run(&server, &[("fail.html", &read("fail.html"))], &options()).await;
        let lines: Vec<u32> = fail
            .findings
            .iter()
            .filter(|f| f.rule == id)
            .map(|f| f.location.line.unwrap())
            .collect();
        let mut sorted = lines.clone();
        sorted.sort();
        assert_eq!(sorted, expected[id], "{id} fail.html: {:#?}", fail.findings);
        let review = matches!(id, "links/unverifiable" | "links/soft-404");
        for f in fail.findings.iter().filter(|f| f.rule == id) {
            assert_eq!(f.outcome == Outcome::Review, review, "{id}");
        }
    }
}

const STATUS_PAGE: &str = "<!doctype html><title>t</title>
<a href=\"{{server}}/missing\">missing</a>
<a href=\"{{server}}/gone\">gone</a>
<a href=\"{{server}}/error\">error</a>
<a href=\"{{server}}/loop\">loop</a>
<img src=\"{{server}}/head-refused\" alt=\"head refused\">
<img src=\"{{server}}/huge\" alt=\"huge image\">
<a href=\"{{server}}/huge\">huge page</a>
<a href=\"{{server}}/ok#sec\">good fragment</a>
<a href=\"{{server}}/ok#old\">a name</a>
<a href=\"{{server}}/ok#nope\">bad fragment</a>
<a href=\"{{server}}/temporary#nope\">bad fragment after a redirect</a>
<a href=\"mailto:x@example.gov.cn\">mail</a>
";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statuses_redirects_fragments_and_every_occurrence() {
    let server = start(Arc::new(routes)).await;
    let footer = "<!doctype html><title>f</title>\n<a href=\"{{server}}/missing\">footer link</a>";
    let report = run(
        &server,
        &[
            ("status.html", STATUS_PAGE),
            ("a.html", footer),
            ("b.html", footer),
        ],
        &options(),
    )
    .await;
    let got = summary(&report.findings);
    let want: Vec<(String, String, u32, String)> = [
        ("a.html", "links/broken", 2, "missing"),
        ("b.html", "links/broken", 2, "missing"),
        ("status.html", "links/broken", 2, "missing"),
        ("status.html", "links/broken", 3, "gone"),
        ("status.html", "links/broken", 4, "error"),
        ("status.html", "links/broken", 5, "loop"),
        ("status.html", "links/broken-fragment", 11, "ok#nope"),
        ("status.html", "links/broken-fragment", 12, "temporary#nope"),
    ]
    .into_iter()
    .map(|(a, b, c, d)| (a.to_owned(), b.to_owned(), c, d.to_owned()))
    .collect();
    assert_eq!(got, want);
    // Each URL is requested once however many pages carry it.
    assert_eq!(server.hits("/missing").len(), 1);
    // HEAD first for a resource, then GET when HEAD is refused.
    let methods: Vec<String> = server
        .hits("/head-refused")
        .iter()
        .map(|r| r.method.clone())
        .collect();
    assert_eq!(methods, ["HEAD", "GET"]);
    // 500 is retried (transient), 404 is not.
    assert_eq!(server.hits("/error").len(), 2);
    let status = |href: &str| {
        report
            .findings
            .iter()
            .find(|f| {
                f.evidence["href"]
                    .as_str()
                    .is_some_and(|h| h.ends_with(href))
            })
            .unwrap()
            .evidence["status"]
            .clone()
    };
    assert_eq!(status("/gone"), 410);
    let looped = report
        .findings
        .iter()
        .find(|f| {
            f.evidence["href"]
                .as_str()
                .is_some_and(|h| h.ends_with("/loop"))
        })
        .unwrap();
    assert_eq!(looped.evidence["redirects"].as_array().unwrap().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cache_answers_the_second_run() {
    let server = start(Arc::new(routes)).await;
    let dir = tempfile_dir();
    let mut options = options();
    options.cache = Some(CacheOptions {
        path: dir.join("links-cache.json"),
        ttl: Duration::from_secs(3600),
    });
    let page = "<a href=\"{{server}}/ok#sec\">ok</a><a href=\"{{server}}/missing\">m</a>";
    let first = run(&server, &[("p.html", page)], &options).await;
    assert_eq!((first.checked, first.from_cache), (2, 0));
    let requests = server.log.lock().unwrap().len();
    let second = run(&server, &[("p.html", page)], &options).await;
    assert_eq!((second.checked, second.from_cache), (0, 2));
    assert_eq!(
        server.log.lock().unwrap().len(),
        requests,
        "no request on the second run"
    );
    assert_eq!(summary(&first.findings), summary(&second.findings));
    options.cache.as_mut().unwrap().ttl = Duration::ZERO;
    let expired = run(&server, &[("p.html", page)], &options).await;
    assert_eq!(expired.checked, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loopback_targets_are_unverifiable_unless_allowed() {
    let server = start(Arc::new(routes)).await;
    let mut options = options();
    options.fetch.allow_private = false;
    let report = run(
        &server,
        &[("p.html", "<a href=\"{{server}}/missing\">m</a>")],
        &options,
    )
    .await;
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].rule, "links/unverifiable");
    assert!(server.log.lock().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn include_and_exclude_patterns() {
    let server = start(Arc::new(routes)).await;
    let mut options = options();
    options.exclude = vec![regex::Regex::new("/missing$").unwrap()];
    let page = "<a href=\"{{server}}/missing\">m</a><a href=\"{{server}}/gone\">g</a>";
    let report = run(&server, &[("p.html", page)], &options).await;
    assert_eq!(report.excluded, 1);
    assert_eq!(summary(&report.findings).len(), 1);
    options.exclude.clear();
    options.include = vec![regex::Regex::new("/missing$").unwrap()];
    let report = run(&server, &[("p.html", page)], &options).await;
    assert_eq!(report.excluded, 1);
    assert_eq!(report.findings[0].evidence["status"], 404);
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("govaudit-links-cache-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawled_pages_and_their_stylesheets() {
    let server = start(Arc::new(routes)).await;
    let page_url = format!("{}/styled.html", server.base);
    let mut page = govaudit_core::Resource::from_bytes(
        page_url.clone(),
        "<!doctype html><title>s</title>\n<link rel=stylesheet href=/site.css>\n<a href=/missing>m</a>\n<a href=mailto:bad>mail</a>".as_bytes().to_vec(),
    );
    page.status = Some(200);
    page.headers
        .push(govaudit_core::HeaderField::new("Content-Type", "text/html"));
    let scope = govaudit_links::Scope::host_of(&Url::parse(&page_url).unwrap()).unwrap();
    let options = options();
    let fetcher = Arc::new(Fetcher::new(options.fetch.clone()).unwrap());
    // As a crawl gives it: the page parsed once, observed, its page rules run, and its own
    // result judged from the response already fetched.
    let document = Document::from_resource(&page);
    let observed = govaudit_links::observe_page(
        page_url.clone(),
        "styled.html",
        &document,
        Some(&Url::parse(&page_url).unwrap()),
    );
    let mut out = govaudit_core::Collector::new(page_url.clone());
    govaudit_links::check_page_links(&observed, Some(false), &mut out);
    let known = HashMap::from([(
        page_url.clone(),
        govaudit_links::http::judge_response(&page, Some(&document), false, &options),
    )]);
    drop(document);
    let report = govaudit_links::http::check_crawled_pages(
        &fetcher,
        &[observed],
        &known,
        &scope,
        &options,
        None,
    )
    .await
    .unwrap();
    let mut findings = out.into_findings();
    findings.extend(report.findings);
    let got = summary(&findings);
    let css = format!("{}/site.css", server.base);
    assert_eq!(
        got,
        [
            (
                css,
                "links/broken".to_owned(),
                2,
                "missing-bg.png".to_owned()
            ),
            (
                page_url.clone(),
                "links/broken".to_owned(),
                3,
                "missing".to_owned()
            ),
            (
                page_url,
                "links/malformed-mailto".to_owned(),
                4,
                "mailto:bad".to_owned()
            ),
        ]
    );
    // The stylesheet was fetched once, for its references and its own check.
    assert_eq!(server.hits("/site.css").len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_url_is_requested_once_and_known_answers_not_at_all() {
    let server = start(Arc::new(routes)).await;
    let page = "<!doctype html><title>p</title>
<a href=\"{{server}}/ok#sec\">ok</a><a href=\"{{server}}/ok#old\">ok again</a>
<a href=\"{{server}}/missing\">missing</a><a href=\"{{server}}/gone\">gone</a>
<a href=\"{{server}}/moved\">moved</a><a href=\"{{server}}/soft-404\">soft</a>
<a href=\"{{server}}/about-404\">article</a><a href=\"{{server}}/\">home</a>";
    let options = options();
    let fetcher = Arc::new(Fetcher::new(options.fetch.clone()).unwrap());
    let pages = [("a.html", page), ("b.html", page), ("c.html", page)];
    // The crawl fetched the homepage already: judged from that answer.
    let mut home = govaudit_core::Resource::from_bytes(
        format!("{}/", server.base),
        b"<title>home</title><p id=top-news>news</p>".to_vec(),
    );
    home.status = Some(200);
    home.headers
        .push(govaudit_core::HeaderField::new("Content-Type", "text/html"));
    let home_document = Document::from_resource(&home);
    let known = HashMap::from([(
        format!("{}/", server.base),
        govaudit_links::http::judge_response(&home, Some(&home_document), false, &options),
    )]);
    let report = check_targets(&fetcher, targets(&server, &pages), &known, &options, None)
        .await
        .unwrap();
    assert!(server.hits("/").is_empty(), "a known URL is not requested");
    let log = server.log.lock().unwrap().clone();
    let mut paths: Vec<String> = log.iter().map(|r| r.path.clone()).collect();
    paths.sort();
    // /moved is followed to /ok within one request (redirects are hops, not new URLs).
    assert_eq!(
        paths,
        [
            "/about-404",
            "/gone",
            "/missing",
            "/moved",
            "/ok",
            "/ok",
            "/soft-404"
        ]
    );
    assert_eq!(report.checked, 6);
    assert_eq!(
        report.results[&format!("{}/", server.base)].anchors,
        Some(vec!["top-news".to_owned()])
    );
    // Three pages carry each defect: each occurrence is reported.
    let rules: Vec<String> = report.findings.iter().map(|f| f.rule.clone()).collect();
    assert_eq!(rules.iter().filter(|r| *r == "links/broken").count(), 6);
    assert_eq!(rules.iter().filter(|r| *r == "links/soft-404").count(), 3);
    assert_eq!(rules.iter().filter(|r| *r == "links/redirect").count(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_url_that_always_times_out_is_requested_at_most_twice() {
    let server = start(Arc::new(routes)).await;
    let mut options = options();
    options.retries = 5;
    let report = run(
        &server,
        &[("p.html", "<a href=\"{{server}}/slow\">slow</a>")],
        &options,
    )
    .await;
    assert_eq!(server.hits("/slow").len(), 2);
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].rule, "links/unverifiable");
    assert!(
        report.findings[0].message.contains("no answer within"),
        "{}",
        report.findings[0].message
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_persistent_429_is_retried_then_unverifiable() {
    let server = start(Arc::new(routes)).await;
    let mut options = options();
    options.retries = 2;
    let report = run(
        &server,
        &[("p.html", "<a href=\"{{server}}/always-429\">busy</a>")],
        &options,
    )
    .await;
    // Retry-After (1 s) is honoured twice: the retry policy of transient answers is kept.
    assert_eq!(server.hits("/always-429").len(), 3);
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].rule, "links/unverifiable");
    assert_eq!(report.findings[0].outcome, Outcome::Review);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn max_links_stops_with_a_note_and_keeps_what_was_found() {
    let server = start(Arc::new(routes)).await;
    // A hostile page: thousands of distinct links.
    let page: String = (0..5000)
        .map(|i| format!("<a href=\"{{{{server}}}}/missing?n={i}\">m</a>\n"))
        .collect();
    let mut options = options();
    options.max_links = Some(3);
    let report = run(&server, &[("p.html", &page)], &options).await;
    assert_eq!(server.log.lock().unwrap().len(), 3);
    assert_eq!(report.checked, 3);
    assert_eq!(report.not_checked, 4997);
    assert_eq!(
        report.not_checked_reason,
        Some(NotCheckedReason::LinkLimit(3))
    );
    assert_eq!(report.findings.len(), 3, "findings so far are kept");
    assert!(report.findings.iter().all(|f| f.rule == "links/broken"));
    let note = report.not_checked_note().unwrap();
    assert!(
        note.contains("4997") && note.contains("limit of 3"),
        "{note}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_deadline_nothing_more_is_requested() {
    let server = start(Arc::new(routes)).await;
    let mut options = options();
    options.deadline = Some(std::time::Instant::now());
    let report = run(
        &server,
        &[(
            "p.html",
            "<a href=\"{{server}}/missing\">m</a><a href=\"{{server}}/gone\">g</a>",
        )],
        &options,
    )
    .await;
    assert!(server.log.lock().unwrap().is_empty());
    assert_eq!(report.not_checked, 2);
    assert_eq!(report.not_checked_reason, Some(NotCheckedReason::Deadline));
    assert!(report.findings.is_empty());
    assert!(report.not_checked_note().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn robots_disallow_gives_unverifiable_without_a_request() {
    let server = start(Arc::new(routes)).await;
    let mut options = options();
    options.robots = Some(Arc::new(|url: &Url| url.path() != "/missing"));
    let report = run(
        &server,
        &[(
            "p.html",
            "<a href=\"{{server}}/missing\">m</a>\n<a href=\"{{server}}/gone\">g</a>",
        )],
        &options,
    )
    .await;
    assert!(server.hits("/missing").is_empty());
    assert_eq!(server.hits("/gone").len(), 1);
    assert_eq!(report.robots_disallowed, 1);
    let got: Vec<(&str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.evidence["reason"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        [
            ("links/unverifiable", "robots.txt disallows it"),
            ("links/broken", "HTTP 410"),
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stylesheet_left_unchecked_is_counted_once() {
    let server = start(Arc::new(routes)).await;
    let page_url = Url::parse(&format!("{}/styled.html", server.base)).unwrap();
    let document = Document::from_html(
        "<link rel=stylesheet href=/site.css>\n<a href=/missing>m</a>\n<a href=/gone>g</a>",
    );
    let observed =
        govaudit_links::observe_page(page_url.as_str(), "styled.html", &document, Some(&page_url));
    let scope = govaudit_links::Scope::host_of(&page_url).unwrap();
    let check = async |max_links: usize| {
        let mut options = options();
        options.max_links = Some(max_links);
        let fetcher = Arc::new(Fetcher::new(options.fetch.clone()).unwrap());
        govaudit_links::http::check_crawled_pages(
            &fetcher,
            std::slice::from_ref(&observed),
            &HashMap::new(),
            &scope,
            &options,
            None,
        )
        .await
        .unwrap()
    };
    // No request at all: the stylesheet is refused before its fetch and counted once, with
    // the page's two links.
    let nothing = check(0).await;
    assert!(server.log.lock().unwrap().is_empty());
    assert_eq!(nothing.not_checked, 3);
    let report = check(1).await;
    // The stylesheet takes the one request; /missing, /gone and the stylesheet's
    // missing-bg.png are left, each counted once.
    assert_eq!(server.hits("/site.css").len(), 1);
    assert_eq!(server.log.lock().unwrap().len(), 1);
    assert_eq!(report.not_checked, 3);
    assert_eq!(
        report.not_checked_reason,
        Some(NotCheckedReason::LinkLimit(1))
    );
    assert!(report.findings.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_working_html_target_records_where_it_landed_and_its_title() {
    let server = start(Arc::new(routes)).await;
    let page = "<!doctype html><title>p</title>
<a href=\"{{server}}/moved\">moved</a><a href=\"{{server}}/about-404\">article</a>
<a href=\"{{server}}/missing\">missing</a><img src=\"{{server}}/head-refused\">";
    let report = run(&server, &[("a.html", page)], &options()).await;
    let landing = |path: &str| {
        report.results[&format!("{}{path}", server.base)]
            .landing
            .clone()
    };
    let moved = landing("/moved").expect("a redirected page lands somewhere");
    assert_eq!(moved.final_url, format!("{}/ok", server.base));
    assert_eq!(moved.title.as_deref(), Some("OK"));
    let article = landing("/about-404").expect("an article is a landing page");
    assert_eq!(article.title.as_deref(), Some("HTTP status codes"));
    assert!(article.lead_text.starts_with("Status codes"));
    assert!(article.lead_text.contains("The 404 status code means"));
    assert_eq!(
        article.lead_text.chars().count(),
        govaudit_links::http::LANDING_TEXT_CHARS
    );
    // Broken pages and images land nowhere worth reading.
    assert_eq!(landing("/missing"), None);
    assert_eq!(landing("/head-refused"), None);
}
