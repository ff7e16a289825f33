//! The registry test: every rule file is registered, ids are unique and well formed, docs and
//! fixtures exist; `pass.html` yields nothing of the rule and `fail.html` yields the findings in
//! its snapshot (rule, outcome, line, selector, message).

use govaudit_a11y::RULES;
use govaudit_core::{Collector, is_valid_rule_id};
use govaudit_html::Document;
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_dir(rule_id: &str) -> PathBuf {
    let name = rule_id.split_once('/').map_or(rule_id, |(_, n)| n);
    crate_dir().join("tests/fixtures").join(name)
}

fn findings_of(rule_id: &str, path: &Path) -> Vec<govaudit_core::Finding> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = Document::parse(&bytes, None, None);
    let mut found = Collector::new(path.file_name().unwrap().to_string_lossy());
    govaudit_a11y::check_rules(&doc, &[rule_id], &mut found);
    found.into_findings()
}

#[test]
fn every_rule_file_is_registered_once() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.meta.id).collect();
    govaudit_testkit::assert_rule_files_registered(&crate_dir(), "a11y", &ids);
}

/// Rules that name no success criterion, because the ACT rule they implement maps to none and
/// axe tags its rule `best-practice`: their findings must not claim a WCAG failure.
const BEST_PRACTICES: &[&str] = &["a11y/heading-name", "a11y/presentation-role-conflict"];

#[test]
fn metadata_is_complete() {
    for rule in RULES {
        let meta = rule.meta;
        assert!(is_valid_rule_id(meta.id), "{}", meta.id);
        assert_eq!(meta.area(), "a11y");
        let docs = meta.documentation();
        for heading in ["## What it checks", "## Why it matters", "## How to fix"] {
            assert!(docs.contains(heading), "{} docs lack {heading}", meta.id);
        }
        assert_eq!(
            meta.standards.iter().any(|s| s.starts_with("WCAG22:")),
            !BEST_PRACTICES.contains(&meta.id),
            "{}: a rule names a WCAG criterion unless it is a best practice",
            meta.id
        );
        for source in meta.sources {
            assert!(
                source.id.starts_with("ACT:") || source.id.starts_with("axe:"),
                "{}: unknown source {}",
                meta.id,
                source.id
            );
        }
    }
}

#[test]
fn pass_fixtures_yield_no_finding_of_their_rule() {
    for rule in RULES {
        let path = fixture_dir(rule.meta.id).join("pass.html");
        assert!(path.exists(), "missing {}", path.display());
        let findings = findings_of(rule.meta.id, &path);
        assert!(findings.is_empty(), "{}: {:#?}", rule.meta.id, findings);
    }
}

#[test]
fn fail_fixtures_match_their_snapshots() {
    for rule in RULES {
        let path = fixture_dir(rule.meta.id).join("fail.html");
        assert!(path.exists(), "missing {}", path.display());
        let findings = findings_of(rule.meta.id, &path);
        assert!(
            !findings.is_empty(),
            "{}: fail.html yields nothing",
            rule.meta.id
        );
        let summary: Vec<String> = findings
            .iter()
            .map(|f| {
                format!(
                    "{} {} line {} {} :: {}",
                    f.rule,
                    f.outcome,
                    f.location.line.map_or("-".into(), |l| l.to_string()),
                    f.location.selector.as_deref().unwrap_or("-"),
                    f.message
                )
            })
            .collect();
        let name = rule.meta.id.replace('/', "__");
        insta::with_settings!({snapshot_path => fixture_dir(rule.meta.id), prepend_module_to_snapshot => false}, {
            insta::assert_yaml_snapshot!(name, summary);
        });
    }
}
