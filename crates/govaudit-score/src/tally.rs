//! What scoring keeps of a run while its findings stream past: per indicator a count and the
//! first pieces of evidence, per area the weighted failures, the pages seen. Never the
//! findings themselves, so scoring adds a fixed amount of memory per indicator.

use crate::model::{EVIDENCE_CAP, EvidenceRef};
use crate::profile::{Measure, PageScope, ScoringProfile};
use govaudit_core::{Finding, Outcome, Severity};
use std::collections::BTreeMap;

/// Counts and capped evidence for one findings measure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeasureTally {
    /// Failing findings that matched.
    pub fail: usize,
    /// Findings for review that matched.
    pub review: usize,
    /// The first failing findings (then the first reviews), at most [`EVIDENCE_CAP`].
    pub evidence: Vec<EvidenceRef>,
    /// Evidence of reviews, kept apart so failures come first.
    review_evidence: Vec<EvidenceRef>,
}

/// Weighted failures of one area.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreaTally {
    /// Failing findings of the area.
    pub fail: usize,
    /// Σ weight(severity) over them (critical 10, high 5, medium 2, low 1, info 0).
    pub weighted: f64,
    /// The first failing findings, most severe first once the run ends.
    pub evidence: Vec<EvidenceRef>,
}

/// The weight of a failing finding in an area score.
pub fn severity_weight(severity: Severity) -> f64 {
    match severity {
        Severity::Critical => 10.0,
        Severity::High => 5.0,
        Severity::Medium => 2.0,
        Severity::Low => 1.0,
        Severity::Info => 0.0,
    }
}

/// The running tally of a run for one profile.
#[derive(Debug, Clone)]
pub struct Tally {
    /// One per indicator of the profile (`None` for measures that do not read findings).
    measures: Vec<Option<(Matcher, MeasureTally)>>,
    areas: BTreeMap<String, AreaTally>,
    homepage: Option<String>,
    /// Resources seen (the engine hands each over once).
    resources: usize,
}

#[derive(Debug, Clone)]
struct Matcher {
    rules: Vec<String>,
    page: PageScope,
    evidence: BTreeMap<String, String>,
}

impl Matcher {
    fn matches(&self, finding: &Finding, homepage: Option<&str>) -> bool {
        let rule_matches = self
            .rules
            .iter()
            .any(|pattern| match pattern.strip_suffix('*') {
                Some(prefix) => finding.rule.starts_with(prefix),
                None if pattern.ends_with('/') => finding.rule.starts_with(pattern.as_str()),
                None => finding.rule == *pattern,
            });
        if !rule_matches {
            return false;
        }
        let on_homepage = homepage.is_some_and(|h| same_page(h, &finding.url));
        let page_matches = match self.page {
            PageScope::Any => true,
            PageScope::Homepage => on_homepage,
            PageScope::Other => !on_homepage,
        };
        page_matches
            && self.evidence.iter().all(|(key, want)| {
                finding.evidence.get(key).is_some_and(|v| match v {
                    serde_json::Value::String(s) => s == want,
                    // Numbers and booleans: the wanted text read as JSON (`age_days = "41"`).
                    other => {
                        serde_json::from_str::<serde_json::Value>(want).is_ok_and(|w| w == *other)
                    }
                })
            })
    }
}

/// `https://x/` and `https://x/index.html` are one page for the homepage split.
fn same_page(a: &str, b: &str) -> bool {
    fn trim(u: &str) -> &str {
        let u = u.split('#').next().unwrap_or(u);
        for index in ["index.html", "index.htm", "index.shtml"] {
            if let Some(rest) = u.strip_suffix(index) {
                return rest;
            }
        }
        u
    }
    trim(a) == trim(b)
}

fn evidence_of(finding: &Finding) -> EvidenceRef {
    EvidenceRef {
        url: finding.url.clone(),
        line: finding.location.line,
        selector: finding.location.selector.clone(),
        rule: finding.rule.clone(),
        message: finding.message.clone(),
    }
}

impl Tally {
    /// An empty tally for `profile`. `homepage` splits homepage from other pages; without it
    /// the first resource seen is the homepage (a crawl's start URL, a directory's root page).
    pub fn new(profile: &ScoringProfile, homepage: Option<String>) -> Self {
        let measures = profile
            .indicators
            .iter()
            .map(|indicator| match &indicator.measure {
                Measure::Findings {
                    rules,
                    page,
                    evidence,
                    ..
                } => Some((
                    Matcher {
                        rules: rules.clone(),
                        page: *page,
                        evidence: evidence.clone(),
                    },
                    MeasureTally::default(),
                )),
                _ => None,
            })
            .collect();
        Tally {
            measures,
            areas: BTreeMap::new(),
            homepage,
            resources: 0,
        }
    }

    /// The homepage the tally splits by, once known.
    pub fn homepage(&self) -> Option<&str> {
        self.homepage.as_deref()
    }

    /// A checked resource (a page, a stylesheet, an exchange) and its findings.
    pub fn resource(&mut self, url: &str, findings: &[Finding]) {
        if self.homepage.is_none() {
            self.homepage = Some(url.to_owned());
        }
        self.resources += 1;
        self.findings(findings);
    }

    /// Findings of site-level checks.
    pub fn findings(&mut self, findings: &[Finding]) {
        for finding in findings {
            self.add(finding);
        }
    }

    fn add(&mut self, finding: &Finding) {
        let homepage = self.homepage.as_deref();
        for (matcher, tally) in self.measures.iter_mut().flatten() {
            if !matcher.matches(finding, homepage) {
                continue;
            }
            match finding.outcome {
                Outcome::Fail => {
                    tally.fail += 1;
                    if tally.evidence.len() < EVIDENCE_CAP {
                        tally.evidence.push(evidence_of(finding));
                    }
                }
                Outcome::Review => {
                    tally.review += 1;
                    if tally.review_evidence.len() < EVIDENCE_CAP {
                        tally.review_evidence.push(evidence_of(finding));
                    }
                }
            }
        }
        if finding.outcome == Outcome::Fail {
            let area = self.areas.entry(finding.area().to_owned()).or_default();
            area.fail += 1;
            area.weighted += severity_weight(finding.severity);
            if area.evidence.len() < EVIDENCE_CAP {
                area.evidence.push(evidence_of(finding));
            }
        }
    }

    /// The tally of the profile's indicator at `index`, when it reads findings.
    pub fn measure(&self, index: usize) -> Option<MeasureTally> {
        let (_, tally) = self.measures.get(index)?.as_ref()?;
        let mut tally = tally.clone();
        let room = EVIDENCE_CAP.saturating_sub(tally.evidence.len());
        tally
            .evidence
            .extend(tally.review_evidence.iter().take(room).cloned());
        Some(tally)
    }

    /// The weighted failures of an area (`a11y`, `links`, ...).
    pub fn area(&self, area: &str) -> AreaTally {
        self.areas.get(area).cloned().unwrap_or_default()
    }

    /// Resources seen (pages, stylesheets, exchanges).
    pub fn pages(&self) -> usize {
        self.resources
    }
}
