//! End-to-end tests of `govaudit disclosure`: they run the real binary on the demo site and on
//! the disclosure crate's test pages.

mod common;

use common::{govaudit, validate_govaudit_json};
use serde_json::Value;

const DEMO: &str = "examples/demo-site";
const PAGES: &str = "crates/govaudit-disclosure/tests/pages";

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["disclosure", "--format", "json"];
    all.extend_from_slice(args);
    let out = govaudit(&all);
    assert!(
        out.code == 0 || out.code == 1,
        "exit {}: {}",
        out.code,
        out.stderr
    );
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON output");
    validate_govaudit_json(&report);
    (out.code, report)
}

fn state<'a>(report: &'a Value, id: &str) -> &'a str {
    let items = report["items"].as_array().expect("items section");
    let item = items
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("{id} missing"));
    item["state"].as_str().unwrap()
}

fn findings<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

#[test]
fn demo_site_missing_items_and_stale_column_are_found_and_present_marks_are_present() {
    let (code, report) = json(&["--profile", "cn-gov", "--as-of", "2026-11-25", DEMO]);
    assert_eq!(code, 1);
    let items = report["items"].as_array().unwrap();
    assert_eq!(items.len(), 19, "every cn-gov item once");
    for id in ["cn.xxgk_annual_report", "cn.psb_beian", "cn.accessibility"] {
        assert_eq!(state(&report, id), "absent", "{id}");
    }
    for id in [
        "cn.xxgk_column",
        "cn.xxgk_guide",
        "cn.xxgk_system",
        "cn.fdzdgk_content",
        "cn.ysqgk",
        "cn.policy_docs",
        "cn.policy_interpretation",
        "cn.org_functions",
        "cn.interaction",
        "cn.site_code",
        "cn.icp",
        "cn.conac",
        "cn.host_org",
        "cn.contact",
        "cn.sitemap",
        "cn.zhaocuo",
    ] {
        assert_eq!(state(&report, id), "present", "{id}");
    }
    let missing: Vec<&str> = findings(&report, "disclosure/missing-item")
        .iter()
        .map(|f| f["evidence"]["item"].as_str().unwrap())
        .collect();
    assert_eq!(
        missing,
        ["cn.xxgk_annual_report", "cn.psb_beian", "cn.accessibility"]
    );
    // The hidden homepage link and the commented sidebar link are shown, not counted.
    let annual = &findings(&report, "disclosure/missing-item")[0];
    let ignored = annual["evidence"]["ignored"].as_array().unwrap();
    assert!(
        ignored
            .iter()
            .any(|e| e["page"] == "examples/demo-site/index.html" && e["line"] == 85)
    );
    assert!(
        ignored
            .iter()
            .any(|e| e["page"] == "examples/demo-site/xxgk/index.html")
    );
    assert!(
        annual["standards"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s.as_str().unwrap().starts_with("CN-OGI-2019:"))
    );
    // Headline distractors (index.html 55 and 57) are not evidence of any item.
    for item in items {
        for e in item["evidence"].as_array().unwrap() {
            assert!(
                !(e["page"] == "examples/demo-site/index.html"
                    && (e["line"] == 55 || e["line"] == 57)),
                "headline counted for {}",
                item["id"]
            );
        }
    }
    let stale = findings(&report, "disclosure/stale-column");
    assert_eq!(stale.len(), 1, "{stale:#?}");
    assert_eq!(stale[0]["url"], "examples/demo-site/xwzx/bmdt.html");
    assert_eq!(stale[0]["location"]["line"], 60);
    assert_eq!(stale[0]["evidence"]["column"], "部门动态");
    assert_eq!(stale[0]["evidence"]["stale_columns_total"], 1);
    assert_eq!(report["profile"]["stale_columns"], 1);
    assert!(findings(&report, "disclosure/stale-homepage").is_empty());
    assert_eq!(report["profile"]["id"], "cn-gov");
    assert_eq!(report["profile"]["homepage_newest"], "2026-11-20");
}

#[test]
fn freshness_follows_as_of() {
    // Before 部门动态's window closed, nothing is stale.
    let (_, early) = json(&["--profile", "cn-gov", "--as-of", "2026-10-20", DEMO]);
    assert!(findings(&early, "disclosure/stale-column").is_empty());
    assert!(findings(&early, "disclosure/stale-homepage").is_empty());
    // A month later the homepage is stale (critical, the veto item) and so is 政务要闻.
    let (code, late) = json(&["--profile", "cn-gov", "--as-of", "2026-12-20", DEMO]);
    assert_eq!(code, 1);
    let home = findings(&late, "disclosure/stale-homepage");
    assert_eq!(home.len(), 1);
    assert_eq!(home[0]["severity"], "critical");
    assert_eq!(
        home[0]["standards"][0],
        "CN-GOV-2019:web.veto.home_not_updated"
    );
    let columns: Vec<&str> = findings(&late, "disclosure/stale-column")
        .iter()
        .map(|f| f["evidence"]["column"].as_str().unwrap())
        .collect();
    assert!(
        columns.contains(&"政务要闻") && columns.contains(&"部门动态"),
        "{columns:?}"
    );
    assert!(!columns.contains(&"通知公告"), "6-month window");
}

