//! End-to-end tests of `govaudit links`: the demo site offline (every planted link defect with
//! page and line, no counterpart reported), output formats, exit codes, and a crawl of a small
//! site served on 127.0.0.1 by a thread inside the test.

mod common;

use common::{govaudit, validate_govaudit_json, validate_sarif};
use serde_json::Value;

fn findings(report: &Value) -> Vec<(String, String, u64)> {
    let mut found: Vec<(String, String, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["url"].as_str().unwrap().to_owned(),
                f["location"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn demo_site_link_defects_with_page_and_line() {
    // Served over HTTPS: its `http:` references are mixed content.
    let out = govaudit(&[
        "links",
        "--format",
        "json",
        "--site-url",
        "https://www.shili.gov.cn/",
        "examples/demo-site",
    ]);
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    validate_govaudit_json(&report);
    let want: Vec<(String, String, u64)> = [
        ("links/broken", "css/style.css", 22),
        ("links/broken", "index.html", 99),
        ("links/broken", "jgzn/index.html", 54),
        ("links/broken", "xxgk/ndbg.html", 64),
        ("links/broken-fragment", "xxgk/index.html", 67),
        ("links/case-mismatch", "wzdt.html", 50),
        ("links/insecure", "en/index.html", 30),
        ("links/insecure", "index.html", 110),
    ]
    .into_iter()
    .map(|(r, p, l)| (r.to_owned(), format!("examples/demo-site/{p}"), l))
    .collect();
    let mut want = want;
    want.sort();
    assert_eq!(findings(&report), want);
    let broken = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["location"]["line"] == 99)
        .unwrap();
    assert_eq!(broken["evidence"]["href"], "zwfw/index.html");
    assert_eq!(
        broken["evidence"]["target"],
        "https://www.shili.gov.cn/zwfw/index.html"
    );
    assert_eq!(report["links"]["stats"]["pages"], 30);
}

#[test]
fn formats_and_exit_codes() {
    let sarif = govaudit(&["links", "--format", "sarif", "examples/demo-site"]);
    validate_sarif(&serde_json::from_str(&sarif.stdout).unwrap());
    let jsonl = govaudit(&["links", "--format", "jsonl", "examples/demo-site"]);
    assert!(
        jsonl
            .stdout
            .lines()
            .all(|l| serde_json::from_str::<Value>(l).is_ok())
    );
    let text = govaudit(&["links", "examples/demo-site"]);
    assert!(
        text.stdout.contains("examples/demo-site/index.html:99"),
        "{}",
        text.stdout
    );
    assert!(
        text.stderr.is_empty(),
        "no progress output when stderr is not a terminal"
    );
    let lenient = govaudit(&["links", "--fail-on", "critical", "examples/demo-site"]);
    assert_eq!(lenient.code, 0);
    let missing = govaudit(&["links", "examples/no-such-site"]);
    assert_eq!(missing.code, 2);
    assert_eq!(missing.stderr.lines().count(), 1, "{}", missing.stderr);
    let bad_regex = govaudit(&[
        "links",
        "--check-external",
        "--exclude",
        "(",
        "examples/demo-site",
    ]);
    assert_eq!(bad_regex.code, 2);
    let flags = govaudit(&[
        "links",
        "--accept",
        "403,999",
        "--user-agent",
        "test-agent",
        "--concurrency",
        "4",
        "--per-host",
        "2",
        "--rate",
        "5",
        "--timeout",
        "3",
        "--cache-ttl",
        "60",
        "examples/demo-site",
    ]);
    assert_eq!(flags.code, 1, "{}", flags.stderr);
    let rules = govaudit(&["rules"]);
    assert!(rules.stdout.contains("links/soft-404"));
}

/// A three-page site: the homepage links to a page and a missing one; the page links back.
fn serve_site() -> String {
    common::serve(|path| {
        let (status, body) = match path {
            "/" => (
                "200 OK",
                "<!doctype html><title>Home</title>\n<a href=\"/a.html\">A</a>\n<a href=\"/missing.html\">Missing</a>",
            ),
            "/a.html" => (
                "200 OK",
                "<!doctype html><title>A</title>\n<a href=\"/\">Home</a>\n<a href=\"/missing.html\">Missing again</a>",
            ),
            _ => ("404 Not Found", "<title>404</title>"),
        };
        (status, "text/html", body.as_bytes().to_vec())
    })
}

#[test]
fn crawl_reports_every_page_carrying_a_broken_link() {
    let base = serve_site();
    let out = govaudit(&[
        "links",
        "--format",
        "json",
        "--allow-private",
        "--rate",
        "100",
        &format!("{base}/"),
    ]);
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    validate_govaudit_json(&report);
    let found = findings(&report);
    assert_eq!(
        found,
        [
            ("links/broken".to_owned(), format!("{base}/"), 3),
            ("links/broken".to_owned(), format!("{base}/a.html"), 3),
        ]
    );
    // Without --allow-private the loopback site is refused, not fetched: the start URL is
    // unreachable, which is an error (exit 2, one line), not a clean run of 0 findings.
    let refused = govaudit(&["links", "--format", "json", &format!("{base}/")]);
    assert_eq!(refused.code, 2);
    assert!(refused.stdout.is_empty());
    assert_eq!(refused.stderr.lines().count(), 1, "{}", refused.stderr);
    assert!(refused.stderr.contains("non-public"), "{}", refused.stderr);
}
