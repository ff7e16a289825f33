//! End-to-end tests of `govaudit audit` and the engine behind every command: the same bytes
//! whatever the number of threads, each page parsed once, each URL requested once with the
//! robots.txt Crawl-delay kept, linked stylesheets in the cascade, WARC record and replay, and
//! hostile text carried intact through every format.

mod common;

use common::{govaudit, serve_logged, validate_govaudit_json, validate_sarif};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

fn json(out: &common::Output) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", out.stdout, out.stderr))
}

/// A generated site of `pages` pages linking to each other (and to a few missing pages).
fn generated_site(dir: &Path, pages: usize) {
    std::fs::create_dir_all(dir.join("css")).unwrap();
    std::fs::write(dir.join("css/site.css"), "body{color:#222;background:#fff}").unwrap();
    for i in 0..pages {
        let next = (i + 1) % pages;
        let html = format!(
            "<!doctype html><html lang=zh><head><title>第{i}页</title>\
             <link rel=stylesheet href=/css/site.css></head><body><main>\
             <h1 id=top>第{i}页</h1><img src=logo{i}.png>\
             <a href=p{next}.html#top>下一页</a> <a href=p{next}.html#nowhere>锚点</a>\
             <a href=missing{}.html>缺失</a></main></body></html>",
            i % 3
        );
        let name = if i == 0 {
            "index.html".to_owned()
        } else {
            format!("p{i}.html")
        };
        std::fs::write(dir.join(&name), html).unwrap();
        if i == 0 {
            std::fs::write(
                dir.join("p0.html"),
                "<!doctype html><html lang=zh><title>零</title><p>0",
            )
            .unwrap();
        }
    }
}

#[test]
fn one_thread_and_many_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    generated_site(dir.path(), 60);
    let site = dir.path().to_string_lossy().into_owned();
    for format in ["jsonl", "json", "sarif", "text"] {
        let one = govaudit(&["audit", "--format", format, "--jobs", "1", &site]);
        let many = govaudit(&["audit", "--format", format, "--jobs", "4", &site]);
        assert_eq!(one.code, 1, "{}", one.stderr);
        assert_eq!(
            one.stdout, many.stdout,
            "{format} differs between 1 and 4 threads"
        );
    }
    let demo_one = govaudit(&[
        "check",
        "--format",
        "json",
        "--jobs",
        "1",
        "examples/demo-site",
    ]);
    let demo_many = govaudit(&[
        "check",
        "--format",
        "json",
        "--jobs",
        "3",
        "examples/demo-site",
    ]);
    assert_eq!(demo_one.stdout, demo_many.stdout);
}

#[test]
fn each_page_is_parsed_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    generated_site(dir.path(), 25);
    let out = govaudit(&[
        "audit",
        "--format",
        "json",
        "--profile",
        "cn-gov",
        "--as-of",
        "2026-12-01",
        &dir.path().to_string_lossy(),
    ]);
    let report = json(&out);
    validate_govaudit_json(&report);
    assert_eq!(report["engine"]["pages"], 26, "{}", out.stderr);
    assert_eq!(report["engine"]["parses"], report["engine"]["pages"]);
    // Every area ran on those single parses.
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for area in ["a11y/", "links/", "disclosure/"] {
        assert!(
            rules.iter().any(|r| r.starts_with(area)),
            "no {area} finding"
        );
    }
    assert!(report["items"].is_array());
}

#[test]
fn a_linked_stylesheet_sets_the_contrast_and_an_unreadable_one_gives_review() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("css")).unwrap();
    std::fs::write(
        dir.path().join("css/low.css"),
        "p{color:#777;background:#888}",
    )
    .unwrap();
    let page = |sheet: &str| {
        format!(
            "<!doctype html><html lang=en><head><title>Contrast</title>\
             <link rel=stylesheet href=\"{sheet}\"></head>\
             <body><main><p>Opening hours of the service hall</p></main></body></html>"
        )
    };
    std::fs::write(dir.path().join("index.html"), page("css/low.css")).unwrap();
    std::fs::write(dir.path().join("gone.html"), page("css/missing.css")).unwrap();
    let out = govaudit(&[
        "check",
        "--only",
        "a11y",
        "--format",
        "json",
        &dir.path().to_string_lossy(),
    ]);
    let report = json(&out);
    let contrast: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "a11y/color-contrast")
        .map(|f| (f["url"].as_str().unwrap(), f["outcome"].as_str().unwrap()))
        .collect();
    let on = |name: &str| {
        contrast
            .iter()
            .filter(|(url, _)| url.ends_with(name))
            .map(|(_, outcome)| *outcome)
            .collect::<Vec<_>>()
    };
    assert!(on("index.html").contains(&"fail"), "{contrast:?}");
    let gone = on("gone.html");
    assert!(
        !gone.is_empty() && gone.iter().all(|o| *o == "review"),
        "{contrast:?}"
    );
    // EARL never says `passed` for contrast on the page whose sheet could not be read.
    let earl = govaudit(&[
        "check",
        "--only",
        "a11y",
        "--format",
        "earl",
        &dir.path().join("gone.html").to_string_lossy(),
    ]);
    assert!(!earl.stdout.is_empty(), "{}", earl.stderr);
    let earl: Value = serde_json::from_str(&earl.stdout).unwrap();
    let text = earl.to_string();
    assert!(text.contains("color-contrast"));
    for assertion in earl["@graph"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|n| n["@type"] == "Assertion")
    {
        if assertion.to_string().contains("color-contrast\"") {
            assert_ne!(assertion["result"]["outcome"], "earl:passed", "{assertion}");
        }
    }
}

