//! The W3C ACT conformance test, judged exactly as the W3C ACT Rules community's implementation
//! mapper judges govaudit's EARL report (act-rules/act-tools, `map-implementation`; read from
//! its source, see docs/act-report.md), so that the counts here are the counts the W3C page
//! shows. `scripts/act-report.sh` runs the mapper itself.
//!
//! Every test case is checked as `govaudit audit --only a11y --format earl` checks it (every
//! rule, the page parsed as the file `file:///<rule>/<case>.<ext>` with the engine's content
//! type, style sheets from the shared test assets; `.xml` cases are not pages and get no
//! assertion), and the EARL of the case is written by `govaudit-report` and read back. Then, as
//! the mapper does:
//!
//! - **procedures**: each of our rules (the EARL `test.title`) is a procedure of *every* ACT
//!   rule whose test cases it asserts on, whether or not it claims that ACT rule; its outcomes
//!   on a case are the outcomes of its assertions there (`untested` when it has none);
//! - **failed requirements** of a procedure: the `isPartOf` success criteria of its `failed` and
//!   `cantTell` assertions on the rule's cases;
//! - **consistency** of a procedure (over the approved cases only when the rule has any): a
//!   `failed` outcome on a `passed` or `inapplicable` case makes it inconsistent; **complete**
//!   when its failed requirements are all the rule's non-secondary criteria and only criteria
//!   the rule lists, no case is untested, every `failed` case has an outcome other than
//!   passed/inapplicable/untested, and one `failed` case is `failed`; **partial** when one
//!   `failed` case is `failed`, or when some outcome is `cantTell` and every `inapplicable` case
//!   is only passed or inapplicable; otherwise inconsistent;
//! - a **rule**'s level is the best of its procedures; when that is partial, the procedures at
//!   that level are combined (outcomes and failed requirements pooled) and judged again, which
//!   can make the rule complete. A rule with procedures but none consistent is inconsistent.
//!
//! The test fails on an inconsistent rule and on a rule below the level recorded in
//! `act-expected.json`. It prints the table; with `GOVAUDIT_ACT_STATUS=<file>` it also writes it
//! as Markdown. The data is `../shared/act-rules` (see its README), found through
//! govaudit-testkit.

use govaudit_a11y::RULES;
use govaudit_core::{Collector, Report, RuleMeta};
use govaudit_html::Document;
use govaudit_html::style::{SheetState, StylesheetSource};
use govaudit_report::{EarlSources, earl_report_with_sources, success_criterion_id};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
struct TestCases {
    testcases: Vec<TestCase>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TestCase {
    rule_id: String,
    rule_name: String,
    testcase_id: String,
    testcase_title: String,
    expected: Earl,
    relative_path: String,
    url: String,
    #[serde(default)]
    approved: bool,
    #[serde(default)]
    rule_accessibility_requirements: Option<BTreeMap<String, serde_json::Value>>,
}

/// The EARL outcomes (`untested` when a procedure has no assertion on a case).
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
enum Earl {
    Passed,
    Failed,
    Inapplicable,
    CantTell,
    Untested,
}

impl Earl {
    fn parse(text: &str) -> Option<Earl> {
        Some(match text.strip_prefix("earl:").unwrap_or(text) {
            "passed" => Earl::Passed,
            "failed" => Earl::Failed,
            "inapplicable" => Earl::Inapplicable,
            "cantTell" => Earl::CantTell,
            "untested" => Earl::Untested,
            _ => return None,
        })
    }

    fn as_str(self) -> &'static str {
        match self {
            Earl::Passed => "passed",
            Earl::Failed => "failed",
            Earl::Inapplicable => "inapplicable",
            Earl::CantTell => "cantTell",
            Earl::Untested => "untested",
        }
    }

