//! The streaming writer: for any report, what `render` streams parses to the value of the whole
//! report (JSON: the serialised report; JSON Lines: its findings, notes and summary; SARIF:
//! `sarif_log`; EARL: `earl_report`), validates against the schemas, is the same bytes every
//! time, and carries hostile text through intact (JSON formats) or escaped (text).

mod common;

use common::{BROKEN_LINK, HSTS_MISSING, IMAGE_ALT, RULES};
use govaudit_core::{Applicability, Finding, Location, Note, Outcome, Report, RuleMeta, Severity};
use govaudit_report::{
    Format, ReportError, ReportStream, TextStyle, earl_report, escape_for_terminal, render,
    sarif_log,
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use std::cell::RefCell;
use std::io::{self, Write};
use std::path::Path;
use std::rc::Rc;

fn rendered(report: &Report, format: Format, style: TextStyle) -> Vec<u8> {
    let mut out = Vec::new();
    render(report, &RULES, format, style, &mut out).expect("rendering into memory cannot fail");
    out
}

fn parsed(report: &Report, format: Format) -> Value {
    serde_json::from_slice(&rendered(report, format, TextStyle::plain()))
        .expect("the output is one JSON document")
}

/// Text a page could put anywhere: quotes, markup, terminal escapes, bidi overrides, newlines.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a",
            "Z9",
            " ",
            "\"",
            "'",
            "\\",
            "<script>alert(1)</script>",
            "\u{1b}[2J",
            "\u{1b}]0;t\u{7}",
            "\u{202e}",
            "\u{2066}",
            "\u{9b}",
            "\n",
            "\r\n",
            "\t",
            "新闻",
            "/",
            "{}",
            "&amp;",
        ]),
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

fn severity() -> impl Strategy<Value = Severity> {
    prop::sample::select(Severity::ALL.to_vec())
}

fn location() -> impl Strategy<Value = Location> {
    (
        prop::option::of(1u32..5000),
        prop::option::of(1u32..300),
        prop::option::of(hostile_text()),
        prop::option::of(hostile_text()),
        prop::option::of(hostile_text()),
    )
        .prop_map(|(line, column, selector, snippet, header)| Location {
            line,
            column: line.and(column),
            selector,
            snippet,
            header,
        })
}

/// A finding of a catalogued rule, or of a rule this build does not know.
fn finding(url: String) -> impl Strategy<Value = Finding> {
    (
        0usize..4,
        prop::bool::ANY,
        severity(),
        hostile_text(),
        location(),
        prop::option::of(hostile_text()),
    )
        .prop_map(
            move |(rule, fails, severity, message, location, evidence)| {
                let metas: [&RuleMeta; 3] = [&IMAGE_ALT, &HSTS_MISSING, &BROKEN_LINK];
                let outcome = if fails {
                    Outcome::Fail
                } else {
                    Outcome::Review
                };
                let mut finding =
                    Finding::new(metas[rule % 3], outcome, url.clone(), location, message)
                        .with_severity(severity);
                if rule == 3 {
                    finding.rule = "future/new-rule".into();
                    finding.help = None;
                }
                if let Some(value) = evidence {
                    finding = finding.with_evidence("value", value);
                }
                finding
            },
        )
}

/// Findings and applicability records of one resource.
fn page(url: String) -> impl Strategy<Value = (String, Vec<Finding>, Vec<Applicability>)> {
    (
        prop::collection::vec(finding(url.clone()), 0..6),
        prop::collection::vec((0usize..3, location()), 0..3),
    )
        .prop_map(move |(findings, applied)| {
            let applicability = applied
                .into_iter()
                .map(|(rule, location)| Applicability {
                    rule: RULES[rule].id.into(),
                    url: url.clone(),
                    location,
                })
                .collect();
            (url.clone(), findings, applicability)
        })
}

/// A report as a run builds it: resources in order with their findings, then site-level
/// findings on pages that were not checked, applicability without a resource, notes, sections.
fn report() -> impl Strategy<Value = Report> {
    let pages = prop::collection::vec(hostile_text(), 0..6).prop_flat_map(|names| {
        names
            .into_iter()
            .enumerate()
            // A distinct prefix keeps resources distinct, as a run lists each once.
            .map(|(i, name)| page(format!("p{i}/{name}")))
            .collect::<Vec<_>>()
    });
    let site = prop::collection::vec(
        hostile_text().prop_flat_map(|name| finding(format!("site/{name}"))),
        0..4,
    );
    let notes = prop::collection::vec((hostile_text(), hostile_text()), 0..3);
    let sections = prop::collection::vec(
        (
            prop::sample::select(vec!["observatory", "items", "links", "x-extra"]),
            hostile_text(),
        ),
        0..3,
    );
    let loose = prop::collection::vec(location(), 0..2);
    (pages, site, notes, sections, loose).prop_map(|(pages, site, notes, sections, loose)| {
        let mut report = Report::new();
        for (url, findings, applicability) in pages {
            report.add_resource(url, findings);
            report.applicability.extend(applicability);
        }
        report.findings.extend(site);
        report
            .applicability
            .extend(loose.into_iter().map(|location| Applicability {
                rule: IMAGE_ALT.id.into(),
                url: String::new(),
                location,
            }));
        for (url, message) in notes {
            report.note(url, message);
        }
        for (key, text) in sections {
            report
                .sections
                .insert(key.into(), json!({ "text": text, "n": [1, 2] }));
        }
        report.finish();
        report
    })
}

