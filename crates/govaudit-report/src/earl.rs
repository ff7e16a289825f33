//! EARL JSON-LD in the form the W3C ACT Rules implementation reports read (act-rules'
//! `map-implementation`): a flat `@graph` of one `Assertor` and `Assertion`s, each naming its
//! own `subject` (the resource, `source` its URL), `test` (our rule: `title` its id, `isPartOf`
//! the WCAG success criteria it checks as `WCAG2:<id>`, `source` the ACT rules it implements)
//! and `result`. Outcomes are mapped as the ACT mapping asks: `fail` → `earl:failed`, `review`
//! → `earl:cantTell`, applied without findings → `earl:passed`, not applied →
//! `earl:inapplicable`. Passed and inapplicable can only be told apart when the report carries
//! applicability (`Collector::with_applicability`); without it, rules with no finding are
//! `earl:untested`.
//!
//! The `@context` is written inline, so a reader needs no network: its terms have the IRIs of
//! the ACT community's context (<https://act-rules.github.io/earl-context.json>).

use crate::ReportError;
use crate::success_criterion_id;
use govaudit_core::{Applicability, Finding, Outcome, Report, RuleMeta};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// The published JSON-LD context whose terms [`earl_context`] defines inline.
pub const EARL_CONTEXT_URL: &str = "https://act-rules.github.io/earl-context.json";

/// Where the page of an ACT rule is published; a test's `source` is this plus the rule id.
const ACT_RULE_PAGE: &str = "https://www.w3.org/WAI/standards-guidelines/act/rules/";

/// The blank node of the assertor, which every assertion names in `assertedBy`.
const ASSERTOR: &str = "_:govaudit";

/// The inline JSON-LD context of the EARL output: the terms it uses, with the IRIs of
/// [`EARL_CONTEXT_URL`].
pub fn earl_context() -> Value {
    json!({
        "@vocab": "http://www.w3.org/ns/earl#",
        "earl": "http://www.w3.org/ns/earl#",
        "WCAG2": "https://www.w3.org/TR/WCAG2/#",
        "dct": "http://purl.org/dc/terms/",
        "doap": "http://usefulinc.com/ns/doap#",
        "ptr": "https://www.w3.org/2009/pointers#",
        "assertedBy": { "@id": "earl:assertedBy", "@type": "@id" },
        "subject": "earl:subject",
        "test": "earl:test",
        "result": "earl:result",
        "mode": { "@id": "earl:mode", "@type": "@id" },
        "outcome": { "@id": "earl:outcome", "@type": "@id" },
        "info": "earl:info",
        "pointer": "earl:pointer",
        "source": "dct:source",
        "title": "dct:title",
        "isPartOf": { "@id": "dct:isPartOf", "@type": "@id" },
        "name": "doap:name",
        "release": "doap:release",
        "revision": "doap:revision",
        "expression": "ptr:expression",
    })
}

/// What EARL gives as each resource's `subject.source`. By default the resource's name in the
/// report (a path for files); with [`with_base`](Self::with_base), a resource under a local
/// directory is named by the URL the same file is served at, so an implementation report on
/// the ACT test cases names each case by its `url`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EarlSources {
    /// `(local prefix ending in '/', base URL ending in '/')`, longest prefix first.
    bases: Vec<(String, String)>,
}

impl EarlSources {
    /// Resources keep their names.
    pub fn new() -> Self {
        EarlSources::default()
    }

    /// Resources named `<local_dir>/<path>` are given as `<base_url>/<path>`. Backslashes of
    /// Windows paths become `/`; the path is joined as it is (it is already a URL path when the
    /// files mirror the site).
    pub fn with_base(mut self, local_dir: &str, base_url: &str) -> Self {
        let mut prefix = local_dir.replace('\\', "/");
        if !prefix.is_empty() && !prefix.ends_with('/') {
            prefix.push('/');
        }
        let mut base = base_url.to_owned();
        if !base.ends_with('/') {
            base.push('/');
        }
        self.bases.push((prefix, base));
        self.bases
            .sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
        self
    }

    /// The `source` of `resource`.
    pub fn source_of(&self, resource: &str) -> String {
        let name = resource.replace('\\', "/");
        for (prefix, base) in &self.bases {
            let rest = if prefix.is_empty() {
                Some(name.trim_start_matches("./"))
            } else {
                name.strip_prefix(prefix.as_str())
            };
            if let Some(rest) = rest {
                return format!("{base}{rest}");
            }
        }
        resource.to_owned()
    }
}

