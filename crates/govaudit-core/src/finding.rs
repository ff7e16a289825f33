use crate::{Outcome, RuleMeta, Severity};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Rule-specific structured data: a status code, a redirect chain, a header value, ...
pub type Evidence = serde_json::Map<String, serde_json::Value>;

/// Where a finding is: a place in an HTML source, or a response header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// 1-based source line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// A CSS selector that matches exactly the element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<String>,
    /// A short piece of the source (the start tag, shortened).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snippet: Option<String>,
    /// The response header the finding is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
}

impl Location {
    /// The whole resource, no finer place.
    pub fn resource() -> Self {
        Location::default()
    }

    pub fn at_line(line: u32) -> Self {
        Location {
            line: Some(line),
            ..Location::default()
        }
    }

    pub fn header(name: impl Into<String>) -> Self {
        Location {
            header: Some(name.into()),
            ..Location::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Location::default()
    }
}

/// One problem, or one item needing a person's review, at one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, `area/kebab-name`.
    pub rule: String,
    pub outcome: Outcome,
    pub severity: Severity,
    /// One sentence a web editor understands.
    pub message: String,
    /// The resource: a file path as given on the command line, or a URL.
    pub url: String,
    #[serde(default)]
    pub location: Location,
    /// `SCHEME:ID` references: the standards it checks and the peer rules that apply. Shared by
    /// the findings of a rule (see [`Finding::set_standards`] to give one finding its own).
    #[serde(default)]
    pub standards: Arc<[String]>,
    /// Where the rule's documentation is; shared by the findings of a rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Arc<str>>,
    #[serde(default)]
    pub evidence: Evidence,
}

impl Finding {
    /// A finding of `rule` with the rule's default severity and references.
    pub fn new(
        rule: &RuleMeta,
        outcome: Outcome,
        url: impl Into<String>,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        // Every finding of a rule carries the same references and help URI: share them.
        let (standards, help) = rule.shared();
        Finding {
            rule: rule.id.to_owned(),
            outcome,
            severity: rule.severity,
            message: message.into(),
            url: url.into(),
            location,
            standards,
            help: Some(help),
            evidence: Evidence::new(),
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Adds one evidence field; values that cannot become JSON are recorded as null.
    pub fn with_evidence(mut self, key: &str, value: impl Serialize) -> Self {
        self.evidence.insert(
            key.to_owned(),
            serde_json::to_value(value).unwrap_or(serde_json::Value::Null),
        );
        self
    }

    /// The area of the rule (`a11y` for `a11y/image-alt`).
    pub fn area(&self) -> &str {
        self.rule.split_once('/').map_or(&self.rule, |(a, _)| a)
    }

    /// Whether this finding should fail a run that fails on `threshold` or worse.
    pub fn fails_at(&self, threshold: Severity) -> bool {
        self.outcome == Outcome::Fail && self.severity >= threshold
    }
}
