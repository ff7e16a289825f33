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
    assert_eq!(
        earl["@context"],
        "https://act-rules.github.io/earl-context.json"
    );
    let graph = earl["@graph"].as_array().unwrap();
    assert!(!graph.is_empty());
    let index = graph
        .iter()
        .find(|s| s["source"] == "examples/demo-site/index.html")
        .expect("index.html is a test subject");
    assert_eq!(index["@type"], "TestSubject");
    let outcome_of = |rule: &str| -> Vec<String> {
        index["assertions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["test"]["title"] == rule)
            .map(|a| a["result"]["outcome"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(outcome_of("a11y/image-alt").contains(&"earl:failed".to_owned()));
    assert_eq!(outcome_of("a11y/document-title"), ["earl:passed"]);
    assert_eq!(outcome_of("a11y/meta-refresh"), ["earl:inapplicable"]);
    let outcomes: Vec<&str> = graph
        .iter()
        .flat_map(|s| s["assertions"].as_array().unwrap())
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
