use crate::{Evidence, Finding, Location, Outcome, RuleMeta};
use serde::{Deserialize, Serialize};

/// A record that a rule applied to one target (an element, a header, a link). With the findings
/// it lets a conformance report tell `passed` (applied, no finding) from `inapplicable`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicability {
    pub rule: String,
    /// The resource (as findings' `url`), so a report over several resources keeps them apart.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    pub location: Location,
}

/// Collects what rules found in one resource. Rules call [`Collector::applies`] for each target
/// they examine and [`Collector::fail`] / [`Collector::review`] for each problem.
#[derive(Debug, Clone, Default)]
pub struct Collector {
    url: String,
    findings: Vec<Finding>,
    applicable: Vec<Applicability>,
    record_applicability: bool,
}

impl Collector {
    /// A collector for the resource `url`; applicability is not kept (cheaper).
    pub fn new(url: impl Into<String>) -> Self {
        Collector {
            url: url.into(),
            ..Collector::default()
        }
    }

    /// A collector that also keeps applicability records, for conformance (EARL) reports.
    pub fn with_applicability(url: impl Into<String>) -> Self {
        Collector {
            url: url.into(),
            record_applicability: true,
            ..Collector::default()
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// `rule` examined the target at `location`.
    pub fn applies(&mut self, rule: &RuleMeta, location: impl FnOnce() -> Location) {
        if self.record_applicability {
            self.applicable.push(Applicability {
                rule: rule.id.to_owned(),
                url: self.url.clone(),
                location: location(),
            });
        }
    }

    /// Records a violation; returns it so the caller can add evidence or change severity.
    pub fn fail(
        &mut self,
        rule: &RuleMeta,
        location: Location,
        message: impl Into<String>,
    ) -> &mut Finding {
        self.push(Finding::new(
            rule,
            Outcome::Fail,
            self.url.clone(),
            location,
            message,
        ))
    }

    /// Records something a person must decide.
    pub fn review(
        &mut self,
        rule: &RuleMeta,
        location: Location,
        message: impl Into<String>,
    ) -> &mut Finding {
        self.push(Finding::new(
            rule,
            Outcome::Review,
            self.url.clone(),
            location,
            message,
        ))
    }

    /// Adds a finding made elsewhere.
    pub fn push(&mut self, finding: Finding) -> &mut Finding {
        // Findings are large: start with room for a few instead of growing 1, 2, 4, 8.
        if self.findings.capacity() == 0 {
            self.findings.reserve(8);
        }
        self.findings.push(finding);
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    pub fn applicability(&self) -> &[Applicability] {
        &self.applicable
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    pub fn into_parts(self) -> (Vec<Finding>, Vec<Applicability>) {
        (self.findings, self.applicable)
    }
}

impl Finding {
    /// Adds evidence fields in place (for use on the `&mut Finding` a collector returns).
    pub fn evidence(&mut self, key: &str, value: impl Serialize) -> &mut Self {
        self.evidence.insert(
            key.to_owned(),
            serde_json::to_value(value).unwrap_or(serde_json::Value::Null),
        );
        self
    }

    /// Replaces the evidence map.
    pub fn set_evidence(&mut self, evidence: Evidence) -> &mut Self {
        self.evidence = evidence;
        self
    }

    /// Replaces the references, e.g. to name only the ACT rules that apply to this finding.
    pub fn set_standards<I, S>(&mut self, standards: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.standards = standards.into_iter().map(Into::into).collect();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RuleMeta, Severity, Source};

    crate::declare_rule! {
        /// Test rule.
        RULE = {
            id: "test/rule",
            severity: Severity::Medium,
            standards: ["WCAG22:4.1.2"],
            sources: [Source::same("ACT:m6b1q3")],
        }
    }

    #[test]
    fn collector_fills_findings_from_rule_metadata() {
        let mut found = Collector::new("a.html");
        found
            .fail(&RULE, Location::at_line(3), "Broken.")
            .evidence("status", 404);
        found.review(&RULE, Location::resource(), "Look.");
        let findings = found.into_findings();
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].url, "a.html");
        assert_eq!(findings[0].severity, Severity::Medium);
        assert_eq!(findings[0].evidence["status"], 404);
        assert_eq!(findings[1].outcome, Outcome::Review);
        assert!(findings[0].fails_at(Severity::Medium));
        assert!(!findings[0].fails_at(Severity::High));
        assert!(!findings[1].fails_at(Severity::Info));
    }

    #[test]
    fn findings_of_a_rule_share_its_references_and_help_uri() {
        let mut found = Collector::new("a.html");
        found.fail(&RULE, Location::at_line(3), "Broken.");
        found.review(&RULE, Location::resource(), "Look.");
        found
            .fail(&RULE, Location::resource(), "Own.")
            .set_standards(["WCAG22:1.3.1"]);
        let findings = found.into_findings();
        assert_eq!(
            *findings[0].standards,
            ["WCAG22:4.1.2", "Section508:E205.4", "ACT:m6b1q3"]
        );
        assert!(std::sync::Arc::ptr_eq(
            &findings[0].standards,
            &findings[1].standards
        ));
        assert_eq!(
            findings[0].help.as_deref(),
            Some("https://govaudit.invalid/rules/test/rule")
        );
        assert!(std::sync::Arc::ptr_eq(
            findings[0].help.as_ref().unwrap(),
            findings[1].help.as_ref().unwrap()
        ));
        assert_eq!(*findings[2].standards, ["WCAG22:1.3.1"]);
        assert_eq!(
            *findings[0].standards,
            ["WCAG22:4.1.2", "Section508:E205.4", "ACT:m6b1q3"]
        );
    }

    #[test]
    fn a_changed_copy_of_a_rule_never_gets_the_original_references() {
        // Fill RULE's cache first, then ask with copies that keep the cache but not the data.
        let original = Finding::new(&RULE, Outcome::Fail, "a", Location::resource(), "x");
        let mut other = RULE;
        other.id = "test/other";
        other.standards = &["WCAG22:1.1.1"];
        let finding = Finding::new(&other, Outcome::Fail, "a", Location::resource(), "x");
        assert_eq!(
            *finding.standards,
            ["WCAG22:1.1.1", "Section508:E205.4", "ACT:m6b1q3"]
        );
        assert_eq!(
            finding.help.as_deref(),
            Some("https://govaudit.invalid/rules/test/other")
        );
        let mut fewer_sources = RULE;
        fewer_sources.sources = &[];
        let finding = Finding::new(
            &fewer_sources,
            Outcome::Fail,
            "a",
            Location::resource(),
            "x",
        );
        assert_eq!(*finding.standards, ["WCAG22:4.1.2", "Section508:E205.4"]);
        let uncached = RuleMeta {
            cache: None,
            ..RULE
        };
        let finding = Finding::new(&uncached, Outcome::Fail, "a", Location::resource(), "x");
        assert_eq!(finding.standards, original.standards);
        assert_eq!(finding.help, original.help);
    }

    #[test]
    fn findings_serialise_as_before_and_read_back() {
        let mut found = Collector::new("a.html");
        found
            .fail(&RULE, Location::at_line(3), "Broken.")
            .evidence("status", 404);
        let finding = &found.findings()[0];
        let json = serde_json::to_string(finding).unwrap();
        assert_eq!(
            json,
            r#"{"rule":"test/rule","outcome":"fail","severity":"medium","message":"Broken.","url":"a.html","location":{"line":3},"standards":["WCAG22:4.1.2","Section508:E205.4","ACT:m6b1q3"],"help":"https://govaudit.invalid/rules/test/rule","evidence":{"status":404}}"#
        );
        let back: Finding = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, finding);
        let bare: Finding = serde_json::from_str(
            r#"{"rule":"x/y","outcome":"review","severity":"low","message":"m","url":"u"}"#,
        )
        .unwrap();
        assert!(bare.standards.is_empty());
        assert_eq!(bare.help, None);
    }

    #[test]
    fn applicability_is_kept_only_when_asked() {
        let mut cheap = Collector::new("a.html");
        cheap.applies(&RULE, Location::resource);
        assert!(cheap.applicability().is_empty());
        let mut full = Collector::with_applicability("a.html");
        full.applies(&RULE, || Location::at_line(2));
        assert_eq!(full.applicability()[0].rule, "test/rule");
    }
}