    fn satisfied(self) -> bool {
        matches!(self, Earl::Passed | Earl::Inapplicable)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Inconsistent,
    Partial,
    Complete,
}

impl Level {
    fn parse(text: &str) -> Option<Level> {
        match text {
            "complete" => Some(Level::Complete),
            "partial" => Some(Level::Partial),
            "inconsistent" => Some(Level::Inconsistent),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Level::Complete => "complete",
            Level::Partial => "partial",
            Level::Inconsistent => "inconsistent",
        }
    }
}

/// One EARL assertion as the mapper reads it.
struct Assertion {
    procedure: String,
    outcome: Earl,
    part_of: Vec<String>,
}

/// A procedure's outcomes on one case.
struct TestResult<'a> {
    case: &'a TestCase,
    outcomes: Vec<Earl>,
}

/// One of our rules as a procedure of one ACT rule.
struct Procedure<'a> {
    name: String,
    failed_requirements: BTreeSet<String>,
    results: Vec<TestResult<'a>>,
}

/// The ACT rule's success criteria as `WCAG2:<id>`: all it lists, and those not secondary.
struct Requirements {
    allowed: BTreeSet<String>,
    required: BTreeSet<String>,
}

impl Requirements {
    fn of(case: &TestCase) -> Requirements {
        let mut allowed = BTreeSet::new();
        let mut required = BTreeSet::new();
        for (key, requirement) in case.rule_accessibility_requirements.iter().flatten() {
            let Some((scheme, number)) = key.split_once(':') else {
                continue;
            };
            let is_wcag2 = scheme.len() == 6 && scheme.to_ascii_lowercase().starts_with("wcag2");
            let Some(id) = success_criterion_id(number).filter(|_| is_wcag2) else {
                continue;
            };
            let id = format!("WCAG2:{id}");
            if requirement.get("secondary").is_none() {
                required.insert(id.clone());
            }
            allowed.insert(id);
        }
        Requirements { allowed, required }
    }

    fn mapped_by(&self, failed: &BTreeSet<String>) -> bool {
        self.required.is_subset(failed)
            && failed
                .iter()
                .all(|f| !f.starts_with("WCAG2:") || self.allowed.contains(f))
    }
}

fn consistency(
    results: &[TestResult<'_>],
    failed_requirements: &BTreeSet<String>,
    requirements: &Requirements,
) -> Level {
    let approved: Vec<&TestResult<'_>> = results.iter().filter(|r| r.case.approved).collect();
    let results: Vec<&TestResult<'_>> = if approved.is_empty() {
        results.iter().collect()
    } else {
        approved
    };
    let expected = |r: &&TestResult<'_>, e: Earl| r.case.expected == e;
    let false_positive = results.iter().any(|r| {
        (expected(r, Earl::Passed) || expected(r, Earl::Inapplicable))
            && r.outcomes.contains(&Earl::Failed)
    });
    if false_positive {
        return Level::Inconsistent;
    }
    let true_positive = results
        .iter()
        .any(|r| expected(r, Earl::Failed) && r.outcomes.contains(&Earl::Failed));
    let untested = results
        .iter()
        .any(|r| r.outcomes.is_empty() || r.outcomes.contains(&Earl::Untested));
    let false_negative = results.iter().any(|r| {
        expected(r, Earl::Failed)
            && r.outcomes
                .iter()
                .all(|o| o.satisfied() || *o == Earl::Untested)
    });
    if requirements.mapped_by(failed_requirements) && !untested && !false_negative && true_positive
    {
        return Level::Complete;
    }
    if true_positive {
        return Level::Partial;
    }
    let cant_tell = results.iter().any(|r| r.outcomes.contains(&Earl::CantTell));
    let inapplicable_all_true = results
        .iter()
        .all(|r| !expected(r, Earl::Inapplicable) || r.outcomes.iter().all(|o| o.satisfied()));
    if cant_tell && inapplicable_all_true {
        return Level::Partial;
    }
    Level::Inconsistent
}

