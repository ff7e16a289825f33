//! End-to-end test of `govaudit check --format earl`: an EARL JSON-LD report in the form of W3C
//! ACT implementation reports, with passed and inapplicable outcomes as well as failed and
//! cantTell.

mod common;

use common::govaudit;
use serde_json::Value;

#[test]
fn demo_site_earl_has_every_outcome_per_page() {
    let out = govaudit(&["check", "--format", "earl", "examples/demo-site"]);
    assert_eq!(
        out.code, 1,
        "failing findings exit 1; stderr: {}",
        out.stderr
    );
    let earl: Value = serde_json::from_str(&out.stdout).expect("EARL JSON");
    // The context is inline: the W3C ACT mapper reads the report offline.
    assert_eq!(
        earl["@context"]["@vocab"], "http://www.w3.org/ns/earl#",
        "inline context"
    );
    let graph = earl["@graph"].as_array().unwrap();
    assert_eq!(graph[0]["@type"], "Assertor");
    assert_eq!(graph[0]["name"], "govaudit");
    assert!(graph[0]["release"]["revision"].is_string());
    let assertions: Vec<&Value> = graph.iter().filter(|n| n["@type"] == "Assertion").collect();
    assert!(!assertions.is_empty());
    let outcome_of = |rule: &str| -> Vec<String> {
        assertions
            .iter()
            .filter(|a| a["subject"]["source"] == "examples/demo-site/index.html")
            .filter(|a| a["test"]["title"] == rule)
            .map(|a| a["result"]["outcome"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(outcome_of("a11y/image-alt").contains(&"earl:failed".to_owned()));
    assert_eq!(outcome_of("a11y/document-title"), ["earl:passed"]);
    assert_eq!(outcome_of("a11y/meta-refresh"), ["earl:inapplicable"]);
    let outcomes: Vec<&str> = assertions
        .iter()
        .map(|a| a["result"]["outcome"].as_str().unwrap())
        .collect();
    for expected in [
        "earl:failed",
        "earl:passed",
        "earl:inapplicable",
        "earl:cantTell",
    ] {
        assert!(outcomes.contains(&expected), "no {expected}");
    }
    assert!(!outcomes.contains(&"earl:untested"));
}

#[test]
fn earl_source_base_names_pages_by_their_url() {
    let out = govaudit(&[
        "check",
        "--format",
        "earl",
        "--earl-source-base",
        "https://demo.example/site/",
        "examples/demo-site",
    ]);
    let earl: Value = serde_json::from_str(&out.stdout).expect("EARL JSON");
    let sources: Vec<&str> = earl["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["subject"]["source"].as_str())
        .collect();
    assert!(
        sources.contains(&"https://demo.example/site/index.html"),
        "{sources:?}"
    );
    assert!(
        sources
            .iter()
            .all(|s| s.starts_with("https://demo.example/site/"))
    );
}
