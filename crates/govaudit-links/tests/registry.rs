//! Every rule is registered, well-formed and documented, and its fixtures give what they should:
//! `pass.html` nothing of the rule, `fail.html` exactly the findings in `fail.expected`
//! (outcome, severity, line, selector, target). `UPDATE_EXPECT=1` rewrites the expectations.

use govaudit_core::{Finding, is_valid_rule_id};
use govaudit_links::{OfflineOptions, RULES, check_directory};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Rules judged over HTTP: their fixtures run in tests/http.rs against a loopback server.
const HTTP_RULES: &[&str] = &["links/redirect", "links/unverifiable", "links/soft-404"];

#[test]
fn registry_ids_are_unique_well_formed_and_documented() {
    let mut seen = HashSet::new();
    for rule in RULES {
        let meta = rule.meta;
        assert!(is_valid_rule_id(meta.id), "{}", meta.id);
        assert_eq!(meta.area(), "links");
        assert!(seen.insert(meta.id), "duplicate {}", meta.id);
        let docs = meta.documentation();
        for heading in ["## What it checks", "## Why it matters", "## How to fix"] {
            assert!(docs.contains(heading), "{} lacks {heading}", meta.id);
        }
    }
}

#[test]
fn every_rule_file_is_registered() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.meta.id).collect();
    govaudit_testkit::assert_rule_files_registered(&crate_dir(), "links", &ids);
}

fn findings_in(dir: &Path, page: &str, rule: &str) -> Vec<Finding> {
    let report = check_directory(dir, &OfflineOptions::default()).unwrap();
    report
        .findings
        .into_iter()
        .filter(|f| f.rule == rule && f.url.ends_with(&format!("/{page}")))
        .collect()
}

fn describe(f: &Finding) -> String {
    format!(
        "{} {} line {} {} -> {}",
        format!("{:?}", f.outcome).to_lowercase(),
        f.severity,
        f.location.line.unwrap_or(0),
        f.location.selector.as_deref().unwrap_or("-"),
        f.evidence
            .get("target")
            .and_then(|t| t.as_str())
            .unwrap_or("(unparsable)"),
    )
}

#[test]
fn offline_rule_fixtures() {
    for rule in RULES {
        let id = rule.meta.id;
        let dir = crate_dir()
            .join("tests/fixtures")
            .join(id.trim_start_matches("links/"));
        assert!(dir.join("pass.html").is_file(), "{id}: no pass.html");
        assert!(dir.join("fail.html").is_file(), "{id}: no fail.html");
        if HTTP_RULES.contains(&id) {
            continue;
        }
        let pass = findings_in(&dir, "pass.html", id);
        assert!(pass.is_empty(), "{id}: pass.html gave {pass:#?}");
        let fail: Vec<String> = findings_in(&dir, "fail.html", id)
            .iter()
            .map(describe)
            .collect();
        assert!(!fail.is_empty(), "{id}: fail.html gave nothing");
        let expected_path = dir.join("fail.expected");
        let actual = fail.join("\n") + "\n";
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&expected_path, &actual).unwrap();
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        assert_eq!(
            actual, expected,
            "{id}: fail.html findings differ from fail.expected"
        );
    }
}

#[test]
fn findings_carry_link_evidence() {
    let dir = crate_dir().join("tests/fixtures/broken");
    let found = findings_in(&dir, "fail.html", "links/broken");
    let first = &found[0];
    assert_eq!(first.evidence["href"], "missing.css");
    assert_eq!(first.evidence["element"], "link");
    assert_eq!(first.evidence["kind"], "active-resource");
    assert_eq!(first.evidence["target"], "https://site.invalid/missing.css");
    let anchor = found
        .iter()
        .find(|f| f.evidence["href"] == "missing.html")
        .unwrap();
    assert_eq!(anchor.evidence["text"], "missing page");
    assert!(
        anchor.message.contains("missing page"),
        "{}",
        anchor.message
    );
}