/// The ACT rule's level: its best procedures, combined when partial.
struct RuleResult<'a> {
    act_id: &'a str,
    name: &'a str,
    approved: bool,
    claimed_by: Vec<&'static str>,
    /// The procedures the mapper picks (best level), and that level.
    chosen: Vec<String>,
    level: Level,
    /// The cases and, per case, the pooled outcomes of the chosen procedures.
    cases: PooledCases<'a>,
}

/// Each case of a rule with the pooled outcomes of the chosen procedures.
type PooledCases<'a> = Vec<(&'a TestCase, Vec<Earl>)>;

fn judge_rule<'a>(
    cases: &[&'a TestCase],
    procedures: Vec<Procedure<'a>>,
) -> (Vec<String>, Level, PooledCases<'a>) {
    let requirements = Requirements::of(cases[0]);
    let levels: Vec<Level> = procedures
        .iter()
        .map(|p| consistency(&p.results, &p.failed_requirements, &requirements))
        .collect();
    let Some(&best) = levels.iter().max() else {
        return (Vec::new(), Level::Inconsistent, Vec::new());
    };
    let chosen: Vec<&Procedure<'_>> = procedures
        .iter()
        .zip(&levels)
        .filter(|(_, l)| **l == best)
        .map(|(p, _)| p)
        .collect();
    let pooled: Vec<TestResult<'_>> = cases
        .iter()
        .enumerate()
        .map(|(i, case)| TestResult {
            case,
            outcomes: chosen
                .iter()
                .flat_map(|p| p.results[i].outcomes.iter().copied())
                .collect(),
        })
        .collect();
    let failed: BTreeSet<String> = chosen
        .iter()
        .flat_map(|p| p.failed_requirements.iter().cloned())
        .collect();
    let level = if best == Level::Partial {
        consistency(&pooled, &failed, &requirements)
    } else {
        best
    };
    let names = chosen.iter().map(|p| p.name.clone()).collect();
    let cases = pooled.into_iter().map(|r| (r.case, r.outcomes)).collect();
    (names, level, cases)
}

/// ACT rule id → our rules that claim it, from the rules' metadata.
fn claims() -> BTreeMap<&'static str, Vec<&'static str>> {
    let mut claims: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
    for rule in RULES {
        for source in rule.meta.sources {
            if let Some(act) = source.act_rule() {
                claims.entry(act).or_default().push(rule.meta.id);
            }
        }
    }
    claims
}

/// The content type the engine parses a page file as (`govaudit-site`'s page types); `None`
/// for files that are not pages, which it skips.
fn page_content_type(path: &str) -> Option<&'static str> {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html" | "htm" | "shtml") => Some("text/html"),
        Some("xhtml") => Some("application/xhtml+xml"),
        Some("svg") => Some("image/svg+xml"),
        _ => None,
    }
}

/// The ACT test assets as the cases link them from a page at `file:///<rule>/<case>`:
/// `/WAI/content-assets/wcag-act-rules/<x>` is `<x>` under the data folder (the site root the
/// script gives the engine); anything else is unavailable.
struct ActAssets<'r> {
    root: &'r Path,
}

impl StylesheetSource for ActAssets<'_> {
    fn load(&self, url: &url::Url) -> SheetState {
        let local = url
            .path()
            .strip_prefix("/WAI/content-assets/wcag-act-rules/")
            .filter(|_| url.scheme() == "file")
            .map(|rest| self.root.join(rest));
        match local.map(std::fs::read_to_string) {
            Some(Ok(css)) => SheetState::Loaded(css.into()),
            Some(Err(e)) => SheetState::Unavailable {
                reason: e.to_string(),
            },
            None => SheetState::Unavailable {
                reason: "not in the ACT test data".to_owned(),
            },
        }
    }
}