/// A small live site: robots.txt with a Crawl-delay and a disallowed area, pages linking to
/// each other, to a stylesheet, an image, a missing page and a disallowed page.
fn live_site(
    delay: &'static str,
) -> (
    String,
    std::sync::Arc<std::sync::Mutex<Vec<common::Logged>>>,
) {
    serve_logged(move |path| {
        let page = |body: &str| {
            format!(
                "<!doctype html><html lang=zh><head><title>{path}</title>\
                 <link rel=stylesheet href=/s.css></head><body><main>{body}</main></body></html>"
            )
            .into_bytes()
        };
        match path {
            "/robots.txt" => (
                "200 OK",
                "text/plain",
                format!("User-agent: *\nCrawl-delay: {delay}\nDisallow: /private/\n").into_bytes(),
            ),
            "/" => (
                "200 OK",
                "text/html",
                page(
                    "<a href=/a.html>a</a> <a href=/b.html>b</a> <a href=/private/x.html>x</a> <img src=/logo.png alt=logo>",
                ),
            ),
            "/a.html" => (
                "200 OK",
                "text/html",
                page("<a href=/b.html>b</a> <a href=/gone.html>gone</a> <a href=/>home</a>"),
            ),
            "/b.html" => (
                "200 OK",
                "text/html",
                page("<a href=/a.html#top>a</a> <img src=/logo.png alt=logo>"),
            ),
            "/s.css" => (
                "200 OK",
                "text/css",
                b"body{color:#111;background:#fff}".to_vec(),
            ),
            "/logo.png" => ("200 OK", "image/png", b"\x89PNG".to_vec()),
            _ => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
        }
    })
}

#[test]
fn each_url_is_requested_once_with_the_crawl_delay_kept() {
    let (base, log) = live_site("0.3");
    let out = govaudit(&[
        "audit",
        "--allow-private",
        "--format",
        "json",
        "--only",
        "a11y,links",
        &format!("{base}/"),
    ]);
    let report = json(&out);
    validate_govaudit_json(&report);
    let log = log.lock().unwrap().clone();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for request in &log {
        *counts.entry(request.path.clone()).or_default() += 1;
    }
    for (path, count) in &counts {
        assert_eq!(*count, 1, "{path} was requested {count} times: {log:?}");
    }
    for path in [
        "/robots.txt",
        "/",
        "/a.html",
        "/b.html",
        "/s.css",
        "/logo.png",
        "/gone.html",
    ] {
        assert!(counts.contains_key(path), "{path} never requested: {log:?}");
    }
    assert!(
        !counts.contains_key("/private/x.html"),
        "a disallowed URL was requested"
    );
    // Crawl-delay: requests after robots.txt are at least 0.3 s apart (a little slack for
    // the clock of the server thread).
    let mut times: Vec<_> = log
        .iter()
        .filter(|r| r.path != "/robots.txt")
        .map(|r| r.at)
        .collect();
    times.sort();
    for pair in times.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap.as_secs_f64() >= 0.25, "requests {gap:?} apart");
    }
    let findings = report["findings"].as_array().unwrap();
    let disallowed = findings
        .iter()
        .find(|f| {
            f["evidence"]["target"]
                .as_str()
                .is_some_and(|t| t.ends_with("/private/x.html"))
        })
        .expect("a finding for the disallowed link");
    assert_eq!(disallowed["rule"], "links/unverifiable");
    assert!(findings.iter().any(|f| {
        f["rule"] == "links/broken"
            && f["evidence"]["target"]
                .as_str()
                .is_some_and(|t| t.ends_with("/gone.html"))
    }));
    assert_eq!(report["engine"]["parses"], report["engine"]["pages"]);
    assert_eq!(report["engine"]["pages"], 3);
}