fn govaudit_schema() -> Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema/govaudit-1.schema.json");
    govaudit_testkit::read_json(&path)
}

fn sarif_schema() -> Option<Value> {
    govaudit_testkit::shared_file("schemas/sarif-schema-2.1.0.json")
        .map(|path| govaudit_testkit::read_json(&path))
}

/// The JSON Lines a report should give: its findings, its notes, then the summary.
fn expected_jsonl(report: &Report) -> Vec<Value> {
    let tagged = |kind: &str, value: Value| {
        let mut object = Map::new();
        object.insert("type".into(), kind.into());
        if let Value::Object(fields) = value {
            object.extend(fields);
        }
        Value::Object(object)
    };
    let mut lines: Vec<Value> = report
        .findings
        .iter()
        .map(|f| tagged("finding", serde_json::to_value(f).unwrap()))
        .collect();
    lines.extend(
        report
            .notes
            .iter()
            .map(|n| tagged("note", serde_json::to_value(n).unwrap())),
    );
    let mut summary = serde_json::to_value(&report.summary).unwrap();
    summary["schema"] = "govaudit/1".into();
    lines.push(tagged("summary", summary));
    lines
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn streamed_json_is_the_serialised_report_and_valid(report in report()) {
        let json = parsed(&report, Format::Json);
        prop_assert_eq!(&json, &serde_json::to_value(&report).unwrap());
        govaudit_testkit::assert_valid(&govaudit_schema(), &json);
        let back: Report = serde_json::from_value(json).unwrap();
        prop_assert_eq!(back, report);
    }

    #[test]
    fn streamed_jsonl_is_findings_notes_and_summary(report in report()) {
        let out = String::from_utf8(rendered(&report, Format::Jsonl, TextStyle::plain())).unwrap();
        let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        prop_assert_eq!(lines, expected_jsonl(&report));
        let type_first = out.lines().all(|l| l.starts_with(r#"{"type":"#));
        prop_assert!(type_first);
    }

    #[test]
    fn streamed_sarif_is_the_sarif_log_and_valid(report in report()) {
        let log = parsed(&report, Format::Sarif);
        prop_assert_eq!(&log, &sarif_log(&report, &RULES).unwrap());
        // As before streaming: the rules listed are exactly those with findings, and every
        // result points at its own rule.
        let run = &log["runs"][0];
        let listed: Vec<&str> = run["tool"]["driver"]["rules"]
            .as_array().unwrap().iter().filter_map(|r| r["id"].as_str()).collect();
        let mut with_findings: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
        with_findings.sort_unstable();
        with_findings.dedup();
        let mut sorted = listed.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, with_findings);
        let results = run["results"].as_array().unwrap();
        prop_assert_eq!(results.len(), report.findings.len());
        for (result, finding) in results.iter().zip(&report.findings) {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            prop_assert_eq!(listed[index], finding.rule.as_str());
            prop_assert_eq!(result["message"]["text"].as_str(), Some(finding.message.as_str()));
        }
        if let Some(schema) = sarif_schema() {
            govaudit_testkit::assert_valid(&schema, &log);
        }
    }

    #[test]
    fn streamed_earl_is_the_earl_report(report in report()) {
        prop_assert_eq!(parsed(&report, Format::Earl), earl_report(&report, &RULES));
    }

    #[test]
    fn the_same_report_gives_the_same_bytes(report in report()) {
        for format in Format::ALL {
            for style in [TextStyle::plain(), TextStyle::colored().with_review_limit(Some(1))] {
                prop_assert_eq!(
                    rendered(&report, format, style),
                    rendered(&report, format, style),
                    "{}", format
                );
            }
        }
    }

    /// Text lists every failing finding, escaped; nothing from the page reaches the terminal raw.
    #[test]
    fn streamed_text_escapes_everything_and_lists_every_failure(report in report()) {
        for style in [TextStyle::plain(), TextStyle::plain().with_review_limit(Some(1))] {
            let out = String::from_utf8(rendered(&report, Format::Text, style)).unwrap();
            let raw = out.chars().find(|&c| c != '\n' && is_hazard(c));
            prop_assert!(raw.is_none(), "raw {:?} in {:?}", raw, out);
            for finding in report.findings.iter().filter(|f| f.outcome == Outcome::Fail) {
                let message = escape_for_terminal(&finding.message);
                let wanted = format!("  {}  {}\n", escape_for_terminal(&finding.rule), message);
                prop_assert!(out.contains(&wanted), "{:?} missing from {:?}", wanted, out);
            }
            let listed_reviews = out.lines().filter(|l| l.contains("  review  ")).count();
            let reviews = report.summary.review;
            match style.review_limit {
                None => prop_assert_eq!(listed_reviews, reviews),
                Some(limit) => {
                    let rules = report.summary.by_rule.len();
                    prop_assert!(listed_reviews <= (limit * rules).min(reviews));
                }
            }
            let closing = format!(
                "({} fail, {} review) in {} ",
                report.summary.fail, report.summary.review, report.summary.resources
            );
            prop_assert!(out.lines().last().unwrap_or_default().contains(&closing), "{}", out);
        }
    }
}

/// Control characters and the bidi controls a terminal must not receive raw (listed here, not
/// taken from the code under test).
fn is_hazard(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// `text` without colour codes (`ESC [ digits;... m`); any other ESC stays.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('\u{1b}') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let params = after.strip_prefix('[').map(|p| {
            p.len()
                - p.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';')
                    .len()
        });
        match params {
            Some(len) if after[1 + len..].starts_with('m') => rest = &after[len + 2..],
            _ => {
                out.push('\u{1b}');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A writer whose bytes the test can read while the stream still owns it.
#[derive(Clone, Default)]
struct Shared {
    bytes: Rc<RefCell<Vec<u8>>>,
    flushes: Rc<RefCell<usize>>,
}

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        *self.flushes.borrow_mut() += 1;
        Ok(())
    }
}

