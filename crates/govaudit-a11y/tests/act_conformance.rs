//! The W3C ACT conformance test: runs every test case of every ACT rule one of our rules claims
//! (a `Source` `ACT:<id>` in its metadata; there is no second list) and computes each ACT rule's
//! consistency as the W3C implementation reports do:
//!
//! - outcome of a case: a `fail` finding of a claiming rule that names `ACT:<id>` → `failed`; a
//!   `review` finding → `cantTell`; a claiming rule applied but found nothing → `passed`; none
//!   applied → `inapplicable`;
//! - an expected `failed` case accepts `failed` or `cantTell`; an expected `passed` or
//!   `inapplicable` case accepts anything but `failed` (a "false fail");
//! - **complete**: no wrong outcome and no `cantTell` on failed cases; **partial**: no false fail
//!   and at least one failed case caught (`failed` or `cantTell`); otherwise **inconsistent**.
//!
//! The test fails on any false fail, on an inconsistent claimed rule, and on a rule below the level
//! recorded in `act-expected.json`. The one exception is a rule recorded there as `inconsistent`:
//! a known gap its owner is fixing, shown in the table but not enforced, and to be raised as soon
//! as the table shows it consistent. It prints the table; with `GOVAUDIT_ACT_STATUS=<file>` it also
//! writes it as Markdown (the team's status page). The data is `../shared/act-rules` (see its
//! README), found through govaudit-testkit. Style sheets a case links from the shared test
//! assets (`/WAI/content-assets/wcag-act-rules/test-assets/...`) are supplied from that folder;
//! others (CDNs) are unavailable, which makes style-dependent rules say `cantTell`, never a
//! false fail.

use govaudit_a11y::RULES;
use govaudit_core::{Collector, Outcome};
use govaudit_html::Document;
use govaudit_html::style::{SheetState, StylesheetSource};
use serde::Deserialize;
use std::collections::BTreeMap;
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
}

/// The EARL outcomes an ACT report uses.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
enum Earl {
    Passed,
    Failed,
    Inapplicable,
    CantTell,
}

impl Earl {
    fn as_str(self) -> &'static str {
        match self {
            Earl::Passed => "passed",
            Earl::Failed => "failed",
            Earl::Inapplicable => "inapplicable",
            Earl::CantTell => "cantTell",
        }
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

/// One case's result.
struct CaseResult<'a> {
    case: &'a TestCase,
    actual: Earl,
}

impl CaseResult<'_> {
    fn false_fail(&self) -> bool {
        self.case.expected != Earl::Failed && self.actual == Earl::Failed
    }

    fn caught(&self) -> bool {
        self.case.expected == Earl::Failed && matches!(self.actual, Earl::Failed | Earl::CantTell)
    }

    fn missed(&self) -> bool {
        self.case.expected == Earl::Failed && !self.caught()
    }
}

struct RuleResult<'a> {
    act_id: &'a str,
    name: &'a str,
    ours: Vec<&'static str>,
    cases: Vec<CaseResult<'a>>,
}

impl RuleResult<'_> {
    fn level(&self) -> Level {
        let false_fail = self.cases.iter().any(CaseResult::false_fail);
        let caught = self.cases.iter().filter(|c| c.caught()).count();
        let missed = self.cases.iter().any(CaseResult::missed);
        let cant_tell_on_failed = self
            .cases
            .iter()
            .any(|c| c.case.expected == Earl::Failed && c.actual == Earl::CantTell);
        if false_fail || caught == 0 {
            Level::Inconsistent
        } else if missed || cant_tell_on_failed {
            Level::Partial
        } else {
            Level::Complete
        }
    }

    fn count(&self, expected: Earl, actual: impl Fn(Earl) -> bool) -> usize {
        self.cases
            .iter()
            .filter(|c| c.case.expected == expected && actual(c.actual))
            .count()
    }
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

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml",
        _ => "text/html; charset=utf-8",
    }
}

/// The ACT test assets as the cases link them: `/WAI/content-assets/wcag-act-rules/<x>` is
/// `<x>` under the data folder; anything else is unavailable.
struct ActAssets<'r> {
    root: &'r Path,
}

