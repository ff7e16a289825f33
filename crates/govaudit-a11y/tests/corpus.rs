//! Every page of the real-page corpus (`../shared/corpus/pages`) goes through every rule without
//! a panic. With `GOVAUDIT_CORPUS_STATS=<file>` the test also writes per-rule and per-page
//! finding statistics as Markdown (the table in the crate README comes from it), and with
//! `GOVAUDIT_CORPUS_SAMPLE=<file>` one finding per rule and page for reading by hand. The
//! statistics also count elements failed by two rules at once (one problem reported twice).

use govaudit_core::{Collector, Outcome};
use govaudit_html::Document;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[test]
fn every_corpus_page_is_checked_without_a_panic() {
    let Some(shared) = govaudit_testkit::shared_dir() else {
        return;
    };
    let mut pages: Vec<_> = std::fs::read_dir(shared.join("corpus/pages"))
        .expect("corpus/pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "the corpus has no pages");

    let mut per_rule: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut per_page_fail = Vec::new();
    let mut per_page_review = Vec::new();
    let mut sample = String::new();
    // (rule, rule) → elements both fail.
    let mut doubles: BTreeMap<(String, String), usize> = BTreeMap::new();
    for path in &pages {
        let bytes = std::fs::read(path).expect("read page");
        let doc = Document::parse(&bytes, Some("text/html"), None);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut found = Collector::new(name.clone());
        govaudit_a11y::check(&doc, &mut found);
        let findings = found.into_findings();
        let fails = findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail)
            .count();
        per_page_fail.push(fails);
        per_page_review.push(findings.len() - fails);
        let mut seen_here: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &findings {
            let entry = per_rule.entry(f.rule.clone()).or_default();
            match f.outcome {
                Outcome::Fail => entry.0 += 1,
                Outcome::Review => entry.1 += 1,
            }
            *seen_here.entry(&f.rule).or_default() += 1;
            if f.outcome == Outcome::Fail && seen_here[f.rule.as_str()] == 1 {
                let _ = writeln!(
                    sample,
                    "{name}\t{}\tline {}\t{}\t{}\t{}",
                    f.rule,
                    f.location.line.unwrap_or(0),
                    f.location.selector.as_deref().unwrap_or("-"),
                    f.location.snippet.as_deref().unwrap_or("-"),
                    f.message
                );
            }
        }
        for rule in seen_here.keys() {
            per_rule.entry((*rule).to_owned()).or_default().2 += 1;
        }
        let mut failing_rules: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for f in findings.iter().filter(|f| f.outcome == Outcome::Fail) {
            if let Some(selector) = f.location.selector.as_deref() {
                failing_rules.entry(selector).or_default().insert(&f.rule);
            }
        }
        for rules in failing_rules.values() {
            for (i, a) in rules.iter().enumerate() {
                for b in rules.iter().skip(i + 1) {
                    *doubles
                        .entry(((*a).to_owned(), (*b).to_owned()))
                        .or_default() += 1;
                }
            }
        }
    }

    if let Some(path) = std::env::var_os("GOVAUDIT_CORPUS_STATS") {
        let mut md = String::new();
        let stat = |v: &mut Vec<usize>| {
            v.sort_unstable();
            let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
            (p(0.5), p(0.95), v[v.len() - 1], v.iter().sum::<usize>())
        };
        let (f50, f95, fmax, ftotal) = stat(&mut per_page_fail);
        let (r50, r95, rmax, rtotal) = stat(&mut per_page_review);
        let _ = writeln!(
            md,
            "{} pages. Failing findings per page: median {f50}, p95 {f95}, max {fmax} ({ftotal} in all). \
             Review findings per page: median {r50}, p95 {r95}, max {rmax} ({rtotal} in all).\n",
            pages.len()
        );
        md.push_str("| rule | fail | review | pages with a finding |\n| --- | --- | --- | --- |\n");
        for (rule, (fail, review, on_pages)) in &per_rule {
            let _ = writeln!(md, "| `{rule}` | {fail} | {review} | {on_pages} |");
        }
        md.push_str(
            "\nElements failed by two rules (the same element, not always the same problem):\n\n\
             | rules | elements |\n| --- | --- |\n",
        );
        for ((a, b), count) in &doubles {
            let _ = writeln!(md, "| `{a}` + `{b}` | {count} |");
        }
        std::fs::write(path, md).expect("write stats");
    }
    if let Some(path) = std::env::var_os("GOVAUDIT_CORPUS_SAMPLE") {
        std::fs::write(path, sample).expect("write sample");
    }
}
