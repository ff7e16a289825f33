//! EARL output: a flat graph of an assertor and assertions, each with its subject, test and
//! result, outcomes mapped as the ACT implementation mapping asks (fail → failed, review →
//! cantTell, applied → passed, else inapplicable or untested).

mod common;

use common::{BROKEN_LINK, IMAGE_ALT};
use govaudit_core::{Collector, Location, Report};
use govaudit_report::{
    EarlSources, Format, TextStyle, earl_context, earl_report_with_sources, render,
};
use serde_json::Value;

fn earl(report: &Report) -> Value {
    let mut out = Vec::new();
    render(
        report,
        &[&IMAGE_ALT, &BROKEN_LINK],
        Format::Earl,
        TextStyle::plain(),
        &mut out,
    )
    .unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// `(rule, outcome)` of the assertions about `source`, in order.
fn outcomes(earl: &Value, source: &str) -> Vec<(String, String)> {
    assertions(earl)
        .filter(|a| a["subject"]["source"] == source)
        .map(|a| {
            (
                a["test"]["title"].as_str().unwrap().to_owned(),
                a["result"]["outcome"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn assertions(earl: &Value) -> impl Iterator<Item = &Value> {
    earl["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["@type"] == "Assertion")
}

#[test]
fn outcomes_follow_the_act_mapping_per_resource() {
    let mut report = Report::new();
    let mut a = Collector::with_applicability("a.html");
    a.applies(&IMAGE_ALT, || Location::at_line(2));
    a.fail(&IMAGE_ALT, Location::at_line(2), "No alt.");
    a.review(&BROKEN_LINK, Location::resource(), "Look.");
    let mut b = Collector::with_applicability("b.html");
    b.applies(&IMAGE_ALT, || Location::at_line(1));
    for collector in [a, b] {
        let url = collector.url().to_owned();
        let (findings, applicable) = collector.into_parts();
        report.add_resource(url, findings);
        report.applicability.extend(applicable);
    }
    report.finish();
    let json = earl(&report);
    // The context is inline (no network needed to read the report).
    assert_eq!(json["@context"], earl_context());
    let graph = json["@graph"].as_array().unwrap();
    assert_eq!(
        graph.len(),
        1 + 2 * 2,
        "the assertor, two rules on two resources"
    );
    assert_eq!(graph[0]["@type"], "Assertor");
    assert_eq!(graph[0]["name"], "govaudit");
    assert_eq!(graph[0]["release"]["revision"], env!("CARGO_PKG_VERSION"));
    let pair = |r: &str, o: &str| (r.to_owned(), o.to_owned());
    assert_eq!(
        outcomes(&json, "a.html"),
        [
            pair("a11y/image-alt", "earl:failed"),
            pair("links/broken", "earl:cantTell")
        ]
    );
    assert_eq!(
        outcomes(&json, "b.html"),
        [
            pair("a11y/image-alt", "earl:passed"),
            pair("links/broken", "earl:inapplicable")
        ]
    );
    let assertion = assertions(&json).next().unwrap();
    assert_eq!(assertion["subject"]["@type"], "TestSubject");
    assert_eq!(assertion["assertedBy"], graph[0]["@id"]);
    // Success criteria by id, as the ACT mapper compares them; the ACT rule as dct:source.
    assert_eq!(assertion["test"]["isPartOf"][0], "WCAG2:non-text-content");
    assert_eq!(
        assertion["test"]["source"][0],
        "https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/"
    );
    assert_eq!(assertion["result"]["info"], "No alt.");
}

#[test]
fn sources_name_files_by_the_url_they_are_served_at() {
    let mut report = Report::new();
    report.add_resource("cases/abc123/1.html", Vec::new());
    report.finish();
    let sources = EarlSources::new().with_base("cases", "https://example.org/testcases/");
    let json = earl_report_with_sources(&report, &[&IMAGE_ALT], &sources);
    let assertion = assertions(&json).next().unwrap();
    assert_eq!(
        assertion["subject"]["source"],
        "https://example.org/testcases/abc123/1.html"
    );
}

#[test]
fn without_applicability_rules_with_no_finding_are_untested() {
    let mut report = Report::new();
    report.add_resource("a.html", Vec::new());
    report.finish();
    let json = earl(&report);
    assert_eq!(
        outcomes(&json, "a.html")[0],
        ("a11y/image-alt".to_owned(), "earl:untested".to_owned())
    );
}
