//! SARIF output: valid against the official OASIS 2.1.0 schema, and mapped as documented.

mod common;

use govaudit_core::Report;
use govaudit_report::{Format, TextStyle, render, sarif_log};
use serde_json::Value;

fn sarif(report: &Report) -> Value {
    let mut out = Vec::new();
    render(
        report,
        &common::RULES,
        Format::Sarif,
        TextStyle::plain(),
        &mut out,
    )
    .expect("rendering into memory cannot fail");
    serde_json::from_slice(&out).expect("SARIF output is JSON")
}

#[test]
fn every_case_validates_against_the_oasis_schema() {
    let Some(path) = govaudit_testkit::shared_file("schemas/sarif-schema-2.1.0.json") else {
        return;
    };
    let schema = govaudit_testkit::read_json(&path);
    for (name, report) in [
        ("fail and review", common::fail_and_review()),
        ("header without line", common::header_only()),
        ("empty", common::empty()),
        ("everything", common::everything()),
    ] {
        eprintln!("validating SARIF for: {name}");
        govaudit_testkit::assert_valid(&schema, &sarif(&report));
    }
}

#[test]
fn the_schema_check_is_not_vacuous() {
    let Some(path) = govaudit_testkit::shared_file("schemas/sarif-schema-2.1.0.json") else {
        return;
    };
    let schema = govaudit_testkit::read_json(&path);
    let mut log = sarif(&common::fail_and_review());
    // `review` with an error level is what SARIF forbids; the schema must see it.
    log["runs"][0]["results"][1]["level"] = "error".into();
    log["runs"][0]["results"][0]["kind"] = "broken".into();
    let errors = govaudit_testkit::validate_json(&schema, &log).unwrap_err();
    assert!(errors.contains("/runs/0/results/0/kind"), "{errors}");
}

/// The SARIF schema is draft-04, which has no `uri-reference` format, so the validator cannot
/// check `artifactLocation.uri`; check it here with a draft 2020-12 schema that can.
#[test]
fn artifact_uris_are_uri_references() {
    let uri_reference = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "string",
        "format": "uri-reference"
    });
    assert!(govaudit_testkit::validate_json(&uri_reference, &"site/a b.html".into()).is_err());
    let mut report = common::everything();
    for raw in [
        "a b/c#d?.html",
        "\\\\srv\\x y\\z.html",
        "https://例子.gov.cn/a b?q=[1]#x#y",
        "%zz",
        "a:b:c",
        "x y:z",
    ] {
        report.findings[0].url = raw.into();
        let log = sarif(&report);
        let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"];
        govaudit_testkit::assert_valid(&uri_reference, uri);
    }
    for result in sarif(&common::everything())["runs"][0]["results"]
        .as_array()
        .unwrap()
    {
        let uri = &result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        govaudit_testkit::assert_valid(&uri_reference, uri);
    }
}

#[test]
fn fail_and_review_findings_map_to_kind_and_level() {
    let log = sarif(&common::fail_and_review());
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["$schema"], govaudit_report::SARIF_SCHEMA_URI);
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["name"], "govaudit");

    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 1, "only rules with findings are described");
    let rule = &rules[0];
    assert_eq!(rule["id"], "a11y/image-alt");
    assert_eq!(rule["name"], "ImageAlt");
    assert_eq!(
        rule["shortDescription"]["text"],
        "Images must have a text alternative."
    );
    assert!(
        rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Why it matters")
    );
    assert_eq!(rule["helpUri"], common::IMAGE_ALT.help_uri());
    assert_eq!(rule["defaultConfiguration"]["level"], "error");
    assert_eq!(
        rule["properties"]["tags"],
        serde_json::json!([
            "WCAG22:1.1.1",
            "GB/T37668-2019:5.1.1",
            "Section508:E205.4",
            "ACT:23a2a8",
            "axe:image-alt"
        ])
    );

    let fail = &run["results"][0];
    assert_eq!(fail["ruleId"], "a11y/image-alt");
    assert_eq!(fail["ruleIndex"], 0);
    assert_eq!(fail["kind"], "fail");
    assert_eq!(fail["level"], "error");
    assert_eq!(fail["message"]["text"], "Image has no alt attribute.");
    let location = &fail["locations"][0];
    let physical = &location["physicalLocation"];
    assert_eq!(physical["artifactLocation"]["uri"], "site/news/index.html");
    assert_eq!(physical["region"]["startLine"], 42);
    assert_eq!(physical["region"]["startColumn"], 7);
    assert_eq!(
        physical["region"]["snippet"]["text"],
        r#"<img src="logo.png">"#
    );
    assert_eq!(
        location["logicalLocations"],
        serde_json::json!([{"fullyQualifiedName": "body > header > img:nth-child(1)", "kind": "element"}])
    );
    assert_eq!(fail["properties"]["severity"], "high");
    assert_eq!(fail["properties"]["evidence"]["src"], "logo.png");
    assert_eq!(fail["properties"]["standards"][0], "WCAG22:1.1.1");

    let review = &run["results"][1];
    assert_eq!(review["kind"], "review");
    assert_eq!(review["level"], "none");
    assert!(
        review["locations"][0]["physicalLocation"]["region"]
            .get("startColumn")
            .is_none()
    );
}

