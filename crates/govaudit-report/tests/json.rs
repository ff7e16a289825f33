//! JSON and JSON Lines: the govaudit/1 form, checked against docs/schema/govaudit-1.schema.json.

mod common;

use govaudit_core::Report;
use govaudit_report::{Format, TextStyle, render};
use serde_json::Value;
use std::path::Path;

fn schema() -> Value {
    // The schema lives in this repository, so a missing file is an error, never a skip.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema/govaudit-1.schema.json");
    govaudit_testkit::read_json(&path)
}

fn rendered(report: &Report, format: Format) -> String {
    let mut out = Vec::new();
    render(report, &common::RULES, format, TextStyle::plain(), &mut out)
        .expect("rendering into memory cannot fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

fn all_reports() -> [(&'static str, Report); 4] {
    [
        ("fail and review", common::fail_and_review()),
        ("header without line", common::header_only()),
        ("empty", common::empty()),
        ("everything", common::everything()),
    ]
}

#[test]
fn reports_validate_against_the_govaudit_1_schema() {
    let schema = schema();
    for (name, report) in all_reports() {
        eprintln!("validating govaudit/1 JSON for: {name}");
        let json: Value = serde_json::from_str(&rendered(&report, Format::Json)).unwrap();
        govaudit_testkit::assert_valid(&schema, &json);
    }
}

/// Changes a valid report into one the schema must reject.
type Breakage = fn(&mut Value);

#[test]
fn the_schema_rejects_what_govaudit_never_writes() {
    let schema = schema();
    let good = serde_json::to_value(common::everything()).unwrap();
    let breakages: [(&str, Breakage); 9] = [
        ("schema tag", |v| v["schema"] = "govaudit/2".into()),
        ("rule id", |v| {
            v["findings"][0]["rule"] = "A11y/Image_Alt".into()
        }),
        ("outcome", |v| v["findings"][0]["outcome"] = "pass".into()),
        ("severity", |v| {
            v["findings"][0]["severity"] = "severe".into()
        }),
        ("line 0", |v| {
            v["findings"][0]["location"]["line"] = 0.into()
        }),
        ("extra finding field", |v| {
            v["findings"][0]["extra"] = 1.into()
        }),
        ("missing message", |v| {
            v["findings"][0].as_object_mut().unwrap().remove("message");
        }),
        ("severity missing from summary", |v| {
            v["summary"]["by_severity"]
                .as_object_mut()
                .unwrap()
                .remove("info");
        }),
        ("by_rule key", |v| {
            v["summary"]["by_rule"]["nope"] = 1.into()
        }),
    ];
    for (what, breaks) in breakages {
        let mut bad = good.clone();
        breaks(&mut bad);
        assert!(
            govaudit_testkit::validate_json(&schema, &bad).is_err(),
            "the schema accepted a broken {what}"
        );
    }
    // Command sections are open at the top level.
    let mut with_section = good;
    with_section["items"] = serde_json::json!([{"anything": true}]);
    govaudit_testkit::assert_valid(&schema, &with_section);
}

#[test]
fn json_reads_back_equal() {
    for (name, report) in all_reports() {
        let text = rendered(&report, Format::Json);
        assert!(text.ends_with("}\n"), "{name}: one document and a newline");
        let back: Report = serde_json::from_str(&text).unwrap();
        assert_eq!(back, report, "{name}");
    }
}

/// The document is written as the run goes, so its members come in another order than
/// `Report`'s fields (`findings` early, `resources` and `summary` after it); as a value it is
/// exactly the serialised report.
#[test]
fn json_is_the_serialised_report_written_findings_first() {
    let report = common::everything();
    let text = rendered(&report, Format::Json);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json, serde_json::to_value(&report).unwrap());
    assert_eq!(json["schema"], "govaudit/1");
    assert_eq!(json["observatory"]["grade"], "A");
    // `schema` first, so a reader can check it before anything else; findings next.
    assert!(
        text.starts_with(
            "{\n  \"schema\": \"govaudit/1\",\n  \"findings\": [\n    {\n      \"rule\""
        ),
        "{text}"
    );
    // Pretty-printed like serde_json's own output: the same lines, in another order.
    let mut ours: Vec<&str> = text.lines().collect();
    let serialised = serde_json::to_string_pretty(&report).unwrap();
    let mut theirs: Vec<&str> = serialised.lines().collect();
    ours.sort_unstable();
    theirs.sort_unstable();
    // Only the comma after the last member moves: compare without trailing commas.
    let trim = |lines: Vec<&str>| -> Vec<String> {
        lines
            .iter()
            .map(|l| l.trim_end_matches(',').to_owned())
            .collect()
    };
    assert_eq!(trim(ours), trim(theirs));
}

#[test]
fn empty_report_json_has_empty_arrays() {
    let text = rendered(&common::empty(), Format::Json);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json, serde_json::to_value(common::empty()).unwrap());
    assert!(text.contains("\"findings\": [],"), "{text}");
    govaudit_testkit::assert_valid(&schema(), &json);
}

#[test]
fn jsonl_has_findings_then_notes_then_a_summary() {
    let report = common::everything();
    let text = rendered(&report, Format::Jsonl);
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect();
    assert_eq!(lines.len(), report.findings.len() + report.notes.len() + 1);
    let kinds: Vec<&str> = lines.iter().filter_map(|l| l["type"].as_str()).collect();
    let mut expected = vec!["finding"; report.findings.len()];
    expected.extend(vec!["note"; report.notes.len()]);
    expected.push("summary");
    assert_eq!(kinds, expected);
    // `type` comes first, so a reader can dispatch on the start of the line.
    assert!(text.lines().all(|l| l.starts_with("{\"type\":")));

    // A finding line is the finding plus `type`: it reads back as the same finding.
    for (line, finding) in lines.iter().zip(&report.findings) {
        let mut fields = line.clone();
        fields.as_object_mut().unwrap().remove("type");
        let back: govaudit_core::Finding = serde_json::from_value(fields).unwrap();
        assert_eq!(&back, finding);
    }
    let note = &lines[report.findings.len()];
    assert_eq!(note["url"], "site/report.pdf");
    assert_eq!(note["message"], "Skipped: not HTML.");

    let summary = lines.last().unwrap();
    assert_eq!(summary["schema"], "govaudit/1");
    let mut fields = summary.clone();
    let object = fields.as_object_mut().unwrap();
    object.remove("type");
    object.remove("schema");
    let back: govaudit_core::Summary = serde_json::from_value(fields).unwrap();
    assert_eq!(back, report.summary);
}

#[test]
fn jsonl_lines_validate_against_the_schema_parts() {
    let schema = schema();
    let part = |name: &str| {
        let mut part = schema.clone();
        part["$ref"] = format!("#/$defs/{name}").into();
        for key in ["required", "properties", "additionalProperties", "type"] {
            part.as_object_mut().unwrap().remove(key);
        }
        part
    };
    let text = rendered(&common::everything(), Format::Jsonl);
    for line in text.lines() {
        let mut value: Value = serde_json::from_str(line).unwrap();
        let object = value.as_object_mut().unwrap();
        let kind = object.remove("type").unwrap();
        object.remove("schema");
        govaudit_testkit::assert_valid(&part(kind.as_str().unwrap()), &value);
    }
}

#[test]
fn empty_report_jsonl_is_a_summary_alone() {
    let text = rendered(&common::empty(), Format::Jsonl);
    assert_eq!(text.lines().count(), 1);
    assert!(text.starts_with(r#"{"type":"summary","schema":"govaudit/1","resources":0,"#));
}

#[test]
fn the_documented_example_is_a_valid_report() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/json-schema.md"),
    )
    .expect("docs/json-schema.md is in the repository");
    let start = doc.find("```json\n").expect("the doc has a JSON example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("the example is closed");
    let example: Value = serde_json::from_str(&doc[start..end]).expect("the example is JSON");
    govaudit_testkit::assert_valid(&schema(), &example);
    let report: Report = serde_json::from_value(example.clone()).expect("the example is a Report");
    assert_eq!(serde_json::to_value(&report).unwrap(), example);
    // Its summary is what `finish` computes.
    let mut finished = report.clone();
    finished.finish();
    assert_eq!(finished.summary, report.summary);

    // The JSON Lines example: every line parses and has a type.
    let jsonl_start = doc[end..].find("```json\n").expect("a JSON Lines example") + end + 8;
    let jsonl_end = jsonl_start + doc[jsonl_start..].find("```").expect("closed");
    for line in doc[jsonl_start..jsonl_end].lines() {
        let line: Value = serde_json::from_str(line).expect("each example line is JSON");
        assert!(line["type"].is_string());
    }
}
