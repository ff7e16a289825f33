//! Outbound drift end to end (issue 13, item 4): a gov-like loopback site links to a second
//! loopback host standing for other sites, whose pages are a parked domain, a gambling page and a
//! clean agency page. `audit` fails the links to the first two (at every page that carries them) with `content/outbound-target` and records every
//! external target in the `outbound` section; each target is requested once.

mod common;

use common::{govaudit, serve, serve_logged_at};
use serde_json::Value;
use std::collections::HashMap;

const PARKED: &str = "<!doctype html><html><head><title>old-project.example - This domain is for sale</title></head><body><p>Make an offer.</p></body></html>";
const GAMBLING: &str = "<!doctype html><html lang=zh-CN><head><meta charset=utf-8><title>澳门葡京娱乐城 百家乐</title></head><body><p>注册送彩金</p></body></html>";
const AGENCY: &str = "<!doctype html><html lang=zh-CN><head><meta charset=utf-8><title>某省科技项目管理平台</title></head><body><h1>项目申报</h1></body></html>";

/// The other sites, on 127.0.0.2 (a parking service's host cannot be served on loopback: the
/// parked page is told by its phrase).
fn start_external() -> (
    String,
    std::sync::Arc<std::sync::Mutex<Vec<common::Logged>>>,
) {
    serve_logged_at("127.0.0.2", |path| match path {
        "/parked" => (
            "200 OK",
            "text/html; charset=utf-8",
            PARKED.as_bytes().to_vec(),
        ),
        "/casino" => (
            "200 OK",
            "text/html; charset=utf-8",
            GAMBLING.as_bytes().to_vec(),
        ),
        "/agency" => (
            "200 OK",
            "text/html; charset=utf-8",
            AGENCY.as_bytes().to_vec(),
        ),
        _ => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
    })
}

fn start_site(external: &str) -> String {
    let home = format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>示例政府网站</title></head><body>\n\
<h1>友情链接</h1>\n\
<ul>\n\
<li><a href=\"{external}/parked\">原科技项目网</a></li>\n\
<li><a href=\"{external}/casino\">原专题网站</a></li>\n\
<li><a href=\"{external}/agency\">科技项目管理平台</a></li>\n\
</ul>\n\
<p><a href=\"about.html\">关于本站</a></p>\n\
</body></html>"
    );
    let about = format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>关于本站</title></head><body>\n\
<p><a href=\"{external}/parked\">原科技项目网</a></p>\n\
</body></html>"
    );
    serve(move |path| match path {
        "/" => (
            "200 OK",
            "text/html; charset=utf-8",
            home.clone().into_bytes(),
        ),
        "/about.html" => (
            "200 OK",
            "text/html; charset=utf-8",
            about.clone().into_bytes(),
        ),
        _ => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
    })
}

fn report(args: &[&str]) -> Value {
    let out = govaudit(args);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); code {}\nstderr: {}\nstdout: {}",
            out.code, out.stderr, out.stdout
        )
    })
}

fn outbound_findings(report: &Value) -> Vec<&Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "content/outbound-target")
        .collect()
}

#[test]
fn audit_fails_links_to_parked_and_spam_targets_and_records_every_target() {
    let (external, log) = start_external();
    let site = start_site(&external);
    let report = report(&[
        "audit",
        "--allow-private",
        "--allow-address",
        "127.0.0.2/32",
        "--format",
        "json",
        "--only",
        "links,content",
        &format!("{site}/"),
    ]);
    common::validate_govaudit_json(&report);
    let found = outbound_findings(&report);
    let mut by_place: Vec<(String, String, u64, String)> = found
        .iter()
        .map(|f| {
            (
                f["url"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches(&site)
                    .to_owned(),
                f["evidence"]["target"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches(&external)
                    .to_owned(),
                f["location"]["line"].as_u64().unwrap_or(0),
                f["evidence"]["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    by_place.sort();
    assert_eq!(
        by_place,
        [
            (
                "/".to_owned(),
                "/casino".to_owned(),
                5,
                "keyword".to_owned()
            ),
            ("/".to_owned(), "/parked".to_owned(), 4, "parked".to_owned()),
            (
                "/about.html".to_owned(),
                "/parked".to_owned(),
                2,
                "parked".to_owned()
            ),
        ]
    );
    let casino = found
        .iter()
        .find(|f| f["evidence"]["kind"] == "keyword")
        .unwrap();
    assert_eq!(casino["evidence"]["title"], "澳门葡京娱乐城 百家乐");
    assert_eq!(casino["evidence"]["final_host"], "127.0.0.2");
    assert_eq!(casino["evidence"]["category"], "gambling");
    assert_eq!(casino["severity"], "critical");
    assert!(casino["location"]["selector"].as_str().is_some());

    // Every external target is recorded, the clean one too, with its title.
    let targets = report["outbound"]["targets"].as_array().unwrap();
    let titles: HashMap<String, String> = targets
        .iter()
        .map(|t| {
            (
                t["url"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches(&external)
                    .to_owned(),
                t["title"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(titles.len(), 3, "{targets:#?}");
    assert_eq!(titles["/agency"], "某省科技项目管理平台");
    assert_eq!(targets[0]["final_host"], "127.0.0.2");

    // One request per external target: the title came from the link check's answer.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for request in log.lock().unwrap().iter() {
        *counts.entry(request.path.clone()).or_default() += 1;
    }
    for path in ["/parked", "/casino", "/agency"] {
        assert_eq!(counts.get(path), Some(&1), "{path}: {counts:?}");
    }
}

#[test]
fn without_the_content_area_targets_are_recorded_but_not_judged() {
    let (external, _log) = start_external();
    let site = start_site(&external);
    let report = report(&[
        "links",
        "--allow-private",
        "--allow-address",
        "127.0.0.2/32",
        "--format",
        "json",
        &format!("{site}/"),
    ]);
    assert!(outbound_findings(&report).is_empty());
    assert_eq!(report["outbound"]["targets"].as_array().unwrap().len(), 3);
}

#[test]
fn without_the_external_host_allowed_nothing_is_judged() {
    let (external, log) = start_external();
    let site = start_site(&external);
    let report = report(&[
        "audit",
        "--allow-private",
        "--format",
        "json",
        "--only",
        "links,content",
        &format!("{site}/"),
    ]);
    assert!(outbound_findings(&report).is_empty());
    assert!(log.lock().unwrap().is_empty(), "127.0.0.2 was requested");
}

#[test]
fn a_site_on_disk_checked_with_its_external_links_is_judged_too() {
    let (external, _log) = start_external();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        format!(
            "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>首页</title></head><body>\n\
<p><a href=\"{external}/casino\">原专题网站</a> <a href=\"{external}/agency\">平台</a></p>\n\
</body></html>"
        ),
    )
    .unwrap();
    let report = report(&[
        "audit",
        "--check-external",
        "--allow-private",
        "--format",
        "json",
        "--only",
        "links,content",
        dir.path().to_str().unwrap(),
    ]);
    let found = outbound_findings(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["evidence"]["kind"], "keyword");
    assert!(found[0]["url"].as_str().unwrap().ends_with("index.html"));
    assert_eq!(found[0]["location"]["line"], 2);
    assert_eq!(report["outbound"]["targets"].as_array().unwrap().len(), 2);
}