#[test]
fn header_finding_has_no_region_and_a_header_logical_location() {
    let log = sarif(&common::header_only());
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["level"], "warning");
    let location = &result["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "https://example.gov.cn/"
    );
    assert!(location["physicalLocation"].get("region").is_none());
    assert_eq!(
        location["logicalLocations"],
        serde_json::json!([{"name": "Strict-Transport-Security", "kind": "property"}])
    );
}

#[test]
fn empty_report_has_one_run_without_results_or_rules() {
    let log = sarif(&common::empty());
    assert_eq!(log["runs"].as_array().map(Vec::len), Some(1));
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"],
        serde_json::json!([])
    );
}

#[test]
fn rule_indexes_point_at_their_rules_and_unknown_rules_still_appear() {
    let log = sarif(&common::everything());
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    // In the order of each rule's first finding: results are written as they arrive.
    assert_eq!(ids, ["a11y/image-alt", "links/broken", "future/new-rule"]);
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    let unknown = &rules[2];
    assert!(unknown.get("shortDescription").is_none());
    assert!(unknown.get("defaultConfiguration").is_none());

    let uris: Vec<&str> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(
        uris.contains(&"site/%E6%96%B0%E9%97%BB%202024/a%20b.html"),
        "{uris:?}"
    );
    assert!(uris.contains(&"file:///C:/site/x.html"), "{uris:?}");
    // The per-finding severity (raised to high) decides the level, not the rule default (low).
    let broken = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "links/broken")
        .unwrap();
    assert_eq!(broken["level"], "error");
}

#[test]
fn fingerprints_are_stable_and_distinguish_places() {
    let first = sarif_log(&common::everything(), &common::RULES).unwrap();
    let second = sarif_log(&common::everything(), &common::RULES).unwrap();
    let prints = |log: &Value| -> Vec<String> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"]["govaudit/v1"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(prints(&first), prints(&second));
    let mut unique = prints(&first);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), prints(&first).len());
    // Pinned: the recipe is part of the contract (code scanning keys alerts on it); changing it
    // needs a new key (`govaudit/v2`).
    assert_eq!(prints(&first)[0], "cefccb0e40f83d35");
    assert_eq!(
        govaudit_report::finding_fingerprint(&common::fail_and_review().findings[0]),
        "cefccb0e40f83d35"
    );
    // Lines are not part of it: moving the element keeps the alert.
    let mut moved = common::fail_and_review();
    moved.findings[0].location.line = Some(99);
    assert_eq!(
        govaudit_report::finding_fingerprint(&moved.findings[0]),
        "cefccb0e40f83d35"
    );
}

/// With Chinese text output, each rule descriptor carries the catalog's title, message and fix
/// in its property bag; the SARIF descriptions and result messages stay English, and the log
/// stays valid.
#[test]
fn chinese_runs_add_localized_rule_texts_in_the_property_bag() {
    let mut out = Vec::new();
    render(
        &common::fail_and_review(),
        &common::RULES,
        Format::Sarif,
        TextStyle::plain().with_lang(govaudit_report::Lang::ZhCn),
        &mut out,
    )
    .unwrap();
    let log: Value = serde_json::from_slice(&out).unwrap();
    let english = sarif(&common::fail_and_review());
    let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(rule["id"], "a11y/image-alt");
    let localized = &rule["properties"]["localized"];
    assert_eq!(localized["lang"], "zh-CN");
    assert_eq!(localized["title"], "图片应有替代文本");
    assert!(localized["fix"].as_str().unwrap().contains("alt"));
    assert_eq!(
        rule["shortDescription"],
        english["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]
    );
    assert_eq!(log["runs"][0]["results"], english["runs"][0]["results"]);
    assert!(english["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["localized"].is_null());
    if let Some(path) = govaudit_testkit::shared_file("schemas/sarif-schema-2.1.0.json") {
        govaudit_testkit::assert_valid(&govaudit_testkit::read_json(&path), &log);
    }
}
