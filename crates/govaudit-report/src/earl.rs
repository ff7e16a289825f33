//! EARL JSON-LD in the form of W3C ACT implementation reports: one `TestSubject` per resource,
//! one `Assertion` per (rule, outcome) with the outcome mapped as the ACT mapping asks —
//! `fail` → `earl:failed`, `review` → `earl:cantTell`, applied without findings → `earl:passed`,
//! not applied → `earl:inapplicable`. Passed and inapplicable can only be told apart when the
//! report carries applicability (`Collector::with_applicability`); without it, rules with no
//! finding are `earl:untested`.

use crate::ReportError;
use govaudit_core::{Applicability, Finding, Outcome, Report, RuleMeta};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// The JSON-LD context the ACT implementation reports use.
pub const EARL_CONTEXT: &str = "https://act-rules.github.io/earl-context.json";

/// The EARL document for `report`, asserting every rule of `rules` on every resource.
pub fn earl_report(report: &Report, rules: &[&'static RuleMeta]) -> Value {
    let with_applicability = !report.applicability.is_empty();
    let mut applied: BTreeSet<(&str, &str)> = BTreeSet::new();
    for a in &report.applicability {
        applied.insert((a.url.as_str(), a.rule.as_str()));
    }
    let mut by_resource: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for finding in &report.findings {
        by_resource.entry(&finding.url).or_default().push(finding);
    }
    let graph: Vec<Value> = report
        .resources
        .iter()
        .map(|url| {
            let findings = by_resource.get(url.as_str()).map_or(&[][..], Vec::as_slice);
            let mut assertions = Vec::new();
            for rule in rules {
                let own: Vec<&&Finding> = findings.iter().filter(|f| f.rule == rule.id).collect();
                if own.is_empty() {
                    let outcome = if !with_applicability {
                        "earl:untested"
                    } else if applied.contains(&(url.as_str(), rule.id)) {
                        "earl:passed"
                    } else {
                        "earl:inapplicable"
                    };
                    assertions.push(assertion(rule, outcome, None));
                }
                for finding in own {
                    let outcome = match finding.outcome {
                        Outcome::Fail => "earl:failed",
                        Outcome::Review => "earl:cantTell",
                    };
                    assertions.push(assertion(rule, outcome, Some(finding)));
                }
            }
            json!({
                "@type": "TestSubject",
                "source": url,
                "assertions": assertions,
            })
        })
        .collect();
    json!({
        "@context": EARL_CONTEXT,
        "@graph": graph,
    })
}

fn assertion(rule: &RuleMeta, outcome: &str, finding: Option<&Finding>) -> Value {
    // WCAG success criteria as `WCAG2:<sc>` (the ACT reports name them by number or slug).
    let part_of: Vec<String> = rule
        .standards
        .iter()
        .filter_map(|s| s.strip_prefix("WCAG22:"))
        .map(|sc| format!("WCAG2:{sc}"))
        .collect();
    let mut result = json!({ "outcome": outcome });
    if let Some(finding) = finding {
        result["description"] = json!(finding.message);
        if let Some(selector) = &finding.location.selector {
            result["pointer"] = json!(selector);
        }
    }
    let act: Vec<&str> = rule.sources.iter().filter_map(|s| s.act_rule()).collect();
    json!({
        "@type": "Assertion",
        "mode": "earl:automatic",
        "assertedBy": { "@type": "earl:Assertor", "title": "govaudit", "release": env!("CARGO_PKG_VERSION") },
        "test": { "title": rule.id, "isPartOf": part_of, "actRules": act },
        "result": result,
    })
}

/// Writes [`earl_report`] as pretty JSON; the same as [`render`](crate::render) with
/// [`Format::Earl`](crate::Format::Earl).
pub fn write_earl(
    report: &Report,
    rules: &[&'static RuleMeta],
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    crate::render(
        report,
        rules,
        crate::Format::Earl,
        crate::TextStyle::plain(),
        out,
    )
}

/// EARL asserts every rule on every resource, with the findings of that resource from anywhere
/// in the run (site-level checks included), so it keeps what it is given until the end.
pub(crate) struct EarlSink {
    rules: Vec<&'static RuleMeta>,
    kept: Report,
}

impl EarlSink {
    pub(crate) fn new(rules: &[&'static RuleMeta]) -> Self {
        EarlSink {
            rules: rules.to_vec(),
            kept: Report::new(),
        }
    }

    pub(crate) fn resource(
        &mut self,
        url: &str,
        findings: &[Finding],
        applicability: &[Applicability],
    ) {
        self.kept.resources.push(url.to_owned());
        self.site_findings(findings);
        self.applicability(applicability);
    }

    pub(crate) fn site_findings(&mut self, findings: &[Finding]) {
        self.kept.findings.extend_from_slice(findings);
    }

    pub(crate) fn applicability(&mut self, records: &[Applicability]) {
        self.kept.applicability.extend_from_slice(records);
    }

    pub(crate) fn finish(self, out: &mut dyn Write) -> Result<(), ReportError> {
        serde_json::to_writer_pretty(&mut *out, &earl_report(&self.kept, &self.rules))?;
        out.write_all(b"\n")?;
        Ok(())
    }
}
