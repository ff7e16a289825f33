//! The registry test: every rule file is registered once and has fixtures next to it;
//! `tests/fixtures/<rule>/pass.json` (a recorded exchange) yields no finding of the rule and
//! `fail.json` yields the findings in its snapshot (rule, outcome, severity, header, message).

use govaudit_core::{Collector, Finding};
use govaudit_headers::{Context, Exchange, RULES, Rule, parse_input};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_dir(rule_id: &str) -> PathBuf {
    let name = rule_id.split_once('/').map_or(rule_id, |(_, n)| n);
    crate_dir().join("tests/fixtures").join(name)
}

fn exchange(path: &Path) -> Exchange {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_input(&bytes, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs one rule alone over a fixture.
fn findings_of(rule: &Rule, path: &Path) -> Vec<Finding> {
    let e = exchange(path);
    let cx = Context::new(&e, None);
    let mut out = Collector::new(e.url.clone());
    (rule.check)(&cx, &mut out);
    out.into_findings()
}

#[test]
fn every_rule_file_is_registered_once_and_has_fixtures() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.meta.id).collect();
    govaudit_testkit::assert_rule_files_registered(&crate_dir(), "headers", &ids);
    let registered: BTreeSet<String> = RULES
        .iter()
        .map(|r| r.meta.id.trim_start_matches("headers/").to_owned())
        .collect();
    for rule in RULES {
        for which in ["pass.json", "fail.json"] {
            let path = fixture_dir(rule.meta.id).join(which);
            assert!(path.exists(), "missing {}", path.display());
        }
    }
    let dirs: BTreeSet<String> = std::fs::read_dir(crate_dir().join("tests/fixtures"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(dirs, registered, "a fixture directory has no rule");
}

#[test]
fn pass_fixtures_yield_no_finding_of_their_rule() {
    for rule in RULES {
        let path = fixture_dir(rule.meta.id).join("pass.json");
        let findings = findings_of(rule, &path);
        assert!(findings.is_empty(), "{}: {:#?}", rule.meta.id, findings);
        // The whole pipeline agrees with the rule run alone.
        let all = govaudit_headers::check(&exchange(&path), None);
        assert!(
            all.iter().all(|f| f.rule != rule.meta.id),
            "{}",
            rule.meta.id
        );
    }
}

#[test]
fn fail_fixtures_match_their_snapshots() {
    for rule in RULES {
        let path = fixture_dir(rule.meta.id).join("fail.json");
        let findings = findings_of(rule, &path);
        assert!(
            !findings.is_empty(),
            "{}: fail.json yields nothing",
            rule.meta.id
        );
        assert!(findings.iter().all(|f| f.rule == rule.meta.id));
        let all = govaudit_headers::check(&exchange(&path), None);
        let from_all: Vec<&Finding> = all.iter().filter(|f| f.rule == rule.meta.id).collect();
        assert_eq!(
            from_all,
            findings.iter().collect::<Vec<_>>(),
            "{}",
            rule.meta.id
        );
        let summary: Vec<String> = findings
            .iter()
            .map(|f| {
                format!(
                    "{} {} {} header={} :: {}",
                    f.rule,
                    f.outcome,
                    f.severity,
                    f.location.header.as_deref().unwrap_or("-"),
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
