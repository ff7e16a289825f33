//! Every rule file is registered, ids are unique and well formed, docs are complete, fixtures
//! exist; `pass.html` gives no finding of the rule and `fail.html` gives exactly the expected ones.

use govaudit_core::{Finding, Outcome, is_valid_rule_id};
use govaudit_disclosure::{Options, Profile, RULES, Site, audit, local_url};
use govaudit_html::Document;
use jiff::civil::date;
use std::path::Path;

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn findings_for(fixture: &Path) -> Vec<Finding> {
    let bytes = std::fs::read(fixture).unwrap();
    let url = local_url("index.html").unwrap();
    let doc = Document::parse(&bytes, None, Some(&url));
    let site = Site::from_pages(url.clone(), [(url, doc)]);
    let profile = Profile::builtin("cn-gov").unwrap();
    audit(&profile, &site, &Options::new(date(2026, 11, 25)))
        .unwrap()
        .findings
}

/// (rule name, expected findings of that rule in fail.html: outcome, line, item or column)
/// Outcome, line, and the item id or column name a finding is about.
type Expected = (Outcome, Option<u32>, &'static str);

const EXPECTED: &[(&str, &[Expected])] = &[
    (
        "missing-item",
        &[
            (Outcome::Fail, None, "cn.xxgk_annual_report"),
            (Outcome::Fail, None, "cn.psb_beian"),
            (Outcome::Fail, None, "cn.accessibility"),
        ],
    ),
    (
        "item-needs-review",
        &[(Outcome::Review, Some(31), "cn.xxgk_annual_report")],
    ),
    (
        "invalid-identity-mark",
        &[(Outcome::Fail, Some(41), "cn.site_code")],
    ),
    ("stale-homepage", &[(Outcome::Fail, Some(21), "")]),
    ("stale-column", &[(Outcome::Fail, Some(28), "通知公告")]),
];

#[test]
fn every_rule_file_is_registered_once_with_docs_and_fixtures() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.meta.id).collect();
    govaudit_testkit::assert_rule_files_registered(crate_dir(), "disclosure", &ids);
    for rule in RULES {
        assert!(is_valid_rule_id(rule.meta.id), "{}", rule.meta.id);
        let docs = rule.meta.documentation();
        for heading in ["## What it checks", "## Why it matters", "## How to fix"] {
            assert!(docs.contains(heading), "{} lacks {heading}", rule.meta.id);
        }
        let name = rule.meta.id.strip_prefix("disclosure/").unwrap();
        for kind in ["pass", "fail"] {
            let path = crate_dir().join(format!("tests/fixtures/{name}/{kind}.html"));
            assert!(path.is_file(), "{} missing", path.display());
        }
    }
    assert_eq!(EXPECTED.len(), RULES.len());
}

#[test]
fn pass_fixtures_give_no_finding_of_their_rule() {
    for (name, _) in EXPECTED {
        let findings = findings_for(&crate_dir().join(format!("tests/fixtures/{name}/pass.html")));
        let rule = format!("disclosure/{name}");
        let own: Vec<_> = findings.iter().filter(|f| f.rule == rule).collect();
        assert!(own.is_empty(), "{name}/pass.html: {own:#?}");
    }
}

#[test]
fn the_complete_page_has_every_cn_gov_item() {
    let findings = findings_for(&crate_dir().join("tests/fixtures/missing-item/pass.html"));
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn fail_fixtures_give_the_expected_findings() {
    for (name, expected) in EXPECTED {
        let findings = findings_for(&crate_dir().join(format!("tests/fixtures/{name}/fail.html")));
        let rule = format!("disclosure/{name}");
        let own: Vec<_> = findings.iter().filter(|f| f.rule == rule).collect();
        let got: Vec<(Outcome, Option<u32>, String)> = own
            .iter()
            .map(|f| {
                let key = f.evidence.get("item").or_else(|| f.evidence.get("column"));
                (
                    f.outcome,
                    f.location.line,
                    key.and_then(|k| k.as_str()).unwrap_or("").to_owned(),
                )
            })
            .collect();
        let want: Vec<(Outcome, Option<u32>, String)> = expected
            .iter()
            .map(|(o, l, k)| (*o, *l, (*k).to_owned()))
            .collect();
        assert_eq!(got, want, "{name}/fail.html");
        for finding in own {
            assert!(!finding.standards.is_empty(), "{name}: no legal basis");
            if finding.location.line.is_some() {
                assert!(
                    finding.location.selector.is_some(),
                    "{name}: line without selector"
                );
            }
        }
    }
}
