//! SARIF 2.1.0: the subset govaudit writes, as plain serde structs (no generated types). Field
//! names follow the OASIS schema; optional fields are left out rather than written as null.

use crate::Lang;
use crate::json::write_pretty;
use crate::uri::is_absolute_uri;
use crate::{ReportError, ReportLayout, find_rule, finding_fingerprint, uri_reference};
use govaudit_core::{Evidence, Finding, Outcome, Report, RuleMeta, Severity, Tool};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

/// The `$schema` written into every log (the SchemaStore copy of the OASIS schema).
pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where people learn about the tool (`tool.driver.informationUri`): the package's repository,
/// left out while the package names none (SARIF requires a URI there, not an empty string).
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

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
    tool: SarifTool<'a>,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct SarifTool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'a str,
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: &'a [ReportingDescriptor],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: String,
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    /// The rule's title, message and fix in the language of the run's text output, when that
    /// is not English. SARIF's own descriptions stay English, as the results' messages are
    /// (`run.language` is not set, so it is English): a property bag holds the rest.
    #[serde(skip_serializing_if = "Option::is_none")]
    localized: Option<LocalizedRule>,
}

#[derive(Serialize)]
struct LocalizedRule {
    lang: &'static str,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<String>,
}

impl LocalizedRule {
    fn of(rule_id: &str, lang: Lang) -> Option<LocalizedRule> {
        if lang == Lang::En {
            return None;
        }
        let text = govaudit_i18n::Catalog::get(lang).rule(rule_id)?;
        Some(LocalizedRule {
            lang: lang.tag(),
            title: text.title,
            message: text.message,
            fix: text.fix,
        })
    }
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

fn descriptor(meta: Option<&RuleMeta>, first: &Finding, lang: Lang) -> ReportingDescriptor {
    let id = first.rule.clone();
    match meta {
        Some(meta) => {
            let docs = meta.documentation();
            ReportingDescriptor {
                name: Some(pascal_name(&id)),
                id,
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
                properties: Some(DescriptorProperties {
                    tags: meta.references(),
                    localized: LocalizedRule::of(meta.id, lang),
                })
                .filter(|p| !p.tags.is_empty() || p.localized.is_some()),
            }
        }
        // Not in the catalogue (a report read back from JSON, a newer rule): say what we know.
        None => ReportingDescriptor {
            name: Some(pascal_name(&id)),
            id,
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

/// The rules of a run's findings, listed by first appearance: a result is written when its
/// finding arrives, so its `ruleIndex` cannot wait for the whole set to be known.
#[derive(Default)]
struct RuleTable {
    index: HashMap<String, usize>,
    descriptors: Vec<ReportingDescriptor>,
    lang: Lang,
}

impl RuleTable {
    /// `finding`'s rule's index, described from the catalogue (or from this first finding) when
    /// the rule is new.
    fn index_of(&mut self, finding: &Finding, rules: &[&'static RuleMeta]) -> usize {
        if let Some(&index) = self.index.get(finding.rule.as_str()) {
            return index;
        }
        let index = self.descriptors.len();
        self.descriptors.push(descriptor(
            find_rule(rules, &finding.rule),
            finding,
            self.lang,
        ));
        self.index.insert(finding.rule.clone(), index);
        index
    }
}

fn driver<'a>(tool: &'a Tool, rules: &'a [ReportingDescriptor]) -> SarifTool<'a> {
    SarifTool {
        driver: Driver {
            name: &tool.name,
            version: &tool.version,
            information_uri: (!REPOSITORY.is_empty()).then_some(REPOSITORY),
            rules,
        },
    }
}

/// The SARIF log for `report` as a JSON value: one run, `tool.driver.rules` holding the rules
/// that have findings in the order of their first finding, each result pointing at its rule by
/// `ruleIndex`. Findings come in the order [`render`](crate::render) writes them (grouped by
/// resource in the order of `report.resources`, then findings of no listed resource); the
/// written log parses to this same value. For callers that merge or post-process logs.
pub fn sarif_log(
    report: &Report,
    rules: &[&'static RuleMeta],
) -> Result<serde_json::Value, ReportError> {
    let mut table = RuleTable::default();
    let layout = ReportLayout::of(report);
    let results: Vec<SarifResult<'_>> = layout
        .findings_in_order(report)
        .map(|finding| {
            let index = table.index_of(finding, rules);
            result(finding, index)
        })
        .collect();
    let log = Log {
        schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: driver(&report.tool, &table.descriptors),
            results,
            column_kind: COLUMN_KIND,
        }],
    };
    Ok(serde_json::to_value(log)?)
}

/// Writes `report` as a pretty-printed SARIF 2.1.0 log (see [`sarif_log`]); the same as
/// [`render`](crate::render) with [`Format::Sarif`](crate::Format::Sarif).
pub fn write_sarif(
    report: &Report,
    rules: &[&'static RuleMeta],
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    crate::render(
        report,
        rules,
        crate::Format::Sarif,
        crate::TextStyle::plain(),
        out,
    )
}

const COLUMN_KIND: &str = "unicodeCodePoints";

/// Depth of a result inside `runs[0].results`.
const RESULT: &str = "\n        ";

/// The log as it is written: the opening and `"results": [` first, each result as its finding
/// arrives, then `columnKind` and `tool` (whose `rules` are known only at the end).
pub(crate) struct SarifSink {
    rules: Vec<&'static RuleMeta>,
    table: RuleTable,
    any_result: bool,
}

impl SarifSink {
    pub(crate) fn start(
        rules: &[&'static RuleMeta],
        lang: Lang,
        out: &mut dyn Write,
    ) -> Result<Self, ReportError> {
        out.write_all(b"{\n  \"$schema\": ")?;
        serde_json::to_writer(&mut *out, SARIF_SCHEMA_URI)?;
        out.write_all(b",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"results\": [")?;
        Ok(SarifSink {
            rules: rules.to_vec(),
            table: RuleTable {
                lang,
                ..RuleTable::default()
            },
            any_result: false,
        })
    }

    pub(crate) fn findings(
        &mut self,
        out: &mut dyn Write,
        findings: &[Finding],
    ) -> Result<(), ReportError> {
        for finding in findings {
            let index = self.table.index_of(finding, &self.rules);
            if self.any_result {
                out.write_all(b",")?;
            }
            self.any_result = true;
            out.write_all(RESULT.as_bytes())?;
            write_pretty(out, &result(finding, index), &RESULT[1..])?;
        }
        Ok(())
    }

    pub(crate) fn finish(self, out: &mut dyn Write, tool: &Tool) -> Result<(), ReportError> {
        if self.any_result {
            out.write_all(b"\n      ")?;
        }
        out.write_all(b"],\n      \"columnKind\": ")?;
        serde_json::to_writer(&mut *out, COLUMN_KIND)?;
        out.write_all(b",\n      \"tool\": ")?;
        write_pretty(out, &driver(tool, &self.table.descriptors), "      ")?;
        out.write_all(b"\n    }\n  ]\n}\n")?;
        Ok(())
    }
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