#[test]
fn text_output_lists_every_item_with_its_state() {
    // cn-gov writes Chinese text by default; this test reads the English labels.
    let out = govaudit(&[
        "disclosure",
        "--lang",
        "en",
        "--profile",
        "cn-gov",
        "--as-of",
        "2026-11-25",
        DEMO,
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    for id in ["cn.xxgk_column", "cn.zhaocuo", "cn.psb_beian"] {
        assert!(out.stdout.contains(id), "{id} not listed");
    }
    assert!(out.stdout.contains("absent   cn.psb_beian"));
    assert!(out.stdout.contains("present  cn.icp"));
    assert!(
        out.stdout
            .contains("not counted: examples/demo-site/index.html:85")
    );
}

#[test]
fn fail_on_critical_lets_the_demo_pass() {
    let out = govaudit(&[
        "disclosure",
        "--profile",
        "cn-gov",
        "--as-of",
        "2026-11-25",
        "--fail-on",
        "critical",
        DEMO,
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn us_and_eu_profiles_run_on_single_pages() {
    let (_, us) = json(&[
        "--profile",
        "us-federal",
        &format!("{PAGES}/us/agency-home.html"),
    ]);
    assert_eq!(us["items"].as_array().unwrap().len(), 11);
    assert_eq!(state(&us, "us.foia"), "present");
    assert_eq!(state(&us, "us.usagov"), "present");
    let (_, eu) = json(&[
        "--profile",
        "eu-public-sector",
        &format!("{PAGES}/eu/de-bund.html"),
    ]);
    assert_eq!(eu["items"].as_array().unwrap().len(), 5);
    assert_eq!(state(&eu, "eu.accessibility_statement"), "present");
}

#[test]
fn a_profile_file_can_be_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "[profile]\nid = \"mine\"\nname = \"Mine\"\n[[items]]\nid = \"x.sitemap\"\ndescription = \"Sitemap\"\nkind = \"entrance\"\nlegal_basis = [\"X:1\"]\n[items.synonyms]\nzh = [\"网站地图\"]\n",
    )
    .unwrap();
    let (code, report) = json(&["--profile", path.to_str().unwrap(), DEMO]);
    assert_eq!(code, 0);
    assert_eq!(state(&report, "x.sitemap"), "present");
    std::fs::write(&path, "[profile]\nid = \"mine\"\n").unwrap();
    let out = govaudit(&["disclosure", "--profile", path.to_str().unwrap(), DEMO]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("mine.toml: not a valid profile"),
        "{}",
        out.stderr
    );
}

/// The demo site served over loopback HTTP and crawled live finds the same items as the
/// offline run: the planted gaps stay gaps and the present marks are present.
#[test]
fn live_crawl_of_the_served_demo_site_matches_the_offline_run() {
    let base = common::serve_directory(&common::repo().join(DEMO));
    let url = format!("{base}/");
    let (_, live) = json(&[
        "--profile",
        "cn-gov",
        "--as-of",
        "2026-11-25",
        "--allow-private",
        "--timeout",
        "10",
        &url,
    ]);
    let (_, offline) = json(&["--profile", "cn-gov", "--as-of", "2026-11-25", DEMO]);
    let states = |report: &Value| -> Vec<(String, String)> {
        report["items"]
            .as_array()
            .expect("items section")
            .iter()
            .map(|i| {
                (
                    i["id"].as_str().unwrap_or_default().to_owned(),
                    i["state"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(states(&live), states(&offline));
    assert_eq!(state(&live, "cn.psb_beian"), "absent");
    assert_eq!(state(&live, "cn.icp"), "present");
    // Without --allow-private nothing on loopback is fetched.
    let refused = govaudit(&["disclosure", "--profile", "cn-gov", &url]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
}

#[test]
fn unreachable_urls_and_unknown_profiles_are_usage_errors() {
    // Non-public addresses are refused by the crawler: nothing fetched is an error, not a report.
    let out = govaudit(&["disclosure", "--profile", "cn-gov", "http://127.0.0.1:9/"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    // cn-gov speaks Chinese, its errors too (the cause from the fetcher stays as written).
    assert!(
        out.stderr.contains("起始页面无法获取") && out.stderr.contains("non-public"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1);
    let out = govaudit(&["disclosure", "--profile", "cn-gov", "ftp://example.gov.cn/"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("only http and https URLs"),
        "{}",
        out.stderr
    );
    let out = govaudit(&["disclosure", "--profile", "xx-gov", DEMO]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("not a built-in profile"),
        "{}",
        out.stderr
    );
}

#[test]
fn rules_lists_the_disclosure_rules() {
    let out = govaudit(&["rules"]);
    for id in [
        "disclosure/missing-item",
        "disclosure/stale-homepage",
        "disclosure/stale-column",
    ] {
        assert!(out.stdout.contains(id), "{id}");
    }
}