impl Shared {
    fn text(&self) -> String {
        String::from_utf8(self.bytes.borrow().clone()).unwrap()
    }
}

fn hostile_finding(url: &str, outcome: Outcome) -> Finding {
    Finding::new(
        &IMAGE_ALT,
        outcome,
        url,
        Location {
            line: Some(7),
            column: Some(3),
            selector: Some("a[title=\"\u{1b}[31m\"]".into()),
            snippet: Some("<script>alert(\"\u{202e}\")</script>\nnext".into()),
            header: None,
        },
        "Quote \" <script> \u{1b}[2J \u{202e}evil\nline",
    )
    .with_evidence("raw", "\u{1b}]0;title\u{7} \u{202e}")
}

/// Each finding is written (and flushed) by the call that hands it over, not at the end; EARL,
/// which needs the whole run, writes at `finish`.
#[test]
fn findings_are_written_when_their_resource_is_handed_over() {
    for format in Format::ALL {
        let out = Shared::default();
        let mut stream =
            ReportStream::new(format, &RULES, TextStyle::plain(), out.clone()).unwrap();
        stream
            .resource("a.html", &[hostile_finding("a.html", Outcome::Fail)], &[])
            .unwrap();
        let after_first = out.text();
        let flushes = *out.flushes.borrow();
        stream.resource("b.html", &[], &[]).unwrap();
        stream
            .findings(&[hostile_finding("c.html", Outcome::Review)])
            .unwrap();
        let after_site = out.text();
        let (summary, _) = stream.finish(&Map::new()).unwrap();
        assert_eq!((summary.resources, summary.fail, summary.review), (2, 1, 1));
        if format == Format::Earl {
            assert!(after_site.is_empty(), "{format}");
            continue;
        }
        assert!(flushes >= 1, "{format}: flushed after the resource");
        let marker = match format {
            // JSON escapes the control characters; the marker is the plain part of the message.
            Format::Text => "Quote \" <script>",
            _ => "Quote \\\" <script>",
        };
        assert_eq!(
            after_first.matches(marker).count(),
            1,
            "{format}: {after_first}"
        );
        assert_eq!(
            after_site.matches(marker).count(),
            2,
            "{format}: {after_site}"
        );
    }
}

/// The same calls give the same bytes, whatever the hash seeds of the maps inside.
#[test]
fn the_same_calls_give_the_same_bytes() {
    let run = |format: Format| {
        let mut stream = ReportStream::new(
            format,
            &RULES,
            TextStyle::colored().with_review_limit(Some(1)),
            Vec::new(),
        )
        .unwrap();
        for page in 0..20 {
            let url = format!("p{page}.html");
            let findings: Vec<Finding> = (0..page % 4)
                .map(|i| {
                    let outcome = if i % 2 == 0 {
                        Outcome::Fail
                    } else {
                        Outcome::Review
                    };
                    hostile_finding(&url, outcome)
                })
                .collect();
            stream.resource(&url, &findings, &[]).unwrap();
        }
        stream
            .note(&Note {
                url: "n".into(),
                message: "m".into(),
                phrase: None,
            })
            .unwrap();
        stream.finish(&Map::new()).unwrap().1
    };
    for format in Format::ALL {
        assert_eq!(run(format), run(format), "{format}");
    }
}