/// The EARL document for `report`, asserting every rule of `rules` on every resource.
pub fn earl_report(report: &Report, rules: &[&'static RuleMeta]) -> Value {
    earl_report_with_sources(report, rules, &EarlSources::new())
}

/// [`earl_report`] with each resource's `subject.source` given by `sources`.
pub fn earl_report_with_sources(
    report: &Report,
    rules: &[&'static RuleMeta],
    sources: &EarlSources,
) -> Value {
    let with_applicability = !report.applicability.is_empty();
    let mut applied: BTreeSet<(&str, &str)> = BTreeSet::new();
    for a in &report.applicability {
        applied.insert((a.url.as_str(), a.rule.as_str()));
    }
    let mut by_resource: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for finding in &report.findings {
        by_resource.entry(&finding.url).or_default().push(finding);
    }
    let mut graph = vec![assertor()];
    for url in &report.resources {
        let source = sources.source_of(url);
        let findings = by_resource.get(url.as_str()).map_or(&[][..], Vec::as_slice);
        for rule in rules {
            let mut own = findings.iter().filter(|f| f.rule == rule.id).peekable();
            if own.peek().is_none() {
                let outcome = if !with_applicability {
                    "earl:untested"
                } else if applied.contains(&(url.as_str(), rule.id)) {
                    "earl:passed"
                } else {
                    "earl:inapplicable"
                };
                graph.push(assertion(&source, rule, outcome, None));
            }
            for finding in own {
                let outcome = match finding.outcome {
                    Outcome::Fail => "earl:failed",
                    Outcome::Review => "earl:cantTell",
                };
                graph.push(assertion(&source, rule, outcome, Some(finding)));
            }
        }
    }
    json!({
        "@context": earl_context(),
        "@graph": graph,
    })
}

/// This build of govaudit: `name` and `release.revision`, as implementation reports read them.
fn assertor() -> Value {
    json!({
        "@id": ASSERTOR,
        "@type": "Assertor",
        "name": "govaudit",
        "release": { "@type": "doap:Version", "revision": env!("CARGO_PKG_VERSION") },
    })
}

/// The WCAG 2 success criterion of a standards reference (`WCAG22:1.4.12` →
/// `WCAG2:text-spacing`); `None` for other standards and unknown numbers.
fn success_criterion(reference: &str) -> Option<String> {
    let (scheme, number) = reference.split_once(':')?;
    if !matches!(scheme, "WCAG2" | "WCAG20" | "WCAG21" | "WCAG22") {
        return None;
    }
    success_criterion_id(number).map(|id| format!("WCAG2:{id}"))
}

fn act_rule_page(id: &str) -> String {
    format!("{ACT_RULE_PAGE}{id}/")
}

/// One assertion. A finding's own references (a rule may narrow them for one finding) decide
/// the success criteria and ACT rules it is part of; without a finding, the rule's.
fn assertion(source: &str, rule: &RuleMeta, outcome: &str, finding: Option<&Finding>) -> Value {
    let (part_of, act): (Vec<String>, Vec<String>) = match finding {
        Some(finding) => (
            finding
                .standards
                .iter()
                .filter_map(|s| success_criterion(s))
                .collect(),
            finding
                .standards
                .iter()
                .filter_map(|s| s.strip_prefix("ACT:"))
                .map(act_rule_page)
                .collect(),
        ),
        None => (
            rule.standards
                .iter()
                .filter_map(|s| success_criterion(s))
                .collect(),
            rule.sources
                .iter()
                .filter_map(|s| s.act_rule())
                .map(act_rule_page)
                .collect(),
        ),
    };
    let mut result = json!({ "@type": "TestResult", "outcome": outcome });
    if let Some(finding) = finding {
        result["info"] = json!(finding.message);
        if let Some(selector) = &finding.location.selector {
            result["pointer"] =
                json!({ "@type": "ptr:CSSSelectorPointer", "expression": selector });
        }
    }
    let mut test = json!({ "@type": "TestCase", "title": rule.id, "isPartOf": part_of });
    if !act.is_empty() {
        test["source"] = json!(act);
    }
    json!({
        "@type": "Assertion",
        "assertedBy": ASSERTOR,
        "mode": "earl:automatic",
        "subject": { "@type": "TestSubject", "source": source },
        "test": test,
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
    sources: EarlSources,
    kept: Report,
}

impl EarlSink {
    pub(crate) fn new(rules: &[&'static RuleMeta]) -> Self {
        EarlSink {
            rules: rules.to_vec(),
            sources: EarlSources::new(),
            kept: Report::new(),
        }
    }

    pub(crate) fn set_sources(&mut self, sources: EarlSources) {
        self.sources = sources;
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
        let report = earl_report_with_sources(&self.kept, &self.rules, &self.sources);
        serde_json::to_writer_pretty(&mut *out, &report)?;
        out.write_all(b"\n")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_map_local_paths_to_the_served_urls() {
        let sources = EarlSources::new()
            .with_base("cases", "https://example.org/act/testcases")
            .with_base("cases/deep/", "https://example.org/deep/");
        assert_eq!(
            sources.source_of("cases/abc/1.html"),
            "https://example.org/act/testcases/abc/1.html"
        );
        assert_eq!(
            sources.source_of("cases/deep/x.html"),
            "https://example.org/deep/x.html"
        );
        assert_eq!(sources.source_of("other/x.html"), "other/x.html");
        assert_eq!(
            EarlSources::new()
                .with_base("", "https://example.org/")
                .source_of("./a/b.html"),
            "https://example.org/a/b.html"
        );
    }

    #[test]
    fn criteria_are_named_by_id() {
        assert_eq!(
            success_criterion("WCAG22:1.4.12").as_deref(),
            Some("WCAG2:text-spacing")
        );
        assert_eq!(
            success_criterion("WCAG2:1.1.1").as_deref(),
            Some("WCAG2:non-text-content")
        );
        assert_eq!(success_criterion("EN301549:9.1.1.1"), None);
        assert_eq!(success_criterion("WCAG22:7.7.7"), None);
    }
}