/// Checks one case with every rule and reads its EARL back: the assertions the mapper sees.
fn run_case(root: &Path, case: &TestCase, rules: &[&'static RuleMeta]) -> Vec<Assertion> {
    let Some(content_type) = page_content_type(&case.relative_path) else {
        return Vec::new();
    };
    let path = root.join(&case.relative_path);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let site_path = case
        .relative_path
        .strip_prefix("testcases/")
        .unwrap_or(&case.relative_path);
    let url = url::Url::parse("file:///")
        .and_then(|root| root.join(site_path))
        .ok();
    let doc = Document::parse(&bytes, Some(content_type), url.as_ref());
    let mut found = Collector::with_applicability(case.relative_path.clone());
    govaudit_a11y::check_with(&doc, &ActAssets { root }, &mut found);
    let (findings, applicability) = found.into_parts();
    let mut report = Report::new();
    report.add_resource(case.relative_path.clone(), findings);
    report.applicability = applicability;
    report.finish();
    let sources = EarlSources::new().with_base(
        "testcases",
        "https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/",
    );
    let earl = earl_report_with_sources(&report, rules, &sources);
    let graph = earl["@graph"].as_array().expect("EARL has a @graph");
    graph
        .iter()
        .filter(|node| node["@type"] == "Assertion")
        .map(|node| {
            assert_eq!(
                node["subject"]["source"],
                case.url.as_str(),
                "subject.source"
            );
            Assertion {
                procedure: node["test"]["title"].as_str().expect("title").to_owned(),
                outcome: node["result"]["outcome"]
                    .as_str()
                    .and_then(Earl::parse)
                    .expect("an EARL outcome"),
                part_of: node["test"]["isPartOf"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p.as_str().map(str::to_owned))
                    .collect(),
            }
        })
        .collect()
}

/// Each procedure of one ACT rule with its own level, failed requirements and outcome per case
/// (cases marked `*` are approved): what to change to raise the rule.
fn explain_rule(act_id: &str, cases: &[&TestCase], procedures: &[Procedure<'_>]) -> String {
    let requirements = Requirements::of(cases[0]);
    let mut out = format!(
        "{act_id}: requires {:?}, allows {:?}\n",
        requirements.required, requirements.allowed
    );
    // A procedure that says `inapplicable` on every case changes nothing.
    for procedure in procedures.iter().filter(|p| {
        p.results
            .iter()
            .any(|r| r.outcomes.iter().any(|o| *o != Earl::Inapplicable))
    }) {
        let level = consistency(
            &procedure.results,
            &procedure.failed_requirements,
            &requirements,
        );
        let outcomes: Vec<String> = procedure
            .results
            .iter()
            .filter(|r| r.outcomes != [Earl::Inapplicable] || r.case.expected != Earl::Inapplicable)
            .map(|r| {
                let got: Vec<&str> = r.outcomes.iter().map(|o| o.as_str()).collect();
                format!(
                    "{}{}{}={}",
                    r.case.expected.as_str(),
                    &r.case.testcase_title.rsplit(' ').next().unwrap_or(""),
                    if r.case.approved { "*" } else { "" },
                    got.join("+")
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "  {} {} {:?}: {}",
            procedure.name,
            level.as_str(),
            procedure.failed_requirements,
            outcomes.join(" ")
        );
    }
    out
}

fn expected_levels() -> BTreeMap<String, Level> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("act-expected.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).expect("act-expected.json is JSON");
    json["rules"]
        .as_object()
        .expect("act-expected.json has a \"rules\" object")
        .iter()
        .map(|(id, level)| {
            let level = level
                .as_str()
                .and_then(Level::parse)
                .unwrap_or_else(|| panic!("act-expected.json: bad level for {id}"));
            (id.clone(), level)
        })
        .collect()
}

fn is_false_positive(case: &TestCase, outcomes: &[Earl]) -> bool {
    case.expected != Earl::Failed && outcomes.contains(&Earl::Failed)
}

fn is_missed(case: &TestCase, outcomes: &[Earl]) -> bool {
    case.expected == Earl::Failed && !outcomes.contains(&Earl::Failed)
}

fn table(results: &[RuleResult<'_>], expected: &BTreeMap<String, Level>) -> String {
    let mut out = String::new();
    let count = |level: Level, approved: Option<bool>| {
        results
            .iter()
            .filter(|r| r.level == level && approved.is_none_or(|a| r.approved == a))
            .count()
    };
    let cases: usize = results.iter().map(|r| r.cases.len()).sum();
    let _ = writeln!(
        out,
        "ACT rules: {} — complete {}, partial {}, inconsistent {} (approved rules: {}/{}/{}; \
         proposed: {}/{}/{}). Cases: {cases}.\n",
        results.len(),
        count(Level::Complete, None),
        count(Level::Partial, None),
        count(Level::Inconsistent, None),
        count(Level::Complete, Some(true)),
        count(Level::Partial, Some(true)),
        count(Level::Inconsistent, Some(true)),
        count(Level::Complete, Some(false)),
        count(Level::Partial, Some(false)),
        count(Level::Inconsistent, Some(false)),
    );
    out.push_str(
        "| ACT | rule | claimed by | procedures the mapper picks | failed caught/total | level | recorded |\n\
         | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for result in results {
        let failed_total = result
            .cases
            .iter()
            .filter(|(c, _)| c.expected == Earl::Failed)
            .count();
        let caught = result
            .cases
            .iter()
            .filter(|(c, o)| c.expected == Earl::Failed && o.contains(&Earl::Failed))
            .count();
        let recorded = expected.get(result.act_id).map_or("-", |l| l.as_str());
        let mut chosen = result.chosen.clone();
        if chosen.len() > 4 {
            let more = chosen.len() - 3;
            chosen.truncate(3);
            chosen.push(format!("{more} more"));
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {caught}/{failed_total} | {} | {recorded} |",
            result.act_id,
            result.name,
            result.claimed_by.join(", "),
            chosen.join(", "),
            result.level.as_str(),
        );
    }
    let mut details = String::new();
    for result in results.iter().filter(|r| r.level != Level::Complete) {
        for (case, outcomes) in &result.cases {
            if is_false_positive(case, outcomes) || is_missed(case, outcomes) {
                let outcomes: Vec<&str> = outcomes.iter().map(|o| o.as_str()).collect();
                let _ = writeln!(
                    details,
                    "- {} {} ({}): expected {}, got [{}] — {}",
                    result.act_id,
                    case.testcase_title,
                    case.testcase_id,
                    case.expected.as_str(),
                    outcomes.join(", "),
                    case.relative_path,
                );
            }
        }
    }
    if !details.is_empty() {
        out.push_str("\nCases of rules below complete, failed cases not failed:\n\n");
        out.push_str(&details);
    }
    out
}

#[test]
fn act_rules_are_consistent_at_their_recorded_levels() {
    let Some(shared) = govaudit_testkit::shared_dir() else {
        return;
    };
    let root = shared.join("act-rules");
    let text = std::fs::read_to_string(root.join("testcases.json")).expect("testcases.json");
    let all: TestCases = serde_json::from_str(&text).expect("testcases.json parses");
    let claims = claims();
    let expected = expected_levels();
    let rules: Vec<&'static RuleMeta> = RULES.iter().map(|r| r.meta).collect();

    // Every case once: its assertions, by case id.
    let assertions: BTreeMap<&str, Vec<Assertion>> = all
        .testcases
        .iter()
        .map(|case| (case.testcase_id.as_str(), run_case(&root, case, &rules)))
        .collect();

    let mut by_rule: BTreeMap<&str, Vec<&TestCase>> = BTreeMap::new();
    for case in &all.testcases {
        by_rule.entry(case.rule_id.as_str()).or_default().push(case);
    }
    // GOVAUDIT_ACT_EXPLAIN=<id>,<id>: every procedure's level and outcomes on those rules.
    let explain: Vec<String> = std::env::var("GOVAUDIT_ACT_EXPLAIN")
        .unwrap_or_default()
        .split(',')
        .map(str::to_owned)
        .collect();
    let mut results: Vec<RuleResult<'_>> = Vec::new();
    for (act_id, cases) in &by_rule {
        // Procedures in the order the mapper meets them does not matter: it takes every one at
        // the best level.
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for case in cases {
            for a in assertions
                .get(case.testcase_id.as_str())
                .into_iter()
                .flatten()
            {
                names.insert(&a.procedure);
            }
        }
        let procedures: Vec<Procedure<'_>> = names
            .into_iter()
            .map(|name| {
                let mut failed_requirements = BTreeSet::new();
                let results = cases
                    .iter()
                    .map(|case| {
                        let mut outcomes = Vec::new();
                        for a in assertions
                            .get(case.testcase_id.as_str())
                            .into_iter()
                            .flatten()
                        {
                            if a.procedure != name {
                                continue;
                            }
                            outcomes.push(a.outcome);
                            if matches!(a.outcome, Earl::Failed | Earl::CantTell) {
                                failed_requirements.extend(a.part_of.iter().cloned());
                            }
                        }
                        if outcomes.is_empty() {
                            outcomes.push(Earl::Untested);
                        }
                        TestResult { case, outcomes }
                    })
                    .collect();
                Procedure {
                    name: name.to_owned(),
                    failed_requirements,
                    results,
                }
            })
            .collect();
        if explain.iter().any(|id| id == act_id) {
            println!("{}", explain_rule(act_id, cases, &procedures));
        }
        let (chosen, level, pooled) = judge_rule(cases, procedures);
        results.push(RuleResult {
            act_id,
            name: &cases[0].rule_name,
            approved: cases.iter().any(|c| c.approved),
            claimed_by: claims.get(act_id).cloned().unwrap_or_default(),
            chosen,
            level,
            cases: pooled,
        });
    }
    // The mapper lists rules by name.
    results.sort_by(|a, b| a.name.cmp(b.name));

    let report = table(&results, &expected);
    println!("{report}");
    if let Some(path) = std::env::var_os("GOVAUDIT_ACT_STATUS") {
        let page = format!(
            "# ACT conformance status\n\nWritten by `GOVAUDIT_ACT_STATUS={} cargo test -p govaudit-a11y \
             --test act_conformance -- --nocapture`. Levels as the W3C ACT implementation mapper \
             computes them (docs/act-report.md); `recorded` is \
             crates/govaudit-a11y/act-expected.json.\n\n{report}",
            Path::new(&path).display()
        );
        std::fs::write(&path, page).expect("write the status file");
    }

    let mut problems = Vec::new();
    for result in &results {
        let recorded = expected.get(result.act_id);
        // A rule recorded as inconsistent is being fixed by its owner: reported, not enforced.
        if recorded == Some(&Level::Inconsistent) {
            if result.level > Level::Inconsistent {
                println!(
                    "{}: now {}; raise it in act-expected.json",
                    result.act_id,
                    result.level.as_str()
                );
            }
            continue;
        }
        if result.level == Level::Inconsistent {
            problems.push(format!("{}: inconsistent", result.act_id));
        }
        if let Some(&recorded) = recorded
            && result.level < recorded
        {
            problems.push(format!(
                "{}: {} but act-expected.json records {}",
                result.act_id,
                result.level.as_str(),
                recorded.as_str()
            ));
        }
    }
    for id in claims.keys() {
        if !by_rule.contains_key(id) {
            problems.push(format!("{id}: claimed, but the ACT data has no test case"));
        }
    }
    for id in expected.keys() {
        if !by_rule.contains_key(id.as_str()) {
            problems.push(format!(
                "{id}: in act-expected.json but not in the ACT data"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "ACT conformance:\n{}",
        problems.join("\n")
    );
}