#[test]
fn a_recorded_run_replays_to_the_same_findings() {
    let (base, _log) = live_site("0");
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("run.warc.gz");
    let live = govaudit(&[
        "audit",
        "--allow-private",
        "--format",
        "jsonl",
        "--only",
        "a11y,links",
        "--save-warc",
        &warc.to_string_lossy(),
        &format!("{base}/"),
    ]);
    assert!(warc.is_file(), "no WARC written: {}", live.stderr);
    let replay = govaudit(&[
        "audit",
        "--format",
        "jsonl",
        "--only",
        "a11y,links",
        &warc.to_string_lossy(),
    ]);
    let findings = |out: &common::Output| -> Vec<String> {
        out.stdout
            .lines()
            .filter(|l| l.starts_with("{\"type\":\"finding\""))
            .map(str::to_owned)
            .collect()
    };
    assert!(!findings(&live).is_empty());
    let (live, replay) = (findings(&live), findings(&replay));
    let only_live: Vec<_> = live.iter().filter(|f| !replay.contains(f)).collect();
    let only_replay: Vec<_> = replay.iter().filter(|f| !live.contains(f)).collect();
    assert!(
        only_live.is_empty() && only_replay.is_empty(),
        "live only: {only_live:#?}\nreplay only: {only_replay:#?}"
    );
    assert_eq!(live, replay, "same findings, same order");
}

#[test]
fn a_directory_and_the_same_site_served_give_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    generated_site(dir.path(), 8);
    let base = common::serve_directory(dir.path());
    let local = govaudit(&[
        "audit",
        "--only",
        "a11y",
        "--format",
        "jsonl",
        &dir.path().to_string_lossy(),
    ]);
    let served = govaudit(&[
        "audit",
        "--only",
        "a11y",
        "--allow-private",
        "--format",
        "jsonl",
        &format!("{base}/index.html"),
    ]);
    // Pages are named by path on disk and by URL live; the findings are otherwise the same.
    let normalise = |out: &common::Output, prefix: &str| -> Vec<String> {
        let mut lines: Vec<String> = out
            .stdout
            .lines()
            .filter(|l| l.starts_with("{\"type\":\"finding\""))
            .map(|l| l.replace(prefix, "SITE"))
            .collect();
        lines.sort();
        lines
    };
    let local_prefix = dir.path().to_string_lossy().into_owned();
    assert_eq!(
        normalise(&local, &local_prefix),
        normalise(&served, &base),
        "served stderr: {}",
        served.stderr
    );
}

#[test]
fn hostile_text_flows_through_every_format_intact() {
    let dir = tempfile::tempdir().unwrap();
    let title = "\"><script>alert('x')</script> 标题 \u{202e}evil\u{1b}[31m";
    std::fs::write(
        dir.path().join("index.html"),
        format!(
            "<html><title>{title}</title><a href=\"missing.html?q=&quot;<script>\">\"<script>alert(1)</script>\u{202e}</a>"
        ),
    )
    .unwrap();
    let site = dir.path().to_string_lossy().into_owned();
    let jsonl = govaudit(&["audit", "--format", "jsonl", &site]);
    let broken: Value = jsonl
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|v| v["rule"] == "links/broken")
        .expect("the broken link");
    assert!(
        broken["evidence"]["href"]
            .as_str()
            .unwrap()
            .contains("<script>")
    );
    let report = json(&govaudit(&["audit", "--format", "json", &site]));
    validate_govaudit_json(&report);
    let sarif = json(&govaudit(&["audit", "--format", "sarif", &site]));
    validate_sarif(&sarif);
    assert!(sarif.to_string().contains("\\u202e") || sarif.to_string().contains('\u{202e}'));
    let text = govaudit(&["audit", "--format", "text", &site]);
    assert!(!text.stdout.contains('\u{1b}'), "raw ESC in text output");
    assert!(
        !text.stdout.contains('\u{202e}'),
        "raw bidi override in text output"
    );
}

#[test]
fn empty_and_unreachable_targets_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = govaudit(&["audit", &dir.path().to_string_lossy()]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("nothing to audit"), "{}", out.stderr);
    let out = govaudit(&["links", &dir.path().to_string_lossy()]);
    assert_eq!(out.code, 2);
    // A port nobody listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let out = govaudit(&[
        "audit",
        "--allow-private",
        &format!("http://127.0.0.1:{port}/"),
    ]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let out = govaudit(&["check", "https://www.example.gov/"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("govaudit audit"), "{}", out.stderr);
}

#[test]
fn numeric_options_out_of_range_are_usage_errors() {
    for args in [
        ["links", "--timeout", "1e30", "http://127.0.0.1/"],
        ["links", "--rate", "1e-300", "http://127.0.0.1/"],
        ["links", "--rate", "1e-12", "http://127.0.0.1/"],
        ["audit", "--deadline", "NaN", "http://127.0.0.1/"],
    ] {
        let out = govaudit(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty());
    }
}
