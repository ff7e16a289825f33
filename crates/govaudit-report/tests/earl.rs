//! EARL output: one TestSubject per resource, outcomes mapped as the ACT implementation mapping
//! asks (fail → failed, review → cantTell, applied → passed, else inapplicable or untested).

mod common;

use common::{BROKEN_LINK, IMAGE_ALT};
use govaudit_core::{Collector, Location, Report};
use govaudit_report::{EARL_CONTEXT, Format, TextStyle, render};
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

fn outcomes(subject: &Value) -> Vec<(String, String)> {
    subject["assertions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["test"]["title"].as_str().unwrap().to_owned(),
                a["result"]["outcome"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
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
    assert_eq!(json["@context"], EARL_CONTEXT);
    let graph = json["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), 2);
    assert_eq!(graph[0]["@type"], "TestSubject");
    assert_eq!(graph[0]["source"], "a.html");
    let pair = |r: &str, o: &str| (r.to_owned(), o.to_owned());
    assert_eq!(
        outcomes(&graph[0]),
        [
            pair("a11y/image-alt", "earl:failed"),
            pair("links/broken", "earl:cantTell")
        ]
    );
    assert_eq!(
        outcomes(&graph[1]),
        [
            pair("a11y/image-alt", "earl:passed"),
            pair("links/broken", "earl:inapplicable")
        ]
    );
    let assertion = &graph[0]["assertions"][0];
    assert_eq!(assertion["@type"], "Assertion");
    assert_eq!(assertion["test"]["isPartOf"][0], "WCAG2:1.1.1");
    assert_eq!(assertion["test"]["actRules"][0], "23a2a8");
}

#[test]
fn without_applicability_rules_with_no_finding_are_untested() {
    let mut report = Report::new();
    report.add_resource("a.html", Vec::new());
    report.finish();
    let json = earl(&report);
    assert_eq!(
        outcomes(&json["@graph"][0])[0],
        ("a11y/image-alt".to_owned(), "earl:untested".to_owned())
    );
}
