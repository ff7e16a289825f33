//! `govaudit monitor` and outbound drift (issue 13, item 4): a loopback site links to another
//! loopback site (another port: outside the crawl's scope) whose project page is sold and
//! parked between two daily runs. The second run's diff has the parked link as new findings
//! (`content/outbound-target` and `content/outbound-drift`); they persist while the link stays,
//! and are fixed when the site removes it.

mod common;

use common::{govaudit, serve};
use serde_json::Value;
use std::sync::{Arc, Mutex};

fn ok(out: &common::Output) {
    assert_eq!(
        out.code, 0,
        "stdout: {}\nstderr: {}",
        out.stdout, out.stderr
    );
}

fn run(db: &str, sites: &str, now: &str) {
    ok(&govaudit(&[
        "monitor", "run", "--db", db, sites, "--now", now,
    ]));
}

fn diff(db: &str) -> Value {
    let out = govaudit(&[
        "monitor", "diff", "--db", db, "--site", "demo", "--format", "json",
    ]);
    ok(&out);
    serde_json::from_str(&out.stdout).expect("diff JSON")
}

fn content_rules(list: &Value) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["rule"]
                .as_str()
                .is_some_and(|r| r.starts_with("content/outbound"))
        })
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["outcome"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_project_domain_parked_between_two_runs_is_new_in_the_diff() {
    let project = Arc::new(Mutex::new(
        "<!doctype html><html lang=zh-CN><head><meta charset=utf-8><title>某市智慧城市项目</title></head><body><h1>项目介绍</h1></body></html>".to_owned(),
    ));
    let page = project.clone();
    let external = serve(move |path| match path {
        "/" => (
            "200 OK",
            "text/html; charset=utf-8",
            page.lock().unwrap().clone().into_bytes(),
        ),
        _ => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
    });
    let home = format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>示例政府网站</title></head><body>\n\
<h1>工作动态</h1><ul><li>会议 2026-12-01</li></ul>\n\
<p><a href=\"{external}/\">智慧城市项目</a></p>\n\
</body></html>"
    );
    let home_without_link = home.replace(
        &format!("<p><a href=\"{external}/\">智慧城市项目</a></p>\n"),
        "",
    );
    assert_ne!(home_without_link, home);
    let home_page = Arc::new(Mutex::new(home));
    let served = home_page.clone();
    let site = serve(move |path| match path {
        "/" => (
            "200 OK",
            "text/html; charset=utf-8",
            served.lock().unwrap().clone().into_bytes(),
        ),
        _ => ("404 Not Found", "text/html", b"<title>404</title>".to_vec()),
    });
    let dir = tempfile::tempdir().unwrap();
    let sites_path = dir.path().join("SITES.toml");
    std::fs::write(
        &sites_path,
        format!(
            "[[site]]\nname = \"demo\"\nurl = \"{site}/\"\nallow_private = true\nmax_pages = 5\nrate = 200\n"
        ),
    )
    .unwrap();
    let sites = sites_path.to_str().unwrap();
    let db_path = dir.path().join("monitor.sqlite");
    let db = db_path.to_str().unwrap();

    // Day 1: the project site is itself; nothing to say about it.
    run(db, sites, "2026-12-01T12:00:00Z");
    let first = diff(db);
    assert!(content_rules(&first["new"]).is_empty(), "{first:#?}");

    // Day 2: the domain lapsed and shows a sale page.
    *project.lock().unwrap() = "<!doctype html><html><head><title>This domain is for sale</title></head><body><p>Buy this domain today.</p></body></html>".to_owned();
    run(db, sites, "2026-12-02T12:00:00Z");
    let second = diff(db);
    assert_eq!(
        content_rules(&second["new"]),
        [
            ("content/outbound-drift".to_owned(), "fail".to_owned()),
            ("content/outbound-target".to_owned(), "fail".to_owned()),
        ],
        "{second:#?}"
    );
    let drift = second["new"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "content/outbound-drift")
        .unwrap();
    assert_eq!(drift["evidence"]["change"], "parked");
    assert_eq!(drift["evidence"]["previous_title"], "某市智慧城市项目");
    assert_eq!(drift["evidence"]["title"], "This domain is for sale");
    assert_eq!(drift["location"]["line"], 3);

    // Day 3: still parked. The link and the change are still reported (the change is compared
    // with the target as it was before it), neither is new.
    run(db, sites, "2026-12-03T12:00:00Z");
    let third = diff(db);
    assert!(content_rules(&third["new"]).is_empty(), "{third:#?}");
    assert!(content_rules(&third["fixed"]).is_empty(), "{third:#?}");
    assert_eq!(
        content_rules(&third["persisting"]),
        [
            ("content/outbound-drift".to_owned(), "fail".to_owned()),
            ("content/outbound-target".to_owned(), "fail".to_owned()),
        ]
    );

    // Day 4: the site removed the link. Both are fixed.
    *home_page.lock().unwrap() = home_without_link;
    run(db, sites, "2026-12-04T12:00:00Z");
    let fourth = diff(db);
    assert_eq!(
        content_rules(&fourth["fixed"]),
        [
            ("content/outbound-drift".to_owned(), "fail".to_owned()),
            ("content/outbound-target".to_owned(), "fail".to_owned()),
        ]
    );
    assert!(content_rules(&fourth["persisting"]).is_empty());
}
