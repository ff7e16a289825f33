//! `content/outbound-target` over the fixture pages of `tests/fixtures/outbound-target/`: each
//! is what an external link landed on, read as the engine reads it (the `<title>` and the
//! start of the body's text, parsed by govaudit-html). `fail-*` pages must fail with the kind
//! the table names, `pass-*` pages must give nothing.

use govaudit_content::Config;
use govaudit_content::outbound::{LinkPlace, OutboundTarget, check_outbound};
use govaudit_core::{Location, Outcome};
use govaudit_html::Document;
use std::path::Path;
use url::Url;

/// Where a fixture is served: a lapsed project domain, or the US SBA for the loans page.
fn final_url(name: &str) -> &'static str {
    match name {
        "pass-government-loans" => "https://www.sba.gov/funding-programs/loans",
        _ => "http://old-project.example/",
    }
}

fn expected_kind(name: &str) -> &'static str {
    match name {
        "fail-parked-for-sale" | "fail-parked-zh" => "parked",
        "fail-gambling-title" | "fail-keywords-in-text" => "keyword",
        _ => panic!("{name}: add its expected kind to the table"),
    }
}

fn landing(name: &str) -> OutboundTarget {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/outbound-target")
        .join(format!("{name}.html"));
    let bytes = std::fs::read(&path).unwrap();
    let url = Url::parse(final_url(name)).unwrap();
    let doc = Document::parse(&bytes, Some("text/html"), Some(&url));
    let lead_text = doc
        .elements_named("body")
        .next()
        .map(|b| b.normalized_text().chars().take(300).collect())
        .unwrap_or_default();
    OutboundTarget {
        url: "http://old-project.example/".into(),
        final_url: url.to_string(),
        title: doc.title(),
        lead_text,
        places: vec![LinkPlace {
            page: "https://www.example.gov.cn/links.html".into(),
            location: Location {
                line: Some(14),
                selector: Some("ul > li:nth-child(3) > a".into()),
                ..Location::default()
            },
        }],
    }
}

#[test]
fn outbound_target_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/outbound-target");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".html").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        let findings = check_outbound(&[landing(&name)], &Config::default());
        if name.starts_with("fail-") {
            assert_eq!(findings.len(), 1, "{name}: {findings:#?}");
            let f = &findings[0];
            assert_eq!(f.outcome, Outcome::Fail, "{name}");
            assert_eq!(f.evidence["kind"], expected_kind(&name), "{name}: {f:#?}");
            assert_eq!(f.url, "https://www.example.gov.cn/links.html");
            assert_eq!(f.location.line, Some(14));
            assert_eq!(f.evidence["final_host"], "old-project.example");
        } else {
            assert!(findings.is_empty(), "{name}: {findings:#?}");
        }
    }
}

#[test]
fn a_sale_page_names_its_phrase_and_a_spam_page_its_word() {
    let parked = check_outbound(&[landing("fail-parked-zh")], &Config::default());
    assert_eq!(parked[0].evidence["sign"], "域名出售");
    assert_eq!(parked[0].evidence["title"], "old-project.example");
    let spam = check_outbound(&[landing("fail-gambling-title")], &Config::default());
    assert_eq!(spam[0].evidence["category"], "gambling");
    assert_eq!(spam[0].severity, govaudit_core::Severity::Critical);
}

#[test]
fn the_rules_are_registered_with_the_security_item() {
    for id in ["content/outbound-target", "content/outbound-drift"] {
        let rule = govaudit_content::rules()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id} is registered"));
        assert!(
            rule.standards
                .contains(&"CN-GOV-2019:cn19.web.ded.security")
        );
        assert!(rule.docs.contains("How to fix"));
    }
}
