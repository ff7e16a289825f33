//! End-to-end tests of `govaudit check`, `rules` and `rule`: they run the real binary.

mod common;

use common::{govaudit, repo, validate_govaudit_json, validate_sarif};
use serde_json::Value;

#[test]
fn demo_site_json_validates_and_finds_the_planted_accessibility_defects() {
    let out = govaudit(&["check", "--format", "json", "examples/demo-site"]);
    assert_eq!(
        out.code, 1,
        "failing findings exit 1; stderr: {}",
        out.stderr
    );
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON output");
    validate_govaudit_json(&report);
    assert_eq!(report["schema"], "govaudit/1");
    let findings = report["findings"].as_array().unwrap();
    let has = |rule: &str, url: &str, line: u64| {
        findings.iter().any(|f| {
            f["rule"] == rule && f["url"] == url && f["location"]["line"].as_u64() == Some(line)
        })
    };
    assert!(has("a11y/image-alt", "examples/demo-site/index.html", 47));
    assert!(has(
        "a11y/document-title",
        "examples/demo-site/lxwm.html",
        10
    ));
    assert!(has(
        "a11y/html-has-lang",
        "examples/demo-site/jgzn/index.html",
        2
    ));
    for finding in findings {
        for key in [
            "url",
            "rule",
            "outcome",
            "severity",
            "message",
            "location",
            "standards",
            "evidence",
        ] {
            assert!(finding.get(key).is_some(), "finding lacks {key}: {finding}");
        }
    }
}