/// Hostile strings come back exactly from every JSON format, and escaped from text.
#[test]
fn hostile_strings_flow_through_every_format() {
    let mut report = Report::new();
    let url = "site/\"<script>\u{1b}[2J\u{202e}\n.html";
    report.add_resource(url, vec![hostile_finding(url, Outcome::Fail)]);
    report.note("x\u{202e}.pdf", "Skipped \"\u{1b}[1A\n");
    report.finish();
    let finding = &report.findings[0];

    let json = parsed(&report, Format::Json);
    assert_eq!(json["findings"][0]["message"], finding.message);
    assert_eq!(json["findings"][0]["url"], url);
    assert_eq!(
        json["findings"][0]["location"]["snippet"],
        finding.location.snippet.as_deref().unwrap()
    );
    assert_eq!(
        json["findings"][0]["evidence"]["raw"],
        "\u{1b}]0;title\u{7} \u{202e}"
    );
    assert_eq!(json["resources"][0], url);
    assert_eq!(json["notes"][0]["message"], "Skipped \"\u{1b}[1A\n");

    let jsonl = String::from_utf8(rendered(&report, Format::Jsonl, TextStyle::plain())).unwrap();
    assert_eq!(
        jsonl.lines().count(),
        3,
        "no raw newline splits a line: {jsonl}"
    );
    let first: Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["message"], finding.message);
    assert_eq!(first["location"]["selector"], "a[title=\"\u{1b}[31m\"]");

    let sarif = parsed(&report, Format::Sarif);
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["message"]["text"], finding.message);
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
        finding.location.snippet.as_deref().unwrap()
    );
    assert_eq!(
        result["properties"]["evidence"]["raw"],
        "\u{1b}]0;title\u{7} \u{202e}"
    );

    let earl = parsed(&report, Format::Earl);
    assert_eq!(earl["@graph"][1]["subject"]["source"], url);
    assert_eq!(earl["@graph"][1]["result"]["info"], finding.message);

    for style in [TextStyle::plain(), TextStyle::colored()] {
        let text = String::from_utf8(rendered(&report, Format::Text, style)).unwrap();
        // Colour codes are the only escape sequences, and nothing else is raw.
        let raw = strip_sgr(&text)
            .chars()
            .find(|&c| c != '\n' && is_hazard(c));
        assert!(raw.is_none(), "raw {raw:?} in {text:?}");
        if !style.color {
            assert!(!text.contains('\u{1b}'), "{text:?}");
        }
        for piece in [
            r#"site/"<script>\u{1b}[2J\u{202e}\n.html:7:3"#,
            r#"Quote " <script> \u{1b}[2J \u{202e}evil\nline"#,
            r#"<script>alert("\u{202e}")</script>\nnext"#,
            r#"selector: a[title="\u{1b}[31m"]"#,
            r#"note"#,
            r#"x\u{202e}.pdf  Skipped "\u{1b}[1A\n"#,
        ] {
            assert!(text.contains(piece), "{piece} missing from {text}");
        }
    }
}

#[test]
fn a_section_cannot_take_a_name_of_the_document() {
    for format in Format::ALL {
        let stream = ReportStream::new(format, &RULES, TextStyle::plain(), Vec::new()).unwrap();
        let mut sections = Map::new();
        sections.insert("summary".into(), json!(1));
        match stream.finish(&sections) {
            Err(ReportError::ReservedSection(name)) => assert_eq!(name, "summary"),
            other => panic!("{format}: {:?}", other.map(|(s, _)| s)),
        }
    }
}

/// A report whose findings are not in resource order is written grouped by resource (the
/// order the stream would have given), and a URL listed twice gets its findings once.
#[test]
fn render_groups_findings_by_resource() {
    let mut report = Report::new();
    report.resources = vec!["a".into(), "b".into(), "a".into()];
    report.findings = vec![
        hostile_finding("b", Outcome::Fail),
        hostile_finding("elsewhere", Outcome::Fail),
        hostile_finding("a", Outcome::Review),
    ];
    report.finish();
    let json = parsed(&report, Format::Json);
    let urls: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["url"].as_str())
        .collect();
    assert_eq!(urls, ["a", "b", "elsewhere"]);
    assert_eq!(json["resources"], json!(["a", "b", "a"]));
    assert_eq!(json["summary"]["resources"], 3);
    let log = parsed(&report, Format::Sarif);
    assert_eq!(log, sarif_log(&report, &RULES).unwrap());
}
