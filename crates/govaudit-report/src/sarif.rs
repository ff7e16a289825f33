//! SARIF 2.1.0: the subset govaudit writes, as plain serde structs (no generated types). Field
//! names follow the OASIS schema; optional fields are left out rather than written as null.

use crate::uri::is_absolute_uri;
use crate::{ReportError, find_rule, finding_fingerprint, uri_reference};
use govaudit_core::{Evidence, Finding, Outcome, Report, RuleMeta, Severity};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// The `$schema` written into every log (the SchemaStore copy of the OASIS schema).
pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where people learn about the tool (`tool.driver.informationUri`).
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

/// The `partialFingerprints` key; bump the version if the fingerprint recipe changes.
const FINGERPRINT_KEY: &str = "govaudit/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'a str,
    version: &'a str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_description: Option<Message>,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<MultiformatMessage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<MultiformatMessage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_configuration: Option<Configuration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<DescriptorProperties>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct MultiformatMessage {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct DescriptorProperties {
    tags: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    kind: &'static str,
    level: &'static str,
    message: Message,
    locations: [ResultLocation<'a>; 1],
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultLocation<'a> {
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region<'a>>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Snippet<'a>>,
}

#[derive(Serialize)]
struct Snippet<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fully_qualified_name: Option<&'a str>,
    kind: &'static str,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    standards: &'a [String],
    evidence: &'a Evidence,
    severity: Severity,
}

/// critical/high → `error`, medium → `warning`, low/info → `note`.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// `image-alt` → `ImageAlt`: SARIF's `name` is a readable identifier, conventionally Pascal case.
fn pascal_name(id: &str) -> String {
    let name = id.rsplit_once('/').map_or(id, |(_, name)| name);
    name.split('-')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

fn descriptor<'a>(
    id: &'a str,
    meta: Option<&RuleMeta>,
    first: &Finding,
) -> ReportingDescriptor<'a> {
    match meta {
        Some(meta) => {
            let docs = meta.documentation();
            ReportingDescriptor {
                id,
                name: Some(pascal_name(id)),
                short_description: Some(Message {
                    text: meta.summary(),
                }),
                full_description: Some(MultiformatMessage {
                    text: docs.clone(),
                    markdown: docs.clone(),
                }),
                help: Some(MultiformatMessage {
                    text: docs.clone(),
                    markdown: docs,
                }),
                help_uri: Some(meta.help_uri()),
                default_configuration: Some(Configuration {
                    level: level(meta.severity),
                }),
                properties: Some(meta.references())
                    .filter(|tags| !tags.is_empty())
                    .map(|tags| DescriptorProperties { tags }),
            }
        }
        // Not in the catalogue (a report read back from JSON, a newer rule): say what we know.
        None => ReportingDescriptor {
            id,
            name: Some(pascal_name(id)),
            short_description: None,
            full_description: None,
            help: None,
            // `helpUri` must be an absolute URI; a finding's `help` is only trusted if it is one.
            help_uri: first
                .help
                .as_deref()
                .filter(|help| is_absolute_uri(help))
                .map(uri_reference),
            default_configuration: None,
            properties: None,
        },
    }
}

fn result<'a>(finding: &'a Finding, rule_index: usize) -> SarifResult<'a> {
    let place = &finding.location;
    // A region needs a line; a snippet without a line has nowhere to go in SARIF.
    let region = place.line.map(|line| Region {
        start_line: line,
        start_column: place.column,
        snippet: place.snippet.as_deref().map(|text| Snippet { text }),
    });
    let mut logical_locations = Vec::new();
    if let Some(selector) = place.selector.as_deref() {
        logical_locations.push(LogicalLocation {
            name: None,
            fully_qualified_name: Some(selector),
            kind: "element",
        });
    }
    if let Some(header) = place.header.as_deref() {
        // A response header is a named property of the response.
        logical_locations.push(LogicalLocation {
            name: Some(header),
            fully_qualified_name: None,
            kind: "property",
        });
    }
    let (kind, level) = match finding.outcome {
        Outcome::Fail => ("fail", level(finding.severity)),
        // SARIF allows only `none` for anything but `fail`.
        Outcome::Review => ("review", "none"),
    };
    SarifResult {
        rule_id: &finding.rule,
        rule_index,
        kind,
        level,
        message: Message {
            text: finding.message.clone(),
        },
        locations: [ResultLocation {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri_reference(&finding.url),
                },
                region,
            },
            logical_locations,
        }],
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, finding_fingerprint(finding))]),
        properties: ResultProperties {
            standards: &finding.standards,
            evidence: &finding.evidence,
            severity: finding.severity,
        },
    }
}

fn build<'a>(report: &'a Report, rules: &[&'static RuleMeta]) -> Log<'a> {
    let mut rule_ids: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    rule_ids.sort_unstable();
    rule_ids.dedup();
    let descriptors = rule_ids
        .iter()
        .filter_map(|&id| {
            // Every id came from a finding, so there is a first one.
            let first = report.findings.iter().find(|f| f.rule == id)?;
            Some(descriptor(id, find_rule(rules, id), first))
        })
        .collect();
    let results = report
        .findings
        .iter()
        .map(|finding| {
            let index = rule_ids
                .binary_search(&finding.rule.as_str())
                .unwrap_or_default();
            result(finding, index)
        })
        .collect();
    Log {
        schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: &report.tool.name,
                    version: &report.tool.version,
                    information_uri: INFORMATION_URI,
                    rules: descriptors,
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    }
}

/// The SARIF log for `report` as a JSON value: one run, `tool.driver.rules` holding the rules
/// that have findings (sorted by id), each result pointing at its rule by `ruleIndex`. For
/// callers that merge or post-process logs; [`write_sarif`] writes the same thing.
pub fn sarif_log(
    report: &Report,
    rules: &[&'static RuleMeta],
) -> Result<serde_json::Value, ReportError> {
    Ok(serde_json::to_value(build(report, rules))?)
}

/// Writes `report` as a pretty-printed SARIF 2.1.0 log (see [`sarif_log`]).
pub fn write_sarif(
    report: &Report,
    rules: &[&'static RuleMeta],
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    serde_json::to_writer_pretty(&mut *out, &build(report, rules))?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_name("a11y/image-alt"), "ImageAlt");
        assert_eq!(pascal_name("headers/hsts-max-age-short"), "HstsMaxAgeShort");
        assert_eq!(pascal_name("odd"), "Odd");
    }

    #[test]
    fn severities_map_to_levels() {
        assert_eq!(level(Severity::Critical), "error");
        assert_eq!(level(Severity::High), "error");
        assert_eq!(level(Severity::Medium), "warning");
        assert_eq!(level(Severity::Low), "note");
        assert_eq!(level(Severity::Info), "note");
    }
}
