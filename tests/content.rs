//! End-to-end: `govaudit check --only content` over a small site planted with a 通报-like
//! gambling link hidden by a linked sheet, a referrer redirect and an outdated name; its clean
//! page gives nothing.

mod common;

use common::govaudit;
use serde_json::Value;

fn findings(args: &[&str]) -> Vec<Value> {
    let out = govaudit(args);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON output");
    report["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn check_only_content_finds_the_planted_problems_and_nothing_on_the_clean_page() {
    let found = findings(&[
        "check",
        "--only",
        "content",
        "--format",
        "json",
        "tests/fixtures/content-site",
    ]);
    let has = |rule: &str, key: &str, value: &str| {
        found.iter().any(|f| {
            f["rule"] == rule
                && f["outcome"] == "fail"
                && f["url"].as_str().is_some_and(|u| u.ends_with("index.html"))
                && f["evidence"][key] == value
        })
    };
    assert!(
        has("content/hidden-link", "technique", "display-none"),
        "{found:#?}"
    );
    assert!(
        has("content/hidden-link", "rule", ".ft-links { display: none }"),
        "{found:#?}"
    );
    assert!(
        has("content/injected-script", "reason", "referrer-redirect"),
        "{found:#?}"
    );
    assert!(
        has("content/outdated-expression", "term", "国土资源部"),
        "{found:#?}"
    );
    assert!(
        found.iter().all(|f| f["rule"]
            .as_str()
            .is_some_and(|r| r.starts_with("content/"))),
        "--only content runs no other area"
    );
    assert!(
        !found
            .iter()
            .any(|f| f["url"].as_str().is_some_and(|u| u.ends_with("clean.html"))),
        "{found:#?}"
    );
}

#[test]
fn rules_lists_the_content_rules() {
    let out = govaudit(&["rules", "--format", "json"]);
    for id in [
        "content/hidden-link",
        "content/injected-script",
        "content/outdated-expression",
    ] {
        assert!(
            out.stdout.contains(id),
            "{id} missing from `govaudit rules`"
        );
    }
}