#[test]
fn demo_site_sarif_validates_against_the_official_schema() {
    let out = govaudit(&["check", "--format", "sarif", "examples/demo-site"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let sarif: Value = serde_json::from_str(&out.stdout).expect("SARIF output");
    validate_sarif(&sarif);
    assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn jsonl_has_one_object_per_line_and_a_summary_last() {
    let out = govaudit(&["check", "--format", "jsonl", "examples/demo-site"]);
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert!(lines.iter().any(|l| l["type"] == "finding"));
    assert_eq!(lines.last().unwrap()["type"], "summary");
}

#[test]
fn fail_on_sets_the_exit_code() {
    let page = repo().join("crates/govaudit-a11y/tests/fixtures/html-has-lang/fail.html");
    let page = page.to_str().unwrap();
    // html-has-lang is high: fails at high, passes at critical.
    assert_eq!(govaudit(&["check", "--fail-on", "high", page]).code, 1);
    assert_eq!(govaudit(&["check", "--fail-on", "critical", page]).code, 0);
    let out = govaudit(&[
        "check",
        "--fail-on",
        "info",
        "tests/fixtures/accessible.html",
    ]);
    assert_eq!(out.code, 0, "an accessible page fails: {}", out.stdout);
}

#[test]
fn usage_and_io_errors_exit_2_with_one_line_and_no_output() {
    for args in [
        &["check", "no/such/dir"][..],
        &["check", "--format", "yaml", "examples/demo-site"],
        &["check", "--only", "nonsense", "examples/demo-site"],
        &["check"],
        &["rule", "a11y/no-such-rule"],
        &["frobnicate"],
    ] {
        let out = govaudit(args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stdout.is_empty(),
            "{args:?} wrote to stdout: {}",
            out.stdout
        );
        assert!(!out.stderr.trim().is_empty(), "{args:?} said nothing");
    }
    let out = govaudit(&["check", "no/such/dir"]);
    assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
}

/// Another file beside a page is skipped with a note; a target with no page at all is an
/// error (an empty run must not pass a CI gate as "0 findings").
#[test]
fn unknown_file_types_are_skipped_with_a_note_and_no_page_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let css = dir.path().join("style.css");
    let page = dir.path().join("page.html");
    std::fs::write(&css, "p { color: red }").unwrap();
    std::fs::write(
        &page,
        "<!doctype html><html lang=en><title>t</title><main><h1>t</h1></main>",
    )
    .unwrap();
    let out = govaudit(&[
        "check",
        "--format",
        "json",
        css.to_str().unwrap(),
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    validate_govaudit_json(&report);
    assert_eq!(
        report["notes"][0]["message"],
        "skipped: not an HTML, XHTML or SVG file"
    );
    let alone = govaudit(&["check", "--format", "json", css.to_str().unwrap()]);
    assert_eq!(alone.code, 2);
    assert!(alone.stdout.is_empty());
    assert!(
        alone.stderr.contains("nothing to audit"),
        "{}",
        alone.stderr
    );
}

#[test]
fn text_output_has_no_colour_when_not_a_terminal() {
    let out = govaudit(&["check", "examples/demo-site"]);
    assert!(
        !out.stdout.contains('\u{1b}'),
        "escape codes in piped output"
    );
    assert!(out.stdout.contains("examples/demo-site/index.html:47"));
}

/// Text lists every failure but folds page-level reviews; `--all-reviews` lists them all; the
/// closing count is the same either way.
#[test]
fn text_output_folds_reviews_unless_all_reviews() {
    let folded = govaudit(&["check", "examples/demo-site"]).stdout;
    let all = govaudit(&["check", "--all-reviews", "examples/demo-site"]).stdout;
    let count = |text: &str, needle: &str| text.matches(needle).count();
    assert!(count(&folded, "  review  ") < count(&all, "  review  "));
    assert!(folded.contains("more findings to review in"), "{folded}");
    assert!(!all.contains("more findings to review in"));
    let closing = |text: &str| text.lines().last().unwrap_or_default().to_owned();
    assert_eq!(closing(&folded), closing(&all));
    // Every failing finding's place is still listed (the first lines of each failure).
    let failing_places = all
        .lines()
        .filter(|l| l.starts_with("  examples/") && !l.contains("  review  "))
        .count();
    let folded_places = folded
        .lines()
        .filter(|l| l.starts_with("  examples/") && !l.contains("  review  "))
        .count();
    assert_eq!(failing_places, folded_places);
    assert!(failing_places > 20, "{failing_places}");
}

#[test]
fn rules_lists_every_rule_with_standards_and_sources() {
    let out = govaudit(&["rules", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rules: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let image_alt = rules
        .iter()
        .find(|r| r["id"] == "a11y/image-alt")
        .expect("image-alt");
    let strings = |key: &str| -> Vec<String> {
        image_alt[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    assert!(strings("standards").contains(&"WCAG22:1.1.1".to_owned()));
    assert!(strings("sources").contains(&"ACT:23a2a8".to_owned()));
    assert!(strings("sources").contains(&"axe:image-alt".to_owned()));
    let mut ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "rule ids are unique and sorted");
}

#[test]
fn rule_prints_the_documentation() {
    let out = govaudit(&["rule", "a11y/image-alt"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("## Why it matters"));
    assert!(out.stdout.contains("WCAG22:1.1.1"));
}

#[test]
fn every_corpus_page_is_checked_without_a_panic() {
    let Some(shared) = govaudit_testkit::shared_dir() else {
        return;
    };
    let pages = shared.join("corpus/pages");
    let out = govaudit(&["check", "--format", "json", pages.to_str().unwrap()]);
    assert!(
        out.code == 0 || out.code == 1,
        "exit {}: {}",
        out.code,
        out.stderr
    );
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON");
    validate_govaudit_json(&report);
    assert!(report["summary"]["resources"].as_u64().unwrap() >= 150);
}

#[test]
fn only_selects_the_areas_that_run() {
    let out = govaudit(&[
        "check",
        "--format",
        "json",
        "--only",
        "links",
        "examples/demo-site",
    ]);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(
        findings
            .iter()
            .all(|f| f["rule"].as_str().unwrap().starts_with("links/"))
    );
    let out = govaudit(&[
        "check",
        "--format",
        "json",
        "--only",
        "a11y",
        "examples/demo-site",
    ]);
    let report: Value = serde_json::from_str(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .all(|f| f["rule"].as_str().unwrap().starts_with("a11y/"))
    );
}

/// A row of a Markdown table: its cells, trimmed, without the outer pipes.
fn table_cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(str::trim).collect())
}

/// The rows of the table under `## heading` in `markdown` (header and rule rows skipped).
fn table_rows<'m>(markdown: &'m str, heading: &str) -> Vec<Vec<&'m str>> {
    let section = markdown
        .split("\n## ")
        .find(|s| s.starts_with(heading))
        .unwrap_or_else(|| panic!("DEFECTS.md has no section {heading}"));
    section.lines().filter_map(table_cells).skip(2).collect()
}

/// The `backticked` pieces of a cell.
fn backticked(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

/// Whether `path` matches `pattern`: `*` is any run within a path segment, `**` any path.
fn page_matches(pattern: &str, path: &str) -> bool {
    if pattern == "**" {
        return true;
    }
    let (p_segments, segments): (Vec<_>, Vec<_>) =
        (pattern.split('/').collect(), path.split('/').collect());
    p_segments.len() == segments.len()
        && p_segments
            .iter()
            .zip(&segments)
            .all(|(p, s)| match p.split_once('*') {
                Some((prefix, suffix)) => {
                    s.len() >= prefix.len() + suffix.len()
                        && s.starts_with(prefix)
                        && s.ends_with(suffix)
                }
                None => p == s,
            })
}

/// DEFECTS.md is the demo site's answer key: every a11y and links defect it lists is reported
/// at its line, and every failing a11y or links finding is either a listed defect or one of the
/// listed template findings — so a new false positive on the demo site fails this test.
#[test]
fn demo_site_failures_are_exactly_the_documented_defects() {
    let defects = std::fs::read_to_string(repo().join("examples/demo-site/DEFECTS.md")).unwrap();
    // The demo site is served over HTTPS: its `http:` references are mixed content.
    let out = govaudit(&[
        "check",
        "--format",
        "json",
        "--site-url",
        "https://www.shili.gov.cn/",
        "examples/demo-site",
    ]);
    let report: Value = serde_json::from_str(&out.stdout).expect("JSON output");
    let failures: Vec<(String, String, u64)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["outcome"] == "fail")
        .map(|f| {
            let url = f["url"].as_str().unwrap();
            let page = url.strip_prefix("examples/demo-site/").unwrap_or(url);
            let line = f["location"]["line"].as_u64().unwrap_or(0);
            (
                f["rule"].as_str().unwrap().to_owned(),
                page.to_owned(),
                line,
            )
        })
        .collect();

    let mut planted: Vec<(String, String)> = Vec::new();
    for row in table_rows(&defects, "Defects") {
        let [_, area, file, lines, _, rules] = row[..] else {
            panic!("a Defects row has 6 cells: {row:?}");
        };
        if !matches!(area, "a11y" | "links") {
            continue;
        }
        let file = backticked(file)[0];
        let lines: Vec<u64> = lines
            .split(',')
            .filter_map(|l| l.trim().parse().ok())
            .collect();
        for rule in backticked(rules) {
            assert!(
                failures
                    .iter()
                    .any(|(r, f, l)| r == rule && f == file && lines.contains(l)),
                "DEFECTS.md: {rule} at {file}:{lines:?} is not reported"
            );
            planted.push((rule.to_owned(), file.to_owned()));
        }
    }
    assert!(
        planted.len() >= 20,
        "the Defects table was read: {planted:?}"
    );

    let templates: Vec<(String, Vec<String>)> =
        table_rows(&defects, "Findings of the shared templates")
            .into_iter()
            .map(|row| {
                let rule = backticked(row[0])[0].to_owned();
                (
                    rule,
                    backticked(row[1]).into_iter().map(str::to_owned).collect(),
                )
            })
            .collect();
    for (rule, pages) in &templates {
        assert!(
            failures
                .iter()
                .any(|(r, f, _)| r == rule && pages.iter().any(|p| page_matches(p, f))),
            "DEFECTS.md lists template findings of {rule} that are not reported"
        );
    }
    for (rule, page, line) in &failures {
        let documented = planted.iter().any(|(r, f)| r == rule && f == page)
            || templates
                .iter()
                .any(|(r, pages)| r == rule && pages.iter().any(|p| page_matches(p, page)));
        assert!(
            documented,
            "not in DEFECTS.md (a false positive?): {rule} at {page}:{line}"
        );
    }
}

#[test]
fn page_patterns_match_within_segments() {
    assert!(page_matches("xxgk/*.html", "xxgk/ndbg.html"));
    assert!(!page_matches("xxgk/*.html", "xxgk/a/ndbg.html"));
    assert!(!page_matches("xxgk/*.html", "xwzx/news.html"));
    assert!(page_matches("**", "xwzx/202611/t20261120_1001.html"));
    assert!(page_matches("lxwm.html", "lxwm.html"));
}

/// A folder of unrelated saved pages (no homepage at its root) is not read as one site: links
/// between its pages are not checked unless asked for, and the run says so (issue 9, item 19).
#[test]
fn links_are_checked_only_in_a_folder_that_is_a_site() {
    let dir = tempfile::tempdir().unwrap();
    let page = r#"<!doctype html><html lang="en"><head><title>Saved</title></head>
<body><main><a href="missing.html">gone</a></main></body></html>"#;
    std::fs::write(dir.path().join("saved-1.html"), page).unwrap();
    std::fs::write(dir.path().join("saved-2.html"), page).unwrap();
    let folder = dir.path().to_str().unwrap();
    let broken = |out: &common::Output| {
        out.stdout
            .lines()
            .filter(|l| l.contains("\"rule\":\"links/broken\""))
            .count()
    };

    let saved = govaudit(&["check", "--format", "jsonl", folder]);
    assert_eq!(broken(&saved), 0, "{}", saved.stdout);
    assert!(
        saved
            .stdout
            .contains("links not checked: the folder has no homepage"),
        "the skip is said: {}",
        saved.stdout
    );
    // In the reader's language in text output; JSON keeps the English message beside the
    // catalog id.
    let chinese = govaudit(&["--lang", "zh-CN", "check", folder]);
    assert!(
        chinese
            .stdout
            .contains("未检查链接：该文件夹根目录下没有首页"),
        "{}",
        chinese.stdout
    );
    assert!(
        saved.stdout.contains("\"id\":\"note-links-not-a-site\""),
        "{}",
        saved.stdout
    );

    // Asked for explicitly, or with a homepage: the links are checked.
    let only = govaudit(&["check", "--only", "links", "--format", "jsonl", folder]);
    assert_eq!(broken(&only), 2, "{}", only.stdout);
    std::fs::write(dir.path().join("index.html"), page).unwrap();
    let site = govaudit(&["check", "--format", "jsonl", folder]);
    assert_eq!(broken(&site), 3, "{}", site.stdout);
    assert!(!site.stdout.contains("links not checked"));
}

/// Accessibility rules are selected by a WCAG conformance target: AAA-only rules are off by
/// default (as in axe-core), and `--standard` or `standard` in govaudit.toml turns them on
/// (issue 9, item 17). WCAG 2.0 A/AA findings name Section 508's E205.4.
#[test]
fn aaa_rules_run_only_when_the_standard_asks_for_them() {
    let dir = tempfile::tempdir().unwrap();
    // #767676 on white is 4.54:1: enough for AA (4.5:1), not for AAA (7:1).
    let page = r#"<!doctype html><html lang="en"><head><title>Grey</title></head>
<body><main><p style="color:#767676;background:#fff">Grey text</p><img src="a.png"></main></body></html>"#;
    std::fs::write(dir.path().join("index.html"), page).unwrap();
    let folder = dir.path().to_str().unwrap();
    let rules = |out: &common::Output| -> Vec<Value> {
        out.stdout
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter(|v| v["type"] == "finding")
            .collect()
    };
    let enhanced = |findings: &[Value]| {
        findings
            .iter()
            .filter(|f| f["rule"] == "a11y/color-contrast-enhanced")
            .count()
    };

    let default = rules(&govaudit(&["check", "--format", "jsonl", folder]));
    assert_eq!(enhanced(&default), 0, "{default:?}");
    let image = default
        .iter()
        .find(|f| f["rule"] == "a11y/image-alt")
        .expect("image-alt still runs");
    assert!(
        image["standards"]
            .as_array()
            .unwrap()
            .contains(&Value::from("Section508:E205.4")),
        "{image}"
    );

    let aaa = rules(&govaudit(&[
        "check",
        "--standard",
        "wcag2aaa",
        "--format",
        "jsonl",
        folder,
    ]));
    assert_eq!(enhanced(&aaa), 1, "{aaa:?}");

    std::fs::write(
        dir.path().join("govaudit.toml"),
        "standard = \"wcag2aaa\"\n",
    )
    .unwrap();
    let from_file = rules(&govaudit(&["check", "--format", "jsonl", folder]));
    assert_eq!(enhanced(&from_file), 1, "{from_file:?}");

    let bad = govaudit(&["check", "--standard", "wcag3", folder]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}
