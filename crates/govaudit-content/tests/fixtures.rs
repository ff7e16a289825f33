//! Every fixture under `tests/fixtures/<rule>/`: `fail-*` pages must fail the rule with the
//! technique or reason the table below names, `review-*` pages must ask for review and not fail,
//! `pass-*` pages must give no finding of the rule at all. The pages are served from
//! `https://www.example.gov.cn/news/`, their linked sheets from the fixture directory.

use govaudit_content::{Config, Input};
use govaudit_core::{Collector, Finding, Outcome};
use govaudit_html::Document;
use govaudit_html::style::{SheetState, StylesheetSource};
use std::path::{Path, PathBuf};
use url::Url;

const BASE: &str = "https://www.example.gov.cn/news/";

/// Reads `https://www.example.gov.cn/news/X` from `tests/fixtures/<rule>/X`.
struct FixtureSheets(PathBuf);

impl StylesheetSource for FixtureSheets {
    fn load(&self, url: &Url) -> SheetState {
        let relative = url
            .path()
            .trim_start_matches("/news/")
            .trim_start_matches('/');
        match std::fs::read_to_string(self.0.join(relative)) {
            Ok(text) => SheetState::Loaded(text.into()),
            Err(e) => SheetState::Unavailable {
                reason: e.to_string(),
            },
        }
    }
}

fn dir(rule: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rule)
}

fn run(rule: &str, name: &str, config: &Config) -> Vec<Finding> {
    let path = dir(rule).join(format!("{name}.html"));
    let bytes = std::fs::read(&path).unwrap();
    let url = Url::parse(BASE)
        .unwrap()
        .join(&format!("{name}.html"))
        .unwrap();
    let doc = Document::parse(&bytes, Some("text/html"), Some(&url));
    let sheets = FixtureSheets(dir(rule).join("css").parent().unwrap().to_path_buf());
    let input = Input {
        source: Some(&bytes),
        sheets: Some(&sheets),
        config: Some(config),
        computed: None,
    };
    let mut out = Collector::new(url.as_str());
    govaudit_content::check(&doc, &input, &mut out);
    out.into_findings()
        .into_iter()
        .filter(|f| f.rule == format!("content/{rule}"))
        .collect()
}

fn fixtures(rule: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir(rule))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".html").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// The evidence a fail fixture must show: `technique` (hidden-link) or `reason`
/// (injected-script) or `term` (outdated-expression).
fn expected(rule: &str, name: &str) -> (&'static str, &'static str) {
    match (rule, name) {
        ("hidden-link", "fail-after-html-end") => ("technique", "after-html-end"),
        ("hidden-link", "fail-colour-as-background") => ("technique", "colour-as-background"),
        ("hidden-link", "fail-display-none") => ("technique", "display-none"),
        ("hidden-link", "fail-document-write") => ("technique", "document-write"),
        ("hidden-link", "fail-hidden-attribute") => ("technique", "hidden-attribute"),
        ("hidden-link", "fail-linked-stylesheet") => ("technique", "display-none"),
        ("hidden-link", "fail-marquee") => ("technique", "marquee"),
        ("hidden-link", "fail-noscript") => ("technique", "noscript"),
        ("hidden-link", "fail-off-screen") => ("technique", "off-screen"),
        ("hidden-link", "fail-opacity-zero") => ("technique", "opacity-zero"),
        ("hidden-link", "fail-script-hidden") => ("technique", "script-hidden"),
        ("hidden-link", "fail-text-indent") => ("technique", "text-indent"),
        ("hidden-link", "fail-tiny-font") => ("technique", "tiny-font"),
        ("hidden-link", "fail-visibility-hidden") => ("technique", "visibility-hidden"),
        ("hidden-link", "fail-zero-size") => ("technique", "zero-size"),
        ("injected-script", "fail-after-html-end") => ("reason", "after-html-end"),
        ("injected-script", "fail-char-codes") => ("reason", "obfuscation"),
        ("injected-script", "fail-document-write") => ("reason", "document-write"),
        ("injected-script", "fail-hidden-frame") => ("reason", "hidden-frame"),
        ("injected-script", "fail-miner") => ("reason", "miner"),
        ("injected-script", "fail-obfuscation") => ("reason", "obfuscation"),
        ("injected-script", "fail-referrer-redirect") => ("reason", "referrer-redirect"),
        ("outdated-expression", "fail-cbirc-2023") => ("term", "中国银行保险监督管理委员会"),
        ("outdated-expression", "fail-current-page") => ("term", "国土资源部"),
        ("outdated-expression", "fail-no-date") => ("term", "国家工商行政管理总局"),
        _ => panic!("{rule}/{name}: add its expected evidence to the table"),
    }
}

