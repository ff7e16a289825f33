use crate::{Applicability, Finding, Outcome, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version tag of the JSON form. A change that breaks readers gets a new tag.
pub const SCHEMA: &str = "govaudit/1";

/// The program that made a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Default for Tool {
    fn default() -> Self {
        Tool {
            name: "govaudit".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// Something the run wants its reader to know that is not a finding: a skipped file, a page that
/// could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The file or URL the note is about.
    pub url: String,
    /// What happened, in English.
    pub message: String,
    /// The same as a sentence of the message catalogs, for other languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<crate::Phrase>,
}

/// Counts over a report's findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub resources: usize,
    pub findings: usize,
    pub fail: usize,
    pub review: usize,
    /// Failing findings per severity (every severity present, zero included).
    pub by_severity: BTreeMap<Severity, usize>,
    /// Findings per rule id.
    pub by_rule: BTreeMap<String, usize>,
}

/// The result of one run: what was checked, what was found, and notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    pub tool: Tool,
    /// Every resource checked, in order.
    pub resources: Vec<String>,
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub notes: Vec<Note>,
    pub summary: Summary,
    /// Rule applications, only when a conformance report asked for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applicability: Vec<Applicability>,
    /// Extra top-level sections of one command (`observatory`, `items`, ...).
    #[serde(flatten)]
    pub sections: serde_json::Map<String, serde_json::Value>,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            schema: SCHEMA.into(),
            tool: Tool::default(),
            resources: Vec::new(),
            findings: Vec::new(),
            notes: Vec::new(),
            summary: Summary::default(),
            applicability: Vec::new(),
            sections: serde_json::Map::new(),
        }
    }
}

impl Report {
    pub fn new() -> Self {
        Report::default()
    }

    /// Adds a checked resource and its findings.
    pub fn add_resource(&mut self, url: impl Into<String>, findings: Vec<Finding>) {
        self.resources.push(url.into());
        self.findings.extend(findings);
    }

    pub fn note(&mut self, url: impl Into<String>, message: impl Into<String>) {
        self.notes.push(Note {
            url: url.into(),
            message: message.into(),
            phrase: None,
        });
    }

    /// Recomputes [`Report::summary`] from the findings; call before writing.
    pub fn finish(&mut self) {
        let mut summary = Summary {
            resources: self.resources.len(),
            findings: self.findings.len(),
            by_severity: Severity::ALL.into_iter().map(|s| (s, 0)).collect(),
            ..Summary::default()
        };
        for finding in &self.findings {
            match finding.outcome {
                Outcome::Fail => {
                    summary.fail += 1;
                    *summary.by_severity.entry(finding.severity).or_default() += 1;
                }
                Outcome::Review => summary.review += 1,
            }
            *summary.by_rule.entry(finding.rule.clone()).or_default() += 1;
        }
        self.summary = summary;
    }

    /// Whether any failing finding is at or above `threshold` (exit code 1).
    pub fn fails_at(&self, threshold: Severity) -> bool {
        self.findings.iter().any(|f| f.fails_at(threshold))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Location, RuleMeta};

    static RULE: RuleMeta = RuleMeta {
        id: "test/rule",
        severity: Severity::Low,
        standards: &[],
        sources: &[],
        docs: "Test.",
        cache: None,
    };

    #[test]
    fn summary_counts_outcomes_severities_and_rules() {
        let mut report = Report::new();
        report.add_resource(
            "a.html",
            vec![
                Finding::new(&RULE, Outcome::Fail, "a.html", Location::resource(), "x"),
                Finding::new(&RULE, Outcome::Review, "a.html", Location::resource(), "y"),
            ],
        );
        report.finish();
        assert_eq!(report.summary.fail, 1);
        assert_eq!(report.summary.review, 1);
        assert_eq!(report.summary.by_severity[&Severity::Low], 1);
        assert_eq!(report.summary.by_severity[&Severity::Critical], 0);
        assert_eq!(report.summary.by_rule["test/rule"], 2);
        assert!(report.fails_at(Severity::Low));
        assert!(!report.fails_at(Severity::Medium));
    }

    #[test]
    fn json_round_trips_with_schema_tag_and_sections() {
        let mut report = Report::new();
        report
            .sections
            .insert("observatory".into(), serde_json::json!({"score": 90}));
        report.finish();
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["schema"], "govaudit/1");
        assert_eq!(json["observatory"]["score"], 90);
        let back: Report = serde_json::from_value(json).unwrap();
        assert_eq!(back, report);
    }
}