impl StylesheetSource for ActAssets<'_> {
    fn load(&self, url: &url::Url) -> SheetState {
        let local = url
            .path()
            .strip_prefix("/WAI/content-assets/wcag-act-rules/")
            .filter(|_| url.host_str() == Some("www.w3.org"))
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

/// Runs the claiming rules on one case and maps what they report to an EARL outcome.
fn run_case(root: &Path, case: &TestCase, ours: &[&'static str]) -> Earl {
    let path = root.join(&case.relative_path);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let url = url::Url::parse(&case.url).ok();
    let doc = Document::parse(
        &bytes,
        Some(content_type(&case.relative_path)),
        url.as_ref(),
    );
    let mut found = Collector::with_applicability(case.url.clone());
    govaudit_a11y::check_rules_with(&doc, ours, &ActAssets { root }, &mut found);
    let tag = format!("ACT:{}", case.rule_id);
    let mut outcome = None;
    for finding in found.findings() {
        if !ours.contains(&finding.rule.as_str()) || !finding.standards.contains(&tag) {
            continue;
        }
        match finding.outcome {
            Outcome::Fail => return Earl::Failed,
            Outcome::Review => outcome = Some(Earl::CantTell),
        }
    }
    outcome.unwrap_or_else(|| {
        if found
            .applicability()
            .iter()
            .any(|a| ours.contains(&a.rule.as_str()))
        {
            Earl::Passed
        } else {
            Earl::Inapplicable
        }
    })
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

fn table(results: &[RuleResult<'_>], expected: &BTreeMap<String, Level>) -> String {
    let mut out = String::new();
    let levels: Vec<Level> = results.iter().map(RuleResult::level).collect();
    let complete = levels.iter().filter(|l| **l == Level::Complete).count();
    let partial = levels.iter().filter(|l| **l == Level::Partial).count();
    let inconsistent = levels.len() - complete - partial;
    let cases: usize = results.iter().map(|r| r.cases.len()).sum();
    let false_fails: usize = results
        .iter()
        .map(|r| r.cases.iter().filter(|c| c.false_fail()).count())
        .sum();
    let _ = writeln!(
        out,
        "ACT rules claimed: {} — complete {complete}, partial {partial}, inconsistent \
         {inconsistent}; consistent {} (target 44). Cases run: {cases}; false fails: {false_fails}.\n",
        results.len(),
        complete + partial
    );
    out.push_str(
        "| ACT | rule | our rules | failed caught/total | cantTell on failed | false fails | level | recorded |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for (result, level) in results.iter().zip(&levels) {
        let failed_total = result.count(Earl::Failed, |_| true);
        let caught = result.count(Earl::Failed, |a| matches!(a, Earl::Failed | Earl::CantTell));
        let cant_tell = result.count(Earl::Failed, |a| a == Earl::CantTell);
        let false_fails = result.cases.iter().filter(|c| c.false_fail()).count();
        let recorded = expected.get(result.act_id).map_or("-", |l| l.as_str());
        let _ = writeln!(
            out,
            "| {} | {} | {} | {caught}/{failed_total} | {cant_tell} | {false_fails} | {} | {recorded} |",
            result.act_id,
            result.name,
            result.ours.join(", "),
            level.as_str(),
        );
    }
    let mut details = String::new();
    for result in results {
        for c in &result.cases {
            if c.false_fail() || c.missed() {
                let _ = writeln!(
                    details,
                    "- {} {} ({}): expected {}, got {} — {}",
                    result.act_id,
                    c.case.testcase_title,
                    c.case.testcase_id,
                    c.case.expected.as_str(),
                    c.actual.as_str(),
                    c.case.relative_path,
                );
            }
        }
    }
    if !details.is_empty() {
        out.push_str("\nWrong or missed cases (false fails first matter most):\n\n");
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

    let mut results: Vec<RuleResult<'_>> = Vec::new();
    for (act_id, ours) in &claims {
        let cases: Vec<&TestCase> = all
            .testcases
            .iter()
            .filter(|c| c.rule_id == *act_id)
            .collect();
        let name = cases
            .first()
            .map_or("(no test cases)", |c| c.rule_name.as_str());
        let cases = cases
            .into_iter()
            .map(|case| CaseResult {
                case,
                actual: run_case(&root, case, ours),
            })
            .collect();
        results.push(RuleResult {
            act_id,
            name,
            ours: ours.clone(),
            cases,
        });
    }

    let report = table(&results, &expected);
    println!("{report}");
    if let Some(path) = std::env::var_os("GOVAUDIT_ACT_STATUS") {
        let page = format!(
            "# ACT conformance status\n\nWritten by `GOVAUDIT_ACT_STATUS={} cargo test -p govaudit-a11y \
             --test act_conformance -- --nocapture` (B). Levels as W3C defines them; \
             `recorded` is crates/govaudit-a11y/act-expected.json. A rule that claims \
             `ACT:<id>` in its sources is run on every case of that ACT rule; a false fail or an \
             inconsistent rule fails the test. Record a new rule's level in act-expected.json when \
             it is consistent.\n\n{report}",
            Path::new(&path).display()
        );
        std::fs::write(&path, page).expect("write the status file");
    }

    let mut problems = Vec::new();
    for result in &results {
        if result.cases.is_empty() {
            problems.push(format!(
                "{}: claimed, but the ACT data has no test case",
                result.act_id
            ));
            continue;
        }
        let level = result.level();
        // A rule recorded as inconsistent is being fixed by its owner: reported, not enforced.
        if expected.get(result.act_id) == Some(&Level::Inconsistent) {
            if level > Level::Inconsistent {
                println!(
                    "{}: now {}; raise it in act-expected.json",
                    result.act_id,
                    level.as_str()
                );
            }
            continue;
        }
        for c in result.cases.iter().filter(|c| c.false_fail()) {
            problems.push(format!(
                "{}: false fail on {} ({})",
                result.act_id, c.case.testcase_title, c.case.relative_path
            ));
        }
        if level == Level::Inconsistent {
            problems.push(format!("{}: inconsistent", result.act_id));
        }
        if let Some(&recorded) = expected.get(result.act_id)
            && level < recorded
        {
            problems.push(format!(
                "{}: {} but act-expected.json records {}",
                result.act_id,
                level.as_str(),
                recorded.as_str()
            ));
        }
    }
    for id in expected.keys() {
        if !claims.contains_key(id.as_str()) {
            problems.push(format!("{id}: in act-expected.json but no rule claims it"));
        }
    }
    assert!(
        problems.is_empty(),
        "ACT conformance:\n{}",
        problems.join("\n")
    );
}