fn check_rule(rule: &str) {
    let names = fixtures(rule);
    assert!(names.len() >= 8, "{rule}: {names:?}");
    for name in names {
        let findings = run(rule, &name, &Config::default());
        let fails: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail)
            .collect();
        if name.starts_with("fail-") {
            let (key, value) = expected(rule, &name);
            assert!(
                fails
                    .iter()
                    .any(|f| f.evidence.get(key).and_then(|v| v.as_str()) == Some(value)),
                "{rule}/{name}: expected a fail with {key} = {value}, got {findings:#?}"
            );
        } else if name.starts_with("review-") {
            assert!(fails.is_empty(), "{rule}/{name}: {fails:#?}");
            assert!(
                findings.iter().any(|f| f.outcome == Outcome::Review),
                "{rule}/{name}: expected a review"
            );
        } else {
            assert!(findings.is_empty(), "{rule}/{name}: {findings:#?}");
        }
    }
}

#[test]
fn hidden_link_fixtures() {
    check_rule("hidden-link");
}

#[test]
fn injected_script_fixtures() {
    check_rule("injected-script");
}

#[test]
fn outdated_expression_fixtures() {
    check_rule("outdated-expression");
}

#[test]
fn spam_words_make_a_hidden_link_critical_and_are_evidence() {
    let findings = run("hidden-link", "fail-display-none", &Config::default());
    let first = &findings[0];
    assert_eq!(first.severity, govaudit_core::Severity::Critical);
    assert_eq!(first.evidence["target"], "https://www.js-8888.example/");
    assert_eq!(first.evidence["category"], "gambling");
    assert!(
        first.evidence["rule"]
            .as_str()
            .unwrap()
            .contains("display:none")
    );
}

#[test]
fn the_rule_that_hides_a_link_comes_from_the_linked_sheet() {
    let findings = run("hidden-link", "fail-linked-stylesheet", &Config::default());
    assert_eq!(findings[0].evidence["rule"], ".ft-x { display: none }");
}

#[test]
fn outdated_expression_evidence_has_the_sentence_and_source() {
    let findings = run(
        "outdated-expression",
        "fail-current-page",
        &Config::default(),
    );
    let f = &findings[0];
    assert_eq!(f.evidence["replacement"], "自然资源部");
    assert_eq!(
        f.evidence["sentence"],
        "各区县要按照国土资源部的要求，做好耕地保护工作。"
    );
    assert_eq!(f.evidence["changed"], "2018-03-17");
    assert!(
        f.evidence["source"]
            .as_str()
            .unwrap()
            .contains("第十三届全国人民代表大会第一次会议")
    );
}

#[test]
fn a_site_allows_its_own_terms_and_script_hosts() {
    let config = Config {
        allowed_terms: vec!["国土资源部".into()],
        allowed_script_hosts: vec!["some-vendor.example".into()],
        site_domains: Vec::new(),
    };
    assert!(run("outdated-expression", "fail-current-page", &config).is_empty());
    assert!(run("injected-script", "review-unknown-host", &config).is_empty());
}

#[test]
fn other_domains_of_the_site_are_not_outside() {
    let config = Config {
        site_domains: vec!["xinhuanet.com".into(), "people.com.cn".into()],
        ..Config::default()
    };
    assert!(run("hidden-link", "review-menu-display-none", &config).is_empty());
}
